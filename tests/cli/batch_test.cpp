// `rvanno batch` end to end, beyond the golden cases of testdata/cases/batch/ (cases_test.cpp):
// file names, JSON, HTML, bad sheets (testdata/batch/bad_sheet/), failure and usage errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "support/cli_run.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;

namespace {

const fs::path kBatch = fs::path(RVANNO_TESTDATA) / "batch";
const fs::path kBatchCases = fs::path(RVANNO_TESTDATA) / "cases" / "batch";

fs::path fresh_dir(const std::string& name) {
    auto d = fs::temp_directory_path() / ("rvanno_batch_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(d);
    return d;
}

// Why: the sheet mode's done-when: one report per sample (names made safe), both cohort tables,
// and their cells right for every input kind and for "not assessed".
TEST(Batch, sample_sheet_writes_reports_and_cohort_tables) {
    const auto out = fresh_dir("sheet");
    auto r = run_rvanno(kBatchCases / "sheet", {"batch", "--sample-sheet", "samples.tsv", "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* f : {"S1.tsv", "patient_2.tsv", "S3.tsv", "cohort_alterations.tsv", "cohort_verdicts.tsv"})
        EXPECT_TRUE(fs::exists(out / f)) << f;
    EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator()), 5);
    // The cohort tables' cells: testdata/cases/batch/sheet/expected.*.tsv (cases_test.cpp).
    const auto s1 = slurp(out / "S1.tsv");
    EXPECT_NE(s1.find("##sample=S1"), std::string::npos);
    EXPECT_NE(s1.find("##knowledge_base_md5="), std::string::npos);
    EXPECT_NE(slurp(out / "cohort_verdicts.tsv").find("##command=rvanno batch"), std::string::npos);
    EXPECT_EQ(r.err.find("[1/3]"), std::string::npos) << "no progress lines when stderr is not a terminal";
    fs::remove_all(out);
}

// Why: the multi-sample mode: one report per column, in the chosen format, and a sample that
// does not carry an allele (0/0, AF 0, no-call) shows it absent — also in its verdicts.
TEST(Batch, multi_sample_vcf_gives_one_report_per_column) {
    const auto out = fresh_dir("multi");
    const std::vector<std::string> args = {"batch",        "-q",    "-f",       "json",       "-o",        out.string(),
                                           "--tumor-type", "NSCLC", "--driver", "ALK fusion", "cohort.vcf"};
    auto r = run_rvanno(kBatchCases / "multi_vcf", args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    for (const char* s : {"P1", "P2", "P3"}) {
        ASSERT_TRUE(fs::exists(out / (std::string(s) + ".json"))) << s;
        auto j = nlohmann::json::parse(slurp(out / (std::string(s) + ".json")));
        EXPECT_EQ(j["sample"], s);
    }
    auto p2 = nlohmann::json::parse(slurp(out / "P2.json"));
    ASSERT_EQ(p2["findings"].size(), 1u);
    EXPECT_EQ(p2["findings"][0]["consequence"]["protein_change"], "G1202R");
    // The cohort tables' cells: testdata/cases/batch/multi_vcf/expected.*.tsv (cases_test.cpp).
    fs::remove_all(out);
}

// Why: -f html must give one self-contained HTML report per sample.
TEST(Batch, html_format_writes_html_reports) {
    const auto out = fresh_dir("html");
    auto r = run_rvanno(kBatchCases / "multi_vcf", {"batch", "-q", "-f", "html", "-o", out.string(), "cohort.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* s : {"P1.html", "P2.html", "P3.html"}) {
        ASSERT_TRUE(fs::exists(out / s)) << s;
        EXPECT_NE(slurp(out / s).find("<html"), std::string::npos);
    }
    fs::remove_all(out);
}

// Why: a bad sheet must be refused before any work, with the file:line that is wrong.
TEST(Batch, bad_sheets_name_file_and_line) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"missing_column.tsv", "missing_column.tsv:2: missing column 'sv'"},
        {"duplicate_sample.tsv", "duplicate_sample.tsv:3: sample 'S1' is also on"},
        {"missing_file.tsv", "missing_file.tsv:3: file 'no_such.cns' does not exist"},
        {"unknown_drug.tsv", "unknown_drug.tsv:3: --therapy-history: unknown drug 'alectnib'"},
        {"bad_driver.tsv", "bad_driver.tsv:2: --driver 'EGFR exon19' is not understood"},
        {"name_collision.tsv", "samples 'a b' and 'a_b' would both be written as 'a_b.*'"}};
    for (const auto& [sheet, message] : cases) {
        const auto out = fresh_dir("bad");
        auto r = run_rvanno(kBatch / "bad_sheet", {"batch", "--sample-sheet", sheet, "-o", out.string()});
        EXPECT_EQ(r.exit_code, 1) << sheet << ": " << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << sheet << ": " << r.err;
        EXPECT_FALSE(fs::exists(out)) << sheet << ": nothing may be created before the sheet is known good";
    }
}

// Why: an error in one sample stops the batch naming the sample; reports already written stay
// whole, and no cohort table claims to cover the cohort.
TEST(Batch, failing_sample_is_named_and_stops_the_batch) {
    const auto out = fresh_dir("fail");
    auto r = run_rvanno(kBatch / "bad_sheet", {"batch", "--sample-sheet", "bad_input.tsv", "-o", out.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("rvanno: error: sample 'S2': "), std::string::npos) << r.err;
    EXPECT_TRUE(fs::exists(out / "S1.tsv"));
    EXPECT_FALSE(fs::exists(out / "S2.tsv"));
    EXPECT_FALSE(fs::exists(out / "cohort_alterations.tsv"));
    for (const auto& e : fs::directory_iterator(out))
        EXPECT_EQ(e.path().filename().string().find("rvanno-tmp"), std::string::npos);
    fs::remove_all(out);
}

// Why: usage errors exit 2: an unknown drug in --therapy-history, no input, no -o.
TEST(Batch, usage_errors_exit_2) {
    const auto out = fresh_dir("usage");
    auto drug = run_rvanno(kBatchCases / "multi_vcf",
                           {"batch", "--therapy-history", "crizotinib,notadrug", "-o", out.string(), "cohort.vcf"});
    EXPECT_EQ(drug.exit_code, 2);
    EXPECT_NE(drug.err.find("unknown drug 'notadrug'"), std::string::npos) << drug.err;
    EXPECT_EQ(run_rvanno(kBatchCases / "multi_vcf", {"batch", "-o", out.string()}).exit_code, 2);
    EXPECT_EQ(run_rvanno(kBatchCases / "multi_vcf", {"batch", "cohort.vcf"}).exit_code, 2);
    EXPECT_EQ(
        run_rvanno(kBatchCases / "multi_vcf", {"batch", "--sample-sheet", "x.tsv", "-o", out.string(), "cohort.vcf"})
            .exit_code,
        2);
    auto help = run_rvanno(kBatch, {"batch", "--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("Example:"), std::string::npos);
    EXPECT_FALSE(fs::exists(out));
}

}  // namespace

// Why: batch reads a multi-sample VCF once for all its samples (pipeline/shared_pass.hpp,
// issue 10; it used to read the file once per sample). The known answer is `annotate --sample`
// of each column: the same findings, gene table, counters, verdicts and provenance, but for
// the command line and the build's reason (the cohort's build is the first sample's). Real
// tumour/normal files of three callers (../shared/data/formats/somatic_vcf; the SAGE file has
// four samples, the VarDict one puts the tumour first).
TEST(Batch, one_pass_over_a_multi_sample_vcf_gives_each_sample_its_annotate_report) {
    const fs::path dir = fs::path(RVANNO_SHARED_DATA) / "formats" / "somatic_vcf";
    if (!fs::exists(dir)) GTEST_SKIP() << "../shared/data not found";
    for (const char* file : {"case_A.mutect.vcf", "test-vardict.vcf.gz", "test-sage2-multitumor.vcf.gz"}) {
        const fs::path vcf = dir / file;
        const auto out = fresh_dir("one_pass");
        auto b = run_rvanno(fs::temp_directory_path(), {"batch", "-q", "-f", "json", "-o", out.string(), vcf.string()});
        ASSERT_EQ(b.exit_code, 0) << file << ": " << b.err;
        int samples = 0;
        for (const auto& entry : fs::directory_iterator(out)) {
            if (entry.path().extension() != ".json") continue;
            ++samples;
            auto got = nlohmann::json::parse(slurp(entry.path()));
            const std::string sample = got["sample"];
            auto a =
                run_rvanno(fs::temp_directory_path(), {"annotate", "-q", "-f", "json", "-s", sample, vcf.string()});
            ASSERT_EQ(a.exit_code, 0) << file << " " << sample << ": " << a.err;
            auto want = nlohmann::json::parse(a.out);
            for (auto* j : {&got, &want}) {
                (*j)["provenance"].erase("command");
                (*j)["provenance"]["genome_build"].erase("reason");
            }
            EXPECT_EQ(got, want) << file << " " << sample;
        }
        EXPECT_GE(samples, 2) << file;
        fs::remove_all(out);
    }
}
