// Knowledge stage, overlay: merges CIViC rows into the curated rows that already say the same
// thing from the same source, and lists the rows of the two layers that disagree.
#include "knowledge/overlay.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "base/strings.hpp"

namespace rvanno::detail {
namespace {

// gene, kind, alteration (the protein change in 1-letter form for hgvs_p rows, so p.Gly1202Arg
// and p.G1202R agree) and the required alterations, sorted. Written into `k` (reused: it is
// made for every row of the knowledge base).
const std::string& overlay_key(const KnowledgeEntry& e, std::string& k) {
    k.assign(e.gene).append(1, '\t').append(to_string(e.kind)).append(1, '\t');
    k += e.kind == AlterationKind::hgvs_p ? e.protein_change : e.alteration;
    k += '\t';
    if (e.requires_all.empty()) return k;
    std::vector<std::string> req;
    for (const auto& r : e.requires_all) req.push_back(r.gene + ":" + r.protein_change);
    std::sort(req.begin(), req.end());
    return k += join(req, ";");
}

// The civic row's drug is one the curated row names, directly or through a class row.
std::string shared_drug(const KnowledgeBase& kb, const KnowledgeEntry& curated, const KnowledgeEntry& civic) {
    for (const auto& d : civic.drugs) {
        const Drug* drug = kb.drug(d);
        for (const auto& c : curated.drugs)
            if (c == d || (drug && !drug->is_class() && drug->drug_class == c)) return d;
    }
    return "";
}

bool shares_citation(const KnowledgeEntry& a, const KnowledgeEntry& b) {
    return std::any_of(a.citations.begin(), a.citations.end(), [&](const std::string& c) {
        return std::find(b.citations.begin(), b.citations.end(), c) != b.citations.end();
    });
}

// +1 for the drug, -1 against it, 0 neither (no_resistance).
int direction(Effect e) {
    switch (e) {
        case Effect::sensitivity:
            return 1;
        case Effect::resistance:
        case Effect::reduced_sensitivity:
        case Effect::no_benefit:
            return -1;
        case Effect::no_resistance:
            return 0;
    }
    return 0;
}

std::string alteration_words(const KnowledgeEntry& e) {
    std::string a = e.kind == AlterationKind::hgvs_p ? "p." + e.protein_change : e.alteration;
    std::string s = e.gene + " " + to_string(e.kind) + (a.empty() ? "" : " " + a);
    for (const auto& r : e.requires_all) s += " + " + r.gene + " p." + r.protein_change;
    return s;
}

}  // namespace

std::vector<bool> apply_overlay(KnowledgeBase& kb) {
    auto& entries = kb.entries.held();
    // Only a curated row whose key some civic row has can merge or conflict: key the civic rows
    // first, then keep the curated rows with one of those keys (not a map of every curated row).
    // The layers are in order (curated, then civic): the boundary is found, not every row's layer
    // read, so each of 100k curated rows is touched once.
    const auto n = entries.size();
    const auto first_civic =
        static_cast<std::size_t>(std::partition_point(entries.begin(), entries.end(),
                                                      [](const KnowledgeEntry& e) { return e.layer != "civic"; }) -
                                 entries.begin());
    std::string key;
    std::unordered_set<std::string> civic_keys;
    for (std::size_t i = first_civic; i < n; ++i) civic_keys.insert(overlay_key(entries[i], key));
    std::map<std::string, std::vector<std::size_t>> curated;  // overlay key -> curated rows
    for (std::size_t i = 0; i < first_civic && !civic_keys.empty(); ++i)
        if (civic_keys.count(overlay_key(entries[i], key))) curated[key].push_back(i);
    std::vector<bool> merged(n, false);
    for (std::size_t i = first_civic; i < n; ++i) {
        const KnowledgeEntry& c = entries[i];
        auto same = curated.find(overlay_key(c, key));
        if (same == curated.end()) continue;
        KnowledgeEntry* into = nullptr;
        for (std::size_t r : same->second) {
            KnowledgeEntry& cur = entries[r];
            const std::string drug = shared_drug(kb, cur, c);
            if (drug.empty()) continue;
            const bool same_source = shares_citation(cur, c);
            if (same_source && !into) into = &cur;
            if (direction(cur.effect) * direction(c.effect) < 0)
                kb.conflicts.push_back({cur.id, c.id, same_source,
                                        alteration_words(c) + ", " + drug + ": " + to_string(cur.effect) +
                                            " (curated) vs " + to_string(c.effect) + " (CIViC " + c.civic().civic_id +
                                            ")"});
        }
        if (!into) continue;
        merged[i] = true;
        const std::string& item = c.civic().civic_id;
        if (auto& also = into->set_civic().also_in_civic; std::find(also.begin(), also.end(), item) == also.end())
            also.push_back(item);
    }
    std::size_t out = first_civic;  // only civic rows are merged away
    for (std::size_t i = first_civic; i < n; ++i) {
        if (merged[i]) continue;
        if (out != i) entries[out] = std::move(entries[i]);
        ++out;
    }
    kb.civic_merged = static_cast<long>(std::count(merged.begin(), merged.end(), true));
    entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(out), entries.end());
    kb.curated_rows = static_cast<long>(first_civic);
    kb.civic_rows = static_cast<long>(out - first_civic);
    return merged;
}

}  // namespace rvanno::detail
