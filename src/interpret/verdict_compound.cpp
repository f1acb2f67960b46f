// Steps 2 and 3 of the verdict rules (rule b, compound rows outrank their parts; rule a, on-target
// resistance outranks sensitivity), as written in the essay of interpret/verdict.cpp.
#include "interpret/verdict_compound.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace rvanno::detail {
namespace {

// Step 2: the applying compound that stands on a strict superset of i's alterations, the largest.
// `verified_only`: only verified compounds count (an unverified compound never sets a verified
// row aside: the status rule).
const Item* superset_compound(const Items& items, const Item& i, bool verified_only) {
    const Item* best = nullptr;
    for (const auto& c : items) {
        if (&c == &i || !c.ev.applies || row(c).requires_all.empty() || c.parts.size() <= i.parts.size()) continue;
        if (verified_only && !row(c).verified) continue;
        if (!std::includes(c.parts.begin(), c.parts.end(), i.parts.begin(), i.parts.end())) continue;
        if (!best || c.parts.size() > best->parts.size()) best = &c;
    }
    return best;
}

const char* const kDriverAside = "on-target resistance outranks the driver's sensitivity (rule a)";

// "EGFR p.C797S" from the part "EGFR:C797S".
std::string part_words(const std::string& part) {
    auto colon = part.find(':');
    return colon == std::string::npos ? part : part.substr(0, colon) + " p." + part.substr(colon + 1);
}

}  // namespace

void supersede(Items& items) {
    for (auto& i : items) {
        if (!i.ev.applies || i.parts.empty()) continue;
        if (const Item* best = superset_compound(items, i, row(i).verified)) {
            i.ev.superseded = true;
            i.ev.superseded_by = row(*best).id;
        } else if (const Item* c = row(i).verified ? superset_compound(items, i, false) : nullptr) {
            // an unverified compound: rule e keeps i; it contests i only in the other direction
            if (is_for(row(*c).effect) ? is_resistance(row(i).effect) : is_for(row(i).effect))
                i.contested_by.push_back(row_words(*c));
        }
    }
}

// The status rule holds in rule a too: an unverified resistance row sets aside only unverified
// sensitivity rows; a verified one it would have set aside records it in contested_by.
void set_aside_sensitivity(Items& items) {
    auto on_target_resistance = [&](bool verified_only) {
        return std::find_if(items.begin(), items.end(), [&](const Item& i) {
            return counts(i) && row(i).mechanism == "on_target" && is_resistance(row(i).effect) &&
                   (!verified_only || row(i).verified);
        });
    };
    const auto any = on_target_resistance(false);
    if (any == items.end()) return;
    const bool verified = on_target_resistance(true) != items.end();
    for (auto& i : items) {
        if (!counts(i) || row(i).mechanism != "driver" || !is_for(row(i).effect)) continue;
        if (verified || !row(i).verified)
            i.set_aside = kDriverAside;
        else
            i.contested_by.push_back(row_words(*any));
    }
    // Same gene, co-occurring alteration: on-target resistance standing on an alteration that
    // the sensitivity row does not stand on outranks that row at any level.
    for (auto& s : items) {
        if (!counts(s) || !s.set_aside.empty() || row(s).mechanism != "on_target" || !is_for(row(s).effect)) continue;
        std::vector<std::string> resisting;
        for (const auto& r : items) {
            if (!counts(r) || r.parts.empty() || row(r).mechanism != "on_target" || !is_resistance(row(r).effect) ||
                row(r).gene != row(s).gene)
                continue;
            std::vector<std::string> more;  // r's alterations that s does not stand on
            for (const auto& p : r.parts)
                if (!std::binary_search(s.parts.begin(), s.parts.end(), p)) more.push_back(p);
            if (more.empty()) continue;
            if (row(s).verified && !row(r).verified) {  // the status rule: r cannot set s aside
                s.contested_by.push_back(row_words(r));
                continue;
            }
            for (auto& p : more)
                if (std::find(resisting.begin(), resisting.end(), p) == resisting.end()) resisting.push_back(p);
        }
        if (resisting.empty()) continue;
        std::sort(resisting.begin(), resisting.end());
        std::vector<std::string> all = resisting;
        for (const auto& p : s.parts)
            if (std::find(all.begin(), all.end(), p) == all.end()) all.push_back(p);
        std::string r_words, all_words;
        for (std::size_t k = 0; k < resisting.size(); ++k) r_words += (k ? " + " : "") + part_words(resisting[k]);
        for (std::size_t k = 0; k < all.size(); ++k) all_words += (k ? ", " : "") + part_words(all[k]);
        s.set_aside = "on-target resistance from " + r_words + " outranks on-target sensitivity from a co-occurring " +
                      row(s).gene + " alteration at any level (rule a, whatever the phase of " + all_words +
                      "; rows that depend on the phase: rule g)";
    }
}

std::string row_words(const Item& i) {
    return row(i).id + " (" + to_string(row(i).effect) + ", " + to_string(row(i).level) + ")";
}

std::string contested_by_unverified(const Items& items, VerdictCall call) {
    const bool resistant = call == VerdictCall::resistant || call == VerdictCall::reduced_sensitivity;
    if (!resistant && call != VerdictCall::sensitive) return "";
    std::set<std::string> ids;
    for (const auto& i : items)
        if (counts(i) && i.set_aside.empty() && (resistant ? is_resistance(row(i).effect) : is_for(row(i).effect)))
            ids.insert(i.contested_by.begin(), i.contested_by.end());
    if (ids.empty()) return "";
    std::string s = " Low confidence (rules a/b with rule e): UNVERIFIED row(s) ";
    for (auto it = ids.begin(); it != ids.end(); ++it) s += (it == ids.begin() ? "" : ", ") + *it;
    return s +
           " would outrank the deciding verified rows for these co-occurring alterations; being unverified, they "
           "do not.";
}

}  // namespace rvanno::detail
