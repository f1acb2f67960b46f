// Text in outputs (docs/output.md, "Text in outputs"): input bytes that are not UTF-8 or are
// control characters never break an output. JSON gets U+FFFD and counts the replacements in
// its provenance; every TSV field escapes \ tab LF CR and other control bytes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/cli_run.hpp"
#include "support/temp_dir.hpp"
#include "support/utf8.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;
using Json = nlohmann::json;

namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

fs::path case_dir(const std::string& name) { return fs::path(RVANNO_TESTDATA) / "cases" / "annotate" / name; }

// A copy of the shipped knowledge base with `bytes` inserted into the notes of the
// ALK-G1202R-crizotinib-1 row (the alk_compound case matches it).
fs::path knowledge_base_with(const TempDir& dir, const std::string& bytes) {
    const auto db = dir.path() / "db";
    fs::copy(RVANNO_DB, db, fs::copy_options::recursive);
    const auto file = db / "knowledge" / "alk.tsv";
    std::string text = slurp(file);
    const std::string anchor = "\tKatayama 2012: CIViC EID1357";
    const auto at = text.find(anchor);
    if (at == std::string::npos) return {};
    text.insert(at + 1 + 8, bytes);  // after "Katayama"
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    return db;
}

void expect_rows_intact(const std::string& tsv) {
    EXPECT_EQ(tsv.find('\r'), std::string::npos);
    std::size_t columns = 0;
    for (const auto& line : lines(tsv)) {
        if (line.rfind("##", 0) == 0) continue;
        // compare's TSV has blocks, each with its own header line starting "section"
        if (columns == 0 || line.rfind("section\t", 0) == 0) columns = cells(line).size();
        EXPECT_EQ(cells(line).size(), columns) << line;
    }
}

}  // namespace

