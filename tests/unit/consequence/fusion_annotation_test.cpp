// annotate_fusions(): partners, exons, frame, kinase domain and variant names on the MANE
// tables, for the same EML4-ALK v1 event written by several callers, for real caller output,
// and for the edge cases of the rules at the top of src/consequence/fusion_annotation.cpp.
#include "consequence/fusion_annotation.hpp"
#include "io/sv/reader.hpp"
#include "knowledge/fusion_variants.hpp"
#include "knowledge/transcript_table.hpp"
#include "rvanno/error.hpp"
#include "rvanno/fusion.hpp"
#include "rvanno/transcript.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using rvanno::Fusion;
using rvanno::Junction;

namespace {

const fs::path kDb = RVANNO_DB;
const fs::path kSv = fs::path(RVANNO_TESTDATA) / "sv";
const fs::path kFormats = fs::path(RVANNO_SHARED_DATA) / "formats";

const std::vector<rvanno::Transcript>& grch38() {
    static const auto t = rvanno::read_transcript_table(kDb / "transcripts.GRCh38.tsv");
    return t;
}
const std::vector<rvanno::Transcript>& grch37() {
    static const auto t = rvanno::read_transcript_table(kDb / "transcripts.GRCh37.tsv");
    return t;
}
const std::vector<rvanno::FusionVariant>& variants() {
    static const auto v = rvanno::read_fusion_variants(kDb / "fusion_variants.tsv");
    return v;
}

std::vector<Fusion> annotate(const fs::path& p, const std::vector<rvanno::Transcript>& tx = grch38()) {
    return rvanno::annotate_fusions(rvanno::read_structural_variants(p).junctions, tx, variants());
}

Junction junction(std::int64_t pos_a, bool left_a, std::int64_t pos_b, bool left_b, const std::string& kind = "BND") {
    Junction j;
    j.a = {"2", "chr2", pos_a, left_a};
    j.b = {"2", "chr2", pos_b, left_b};
    j.kind = kind;
    return j;
}

// The EML4-ALK v1 answer: EML4 keeps exons 1-13, ALK resumes at exon 20.
void expect_v1(const Fusion& f, bool intronic) {
    EXPECT_EQ(f.gene5, "EML4");
    EXPECT_EQ(f.gene3, "ALK");
    EXPECT_EQ(f.transcript5, "NM_019063.5");
    EXPECT_EQ(f.transcript3, "NM_004304.5");
    EXPECT_EQ(f.exon5, 13);
    EXPECT_EQ(f.exon3, 20);
    if (intronic) {
        EXPECT_EQ(f.intron5, 13);
        EXPECT_EQ(f.intron3, 19);
    } else {
        EXPECT_FALSE(f.intron5);
        EXPECT_FALSE(f.intron3);
    }
    EXPECT_EQ(f.in_frame, true);
    EXPECT_EQ(f.frame_source, "rvanno (intron phases)");
    EXPECT_EQ(f.kinase_domain_retained, true);
    EXPECT_EQ(f.variant_name, "EML4-ALK v1");
    EXPECT_NE(f.variant_source.find("Soda"), std::string::npos);
}

}  // namespace

// A Manta BND pair in EML4 intron 13 / ALK intron 19 is EML4::ALK v1, in frame (phase 1 = 1).
TEST(FusionAnnotation, manta_bnd_pair_is_eml4_alk_v1) {
    auto f = annotate(kSv / "manta_eml4_alk.vcf");
    ASSERT_EQ(f.size(), 1u);
    expect_v1(f[0], true);
    EXPECT_FALSE(f[0].candidate);
}

