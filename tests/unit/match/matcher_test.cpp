// The matching rules of src/match/matcher.cpp, one route at a time, each with its near misses.
// Rows and consequences are built by hand so every test states exactly what it feeds in.
#include "match/matcher.hpp"
#include "rvanno/match.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace rvanno;

namespace {

// ALK c.3604G>A p.G1202R on GRCh38 2:29220747 C>T (ALK is on the minus strand).
Allele g1202r_allele() { return Allele{"2", 29220746, "C", "T"}; }

Consequence csq(std::string hgvs_c, std::string protein_change, std::vector<std::string> terms,
                std::optional<int> codon, std::optional<char> ref_aa, bool protein_altering, bool lof = false) {
    Consequence c;
    c.gene = "ALK";
    c.transcript = "NM_004304.5";
    c.hgvs_c = std::move(hgvs_c);
    c.protein_change = std::move(protein_change);
    if (!c.protein_change.empty()) c.hgvs_p = "p." + c.protein_change;  // enough for matching
    c.terms = std::move(terms);
    c.codon = codon;
    c.ref_aa = ref_aa;
    c.protein_altering = protein_altering;
    c.loss_of_function = lof;
    return c;
}

// G1202R computed with --fasta: protein change known.
Consequence g1202r_known() { return csq("c.3604G>A", "G1202R", {"missense_variant"}, 1202, 'G', true); }
// The same allele without --fasta: c. known, protein effect not.
Consequence g1202_unknown(const std::string& c = "c.3604G>A") {
    return csq(c, "", {"coding_sequence_variant"}, 1202, std::nullopt, true);
}

KnowledgeEntry base(const std::string& id, AlterationKind kind) {
    KnowledgeEntry e;
    e.id = id;
    e.gene = "ALK";
    e.kind = kind;
    e.drugs = {"lorlatinib"};
    return e;
}

KnowledgeEntry hgvs_p_row(const std::string& id, const std::string& change, std::vector<std::string> c_alleles) {
    auto e = base(id, AlterationKind::hgvs_p);
    e.alteration = "p." + change;
    e.protein_change = change;
    e.hgvs_c_alleles = std::move(c_alleles);
    return e;
}

KnowledgeEntry codon_row(int codon, char ref_aa) {
    auto e = base("codon", AlterationKind::codon);
    e.codon = codon;
    e.codon_ref_aa = ref_aa;
    return e;
}

KnowledgeEntry range_row(int b, int e_) {
    auto e = base("range", AlterationKind::range);
    e.range_begin = b;
    e.range_end = e_;
    return e;
}

std::optional<Match> match(const KnowledgeEntry& e, const Consequence& c, GenomeBuild b = GenomeBuild::GRCh38,
                           const Allele& a = g1202r_allele()) {
    return match_entry(a, b, c, e);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// hgvs_p rows

// With a known protein change the row matches by it, whatever c. allele produced it.
TEST(Matcher, hgvs_p_row_matches_by_protein_change) {
    auto e = hgvs_p_row("p", "G1202R", {"c.3604G>A"});
    auto c = csq("c.3604G>C", "G1202R", {"missense_variant"}, 1202, 'G', true);  // another c. allele, same p.
    auto m = match(e, c);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->how, MatchHow::hgvs_p);
    EXPECT_EQ(m->entry, &e);
    EXPECT_EQ(m->detail, "p.G1202R");
}

// The reason the hgvs_c column exists: a raw VCF without --fasta still matches protein rows.
TEST(Matcher, protein_change_row_matches_through_its_listed_c_allele_without_fasta) {
    auto e = hgvs_p_row("p", "G1202R", {"c.3604G>A", "c.3604G>C"});
    auto m = match(e, g1202_unknown("c.3604G>C"));
    ASSERT_TRUE(m);
    EXPECT_EQ(m->how, MatchHow::hgvs_c);
    EXPECT_EQ(m->detail, "c.3604G>C encodes p.G1202R");
}

// Near miss: another change of the same codon is not the row's change; without a protein
// change only the listed c. alleles may stand in for it.
TEST(Matcher, different_c_allele_of_the_same_codon_does_not_match_without_protein_change) {
    auto e = hgvs_p_row("p", "G1202R", {"c.3604G>A"});
    EXPECT_FALSE(match(e, g1202_unknown("c.3605G>C")));
    EXPECT_FALSE(match(e, g1202_unknown("c.3604G>T")));
}

// Near miss: same residue, different substitution.
TEST(Matcher, hgvs_p_row_does_not_match_another_protein_change_of_the_same_residue) {
    auto e = hgvs_p_row("p", "G1202R", {"c.3604G>A"});
    auto c = csq("c.3605G>C", "G1202A", {"missense_variant"}, 1202, 'G', true);
    EXPECT_FALSE(match(e, c));
}

// A row with no hgvs_c list never matches for sure an allele whose protein change is unknown: a
// substitution in its codon that can give its amino acid is matched with the amino acid unknown
// (shown, never counted), and one that cannot is not matched at all.
TEST(Matcher, hgvs_p_row_without_c_alleles_needs_a_protein_change) {
    auto e = hgvs_p_row("p", "G1202R", {});
    auto m = match(e, g1202_unknown());  // c.3604G>A: GGN -> AGN, Ser or Arg
    ASSERT_TRUE(m);
    EXPECT_TRUE(m->amino_acid_unknown);
    EXPECT_EQ(m->how, MatchHow::hgvs_p);
    EXPECT_EQ(m->detail, "c.3604G>A in codon 1202: amino acid unknown \u2014 give --fasta");
    // c.3604G>T: GGN -> TGN is Cys, Trp or a stop, never Arg (the genetic code rules it out).
    EXPECT_FALSE(match(e, g1202_unknown("c.3604G>T")));
    // The codon's third base: GGN stays Gly whatever it becomes.
    EXPECT_FALSE(match(e, g1202_unknown("c.3606A>C")));
    auto listed = hgvs_p_row("p2", "G1202R", {"c.3604G>A"});
    auto empty_c = match(listed, g1202_unknown(""));
    EXPECT_TRUE(!empty_c || (empty_c->amino_acid_unknown && empty_c->how != MatchHow::hgvs_c))
        << "an empty c. must not match a listed allele";
}

// The class known from annotation narrows the amino-acid-unknown matches: a missense allele is
// no stop row, a stop_gained allele no missense row; an indel is never matched this way.
TEST(Matcher, hgvs_p_amino_acid_unknown_needs_a_class_that_fits_and_a_substitution) {
    auto missense_row = hgvs_p_row("mis", "G1202R", {});
    auto stop_row = hgvs_p_row("stop", "G1202*", {});
    auto annotated_missense = csq("c.3604G>A", "", {"missense_variant"}, 1202, std::nullopt, true);
    EXPECT_TRUE(match(missense_row, annotated_missense));
    EXPECT_FALSE(match(stop_row, annotated_missense));
    auto annotated_stop = csq("c.3604G>T", "", {"stop_gained"}, 1202, std::nullopt, true, true);
    EXPECT_FALSE(match(missense_row, annotated_stop));
    auto stop = match(stop_row, annotated_stop);  // GGA -> TGA
    ASSERT_TRUE(stop);
    EXPECT_TRUE(stop->amino_acid_unknown);
    auto deletion = csq("c.3604del", "", {"frameshift_variant"}, 1202, std::nullopt, true, true);
    EXPECT_FALSE(match(missense_row, deletion, GenomeBuild::GRCh38, Allele{"2", 29220746, "AC", "A"}));
}

// ---------------------------------------------------------------------------------------------
// hgvs_c rows

// The PTPN1 c.1088+1G>A index case: an intronic row matches by exact c. string only.
TEST(Matcher, hgvs_c_row_matches_the_identical_c_string_only) {
    auto e = base("c", AlterationKind::hgvs_c);
    e.gene = "PTPN1";
    e.hgvs_c = "c.1088+1G>A";
    auto c = csq("c.1088+1G>A", "", {"splice_donor_variant"}, std::nullopt, std::nullopt, false, true);
    c.gene = "PTPN1";
    auto m = match(e, c);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->how, MatchHow::hgvs_c);
    EXPECT_EQ(m->detail, "c.1088+1G>A");
    c.hgvs_c = "c.1088+2T>A";
    EXPECT_FALSE(match(e, c));
    c.hgvs_c = "c.1088+1G>T";
    EXPECT_FALSE(match(e, c));
}