// Why: nlohmann::json refuses to dump invalid UTF-8 (type_error 316); a Latin-1 byte in
// the knowledge base's text made `-f json` fail with "internal error" and write nothing. Since
// issue 11 the loader refuses such a cell at its file:line (as `db check` does), so no report
// ever carries it; the writers' replacement stays for the other texts (next test).
TEST(OutputText, invalid_utf8_in_knowledge_base_text_is_refused_at_its_file_and_line) {
    TempDir dir("kb_utf8");
    const auto db = knowledge_base_with(dir, "\xE9\xFF");
    ASSERT_FALSE(db.empty()) << "the anchor row of alk.tsv moved; update this test";
    auto r = run_rvanno(case_dir("alk_compound"),
                        {"annotate", "-q", "-g", "GRCh38", "--db", db.string(), "-f", "json", "input.vcf"});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(r.err.find("knowledge/alk.tsv:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("is not valid UTF-8"), std::string::npos) << r.err;
    auto check = run_rvanno(case_dir("alk_compound"), {"db", "check", db.string()});
    EXPECT_EQ(check.exit_code, 1);
    EXPECT_NE(check.out.find("is not valid UTF-8"), std::string::npos) << check.out;
}

// Why: the command line (here an output path) is stamped into the provenance; a byte that is
// not UTF-8 in it must not make the JSON unwritable.
TEST(OutputText, invalid_utf8_in_the_command_line_is_replaced_and_counted_in_json) {
    TempDir dir("cmd_utf8");
    const std::string out = dir.file("report\xFF.json");
    auto r =
        run_rvanno(case_dir("alk_compound"), {"annotate", "-q", "-g", "GRCh38", "-f", "json", "-o", out, "input.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string text = slurp(out);
    ASSERT_TRUE(is_valid_utf8(text));
    const Json j = Json::parse(text);
    EXPECT_EQ(j["provenance"]["replaced_invalid_utf8"].get<int>(), 1);
    EXPECT_NE(j["provenance"]["command"].get<std::string>().find("report" + kReplacement + ".json"), std::string::npos);
}

// Why: inputs without such bytes keep their JSON exactly as before: no counter at all.
TEST(OutputText, valid_input_has_no_replacement_counter) {
    auto r = run_rvanno(case_dir("alk_compound"), {"annotate", "-q", "-g", "GRCh38", "-f", "json", "input.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(Json::parse(r.out)["provenance"].contains("replaced_invalid_utf8"));
}

// Why: a CR or tab in knowledge-base text was written raw into the TSV, gene and verdict
// tables, splitting the row.
TEST(OutputText, control_bytes_in_knowledge_base_text_are_escaped_in_tsv) {
    TempDir dir("kb_cr");
    const auto db = knowledge_base_with(dir, "\r\\\x01");
    ASSERT_FALSE(db.empty());
    auto r = run_rvanno(case_dir("alk_compound"), {"annotate", "-q", "-g", "GRCh38", "--db", db.string(), "input.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expect_rows_intact(r.out);
    EXPECT_NE(r.out.find("Katayama\\r\\\\\\x01 2012"), std::string::npos);
}

// Why: batch writes the sample names into the cohort tables' header and provenance; a CR
// in a sample column name split the header row for universal-newline readers.
TEST(OutputText, control_bytes_in_batch_sample_names_are_escaped_in_cohort_tables) {
    TempDir dir("batch_cr");
    std::string vcf = slurp(fs::path(RVANNO_TESTDATA) / "cases" / "batch" / "multi_vcf" / "cohort.vcf");
    const auto at = vcf.find("\tP2");
    ASSERT_NE(at, std::string::npos);
    vcf.replace(at, 3, "\tP\r2\x1b");
    std::ofstream(dir.file("cohort.vcf"), std::ios::binary) << vcf;
    auto r = run_rvanno(dir.path(), {"batch", "-q", "-o", "out", "cohort.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* table : {"cohort_alterations.tsv", "cohort_verdicts.tsv"}) {
        const std::string text = slurp(dir.path() / "out" / table);
        expect_rows_intact(text);
        EXPECT_NE(text.find("\tP\\r2\\x1B"), std::string::npos) << table;
    }
}

// Why: compare writes both samples' names into its TSV provenance and its JSON.
TEST(OutputText, compare_escapes_tsv_and_repairs_json) {
    TempDir dir("compare_bytes");
    std::string vcf = slurp(case_dir("alk_compound") / "input.vcf");
    const auto at = vcf.find("#CHROM");
    ASSERT_NE(at, std::string::npos);
    const auto eol = vcf.find('\n', at);
    const auto tab = vcf.rfind('\t', eol);
    vcf.replace(tab + 1, eol - tab - 1, "T\r\xFF");
    std::ofstream(dir.file("b.vcf"), std::ios::binary) << vcf;
    fs::copy_file(case_dir("alk_compound") / "input.vcf", dir.path() / "p.vcf");
    auto tsv = run_rvanno(dir.path(), {"compare", "-q", "-g", "GRCh38", "b.vcf", "p.vcf"});
    ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
    expect_rows_intact(tsv.out);
    EXPECT_NE(tsv.out.find("##baseline_sample=T\\r\xFF\n"), std::string::npos);
    auto json = run_rvanno(dir.path(), {"compare", "-q", "-g", "GRCh38", "-f", "json", "b.vcf", "p.vcf"});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    ASSERT_TRUE(is_valid_utf8(json.out));
    const Json j = Json::parse(json.out);
    EXPECT_GE(j["baseline"]["provenance"]["replaced_invalid_utf8"].get<int>(), 1);
}

// Why: the command line is stamped into the annotated VCF's header as ##rvanno_command=; a
// newline in an argument (here the -o path) ended that header line, and --output-vcf failed
// with "internal error: ... is not a ##key=value header line".
TEST(OutputText, newline_in_the_command_line_is_escaped_in_the_vcf_header) {
    TempDir dir("vcf_header");
    auto r = run_rvanno(case_dir("alk_compound"), {"annotate", "-q", "-g", "GRCh38", "-o", dir.file("a\nb.tsv"),
                                                   "--output-vcf", dir.file("out.vcf"), "input.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string vcf = slurp(dir.path() / "out.vcf");
    EXPECT_NE(vcf.find("a\\nb.tsv' --output-vcf"), std::string::npos);
    for (const auto& line : lines(vcf)) EXPECT_TRUE(line.rfind("#", 0) == 0 || line.rfind("chr", 0) == 0) << line;
}

// Why: the issue's own case: a CR in a sample sheet's sample id went raw into the cohort
// tables' header row and the sample report's '##sample=' line.
TEST(OutputText, cr_in_a_sample_sheet_id_is_escaped) {
    TempDir dir("sheet_cr");
    fs::copy(fs::path(RVANNO_TESTDATA) / "cases" / "batch" / "sheet", dir.path() / "sheet");
    const auto sheet = dir.path() / "sheet" / "samples.tsv";
    std::string text = slurp(sheet);
    const auto at = text.find("\nS1\t");
    ASSERT_NE(at, std::string::npos);
    text.replace(at + 1, 2, "S\r1");
    std::ofstream(sheet, std::ios::binary | std::ios::trunc) << text;
    auto r =
        run_rvanno(dir.path() / "sheet", {"batch", "-q", "-g", "GRCh38", "--sample-sheet", "samples.tsv", "-o", "out"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    int with_id = 0;  // both cohort tables and the sample's own report
    for (const auto& e : fs::directory_iterator(dir.path() / "sheet" / "out")) {
        const std::string out = slurp(e.path());
        expect_rows_intact(out);
        with_id += out.find("S\\r1") != std::string::npos ? 1 : 0;
    }
    EXPECT_EQ(with_id, 3);
}
