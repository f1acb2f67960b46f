// The fusion-table layouts behind read_sv_table (private to src/io/sv): how each is recognised
// from its header, its required columns, its sample column, and how one row becomes a
// Junction. The rules per layout are written at the top of sv/table_layouts.cpp.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rvanno/fusion.hpp"

namespace rvanno::sv {

enum class Layout { none, arriba, star_fusion, pcgr, list, linx, cbioportal_sv, oncokb_fusion, oncokb_sv };

// The layout a header line's cells name, Layout::none if none.
Layout layout_of(const std::vector<std::string>& header);
const std::vector<std::string>& required_columns(Layout l);
// SvInput::format of a layout: "arriba", "star-fusion", "list", "linx", "cbioportal_sv", "oncokb".
std::string format_name(Layout l);
// The column naming each row's sample (several samples per file), "" if the layout has none.
std::string sample_column(Layout l);

// One data row with its header, for reading cells by column name.
struct TableRow {
    const std::map<std::string, std::size_t>& index;
    const std::vector<std::string>& cells;
    std::string where;  // "file:line"

    const std::string& cell(const std::string& column) const;  // "" if absent
    // A read count; nullopt for "", "." or "NA"; InputError(where) for anything but a number >= 0.
    std::optional<int> count(const std::string& column) const;
};

enum class RowOutcome {
    junction,     // `j` is filled
    nonprimary,   // a breakpoint on an alt/decoy contig: left out, SvInput::skipped_nonprimary
    not_a_fusion  // an intragenic event or a repeated row: left out, SvInput::skipped_other
};

// Fills `j` from row `r`; throws InputError(where) for a malformed row.
RowOutcome read_row(Layout l, const TableRow& r, Junction& j);

// ---- shared by the layouts (table_layouts.cpp, named_tables.cpp) ----

// A breakpoint cell ("chr:pos[:strand]", "" = none) into `out`; false for an alt/decoy contig;
// InputError(where) for an unknown contig or text that is not a breakpoint.
bool read_side(const TableRow& r, const std::string& text, bool keeps_left, Breakend& out);
// "in-frame" / "out-of-frame" for a caller's frame word (in frame, INFRAME, frameshift...), else "".
std::string frame_word(const std::string& s);
// A gene name as rvanno uses it: STAR-Fusion's ^ENSG suffix cut; ".", "NA" and Arriba's
// intergenic "A(12),B(34)" are no gene ("").
std::string gene_symbol(std::string s);

// The gene symbols a row names, read as far as they can be without failing (for a skipped
// row: the genes whose fusion status it leaves unknown), joined by ','.
std::string genes_named(Layout l, const TableRow& r);

RowOutcome linx_row(const TableRow& r, Junction& j);
RowOutcome cbioportal_row(const TableRow& r, Junction& j);
RowOutcome oncokb_fusion_row(const TableRow& r, Junction& j);
RowOutcome oncokb_sv_row(const TableRow& r, Junction& j);

}  // namespace rvanno::sv
