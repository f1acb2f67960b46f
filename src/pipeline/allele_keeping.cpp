#include "pipeline/allele_keeping.hpp"

#include <algorithm>

#include "knowledge/row_index.hpp"
#include "match/matcher.hpp"

namespace rvanno::pipeline {

AlleleKeeper::AlleleKeeper(const KnowledgeBase& kb, GenomeBuild build, const std::vector<Transcript>& kb_transcripts)
    : build_(build), hotspots_(kb, kb_transcripts) {
    // From the row index: the compound rows are made (few), not every row (100k, issue 10).
    const RowIndex& index = row_index(kb.entries);
    for (const auto r : index.compound) {
        const KnowledgeEntry& e = kb.entries[r];
        compound_[e.gene].push_back(&e);
        for (const auto& q : e.requires_all) required_.insert(q.gene + ":" + q.protein_change);
    }
    for (const auto& d : index.drivers) {  // sorted, once each
        auto ends = [&d](const std::string& w) {
            return d.size() > w.size() && d.compare(d.size() - w.size(), w.size(), w) == 0;
        };
        // "GENE fusion" is read from fusions, "GENE mutation" from matched rows (kept anyway).
        if (ends(" fusion") || ends(" mutation")) continue;
        residue_drivers_.push_back(d);
    }
}

bool AlleleKeeper::needed(const Allele& a, const AlleleFinding& f) const {
    if (!f.csq.protein_change.empty() && required_.count(f.csq.gene + ":" + f.csq.protein_change)) return true;
    if (auto rows = compound_.find(f.csq.gene); rows != compound_.end())
        for (const KnowledgeEntry* e : rows->second)
            if (match_entry(a, build_, f.csq, *e)) return true;
    if (std::any_of(residue_drivers_.begin(), residue_drivers_.end(), [&](const std::string& d) {
            // "BRAF V600": only an allele of that gene can show it (shows_driver builds strings).
            return d.size() > f.csq.gene.size() && d[f.csq.gene.size()] == ' ' &&
                   d.compare(0, f.csq.gene.size(), f.csq.gene) == 0 && shows_driver(f, d);
        }))
        return true;
    return hotspots_.changes_any(f);
}

std::string describe_listing_limit(const UnlistedAlleles& u, long vus_listed, long unmatched_listed) {
    if (u.past_limit_no_knowledge == 0 && u.past_limit_unmatched == 0) return "";
    std::string s = "at most " + std::to_string(u.limit) + " alleles listed per list (--max-listed " +
                    std::to_string(u.limit) + "): ";
    s += std::to_string(vus_listed) + " of " + std::to_string(vus_listed + u.past_limit_no_knowledge) +
         " alleles without knowledge (VUS; knowledge-base genes first, then input order)";
    s += ", " + std::to_string(unmatched_listed) + " of " + std::to_string(unmatched_listed + u.past_limit_unmatched) +
         " unmatched alleles in knowledge-base genes (input order)";
    s += "; the others are counted in the gene table and the counters (alleles_no_knowledge_not_listed, "
         "alleles_unmatched_not_listed), not listed; alleles that matched a row, or that a compound row, hotspot or "
         "driver needs, are always listed";
    return s;
}

}  // namespace rvanno::pipeline