// ---------------------------------------------------------------------------------------------
// codon and range rows

// A synonymous change of the codon does not alter the residue, so the codon row stays silent.
TEST(Matcher, codon_row_does_not_match_a_synonymous_change_when_the_protein_change_is_known) {
    auto e = codon_row(1202, 'G');
    auto c = csq("c.3606A>G", "G1202=", {"synonymous_variant"}, 1202, 'G', false);
    EXPECT_FALSE(match(e, c));
}

// Without --fasta or annotation a substitution "may" change the residue: matched with the amino
// acid unknown (shown, never counted in a verdict), the detail saying so.
TEST(Matcher, codon_row_matches_an_unknown_effect_substitution_as_amino_acid_unknown) {
    auto e = codon_row(1202, 'G');
    auto m = match(e, g1202_unknown("c.3605G>C"));
    ASSERT_TRUE(m);
    EXPECT_EQ(m->how, MatchHow::codon);
    EXPECT_TRUE(m->amino_acid_unknown);
    EXPECT_EQ(m->detail, "c.3605G>C in codon 1202: amino acid unknown \u2014 give --fasta");
}

// With the class from VEP/SnpEff/BCSQ (missense_variant, no HGVSp) the codon is known to change:
// a sure match, the detail naming the class.
TEST(Matcher, codon_row_matches_an_annotated_missense_for_sure) {
    auto e = codon_row(1202, 'G');
    auto m = match(e, csq("c.3605G>C", "", {"missense_variant"}, 1202, std::nullopt, true));
    ASSERT_TRUE(m);
    EXPECT_FALSE(m->amino_acid_unknown);
    EXPECT_EQ(m->detail, "c.3605G>C in codon 1202: missense_variant");
}

