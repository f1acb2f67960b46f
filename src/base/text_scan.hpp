// Hand-written scanners for the fixed shapes of table cells and annotation values, used instead
// of regular expressions: libstdc++'s regex matcher recurses once per character and overflows
// the stack on long input (issue 11), so the project uses none (tests/layout checks it).
#pragma once
#include <algorithm>
#include <string_view>

namespace rvanno {

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_ascii_alnum(char c) { return is_ascii_digit(c) || is_ascii_upper(c) || is_ascii_lower(c); }

// True when `s` is not empty and every character satisfies `pred` (a regex "[...]+").
template <class Pred>
bool all_chars(std::string_view s, Pred pred) {
    return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}
inline bool all_digits(std::string_view s) { return all_chars(s, is_ascii_digit); }

// Well-formed UTF-8: no stray continuation byte, no cut sequence, no overlong form, no UTF-16
// surrogate, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view s);
// Length (1..4) of the well-formed UTF-8 sequence starting at s[i], or 0 when it is ill-formed;
// `bad` is then the length of its maximal ill-formed subpart (>= 1), which the Unicode "best
// practice" replaces by one U+FFFD (report/text_safety.hpp repair_utf8).
std::size_t utf8_sequence(std::string_view s, std::size_t i, std::size_t& bad);

}  // namespace rvanno
