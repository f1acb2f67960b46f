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

// Does the declared driver `given` satisfy the required `want` (both driver_key form)? The same
// text always does. "<gene> mutation" is also met by any declared "<gene> <change>" that is not a
// fusion ("egfr l858r"); "<gene> <residue>" ("braf v600") by a change at that residue ("braf
// v600e", not "braf v6001").
bool declared_meets(const std::string& given, const std::string& want) {
    if (given == want) return true;
    const auto gw = given.find(' '), ww = want.find(' ');
    if (gw == std::string::npos || ww == std::string::npos || given.compare(0, gw, want, 0, ww) != 0) return false;
    const std::string g = given.substr(gw + 1), w = want.substr(ww + 1);
    if (w == "mutation") return g != "fusion";
    return w != "fusion" && g.size() > w.size() && g.compare(0, w.size(), w) == 0 &&
           !std::isdigit(static_cast<unsigned char>(g[w.size()]));
}

bool has_driver(const SampleContext& c, const std::string& driver) {
    auto want = driver_key(driver);
    return std::any_of(c.declared_drivers.begin(), c.declared_drivers.end(),
                       [&](const std::string& d) { return declared_meets(driver_key(d), want); }) ||
           std::any_of(c.detected_drivers.begin(), c.detected_drivers.end(),
                       [&](const std::string& d) { return driver_key(d) == want; });
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

std::string class_display_name(const KnowledgeBase& kb, const std::string& klass) {
    const Drug* row = kb.drug(klass);
    if (!row || !row->is_class() || row->name.empty()) return klass;
    const std::string suffix = " (class)";
    std::string name = row->name;
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
        name.resize(name.size() - suffix.size());
    return name;
}

// Therapy history: already_given and history_position (1-based) come from the first
// --therapy-history item that names the drug by id, name or synonym (case-insensitive).
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

namespace {

// Does finding `f` (a carried small variant) show the driver `d` ("EGFR mutation", "BRAF V600")?
//   "<GENE> mutation": f is in GENE and matched, for sure (not amino acid unknown), a row of
//   GENE with effect sensitivity and mechanism driver or on_target (EGFR L858R through a driver
//   row, EGFR T790M through its osimertinib rows).
//   "<GENE> <X><n>": f is in GENE, alters the protein and its protein change starts at residue
//   X<n> (V600E, V600K, V600_K601delinsE).
bool shows_impl(const AlleleFinding& f, const std::string& d) {
    const auto space = d.find(' ');
    const std::string gene = d.substr(0, space), what = d.substr(space + 1);
    if (f.csq.gene != gene) return false;
    if (what == "mutation")
        return std::any_of(f.matches.begin(), f.matches.end(), [&](const Match& m) {
            return m.entry && !m.amino_acid_unknown && m.entry->gene == gene &&
                   m.entry->effect == Effect::sensitivity &&
                   (m.entry->mechanism == "driver" || m.entry->mechanism == "on_target");
        });
    const std::string& pc = f.csq.protein_change;
    return f.csq.protein_altering && pc.size() > what.size() && pc.compare(0, what.size(), what) == 0 &&
           !std::isdigit(static_cast<unsigned char>(pc[what.size()]));
}

}  // namespace

bool shows_driver(const AlleleFinding& f, const std::string& driver) { return shows_impl(f, driver); }

std::vector<std::string> detect_drivers(const Report& report) {
    std::vector<std::string> out;
    // Small-variant drivers: only those a matched row asks for (its `context`), so that the list
    // names what the verdicts needed, not every mutation of the sample.
    std::vector<std::string> wanted;
    auto want = [&](const std::vector<Match>& ms) {
        for (const auto& m : ms)
            if (m.entry)
                for (const auto& d : m.entry->required_drivers)
                    if (d.size() < 7 || d.compare(d.size() - 7, 7, " fusion") != 0) wanted.push_back(d);
    };
    for (const auto& f : report.findings) want(f.matches);
    for (const auto& c : report.copy_number) want(c.matches);
    for (const auto& f : report.fusions) want(f.matches);
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    for (const auto& d : wanted)
        if (std::any_of(report.findings.begin(), report.findings.end(),
                        [&](const AlleleFinding& f) { return shows_impl(f, d); }))
            out.push_back(d);
    for (const auto& f : report.fusions) {
        // A pair given without order (fusion.order_known false) is the driver its matched row
        // reads as the 3' partner.
        for (const auto& m : f.matches) {
            if (!m.entry || m.entry->mechanism != "driver") continue;
            const std::string& g3 = m.entry->gene_level().fusion3;
            if (g3.empty() || !(g3 == f.fusion.gene3 || (!f.fusion.order_known && g3 == f.fusion.gene5))) continue;
            const std::string name = g3 + " fusion";
            if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
        }
    }
    return out;
}

}  // namespace rvanno
