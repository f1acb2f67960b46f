// Pieces of read_copy_number (reader.cpp) shared by the per-format readers. Private to src/io.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/table_skips.hpp"
#include "io/text_table.hpp"
#include "rvanno/copy_number.hpp"

namespace rvanno::cnv {

// A copy-number table's lines (io/text_table.hpp: CR LF reads as LF), with this reader's
// messages for a missing file, a directory and a read error.
class LineReader : public TextLines {
public:
    explicit LineReader(const std::filesystem::path& path);  // throws UserError if unreadable
    bool next(std::string& line);                            // false at end of file
};

// Tab-separated cells with one pair of surrounding double quotes removed (R's write.table).
std::vector<std::string> split_cells(std::string_view line);
bool is_blank(std::string_view line);

// A recognised table header: the format, where it is, and column name -> index.
struct TableHeader {
    CnvFormat format{};
    long line{0};
    std::vector<std::string> names;
    std::map<std::string, std::size_t> index;
    std::string sample;  // GATK: SM of the @RG header line
};

// The format whose header `names` is, if any ("family" match on its key columns).
std::optional<CnvFormat> recognise_header(const std::vector<std::string>& names);
// Reads up to and including the header line; throws InputError for text before the header,
// a header that is not one of `wanted` (or of any format), or missing required columns.
TableHeader read_table_header(LineReader& in, std::optional<CnvFormat> wanted);

// Fills `out.segments` from the data rows after the header: one sample of a multi-sample SEG,
// malformed rows skipped or refused as io/table_skips.hpp says.
void read_table_rows(LineReader& in, const TableHeader& header, const TableReadOptions& options, CopyNumberInput& out);

// cBioPortal discrete CNA (data_CNA.txt): Hugo_Symbol, optional Entrez_Gene_Id and Cytoband,
// then one column per sample. is_cna_annotation_column: one of those three leading columns.
bool is_cna_annotation_column(const std::string& name);
// One gene-level row per gene with a call in the chosen sample's column (rules in cbioportal_cna.cpp).
void read_cna_rows(LineReader& in, const TableHeader& header, const TableReadOptions& options, CopyNumberInput& out);

// The canonical contig for `name`, nullopt for an alt/random/decoy/unplaced contig (to be
// skipped); throws InputError(where) for a name that is neither. `numeric_sex` maps the SEG
// convention 23 -> X, 24 -> Y, 25 -> MT.
std::optional<std::string> primary_contig(const std::string& name, const std::string& where, bool numeric_sex);

// Purity and ploidy from PURPLE's X.purple.purity.tsv beside X.purple.cnv.{somatic,gene}.tsv.
void read_purple_purity_beside(const std::filesystem::path& table, CopyNumberInput& out);

void read_vcf_copy_number(const std::filesystem::path& path, CopyNumberInput& out);

// Strict numbers: the whole cell must be the number. Throw InputError(where) otherwise.
std::int64_t parse_position(const std::string& cell, const std::string& column, const std::string& where);
double parse_number(const std::string& cell, const std::string& column, const std::string& where);
// As parse_number, but "", "NA", "NaN" and "." are "no value".
std::optional<double> parse_optional_number(const std::string& cell, const std::string& column,
                                            const std::string& where);

// [begin, end) from a file's start/end, checking order. `one_based`: 1-based inclusive
// (SEG, GATK, PURPLE, PCGR); otherwise 0-based half-open (CNVkit, plain).
Region make_region(std::string contig, std::int64_t start, std::int64_t end, bool one_based, const std::string& where);

}  // namespace rvanno::cnv
