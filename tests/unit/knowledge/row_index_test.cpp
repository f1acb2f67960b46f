// The row index (src/knowledge/row_index.hpp) must give exactly what testing every row of the
// gene gives: the same matches, the same details, in the same (table) order. Checked on every row
// of the shipped knowledge base, with alleles made from the rows themselves (their genomic
// alleles, c. alleles, protein changes, codons and ranges) under every class that changes a
// route: protein change known or not, missense, stop, splice, synonymous, unknown class; SNVs and
// indels. The row index read from a knowledge index (knowledge/kb_index.hpp) is not probed again
// here: KnowledgeIndex.rows_made_from_the_index_are_the_rows_the_tables_give_field_by_field
// holds it equal, key by key, to the one built here, and its rows equal, field by field.
#include "knowledge/row_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "knowledge/knowledge_base.hpp"
#include "match/matcher.hpp"

using namespace rvanno;

namespace {

struct Probe {
    Allele allele;
    Consequence csq;
};

Consequence coding(const std::string& gene, std::string c, std::string p, std::vector<std::string> terms,
                   std::optional<int> codon, bool lof) {
    Consequence k;
    k.gene = gene;
    k.hgvs_c = std::move(c);
    k.protein_change = std::move(p);
    k.terms = std::move(terms);
    k.codon = codon;
    k.protein_altering = true;
    k.loss_of_function = lof;
    return k;
}

// Alleles that reach `e` by each of its routes, under every class: many also reach other rows.
std::vector<Probe> probes_for(const KnowledgeEntry& e) {
    std::vector<std::string> cs = e.hgvs_c_alleles;
    if (!e.hgvs_c.empty()) cs.push_back(e.hgvs_c);
    if (cs.empty()) cs.push_back("c.100A>G");
    std::vector<std::optional<int>> codons = {std::nullopt};
    if (e.kind == AlterationKind::hgvs_p) codons.push_back(first_residue(e.protein_change).first);
    if (e.kind == AlterationKind::codon) codons.push_back(e.codon);
    if (e.kind == AlterationKind::range) codons.insert(codons.end(), {e.range_begin, e.range_end, e.range_end + 1});
    std::vector<Allele> alleles = {{"2", 1000, "C", "T"}, {"2", 1000, "CAAG", "C"}};
    for (const auto& g : e.alleles) alleles.push_back({g.contig, g.pos, g.ref, g.alt});
    const std::vector<std::pair<std::vector<std::string>, bool>> classes = {
        {{"missense_variant"}, false},     {{"coding_sequence_variant"}, false},
        {{"stop_gained"}, true},           {{"splice_donor_variant", "intron_variant"}, true},
        {{"synonymous_variant"}, false},   {{"frameshift_variant"}, true},
        {{"splice_region_variant"}, false}};
    std::vector<Probe> out;
    for (const auto& a : alleles)
        for (const auto& c : cs)
            for (const auto& codon : codons)
                for (const auto& [terms, lof] : classes)
                    for (const std::string& p : {std::string(), e.protein_change, std::string("A1B")}) {
                        out.push_back({a, coding(e.gene, c, p, terms, codon, lof)});
                        out.back().csq.exon = out.back().csq.intron = 14;  // exon_skipping=14 rows
                    }
    return out;
}

void expect_same(const std::vector<Match>& want, const std::vector<Match>& got, const std::string& what) {
    ASSERT_EQ(want.size(), got.size()) << what;
    for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(want[i].entry->id, got[i].entry->id) << what << " match " << i;
        EXPECT_EQ(want[i].how, got[i].how) << what << " match " << i;
        EXPECT_EQ(want[i].detail, got[i].detail) << what << " match " << i;
        EXPECT_EQ(want[i].amino_acid_unknown, got[i].amino_acid_unknown) << what << " match " << i;
    }
}

