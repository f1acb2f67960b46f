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

bool TextTable::next() {
    std::string l;
    while (lines_.next(l)) {
        if (l.empty() || l[0] == '#') continue;
        cells_ = split(l, '\t');
        if (cells_.size() > header_.size())
            throw InputError(where(),
                             "row has " + std::to_string(cells_.size()) + " columns but the header has " +
                                 std::to_string(header_.size()),
                             "check for stray tab characters in the row");
        return true;
    }
    return false;
}

const std::string& TextTable::get(const std::string& column) const {
    static const std::string empty;
    auto it = index_.find(column);
    if (it == index_.end() || it->second >= cells_.size()) return empty;
    return cells_[it->second];
}

}  // namespace rvanno
