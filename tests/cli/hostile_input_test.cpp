// Malformed and hostile inputs (testdata/malformed/): never a crash or a sanitizer report; the
// documented exit code; one error line plus a hint when the input is refused. Hostile knowledge
// rows (a --db the user edited) are listed at the end of this file.
#include <gtest/gtest.h>

#include <fstream>

#include "support/cli_run.hpp"
#include "support/temp_dir.hpp"
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
    // HTSlib's own log lines ([E::...], [W::...]) are off unless --verbose: every line on
    // stderr is rvanno's (its error and hint, or its warnings).
    for (const auto& line : lines(r.err)) { EXPECT_EQ(line.rfind("rvanno: ", 0), 0u) << line; }
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

// Why: HTSlib's own words are hidden by default (the line above) but must stay reachable for a
// user who needs them: a record HTSlib cannot parse (GT '0/x') is skipped with rvanno's warning,
// and --verbose adds HTSlib's [E::...] line; the hint says which of the two cases the user is in.
TEST(Hostile, verbose_shows_htslibs_own_message) {
    TempDir dir("verbose");
    {
        std::ofstream f(dir.file("gt.vcf"));
        f << "##fileformat=VCFv4.2\n##contig=<ID=chr2,length=242193529>\n"
             "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"GT\">\n"
             "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n"
             "chr2\t29220747\t.\tC\tT\t.\tPASS\t.\tGT\t0/x\n";
    }
    const std::string warning =
        "rvanno: warning: gt.vcf: record 1 (chr2:29220747): malformed VCF record that HTSlib cannot parse (";
    auto quiet = run_rvanno(dir.path(), {"annotate", "-q", "-g", "GRCh38", "gt.vcf"});
    EXPECT_EQ(quiet.exit_code, 0);
    EXPECT_EQ(quiet.err, warning +
                             "run again with --verbose to see HTSlib's own message; check it with: bcftools view "
                             "FILE); record skipped (counted in records_invalid_skipped)\n");
    auto verbose = run_rvanno(dir.path(), {"annotate", "-q", "--verbose", "-g", "GRCh38", "gt.vcf"});
    EXPECT_EQ(verbose.exit_code, 0);
    EXPECT_EQ(verbose.err.rfind("[E::vcf_parse_format] ", 0), 0u) << verbose.err;
    EXPECT_NE(verbose.err.find(warning + "see HTSlib's message above"), std::string::npos) << verbose.err;
}

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

// Hostile knowledge-base rows (issue 11), each with the message `db check` lists at its file:line
// and `annotate --db` refuses it with. Before: the long cells crashed std::regex (SIGSEGV), the
// c. range cost 0.9 GB and 3 s in annotate and passed db check, the others passed db check.
struct HostileRow {
    std::string name, row, message;
};

std::vector<HostileRow> hostile_rows() {
    const std::string tail = "\tcrizotinib\tresistance\tD\tNSCLC\ton_target\tPMID:22277784\tverified\t";
    return {
        {"doi_27kb",
         "H-1\tALK\thgvs_p\tp.G1202R\t\t\tcrizotinib\tresistance\tD\tNSCLC\ton_target\tDOI:10.1000/" +
             std::string(27000, 'x') + "\tverified\t",
         "cell 'citations' has 27012 bytes (at most 8192)"},
        {"id_27kb", std::string(27000, 'a') + "\tALK\thgvs_p\tp.G1202R\t\t" + tail, "cell 'id' has 27000 bytes"},
        {"allele_27kb", "H-3\tALK\tgenomic\tGRCh38:2:29220747:" + std::string(27000, 'C') + ":T\t\t" + tail,
         "cell 'alteration' has 27020 bytes"},
        {"unbounded_c_range", "H-4\tALK\thgvs_c\tc.-55552662_2del\t\t" + tail,
         "hgvs_c 'c.-55552662_2del' names a position beyond ALK"},
        {"allele_in_another_gene", "H-5\tALK\tgenomic\tGRCh38:7:55191822:T:G\t\t" + tail,
         "genomic allele GRCh38:7:55191822 is not in ALK"},
        {"invalid_utf8", "H-6\tALK\thgvs_p\tp.G1202R\t\t" + tail + "caf\xE9", "cell 'notes' is not valid UTF-8"},
    };
}

