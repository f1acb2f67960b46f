// Line reading and cell splitting for copy-number tables, on io/text_table.hpp's TextLines.
#include <system_error>

#include "io/cnv/internal.hpp"
#include "rvanno/error.hpp"

namespace rvanno::cnv {

namespace {

// Checked before opening, so a missing file and a directory are told apart.
const std::filesystem::path& readable(const std::filesystem::path& path) {
    std::error_code ec;
    if (path == "-") return path;  // standard input
    if (!std::filesystem::exists(path, ec))
        throw UserError("cannot open '" + path.string() + "': no such file", "check the path");
    if (std::filesystem::is_directory(path, ec))
        throw UserError("cannot read '" + path.string() + "': it is a directory", "give a copy-number file");
    return path;
}

}  // namespace

LineReader::LineReader(const std::filesystem::path& path) : TextLines(readable(path)) {
    if (!is_open()) throw UserError("cannot open '" + this->path() + "'", "check that the file is readable");
}

bool LineReader::next(std::string& line) {
    if (TextLines::next(line)) return true;
    if (bad()) throw UserError("read error on '" + path() + "'", "check the file and the disk");
    return false;
}

std::vector<std::string> split_cells(std::string_view line) {
    std::vector<std::string> out = split(line, '\t');
    for (auto& cell : out)
        if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') cell = cell.substr(1, cell.size() - 2);
    return out;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

}  // namespace rvanno::cnv
