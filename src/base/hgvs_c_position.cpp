#include "base/hgvs_c_position.hpp"

#include "base/text_scan.hpp"

namespace rvanno {
namespace {

bool parse_number(const std::string& s, std::size_t& i, std::int64_t& out) {
    const std::size_t start = i;
    out = 0;
    while (i < s.size() && is_ascii_digit(s[i]) && i - start < 12) out = out * 10 + (s[i++] - '0');
    return i > start && out > 0;
}

}  // namespace

std::optional<CPosition> parse_c_position(const std::string& s, std::size_t& i) {
    CPosition p;
    if (i < s.size() && (s[i] == '-' || s[i] == '*')) p.region = s[i++];
    if (!parse_number(s, i, p.number)) return std::nullopt;
    if (i + 1 < s.size() && (s[i] == '+' || s[i] == '-') && is_ascii_digit(s[i + 1])) {
        const bool plus = s[i] == '+';
        ++i;
        std::int64_t k = 0;
        if (!parse_number(s, i, k)) return std::nullopt;
        p.offset = plus ? k : -k;
    }
    return p;
}

}  // namespace rvanno
