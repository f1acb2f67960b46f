// The one reader of the project's text tables (knowledge base, transcript and arm tables,
// sample sheets, MAF, copy-number and fusion tables), on HTSlib's BGZF: a plain file, a gzip
// file, a bgzip file or "-" (standard input) all read the same, with file:line in every error.
// One line-end policy for every table: a line ends at LF or CR LF, and the end is never part
// of the line, so a table saved by a Windows editor reads the same as its Unix copy; a file
// with CR line ends and no LF at all (old Mac, e.g. some published supplementary MAFs) is read
// by its CRs. A CR inside a line of an LF file stays in the line (and is escaped on output).
// A last line without an end is a line.
// In io/ because HTSlib is included only here; the knowledge base (a floor above) uses it too.
//   TextLines  lines, counted from 1; for readers that find their own header (cnv/, sv/, MAF)
//   TextTable  TextLines plus the common layout: '#' lines are comments, the first other
//              line is the tab-separated header, cells are read by column name
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.hpp"

struct BGZF;  // htslib/bgzf.h; only text_table.cpp includes HTSlib

namespace rvanno {

class TextLines {
public:
    // Opens `path` ("-" = standard input); does not throw: callers check is_open() and word the
    // error for their input.
    explicit TextLines(const std::filesystem::path& path);
    TextLines(TextLines&&) noexcept;
    TextLines& operator=(TextLines&&) noexcept;
    ~TextLines();
    bool is_open() const { return file_ != nullptr; }
    // The next line without its line end; false at end of file or on a read error (bad()).
    bool next(std::string& line);
    bool bad() const { return bad_; }    // a read or decompression error (truncated, corrupt gzip)
    bool compressed() const;             // gzip or bgzip
    long line() const { return line_; }  // number of the line last read, 0 before
    std::string where() const { return where(line_); }
    std::string where(long line) const { return path_ + ":" + std::to_string(line); }
    const std::string& path() const { return path_; }

private:
    struct Close {
        void operator()(BGZF* f) const noexcept;
    };
    bool fill();  // reads the next block into buf_; false at end of file or on error
    std::string path_;
    std::unique_ptr<BGZF, Close> file_;
    std::string buf_;
    std::size_t pos_{0};
    char end_{'\n'};       // the line end: '\n' (LF, CR LF), or '\r' for an old Mac file
    bool decided_{false};  // end_ is set from the first block read
    bool bad_{false};
    long line_{0};
};

// One data row of a table: its cells by position or by header name, and where it was read.
// TextTable::row() views the current row; the knowledge index (knowledge/kb_index.hpp) views a
// row it stored, so that both are parsed by the same code. Views: the table must outlive it.
struct TableRow {
    const std::vector<std::string>* header{};
    const std::map<std::string, std::size_t>* index{};  // header name -> position
    const std::vector<std::string>* cells{};
    const std::string* path{};
    long line{0};
    // "" past the row's end, and by name also for a column the header lacks.
    const std::string& cell(std::size_t column) const;
    const std::string& get(const std::string& column) const;
    std::string where() const { return *path + ":" + std::to_string(line); }
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
    const std::string& text() const { return line_; }  // the current row's line as read
    TableRow row() const { return {&header_, &index_, &cells_, &lines_.path(), lines_.line()}; }

private:
    std::filesystem::path path_;
    TextLines lines_;
    std::vector<std::string> header_;
    std::map<std::string, std::size_t> index_;
    std::string line_;
    std::vector<std::string> cells_;
};

}  // namespace rvanno
