// VcfReader on BCF (stage 1, io/): records stay packed until they are known to be candidates
// (inside a target gene); then only what VariantRecord needs is unpacked.
//
// Streaming (no -r/-R, no index cursor), a record's fixed header is read in place from the
// decompressed BGZF block: l_shared, l_indiv, then CHROM (contig id) and POS, the first fields
// of the shared block (BCF 2.2, section 6.3; tests/unit/io/htslib_behaviour_test.cpp pins the
// layout). A record outside every target gene is stepped over by moving the block offset, as
// bgzf_read would after copying it: no copy into a bcf1_t, no HTSlib record check, as a text
// record outside the genes is never parsed. A candidate, and any record whose 32 fixed bytes
// straddle two blocks, is read by bcf_read as before, so what reaches fill() is unchanged.
// With --output-vcf every record also goes to the annotated VCF's stream: a skipped one as its
// raw bytes (BCF output), else as bcf_read gave it.
#include <bit>
#include <cstring>
#include <string>

#include "base/genome.hpp"
#include "io/hts.hpp"
#include "io/vcf_reader_impl.hpp"
#include "rvanno/error.hpp"

namespace rvanno {

const Intervals* VcfReader::Impl::intervals_for_rid(int rid) {
    if (rid < 0) return nullptr;
    if (static_cast<std::size_t>(rid) >= iv_by_rid.size()) {
        auto n = static_cast<std::size_t>(hdr->n[BCF_DT_CTG]);
        for (auto i = iv_by_rid.size(); i < n; ++i) {
            auto c = canonical_contig(bcf_hdr_id2name(hdr.get(), static_cast<int>(i)));
            iv_by_rid.push_back(c ? targets.intervals(*c) : nullptr);
        }
        if (static_cast<std::size_t>(rid) >= iv_by_rid.size()) return nullptr;
    }
    return iv_by_rid[rid];
}

// Steps over the next record when its fixed header lies in the current block and puts it outside
// every target (counted); false when bcf_read must read it.
bool VcfReader::Impl::skip_outside_record() {
    if constexpr (std::endian::native != std::endian::little) return false;  // BCF is little-endian
    BGZF* bg = fp->fp.bgzf;
    const int available = bg->block_length - bg->block_offset;
    if (available < 32 || !bg->uncompressed_block) return false;
    const auto* x = static_cast<const char*>(bg->uncompressed_block) + bg->block_offset;
    std::uint32_t l_shared = 0, l_indiv = 0, pos = 0;
    std::int32_t rid = 0;
    std::memcpy(&l_shared, x, 4);
    std::memcpy(&l_indiv, x + 4, 4);
    std::memcpy(&rid, x + 8, 4);
    std::memcpy(&pos, x + 12, 4);
    if (l_shared < 24) return false;  // corrupt: bcf_read says so
    const Intervals* iv = intervals_for_rid(rid);
    if (iv && TargetIndex::contains(*iv, static_cast<std::int64_t>(pos))) return false;
    const std::uint64_t size = 8 + std::uint64_t{l_shared} + l_indiv;
    const bool in_block = size < static_cast<std::uint64_t>(available);
    // --output-vcf: copied raw when the stream takes it and it lies in the block; else read whole
    if (stream && (!in_block || !stream->takes_raw_bcf())) return false;
    ++counters.records;
    ++counters.outside_targets;
    if (in_block) {  // what bgzf_read does, without the copy
        if (stream) stream->bcf_raw(x, static_cast<std::size_t>(size));
        bg->block_offset += static_cast<int>(size);
        bg->uncompressed_address += static_cast<std::int64_t>(size);
        return true;
    }
    std::uint64_t left = size;
    skip_buffer.resize(1 << 16);
    while (left > 0) {
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(left, skip_buffer.size()));
        if (bgzf_read(bg, skip_buffer.data(), n) != static_cast<ssize_t>(n))
            throw InputError(where(counters.records), "truncated or corrupt BCF record",
                             "check the file with: bcftools view FILE > /dev/null");
        left -= n;
    }
    return true;
}

// BCF records stay packed (no bcf_unpack) until they are known to be candidates.
bool VcfReader::Impl::next_candidate_binary() {
    while (true) {
        if (!cursor && skip_outside_record()) continue;
        int ret = cursor ? cursor->next_record(rec.get()) : bcf_read(fp.get(), hdr.get(), rec.get());
        if (ret == -1) {
            check_stream_intact();
            count_unread_records();
            return false;
        }
        ++counters.records;
        if (ret < -1)
            throw InputError(where(counters.records), "truncated or corrupt BCF record",
                             "check the file with: bcftools view FILE > /dev/null");
        const Intervals* iv = intervals_for_rid(rec->rid);
        const bool outside = !iv || !TargetIndex::contains(*iv, rec->pos);
        if (stream) stream->bcf_record(rec.get(), outside);
        if (outside) {
            ++counters.outside_targets;
            continue;
        }
        int unpack = BCF_UN_FLT;
        if (!annotation_ids.empty()) unpack |= BCF_UN_INFO;
        if (sample_column >= 0) unpack |= BCF_UN_FMT;
        if (bcf_unpack(rec.get(), unpack) < 0)
            throw InputError(where(counters.records), "cannot unpack BCF record", "the file may be corrupt");
        std::string& alt = duplicate_alleles;  // free until is_duplicate
        alt.clear();
        for (int i = 1; i < rec->n_allele; ++i) (alt += i > 1 ? "," : "") += rec->d.allele[i];
        if (auto problem = check_alleles(rec->n_allele ? rec->d.allele[0] : "", rec->n_allele > 1 ? alt : ".");
            !problem.empty()) {
            skip_invalid(bcf_hdr_id2name(hdr.get(), rec->rid), rec->pos + 1, problem);
            continue;
        }
        return true;
    }
}

}  // namespace rvanno
