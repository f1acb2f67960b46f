// Number and list formatting shared by the report writers (fixed formats: output must be
// byte-identical run after run). Private to src/core.
#pragma once
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "rvanno/consequence.hpp"
#include "rvanno/copy_number.hpp"
#include "rvanno/fusion.hpp"

namespace rvanno::fmt {

inline std::string fixed(std::optional<double> v, int digits = 4) {
    if (!v) return "";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*f", digits, *v);
    return buf;
}
inline std::string opt_int(std::optional<int> v) { return v ? std::to_string(*v) : ""; }
inline std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}
inline std::string exon_or_intron(const Consequence& c) {
    if (c.exon) return "exon " + std::to_string(c.exon) + "/" + std::to_string(c.exon_count);
    if (c.intron) return "intron " + std::to_string(c.intron) + "/" + std::to_string(c.exon_count - 1);
    return "";
}
// "focal 2p (3.1% of the arm, 1.2 Mb)" / "arm-level 2p" / ""
inline std::string extent(const GeneCopyNumber& g) {
    if (!g.focal) return "";
    std::string s = (*g.focal ? "focal " : "arm-level ") + g.arm;
    if (g.arm_fraction) s += " (" + fixed(*g.arm_fraction * 100, 1) + "% of the arm";
    if (g.event_length) s += ", " + fixed(static_cast<double>(*g.event_length) / 1e6, 2) + " Mb";
    return s + ")";
}
inline std::string breakpoints(const Fusion& f) {
    auto part = [](const std::string& g, std::optional<int> exon, std::optional<int> intron) {
        if (g.empty()) return std::string("?");
        if (exon) return g + " exon " + std::to_string(*exon);
        if (intron) return g + " intron " + std::to_string(*intron);
        return g;
    };
    return part(f.gene5, f.exon5, f.intron5) + " :: " + part(f.gene3, f.exon3, f.intron3);
}

}  // namespace rvanno::fmt
