// Stage 2, knowledge/: the rows indexed by what an allele can match them by (issue 10), so that
// matching an allele costs the same with 400 rows or 100,000, plus what a run reads of every
// row without reading the rows (their kind and effect, the compound rows, the drivers named).
// Built from the rows on first use, or read with them from the knowledge index
// (knowledge/kb_index.hpp), where it is what lets a run parse only the rows it matches.
//
// The index only picks candidates: every candidate still goes through match_entry
// (match/matcher.cpp), so the rules live in one place, and the candidates are tested in table
// order, so the Match list is exactly the one a test of every row gives. A row is a candidate
// for an allele when it could match it by some route of the matching rules (matcher.cpp):
//   genomic   any row's genomic alleles, by position (build, contig, REF, ALT checked after)
//   hgvs_c    hgvs_c rows by their c.; hgvs_p rows by each c. allele their `hgvs_c` lists
//   hgvs_p    by protein change; and by the first residue's number (amino-acid-unknown match)
//   codon     by residue number; range rows (few) for every allele with a codon
//   lof, missense  the class rows, for alleles of that class
//   rows whose restriction replaces the route (exon_skipping=N), for every allele
// Compound rows (requires_all) are not indexed: match_allele skips them.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rvanno/consequence.hpp"
#include "rvanno/knowledge.hpp"

namespace rvanno {

// One gene's rows. Row numbers are positions in KnowledgeBase::entries; "positions" are
// positions in rows.
struct GeneRows {
    // (key, position) pairs sorted by key then position: one flat vector per route, not a
    // container per key (100k rows would make 100k small allocations).
    template <class K>
    using Keyed = std::vector<std::pair<K, std::uint32_t>>;

    GeneRows() = default;
    // The gene's rows `rows` (row numbers, table order) of `entries`, indexed. The string keys
    // are views into the entries: they must stay where they are while the index is used.
    GeneRows(const KnowledgeRows& entries, std::vector<std::uint32_t> rows);

    // Positions of the rows that can match `c` of allele `a`, ascending, no repeats.
    void candidates(const Allele& a, const Consequence& c, std::vector<std::uint32_t>& out) const;
    // Positions of the single-alteration hgvs_p rows whose `hgvs_c` column lists `hgvs_c`,
    // ascending (what class_from_protein_change needs).
    std::vector<std::uint32_t> hgvs_p_rows_listing(const std::string& hgvs_c) const;

    std::vector<std::uint32_t> rows;      // every row of the gene, compound rows included, table order
    Keyed<std::int64_t> by_pos;           // genomic alleles, any build
    Keyed<std::string_view> by_c;         // hgvs_c rows' c.
    Keyed<std::string_view> by_listed_c;  // hgvs_p rows' listed c. alleles
    Keyed<std::string_view> by_p;         // hgvs_p rows' protein change
    Keyed<int> by_residue;                // codon rows; hgvs_p rows' first residue
    std::vector<std::uint32_t> ranges, lof, missense, always;
};

// What a run reads of a row without making it.
struct RowFacts {
    AlterationKind kind{};
    Effect effect{};
    bool on_target{false};  // mechanism on_target
    bool compound{false};   // requires_all
};

struct RowIndex {
    std::vector<RowFacts> facts;                         // per row
    std::map<std::string, GeneRows, std::less<>> genes;  // every gene that has rows
    std::vector<std::uint32_t> compound;                 // rows with requires_all, table order
    std::vector<std::string> drivers;                    // every row's required_drivers, sorted, once each
    std::shared_ptr<const void> keys;                    // what the string keys view when read from a file

    const GeneRows* gene(std::string_view g) const {
        auto it = genes.find(g);
        return it == genes.end() ? nullptr : &it->second;
    }
    // Row numbers of `g`'s rows of one of `kinds`, table order.
    std::vector<std::uint32_t> rows_of(std::string_view g, std::initializer_list<AlterationKind> kinds) const;
};

// The index of `entries`: the one read with them, else built now and kept with them (rebuilt
// when rows were added since).
const RowIndex& row_index(const KnowledgeRows& entries);
// Built from the rows, whether or not one is kept (the knowledge index writer's input).
std::shared_ptr<const RowIndex> build_row_index(const KnowledgeRows& entries);

// "G1202R" -> {1202, 'R'}: a protein change's first residue number and, for a one-residue
// substitution or stop, its new residue (0 for any other kind of change).
std::pair<int, char> first_residue(const std::string& change);

}  // namespace rvanno
