// Stage 1, io/: takes a VCF, VCF.gz or BCF; gives its header summary (contigs, samples,
// annotation tags) and, record by record, VariantRecords of the records inside the target
// intervals. The cnv/, sv/ and depth/ readers do the same for the other inputs.
#include "io/vcf_reader.hpp"
#include "io/hts_info.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "base/genome.hpp"
#include "base/strings.hpp"
#include "base/warning.hpp"
#include "io/annotation_tags.hpp"
#include "io/hts.hpp"
#include "io/vcf_caller_counts.hpp"
#include "io/vcf_record_check.hpp"
#include "io/vcf_region_cursor.hpp"
#include "io/vcf_sample_choice.hpp"
#include "io/vcf_sample_values.hpp"

#include <htslib/bgzf.h>
#include "rvanno/error.hpp"

namespace rvanno {

using Intervals = std::vector<std::pair<std::int64_t, std::int64_t>>;

struct VcfReader::Impl {
    std::string path;
    VcfReaderOptions options;
    hts::File fp;
    hts::Header hdr;
    hts::Record rec{bcf_init()};
    std::unique_ptr<RegionCursor> cursor;  // -r/-R; declared after fp, so destroyed before it
    long indexed_total{-1};                // reading the targets through the index: the file's records
    hts::KString line;
    bool is_text{false};
    VcfHeaderSummary summary;
    SampleMarks marks;
    ReaderCounters counters;
    TargetIndex targets;
    int sample_index{-1};
    // text path: cache of the last CHROM seen
    std::string last_chrom;
    const Intervals* last_iv{nullptr};
    // binary path: target intervals per header rid (grows if the header gains contigs)
    std::vector<const Intervals*> iv_by_rid;
    SampleValueBuffers sample_buffers;
    hts::Buffer<char> sbuf;
    DuplicateRecords duplicates;
    RecordSkips skips{false};

