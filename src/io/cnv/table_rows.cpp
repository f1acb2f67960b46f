// Data rows of copy-number tables -> CopyNumberSegment, one coordinate convention per format:
//   cnvkit_cns, cnvkit_call  0-based half-open, like BED (CNVkit doc/fileformats.rst: "Genomic
//                            coordinates are 0-indexed, like BED"; .cns is the .cnr layout)
//   plain                    0-based half-open (rvanno's own table, testdata/cnv/README.md)
//   generic_seg              1-based inclusive (CNVkit doc/fileformats.rst, SEG: "loc.start --
//                            segment's genomic start position, 1-indexed"; DNAcopy/CBS output)
//   gatk_seg                 1-based inclusive (GATK SimpleInterval: "1-based closed ended")
//   purple_somatic/_gene     1-based inclusive (hmftools purple/README.md: first segment of a
//                            chromosome has Start 1; consecutive segments share no base)
//   pcgr_allelic             1-based inclusive (PCGR docs/input.md: "coordinates must be one-based")
//   pcgr_log2                1-based inclusive (PCGR 0.x README: "coordinates must be one-based";
//                            Segment_Mean "denotes the log(2) ratio")
// A multi-sample SEG (several IDs in its first column, as DNAcopy, TCGA and cBioPortal write it)
// is read for one sample, TableReadOptions::sample, and refused without one. Malformed data rows
// are skipped with a warning (io/table_skips.hpp), with the span they claim when it can be read.
#include <algorithm>
#include <charconv>

#include "io/cnv/internal.hpp"
#include "io/table_skips.hpp"
#include "rvanno/error.hpp"

namespace rvanno::cnv {

namespace {

struct Layout {
    const char* chrom;
    const char* start;
    const char* end;
    bool one_based;
};

Layout layout_of(CnvFormat f) {
    switch (f) {
        case CnvFormat::cnvkit_cns:
        case CnvFormat::cnvkit_call:
            return {"chromosome", "start", "end", false};
        case CnvFormat::plain:
            return {"chrom", "start", "end", false};
        case CnvFormat::generic_seg:
            return {"chrom", "loc.start", "loc.end", true};
        case CnvFormat::gatk_seg:
            return {"CONTIG", "START", "END", true};
        case CnvFormat::purple_somatic:
        case CnvFormat::purple_gene:
            return {"chromosome", "start", "end", true};
        case CnvFormat::pcgr_allelic:
        case CnvFormat::pcgr_log2:
            return {"Chromosome", "Start", "End", true};
        case CnvFormat::vcf:
        case CnvFormat::cbioportal_cna:
            break;
    }
    return {"", "", "", false};
}

// One data row with its header, for reading cells by column name.
struct Row {
    const TableHeader& header;
    const std::vector<std::string>& cells;
    std::string where;

