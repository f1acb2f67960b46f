// Line-oriented reading of the project's TSV tables with file:line in every error.
// Private to src/. Accepts LF and CRLF line ends; '#' lines are comments; the first
// non-comment line is the header.
#pragma once
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.hpp"

namespace rvanno {

class TextTable {
public:
    // Opens `path`; throws UserError if unreadable, InputError if it has no header.
    // Every column in `required` must be in the header.
    TextTable(const std::filesystem::path& path, const std::vector<std::string>& required);
    // Advances to the next data row; false at end of file.
    bool next();
    // Cell of the current row by column name ("" if the row is short and the column optional).
    const std::string& get(const std::string& column) const;
    const std::vector<std::string>& header() const { return header_; }
    long line() const { return line_; }
    std::string where() const;  // "path:line"
    const std::filesystem::path& path() const { return path_; }
    const std::vector<std::string>& cells() const { return cells_; }

private:
    std::filesystem::path path_;
    std::ifstream in_;
    std::vector<std::string> header_;
    std::map<std::string, std::size_t> index_;
    std::vector<std::string> cells_;
    long line_{0};
    bool read_line(std::string& out);
};

}  // namespace rvanno