// The same event as an INV3 record is the same fusion, flagged as a DNA-inferred candidate;
// a plain <INV> also gives the reciprocal ALK::EML4 (ALK exons 1-19, EML4 from exon 14).
TEST(FusionAnnotation, inversion_records_give_the_same_partners_and_exons) {
    auto f = annotate(kSv / "inversion_eml4_alk.vcf");
    ASSERT_EQ(f.size(), 3u);
    expect_v1(f[0], true);
    EXPECT_TRUE(f[0].candidate);
    expect_v1(f[1], true);
    EXPECT_EQ(f[2].gene5, "ALK");
    EXPECT_EQ(f[2].gene3, "EML4");
    EXPECT_EQ(f[2].exon5, 19);
    EXPECT_EQ(f[2].intron5, 19);
    EXPECT_EQ(f[2].exon3, 14);
    EXPECT_EQ(f[2].intron3, 13);
    EXPECT_EQ(f[2].in_frame, true);
    EXPECT_FALSE(f[2].kinase_domain_retained);
    EXPECT_EQ(f[2].variant_name, "");
}

// GRIDSS (PARID), Arriba, STAR-Fusion and the gene list give the same partners and exons;
// the RNA callers' splice-site breakpoints count as clean breaks.
TEST(FusionAnnotation, every_caller_format_gives_v1) {
    auto g = annotate(kSv / "gridss_parid.vcf");
    ASSERT_EQ(g.size(), 1u);
    expect_v1(g[0], true);
    auto a = annotate(kSv / "arriba_eml4_alk.tsv");
    ASSERT_EQ(a.size(), 1u);
    expect_v1(a[0], false);
    auto s = annotate(kSv / "star_fusion_eml4_alk.tsv");
    ASSERT_EQ(s.size(), 1u);
    expect_v1(s[0], false);
    auto l = annotate(kSv / "gene_pairs.tsv");
    ASSERT_EQ(l.size(), 3u);
    expect_v1(l[0], true);
    EXPECT_EQ(l[1].gene5, "");
    EXPECT_EQ(l[1].gene3, "ALK");
    EXPECT_FALSE(l[1].exon3);
    EXPECT_FALSE(l[1].kinase_domain_retained);
    EXPECT_EQ(l[2].gene5, "KIF5B");
    EXPECT_EQ(l[2].gene3, "RET");
    EXPECT_FALSE(l[2].in_frame);
}

// Arriba's real BCR::ABL1 (GRCh37 coordinates): BCR exon 14 to ABL1 exon 2 at splice sites,
// in frame by the phases, as Arriba says.
TEST(FusionAnnotation, real_arriba_bcr_abl1_is_in_frame) {
    auto p = kFormats / "fusions" / "test_fusions.tsv";
    if (!fs::exists(p)) GTEST_SKIP() << "shared data absent: " << p;
    auto f = annotate(p, grch37());
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].gene5, "BCR");
    EXPECT_EQ(f[0].gene3, "ABL1");
    EXPECT_EQ(f[0].exon5, 14);
    EXPECT_EQ(f[0].exon3, 2);
    EXPECT_EQ(f[0].in_frame, true);
    EXPECT_EQ(f[0].frame_source, "rvanno (intron phases)");
    EXPECT_FALSE(f[0].kinase_domain_retained);
}

// PCGR's EML4--ALK (GRCh37): EML4 intron 13 to the first base of ALK exon 20 is v1;
// "--ALK" keeps an unknown 5' partner.
TEST(FusionAnnotation, real_pcgr_table) {
    auto p = kFormats / "fusions" / "T001-BRCA.grch37.fusions.tsv";
    if (!fs::exists(p)) GTEST_SKIP() << "shared data absent: " << p;
    auto f = annotate(p, grch37());
    ASSERT_EQ(f.size(), 13u);
    EXPECT_EQ(f[0].exon5, 13);
    EXPECT_EQ(f[0].intron5, 13);
    EXPECT_EQ(f[0].exon3, 20);
    EXPECT_FALSE(f[0].intron3);
    EXPECT_EQ(f[0].variant_name, "EML4-ALK v1");
    EXPECT_EQ(f[0].in_frame, true);
    EXPECT_EQ(f[10].gene5, "");
    EXPECT_EQ(f[10].gene3, "ALK");
}