    bool has(const std::string& column) const { return header.index.count(column) > 0; }
    const std::string& cell(const std::string& column) const { return cells[header.index.at(column)]; }
    double number(const std::string& column) const { return parse_number(cell(column), column, where); }
    std::optional<double> optional(const std::string& column) const {
        return has(column) ? parse_optional_number(cell(column), column, where) : std::nullopt;
    }
};

// Values of a row, by format (coordinates are handled by the caller).
void fill_values(const Row& r, CnvFormat f, CopyNumberSegment& s) {
    switch (f) {
        case CnvFormat::cnvkit_call:
            s.copy_number = r.number("cn");
            s.major_cn = r.optional("cn1");  // cnvlib/call.py: cn1 >= cn2, empty without BAF
            s.minor_cn = r.optional("cn2");
            [[fallthrough]];
        case CnvFormat::cnvkit_cns:
            s.log2 = r.number("log2");
            break;
        case CnvFormat::gatk_seg:
            s.log2 = r.has("LOG2_COPY_RATIO_POSTERIOR_50") ? r.number("LOG2_COPY_RATIO_POSTERIOR_50")
                                                           : r.number("MEAN_LOG2_COPY_RATIO");
            break;
        case CnvFormat::generic_seg:
            s.log2 = r.number("seg.mean");
            break;
        case CnvFormat::purple_somatic:
            s.copy_number = r.number("copyNumber");
            s.minor_cn = r.has("minorAlleleCopyNumber") ? r.optional("minorAlleleCopyNumber")
                                                        : r.optional("minorAllelePloidy");  // older PURPLE
            s.major_cn =
                r.has("majorAlleleCopyNumber") ? r.optional("majorAlleleCopyNumber") : r.optional("majorAllelePloidy");
            break;
        case CnvFormat::purple_gene:
            s.copy_number = r.number("minCopyNumber");
            s.gene = r.cell("gene");
            break;
        case CnvFormat::pcgr_allelic:
            s.major_cn = r.number("nMajor");
            s.minor_cn = r.number("nMinor");
            s.copy_number = *s.major_cn + *s.minor_cn;
            break;
        case CnvFormat::pcgr_log2:
            s.log2 = r.number("Segment_Mean");
            break;
        case CnvFormat::plain:
            s.copy_number = r.number("copy_number");
            break;
        case CnvFormat::vcf:
        case CnvFormat::cbioportal_cna:
            break;
    }
}

// The segment of one row, or nullopt if it lies on a contig that is skipped.
std::optional<CopyNumberSegment> read_row(const Row& r) {
    const Layout l = layout_of(r.header.format);
    CopyNumberSegment s;
    s.source = r.where;
    s.contig_name = r.cell(l.chrom);
    const auto contig = primary_contig(s.contig_name, r.where, r.header.format == CnvFormat::generic_seg);
    const auto start = parse_position(r.cell(l.start), l.start, r.where);
    const auto end = parse_position(r.cell(l.end), l.end, r.where);
    fill_values(r, r.header.format, s);
    if (!contig) return std::nullopt;
    s.where = make_region(*contig, start, end, l.one_based, r.where);
    return s;
}

// The span a malformed row claims, for marking the genes it overlaps: its contig and its two
// positions in either order, when they can be read at all.
std::optional<Region> rough_region(const TableHeader& h, const std::vector<std::string>& cells) {
    const Layout l = layout_of(h.format);
    const auto at = [&](const char* column) -> const std::string* {
        auto it = h.index.find(column);
        return it == h.index.end() || it->second >= cells.size() ? nullptr : &cells[it->second];
    };
    const std::string *chrom = at(l.chrom), *start = at(l.start), *end = at(l.end);
    if (!chrom || !start || !end) return std::nullopt;
    auto contig = canonical_contig(*chrom);
    if (!contig && h.format == CnvFormat::generic_seg && (*chrom == "23" || *chrom == "24"))
        contig = *chrom == "23" ? "X" : "Y";
    std::int64_t a = 0, b = 0;
    const auto ra = std::from_chars(start->data(), start->data() + start->size(), a);
    const auto rb = std::from_chars(end->data(), end->data() + end->size(), b);
    if (!contig || ra.ec != std::errc() || rb.ec != std::errc() || a < 0 || b < 0) return std::nullopt;
    if (a > b) std::swap(a, b);
    if (l.one_based && a > 0) --a;
    return Region{*contig, a, std::max(b, a + 1)};
}

struct DataLine {
    long line;
    std::vector<std::string> cells;
};

}  // namespace

void read_table_rows(LineReader& in, const TableHeader& header, const TableReadOptions& options, CopyNumberInput& out) {
    std::vector<DataLine> rows;
    for (std::string line; in.next(line);) {
        if (is_blank(line) || line[0] == '#') continue;
        rows.push_back({in.line(), split_cells(line)});
    }
    // SEG: the first column names the sample of each row.
    const bool by_sample = header.format == CnvFormat::generic_seg;
    if (by_sample) {
        for (const auto& r : rows)
            if (std::find(out.samples.begin(), out.samples.end(), r.cells[0]) == out.samples.end())
                out.samples.push_back(r.cells[0]);
        out.sample =
            choose_sample(in.path(), "its " + header.names[0] + " column", out.samples, options.sample, "--cnv-sample");
    }
    SkipLog skips(in.path(), options.strict, out.skipped_lines);
    long kept = 0;
    for (const auto& r : rows) {
        if (by_sample && r.cells[0] != out.sample) continue;
        const std::string where = in.where(r.line);
        try {
            if (r.cells.size() != header.names.size())
                throw InputError(where,
                                 "the row has " + std::to_string(r.cells.size()) + " columns but the header has " +
                                     std::to_string(header.names.size()),
                                 "columns must be separated by single tabs; check for a cut-short line");
            auto s = read_row(Row{header, r.cells, where});
            ++kept;
            if (s)
                out.segments.push_back(std::move(*s));
            else
                ++out.skipped_contigs;
        } catch (const InputError& e) { skips.skip(e, rough_region(header, r.cells)); }
    }
    skips.finish(kept);
}

}  // namespace rvanno::cnv