// NRAS Q61 (the vemurafenib-resistance codon row): a synonymous change never matches, whether
// the protein change says so (Q61=, Q61Q from a MAF or an annotation: the class term may still
// be coding_sequence_variant), the class says so (synonymous_variant without HGVSp), or the
// genetic code does (c.183A>G: CAA/CAG -> CAG/CAA, Gln either way). c.182A>G (Q61R) matches.
TEST(Matcher, codon_row_never_matches_a_synonymous_change_from_any_source) {
    auto e = codon_row(61, 'Q');
    e.gene = "NRAS";
    const Allele q61_third{"1", 115256527, "T", "C"};  // GRCh37 NRAS c.183A>G (minus strand)
    for (const char* pc : {"Q61=", "Q61Q"}) {
        auto c = csq("c.183A>G", pc, {"coding_sequence_variant"}, 61, std::nullopt, true);
        EXPECT_FALSE(match(e, c, GenomeBuild::GRCh37, q61_third)) << pc;
    }
    auto annotated = csq("c.183A>G", "", {"synonymous_variant"}, 61, std::nullopt, true);
    EXPECT_FALSE(match(e, annotated, GenomeBuild::GRCh37, q61_third));
    auto unknown = csq("c.183A>G", "", {"coding_sequence_variant"}, 61, std::nullopt, true);
    EXPECT_FALSE(match(e, unknown, GenomeBuild::GRCh37, q61_third)) << "synonymous in every Gln codon";
    auto q61r = csq("c.182A>G", "", {"coding_sequence_variant"}, 61, std::nullopt, true);
    auto m = match(e, q61r, GenomeBuild::GRCh37, Allele{"1", 115256528, "T", "C"});
    ASSERT_TRUE(m);
    EXPECT_TRUE(m->amino_acid_unknown);
}

// With a known missense change of the codon the detail is the protein change itself.
TEST(Matcher, codon_row_matches_a_known_missense_change_of_its_codon) {
    auto e = codon_row(1202, 'G');
    auto m = match(e, g1202r_known());
    ASSERT_TRUE(m);
    EXPECT_EQ(m->how, MatchHow::codon);
    EXPECT_EQ(m->detail, "p.G1202R");
}

