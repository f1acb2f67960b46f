// `rvanno batch` end to end on testdata/batch/ (each folder's readme says why it exists and what
// the expected.* files beside the inputs hold).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli/cli_run.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;

namespace {

const fs::path kBatch = fs::path(RVANNO_TESTDATA) / "batch";

fs::path fresh_dir(const std::string& name) {
    auto d = fs::temp_directory_path() / ("rvanno_batch_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(d);
    return d;
}

std::vector<std::string> header_of(const fs::path& expected_file) {
    std::vector<std::string> cols;
    std::string h = lines(slurp(expected_file)).at(0);
    std::size_t start = 0, p;
    while ((p = h.find('\t', start)) != std::string::npos) { cols.push_back(h.substr(start, p - start)); start = p + 1; }
    cols.push_back(h.substr(start));
    return cols;
}

// The table reduced to the columns named by `expected_file`'s header, header first.
std::vector<std::string> projected(const fs::path& table, const fs::path& expected_file) {
    return project(slurp(table), header_of(expected_file));
}

std::vector<std::string> args_of(const fs::path& file) {
    std::vector<std::string> out;
    for (const auto& l : lines(slurp(file))) out.push_back(l);
    return out;
}

// Why: the sheet mode's done-when: one report per sample (names made safe), both cohort tables,
// and their cells right for every input kind and for "not assessed".
TEST(Batch, sample_sheet_writes_reports_and_cohort_tables) {
    const auto out = fresh_dir("sheet");
    auto r = run_rvanno(kBatch / "sheet", {"batch", "--sample-sheet", "samples.tsv", "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* f : {"S1.tsv", "patient_2.tsv", "S3.tsv", "cohort_alterations.tsv", "cohort_verdicts.tsv"})
        EXPECT_TRUE(fs::exists(out / f)) << f;
    EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator()), 5);
    const auto want_alt = kBatch / "sheet" / "expected.cohort_alterations.tsv";
    EXPECT_EQ(projected(out / "cohort_alterations.tsv", want_alt), lines(slurp(want_alt)));
    const auto want_v = kBatch / "sheet" / "expected.cohort_verdicts.tsv";
    auto got = projected(out / "cohort_verdicts.tsv", want_v);
    for (const auto& row : lines(slurp(want_v))) {
        EXPECT_NE(std::find(got.begin(), got.end(), row), got.end()) << "cohort_verdicts lacks: " << row;
    }
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
    auto args = args_of(kBatch / "multi_vcf" / "args");
    args.insert(args.begin(), {"batch", "-q", "-f", "json", "-o", out.string()});
    auto r = run_rvanno(kBatch / "multi_vcf", args);
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
    const auto want_alt = kBatch / "multi_vcf" / "expected.cohort_alterations.tsv";
    EXPECT_EQ(projected(out / "cohort_alterations.tsv", want_alt), lines(slurp(want_alt)));
    const auto want_v = kBatch / "multi_vcf" / "expected.cohort_verdicts.tsv";
    auto got = projected(out / "cohort_verdicts.tsv", want_v);
    for (const auto& row : lines(slurp(want_v))) {
        EXPECT_NE(std::find(got.begin(), got.end(), row), got.end()) << "cohort_verdicts lacks: " << row;
    }
    fs::remove_all(out);
}

// Why: -f html must give one self-contained HTML report per sample.
TEST(Batch, html_format_writes_html_reports) {
    const auto out = fresh_dir("html");
    auto r = run_rvanno(kBatch / "multi_vcf", {"batch", "-q", "-f", "html", "-o", out.string(), "cohort.vcf"});
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
        {"bad_driver.tsv", "bad_driver.tsv:2: --driver 'EGFR L858R' is not understood"},
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
    auto drug = run_rvanno(kBatch / "multi_vcf", {"batch", "--therapy-history", "crizotinib,notadrug", "-o", out.string(), "cohort.vcf"});
    EXPECT_EQ(drug.exit_code, 2);
    EXPECT_NE(drug.err.find("unknown drug 'notadrug'"), std::string::npos) << drug.err;
    EXPECT_EQ(run_rvanno(kBatch / "multi_vcf", {"batch", "-o", out.string()}).exit_code, 2);
    EXPECT_EQ(run_rvanno(kBatch / "multi_vcf", {"batch", "cohort.vcf"}).exit_code, 2);
    EXPECT_EQ(run_rvanno(kBatch / "multi_vcf", {"batch", "--sample-sheet", "x.tsv", "-o", out.string(), "cohort.vcf"}).exit_code, 2);
    auto help = run_rvanno(kBatch, {"batch", "--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("Example:"), std::string::npos);
    EXPECT_FALSE(fs::exists(out));
}

}  // namespace
