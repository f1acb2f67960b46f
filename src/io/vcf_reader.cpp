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
#include "io/vcf_region_cursor.hpp"
#include "io/vcf_sample_choice.hpp"

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
    hts::Buffer<float> fbuf;
    hts::Buffer<int32_t> ibuf;
    hts::Buffer<char> sbuf;

    std::string where(long record) const { return path + ": record " + std::to_string(record); }
    void read_header_summary();
    void choose_sample();
    bool next_candidate_text();
    bool next_candidate_binary();
    const Intervals* intervals_for_rid(int rid);
    void check_stream_intact() const;
    void fill(VariantRecord& out);
    void fill_sample(VariantRecord& out);
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
    impl_->targets = std::move(targets);
    impl_->last_chrom.clear();
    impl_->last_iv = nullptr;
    impl_->iv_by_rid.clear();
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
        if (l[0] == '#' || tab2 == std::string_view::npos)
            throw InputError(where(counters.records), "not a tab-separated VCF data line",
                             "header lines must come first and columns must be separated by tabs");
        std::string_view chrom = l.substr(0, tab1);
        if (chrom != last_chrom) {
            last_chrom.assign(chrom);
            auto c = canonical_contig(last_chrom);
            last_iv = c ? targets.intervals(*c) : nullptr;
        }
        std::int64_t pos = 0;
        for (auto i = tab1 + 1; i < tab2; ++i) {
            char ch = l[i];
            if (ch < '0' || ch > '9' || pos > (std::int64_t{1} << 40))
                throw InputError(where(counters.records) + " (" + last_chrom + ")",
                                 "POS '" + std::string(l.substr(tab1 + 1, tab2 - tab1 - 1)) + "' is not a position",
                                 "POS must be a positive integer");
            pos = pos * 10 + (ch - '0');
        }
        if (!last_iv || !TargetIndex::contains(*last_iv, pos - 1)) {
            ++counters.outside_targets;
            continue;
        }
        // HTSlib 1.16 accepts lines cut short (tests/unit/io/htslib_behaviour_test.cpp); VCF needs 8.
        if (std::count(l.begin(), l.end(), '\t') < 7)
            throw InputError(where(counters.records) + " (" + last_chrom + ":" + std::to_string(pos) + ")",
                             "fewer than the 8 fixed VCF columns", "the line is cut short or not tab-separated");
        if (vcf_parse(&line.s, hdr.get(), rec.get()) < 0 || bcf_unpack(rec.get(), BCF_UN_ALL) < 0)
            throw InputError(where(counters.records) + " (" + last_chrom + ":" + std::to_string(pos) + ")",
                             "malformed VCF record", htslib_message_hint() + "; check it with: bcftools view FILE");
        return true;
    }
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
    fill_sample(out);
    for (const auto& [tag, layout] : summary.annotation_tags) {
        int n = bcf_get_info_string(hdr.get(), r, tag.c_str(), &sbuf.data, &sbuf.size);
        if (n > 0) out.annotations.emplace_back(tag, std::string(sbuf.data, std::strlen(sbuf.data)));
    }
}

