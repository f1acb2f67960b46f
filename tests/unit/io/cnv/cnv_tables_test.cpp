// Issue 8 ("Tables") on the copy-number readers: gzipped tables, multi-sample SEG and cBioPortal
// CNA (refused without a sample, listing them; one sample's rows with one), TCGA/GDC and PCGR 0.x
// SEG layouts, cBioPortal discrete calls (no copy number invented), and skip-and-warn for
// malformed rows (a warning per row, the row's span kept, --strict refuses). Real files are read
// in place from ../shared/data/formats (skipped when absent); expected values come from the
// files (awk/zcat on the named columns) or the hand-written samples in testdata/cnv.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "consequence/gene_copy_number.hpp"
#include "io/cnv/reader.hpp"
#include "rvanno/copy_number.hpp"
#include "rvanno/error.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using rvanno::CnvFormat;
using rvanno::read_copy_number;
using rvanno::Region;
using rvanno::TableReadOptions;

namespace {

std::string formats(const std::string& rel) { return std::string(RVANNO_SHARED_DATA) + "/formats/" + rel; }
std::string sample(const std::string& rel) { return std::string(RVANNO_TESTDATA) + "/cnv/" + rel; }
bool have_shared() { return fs::exists(std::string(RVANNO_SHARED_DATA) + "/formats"); }

// The refusal reading `path` without a sample gives: "what | hint".
std::string refusal(const std::string& path) {
    try {
        read_copy_number(path);
    } catch (const rvanno::UsageError& e) { return std::string(e.what()) + " | " + e.hint(); }
    return "no refusal";
}

}  // namespace

#define REQUIRE_SHARED() \
    if (!have_shared()) GTEST_SKIP() << "no ../shared/data/formats here"

// Why: maftools' TCGA LAML segments are gzipped at source, name 191 samples and use the header
// "Sample Chromosome Start.bp End.bp Num.Markers Seg.CN": read through gzip, recognised as SEG,
// refused without --cnv-sample (listing the first ten), one sample's rows with it.
TEST(CnvTables, gzipped_multi_sample_tcga_seg) {
    REQUIRE_SHARED();
    const auto path = formats("seg/LAML_CBS_segments.tsv.gz");
    const auto why = refusal(path);
    EXPECT_NE(why.find("holds 191 samples (its Sample column): TCGA-AB-2803, TCGA-AB-2804,"), std::string::npos) << why;
    EXPECT_NE(why.find(", ... | choose one with --cnv-sample NAME"), std::string::npos) << why;
    // zcat | awk '$1=="TCGA-AB-2803"' | wc -l -> 33; first row 1 3218610 247812431 ... 0
    const auto in = read_copy_number(path, {}, {"TCGA-AB-2803", false});
    EXPECT_EQ(in.format, CnvFormat::generic_seg);
    EXPECT_EQ(in.sample, "TCGA-AB-2803");
    ASSERT_EQ(in.segments.size(), 33u);
    EXPECT_EQ(in.segments.front().where, (Region{"1", 3218609, 247812431}));
    EXPECT_DOUBLE_EQ(*in.segments.front().log2, 0.0);
    EXPECT_TRUE(in.skipped_lines.empty());
}

// Why: the GDC/TCGA SEG header "Sample Chromosome Start End Num_Probes Segment_Mean" is SEG;
// a file of one sample needs no option, and a wrong one is refused naming the one it has.
TEST(CnvTables, tcga_single_sample_seg) {
    REQUIRE_SHARED();
    const auto path = formats("seg/TCGA.AB.3009.hg19.seg.txt");
    const auto in = read_copy_number(path);
    EXPECT_EQ(in.format, CnvFormat::generic_seg);
    EXPECT_EQ(in.sample, "TCGA-AB-3009");
    ASSERT_EQ(in.segments.size(), 818u);  // wc -l: 819 lines with the header
    EXPECT_EQ(in.segments.front().where, (Region{"1", 61734, 86341}));
    EXPECT_DOUBLE_EQ(*in.segments.front().log2, -0.683);
    try {
        read_copy_number(path, {}, {"TCGA-AB-0000", false});
        ADD_FAILURE() << "a sample the file does not have was accepted";
    } catch (const rvanno::UserError& e) {
        EXPECT_NE(std::string(e.what()).find("it has 1: TCGA-AB-3009"), std::string::npos) << e.what();
    }
}

