// Golden end-to-end cases: every directory in testdata/cases/ is one test (bcftools / GLnexus
// style: the expected answers sit next to the input). A case holds
//   readme           why the case exists (required)
//   input.vcf        the input
//   args             extra options, whitespace-separated (optional)
//   expected.tsv     expected output rows; its header line names the columns compared
//   expected.exit    expected exit code (default 0)
//   expected.stderr  lines that must each appear in stderr
//   expected.genes.tsv  expected per-gene table (--gene-table), header names the columns
#include <gtest/gtest.h>

#include <algorithm>

#include "cli/cli_run.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;

namespace {

std::vector<std::string> case_names() {
    std::vector<std::string> out;
    for (const auto& d : fs::directory_iterator(fs::path(RVANNO_TESTDATA) / "cases"))
        if (d.is_directory()) out.push_back(d.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

class Case : public ::testing::TestWithParam<std::string> {};

// Why: each case pins one user-visible behaviour end to end; see its readme.
TEST_P(Case, output_matches_expected_answers) {
    const fs::path dir = fs::path(RVANNO_TESTDATA) / "cases" / GetParam();
    ASSERT_TRUE(fs::exists(dir / "readme")) << "every case needs a readme saying why it exists";
    auto args = words(fs::exists(dir / "args") ? slurp(dir / "args") : "");
    args.insert(args.begin(), "annotate");
    const bool genes = fs::exists(dir / "expected.genes.tsv");
    const auto gene_table = fs::temp_directory_path() / ("rvanno_genes_" + GetParam() + ".tsv");
    if (genes) {
        args.push_back("--gene-table");
        args.push_back(gene_table.string());
    }
    if (fs::exists(dir / "input.vcf")) args.push_back("input.vcf");
    auto r = run_rvanno(dir, args);
    int want_exit = fs::exists(dir / "expected.exit") ? std::stoi(slurp(dir / "expected.exit")) : 0;
    EXPECT_EQ(r.exit_code, want_exit) << r.err;
    if (fs::exists(dir / "expected.stderr")) {
        for (const auto& l : lines(slurp(dir / "expected.stderr"))) {
            if (l.empty()) continue;
            EXPECT_NE(r.err.find(l), std::string::npos) << "stderr lacks: " << l << "\nstderr: " << r.err;
        }
    }
    if (fs::exists(dir / "expected.tsv")) {
        auto expected = lines(slurp(dir / "expected.tsv"));
        ASSERT_FALSE(expected.empty());
        std::vector<std::string> columns;
        std::istringstream hdr(expected.front());
        for (std::string c; std::getline(hdr, c, '\t');) columns.push_back(c);
        EXPECT_EQ(project(r.out, columns), expected) << r.err;
    }
    if (genes) {
        auto expected = lines(slurp(dir / "expected.genes.tsv"));
        ASSERT_FALSE(expected.empty());
        std::vector<std::string> columns;
        std::istringstream hdr(expected.front());
        for (std::string c; std::getline(hdr, c, '\t');) columns.push_back(c);
        EXPECT_EQ(project(slurp(gene_table), columns), expected);
        fs::remove(gene_table);
    }
    if (want_exit != 0) {
        EXPECT_TRUE(r.out.empty()) << "a failed run must not print partial results";
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, Case, ::testing::ValuesIn(case_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