void VcfReader::Impl::fill_sample(VariantRecord& out) {
    out.vaf.assign(out.alts.size(), std::nullopt);
    if (sample_index < 0) {
        if (auto source = vaf_from_info(hdr.get(), rec.get(), out); !source.empty()) ++counters.vaf_sources[source];
        return;
    }
    bcf1_t* r = rec.get();
    const int ns = bcf_hdr_nsamples(hdr.get());
    std::string source;  // of the VAF
    int n = bcf_get_format_float(hdr.get(), r, "AF", &fbuf.data, &fbuf.size);
    if (n > 0 && n % ns == 0) {
        int per = n / ns;
        for (int a = 0; a < per && a < static_cast<int>(out.alts.size()); ++a) {
            float v = fbuf.data[sample_index * per + a];
            if (!bcf_float_is_missing(v) && !bcf_float_is_vector_end(v)) {
                out.vaf[a] = v;
                source = "FORMAT/AF";
            }
        }
    }
    n = bcf_get_format_int32(hdr.get(), r, "AD", &ibuf.data, &ibuf.size);
    std::optional<int> ad_sum;
    if (n > 0 && n % ns == 0) {
        int per = n / ns;
        const int32_t* ad = ibuf.data + sample_index * per;
        int sum = 0;
        bool any = false;
        for (int i = 0; i < per; ++i)
            if (ad[i] != bcf_int32_missing && ad[i] != bcf_int32_vector_end && ad[i] >= 0) {
                sum += ad[i];
                any = true;
            }
        if (any) ad_sum = sum;
        for (int a = 1; a < per && a <= static_cast<int>(out.alts.size()); ++a)
            if (!out.vaf[a - 1] && sum > 0 && ad[a] != bcf_int32_missing && ad[a] != bcf_int32_vector_end &&
                ad[a] >= 0) {
                out.vaf[a - 1] = static_cast<double>(ad[a]) / sum;
                if (source.empty()) source = "FORMAT/AD";
            }
    }
    n = bcf_get_format_int32(hdr.get(), r, "DP", &ibuf.data, &ibuf.size);
    if (n == ns && ibuf.data[sample_index] != bcf_int32_missing && ibuf.data[sample_index] >= 0)
        out.depth = ibuf.data[sample_index];
    if (!out.depth) out.depth = ad_sum;
    if (source.empty()) source = vaf_from_caller_counts(hdr.get(), r, sample_index, out);
    if (!source.empty()) ++counters.vaf_sources[source];
    n = bcf_get_genotypes(hdr.get(), r, &ibuf.data, &ibuf.size);
    if (n > 0 && n % ns == 0) {
        int per = n / ns;
        const int32_t* gt = ibuf.data + sample_index * per;
        for (int i = 0; i < per && gt[i] != bcf_int32_vector_end; ++i) {
            if (i) out.genotype += bcf_gt_is_phased(gt[i]) ? '|' : '/';
            out.genotype += bcf_gt_is_missing(gt[i]) ? "." : std::to_string(bcf_gt_allele(gt[i]));
        }
    }
    n = bcf_get_format_int32(hdr.get(), r, "PS", &ibuf.data, &ibuf.size);
    if (n == ns && ibuf.data[sample_index] != bcf_int32_missing) out.phase_set = ibuf.data[sample_index];
}

std::optional<std::int64_t> declared_contig_length(const std::string& file, const std::string& id,
                                                   const std::string& length) {
    if (length.empty()) return std::nullopt;
    if (auto v = parse_contig_length(length)) return v;
    warn(file + ": ##contig=<ID=" + id + ",length=" + length +
         ">: length is not a positive integer; the contig is not used for build detection");
    return std::nullopt;
}

namespace {

// The value of `key` in a "##contig=<ID=chr2,length=123,...>" line ("" if absent).
std::string_view contig_field(std::string_view line, std::string_view key) {
    for (std::size_t at = line.find('<'); at != std::string_view::npos; at = line.find(',', at + 1)) {
        const std::string_view rest = line.substr(at + 1);
        if (rest.substr(0, key.size()) == key && rest.substr(key.size(), 1) == "=") {
            const std::string_view value = rest.substr(key.size() + 1);
            return value.substr(0, value.find_first_of(",>"));
        }
    }
    return {};
}

}  // namespace

void warn_about_contig_lengths(const std::string& path) {
    hts::File fp(hts_open(path.c_str(), "r"));
    if (!fp) return;
    hts::KString line;
    while (hts_getline(fp.get(), KS_SEP_LINE, &line.s) >= 0) {
        const std::string_view l(line.s.s, line.s.l);
        if (l.substr(0, 2) != "##") break;
        if (l.substr(0, 10) == "##contig=<")
            declared_contig_length(path, std::string(contig_field(l, "ID")), std::string(contig_field(l, "length")));
    }
}

}  // namespace rvanno
