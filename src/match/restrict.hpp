// The CIViC layer's match restrictions (KnowledgeEntry::restrictions, db/README.md
// "match_restrict"): a row whose kind is broader than CIViC's variant (an exon's residue range
// for "Exon 19 Deletion", a fusion row for "EML4::ALK e6-e20", a protein change for "BCR::ABL1
// T315I") never matches more than CIViC's variant, or, where the input cannot tell (fusion
// partner or exons not known), matches and says in the match detail what was not checked.
#pragma once
#include <optional>
#include <vector>

#include "rvanno/consequence.hpp"
#include "rvanno/fusion.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/match.hpp"
#include "rvanno/report.hpp"

namespace rvanno {

// Small-variant restrictions of `e` applied to the kind's own match `route` (nullopt: the
// route did not match):
//   deletion / insertion / frameshift  the allele must also be an in-frame deletion (net loss of
//       a multiple of 3 bases), an in-frame insertion or duplication (net gain of a multiple of
//       3), or a frameshift (net change not a multiple of 3); the detail says so.
//   exon_skipping=N  replaces the route: only a splice allele (splice donor, acceptor or region)
//       at exon N's boundaries matches: in exon N itself, in intron N on its donor side (c.N+k)
//       or in intron N-1 on its acceptor side (c.N-k); a deletion spanning a boundary carries a
//       splice term and matches the same way. A missense change inside exon N does not.
//   fusion=A::B is not checked here (see apply_fusion_partner_restrictions).
std::optional<Match> apply_allele_restrictions(const Allele& a, const Consequence& c, const KnowledgeEntry& e,
                                               std::optional<Match> route);

// True when a restriction of `e` can make a small-variant match without the kind's route
// (exon_skipping=N replaces it); every other restriction only narrows a route's match. The row
// index (knowledge/row_index.hpp) checks such rows for every allele.
bool restriction_replaces_route(const KnowledgeEntry& e);

// fusion_exons=eX-eY on a fusion row: false when the fusion's exons are known (5' partner keeps
// exons 1..exon5, 3' partner resumes at exon3) and differ; true otherwise, with the detail
// appended ("exons e6-e20 confirmed" / "exons e6-e20 not checked: the input gives no breakpoint
// exons").
bool fusion_exons_allowed(const Fusion& f, const KnowledgeEntry& e, std::string& detail);

// fusion=A::B on small-variant rows (BCR::ABL1 T315I): once the sample's fusions are known, a
// match is dropped when the sample has B fusions whose 5' partners are all known and none is A;
// otherwise it stays, its detail saying "fusion partner A::B confirmed (<fusion>)" or "fusion
// partner A::B not checked (no <B> fusion with a known 5' partner in the input)".
void apply_fusion_partner_restrictions(std::vector<AlleleFinding>& findings, const std::vector<FusionFinding>& fusions);

}  // namespace rvanno
