// Context conditions of knowledge rows, the drivers a report shows by itself, and therapy
// history look-up. The rules these implement are written down in verdict.cpp.
#include "interpret/verdict_context.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "base/strings.hpp"
#include "interpret/interpret.hpp"

namespace rvanno {
namespace detail {
namespace {

// Lower case, blanks collapsed and trimmed: "  ALK   Fusion " -> "alk fusion".
std::string folded(const std::string& s) {
    std::istringstream in(s);
    std::string word, out;
    while (in >> word) {
        if (!out.empty()) out += ' ';
        out += lower(word);
    }
    return out;
}

// A driver as the user may write it: "ALK fusion", "alk fusion", or with the partner named,
// "EML4::ALK fusion" (which is an ALK fusion: the 3' partner carries the kinase).
std::string driver_key(const std::string& s) {
    auto f = folded(s);
    auto sep = f.find("::");
    auto space = f.find(' ');
    if (sep != std::string::npos && space != std::string::npos && sep < space) f.erase(0, sep + 2);
    return f;
}

bool has_driver(const SampleContext& c, const std::string& driver) {
    auto want = driver_key(driver);
    auto same = [&](const std::string& d) { return driver_key(d) == want; };
    return std::any_of(c.declared_drivers.begin(), c.declared_drivers.end(), same) ||
           std::any_of(c.detected_drivers.begin(), c.detected_drivers.end(), same);
}

// "an ALK fusion", "an NTRK1 fusion", "a ROS1 fusion", "a RET fusion" (as the letters are spoken).
std::string with_article(const std::string& driver) {
    char first = driver.empty() ? 'x' : static_cast<char>(std::toupper(static_cast<unsigned char>(driver[0])));
    return (std::string("AEIOUN").find(first) != std::string::npos ? "an " : "a ") + driver;
}

}  // namespace

std::string context_not_met(const KnowledgeEntry& e, const SampleContext& context) {
    std::vector<std::string> missing;
    for (const auto& d : e.required_drivers)
        if (!has_driver(context, d))
            missing.push_back("needs " + with_article(d) + " (not found; declare it with --driver \"" + d + "\")");
    if (!e.tumor_types.empty()) {
        auto sample = folded(context.tumor_type);
        bool listed = std::any_of(e.tumor_types.begin(), e.tumor_types.end(),
                                  [&](const std::string& t) { return folded(t) == sample; });
        if (sample.empty())
            missing.push_back("limited to " + join(e.tumor_types, ", ") + " (give --tumor-type)");
        else if (!listed)
            missing.push_back("limited to " + join(e.tumor_types, ", ") + " (the sample's tumour type is " +
                              context.tumor_type + ")");
    }
    return join(missing, "; ");
}

std::optional<int> history_position(const Drug& drug, const std::vector<std::string>& history) {
    std::vector<std::string> names = {folded(drug.id), folded(drug.name)};
    for (const auto& s : drug.synonyms) names.push_back(folded(s));
    for (std::size_t i = 0; i < history.size(); ++i) {
        auto given = folded(history[i]);
        if (!given.empty() && std::find(names.begin(), names.end(), given) != names.end())
            return static_cast<int>(i + 1);
    }
    return std::nullopt;
}

}  // namespace detail

std::vector<std::string> detect_drivers(const Report& report) {
    std::vector<std::string> out;
    for (const auto& f : report.fusions) {
        // A pair given without order (fusion.order_known false) is the driver its matched row
        // reads as the 3' partner.
        for (const auto& m : f.matches) {
            if (!m.entry || m.entry->mechanism != "driver") continue;
            const std::string& g3 = m.entry->fusion3;
            if (g3.empty() || !(g3 == f.fusion.gene3 || (!f.fusion.order_known && g3 == f.fusion.gene5))) continue;
            const std::string name = g3 + " fusion";
            if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
        }
    }
    return out;
}

}  // namespace rvanno