// Every allele made from the rows, matched through `kb`'s row index (rows as `kb` has them:
// held, or made from the knowledge index), against a scan of every row of `scan` (held): the
// same rows (by id), how, detail and flag.
void compare_with_scan(const KnowledgeBase& kb, const KnowledgeBase& scan) {
    ASSERT_EQ(kb.entries.size(), scan.entries.size());
    std::map<std::string, std::vector<const KnowledgeEntry*>> by_gene;
    for (const auto& e : scan.entries) by_gene[e.gene].push_back(&e);
    const RowIndex& index = row_index(kb.entries);
    long compared = 0, matched = 0;
    for (const auto& [gene, rows] : by_gene) {
        const GeneRows* g = index.gene(gene);
        ASSERT_NE(g, nullptr) << gene;
        ASSERT_EQ(g->rows.size(), rows.size()) << gene;
        for (std::size_t i = 0; i < rows.size(); ++i) ASSERT_EQ(&scan.entries[g->rows[i]], rows[i]) << gene;
        for (const KnowledgeEntry* e : rows)
            for (const auto& p : probes_for(*e))
                for (auto build : {GenomeBuild::GRCh38, GenomeBuild::GRCh37}) {
                    if (build == GenomeBuild::GRCh37 && p.allele.pos == 1000) continue;  // only genomic differs
                    const auto want = match_allele(p.allele, build, p.csq, rows);
                    const auto got = match_allele(p.allele, build, p.csq, *g, kb.entries);
                    expect_same(want, got, e->id + " " + p.csq.hgvs_c + " p." + p.csq.protein_change);
                    if (::testing::Test::HasFailure()) return;
                    ++compared;
                    matched += want.empty() ? 0 : 1;
                }
    }
    EXPECT_GT(compared, 100000);
    EXPECT_GT(matched, compared / 4) << "the probes must reach rows, or the comparison proves little";
}

}  // namespace

TEST(RowIndex, every_allele_made_from_the_shipped_rows_matches_as_a_scan_of_every_row_does) {
    const KnowledgeBase kb = load_knowledge_base(RVANNO_DB);
    compare_with_scan(kb, kb);
}

// class_from_protein_change reads the single-alteration hgvs_p rows listing a c. allele.
TEST(RowIndex, hgvs_p_rows_listing_a_c_allele_are_those_a_scan_finds_in_table_order) {
    const KnowledgeBase kb = load_knowledge_base(RVANNO_DB);
    const RowIndex& index = row_index(kb.entries);
    long found = 0;
    for (const auto& [gene, g] : index.genes) {
        std::vector<const KnowledgeEntry*> rows;
        for (const auto r : g.rows) rows.push_back(&kb.entries[r]);
        for (const KnowledgeEntry* e : rows)
            for (const auto& c : e->hgvs_c_alleles) {
                std::vector<std::uint32_t> want;
                for (std::uint32_t i = 0; i < rows.size(); ++i)
                    if (rows[i]->kind == AlterationKind::hgvs_p && rows[i]->requires_all.empty() &&
                        std::find(rows[i]->hgvs_c_alleles.begin(), rows[i]->hgvs_c_alleles.end(), c) !=
                            rows[i]->hgvs_c_alleles.end())
                        want.push_back(i);
                EXPECT_EQ(g.hgvs_p_rows_listing(c), want) << gene << " " << c;
                found += static_cast<long>(want.size());
            }
    }
    EXPECT_GT(found, 100);
}

// A row with two genomic alleles at one position, and a row listed under several keys, is
// tested once: one Match per row.
TEST(RowIndex, a_row_reachable_by_several_keys_is_matched_once) {
    KnowledgeEntry e;
    e.id = "two";
    e.gene = "ALK";
    e.kind = AlterationKind::hgvs_p;
    e.protein_change = "G1202R";
    e.hgvs_c_alleles = {"c.3604G>A", "c.3604G>C"};
    e.alleles = {{GenomeBuild::GRCh38, "2", 29220746, "C", "T"}, {GenomeBuild::GRCh37, "2", 29220746, "C", "T"}};
    const KnowledgeRows entries(std::vector<KnowledgeEntry>{e});
    const GeneRows index(entries, {0});
    Consequence c = coding("ALK", "c.3604G>A", "G1202R", {"missense_variant"}, 1202, false);
    const auto ms = match_allele(Allele{"2", 29220746, "C", "T"}, GenomeBuild::GRCh38, c, index, entries);
    ASSERT_EQ(ms.size(), 1u);
    EXPECT_EQ(ms[0].how, MatchHow::genomic);
}