const char* const kKnowledgeHeader =
    "id\tgene\tkind\talteration\thgvs_c\trequires\tdrugs\teffect\tevidence_level\tdisease\tmechanism\t"
    "citations\tstatus\tnotes\n";

TEST(HostileKnowledge, db_check_lists_each_row_at_its_line) {
    TempDir dir("hostile_db");
    fs::copy(RVANNO_DB, dir.path() / "db", fs::copy_options::recursive);
    std::ofstream table(dir.path() / "db" / "knowledge" / "zz_hostile.tsv", std::ios::binary);
    table << kKnowledgeHeader;
    for (const auto& h : hostile_rows()) table << h.row << "\n";
    table.close();
    auto r = run_rvanno(dir.path(), {"db", "check", "db"});
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_EQ(r.err.find("Sanitizer"), std::string::npos) << r.err;
    long line = 2;
    for (const auto& h : hostile_rows()) {
        const std::string want = "zz_hostile.tsv:" + std::to_string(line++) + ": " + h.message;
        EXPECT_NE(r.out.find(want), std::string::npos) << h.name << ": " << want << "\n" << r.out.substr(0, 2000);
    }
}

TEST(HostileKnowledge, annotate_refuses_each_row_with_the_same_message) {
    for (const auto& h : hostile_rows()) {
        SCOPED_TRACE(h.name);
        TempDir dir("hostile_db_" + h.name);
        fs::copy(RVANNO_DB, dir.path() / "db", fs::copy_options::recursive);
        std::ofstream(dir.path() / "db" / "knowledge" / "zz_hostile.tsv", std::ios::binary)
            << kKnowledgeHeader << h.row << "\n";
        auto r = run_rvanno(dir.path(), {"annotate", "-g", "GRCh38", "-d", "db",
                                         (fs::path(RVANNO_TESTDATA) / "malformed" / "header_only.vcf").string()});
        EXPECT_EQ(r.exit_code, 1) << r.err.substr(0, 2000);
        EXPECT_EQ(r.err.find("Sanitizer"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("zz_hostile.tsv:2: " + h.message), std::string::npos) << r.err.substr(0, 2000);
        EXPECT_TRUE(r.out.empty());
    }
}

// Why: a path with a part over 255 bytes made std::filesystem throw filesystem_error, which main
// printed as "internal error ... please report" (the sample-sheet case was found by fuzzing,
// testdata/fuzz/sample_sheet/crash-name_too_long.tsv). It is the user's path: one error line
// naming it, a hint, exit 1, whichever option gave it.
TEST(HostilePath, a_path_the_system_refuses_is_a_user_error_not_an_internal_one) {
    const std::string long_name = std::string(300, 'a') + ".vcf";
    for (const auto& args : std::vector<std::vector<std::string>>{{"annotate", "-g", "GRCh38", long_name},
                                                                  {"annotate", "-g", "GRCh38", "--sv", long_name},
                                                                  {"annotate", "-g", "GRCh38", "--cnv", long_name}}) {
        SCOPED_TRACE(args[args.size() - 2]);
        auto r = run_rvanno(RVANNO_TESTDATA, args);
        EXPECT_EQ(r.exit_code, 1) << r.err;
        EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("rvanno: error: "), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(long_name + "'"), std::string::npos) << "names the path: " << r.err;
        EXPECT_NE(r.err.find("rvanno: hint: "), std::string::npos) << r.err;
        EXPECT_TRUE(r.out.empty());
    }
}

}  // namespace
