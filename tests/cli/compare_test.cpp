// `rvanno compare` end to end, beyond the golden cases in testdata/cases/compare/ (run by
// cases_test.cpp): JSON, equivalence of the input forms, whole-file output, help.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "support/cli_run.hpp"
#include "support/tsv.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;

namespace {

const fs::path kCompare = fs::path(RVANNO_TESTDATA) / "cases" / "compare";

std::vector<std::string> args_of(const fs::path& dir) {
    std::vector<std::string> out{"compare"};
    for (const auto& l : lines(slurp(dir / "args"))) out.push_back(l == "\"\"" ? "" : l);
    return out;
}

// The rows of one block of the compare TSV (first column == `section`), reduced to `columns`.
std::vector<std::string> block(const std::string& tsv, const std::string& section,
                               const std::vector<std::string>& columns) {
    std::vector<std::string> header, out;
    for (const auto& l : lines(tsv)) {
        if (l.rfind("##", 0) == 0) continue;
        auto c = cells(l);
        if (c[0] == "section") {
            header = c;
            continue;
        }
        if (c[0] != section) continue;
        std::string row;
        for (std::size_t k = 0; k < columns.size(); ++k) {
            auto it = std::find(header.begin(), header.end(), columns[k]);
            EXPECT_NE(it, header.end()) << columns[k];
            const auto i = static_cast<std::size_t>(it - header.begin());
            row += (k ? "\t" : "") + (i < c.size() ? c[i] : "");
        }
        out.push_back(row);
    }
    return out;
}

// Why: JSON is the workflow interface; the done-when facts must be readable from it too, with
// both reports' parts and the provenance.
TEST(CompareCommand, json_carries_both_reports_comparison_and_remaining_options) {
    auto args = args_of(kCompare / "alk_g1202r");
    args.insert(args.begin() + 1, {"-f", "json"});
    auto r = run_rvanno(kCompare / "alk_g1202r", args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["schema"], "rvanno-compare/1");
    EXPECT_EQ(j["provenance"]["knowledge_base"]["md5"].get<std::string>().size(), 32u);
    EXPECT_EQ(j["context"]["therapy_history"], nlohmann::json({"crizotinib", "alectinib"}));
    EXPECT_EQ(j["progression"]["sample"], "PROG");
    EXPECT_EQ(j["progression"]["findings"].size(), 1u);
    EXPECT_EQ(j["baseline"]["fusions"].size(), 1u);
    EXPECT_EQ(j["alterations"][0]["key"], "ALK p.G1202R");
    EXPECT_EQ(j["alterations"][0]["status"], "acquired");
    EXPECT_DOUBLE_EQ(j["alterations"][0]["after"]["vaf"].get<double>(), 0.357);
    bool alectinib = false;
    for (const auto& v : j["verdicts"])
        if (v["drug"] == "alectinib") {
            alectinib = true;
            EXPECT_EQ(v["before"]["call"], "sensitive");
            EXPECT_EQ(v["after"]["call"], "resistant");
            EXPECT_TRUE(v["given"].get<bool>());
        }
    EXPECT_TRUE(alectinib);
    EXPECT_EQ(j["remaining_options"][0]["drug"], "lorlatinib");
    for (const auto& o : j["remaining_options"]) {
        EXPECT_NE(o["drug"], "crizotinib");
        EXPECT_NE(o["drug"], "alectinib");
    }
}

// Why: a multi-sample VCF given twice must give exactly what the same calls in two files give.
TEST(CompareCommand, multi_sample_vcf_equals_two_single_sample_files) {
    auto a = run_rvanno(kCompare / "lost_and_persistent", args_of(kCompare / "lost_and_persistent"));
    auto b = run_rvanno(kCompare / "multi_sample", args_of(kCompare / "multi_sample"));
    ASSERT_EQ(a.exit_code, 0) << a.err;
    ASSERT_EQ(b.exit_code, 0) << b.err;
    const std::vector<std::string> all = {"alteration", "finding", "gene",   "status",
                                          "before",     "after",   "change", "kb_ids"};
    EXPECT_EQ(block(a.out, "alteration", all), block(b.out, "alteration", all));
    const std::vector<std::string> v = {"drug", "call_before", "call_after", "strength_before", "strength_after"};
    EXPECT_EQ(block(a.out, "verdict", v), block(b.out, "verdict", v));
}

// Why: -o must appear whole; the output must be identical run after run (but for ##command).
TEST(CompareCommand, output_file_is_written_whole_and_deterministic) {
    const auto dir = fs::temp_directory_path() / ("rvanno_cmp_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* name : {"a.tsv", "b.tsv"}) {
        auto args = args_of(kCompare / "alk_g1202r");
        args.insert(args.begin() + 1, {"-q", "-o", (dir / name).string()});
        auto r = run_rvanno(kCompare / "alk_g1202r", args);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_TRUE(r.err.empty()) << r.err;
    }
    auto without_command = [](const std::string& text) {
        std::string out;
        for (const auto& l : lines(text))
            if (l.rfind("##command=", 0) != 0) out += l + "\n";
        return out;
    };
    EXPECT_EQ(without_command(slurp(dir / "a.tsv")), without_command(slurp(dir / "b.tsv")));
    EXPECT_NE(slurp(dir / "a.tsv").find("##notice=For research use only"), std::string::npos);
    for (const auto& e : fs::directory_iterator(dir))
        EXPECT_EQ(e.path().filename().string().find("rvanno-tmp"), std::string::npos);
    fs::remove_all(dir);
}

// Why: help is the spec: it must exist, exit 0 and end with an example.
TEST(CompareCommand, help_exits_zero_with_example) {
    auto r = run_rvanno(kCompare, {"compare", "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("Usage: rvanno compare"), std::string::npos);
    EXPECT_NE(r.out.find("--therapy-history"), std::string::npos);
    EXPECT_NE(r.out.find("Example:"), std::string::npos);
    auto none = run_rvanno(kCompare, {"compare", "only_one.vcf"});
    EXPECT_EQ(none.exit_code, 2);
}

}  // namespace
