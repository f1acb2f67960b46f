// VcfReader on VCF text (stage 1, io/): raw lines, of which only CHROM and POS are looked at
// until the record falls inside a target gene; then its fixed columns are checked, a FILTERed
// record is counted without being parsed, and the rest is parsed with only the INFO keys and the
// sample column rvanno reads (vcf_raw_line.hpp).
#include <algorithm>
#include <cstring>
#include <string_view>

#include "base/genome.hpp"
#include "io/hts_info.hpp"
#include "io/vcf_raw_line.hpp"
#include "io/vcf_reader_impl.hpp"
#include "rvanno/error.hpp"

namespace rvanno {

// The next line straight from the decompressed BGZF block, found with memchr (bgzf_getline
// walks it byte by byte), leaving the stream where bgzf_getline would. -2 when bgzf_getline must
// read it: no block is loaded, the line reaches the block's end, or it ends in "\r\n".
int VcfReader::Impl::line_from_block() {
    BGZF* bg = fp->fp.bgzf;
    if (!bg || bg->block_offset >= bg->block_length || !bg->uncompressed_block) return -2;
    const char* begin = static_cast<const char*>(bg->uncompressed_block) + bg->block_offset;
    const auto available = static_cast<std::size_t>(bg->block_length - bg->block_offset);
    const auto* nl = static_cast<const char*>(std::memchr(begin, '\n', available));
    if (!nl || nl + 1 == begin + available || (nl > begin && nl[-1] == '\r')) return -2;
    const auto n = static_cast<std::size_t>(nl - begin);
    if (ks_resize(&line.s, n + 2) < 0) throw UserError("out of memory");
    std::memcpy(line.s.s, begin, n);
    line.s.l = n;
    line.s.s[n] = '\0';
    bg->block_offset += static_cast<int>(n + 1);
    bg->uncompressed_address += static_cast<std::int64_t>(n + 1);
    return static_cast<int>(n);
}

bool VcfReader::Impl::next_candidate_text() {
    FixedColumns columns;
    while (true) {
        int ret = -2;
        if (cursor)
            ret = cursor->next_line(&line.s);
        else if ((ret = lines_from_block ? line_from_block() : -2) == -2)
            ret = hts_getline(fp.get(), KS_SEP_LINE, &line.s);
        if (ret == -1) {
            check_stream_intact();
            count_unread_records();
            return false;
        }
        if (ret < -1)
            throw InputError(where(counters.records + 1), "read error (truncated or corrupt file?)",
                             "check the file with: bgzip -t FILE");
        if (line.s.l == 0) continue;
        ++counters.records;
        // --output-vcf: each record to the stream once, before the line is cut in place
        auto tee = [&](bool never_held) {  // a never-held line may be parsed in place
            if (stream) stream->text_record(line.s.s, line.s.l, never_held);
        };
        std::string_view l(line.s.s, line.s.l);
        auto tab1 = l.find('\t');
        auto tab2 = tab1 == std::string_view::npos ? tab1 : l.find('\t', tab1 + 1);
        if (l[0] == '#' || tab2 == std::string_view::npos) {
            tee(true);
            skip_invalid(l.substr(0, std::min(tab1, std::size_t{40})), -1,
                         "not a tab-separated VCF data line (header lines come first; columns are tab-separated)");
            continue;
        }
        std::string_view chrom = l.substr(0, tab1);
        if (chrom != last_chrom) {
            last_chrom.assign(chrom);
            auto c = canonical_contig(last_chrom);
            last_iv = c ? targets.intervals(*c) : nullptr;
        }
        std::int64_t pos = 0;
        bool bad_pos = tab2 == tab1 + 1;
        for (auto i = tab1 + 1; i < tab2 && !bad_pos; ++i) {
            char ch = l[i];
            bad_pos = ch < '0' || ch > '9' || pos > (std::int64_t{1} << 40);
            pos = pos * 10 + (ch - '0');
        }
        if (bad_pos) {
            const std::string problem = "POS '" +
                                        std::string(l.substr(tab1 + 1, std::min<std::size_t>(tab2 - tab1 - 1, 40))) +
                                        "' is not a position (a positive integer)";
            tee(true);  // may parse the line in place
            skip_invalid(last_chrom, -1, problem);
            continue;
        }
        if (!last_iv || !TargetIndex::contains(*last_iv, pos - 1)) {
            tee(true);
            ++counters.outside_targets;
            continue;
        }
        tee(false);
        // HTSlib 1.16 accepts lines cut short (tests/unit/io/htslib_behaviour_test.cpp) and
        // alleles and QUAL no VCF allows; see vcf_record_check.hpp.
        std::string problem = split_fixed_columns(l, columns)
                                  ? check_fixed_columns(columns)
                                  : "fewer than the 8 fixed VCF columns (the line is cut short or not tab-separated)";
        if (!problem.empty()) {
            skip_invalid(last_chrom, pos, problem);
            continue;
        }
        if (!options.include_filtered && !filter_may_pass(columns[6])) {
            // FILTERed whatever HTSlib would make of the rest: counted as a parsed one would be.
            counters.gt_phase_prefixes += count_gt_phase_prefixes(l);
            duplicate_key(columns, duplicate_alleles);
            if (is_duplicate(last_chrom, pos - 1, duplicate_alleles)) continue;
            ++counters.candidates;
            ++counters.filtered;
            continue;
        }
        if (parse_text_candidate(pos, columns)) return true;
    }
}

// vcf_parse of a candidate line after cutting what rvanno does not read (vcf_raw_line.hpp);
// false when HTSlib cannot parse it (skipped as invalid).
bool VcfReader::Impl::parse_text_candidate(std::int64_t pos, const FixedColumns& columns) {
    auto begin = [&](std::string_view column) { return static_cast<std::size_t>(column.data() - line.s.s); };
    keep_info_keys(&line.s, begin(columns[7]), columns[7].size(), info_keys);  // INFO first: it lies after QUAL
    set_to_dot(&line.s, begin(columns[5]), columns[5].size());
    counters.gt_phase_prefixes += strip_gt_phase_prefixes(&line.s);
    int unpack = BCF_UN_FLT;
    if (!annotation_ids.empty()) unpack |= BCF_UN_INFO;
    if (sample_column >= 0) unpack |= BCF_UN_FMT;
    if (vcf_parse(&line.s, hdr.get(), rec.get()) < 0 || bcf_unpack(rec.get(), unpack) < 0) {
        skip_invalid(last_chrom, pos,
                     "malformed VCF record that HTSlib cannot parse (" + htslib_message_hint() +
                         "; check it with: bcftools view FILE)");
        return false;
    }
    return true;
}

// An invalid record (text or BCF) is counted and told (or, under --strict, an InputError); the
// caller then goes on to the next one. pos is 1-based as printed; -1 when it could not be read.
void VcfReader::Impl::skip_invalid(std::string_view chrom, std::int64_t pos, const std::string& problem) {
    ++counters.invalid_records;
    std::string at = where(counters.records) + " (" + std::string(chrom);
    if (pos >= 0) at += ":" + std::to_string(pos);
    skips.skip(at + ")", problem, "records_invalid_skipped");
}

// A record with the CHROM, POS, REF and ALT of an earlier one is skipped (counted, told).
bool VcfReader::Impl::is_duplicate() {
    bcf1_t* r = rec.get();
    if (bcf_unpack(r, BCF_UN_STR) < 0) return false;
    duplicate_alleles.clear();
    for (int i = 0; i < r->n_allele; ++i) (duplicate_alleles += r->d.allele[i]) += ',';
    return is_duplicate(bcf_hdr_id2name(hdr.get(), r->rid), r->pos, duplicate_alleles);
}

// pos is 0-based.
bool VcfReader::Impl::is_duplicate(std::string_view chrom, std::int64_t pos, std::string_view alleles) {
    if (!duplicates.seen(chrom, pos, alleles)) return false;
    ++counters.duplicate_records;
    skips.skip(where(counters.records) + " (" + std::string(chrom) + ":" + std::to_string(pos + 1) + ")",
               "the same CHROM, POS, REF and ALT as an earlier record", "records_duplicate_skipped");
    return true;
}

}  // namespace rvanno
