// The CIViC layer's match restrictions (src/match/restrict.hpp; grammar: knowledge/civic_layer.hpp):
// each narrows a row that is broader than CIViC's variant, so a row never matches more than CIViC
// says, and where the input cannot tell (fusion partner or exons unknown) the detail says so.
// Rows and consequences are built by hand, on the real CIViC rows' shapes.
#include "match/restrict.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "knowledge/civic_layer.hpp"
#include "match/matcher.hpp"

using namespace rvanno;

namespace {

KnowledgeEntry range_row(int begin, int end, const std::string& restrict) {
    KnowledgeEntry e;
    e.id = "CIViC-test";
    e.gene = "EGFR";
    e.kind = AlterationKind::range;
    e.range_begin = begin;
    e.range_end = end;
    e.layer = "civic";
    e.set_civic().restrictions = detail::parse_match_restrict(restrict);
    return e;
}

Consequence coding(const std::string& hgvs_c, const std::string& change, std::vector<std::string> terms, int codon) {
    Consequence c;
    c.gene = "EGFR";
    c.hgvs_c = hgvs_c;
    c.protein_change = change;
    c.terms = std::move(terms);
    c.codon = codon;
    c.protein_altering = true;
    return c;
}

// EGFR E746_A750del (c.2235_2249del, 15 bp) and L858R as VCF-style alleles (positions do not matter here).
const Allele kDel15{"7", 55174771, "GGAATTAAGAGAAGCA", "G"};
const Allele kIns9{"7", 55181319, "G", "GGCCAGCGTG"};
const Allele kDel1{"7", 55174771, "GG", "G"};
const Allele kSnv{"7", 55191821, "T", "G"};

}  // namespace

// Why: "Exon 19 Deletion" is range 729-761 + deletion: an in-frame deletion in the exon matches,
// a missense or a frameshift deletion in the same residues does not.
TEST(MatchRestrict, deletion_needs_an_in_frame_deletion) {
    const auto row = range_row(729, 761, "deletion");
    auto m = match_entry(kDel15, GenomeBuild::GRCh38,
                         coding("c.2235_2249del", "E746_A750del", {"inframe_deletion"}, 746), row);
    ASSERT_TRUE(m);
    EXPECT_NE(m->detail.find("match_restrict deletion met"), std::string::npos) << m->detail;
    EXPECT_FALSE(match_entry(kSnv, GenomeBuild::GRCh38, coding("c.2237A>C", "E746A", {"missense_variant"}, 746), row));
    EXPECT_FALSE(
        match_entry(kDel1, GenomeBuild::GRCh38, coding("c.2236del", "E746fs", {"frameshift_variant"}, 746), row));
}

// Why: "Exon 20 Insertion" is range 762-823 + insertion: an in-frame insertion or duplication.
TEST(MatchRestrict, insertion_needs_an_in_frame_insertion) {
    const auto row = range_row(762, 823, "insertion");
    EXPECT_TRUE(match_entry(kIns9, GenomeBuild::GRCh38,
                            coding("c.2310_2311insGGCCAGCGT", "D770_N771insGQR", {"inframe_insertion"}, 770), row));
    EXPECT_FALSE(match_entry(kSnv, GenomeBuild::GRCh38, coding("c.2369C>T", "T790M", {"missense_variant"}, 790), row));
    EXPECT_FALSE(match_entry(kDel15, GenomeBuild::GRCh38,
                             coding("c.2310_2324del", "D770_P774del", {"inframe_deletion"}, 770), row));
}

// Why: "Frameshift (Truncation)" rows: only a frameshift matches.
TEST(MatchRestrict, frameshift_needs_a_frameshift) {
    auto row = range_row(1, 1210, "frameshift");
    EXPECT_TRUE(
        match_entry(kDel1, GenomeBuild::GRCh38, coding("c.2236del", "E746fs", {"frameshift_variant"}, 746), row));
    EXPECT_FALSE(match_entry(kDel15, GenomeBuild::GRCh38,
                             coding("c.2235_2249del", "E746_A750del", {"inframe_deletion"}, 746), row));
    EXPECT_FALSE(match_entry(kSnv, GenomeBuild::GRCh38, coding("c.2237A>C", "E746A", {"missense_variant"}, 746), row));
}

// Why: MET "Exon 14 Skipping Mutation" is range 963-1010 + exon_skipping=14: splice alleles at exon
// 14's boundaries (donor c.3028+N in intron 14, acceptor c.2942-N in intron 13, exonic splice-region
// bases) match; a missense inside exon 14 and a splice allele of another exon do not.
TEST(MatchRestrict, exon_skipping_needs_a_splice_allele_at_the_exon_boundaries) {
    auto row = range_row(963, 1010, "exon_skipping=14");
    row.gene = "MET";
    auto splice = [](const std::string& c, const char* term, int exon, int intron) {
        Consequence s;
        s.gene = "MET";
        s.hgvs_c = c;
        s.terms = {term};
        s.exon = exon;
        s.intron = intron;
        s.loss_of_function = true;
        return s;
    };
    const Allele a{"7", 116771000, "G", "A"};
    auto donor = match_entry(a, GenomeBuild::GRCh38, splice("c.3028+1G>A", "splice_donor_variant", 0, 14), row);
    ASSERT_TRUE(donor);
    EXPECT_NE(donor->detail.find("exon_skipping=14"), std::string::npos) << donor->detail;
    EXPECT_TRUE(match_entry(a, GenomeBuild::GRCh38, splice("c.2942-2A>G", "splice_acceptor_variant", 0, 13), row));
    EXPECT_TRUE(match_entry(a, GenomeBuild::GRCh38, splice("c.3028G>A", "splice_region_variant", 14, 0), row));
    // the donor of exon 13 (intron 13, + side) and the acceptor of exon 15 (intron 14, - side)
    EXPECT_FALSE(match_entry(a, GenomeBuild::GRCh38, splice("c.2941+1G>A", "splice_donor_variant", 0, 13), row));
    EXPECT_FALSE(match_entry(a, GenomeBuild::GRCh38, splice("c.3029-2A>G", "splice_acceptor_variant", 0, 14), row));
    Consequence missense = coding("c.3029C>T", "T1010I", {"missense_variant"}, 1010);
    missense.exon = 14;
    EXPECT_FALSE(match_entry(a, GenomeBuild::GRCh38, missense, row));
}

