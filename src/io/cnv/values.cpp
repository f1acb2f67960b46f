// Strict parsing of the numbers and intervals in copy-number files.
#include <charconv>
#include <cmath>

#include "io/cnv/internal.hpp"
#include "rvanno/error.hpp"

namespace rvanno::cnv {

namespace {

std::string quoted(const std::string& s) { return "'" + (s.size() > 40 ? s.substr(0, 40) + "..." : s) + "'"; }

}  // namespace

std::int64_t parse_position(const std::string& cell, const std::string& column, const std::string& where) {
    std::int64_t v = 0;
    const char* end = cell.data() + cell.size();
    auto [p, ec] = std::from_chars(cell.data(), end, v);
    if (cell.empty() || ec != std::errc() || p != end)
        throw InputError(where, column + " " + quoted(cell) + " is not a whole number",
                         "positions must be integers (no thousands separators or decimals)");
    if (v < 0 || v > (std::int64_t{1} << 40))
        throw InputError(where, column + " " + quoted(cell) + " is not a genome position");
    return v;
}

double parse_number(const std::string& cell, const std::string& column, const std::string& where) {
    double v = 0;
    const char* begin = cell.data();
    const char* end = begin + cell.size();
    if (begin != end && *begin == '+') ++begin;
    auto [p, ec] = std::from_chars(begin, end, v);
    if (cell.empty() || ec != std::errc() || p != end || !std::isfinite(v))
        throw InputError(where, column + " " + quoted(cell) + " is not a number",
                         "the column must hold a decimal number such as -0.25 or 3");
    return v;
}

std::optional<double> parse_optional_number(const std::string& cell, const std::string& column,
                                            const std::string& where) {
    if (cell.empty() || cell == "NA" || cell == "NaN" || cell == "nan" || cell == ".") return std::nullopt;
    return parse_number(cell, column, where);
}

Region make_region(std::string contig, std::int64_t start, std::int64_t end, bool one_based, const std::string& where) {
    if (one_based && start == 0)
        throw InputError(where, "START is 0 in a format whose positions start at 1",
                         "this format is 1-based; check that the file is what it looks like");
    if (end < start)
        throw InputError(where, "END " + std::to_string(end) + " is before START " + std::to_string(start),
                         "a segment must end at or after its start; the file may be damaged");
    if (!one_based && end == start)
        throw InputError(where,
                         "empty segment: END equals START (" + std::to_string(end) + ") in a 0-based half-open format",
                         "a BED-like segment [start, end) needs end > start");
    return Region{std::move(contig), one_based ? start - 1 : start, end};
}

}  // namespace rvanno::cnv
