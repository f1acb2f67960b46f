// read_sv_table: a fusion table's header, samples and rows. The layouts and their rules are in
// sv/table_layouts.cpp. Files are read through the one table reader (io/text_table.hpp: plain,
// gzip or bgzip; LF, CR LF or CR line ends). Lines starting with '#' other than a header are
// comments; blank lines are skipped; any other text before the header is an error naming
// "path:line". A table with a sample column (cBioPortal Sample_Id, OncoKB
// Tumor_Sample_Barcode) is read for one sample: TableReadOptions::sample, or the only one;
// several and none chosen is refused, listing them. Malformed data rows (bad breakpoints or
// counts, unknown contigs, short rows) are skipped with a warning or, with strict, refused
// (io/table_skips.hpp).
#include <algorithm>
#include <set>

#include "base/strings.hpp"
#include "io/sv/formats.hpp"
#include "io/sv/table_layouts.hpp"
#include "io/table_skips.hpp"
#include "io/text_table.hpp"
#include "rvanno/error.hpp"

namespace rvanno::sv {

namespace {

class TableReader {
public:
    TableReader(const std::string& path, const TableReadOptions& options)
        : path_(path), options_(options), lines_(path) {}
    SvInput read();

private:
    struct DataLine {
        long line;
        std::vector<std::string> cells;
    };
    std::string path_;
    TableReadOptions options_;
    TextLines lines_;
    Layout layout_{Layout::none};
    std::vector<std::string> header_;
    std::map<std::string, std::size_t> index_;
    SvInput out_;

    bool read_line(std::string& l);
    void read_header();
    std::size_t needed_cells() const;
};

bool TableReader::read_line(std::string& l) {
    if (!lines_.next(l)) {
        if (lines_.bad())
            throw UserError("read error on '" + path_ + "' after line " + std::to_string(lines_.line()),
                            "the file may be truncated or its gzip data corrupt");
        return false;
    }
    if (l.find('\0') != std::string::npos)
        throw InputError(lines_.where(), "binary data in a text table",
                         "give an SV VCF/BCF or a fusion table (Arriba, STAR-Fusion, PCGR, LINX, cBioPortal, "
                         "OncoKB, rvanno list)");
    return true;
}

void TableReader::read_header() {
    std::string l;
    long first_text = 0;
    while (read_line(l)) {
        if (l.empty()) continue;
        auto cells = split(l, '\t');
        const Layout lay = layout_of(cells);
        if (lay != Layout::none) {
            if (first_text)
                throw InputError(lines_.where(first_text),
                                 "text before the table header (line " + std::to_string(lines_.line()) + ")",
                                 "remove the lines before the header; comments must start with '#'");
            layout_ = lay;
            header_ = std::move(cells);
            for (std::size_t i = 0; i < header_.size(); ++i)
                index_.emplace(lay == Layout::linx ? lower(header_[i]) : header_[i], i);
            for (const auto& c : required_columns(lay))
                if (!index_.count(c))
                    throw InputError(lines_.where(), "header lacks the column '" + c + "'",
                                     "see testdata/sv/README.md for the columns each format needs");
            return;
        }
        if (l[0] == '#') continue;
        if (!first_text) first_text = lines_.line();
        if (lines_.line() - first_text > 50) break;
    }
    if (first_text)
        throw InputError(lines_.where(first_text), "not a recognised SV or fusion file",
                         "expected a VCF/BCF, an Arriba or STAR-Fusion table, a PCGR fusion table, a LINX "
                         ".linx.fusion.tsv, a cBioPortal structural-variant file, an OncoKB fusion/SV file or a "
                         "list with the header 'gene5<TAB>gene3'");
    throw InputError(path_, "empty file: no header and no rows", "give an SV VCF/BCF or a fusion table");
}

// Cells a row needs: up to the last required column.
std::size_t TableReader::needed_cells() const {
    std::size_t needed = 0;
    for (const auto& c : required_columns(layout_)) needed = std::max(needed, index_.at(c) + 1);
    return needed;
}

SvInput TableReader::read() {
    if (!lines_.is_open()) throw UserError("cannot open '" + path_ + "'", "check that the file exists and is readable");
    read_header();
    out_.path = path_;
    out_.format = format_name(layout_);
    std::vector<DataLine> rows;
    for (std::string l; read_line(l);) {
        if (l.empty() || l[0] == '#') continue;
        rows.push_back({lines_.line(), split(l, '\t')});
    }
    const std::string sample_col = sample_column(layout_);
    const std::size_t sample_at = sample_col.empty() || !index_.count(sample_col) ? 0 : index_.at(sample_col) + 1;
    auto sample_of = [&](const DataLine& r) {
        return sample_at && sample_at - 1 < r.cells.size() ? r.cells[sample_at - 1] : "";
    };
    if (sample_at) {
        std::vector<std::string> samples;
        for (const auto& r : rows)
            if (const auto s = sample_of(r);
                !s.empty() && std::find(samples.begin(), samples.end(), s) == samples.end())
                samples.push_back(s);
        out_.sample = choose_sample(path_, "its " + sample_col + " column", samples, options_.sample, "--sv-sample");
    }
    SkipLog skips(path_, options_.strict, out_.skipped_lines);
    std::set<std::string> seen;  // OncoKB fusion files list a fusion once per gene
    long kept = 0;
    const std::size_t needed = needed_cells();
    for (const auto& r : rows) {
        if (sample_at && sample_of(r) != out_.sample) continue;
        const std::string where = lines_.where(r.line);
        try {
            if (r.cells.size() < needed)
                throw InputError(where,
                                 "row has " + std::to_string(r.cells.size()) +
                                     " columns but the header needs at least " + std::to_string(needed),
                                 "check for missing or merged tab characters");
            Junction j;
            const RowOutcome o = read_row(layout_, TableRow{index_, r.cells, where}, j);
            ++kept;
            if (o == RowOutcome::nonprimary) {
                ++out_.skipped_nonprimary;
            } else if (o == RowOutcome::not_a_fusion ||
                       (layout_ == Layout::oncokb_fusion &&
                        !seen.insert(std::min(j.gene_a, j.gene_b) + "\t" + std::max(j.gene_a, j.gene_b)).second)) {
                ++out_.skipped_other;
            } else {
                out_.junctions.push_back(std::move(j));
            }
        } catch (const InputError& e) {
            skips.skip(e, std::nullopt, genes_named(layout_, TableRow{index_, r.cells, where}));
        }
    }
    skips.finish(kept);
    return std::move(out_);
}

}  // namespace

SvInput read_sv_table(const std::string& path, const TableReadOptions& options) {
    return TableReader(path, options).read();
}

}  // namespace rvanno::sv