// Why: "EML4::ALK e6-e20" is fusion EML4::ALK + fusion_exons=e6-e20: variant 3a/b matches, v1
// (exon 13) does not, and a fusion without exon information matches with "not checked".
TEST(MatchRestrict, fusion_exons_are_enforced_when_known) {
    KnowledgeEntry row;
    row.id = "CIViC-v3";
    row.gene = "ALK";
    row.kind = AlterationKind::fusion;
    row.set_gene_level().fusion5 = "EML4";
    row.set_gene_level().fusion3 = "ALK";
    row.set_civic().restrictions = detail::parse_match_restrict("fusion_exons=e6-e20");
    Fusion f;
    f.gene5 = "EML4";
    f.gene3 = "ALK";
    f.exon5 = 6;
    f.exon3 = 20;
    auto m = match_fusion(f, {&row});
    ASSERT_EQ(m.size(), 1u);
    EXPECT_NE(m[0].detail.find("exons e6-e20 confirmed"), std::string::npos) << m[0].detail;
    f.exon5 = 13;
    EXPECT_TRUE(match_fusion(f, {&row}).empty());
    f.exon5.reset();
    f.exon3.reset();
    m = match_fusion(f, {&row});
    ASSERT_EQ(m.size(), 1u);
    EXPECT_NE(m[0].detail.find("not checked"), std::string::npos) << m[0].detail;
}

// Why: "BCR::ABL1 T315I" is ABL1 p.T315I + context driver=ABL1 fusion + fusion=BCR::ABL1: with the
// sample's ABL1 fusion known to be BCR::ABL1 it is confirmed; with only another 5' partner
// (ETV6::ABL1) the match is dropped; with no fusion input it stays and says "not checked".
TEST(MatchRestrict, fusion_partner_is_enforced_when_the_sample_shows_it) {
    KnowledgeEntry row;
    row.id = "CIViC-T315I";
    row.gene = "ABL1";
    row.kind = AlterationKind::hgvs_p;
    row.protein_change = "T315I";
    row.required_drivers = {"ABL1 fusion"};
    row.set_civic().restrictions = detail::parse_match_restrict("fusion=BCR::ABL1");
    auto findings = [&] {
        AlleleFinding f;
        f.matches = {{&row, MatchHow::hgvs_p, "p.T315I"}};
        return std::vector<AlleleFinding>{f};
    };
    auto fusion = [](const std::string& g5) {
        FusionFinding ff;
        ff.fusion.gene5 = g5;
        ff.fusion.gene3 = "ABL1";
        return ff;
    };
    auto a = findings();
    apply_fusion_partner_restrictions(a, {fusion("BCR")});
    ASSERT_EQ(a[0].matches.size(), 1u);
    EXPECT_NE(a[0].matches[0].detail.find("fusion partner BCR::ABL1 confirmed"), std::string::npos);
    auto b = findings();
    apply_fusion_partner_restrictions(b, {fusion("ETV6")});
    EXPECT_TRUE(b[0].matches.empty());
    auto c = findings();
    apply_fusion_partner_restrictions(c, {});
    ASSERT_EQ(c[0].matches.size(), 1u);
    EXPECT_NE(c[0].matches[0].detail.find("not checked (no ABL1 fusion in the input)"), std::string::npos)
        << c[0].matches[0].detail;
    auto d = findings();
    apply_fusion_partner_restrictions(d, {fusion("")});
    ASSERT_EQ(d[0].matches.size(), 1u);
    EXPECT_NE(d[0].matches[0].detail.find("has no known 5' partner"), std::string::npos);
}

// Why: a restriction this rvanno does not know must not be ignored (the row would match more than
// CIViC's variant): parse_match_restrict refuses it as UnknownRestrict; malformed known ones too.
TEST(MatchRestrict, unknown_or_malformed_values_are_refused) {
    EXPECT_THROW(detail::parse_match_restrict("exon_duplication=20"), detail::UnknownRestrict);
    EXPECT_THROW(detail::parse_match_restrict("deletion;methylation"), detail::UnknownRestrict);
    EXPECT_THROW(detail::parse_match_restrict("exon_skipping=x"), std::invalid_argument);
    EXPECT_THROW(detail::parse_match_restrict("fusion=BCR"), std::invalid_argument);
    EXPECT_THROW(detail::parse_match_restrict("fusion_exons=6-20"), std::invalid_argument);
    EXPECT_THROW(detail::parse_match_restrict("deletion;deletion"), std::invalid_argument);
    const auto r = detail::parse_match_restrict("fusion_exons=e20-e20");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].exon5, 20);
    EXPECT_EQ(r[0].exon3, 20);
    EXPECT_TRUE(detail::parse_match_restrict("").empty());
}
