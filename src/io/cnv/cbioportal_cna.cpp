// cBioPortal discrete copy-number data (data_CNA.txt; cBioPortal "File Formats", discrete copy
// number data; the GISTIC 2.0 all_thresholded.by_genes layout): a gene x sample matrix whose
// cells are -2 (deep/homozygous deletion), -1 (shallow/hemizygous loss), 0 (diploid), 1 (gain),
// 2 (high-level amplification), or NA / empty (not called).
//
// The values are calls, not copy numbers, so none is invented: each called gene becomes one
// gene-level row (CopyNumberSegment with `gene` and `discrete`, no position, no copy number),
// and gene_copy_numbers() gives the gene the call's class and says where it came from. The
// matrix is read for one sample (TableReadOptions::sample; the only one when there is one;
// several and none chosen is refused, listing them). A row without a Hugo_Symbol (cBioPortal
// allows Entrez-only rows) cannot be placed on rvanno's genes and is skipped with a warning; a
// cell other than -2..2 or NA is a malformed row, skipped with a warning naming the gene.
#include <algorithm>

#include "io/cnv/internal.hpp"
#include "rvanno/error.hpp"

namespace rvanno::cnv {

namespace {

std::optional<int> discrete_call(const std::string& cell, const std::string& where, const std::string& sample) {
    if (cell.empty() || cell == "NA" || cell == "NaN") return std::nullopt;
    static const char* const kCalls[] = {"-2", "-1", "0", "1", "2"};
    for (int i = 0; i < 5; ++i)
        if (cell == kCalls[i] || cell == std::string(kCalls[i]) + ".0" ||
            (i > 2 && cell == "+" + std::string(kCalls[i])))
            return i - 2;
    throw InputError(where, "sample " + sample + ": '" + cell + "' is not a discrete copy-number call",
                     "cBioPortal discrete CNA cells are -2, -1, 0, 1, 2 or NA");
}

}  // namespace

void read_cna_rows(LineReader& in, const TableHeader& header, const TableReadOptions& options, CopyNumberInput& out) {
    for (const auto& name : header.names)
        if (!is_cna_annotation_column(name)) out.samples.push_back(name);
    out.sample = choose_sample(in.path(), "columns after Hugo_Symbol", out.samples, options.sample, "--cnv-sample");
    const std::size_t col = header.index.at(out.sample);
    const std::size_t gene_col = header.index.at("Hugo_Symbol");
    SkipLog skips(in.path(), options.strict, out.skipped_lines);
    long kept = 0;
    for (std::string line; in.next(line);) {
        if (is_blank(line) || line[0] == '#') continue;
        const auto cells = split_cells(line);
        const std::string gene = gene_col < cells.size() ? cells[gene_col] : "";
        try {
            if (cells.size() != header.names.size())
                throw InputError(in.where(),
                                 "the row has " + std::to_string(cells.size()) + " columns but the header has " +
                                     std::to_string(header.names.size()),
                                 "columns must be separated by single tabs; check for a cut-short line");
            if (gene.empty() || gene == "NA")
                throw InputError(in.where(), "no Hugo_Symbol: the row cannot be placed on a gene",
                                 "rvanno matches genes by HGNC symbol; add the symbol of the Entrez_Gene_Id");
            const auto call = discrete_call(cells[col], in.where(), out.sample);
            ++kept;
            if (!call) continue;
            CopyNumberSegment s;
            s.gene = gene;
            s.discrete = call;
            s.source = in.where();
            out.segments.push_back(std::move(s));
        } catch (const InputError& e) { skips.skip(e, std::nullopt, gene); }
    }
    skips.finish(kept);
}

}  // namespace rvanno::cnv
