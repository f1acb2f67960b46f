// --cnv and --sv end to end on real caller output from ../shared/data/formats (read in place;
// skipped when ../shared is absent) and on the malformed samples in testdata/{cnv,sv}/malformed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "support/cli_run.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"
#include "support/tsv.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;
using nlohmann::json;

namespace {

const fs::path kFormats = fs::path(RVANNO_SHARED_DATA) / "formats";

json run_json(const std::vector<std::string>& args) {
    std::vector<std::string> a = {"annotate", "-f", "json"};
    a.insert(a.end(), args.begin(), args.end());
    auto r = run_rvanno(fs::temp_directory_path(), a);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? json::parse(r.out) : json();
}

const json* gene(const json& doc, const std::string& name) {
    for (const auto& g : doc["genes"])
        if (g["gene"] == name) return &g;
    return nullptr;
}

#define NEED_SHARED() \
    if (!fs::exists(kFormats)) GTEST_SKIP() << "../shared is absent"

// Why: CNVkit's nv3.cns carries a real EGFR-region gain (log2 1.84): 2 * 2^1.8424 = 7.17 copies,
// which is an amplification under the default absolute threshold (5) and matches EGFR rows.
TEST(RealCopyNumber, cnvkit_nv3_egfr_gain_is_an_amplification) {
    NEED_SHARED();
    auto d = run_json({"-g", "GRCh37", "--cnv", (kFormats / "cnvkit/nv3.cns").string()});
    ASSERT_EQ(d["copy_number"].size(), 1u);
    const auto& c = d["copy_number"][0];
    EXPECT_EQ(c["gene"], "EGFR");
    EXPECT_NEAR(c["min_cn"].get<double>(), 7.17, 0.01);
    EXPECT_EQ(c["class"], "amplification");
    EXPECT_FALSE(c["matches"].empty());
    for (const auto& m : c["matches"]) EXPECT_EQ(m["how"], "class:amplification");
}

// Why: PCGR allele-specific segments give CN = nMajor + nMinor; ERBB2 is at 9 copies in the example.
TEST(RealCopyNumber, pcgr_allelic_segments_sum_major_and_minor) {
    NEED_SHARED();
    auto d = run_json({"-g", "GRCh37", "--cnv", (kFormats / "pcgr/T001-BRCA.grch37.cna.tsv").string()});
    const json* erbb2 = gene(d, "ERBB2");
    ASSERT_NE(erbb2, nullptr);
    EXPECT_DOUBLE_EQ((*erbb2)["copy_number"]["min_cn"].get<double>(), 9.0);
    EXPECT_EQ((*erbb2)["copy_number"]["class"], "amplification");
}

// Why: PURPLE's purity and ploidy come from the purity.tsv beside the segment file and are
// printed with the thresholds; every knowledge-base gene is then assessed.
TEST(RealCopyNumber, purple_takes_purity_and_ploidy_from_its_purity_file) {
    NEED_SHARED();
    auto d = run_json({"-g", "GRCh38", "--cnv", (kFormats / "purple/purple.cnv.somatic.tsv").string()});
    const auto thresholds = d["provenance"]["copy_number_thresholds"].get<std::string>();
    EXPECT_NE(thresholds.find("ploidy 1.8658"), std::string::npos) << thresholds;
    EXPECT_NE(thresholds.find("purity 0.75"), std::string::npos) << thresholds;
    // genes.txt: 46 genes (ESR1, AR added 2026-12), and the CIViC layer's 164 (genes_civic.txt)
    EXPECT_EQ(d["genes"].size(), 46u + 164u);
}

// Why: GATK ModelSegments output (SAM-style @ header) and the CNVkit VCF export read cleanly.
TEST(RealCopyNumber, gatk_seg_and_cnvkit_vcf_read_cleanly) {
    NEED_SHARED();
    for (const char* f :
         {"gatk/single-sample-cr-ac.modelFinal.seg", "cnvkit/tr95t.cnvkit.vcf", "cnvkit/p2-9_2.call.cns"}) {
        auto d = run_json({"-g", "GRCh37", "--cnv", (kFormats / f).string()});
        EXPECT_GT(d["counters"]["copy_number_segments"].get<long>(), 0) << f;
    }
}

// Why: a real-world R warning before the SEG header is refused with file:line (the project's
// strict rule for text before a header), never silently parsed as data.
TEST(RealCopyNumber, warning_seg_is_refused_at_line_1) {
    NEED_SHARED();
    auto r = run_rvanno(fs::temp_directory_path(),
                        {"annotate", "-g", "GRCh37", "--cnv", (kFormats / "cnvkit/warning.seg").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("warning.seg:1: text before the header"), std::string::npos) << r.err;
}

// Why: PCGR's fusion table names EML4--ALK with GRCh37 breakpoints: one EML4::ALK fusion,
// EML4 exon 13 :: ALK exon 20, named v1, matching the ALK-fusion rows.
TEST(RealFusions, pcgr_eml4_alk_is_variant_1) {
    NEED_SHARED();
    auto d = run_json({"-g", "GRCh37", "--sv", (kFormats / "fusions/T001-BRCA.grch37.fusions.tsv").string()});
    bool found = false;
    for (const auto& f : d["fusions"]) {
        if (f["gene5"] != "EML4" || f["gene3"] != "ALK") continue;
        found = true;
        EXPECT_EQ(f["exon5"], 13);
        EXPECT_EQ(f["exon3"], 20);
        EXPECT_EQ(f["variant"], "EML4-ALK v1");
        EXPECT_FALSE(f["matches"].empty());
    }
    EXPECT_TRUE(found);
}

// Why: Arriba's own test output (BCR--ABL1; its breakpoints lie in BCR and ABL1 on GRCh37)
// gives BCR exon 14 :: ABL1 exon 2, in frame.
TEST(RealFusions, arriba_bcr_abl1_exons_and_frame) {
    NEED_SHARED();
    auto d = run_json({"-g", "GRCh37", "--sv", (kFormats / "fusions/test_fusions.tsv").string()});
    ASSERT_EQ(d["fusions"].size(), 1u);
    const auto& f = d["fusions"][0];
    EXPECT_EQ(f["gene5"], "BCR");
    EXPECT_EQ(f["gene3"], "ABL1");
    EXPECT_EQ(f["exon5"], 14);
    EXPECT_EQ(f["exon3"], 2);
    EXPECT_EQ(f["in_frame"], true);
}

// Why: real SV VCFs from Delly (VCF and BCF) read without error.
TEST(RealFusions, delly_vcf_and_bcf_read_cleanly) {
    NEED_SHARED();
    for (const char* f : {"sv/test_delly.vcf", "sv/norm.breakend.1.vcf"}) {
        auto r = run_rvanno(fs::temp_directory_path(), {"annotate", "-g", "GRCh37", "--sv", (kFormats / f).string()});
        EXPECT_EQ(r.exit_code, 0) << f << r.err;
    }
}

// Why: a malformed header, text before it, or a file whose every row is malformed must stop
// the run with file:line and a hint, and write nothing (the readers' own tests pin each message;
// this pins the CLI behaviour). --strict changes nothing here.
TEST(Malformed, cn_and_sv_headers_give_file_line_errors) {
    const fs::path td = RVANNO_TESTDATA;
    const std::vector<std::pair<std::string, std::string>> cases = {{"--cnv", "cnv/malformed/missing_column.cns"},
                                                                    {"--cnv", "cnv/malformed/text_before_header.cns"},
                                                                    {"--sv", "sv/malformed/text_before_header.tsv"},
                                                                    {"--sv", "sv/malformed/short_row_arriba.tsv"}};
    for (const auto& [opt, file] : cases) {
        auto r = run_rvanno(td, {"annotate", "-g", "GRCh38", opt, file});
        EXPECT_EQ(r.exit_code, 1) << file << "\n" << r.err;
        EXPECT_NE(r.err.find("rvanno: error: " + file + ":"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("rvanno: hint: "), std::string::npos) << r.err;
        EXPECT_TRUE(r.out.empty());
    }
}

// Why: one bad data row must not cost the whole file (issue 8): it is skipped with one
// warning naming file:line, counted in the provenance, and the run goes on; with --strict the
// same row is the error (exit 1, file:line, a hint, no output).
TEST(Malformed, bad_rows_are_skipped_with_a_warning_and_refused_with_strict) {
    const fs::path td = RVANNO_TESTDATA;
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"--cnv", "cnv/malformed/end_before_start.seg", ":3: END 4999 is before START 5000; skipped"},
        {"--cnv", "cnv/malformed/unknown_contig.tsv", ":4: unknown contig 'chr01'; skipped"},
        {"--sv", "sv/malformed/bad_breakpoint.tsv", ":3: breakpoint 'chr2-42300000' is not chr:pos; skipped"}};
    for (const auto& [opt, file, warning] : cases) {
        auto r = run_rvanno(td, {"annotate", "-g", "GRCh38", opt, file});
        EXPECT_EQ(r.exit_code, 0) << file << "\n" << r.err;
        EXPECT_NE(r.err.find("rvanno: warning: " + file + warning), std::string::npos) << r.err;
        const std::string kind = opt == "--cnv" ? "cnv" : "sv";
        EXPECT_NE(r.out.find("##skipped_input_lines=" + kind + ":1\n"), std::string::npos) << r.out.substr(0, 2000);
        EXPECT_NE(r.err.find("1 malformed line(s) skipped"), std::string::npos) << r.err;
        auto s = run_rvanno(td, {"annotate", "--strict", "-g", "GRCh38", opt, file});
        EXPECT_EQ(s.exit_code, 1) << file << "\n" << s.err;
        EXPECT_NE(s.err.find("rvanno: error: " + file + ":"), std::string::npos) << s.err;
        EXPECT_NE(s.err.find("--strict"), std::string::npos) << s.err;
        EXPECT_TRUE(s.out.empty());
    }
}

// Why: inputs on different builds must not be combined silently.
TEST(Build, cnv_vcf_on_another_build_than_the_small_variants_is_refused) {
    const fs::path cases = fs::path(RVANNO_TESTDATA) / "cases" / "annotate";
    auto r =
        run_rvanno(cases, {"annotate", "--cnv", "index_case_cnv_vcf/tumour.cnv.vcf", "index_case_grch37/input.vcf"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("is GRCh38 but the run is GRCh37"), std::string::npos) << r.err;
}

}  // namespace

namespace {

// Why (issue 8): a fusion table names its genes, so a wrong -g on a file without contig lines
// shows: PCGR's GRCh37 fusions read as GRCh38 gave ALK exon 5 instead of exon 20 with exit 0.
// The run now stops, says which build the breakpoints fit, and the right build still runs.
TEST(FusionBuildSanity, pcgr_grch37_fusions_read_as_grch38_are_refused_with_the_other_build) {
    const fs::path file = fs::path(RVANNO_SHARED_DATA) / "formats" / "fusions" / "T001-BRCA.grch37.fusions.tsv";
    if (!fs::exists(file)) GTEST_SKIP() << "../shared is absent";
    auto wrong =
        rvanno::test::run_rvanno(file.parent_path(), {"annotate", "-q", "-g", "GRCh38", "--sv", file.string()});
    EXPECT_EQ(wrong.exit_code, 1) << wrong.err;
    EXPECT_NE(wrong.err.find("lie away from the genes the file names on GRCh38"), std::string::npos) << wrong.err;
    EXPECT_NE(wrong.err.find("give --genome GRCh37"), std::string::npos) << wrong.err;
    EXPECT_TRUE(wrong.out.empty());
    auto right =
        rvanno::test::run_rvanno(file.parent_path(), {"annotate", "-q", "-g", "GRCh37", "--sv", file.string()});
    EXPECT_EQ(right.exit_code, 0) << right.err;
    EXPECT_NE(right.out.find("EML4::ALK"), std::string::npos);
}

// Why: the same check on a bundled file, so it runs without ../shared: the GRCh38 Arriba
// EML4-ALK table read as GRCh37 is refused with the hint; read as GRCh38 it is annotated.
TEST(FusionBuildSanity, bundled_grch38_arriba_table_read_as_grch37_is_refused) {
    const fs::path dir = fs::path(RVANNO_TESTDATA) / "sv";
    auto wrong = rvanno::test::run_rvanno(dir, {"annotate", "-q", "-g", "GRCh37", "--sv", "arriba_eml4_alk.tsv"});
    EXPECT_EQ(wrong.exit_code, 1) << wrong.err;
    EXPECT_NE(wrong.err.find("give --genome GRCh38"), std::string::npos) << wrong.err;
    auto right = rvanno::test::run_rvanno(dir, {"annotate", "-q", "-g", "GRCh38", "--sv", "arriba_eml4_alk.tsv"});
    EXPECT_EQ(right.exit_code, 0) << right.err;
}

}  // namespace

namespace {

// A copy of the real nv3.cns in `dir` with the row starting `row` given END < START; returns
// the copy's path and the 1-based line of the bad row.
std::pair<std::string, long> nv3_with_bad_row(const TempDir& dir, const std::string& row, const std::string& bad) {
    std::string text = slurp(kFormats / "cnvkit/nv3.cns");
    const auto at = text.find(row);
    EXPECT_NE(at, std::string::npos) << row;
    if (at == std::string::npos) return {"", 0};
    text.replace(at, row.size(), bad);
    const std::string path = dir.file("nv3.bad.cns");
    std::ofstream(path, std::ios::binary) << text;
    return {path, 1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'))};
}

}  // namespace

// Why (issue 8, done-when): a copy of a real CNVkit .cns with one segment made bad (END < START)
// still gives its amplification (EGFR, 7.17 copies), with one warning naming file:line, the count
// in the provenance and the summary; --strict makes the same line the error.
TEST(RealCopyNumber, bad_segment_in_a_real_cns_keeps_the_amplifications) {
    NEED_SHARED();
    TempDir dir("nv3_bad");
    const auto [path, line] = nv3_with_bad_row(dir, "chr21\t9411693\t11187629\t", "chr21\t11187629\t9411693\t");
    ASSERT_FALSE(path.empty());
    auto r = run_rvanno(dir.path(), {"annotate", "-g", "GRCh37", "-f", "json", "--cnv", path});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("rvanno: warning: " + path + ":" + std::to_string(line) +
                         ": END 9411693 is before START 11187629; skipped"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("1 malformed line(s) skipped"), std::string::npos) << r.err;
    const auto d = json::parse(r.out);
    ASSERT_EQ(d["copy_number"].size(), 1u);
    EXPECT_EQ(d["copy_number"][0]["gene"], "EGFR");
    EXPECT_EQ(d["copy_number"][0]["class"], "amplification");
    EXPECT_FALSE(d["copy_number"][0]["matches"].empty());
    EXPECT_EQ(d["provenance"]["skipped_input_lines"]["counts"]["cnv"], 1);
    EXPECT_EQ(d["provenance"]["skipped_input_lines"]["lines"][0],
              path + ":" + std::to_string(line) + ": END 9411693 is before START 11187629");
    auto s = run_rvanno(dir.path(), {"annotate", "--strict", "-g", "GRCh37", "--cnv", path});
    EXPECT_EQ(s.exit_code, 1);
    EXPECT_NE(s.err.find("rvanno: error: " + path + ":" + std::to_string(line) + ": END 9411693 is before START"),
              std::string::npos)
        << s.err;
    EXPECT_TRUE(s.out.empty());
}

// Why: a skipped segment over a knowledge-base gene must not leave that gene reading "no
// amplification": nv3's chr7 61-159 Mb segment (over MET) made bad leaves MET not assessed,
// with a note naming the skipped line, while EGFR (its own segment) stays amplified.
TEST(RealCopyNumber, gene_under_a_skipped_segment_is_not_a_silent_negative) {
    NEED_SHARED();
    TempDir dir("nv3_met");
    const auto [path, line] = nv3_with_bad_row(dir, "chr7\t61054831\t159128163\t", "chr7\t159128163\t61054831\t");
    ASSERT_FALSE(path.empty());
    auto r = run_rvanno(dir.path(), {"annotate", "-g", "GRCh37", "--cnv", path, "--gene-table", dir.file("genes.tsv")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string where = path + ":" + std::to_string(line);
    const auto genes = project(slurp(dir.file("genes.tsv")), {"gene", "cn_assessed", "cn_class", "cn_note"});
    EXPECT_NE(std::find(genes.begin(), genes.end(),
                        "MET\tno\t\tpartial: malformed input line(s) " + where + " skipped over this gene"),
              genes.end());
    EXPECT_NE(std::find(genes.begin(), genes.end(), "EGFR\tyes\tamplification\t"), genes.end());
}

// Why: a multi-sample table without a sample option is a usage error (exit 2) that lists the
// samples, for copy number and fusions alike; nothing is written.
TEST(Tables, multi_sample_tables_are_refused_listing_their_samples) {
    NEED_SHARED();
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"--cnv", "seg/LAML_CBS_segments.tsv.gz", "holds 191 samples (its Sample column): TCGA-AB-2803"},
        {"--cnv", "cbioportal/ascn-test-study/data_CNA.txt", "holds 6 samples (columns after Hugo_Symbol)"},
        {"--sv", "cbioportal/core_test_resources/data_structural_variants.txt",
         "holds 3 samples (its Sample_Id column): TCGA-A1-A0SB-01"}};
    for (const auto& [opt, file, what] : cases) {
        auto r = run_rvanno(fs::temp_directory_path(), {"annotate", "-g", "GRCh37", opt, (kFormats / file).string()});
        EXPECT_EQ(r.exit_code, 2) << file << r.err;
        EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(opt + "-sample"), std::string::npos) << r.err;
        EXPECT_TRUE(r.out.empty());
    }
}

// Why (issue 8, done-when): the cBioPortal study files run together for one sample: its MAF
// (--sample), discrete CNA and SEG (--cnv-sample); the SEG gives CDKN2A's copy number and the
// CNA its discrete call, both named in the output.
TEST(Tables, cbioportal_study_maf_cna_and_seg_run_together) {
    NEED_SHARED();
    const auto study = kFormats / "cbioportal" / "ascn-test-study";
    auto d =
        run_json({"--sample", "FAKE_P001_S3", "--cnv-sample", "FAKE_P001_S3", "--cnv",
                  (study / "data_CNA.txt").string(), "--cnv", (study / "ascn_test_study_data_cna_hg19.seg").string(),
                  (study / "data_mutations_extended.txt").string()});
    ASSERT_TRUE(d.is_object());
    EXPECT_EQ(d["provenance"]["input_format"], "maf");
    EXPECT_EQ(d["sample"], "FAKE_P001_S3");
    const json* cdkn2a = gene(d, "CDKN2A");
    ASSERT_NE(cdkn2a, nullptr);
    const auto& cn = (*cdkn2a)["copy_number"];
    EXPECT_EQ(cn["class"], "deep_deletion");
    EXPECT_EQ(cn["discrete_call"], -2);
    EXPECT_NEAR(cn["min_cn"].get<double>(), 0.49, 0.01);  // the SEG segment, log2 -2.03
}

// Why: a skipped fusion row must not let its genes read "0 fusions": a gene named by a skipped
// row and by no fusion that was read is not assessed (JSON and gene table), the others count.
TEST(Tables, genes_of_a_skipped_fusion_row_are_not_assessed) {
    TempDir dir("sv_skip");
    std::ofstream(dir.file("pairs.tsv")) << "gene5\tgene3\tbreakpoint5\tbreakpoint3\n"
                                         << "KIF5B\tRET\t\t\n"
                                         << "EML4\tALK\tchr2-42300000\tchr2:29224500\n";
    auto r = run_rvanno(dir.path(), {"annotate", "-g", "GRCh38", "-f", "json", "--sv", dir.file("pairs.tsv")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto d = json::parse(r.out);
    EXPECT_EQ((*gene(d, "ALK"))["fusions"], "not_assessed");
    EXPECT_EQ((*gene(d, "EML4"))["fusions"], "not_assessed");
    EXPECT_EQ((*gene(d, "RET"))["fusions"], 1);
    EXPECT_EQ((*gene(d, "ROS1"))["fusions"], 0);
}

// Why (issue 11): purity and ploidy read from PURPLE's purity file were not range-checked the
// way --purity and --ploidy are, and ploidy 0 turned every gain into an amplification. A copy of
// the real PURPLE files with ploidy 0 is refused naming the file; --ploidy overrides it.
TEST(RealCopyNumber, purple_ploidy_out_of_range_is_refused_unless_overridden) {
    NEED_SHARED();
    TempDir dir("purple_ploidy");
    fs::copy_file(kFormats / "purple" / "purple.cnv.somatic.tsv", dir.path() / "T.purple.cnv.somatic.tsv");
    auto rows = lines(slurp(kFormats / "purple" / "purple.purity.tsv"));
    ASSERT_GE(rows.size(), 2u);
    auto header = cells(rows[0]), values = cells(rows[1]);
    const auto col = std::find(header.begin(), header.end(), "ploidy") - header.begin();
    ASSERT_LT(static_cast<std::size_t>(col), values.size());
    values[col] = "0.0000";
    {
        std::ofstream out(dir.path() / "T.purple.purity.tsv");
        out << rows[0] << "\n";
        for (std::size_t i = 0; i < values.size(); ++i) out << (i ? "\t" : "") << values[i];
        out << "\n";
    }
    auto refused = run_rvanno(dir.path(), {"annotate", "-g", "GRCh37", "--cnv", "T.purple.cnv.somatic.tsv"});
    EXPECT_EQ(refused.exit_code, 1) << refused.err;
    EXPECT_NE(refused.err.find("'T.purple.cnv.somatic.tsv': ploidy 0.000000 read from the file"), std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("rvanno: hint: give the ploidy with --ploidy"), std::string::npos) << refused.err;
    auto overridden = run_rvanno(
        dir.path(), {"annotate", "-q", "-g", "GRCh37", "--ploidy", "2", "--cnv", "T.purple.cnv.somatic.tsv"});
    EXPECT_EQ(overridden.exit_code, 0) << overridden.err;
}

// Why (issue 11): an SNV-only VCF given as --cnv or --sv exited 0 with nothing found, silently,
// and the gene table then said "0 fusions" for genes no junction was ever read for. Now stderr
// and the provenance say the input gave nothing usable, and fusions read not_assessed.
TEST(CopyNumberAndSv, snv_vcf_given_as_cnv_or_sv_is_told_not_silent) {
    const auto vcf = (fs::path(RVANNO_TESTDATA) / "cases" / "annotate" / "index_case" / "input.vcf").string();
    TempDir dir("no_usable");
    auto r = run_rvanno(dir.path(), {"annotate", "-q", "--cnv", vcf, "--sv", vcf, "--gene-table", "genes.tsv", vcf});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(
        r.err.find("rvanno: warning: '" + vcf + "' gave no usable copy-number segment (3 record(s) describe none)"),
        std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("rvanno: warning: '" + vcf + "' gave no usable junction or fusion"), std::string::npos)
        << r.err;
    EXPECT_NE(r.out.find("##input_problems='" + vcf + "' gave no usable copy-number segment"), std::string::npos);
    const auto genes = project(slurp(dir.path() / "genes.tsv"), {"gene", "fusions", "cn_assessed"});
    EXPECT_NE(std::find(genes.begin(), genes.end(), "ALK\tnot_assessed\tno"), genes.end());
}
