// Malformed and hostile inputs (testdata/malformed/): never a crash or a sanitizer report; the
// documented exit code; one error line plus a hint when the input is refused.
#include <gtest/gtest.h>

#include "support/cli_run.hpp"
#include "support/utf8.hpp"

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

// gtest names the file instead of dumping the struct's bytes.
void PrintTo(const Expectation& e, std::ostream* os) { *os << e.file; }

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

// Why: every input that is accepted must also give a TSV whose rows a spreadsheet or a
// universal-newline reader splits as rvanno meant (no raw CR, LF or tab inside a field: each
// data row has the header's columns) and an HTML and a JSON file that are valid UTF-8.
TEST_P(Hostile, accepted_input_gives_well_formed_tsv_html_and_json) {
    const auto& e = GetParam();
    if (e.exit_code != 0) GTEST_SKIP() << "refused input";
    const auto dir = fs::path(RVANNO_TESTDATA) / "malformed";
    auto tsv = run_rvanno(dir, {"annotate", "-q", "-g", "GRCh38", e.file});
    ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
    EXPECT_EQ(tsv.out.find('\r'), std::string::npos) << "a raw CR splits rows for universal-newline readers";
    std::size_t columns = 0;
    for (const auto& line : lines(tsv.out)) {
        if (line.rfind("##", 0) == 0) continue;
        const auto n = cells(line).size();
        if (columns == 0) columns = n;
        EXPECT_EQ(n, columns) << line;
    }
    EXPECT_GT(columns, 0u);
    for (const char* format : {"html", "json"}) {
        auto r = run_rvanno(dir, {"annotate", "-q", "-g", "GRCh38", "-f", format, e.file});
        ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
        EXPECT_TRUE(is_valid_utf8(r.out)) << format << " output is not valid UTF-8";
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
