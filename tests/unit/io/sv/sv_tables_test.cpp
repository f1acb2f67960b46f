// Issue 8 ("Tables") on the fusion-table readers: LINX (plain and gzipped), cBioPortal
// structural variants, OncoKB fusion and SV files (gene pairs in either order, no 5'/3' order
// claimed), multi-sample tables refused without --sv-sample, and skip-and-warn for malformed
// rows. Real files are read in place from ../shared/data/formats (skipped when absent); the
// OncoKB samples are hand-written in the annotator's documented layout (testdata/sv/README.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "consequence/fusion_annotation.hpp"
#include "io/sv/reader.hpp"
#include "knowledge/transcript_table.hpp"
#include "match/matcher.hpp"
#include "rvanno/error.hpp"
#include "rvanno/fusion.hpp"
#include "rvanno/knowledge.hpp"

namespace fs = std::filesystem;
using rvanno::read_structural_variants;
using rvanno::SvInput;

namespace {

const fs::path kSv = fs::path(RVANNO_TESTDATA) / "sv";
const fs::path kFormats = fs::path(RVANNO_SHARED_DATA) / "formats";

std::string refusal(const fs::path& p) {
    try {
        read_structural_variants(p);
    } catch (const rvanno::UsageError& e) { return std::string(e.what()) + " | " + e.hint(); }
    return "no refusal";
}

}  // namespace

#define NEED(path) \
    if (!fs::exists(path)) GTEST_SKIP() << "shared data absent: " << (path)

// Why: LINX names the 5' (geneStart) and 3' (geneEnd) genes but gives no positions; its own
// words (reported, phased, LINX-transcript exons) are kept, not recomputed or dressed up.
TEST(SvTables, real_linx_fusions) {
    const auto p = kFormats / "linx" / "TUMOR_SAMPLE.linx.fusion.tsv";
    NEED(p);
    const SvInput in = read_structural_variants(p);
    EXPECT_EQ(in.format, "linx");
    ASSERT_EQ(in.junctions.size(), 4u);  // no newline after the last row: still read
    const auto& dmd = in.junctions[0];
    EXPECT_EQ(dmd.gene_a, "DMD");
    EXPECT_EQ(dmd.filter, "not_reported");
    EXPECT_EQ(dmd.caller_note.rfind("LINX reported=false (NONE), phased INFRAME, exon 67 -> exon 70", 0), 0u);
    const auto& erg = in.junctions[1];
    EXPECT_EQ(erg.kind, "linx");
    EXPECT_EQ(erg.gene_a, "TMPRSS2");
    EXPECT_EQ(erg.gene_b, "ERG");
    EXPECT_EQ(erg.id, "TMPRSS2_ERG");
    EXPECT_EQ(erg.filter, "reported");
    EXPECT_EQ(erg.caller_frame, "in-frame");
    EXPECT_FALSE(erg.unordered);
    EXPECT_TRUE(erg.a.contig.empty());
    EXPECT_EQ(in.junctions[3].gene_a, "FGFR2");
    EXPECT_EQ(in.junctions[3].gene_b, "CDYL");
}

// Why: gpgr's LINX 1.16 table is gzipped at source and has the older columns (no
// reportableReasons); every fusion is reported=false, which every junction must say.
TEST(SvTables, real_gzipped_linx_fusions) {
    const auto p = kFormats / "linx" / "gpgr.SEQCII_50pc.linx.fusion.tsv.gz";
    NEED(p);
    const SvInput in = read_structural_variants(p);
    EXPECT_EQ(in.format, "linx");
    ASSERT_EQ(in.junctions.size(), 91u);  // zcat | tail -n +2 | wc -l
    for (const auto& j : in.junctions) EXPECT_EQ(j.filter, "not_reported") << j.id;
    EXPECT_EQ(in.junctions[0].id, "DMD_DMD");
    EXPECT_EQ(in.junctions[0].caller_frame, "out-of-frame");
}

// Why: cBioPortal's SV file holds several samples (refused without one, listing them), does
// not say which site is 5' (unordered), and has Entrez-only rows rvanno cannot place (skipped
// with a warning each, counted).
TEST(SvTables, real_cbioportal_structural_variants) {
    const auto p = kFormats / "cbioportal" / "core_test_resources" / "data_structural_variants.txt";
    NEED(p);
    EXPECT_NE(refusal(p).find("holds 3 samples (its Sample_Id column): TCGA-A1-A0SB-01, TCGA-A1-A0SD-01, "
                              "TCGA-A1-A0SB-02 | choose one with --sv-sample NAME"),
              std::string::npos)
        << refusal(p);
    const SvInput eml4 = read_structural_variants(p, {"TCGA-A1-A0SD-01", false});
    EXPECT_EQ(eml4.format, "cbioportal_sv");
    EXPECT_EQ(eml4.sample, "TCGA-A1-A0SD-01");
    ASSERT_EQ(eml4.junctions.size(), 1u);
    const auto& j = eml4.junctions[0];
    EXPECT_TRUE(j.unordered);
    EXPECT_EQ(j.gene_a, "EML4");
    EXPECT_EQ(j.gene_b, "ALK");
    EXPECT_EQ(j.a.contig, "2");
    EXPECT_EQ(j.a.pos, 42522655);
    EXPECT_EQ(j.b.pos, 29446334);
    EXPECT_EQ(j.id, "EML4-ALK.E13A20");
    EXPECT_EQ(j.filter, "SOMATIC");
    EXPECT_EQ(j.split_reads, std::nullopt);  // Tumor_Split_Read_Count NA
    const SvInput b02 = read_structural_variants(p, {"TCGA-A1-A0SB-02", false});
    ASSERT_EQ(b02.junctions.size(), 1u);  // AKT1 with no Site2 symbol
    EXPECT_EQ(b02.junctions[0].gene_a, "AKT1");
    EXPECT_EQ(b02.junctions[0].gene_b, "");
    ASSERT_EQ(b02.skipped_lines.size(), 2u);  // lines 4 and 5: Entrez IDs only
    EXPECT_EQ(b02.skipped_lines[0].where, p.string() + ":4");
    EXPECT_THROW(read_structural_variants(p, {"TCGA-A1-A0SB-02", true}), rvanno::InputError);
}