// Why: cBioPortal's own SEG (ascn-test-study) has six samples; refused without one.
TEST(CnvTables, cbioportal_seg_needs_a_sample) {
    REQUIRE_SHARED();
    const auto path = formats("cbioportal/ascn-test-study/ascn_test_study_data_cna_hg19.seg");
    EXPECT_NE(refusal(path).find("holds 6 samples (its ID column): FAKE_P001_S2, FAKE_P001_S3"), std::string::npos);
    const auto in = read_copy_number(path, {}, {"FAKE_P001_S3", false});
    // awk '$1=="FAKE_P001_S3"' | wc -l
    EXPECT_EQ(in.segments.size(), 37u);
    for (const auto& s : in.segments) EXPECT_NE(s.source.find(".seg:"), std::string::npos);
}

// Why: PCGR 0.x takes "Chromosome Start End Segment_Mean" (log2, 1-based: PCGR 0.x README);
// the log2 value then becomes a copy number the way CNVkit's does.
TEST(CnvTables, pcgr_0x_log2_segments) {
    const auto in = read_copy_number(sample("sample.pcgr0.cna.tsv"));
    EXPECT_EQ(in.format, CnvFormat::pcgr_log2);
    ASSERT_EQ(in.segments.size(), 2u);
    EXPECT_EQ(in.segments[0].where, (Region{"7", 116000000, 117000000}));
    EXPECT_DOUBLE_EQ(*in.segments[0].log2, 1.6);
    EXPECT_FALSE(in.segments[0].copy_number);
    EXPECT_EQ(rvanno::parse_cnv_format("pcgr_log2"), CnvFormat::pcgr_log2);
}

// Why: cBioPortal data_CNA.txt holds discrete calls per gene and sample. Refused without a
// sample (listing the six); with one, a gene-level row per called gene carrying the call and no
// copy number; NA is no call (no row).
TEST(CnvTables, cbioportal_discrete_cna) {
    REQUIRE_SHARED();
    const auto path = formats("cbioportal/ascn-test-study/data_CNA.txt");
    EXPECT_NE(refusal(path).find("holds 6 samples (columns after Hugo_Symbol): FAKE_P001_S2, FAKE_P001_S3, "
                                 "FAKE_P001_S4, FAKE_P001_S5, FAKE_P001_S6, FAKE_P001_S7"),
              std::string::npos);
    const auto in = read_copy_number(path, {}, {"FAKE_P001_S3", false});
    EXPECT_EQ(in.format, CnvFormat::cbioportal_cna);
    EXPECT_EQ(in.sample, "FAKE_P001_S3");
    std::map<std::string, int> calls;
    for (const auto& s : in.segments) {
        EXPECT_TRUE(s.where.contig.empty());
        EXPECT_FALSE(s.copy_number || s.log2);
        ASSERT_TRUE(s.discrete);
        calls[s.gene] = *s.discrete;
    }
    // awk on the FAKE_P001_S3 column
    EXPECT_EQ(calls["CDKN2A"], -2);
    EXPECT_EQ(calls["EGFR"], -1);
    EXPECT_EQ(calls["MET"], 1);
    EXPECT_EQ(calls["PTEN"], 0);
    EXPECT_TRUE(in.skipped_lines.empty());
}

// Why: a bad cell, a row without a Hugo_Symbol (Entrez only) and a short row are skipped with
// the gene they name, so that gene is marked partial, not read as diploid; --strict refuses.
TEST(CnvTables, cbioportal_cna_bad_rows_are_skipped_with_their_gene) {
    const auto path = sample("malformed/cna_bad_cells.txt");
    const auto in = read_copy_number(path, {}, {"S1", false});
    ASSERT_EQ(in.segments.size(), 2u);  // MET 2, CDKN2A -2; EGFR NA is no call
    EXPECT_EQ(in.segments[0].gene, "MET");
    EXPECT_EQ(*in.segments[0].discrete, 2);
    EXPECT_EQ(*in.segments[1].discrete, -2);
    ASSERT_EQ(in.skipped_lines.size(), 3u);
    EXPECT_EQ(in.skipped_lines[0].where, path + ":4");
    EXPECT_EQ(in.skipped_lines[0].gene, "");
    EXPECT_EQ(in.skipped_lines[1].where, path + ":5");
    EXPECT_EQ(in.skipped_lines[1].gene, "ALK");
    EXPECT_NE(in.skipped_lines[1].problem.find("'5' is not a discrete copy-number call"), std::string::npos);
    EXPECT_EQ(in.skipped_lines[2].gene, "KRAS");
    EXPECT_EQ(read_copy_number(path, {}, {"S2", false}).segments.size(), 4u);  // -2.0 reads as -2
    EXPECT_THROW(read_copy_number(path, {}, {"S1", true}), rvanno::InputError);
}