// Near misses: the neighbouring codon, and a reference amino acid that contradicts the row
// (a sign of a numbering mismatch).
TEST(Matcher, codon_row_does_not_match_another_codon_or_a_different_reference_amino_acid) {
    auto e = codon_row(1202, 'G');
    auto c = g1202r_known();
    c.codon = 1203;
    c.protein_change = "D1203N";
    c.ref_aa = 'D';
    EXPECT_FALSE(match(e, c));
    auto wrong_ref = g1202r_known();
    wrong_ref.ref_aa = 'S';
    wrong_ref.protein_change = "S1202R";
    EXPECT_FALSE(match(e, wrong_ref));
    // An unknown reference amino acid does not block the match.
    auto unknown_ref = g1202_unknown();
    ASSERT_FALSE(unknown_ref.ref_aa.has_value());
    EXPECT_TRUE(match(e, unknown_ref));
}

// A change outside the CDS (no codon) never matches a residue row.
TEST(Matcher, codon_row_does_not_match_a_change_without_a_codon) {
    auto e = codon_row(1202, 'G');
    auto c = csq("c.3605+5G>A", "", {"intron_variant"}, std::nullopt, std::nullopt, false);
    EXPECT_FALSE(match(e, c));
}

// Range rows are inclusive at both ends and exclusive just outside them.
TEST(Matcher, range_row_boundaries_are_inclusive) {
    auto e = range_row(1116, 1383);
    for (int codon : {1116, 1250, 1383}) {
        auto c = g1202r_known();
        c.codon = codon;
        c.ref_aa.reset();
        auto m = match(e, c);
        ASSERT_TRUE(m) << codon;
        EXPECT_EQ(m->how, MatchHow::range);
    }
    for (int codon : {1115, 1384}) {
        auto c = g1202r_known();
        c.codon = codon;
        EXPECT_FALSE(match(e, c)) << codon;
    }
    auto syn = csq("c.3606A>G", "G1202=", {"synonymous_variant"}, 1202, 'G', false);
    EXPECT_FALSE(match(e, syn)) << "synonymous inside the range";
}

// ---------------------------------------------------------------------------------------------
// Gene-level classes

// lof rows: splice donor, frameshift and stop gained are loss of function; missense is not.
TEST(Matcher, lof_row_matches_splice_donor_frameshift_and_stop_but_not_missense) {
    auto e = base("lof", AlterationKind::lof);
    struct Case {
        const char* term;
        bool lof;
    };
    for (auto [term, lof] : {Case{"splice_donor_variant", true}, Case{"frameshift_variant", true},
                             Case{"stop_gained", true}, Case{"missense_variant", false}}) {
        auto c = csq("c.1A>T", "", {term}, 1, std::nullopt, true, lof);
        auto m = match(e, c);
        if (lof) {
            ASSERT_TRUE(m) << term;
            EXPECT_EQ(m->how, MatchHow::lof);
            EXPECT_EQ(m->detail, term);
            EXPECT_EQ(to_string(m->how), "class:lof");
        } else {
            EXPECT_FALSE(m) << term;
        }
    }
}

// missense rows match any missense change of the gene and nothing else.
TEST(Matcher, missense_row_matches_missense_but_not_synonymous_or_stop) {
    auto e = base("mis", AlterationKind::missense);
    auto m = match(e, g1202r_known());
    ASSERT_TRUE(m);
    EXPECT_EQ(m->how, MatchHow::missense);
    EXPECT_EQ(m->detail, "p.G1202R");
    // The class alone (annotation without HGVSp) is enough; the detail names the allele.
    m = match(e, csq("c.3604G>A", "", {"missense_variant"}, 1202, std::nullopt, true));
    ASSERT_TRUE(m);
    EXPECT_EQ(m->detail, "c.3604G>A: missense_variant");
    EXPECT_FALSE(match(e, g1202_unknown())) << "coding_sequence_variant is not missense";
    EXPECT_FALSE(match(e, csq("c.3606A>G", "G1202=", {"synonymous_variant"}, 1202, 'G', false)));
    EXPECT_FALSE(match(e, csq("c.3604G>T", "G1202*", {"stop_gained"}, 1202, 'G', true, true)));
}

