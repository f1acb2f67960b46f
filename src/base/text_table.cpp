#include "base/text_table.hpp"

#include <fstream>

#include "rvanno/error.hpp"

namespace rvanno {

TextTable::TextTable(const std::filesystem::path& path, const std::vector<std::string>& required)
    : path_(path), in_(path, std::ios::binary) {
    if (!in_) {
        throw UserError("cannot open '" + path.string() + "'",
                        "check that the file exists and is readable");
    }
    std::string l;
    while (read_line(l)) {
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

bool TextTable::read_line(std::string& out) {
    if (!std::getline(in_, out)) return false;
    ++line_;
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return true;
}

bool TextTable::next() {
    std::string l;
    while (read_line(l)) {
        if (l.empty() || l[0] == '#') continue;
        cells_ = split(l, '\t');
        if (cells_.size() > header_.size())
            throw InputError(where(), "row has " + std::to_string(cells_.size()) +
                                          " columns but the header has " +
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

std::string TextTable::where() const { return path_.string() + ":" + std::to_string(line_); }

}  // namespace rvanno