// Why: OncoKB writes fusions in either order ("ALK-EML4 fusion"); the file lists a fusion once
// per gene (read once), "X-intragenic" is no fusion, "--" separates names that contain '-',
// and a name with two '-' cannot be split honestly (skipped with a warning).
TEST(SvTables, oncokb_fusion_file) {
    EXPECT_NE(refusal(kSv / "oncokb_fusions.tsv").find("holds 2 samples (its Tumor_Sample_Barcode column): S2, S3"),
              std::string::npos);
    const SvInput in = read_structural_variants(kSv / "oncokb_fusions.tsv", {"S2", false});
    EXPECT_EQ(in.format, "oncokb");
    ASSERT_EQ(in.junctions.size(), 2u);
    EXPECT_EQ(in.junctions[0].gene_a, "ALK");
    EXPECT_EQ(in.junctions[0].gene_b, "EML4");
    EXPECT_TRUE(in.junctions[0].unordered);
    EXPECT_EQ(in.junctions[0].caller_frame, "in-frame");
    EXPECT_EQ(in.junctions[1].gene_a, "KIF5B");
    EXPECT_EQ(in.junctions[1].gene_b, "RET");
    EXPECT_EQ(in.skipped_other, 2);  // the second ALK-EML4 row, EGFR-intragenic
    ASSERT_EQ(in.skipped_lines.size(), 1u);
    EXPECT_NE(in.skipped_lines[0].problem.find("'NKX2-1-ROS1' does not split into two genes"), std::string::npos);
}

// Why: the OncoKB SV file (GeneA/GeneB) is unordered too; GeneA = GeneB is intragenic.
TEST(SvTables, oncokb_sv_file) {
    const SvInput in = read_structural_variants(kSv / "oncokb_sv.tsv");
    EXPECT_EQ(in.sample, "S1");
    ASSERT_EQ(in.junctions.size(), 2u);
    EXPECT_EQ(in.junctions[1].gene_a, "CD74");
    EXPECT_EQ(in.junctions[1].caller_note, "OncoKB Sv_Type TRANSLOCATION");
    EXPECT_EQ(in.skipped_other, 1);
}

// Why: "ALK-EML4" gives no orientation. It must still find the ALK fusion rows (a lost ALK
// fusion would be a silent negative), without claiming an orientation: the fusion is printed as
// a pair without order and the match says which reading it used.
TEST(SvTables, unordered_pair_matches_either_reading_and_says_so) {
    const auto tx = rvanno::read_transcript_table(fs::path(RVANNO_DB) / "transcripts.GRCh38.tsv");
    const SvInput in = read_structural_variants(kSv / "oncokb_sv.tsv");
    const auto fusions = rvanno::annotate_fusions(in.junctions, tx);
    ASSERT_EQ(fusions.size(), 2u);
    const auto& f = fusions[0];
    EXPECT_FALSE(f.order_known);
    EXPECT_EQ(rvanno::partners(f), "ALK-EML4 (5'/3' order not given)");
    EXPECT_FALSE(f.exon5 || f.exon3 || f.variant_name.size() || f.kinase_domain_retained);
    rvanno::KnowledgeEntry alk, ros1;
    alk.id = "ALK-fusion";
    alk.kind = rvanno::AlterationKind::fusion;
    alk.set_gene_level().fusion5 = "*";
    alk.set_gene_level().fusion3 = "ALK";
    ros1 = alk;
    ros1.id = "EML4-ROS1";
    ros1.set_gene_level().fusion5 = "EML4";
    ros1.set_gene_level().fusion3 = "ROS1";
    const auto m = rvanno::match_fusion(f, {&alk, &ros1});
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].entry->id, "ALK-fusion");
    EXPECT_EQ(m[0].detail.rfind("ALK-EML4 as given, without 5'/3' order: matched reading ALK as the 3' partner", 0), 0u)
        << m[0].detail;
    // the same pair written in order (gene5/gene3 list) is read as given
    auto ordered = in.junctions[0];
    ordered.unordered = false;
    ordered.kind = "list";
    const auto g = rvanno::annotate_fusions({ordered}, tx)[0];
    EXPECT_TRUE(g.order_known);
    EXPECT_TRUE(rvanno::match_fusion(g, {&alk}).empty());  // ALK::EML4: ALK is 5' here
}
