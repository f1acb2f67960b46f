// Finding and recognising the header line of a copy-number table.
//
// A format is recognised from its key columns (its "family"); its required columns are then
// checked, so a CNVkit file without `log2` is reported as such rather than as "unknown format".
// Lines before the header may be blank, '#' comments or, for GATK, SAM-style '@' lines; any other
// line before the header is an error at that line (the project chose strictness: an R warning
// captured into a .seg file is reported, not skipped).
#include <algorithm>
#include <cctype>
#include <charconv>

#include "base/strings.hpp"
#include "io/cnv/internal.hpp"
#include "rvanno/error.hpp"

namespace rvanno::cnv {

namespace {

constexpr long kMaxPreambleLines = 100;  // lines searched for a header after the first non-header

bool has(const std::vector<std::string>& names, std::string_view n) {
    return std::find(names.begin(), names.end(), n) != names.end();
}

bool one_of(const std::string& s, std::initializer_list<std::string_view> options) {
    return std::find(options.begin(), options.end(), lower(s)) != options.end();
}

bool is_integer(const std::string& s) {
    long long v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return !s.empty() && ec == std::errc() && p == s.data() + s.size();
}

// DNAcopy writes ID chrom loc.start loc.end num.mark seg.mean; IGV reads the first four columns
// by position and the value from the last, and other tools rename them (warning.seg; TCGA/GDC
// "Sample Chromosome Start End Num_Probes Segment_Mean"; maftools' LAML "Start.bp End.bp").
bool looks_like_seg(const std::vector<std::string>& n) {
    return n.size() >= 5 && one_of(n[1], {"chrom", "chromosome", "chr"}) &&
           one_of(n[2], {"loc.start", "start", "startpos", "start.pos", "start.bp"}) &&
           one_of(n[3], {"loc.end", "end", "endpos", "end.pos", "end.bp"});
}

std::vector<std::string> required_columns(CnvFormat f) {
    switch (f) {
        case CnvFormat::cnvkit_cns:
            return {"chromosome", "start", "end", "log2"};
        case CnvFormat::cnvkit_call:
            return {"chromosome", "start", "end", "log2", "cn"};
        case CnvFormat::gatk_seg:
            return {"CONTIG", "START", "END"};
        case CnvFormat::purple_somatic:
            return {"chromosome", "start", "end", "copyNumber"};
        case CnvFormat::purple_gene:
            return {"chromosome", "start", "end", "gene", "minCopyNumber"};
        case CnvFormat::pcgr_allelic:
            return {"Chromosome", "Start", "End", "nMajor", "nMinor"};
        case CnvFormat::pcgr_log2:
            return {"Chromosome", "Start", "End", "Segment_Mean"};
        case CnvFormat::cbioportal_cna:
            return {"Hugo_Symbol"};
        case CnvFormat::plain:
            return {"chrom", "start", "end", "copy_number"};
        case CnvFormat::generic_seg:
        case CnvFormat::vcf:
            return {};
    }
    return {};
}

// With an explicit format, does this line count as that format's header?
bool is_header_for(CnvFormat wanted, const std::vector<std::string>& names) {
    const auto seen = recognise_header(names);
    if (wanted == CnvFormat::generic_seg)  // IGV ignores SEG column names: any header-shaped line
        return names.size() >= 5 && !is_integer(names[2]) && !is_integer(names[3]);
    return seen == wanted || (wanted == CnvFormat::cnvkit_cns && seen == CnvFormat::cnvkit_call);
}

void check_required(const TableHeader& h, const std::string& where) {
    for (const auto& r : required_columns(h.format))
        if (!h.index.count(r))
            throw InputError(where, "missing column '" + r + "' in the " + to_string(h.format) + " header",
                             "the header must name the columns: see testdata/cnv/README.md");
    if (h.format == CnvFormat::gatk_seg && !h.index.count("LOG2_COPY_RATIO_POSTERIOR_50") &&
        !h.index.count("MEAN_LOG2_COPY_RATIO"))
        throw InputError(where,
                         "missing column 'LOG2_COPY_RATIO_POSTERIOR_50' (ModelSegments) or "
                         "'MEAN_LOG2_COPY_RATIO' (CallCopyRatioSegments) in the gatk_seg header",
                         "give a GATK .modelFinal.seg or .called.seg file");
}

std::string sample_of_read_group(const std::string& line) {
    if (line.rfind("@RG\t", 0) != 0) return {};
    for (const auto& cell : split_cells(line))
        if (cell.rfind("SM:", 0) == 0) return cell.substr(3);
    return {};
}

TableHeader make_header(CnvFormat f, long line, std::vector<std::string> names) {
    TableHeader h{f, line, std::move(names), {}, {}};
    for (std::size_t i = 0; i < h.names.size(); ++i) h.index.emplace(h.names[i], i);
    if (f == CnvFormat::generic_seg) {  // by position, as IGV reads SEG
        h.index["ID"] = 0;
        h.index["chrom"] = 1;
        h.index["loc.start"] = 2;
        h.index["loc.end"] = 3;
        h.index["seg.mean"] = h.names.size() - 1;
    }
    return h;
}

[[noreturn]] void no_header(const LineReader& in, long first, const std::vector<std::string>& names,
                            std::optional<CnvFormat> wanted) {
    if (first == 0)
        throw InputError(in.path(), "no header line (the file is empty or has only comments)",
                         "a copy-number table starts with a line naming its columns");
    if (wanted) {
        for (const auto& r : required_columns(*wanted))
            if (!has(names, r))
                throw InputError(in.where(first), "not a " + to_string(*wanted) + " header: missing column '" + r + "'",
                                 "check the file, or leave the format to be detected");
        throw InputError(in.where(first), "not a " + to_string(*wanted) + " header",
                         "check the file, or leave the format to be detected");
    }
    throw InputError(in.where(first), "not the header of a known copy-number format",
                     "known: VCF, CNVkit .cns/.call.cns, GATK .seg, DNAcopy/IGV/TCGA SEG, PURPLE somatic/gene "
                     "tables, PCGR segments (nMajor/nMinor or 0.x Segment_Mean), cBioPortal discrete CNA, "
                     "plain 'chrom start end copy_number'");
}

}  // namespace

bool is_cna_annotation_column(const std::string& name) {
    return name == "Hugo_Symbol" || name == "Entrez_Gene_Id" || name == "Cytoband";
}

std::optional<CnvFormat> recognise_header(const std::vector<std::string>& n) {
    if (n.empty()) return std::nullopt;
    const std::string& first = n.front();
    if (first == "CONTIG" && has(n, "START") && has(n, "END")) return CnvFormat::gatk_seg;
    if (first == "chromosome" && (has(n, "minCopyNumber") || has(n, "maxCopyNumber"))) return CnvFormat::purple_gene;
    if (first == "chromosome" && has(n, "copyNumber")) return CnvFormat::purple_somatic;
    if (first == "chromosome" && (has(n, "log2") || has(n, "gene")))
        return has(n, "cn") ? CnvFormat::cnvkit_call : CnvFormat::cnvkit_cns;
    if (first == "Chromosome" && (has(n, "nMajor") || has(n, "nMinor"))) return CnvFormat::pcgr_allelic;
    if (first == "Chromosome" && has(n, "Segment_Mean") && n.size() >= 4 && n[1] == "Start")
        return CnvFormat::pcgr_log2;
    if ((first == "Hugo_Symbol" || first == "Entrez_Gene_Id") && has(n, "Hugo_Symbol") &&
        std::any_of(n.begin(), n.end(), [](const std::string& c) { return !is_cna_annotation_column(c); }))
        return CnvFormat::cbioportal_cna;
    if (first == "chrom" && has(n, "start") && has(n, "end")) return CnvFormat::plain;
    if (looks_like_seg(n)) return CnvFormat::generic_seg;
    return std::nullopt;
}

TableHeader read_table_header(LineReader& in, std::optional<CnvFormat> wanted) {
    std::string line, sample;
    long first_other = 0, first_at = 0;
    std::vector<std::string> first_names;
    while (in.next(line)) {
        if (is_blank(line)) continue;
        if (line[0] == '@') {  // SAM-style header of GATK tables
            if (!first_at) first_at = in.line();
            if (sample.empty()) sample = sample_of_read_group(line);
            continue;
        }
        const bool comment = line[0] == '#';
        auto names = split_cells(std::string_view(line).substr(comment ? 1 : 0));
        auto format = wanted ? (is_header_for(*wanted, names) ? wanted : std::nullopt) : recognise_header(names);
        if (format) {
            if (first_other)
                throw InputError(
                    in.where(first_other),
                    "text before the header (the header is line " + std::to_string(in.line()) + ")",
                    "delete the lines before the header, e.g. sed -i '1," + std::to_string(in.line() - 1) + "d' FILE");
            if (first_at && *format != CnvFormat::gatk_seg)
                throw InputError(in.where(first_at), "an '@' header line in a " + to_string(*format) + " table",
                                 "only GATK tables have SAM-style '@' lines; delete the lines before the header");
            TableHeader h = make_header(*format, in.line(), std::move(names));
            h.sample = sample;
            check_required(h, in.where());
            return h;
        }
        if (comment) continue;
        if (!first_other) {
            first_other = in.line();
            first_names = std::move(names);
        }
        if (in.line() - first_other >= kMaxPreambleLines) break;
    }
    no_header(in, first_other, first_names, wanted);
}

}  // namespace rvanno::cnv
