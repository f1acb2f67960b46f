// PURPLE writes TUMOR.purple.purity.tsv beside TUMOR.purple.cnv.somatic.tsv and
// TUMOR.purple.cnv.gene.tsv (hmftools purple/README.md, "Purity File": a header and one row).
#include <string_view>

#include "io/cnv/internal.hpp"
#include "rvanno/error.hpp"

namespace rvanno::cnv {

namespace {

constexpr std::string_view kPurity = "purple.purity.tsv";

// "X.purple.cnv.somatic.tsv" -> ("X.purple.purity.tsv", "X"); nothing for other names. A gzipped
// table ("....tsv.gz") looks for the purity file gzipped first, then plain.
std::optional<std::pair<std::string, std::string>> purity_name(std::string table) {
    const bool gz = table.size() > 3 && table.compare(table.size() - 3, 3, ".gz") == 0;
    if (gz) table.resize(table.size() - 3);
    for (std::string_view suffix : {"purple.cnv.somatic.tsv", "purple.cnv.gene.tsv"}) {
        if (table.size() < suffix.size() || table.compare(table.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        std::string prefix = table.substr(0, table.size() - suffix.size());
        std::string sample = prefix.empty() ? "" : prefix.substr(0, prefix.size() - 1);
        if (!prefix.empty() && prefix.back() != '.') return std::nullopt;
        return std::pair{prefix + std::string(kPurity) + (gz ? ".gz" : ""), sample};
    }
    return std::nullopt;
}

std::size_t column(const std::vector<std::string>& header, const std::string& name, const LineReader& in) {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name || header[i] == "#" + name) return i;
    throw InputError(in.where(), "missing column '" + name + "' in the PURPLE purity file",
                     "expected PURPLE's purple.purity.tsv: a header line and one row");
}

}  // namespace

void read_purple_purity_beside(const std::filesystem::path& table, CopyNumberInput& out) {
    const auto names = purity_name(table.filename().string());
    if (!names) return;
    if (out.sample.empty()) out.sample = names->second;  // PURPLE names its files after the tumour
    auto path = table.parent_path() / names->first;
    std::error_code ec;
    if (path.extension() == ".gz" && !std::filesystem::is_regular_file(path, ec)) path.replace_extension();
    if (!std::filesystem::is_regular_file(path, ec)) return;
    LineReader in(path);
    std::string line;
    while (in.next(line) && is_blank(line)) {}
    if (is_blank(line)) throw InputError(in.path(), "the PURPLE purity file is empty", "regenerate it with PURPLE");
    const auto header = split_cells(line);
    const auto purity = column(header, "purity", in);
    const auto ploidy = column(header, "ploidy", in);
    while (in.next(line) && is_blank(line)) {}
    const auto cells = split_cells(line);
    if (in.line() < 2 || cells.size() != header.size())
        throw InputError(in.where(), "no row of the same width as the header in the PURPLE purity file",
                         "expected PURPLE's purple.purity.tsv: a header line and one row");
    out.purity = parse_number(cells[purity], "purity", in.where());
    out.ploidy = parse_number(cells[ploidy], "ploidy", in.where());
}

}  // namespace rvanno::cnv
