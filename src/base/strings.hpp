// The string helpers every floor shares, one copy each: trimming, case, splitting, joining and
// the fixed-point number format. Private to src/.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rvanno {

// What trim() strips: kBlanks (space, tab) by default, kWhitespace for every character
// std::isspace accepts in the "C" locale.
inline constexpr std::string_view kBlanks = " \t";
inline constexpr std::string_view kWhitespace = " \t\n\v\f\r";

// `s` without leading and trailing characters from `chars`.
std::string trim(std::string_view s, std::string_view chars = kBlanks);

// ASCII case mapping (std::tolower/std::toupper per byte); other bytes are kept.
std::string lower(std::string_view s);
std::string upper(std::string_view s);

// The fields between `sep`s: n separators give n + 1 fields, empty ones included.
std::vector<std::string> split(std::string_view s, char sep);

// The items with `sep` between them. An empty string built so far adds no separator, so empty
// leading items vanish: join({"", "a"}, ",") == "a" (every former copy did this).
std::string join(const std::vector<std::string>& items, std::string_view sep);

// printf("%.*f", digits, v); "" for no value. Reports, the matcher's explanations and the
// comparisons all print numbers with this, so a number reads the same everywhere.
std::string fixed(std::optional<double> v, int digits = 4);

}  // namespace rvanno
