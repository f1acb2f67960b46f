// The one reader of the project's text tables (knowledge base, transcript and arm tables,
// sample sheets, copy-number and fusion tables), with file:line in every error and one CRLF
// policy: a line ending in CR LF reads as if it ended in LF (the '\r' is dropped), so a table
// saved by a Windows editor reads the same as its Unix copy. Private to src/.
//   TextLines  lines, counted from 1; for readers that find their own header (cnv/, sv/)
//   TextTable  TextLines plus the common layout: '#' lines are comments, the first other
//              line is the tab-separated header, cells are read by column name
#pragma once
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.hpp"

namespace rvanno {

class TextLines {
public:
    // Opens `path`; does not throw: callers check is_open() and word the error for their input.
    explicit TextLines(const std::filesystem::path& path);
    bool is_open() const { return in_.is_open(); }
    // The next line without its line end; false at end of file or on a read error (bad()).
    bool next(std::string& line);
    bool bad() const { return in_.bad(); }
    long line() const { return line_; }  // number of the line last read, 0 before
    std::string where() const { return where(line_); }
    std::string where(long line) const { return path_ + ":" + std::to_string(line); }
    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::ifstream in_;
    long line_{0};
};

class TextTable {
public:
    // Opens `path`; throws UserError if unreadable, InputError if it has no header.
    // Every column in `required` must be in the header.
    TextTable(const std::filesystem::path& path, const std::vector<std::string>& required);
    // Advances to the next data row; false at end of file. With `first_cell_in`, rows whose first
    // cell is not in the set are skipped before they are split (a filtered read of a large table).
    bool next(const std::set<std::string, std::less<>>* first_cell_in = nullptr);
    // Cell of the current row by column name ("" if the row is short and the column optional).
    const std::string& get(const std::string& column) const;
    // The same by position, for hot loops: column() once (kNoColumn when the header lacks it),
    // then cell() per row ("" past the row's end).
    static constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);
    std::size_t column(const std::string& name) const;
    const std::string& cell(std::size_t column) const;
    const std::vector<std::string>& header() const { return header_; }
    long line() const { return lines_.line(); }
    std::string where() const { return lines_.where(); }  // "path:line"
    const std::filesystem::path& path() const { return path_; }
    const std::vector<std::string>& cells() const { return cells_; }

private:
    std::filesystem::path path_;
    TextLines lines_;
    std::vector<std::string> header_;
    std::map<std::string, std::size_t> index_;
    std::string line_;
    std::vector<std::string> cells_;
};

}  // namespace rvanno
