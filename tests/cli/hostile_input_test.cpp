// Malformed and hostile inputs (testdata/malformed/): never a crash or a sanitizer report; the
// documented exit code; one error line plus a hint when the input is refused.
#include <gtest/gtest.h>

#include "support/cli_run.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;

namespace {

struct Expectation {
    std::string file, stderr_text, why;
    int exit_code;
};

std::vector<Expectation> expectations() {
    std::vector<Expectation> out;
    auto rows = lines(slurp(fs::path(RVANNO_TESTDATA) / "malformed" / "expected.tsv"));
    for (std::size_t i = 1; i < rows.size(); ++i) {
        std::vector<std::string> f;
        std::istringstream in(rows[i]);
        for (std::string c; std::getline(in, c, '\t');) f.push_back(c);
        f.resize(4);
        out.push_back({f[0], f[2], f[3], std::stoi(f[1])});
    }
    return out;
}

class Hostile : public ::testing::TestWithParam<Expectation> {};

// Why: each file is one way real-world input goes wrong (its `why` column says which).
TEST_P(Hostile, input_is_handled_without_a_crash) {
    const auto& e = GetParam();
    auto r = run_rvanno(fs::path(RVANNO_TESTDATA) / "malformed", {"annotate", "-g", "GRCh38", "-f", "json", e.file});
    EXPECT_EQ(r.exit_code, e.exit_code) << e.why << "\n" << r.err;
    EXPECT_EQ(r.err.find("Sanitizer"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("runtime error"), std::string::npos) << r.err;
    if (!e.stderr_text.empty()) { EXPECT_NE(r.err.find(e.stderr_text), std::string::npos) << r.err; }
    if (e.exit_code != 0) {
        EXPECT_NE(r.err.find("rvanno: hint: "), std::string::npos) << r.err;
        EXPECT_TRUE(r.out.empty());
    } else {
        EXPECT_NE(r.out.find("\"schema\": \"rvanno-annotate/1\""), std::string::npos);
    }
}

INSTANTIATE_TEST_SUITE_P(Malformed, Hostile, ::testing::ValuesIn(expectations()), [](const auto& info) {
    std::string n = info.param.file;
    for (auto& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return n;
});

// Why: the table above must cover every file in the directory, so none is silently untested.
TEST(Hostile, every_file_has_an_expectation) {
    std::vector<std::string> listed, present;
    for (const auto& e : expectations()) listed.push_back(e.file);
    for (const auto& f : fs::directory_iterator(fs::path(RVANNO_TESTDATA) / "malformed")) {
        auto n = f.path().filename().string();
        if (n != "expected.tsv" && n != "README.md") present.push_back(n);
    }
    std::sort(listed.begin(), listed.end());
    std::sort(present.begin(), present.end());
    EXPECT_EQ(listed, present);
}

}  // namespace
