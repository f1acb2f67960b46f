// Which alleles the small-variant step keeps in the report, so that memory grows with the
// findings, not with the input (issue 10). An allele is always counted (per gene and in the
// run's counters); it is kept in Report::findings when
//   - it matched a knowledge-base row, or
//   - a later step reads it (AlleleKeeper::needed): it is a candidate for a compound row's own
//     alteration (SmallVariantAnnotator::finish), it carries a protein change that a compound
//     row requires (requirements and phase, match/phase.cpp), it changes a hotspot of the
//     knowledge base (interpret/hotspots.cpp), or it shows a residue driver a row may ask for
//     ("BRAF V600", interpret/verdict_context.cpp), or
//   - it is listed: an allele without a match is listed as "no knowledge" (VUS: it alters or may
//     alter the protein) or, in a knowledge-base gene, as unmatched. Each of the two lists holds
//     at most `max_listed` alleles (--max-listed; 0 = no limit), in input order; VUS of
//     knowledge-base genes come before VUS of other genes. Alleles past the limit are counted
//     (alleles_no_knowledge_not_listed, alleles_unmatched_not_listed) and the provenance says so.
// Outside the knowledge-base genes an allele that alters no protein is never listed (a WGS file
// has millions of intronic alleles): it is counted per gene only.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "interpret/interpret.hpp"
#include "rvanno/genome.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"
#include "rvanno/variant.hpp"

namespace rvanno::pipeline {

class AlleleKeeper {
public:
    // `kb_transcripts`: the knowledge-base genes' MANE transcripts (hotspot positions).
    AlleleKeeper(const KnowledgeBase& kb, GenomeBuild build, const std::vector<Transcript>& kb_transcripts);
    // Whether a later step reads this unmatched allele (see above).
    bool needed(const Allele& a, const AlleleFinding& f) const;
    // The rows with requires_all, by gene, in table order.
    const std::map<std::string, std::vector<const KnowledgeEntry*>>& compound_rows() const { return compound_; }

private:
    GenomeBuild build_;
    std::map<std::string, std::vector<const KnowledgeEntry*>> compound_;
    std::set<std::string> required_;            // "GENE:CHANGE" named by some requires_all
    std::vector<std::string> residue_drivers_;  // "BRAF V600": small-variant drivers some row asks for
    HotspotWatch hotspots_;
};

// What the small-variant step counted but did not list.
struct UnlistedAlleles {
    std::map<std::string, long> by_gene;  // carried alleles per gene outside the KB genes, altering no protein
    long not_carried{0};                  // alleles the sample does not carry (match/carried.hpp), all genes
    // Past the listing limit (--max-listed): per gene, and in all.
    struct Tally {
        long alleles{0}, no_knowledge{0};
    };
    std::map<std::string, Tally> past_limit_by_gene;
    long past_limit_kb_genes{0}, past_limit_other_genes{0};
    long past_limit_no_knowledge{0}, past_limit_unmatched{0};
    long past_limit_coding_without_protein_change{0};
    long limit{0};  // the limit applied (0 = none)
};

// "listed: ..." for Provenance::not_listed, or "" when every allele without a match was listed.
std::string describe_listing_limit(const UnlistedAlleles& u, long vus_listed, long unmatched_listed);

}  // namespace rvanno::pipeline
