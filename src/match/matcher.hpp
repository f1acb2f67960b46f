// Matching findings against the knowledge base (stage 3, match/; rules: match/matcher.cpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "knowledge/row_index.hpp"
#include "rvanno/consequence.hpp"
#include "rvanno/copy_number.hpp"
#include "rvanno/fusion.hpp"
#include "rvanno/genome.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/match.hpp"
#include "rvanno/report.hpp"

namespace rvanno {

// Every single-alteration row of `entries` (one gene's rows) that `csq` of `allele` matches,
// at most one Match per row, in table order. Compound rows (requires_all) are skipped here:
// they need the whole sample (SmallVariantAnnotator::finish, src/pipeline/small_variants.cpp).
// Tests every row; the run uses the same through the gene's row index (below).
std::vector<Match> match_allele(const Allele& allele, GenomeBuild build, const Consequence& csq,
                                const std::vector<const KnowledgeEntry*>& entries);
// The same through one gene's row index (knowledge/row_index.hpp) over `entries`, the rows it
// numbers: the same Match list, in the same order, testing only the candidates.
std::vector<Match> match_allele(const Allele& allele, GenomeBuild build, const Consequence& csq, const GeneRows& rows,
                                const KnowledgeRows& entries);

// The primary-alteration test alone, used for compound rows: does `csq` match `e`,
// ignoring e.requires_all? Returns the Match or nothing.
std::optional<Match> match_entry(const Allele& allele, GenomeBuild build, const Consequence& csq,
                                 const KnowledgeEntry& e);

// Protein changes observed in a sample's findings, as "GENE:CHANGE" (1-letter, e.g.
// "ALK:L1196M"): each finding's own protein change, and the change of every hgvs_p row it
// matched (by protein change or by a listed c. allele), except amino-acid-unknown matches.
std::vector<std::string> observed_protein_changes(const std::vector<AlleleFinding>& findings);

// Protein changes observed in one sample, as "GENE:CHANGE" (1-letter, e.g. "ALK:L1196M").
// A compound row matches when its primary alteration matches and every requires_all member
// is in `observed`.
bool requirements_met(const KnowledgeEntry& e, const std::vector<std::string>& observed);

// Copy-number rows (amplification, deletion, loss) of one gene's `entries` that its gene-level
// copy number matches. An amplification row with its own cut-off (cn>=N) is judged against the
// gene's minimum copy number, and the match reports the value against the cut-off.
// `amp_threshold` describes the run's amplification threshold for the detail text ("5").
std::vector<Match> match_copy_number(const GeneCopyNumber& cn, const std::string& amp_threshold,
                                     const std::vector<const KnowledgeEntry*>& entries);

// Fusion rows (`A::B`, `*::B`, `A::*`) of the knowledge base that `fusion` matches.
std::vector<Match> match_fusion(const Fusion& fusion, const std::vector<const KnowledgeEntry*>& entries);

}  // namespace rvanno
