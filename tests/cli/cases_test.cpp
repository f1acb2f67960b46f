// Golden end-to-end cases, one runner for every command (bcftools / GLnexus style: the expected
// answers sit next to the inputs). Every directory testdata/cases/<command>/<case>/ that has an
// `args` file is one test:
//   readme            why the case exists (required)
//   args              the arguments after `rvanno <command>`, one per line; a line "" is an empty
//                     argument; {TMP} stands for a fresh scratch directory of this case; {SHARED}
//                     for ../shared/data (real third-party files read in place; the case is
//                     skipped when ../shared is absent)
//   expected.exit     expected exit code (default 0; a failed run must print nothing on stdout)
//   expected.stderr   lines that must each appear in stderr
//   expected*.tsv     expected rows; the header line names the columns compared. An optional first
//                     line says what is checked:
//                       ## check: <source> [block <name>] [rows all|contained|first]
//                     source: `stdout` (the default) or a file path using {TMP}; block: only the
//                     rows whose first column is <name> (the sectioned compare TSV); rows: `all`
//                     (default) = exactly these rows in this order, `contained` = each row is
//                     present, `first` = the output starts with these rows.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>

#include "support/cli_run.hpp"
#include "support/temp_dir.hpp"
#include "support/tsv.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;

namespace {

const fs::path kCases = fs::path(RVANNO_TESTDATA) / "cases";

std::vector<std::string> case_names() {
    std::vector<std::string> out;
    for (const auto& command : fs::directory_iterator(kCases))
        for (const auto& c : fs::directory_iterator(command.path()))
            if (fs::exists(c.path() / "args"))
                out.push_back(command.path().filename().string() + "/" + c.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string substitute(std::string s, const std::string& tmp) {
    for (std::size_t p; (p = s.find("{TMP}")) != std::string::npos;) s.replace(p, 5, tmp);
    for (std::size_t p; (p = s.find("{SHARED}")) != std::string::npos;) s.replace(p, 8, RVANNO_SHARED_DATA);
    return s;
}

struct Check {
    std::string source = "stdout", block, rows = "all";
};

Check parse_check(const std::string& line) {
    Check c;
    std::istringstream in(line.substr(std::string("## check:").size()));
    std::string word;
    in >> c.source;
    while (in >> word) {
        if (word == "block")
            in >> c.block;
        else if (word == "rows")
            in >> c.rows;
        else
            ADD_FAILURE() << "unknown word '" << word << "' in: " << line;
    }
    return c;
}

// The rows of `text` (an rvanno TSV) reduced to `columns`, without the header; with `block`, only
// the rows of that section (first column), each section having its own header row.
std::vector<std::string> rows_of(const std::string& text, const std::vector<std::string>& columns,
                                 const std::string& block) {
    std::vector<std::string> header, out;
    for (const auto& l : lines(text)) {
        if (l.rfind("##", 0) == 0) continue;
        auto c = cells(l);
        if (header.empty() || (!block.empty() && c[0] == "section")) {
            header = c;
            continue;
        }
        if (!block.empty() && c[0] != block) continue;
        std::string row;
        for (std::size_t k = 0; k < columns.size(); ++k) {
            auto it = std::find(header.begin(), header.end(), columns[k]);
            EXPECT_NE(it, header.end()) << "no column " << columns[k];
            const auto i = static_cast<std::size_t>(it - header.begin());
            row += (k ? "\t" : "") + (i < c.size() ? c[i] : "");
        }
        out.push_back(row);
    }
    return out;
}

void check_expected_file(const fs::path& file, const RunResult& r, const std::string& tmp) {
    auto want = lines(slurp(file));
    Check check;
    if (!want.empty() && want[0].rfind("## check:", 0) == 0) {
        check = parse_check(substitute(want[0], tmp));
        want.erase(want.begin());
    }
    ASSERT_FALSE(want.empty()) << file << ": needs a header line naming the columns";
    const auto columns = cells(want[0]);
    want.erase(want.begin());
    const std::string text = check.source == "stdout" ? r.out : slurp(check.source);
    const auto got = rows_of(text, columns, check.block);
    if (check.rows == "all") {
        EXPECT_EQ(got, want) << file;
    } else if (check.rows == "contained") {
        for (const auto& row : want)
            EXPECT_NE(std::find(got.begin(), got.end(), row), got.end()) << file << " lacks: " << row;
    } else if (check.rows == "first") {
        ASSERT_GE(got.size(), want.size()) << file;
        EXPECT_EQ(std::vector<std::string>(got.begin(), got.begin() + static_cast<long>(want.size())), want) << file;
    } else {
        ADD_FAILURE() << file << ": rows must be all, contained or first";
    }
}

// "RVANNO_DB=<dir>": a copy of the bundled db/ with its knowledge index (rvanno db index), made
// once per test process and removed when it ends. Its tables were just copied, so their stamps
// are not trusted: each run hashes them and, the hash being the index's, reads the rows from
// the index.
std::string indexed_db_env() {
    static const TempDir dir("indexed_db");
    static const bool made = [] {
        fs::copy(RVANNO_DB, dir.path(), fs::copy_options::recursive);
        const auto r = run_rvanno(dir.path(), {"db", "index", dir.path().string()});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return true;
    }();
    (void)made;
    return "RVANNO_DB=" + dir.path().string();
}

void run_case(const std::string& name, const std::vector<std::string>& env) {
    const fs::path dir = kCases / name;
    ASSERT_TRUE(fs::exists(dir / "readme")) << "every case needs a readme saying why it exists";
    if (slurp(dir / "args").find("{SHARED}") != std::string::npos && !fs::exists(RVANNO_SHARED_DATA))
        GTEST_SKIP() << "the case reads ../shared/data, which is absent here";
    TempDir tmp("case");
    std::vector<std::string> args{fs::path(name).parent_path().string()};
    for (const auto& l : lines(slurp(dir / "args")))
        args.push_back(l == "\"\"" ? "" : substitute(l, tmp.path().string()));
    auto r = run_rvanno(dir, args, "", env);
    const int want_exit = fs::exists(dir / "expected.exit") ? std::stoi(slurp(dir / "expected.exit")) : 0;
    EXPECT_EQ(r.exit_code, want_exit) << r.err;
    if (fs::exists(dir / "expected.stderr"))
        for (const auto& l : lines(slurp(dir / "expected.stderr"))) {
            if (l.empty()) continue;
            EXPECT_NE(r.err.find(l), std::string::npos) << "stderr lacks: " << l << "\nstderr: " << r.err;
        }
    std::vector<fs::path> expected;
    for (const auto& f : fs::directory_iterator(dir)) {
        const auto name = f.path().filename().string();
        if (name.rfind("expected", 0) == 0 && f.path().extension() == ".tsv") expected.push_back(f.path());
    }
    std::sort(expected.begin(), expected.end());
    for (const auto& f : expected) check_expected_file(f, r, tmp.path().string());
    if (want_exit != 0) { EXPECT_TRUE(r.out.empty()) << "a failed run must not print partial results"; }
    EXPECT_EQ(r.err.find("knowledge index"), std::string::npos) << "the index must be read, not set aside: " << r.err;
}

class Case : public ::testing::TestWithParam<std::string> {};

// Why: each case pins one user-visible behaviour end to end; see its readme.
TEST_P(Case, output_matches_expected_answers) { run_case(GetParam(), {}); }

// Why: a knowledge index (rvanno db index) may change the time a run takes, never its answers:
// every case again, with the rows read from the index of a copy of the bundled db.
TEST_P(Case, output_with_the_knowledge_index_matches_the_same_expected_answers) {
    run_case(GetParam(), {indexed_db_env()});
}

INSTANTIATE_TEST_SUITE_P(Cases, Case, ::testing::ValuesIn(case_names()), [](const auto& info) {
    std::string name = info.param;
    std::replace(name.begin(), name.end(), '/', '_');
    return name;
});

}  // namespace