// EML4 intron 14 (phase 0) to ALK intron 19 (phase 1) is out of frame and has no name.
TEST(FusionAnnotation, phase_mismatch_is_out_of_frame) {
    auto f = rvanno::annotate_fusions({junction(29224499, true, 42302000, true)}, grch38(), variants());
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].exon5, 14);
    EXPECT_EQ(f[0].in_frame, false);
    EXPECT_EQ(f[0].variant_name, "");
    EXPECT_EQ(f[0].kinase_domain_retained, true);
}

// Exonic (not splice-site) breaks leave the frame to the caller.
TEST(FusionAnnotation, exonic_breaks_use_the_callers_frame) {
    Junction j = junction(42295499, true, 29223499, true, "arriba");
    j.gene_a = "EML4";
    j.gene_b = "ALK";
    j.caller_frame = "out-of-frame";
    auto f = rvanno::annotate_fusions({j}, grch38(), variants());
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].exon5, 13);
    EXPECT_EQ(f[0].exon3, 20);
    EXPECT_EQ(f[0].in_frame, false);
    EXPECT_EQ(f[0].frame_source, "caller");
    EXPECT_EQ(f[0].variant_name, "");
}

// ALK resuming after exon 20 has no sourced kinase-domain answer.
TEST(FusionAnnotation, alk_after_exon_20_is_unknown_for_the_kinase_domain) {
    auto f = rvanno::annotate_fusions({junction(29223000, true, 42299999, true)}, grch38(), variants());
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].exon3, 21);
    EXPECT_FALSE(f[0].kinase_domain_retained);
}

// Head-to-head (both 5' parts kept) is reported with no partners; intragenic gives nothing;
// a single gene hit is a one-sided fusion.
TEST(FusionAnnotation, antisense_intragenic_and_one_sided) {
    auto anti = rvanno::annotate_fusions({junction(29224499, false, 42299999, true)}, grch38(), variants());
    ASSERT_EQ(anti.size(), 1u);
    EXPECT_EQ(anti[0].gene5, "");
    EXPECT_EQ(anti[0].gene3, "");
    auto intra = rvanno::annotate_fusions({junction(29224499, true, 29300000, false, "DEL")}, grch38(), variants());
    EXPECT_TRUE(intra.empty());
    auto one = rvanno::annotate_fusions({junction(42299999, true, 1000000, false)}, grch38(), variants());
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].gene5, "EML4");
    EXPECT_EQ(one[0].gene3, "");
    EXPECT_FALSE(one[0].candidate);
    EXPECT_TRUE(rvanno::annotate_fusions({junction(1000000, true, 2000000, false)}, grch38()).empty());
}

// Without a variant table nothing is named; everything else is the same.
TEST(FusionAnnotation, two_argument_form_names_no_variant) {
    auto f = rvanno::annotate_fusions(rvanno::read_structural_variants(kSv / "manta_eml4_alk.vcf").junctions, grch38());
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].variant_name, "");
    EXPECT_EQ(f[0].exon5, 13);
}

// The shipped variant table reads, and a row without a citation is refused at its line.
TEST(FusionVariants, table_reads_and_uncited_rows_fail) {
    EXPECT_EQ(variants().size(), 4u);
    fs::path tmp = fs::temp_directory_path() / "rvanno_fusion_variants_test.tsv";
    {
        std::ofstream o(tmp);
        o << "gene5\texon5\tgene3\texon3\tname\tcitation\nEML4\t13\tALK\t20\tv1\t\n";
    }
    try {
        rvanno::read_fusion_variants(tmp);
        ADD_FAILURE() << "uncited row accepted";
    } catch (const rvanno::InputError& e) { EXPECT_EQ(e.where(), tmp.string() + ":2"); }
    fs::remove(tmp);
}
