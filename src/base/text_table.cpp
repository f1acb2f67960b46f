#include "base/text_table.hpp"

#include "rvanno/error.hpp"

namespace rvanno {

TextLines::TextLines(const std::filesystem::path& path) : path_(path.string()), in_(path, std::ios::binary) {}

bool TextLines::next(std::string& line) {
    if (!std::getline(in_, line)) return false;
    ++line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

TextTable::TextTable(const std::filesystem::path& path, const std::vector<std::string>& required)
    : path_(path), lines_(path) {
    if (!lines_.is_open()) {
        throw UserError("cannot open '" + path.string() + "'", "check that the file exists and is readable");
    }
    std::string l;
    while (lines_.next(l)) {
        if (l.empty() || l[0] == '#') continue;
        header_ = split(l, '\t');
        break;
    }
    if (header_.empty())
        throw InputError(path.string(), "no header line", "the first non-'#' line must name the columns");
    for (std::size_t i = 0; i < header_.size(); ++i) index_[header_[i]] = i;
    for (const auto& r : required)
        if (!index_.count(r))
            throw InputError(where(), "missing column '" + r + "'",
                             "see db/README.md for the columns this table needs");
}

bool TextTable::next(const std::set<std::string, std::less<>>* first_cell_in) {
    while (lines_.next(line_)) {
        if (line_.empty() || line_[0] == '#') continue;
        if (first_cell_in && !first_cell_in->count(std::string_view(line_).substr(0, line_.find('\t')))) continue;
        // Split into the cells kept from the last row: their capacity is reused, so a table of
        // 18,000 transcript rows costs no allocation per cell.
        std::size_t n = 0, from = 0;
        while (true) {
            const auto tab = line_.find('\t', from);
            const auto len = (tab == std::string::npos ? line_.size() : tab) - from;
            if (n == cells_.size()) cells_.emplace_back();
            cells_[n++].assign(line_, from, len);
            if (tab == std::string::npos) break;
            from = tab + 1;
        }
        cells_.resize(n);
        if (cells_.size() > header_.size())
            throw InputError(where(),
                             "row has " + std::to_string(cells_.size()) + " columns but the header has " +
                                 std::to_string(header_.size()),
                             "check for stray tab characters in the row");
        return true;
    }
    return false;
}

std::size_t TextTable::column(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? kNoColumn : it->second;
}

const std::string& TextTable::cell(std::size_t column) const {
    static const std::string empty;
    return column < cells_.size() ? cells_[column] : empty;
}

const std::string& TextTable::get(const std::string& column) const {
    static const std::string empty;
    auto it = index_.find(column);
    if (it == index_.end() || it->second >= cells_.size()) return empty;
    return cells_[it->second];
}

}  // namespace rvanno
