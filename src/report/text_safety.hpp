// Text that goes into an output file: TSV field escaping and UTF-8 repair (docs/output.md,
// "Text in outputs"). Every writer in report/ passes input-derived text through these.
#pragma once
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace rvanno::text {

// One TSV field: backslash, tab, LF and CR become \\ \t \n \r; every other C0 control byte
// and DEL becomes \xHH (two upper-case hex digits). All other bytes (including non-ASCII)
// are kept, so text without those bytes is unchanged.
std::string tsv(std::string_view s);
// tsv() of each element, joined with `sep`.
template <class Range>
std::string tsv_join(const Range& r, std::string_view sep) {
    std::string out;
    bool first = true;
    for (const auto& x : r) {
        if (!first) out += sep;
        first = false;
        out += tsv(x);
    }
    return out;
}

// `s` with each maximal ill-formed subsequence replaced by U+FFFD (the Unicode "best practice"
// of chapter 3); valid text is returned unchanged.
std::string repair_utf8(std::string_view s);

// Repairs every string value and object key of `j` in place (repair_utf8); returns how many
// strings were changed.
std::size_t repair_utf8(nlohmann::ordered_json& j);

}  // namespace rvanno::text
