// One HGVS c. position ("1088", "-12", "*5", "1088+1", "100-2", "-30-5"), read by the hotspot
// map (interpret/) and bounded by the knowledge-base checks (knowledge/).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace rvanno {

struct CPosition {
    char region{0};         // 0 CDS, '-' 5' UTR, '*' 3' UTR
    std::int64_t number{};  // > 0
    std::int64_t offset{};  // intronic offset, 0 exonic
};

// Reads a position at s[i] and advances i past it; nullopt when there is none. Numbers have at
// most 12 digits.
std::optional<CPosition> parse_c_position(const std::string& s, std::size_t& i);

}  // namespace rvanno
