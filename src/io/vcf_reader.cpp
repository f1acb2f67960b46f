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
#include "io/vcf_reader_impl.hpp"

#include <htslib/bgzf.h>
#include "rvanno/error.hpp"

namespace rvanno {

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
    m.lines_from_block = m.is_text && m.fp->is_bgzf &&
                         (fmt->compression == htsCompression::bgzf || fmt->compression == htsCompression::gzip);
    if (options.threads > 0) hts_set_threads(m.fp.get(), options.threads);
    m.hdr.reset(bcf_hdr_read(m.fp.get()));
    if (!m.hdr) throw InputError(path, "cannot read the VCF header", "the file must start with ##fileformat=VCFv4.x");
    if (!m.rec) throw UserError("out of memory");
    if (options.vcf_stream) {
        m.stream = &options.vcf_stream->impl();
        // The block passthrough reads the stream's blocks as they load: single-threaded BGZF only.
        const bool plain_stream = m.lines_from_block && options.threads == 0 && options.regions.empty();
        m.stream->begin(path, m.hdr.get(), m.is_text, plain_stream ? m.fp->fp.bgzf : nullptr);
    }
    m.read_header_summary();
    m.choose_sample();
    m.resolve_tags();
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
    if (m.options.targets_through_index && m.options.regions.empty() && m.path != "-" && !m.cursor && !m.stream &&
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
    // When the genes hold most of the file (a panel or exome), seeking through the index reads
    // about as much and costs more per record (each line's position parsed by the index code)
    // than streaming it.
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && c->compressed_bytes_in_regions() * 2 > static_cast<std::int64_t>(size)) return;
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
    sample_column = c.index;
    summary.sample = c.name;
    summary.sample_rule = c.rule;
    // A text VCF's other sample columns are not parsed at all (BCF records are read whole; only
    // the chosen column's values are converted either way).
    std::vector<int> columns{sample_index};
    columns.insert(columns.end(), options.also_samples.begin(), options.also_samples.end());
    std::vector<int> kept = columns;
    if (is_text && sample_index >= 0) kept = keep_sample_columns(hdr.get(), columns);
    sample_column = kept.front();
    for (std::size_t i = 1; i < columns.size(); ++i) also_columns[columns[i]] = kept[i];
}

// Tags rvanno reads, resolved to header ids once (not by name per record).
void VcfReader::Impl::resolve_tags() {
    format_ids = resolve_format_ids(hdr.get());
    for (const auto& [tag, layout] : summary.annotation_tags) {
        const int id = bcf_hdr_id2int(hdr.get(), BCF_DT_ID, tag.c_str());
        const bool string = bcf_hdr_idinfo_exists(hdr.get(), BCF_HL_INFO, id) &&
                            bcf_hdr_id2type(hdr.get(), BCF_HL_INFO, id) == BCF_HT_STR;
        annotation_ids.push_back(string ? id : -1);
        info_keys.push_back(tag);
    }
    // PCGR's INFO TVAF/TDP (vcf_caller_counts.hpp: vaf_from_info).
    info_keys.insert(info_keys.end(), {"TVAF", "TDP"});
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

void VcfReader::Impl::fill(VariantRecord& out) {
    bcf1_t* r = rec.get();
    if (r->rid != fill_rid) {  // names looked up once per contig, not per record
        fill_rid = r->rid;
        fill_contig_name = bcf_hdr_id2name(hdr.get(), r->rid);
        auto c = canonical_contig(fill_contig_name);
        fill_contig = c ? *c : fill_contig_name;
    }
    out.contig_name = fill_contig_name;
    out.contig = fill_contig;
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
    read_sample_values(
        hdr.get(), format_ids, r, sample_column, [this] { return where(counters.records); }, sample_buffers, counters,
        out);
    // As bcf_get_info_string gives them: the value up to its first NUL, none when empty.
    for (std::size_t t = 0; t < annotation_ids.size(); ++t) {
        const bcf_info_t* info = annotation_ids[t] < 0 ? nullptr : bcf_get_info_id(r, annotation_ids[t]);
        if (!info || !info->vptr || info->len <= 0) continue;
        const auto* v = reinterpret_cast<const char*>(info->vptr);
        out.annotations.emplace_back(summary.annotation_tags[t].first,
                                     std::string(v, strnlen(v, static_cast<std::size_t>(info->len))));
    }
}

void VcfReader::sample_values(int sample, VariantRecord& out, ReaderCounters& sample_counters) {
    auto& m = *impl_;
    const auto column = m.also_columns.find(sample);
    if (column == m.also_columns.end())
        throw UserError("internal error: sample column " + std::to_string(sample) + " was not asked for");
    out.vaf.clear(), out.depth.reset(), out.genotype.clear(), out.phase_set.reset();
    read_sample_values(
        m.hdr.get(), m.format_ids, m.rec.get(), column->second, [&] { return m.where(out.record_number); },
        m.sample_buffers, sample_counters, out);
}

}  // namespace rvanno