// Copy-number and fusion rows never match a small variant.
TEST(Matcher, amplification_deletion_and_fusion_rows_never_match_small_variants) {
    for (auto k : {AlterationKind::amplification, AlterationKind::deletion, AlterationKind::fusion}) {
        auto e = base("cnv", k);
        EXPECT_FALSE(match(e, g1202r_known())) << to_string(k);
        EXPECT_FALSE(match(e, csq("c.1A>T", "", {"stop_gained"}, 1, std::nullopt, true, true))) << to_string(k);
    }
}

// ---------------------------------------------------------------------------------------------
// genomic rows

// Genomic rows are per build: only the run's build counts, and only the exact allele.
TEST(Matcher, genomic_row_matches_only_on_the_runs_build_and_exact_allele) {
    auto e = base("g", AlterationKind::genomic);
    e.alleles = {GenomicAllele{GenomeBuild::GRCh38, "2", 29220746, "C", "T"},
                 GenomicAllele{GenomeBuild::GRCh37, "2", 29443612, "C", "T"}};
    const auto c = g1202r_known();
    auto m = match(e, c, GenomeBuild::GRCh38, Allele{"2", 29220746, "C", "T"});
    ASSERT_TRUE(m);
    EXPECT_EQ(m->how, MatchHow::genomic);
    EXPECT_EQ(m->detail, "GRCh38:2:29220747:C:T") << "printed 1-based";

    m = match(e, c, GenomeBuild::GRCh37, Allele{"2", 29443612, "C", "T"});
    ASSERT_TRUE(m);
    EXPECT_EQ(m->detail, "GRCh37:2:29443613:C:T");

    // The GRCh37 coordinates on a GRCh38 run, and vice versa.
    EXPECT_FALSE(match(e, c, GenomeBuild::GRCh38, Allele{"2", 29443612, "C", "T"}));
    EXPECT_FALSE(match(e, c, GenomeBuild::GRCh37, Allele{"2", 29220746, "C", "T"}));
    // Off by one either way, another ALT, another contig.
    EXPECT_FALSE(match(e, c, GenomeBuild::GRCh38, Allele{"2", 29220745, "C", "T"}));
    EXPECT_FALSE(match(e, c, GenomeBuild::GRCh38, Allele{"2", 29220747, "C", "T"}));
    EXPECT_FALSE(match(e, c, GenomeBuild::GRCh38, Allele{"2", 29220746, "C", "G"}));
    EXPECT_FALSE(match(e, c, GenomeBuild::GRCh38, Allele{"3", 29220746, "C", "T"}));
}

// ---------------------------------------------------------------------------------------------
// Compound rows and match_allele

// Compound rows need the whole sample: match_allele skips them, match_entry tests the primary.
TEST(Matcher, compound_rows_are_skipped_by_match_allele_but_their_primary_matches_in_match_entry) {
    auto single = hgvs_p_row("single", "G1202R", {"c.3604G>A"});
    auto compound = hgvs_p_row("compound", "G1202R", {"c.3604G>A"});
    compound.requires_all = {{"ALK", "L1196M"}};
    std::vector<const KnowledgeEntry*> rows = {&compound, &single};
    auto ms = match_allele(g1202r_allele(), GenomeBuild::GRCh38, g1202r_known(), rows);
    ASSERT_EQ(ms.size(), 1u);
    EXPECT_EQ(ms[0].entry, &single);
    auto m = match_entry(g1202r_allele(), GenomeBuild::GRCh38, g1202r_known(), compound);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->entry, &compound);
}

// A compound row's partners are the sample's known protein changes: an amino-acid-unknown match of
// an hgvs_p row does not make its change "observed".
TEST(Matcher, observed_protein_changes_leave_out_amino_acid_unknown_matches) {
    auto row = hgvs_p_row("p", "L1196M", {});
    AlleleFinding sure, unsure;
    sure.csq = g1202r_known();
    unsure.csq = csq("c.3586C>A", "", {"coding_sequence_variant"}, 1196, std::nullopt, true);
    unsure.matches.push_back(Match{&row, MatchHow::hgvs_p, "", true});
    auto observed = observed_protein_changes({sure, unsure});
    EXPECT_EQ(observed, std::vector<std::string>{"ALK:G1202R"});
    unsure.matches.back().amino_acid_unknown = false;
    observed = observed_protein_changes({sure, unsure});
    EXPECT_EQ(observed, (std::vector<std::string>{"ALK:G1202R", "ALK:L1196M"}));
}

