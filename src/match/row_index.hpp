// Stage 3, match/: one gene's knowledge rows indexed by what an allele can match them by (issue
// 10), so that matching an allele costs the same with 400 rows or 100,000. The index only picks
// candidates: every candidate still goes through match_entry (match/matcher.cpp), so the rules
// live in one place, and the candidates are tested in table order, so the Match list is exactly
// the one a test of every row gives. A row is a candidate for an allele when it could match it
// by some route of the matching rules (matcher.cpp):
//   genomic   any row's genomic alleles, by position (build, contig, REF, ALT checked after)
//   hgvs_c    hgvs_c rows by their c.; hgvs_p rows by each c. allele their `hgvs_c` lists
//   hgvs_p    by protein change; and by the first residue's number (amino-acid-unknown match)
//   codon     by residue number; range rows (few) for every allele with a codon
//   lof, missense  the class rows, for alleles of that class
//   rows whose restriction replaces the route (exon_skipping=N), for every allele
// Compound rows (requires_all) are not indexed: match_allele skips them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rvanno/consequence.hpp"
#include "rvanno/genome.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/match.hpp"

namespace rvanno {

class GeneRows {
public:
    // One gene's rows in table order (KnowledgeBase::entries order). The rows, and the strings in
    // them, must outlive the index and stay where they are (the index keeps views into them).
    explicit GeneRows(std::vector<const KnowledgeEntry*> rows = {});
    // Every row, compound rows included, in table order.
    const std::vector<const KnowledgeEntry*>& all() const { return rows_; }
    bool empty() const { return rows_.empty(); }
    // Positions in all() of the rows that can match `c` of allele `a`, ascending, no repeats.
    void candidates(const Allele& a, const Consequence& c, std::vector<std::uint32_t>& out) const;
    // Positions in all() of the single-alteration hgvs_p rows whose `hgvs_c` column lists
    // `hgvs_c`, ascending (what class_from_protein_change needs).
    std::vector<std::uint32_t> hgvs_p_rows_listing(const std::string& hgvs_c) const;

private:
    // (key, row) pairs sorted by key then row: one flat vector per route, not a container per key
    // (100k rows would make 100k small allocations).
    template <class K>
    using Keyed = std::vector<std::pair<K, std::uint32_t>>;
    std::vector<const KnowledgeEntry*> rows_;
    Keyed<std::int64_t> by_pos_;    // genomic alleles, any build
    Keyed<std::string_view> by_c_;  // hgvs_c rows' c., hgvs_p rows' listed c.
    Keyed<std::string_view> by_p_;  // hgvs_p rows' protein change
    Keyed<int> by_residue_;         // codon rows; hgvs_p rows' first residue
    std::vector<std::uint32_t> ranges_, lof_, missense_, always_;
};

// match_allele (match/matcher.hpp) through the index: the same Match list, in the same order.
std::vector<Match> match_allele(const Allele& allele, GenomeBuild build, const Consequence& csq, const GeneRows& rows);

// "G1202R" -> {1202, 'R'}: a protein change's first residue number and, for a one-residue
// substitution or stop, its new residue (0 for any other kind of change).
std::pair<int, char> first_residue(const std::string& change);

}  // namespace rvanno