    // Reading through the index, the ordinal counts the records of the gene regions only.
    std::string where(long record) const {
        return path + ": record " + std::to_string(record) + (indexed_total >= 0 ? " of the gene regions read" : "");
    }
    void read_header_summary();
    void choose_sample();
    bool next_candidate_text();
    void skip_invalid(std::string_view chrom, std::int64_t pos, const std::string& problem);
    bool is_duplicate();
    bool next_candidate_binary();
    const Intervals* intervals_for_rid(int rid);
    void check_stream_intact() const;
    void fill(VariantRecord& out);
    void read_targets_through_index();
    void count_unread_records();
};

namespace {
std::string unquote(const char* v) {
    std::string s = v ? v : "";
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return s;
}
std::string hrec_value(const bcf_hrec_t* h, const char* key) {
    for (int k = 0; k < h->nkeys; ++k)
        if (std::strcmp(h->keys[k], key) == 0) return unquote(h->vals[k]);
    return {};
}
}  // namespace

VcfReader::VcfReader(const std::string& path, const VcfReaderOptions& options) : impl_(std::make_unique<Impl>()) {
    auto& m = *impl_;
    m.path = path;
    m.options = options;
    m.skips = RecordSkips(options.strict);
    if (path != "-" && !std::filesystem::exists(path))
        throw UserError("cannot open '" + path + "': no such file", "check the path");
    m.fp.reset(hts_open(path.c_str(), "r"));
    if (!m.fp)
        throw UserError("cannot open '" + path + "' as VCF/BCF",
                        "check that it is readable and is a VCF, VCF.gz or BCF");
    const htsFormat* fmt = hts_get_format(m.fp.get());
    if (fmt->category != variant_data || (fmt->format != vcf && fmt->format != bcf))
        throw UserError("'" + path + "' is not a VCF or BCF file (HTSlib sees '" +
                            std::string(hts_format_file_extension(fmt)) + "')",
                        "give a VCF, VCF.gz or BCF; copy-number and SV files have their own options");
    m.is_text = fmt->format == vcf;
    if (options.threads > 0) hts_set_threads(m.fp.get(), options.threads);
    m.hdr.reset(bcf_hdr_read(m.fp.get()));
    if (!m.hdr) throw InputError(path, "cannot read the VCF header", "the file must start with ##fileformat=VCFv4.x");
    if (!m.rec) throw UserError("out of memory");
    m.read_header_summary();
    m.choose_sample();
    if (!options.regions.empty())
        m.cursor = std::make_unique<RegionCursor>(m.fp.get(), m.hdr.get(), path, options.regions);
}

VcfReader::~VcfReader() = default;

const VcfHeaderSummary& VcfReader::header() const { return impl_->summary; }
const ReaderCounters& VcfReader::counters() const { return impl_->counters; }

void VcfReader::set_targets(TargetIndex targets) {
    auto& m = *impl_;
    m.targets = std::move(targets);
    m.last_chrom.clear();
    m.last_iv = nullptr;
    m.iv_by_rid.clear();
    if (m.options.targets_through_index && m.options.regions.empty() && m.path != "-" && !m.cursor &&
        m.counters.records == 0)
        m.read_targets_through_index();
}

// The target genes as regions in the file's contig order, read through the index when it has
// one that counts the file's records (so every counter stays what a full pass gives); otherwise
// the file is streamed. Only records outside every target gene are never read.
void VcfReader::Impl::read_targets_through_index() {
    VcfRegions regions;
    for (const auto& c : summary.contigs) {
        auto canonical = canonical_contig(c.name);
        const auto* iv = canonical ? targets.intervals(*canonical) : nullptr;
        if (!iv) continue;
        for (const auto& [b, e] : *iv) regions.list.push_back({c.name, b, e});
    }
    if (regions.empty()) return;
    if (!index_is_current(path)) return;
    std::unique_ptr<RegionCursor> c;
    try {
        c = std::make_unique<RegionCursor>(fp.get(), hdr.get(), path, regions);
    } catch (const UserError&) {
        return;  // no index: stream the file
    }
    const long total = c->indexed_records();
    if (total <= 0) return;  // no record counts in the index: stream, so the counters stay whole
    cursor = std::move(c);
    indexed_total = total;
}

void VcfReader::Impl::read_header_summary() {
    const bool rescan = is_text && path != "-";
    if (rescan) warn_about_contig_lengths(path);
    for (int i = 0; i < hdr->nhrec; ++i) {
        const bcf_hrec_t* h = hdr->hrec[i];
        if (h->type == BCF_HL_CTG) {
            ContigDeclaration c{hrec_value(h, "ID"), std::nullopt};
            const std::string length = hrec_value(h, "length");
            c.length = rescan ? parse_contig_length(length) : declared_contig_length(path, c.name, length);
            summary.contigs.push_back(std::move(c));
        } else if (h->type == BCF_HL_GEN && h->key && h->value) {
            if (std::strcmp(h->key, "reference") == 0) summary.reference_line = h->value;
            if (std::strcmp(h->key, "tumor_sample") == 0) summary.tumor_sample = h->value;
            if (std::strcmp(h->key, "normal_sample") == 0) marks.normal_sample = h->value;
            if (std::strcmp(h->key, "MuTect") == 0) marks.mutect1 = h->value;
            if (std::strcmp(h->key, "source") == 0 && marks.source.empty()) marks.source = h->value;
            for (const char* k : {"sageVersion", "purpleVersion", "PaveVersion"})
                if (std::strcmp(h->key, k) == 0) marks.hartwig = true;
        } else if (h->type == BCF_HL_STR && h->key && std::strcmp(h->key, "SAMPLE") == 0) {
            marks.genomes.emplace_back(hrec_value(h, "ID"), hrec_value(h, "Genomes"));
        } else if (h->type == BCF_HL_STR && h->key && std::strcmp(h->key, "PEDIGREE") == 0) {
            if (auto d = hrec_value(h, "Derived"); !d.empty()) marks.pedigree_derived.push_back(d);
        } else if (h->type == BCF_HL_INFO) {
            auto layout = detect_annotation_layout(hrec_value(h, "Description"));
            if (layout) summary.annotation_tags.emplace_back(hrec_value(h, "ID"), *layout);
        }
    }
    for (int i = 0; i < bcf_hdr_nsamples(hdr.get()); ++i) summary.samples.emplace_back(hdr->samples[i]);
}

void VcfReader::Impl::choose_sample() {
    if (!options.choose_sample) return;
    marks.samples = summary.samples;
    marks.tumor_sample = summary.tumor_sample;
    SampleChoice c = choose_vcf_sample(marks, options.sample, path);
    sample_index = c.index;
    summary.sample = c.name;
    summary.sample_rule = c.rule;
}

bool VcfReader::next(VariantRecord& out) {
    auto& m = *impl_;
    while (m.is_text ? m.next_candidate_text() : m.next_candidate_binary()) {
        if (m.is_duplicate()) continue;
        ++m.counters.candidates;
        bool pass = m.rec->d.n_flt == 0;
        if (m.rec->d.n_flt == 1)
            pass = std::strcmp(bcf_hdr_int2id(m.hdr.get(), BCF_DT_ID, m.rec->d.flt[0]), "PASS") == 0;
        if (!pass && !m.options.include_filtered) {
            ++m.counters.filtered;
            continue;
        }
        out = VariantRecord{};
        out.record_number = m.counters.records;
        m.fill(out);
        return true;
    }
    return false;
}

// Reads raw lines; only CHROM and POS are looked at until the record is a candidate.
bool VcfReader::Impl::next_candidate_text() {
    while (true) {
        int ret = cursor ? cursor->next_line(&line.s) : hts_getline(fp.get(), KS_SEP_LINE, &line.s);
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
        std::string_view l(line.s.s, line.s.l);
        auto tab1 = l.find('\t');
        auto tab2 = tab1 == std::string_view::npos ? tab1 : l.find('\t', tab1 + 1);
        if (l[0] == '#' || tab2 == std::string_view::npos) {
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
            skip_invalid(last_chrom, -1,
                         "POS '" + std::string(l.substr(tab1 + 1, std::min<std::size_t>(tab2 - tab1 - 1, 40))) +
                             "' is not a position (a positive integer)");
            continue;
        }
        if (!last_iv || !TargetIndex::contains(*last_iv, pos - 1)) {
            ++counters.outside_targets;
            continue;
        }
        // HTSlib 1.16 accepts lines cut short (tests/unit/io/htslib_behaviour_test.cpp) and
        // alleles and QUAL no VCF allows; see vcf_record_check.hpp.
        if (auto problem = check_text_record(l); !problem.empty()) {
            skip_invalid(last_chrom, pos, problem);
            continue;
        }
        counters.gt_phase_prefixes += strip_gt_phase_prefixes(&line.s);
        if (vcf_parse(&line.s, hdr.get(), rec.get()) < 0 || bcf_unpack(rec.get(), BCF_UN_ALL) < 0) {
            skip_invalid(last_chrom, pos,
                         "malformed VCF record that HTSlib cannot parse (" + htslib_message_hint() +
                             "; check it with: bcftools view FILE)");
            continue;
        }
        return true;
    }
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
    std::string alleles;
    for (int i = 0; i < r->n_allele; ++i) (alleles += r->d.allele[i]) += ',';
    const char* chrom = bcf_hdr_id2name(hdr.get(), r->rid);
    if (!duplicates.seen(chrom, r->pos, std::move(alleles))) return false;
    ++counters.duplicate_records;
    skips.skip(where(counters.records) + " (" + chrom + ":" + std::to_string(r->pos + 1) + ")",
               "the same CHROM, POS, REF and ALT as an earlier record", "records_duplicate_skipped");
    return true;
}

// HTSlib reports a damaged or truncated BGZF stream as end of file; a partial result must not
// pass for a whole one, so look at the stream's error state and its end-of-file marker.
void VcfReader::Impl::check_stream_intact() const {
    BGZF* bgzf = fp->is_bgzf ? fp->fp.bgzf : nullptr;
    if (!bgzf) return;
    if (bgzf->errcode)
        throw InputError(where(counters.records + 1), "the compressed stream is damaged or truncated",
                         "check the file with: bgzip -t FILE");
    // Plain gzip (common for VCFs) has no BGZF end-of-file marker by design.
    if (hts_get_format(fp.get())->compression == htsCompression::bgzf && bgzf_check_EOF(bgzf) == 0)
        throw InputError(path, "no BGZF end-of-file marker: the file is probably truncated",
                         "check the file with: bgzip -t FILE; if it is complete, recompress it with bgzip");
}

// Reading through the index, the records never read lie outside every target gene.
void VcfReader::Impl::count_unread_records() {
    if (indexed_total < 0 || counters.records > indexed_total) return;
    counters.not_read = indexed_total - counters.records;
    counters.outside_targets += counters.not_read;
    counters.records = indexed_total;
    indexed_total = -1;
}

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

// BCF records stay packed (no bcf_unpack) until they are known to be candidates.
bool VcfReader::Impl::next_candidate_binary() {
    while (true) {
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
        if (!iv || !TargetIndex::contains(*iv, rec->pos)) {
            ++counters.outside_targets;
            continue;
        }
        if (bcf_unpack(rec.get(), BCF_UN_ALL) < 0)
            throw InputError(where(counters.records), "cannot unpack BCF record", "the file may be corrupt");
        std::string alt;
        for (int i = 1; i < rec->n_allele; ++i) (alt += i > 1 ? "," : "") += rec->d.allele[i];
        if (auto problem = check_alleles(rec->n_allele ? rec->d.allele[0] : "", rec->n_allele > 1 ? alt : ".");
            !problem.empty()) {
            skip_invalid(bcf_hdr_id2name(hdr.get(), rec->rid), rec->pos + 1, problem);
            continue;
        }
        return true;
    }
}

void VcfReader::Impl::fill(VariantRecord& out) {
    bcf1_t* r = rec.get();
    out.contig_name = bcf_hdr_id2name(hdr.get(), r->rid);
    auto c = canonical_contig(out.contig_name);
    out.contig = c ? *c : out.contig_name;
    out.pos = r->pos;
    out.id = r->d.id ? r->d.id : ".";
    out.ref = r->n_allele > 0 ? r->d.allele[0] : "";
    for (int i = 1; i < r->n_allele; ++i) {
        std::string a = r->d.allele[i];
        if (a == "*")
            ++counters.star_alleles;
        else if (a == ".")
            ++counters.no_alt;
        else if (a.find_first_of("<>[]") != std::string::npos)
            ++counters.symbolic_alleles;
        out.alts.push_back(std::move(a));
    }
    if (r->d.n_flt == 0) out.filter = ".";
    for (int i = 0; i < r->d.n_flt; ++i)
        out.filter += (i ? ";" : "") + std::string(bcf_hdr_int2id(hdr.get(), BCF_DT_ID, r->d.flt[i]));
    read_sample_values(hdr.get(), r, sample_index, where(counters.records), sample_buffers, counters, out);
    for (const auto& [tag, layout] : summary.annotation_tags) {
        int n = bcf_get_info_string(hdr.get(), r, tag.c_str(), &sbuf.data, &sbuf.size);
        if (n > 0) out.annotations.emplace_back(tag, std::string(sbuf.data, std::strlen(sbuf.data)));
    }
}

void VcfReader::sample_values(int sample, VariantRecord& out, ReaderCounters& sample_counters) {
    out.vaf.clear(), out.depth.reset(), out.genotype.clear(), out.phase_set.reset();
    read_sample_values(impl_->hdr.get(), impl_->rec.get(), sample, impl_->where(out.record_number),
                       impl_->sample_buffers, sample_counters, out);
}

}  // namespace rvanno