// Why: gzipped copy-number tables were refused; the same table gzipped now reads the same.
TEST(CnvTables, gzipped_table_reads_like_its_plain_copy) {
    const auto in = read_copy_number(sample("malformed/compressed.tsv.gz"));
    EXPECT_EQ(in.format, CnvFormat::plain);
    ASSERT_EQ(in.segments.size(), 1u);
    EXPECT_DOUBLE_EQ(*in.segments[0].copy_number, 2.0);
}

// Why (issue 8): one segment with END < START in a real CNVkit .cns aborted the whole file.
// A copy of nv3.cns with its EGFR-free chr21 segment made bad reads every other segment; the
// bad one is kept as a skipped line with its span (for marking genes), and --strict refuses.
TEST(CnvTables, bad_segment_in_a_real_cns_is_skipped_not_fatal) {
    REQUIRE_SHARED();
    rvanno::test::TempDir dir("bad_cns");
    std::string text = rvanno::test::slurp(formats("cnvkit/nv3.cns"));
    const std::string good = "chr21\t9411693\t11187629\t";  // a real row of nv3.cns
    const auto at = text.find(good);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, good.size(), "chr21\t11187629\t9411693\t");
    const std::string bad = dir.file("nv3.bad.cns");
    std::ofstream(bad, std::ios::binary) << text;
    const long line = 1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    const auto in = read_copy_number(bad);
    EXPECT_EQ(in.segments.size(), 71u);  // 72 segments in nv3.cns
    ASSERT_EQ(in.skipped_lines.size(), 1u);
    EXPECT_EQ(in.skipped_lines[0].where, bad + ":" + std::to_string(line));
    EXPECT_NE(in.skipped_lines[0].problem.find("END 9411693 is before START 11187629"), std::string::npos);
    EXPECT_EQ(in.skipped_lines[0].region, (Region{"21", 9411693, 11187629}));
    EXPECT_THROW(read_copy_number(bad, {}, {"", true}), rvanno::InputError);
}

// Why: a file whose every data row is malformed has nothing to read: refused, not an empty
// (copy-neutral-looking) input.
TEST(CnvTables, every_row_malformed_is_refused) {
    rvanno::test::TempDir dir("all_bad");
    std::ofstream(dir.file("t.tsv")) << "chrom\tstart\tend\tcopy_number\nchr2\t10\t5\t2\nchr3\t10\t5\t2\n";
    try {
        read_copy_number(dir.file("t.tsv"));
        ADD_FAILURE() << "no error";
    } catch (const rvanno::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("every data row is malformed (2 skipped)"), std::string::npos) << e.what();
    }
}

// Why: a skipped row must never leave a gene looking assessed-negative: a skipped line whose
// span overlaps a gene's exons (or whose gene-level row names it) is listed on that gene.
TEST(GeneCopyNumber, skipped_lines_mark_the_genes_they_overlap) {
    rvanno::Transcript tx;
    tx.gene = "MET";
    tx.contig = "7";
    tx.tx_begin = 100;
    tx.tx_end = 1000;
    tx.exons = {{100, 200}, {800, 1000}};
    std::vector<rvanno::GeneCopyNumber> genes(1);
    rvanno::mark_skipped_lines(genes, {tx},
                               {{"f:3", "bad", Region{"7", 300, 400}, ""},  // intron only: not marked
                                {"f:4", "bad", Region{"7", 150, 160}, ""},
                                {"f:5", "bad", std::nullopt, "MET"},
                                {"f:6", "bad", Region{"8", 150, 160}, ""}});
    EXPECT_EQ(genes[0].skipped_lines, (std::vector<std::string>{"f:4", "f:5"}));
}

// Why: a discrete call sets the class and nothing else: no copy number is made up.
TEST(GeneCopyNumber, discrete_call_gives_a_class_not_a_copy_number) {
    rvanno::Transcript tx;
    tx.gene = "CDKN2A";
    tx.contig = "9";
    tx.tx_begin = 100;
    tx.tx_end = 1000;
    tx.exons = {{100, 200}};
    rvanno::CopyNumberSegment s;
    s.gene = "CDKN2A";
    s.discrete = -2;
    s.source = "data_CNA.txt:7";
    const auto g = rvanno::gene_copy_numbers({s}, {tx}, {}, {})[0];
    EXPECT_TRUE(g.assessed);
    EXPECT_EQ(g.cn_class, rvanno::CnClass::deep_deletion);
    EXPECT_FALSE(g.min_cn);
    EXPECT_FALSE(g.max_cn);
    EXPECT_EQ(g.discrete_call, -2);
    EXPECT_EQ(rvanno::describe_discrete_call(2), "cBioPortal discrete call 2 (high-level amplification)");
}
