// Line reading and cell splitting for copy-number tables: CR LF is an error, not a line end.
#include <system_error>

#include "io/cnv/internal.hpp"
#include "rvanno/error.hpp"

namespace rvanno::cnv {

LineReader::LineReader(const std::filesystem::path& path) : path_(path.string()) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw UserError("cannot open '" + path_ + "': no such file", "check the path");
    if (std::filesystem::is_directory(path, ec))
        throw UserError("cannot read '" + path_ + "': it is a directory", "give a copy-number file");
    in_.open(path, std::ios::binary);
    if (!in_) throw UserError("cannot open '" + path_ + "'", "check that the file is readable");
}

bool LineReader::next(std::string& line) {
    if (!std::getline(in_, line)) {
        if (in_.bad()) throw UserError("read error on '" + path_ + "'", "check the file and the disk");
        return false;
    }
    ++line_;
    if (!line.empty() && line.back() == '\r')
        throw InputError(where(), "the line ends with CR LF (Windows line ends)",
                         "convert with: sed -i 's/\\r$//' FILE");
    return true;
}

std::vector<std::string> split_cells(std::string_view line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        std::string_view cell = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
        if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"')
            cell = cell.substr(1, cell.size() - 2);
        out.emplace_back(cell);
        if (tab == std::string_view::npos) return out;
        start = tab + 1;
    }
}

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t") == std::string_view::npos;
}

}  // namespace rvanno::cnv