// requirements_met needs every member, by gene and change.
TEST(Matcher, requirements_met_needs_every_required_change_in_the_same_gene) {
    auto e = hgvs_p_row("compound", "G1202R", {});
    e.requires_all = {{"ALK", "L1196M"}, {"ALK", "C1156Y"}};
    EXPECT_TRUE(requirements_met(e, {"ALK:G1202R", "ALK:L1196M", "ALK:C1156Y"}));
    EXPECT_FALSE(requirements_met(e, {"ALK:G1202R", "ALK:L1196M"})) << "one member missing";
    EXPECT_FALSE(requirements_met(e, {"ALK:G1202R", "ROS1:L1196M", "ALK:C1156Y"})) << "wrong gene";
    EXPECT_FALSE(requirements_met(e, {"ALK:G1202R", "ALK:L1196Q", "ALK:C1156Y"})) << "other change";
    EXPECT_FALSE(requirements_met(e, {}));
    EXPECT_TRUE(requirements_met(hgvs_p_row("plain", "G1202R", {}), {})) << "no requirements";
}

// One allele that satisfies a row by several routes is reported once for that row; the db/
// README gives the protein change precedence over the listed c. alleles for hgvs_p rows.
TEST(Matcher, at_most_one_match_per_row_in_table_order) {
    auto both = hgvs_p_row("both", "G1202R", {"c.3604G>A"});  // hgvs_p and hgvs_c routes
    auto genomic_too = hgvs_p_row("genomic_too", "G1202R", {"c.3604G>A"});
    genomic_too.alleles = {GenomicAllele{GenomeBuild::GRCh38, "2", 29220746, "C", "T"}};
    auto codon = codon_row(1202, 'G');
    auto range = range_row(1100, 1300);
    auto other = hgvs_p_row("other", "L1196M", {"c.3586C>A"});
    std::vector<const KnowledgeEntry*> rows = {&range, &both, &other, &codon, &genomic_too};
    auto ms = match_allele(g1202r_allele(), GenomeBuild::GRCh38, g1202r_known(), rows);
    ASSERT_EQ(ms.size(), 4u);
    EXPECT_EQ(ms[0].entry, &range);
    EXPECT_EQ(ms[0].how, MatchHow::range);
    EXPECT_EQ(ms[1].entry, &both);
    EXPECT_EQ(ms[1].how, MatchHow::hgvs_p);
    EXPECT_EQ(ms[2].entry, &codon);
    EXPECT_EQ(ms[2].how, MatchHow::codon);
    EXPECT_EQ(ms[3].entry, &genomic_too);
    EXPECT_EQ(ms[3].how, MatchHow::genomic) << "the strongest route wins";
}

// The printed names of the routes are part of the output format.
TEST(Matcher, route_names_are_stable) {
    EXPECT_EQ(to_string(MatchHow::genomic), "genomic");
    EXPECT_EQ(to_string(MatchHow::hgvs_c), "hgvs_c");
    EXPECT_EQ(to_string(MatchHow::hgvs_p), "hgvs_p");
    EXPECT_EQ(to_string(MatchHow::codon), "codon");
    EXPECT_EQ(to_string(MatchHow::range), "range");
    EXPECT_EQ(to_string(MatchHow::lof), "class:lof");
    EXPECT_EQ(to_string(MatchHow::missense), "class:missense");
    EXPECT_EQ(to_string(MatchHow::compound), "compound");
}

// db/README.md: a hgvs_p row's listed c. alleles stand in for its protein change only "without a
// protein change". When the protein change is known and is another one, the list must not
// overrule it (a listed c. that disagrees with the computed protein points at a table error).
TEST(Matcher, listed_c_allele_does_not_overrule_a_known_different_protein_change) {
    auto e = hgvs_p_row("p", "G1202R", {"c.3604G>A"});
    auto c = csq("c.3604G>A", "G1202S", {"missense_variant"}, 1202, 'G', true);
    auto m = match(e, c);
    EXPECT_FALSE(m) << "matched by " << to_string(m->how) << ": " << m->detail;
}
