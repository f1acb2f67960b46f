#include "io/sv/breakend.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "rvanno/error.hpp"
#include "rvanno/genome.hpp"

namespace rvanno::sv {

namespace {

std::optional<std::int64_t> parse_position(std::string_view s) {
    std::int64_t v = 0;
    if (s.empty() || s.size() > 12) return std::nullopt;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v < 1) return std::nullopt;
    return v;
}

bool is_bases(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

std::optional<BreakendAlt> parse_breakend_alt(std::string_view alt, const std::string& where) {
    auto first = alt.find_first_of("[]");
    if (first == std::string_view::npos) return std::nullopt;
    auto bad = [&](const std::string& why) -> InputError {
        return InputError(where, "malformed breakend ALT '" + std::string(alt) + "': " + why,
                          "breakend ALTs are t[p[, t]p], ]p]t or [p[t with p = chr:pos (VCF 4.x section 5.4)");
    };
    const char b = alt[first];
    if (alt.find(b == '[' ? ']' : '[') != std::string_view::npos) throw bad("mixes '[' and ']'");
    auto second = alt.find(b, first + 1);
    if (second == std::string_view::npos || alt.find(b, second + 1) != std::string_view::npos)
        throw bad("needs exactly two '" + std::string(1, b) + "'");
    std::string_view before = alt.substr(0, first);
    std::string_view after = alt.substr(second + 1);
    std::string_view mate = alt.substr(first + 1, second - first - 1);
    BreakendAlt out;
    if (before.empty() && is_bases(after)) {
        out.keeps_left = false;  // ]p]t or [p[t
    } else if (after.empty() && is_bases(before)) {
        out.keeps_left = true;  // t[p[ or t]p]
    } else {
        throw bad("the bases t must stand on exactly one side of the bracketed mate");
    }
    out.mate_keeps_left = b == ']';
    auto colon = mate.rfind(':');
    if (colon == std::string_view::npos || colon == 0) throw bad("the mate is not chr:pos");
    std::string_view contig = mate.substr(0, colon);
    if (contig.size() >= 2 && contig.front() == '<' && contig.back() == '>')
        contig = contig.substr(1, contig.size() - 2);
    auto pos = parse_position(mate.substr(colon + 1));
    if (!pos || contig.empty()) throw bad("the mate is not chr:pos");
    out.mate_contig = std::string(contig);
    out.mate_pos = *pos - 1;
    return out;
}

bool is_single_breakend(std::string_view alt) {
    if (alt.size() < 2) return false;
    if (alt.front() == '.') return is_bases(alt.substr(1));
    if (alt.back() == '.') return is_bases(alt.substr(0, alt.size() - 1));
    return false;
}

ContigClass classify_contig(const std::string& name) {
    if (canonical_contig(name)) return ContigClass::primary;
    std::string n = name;
    if (n.rfind("chr", 0) == 0) n = n.substr(3);
    static const char* prefixes[] = {"Un", "GL",  "KI",  "JH",     "KN",     "KQ",  "KV",  "KZ",   "ML",
                                     "MU", "HLA", "EBV", "hs37d5", "hs38d1", "NT_", "NW_", "decoy"};
    if (name.find('_') != std::string::npos) return ContigClass::other_assembly_part;
    for (const char* p : prefixes)
        if (n.rfind(p, 0) == 0) return ContigClass::other_assembly_part;
    return ContigClass::unknown;
}

std::optional<Breakpoint> parse_breakpoint(std::string_view text, const std::string& where) {
    if (text.empty() || text == "." || text == "NA") return std::nullopt;
    auto bad = [&](const std::string& why) {
        return InputError(where, "breakpoint '" + std::string(text) + "' " + why,
                          "breakpoints are chr:pos or chr:pos:strand with a 1-based position, e.g. chr2:42522694:+");
    };
    Breakpoint out;
    std::string_view rest = text;
    if (rest.size() > 2 && rest[rest.size() - 2] == ':' && (rest.back() == '+' || rest.back() == '-')) {
        out.strand = rest.back();
        rest = rest.substr(0, rest.size() - 2);
    }
    auto colon = rest.rfind(':');
    if (colon == std::string_view::npos || colon == 0) throw bad("is not chr:pos");
    auto pos = parse_position(rest.substr(colon + 1));
    if (!pos) throw bad("has no valid 1-based position");
    out.contig_name = std::string(rest.substr(0, colon));
    auto c = canonical_contig(out.contig_name);
    out.contig = c ? *c : out.contig_name;
    out.pos = *pos - 1;
    return out;
}

}  // namespace rvanno::sv
