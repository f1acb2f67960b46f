// Text in outputs (docs/output.md, "Text in outputs"): input bytes that are not UTF-8 never
// break an output. JSON gets U+FFFD and counts the replacements in its provenance.
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

}  // namespace

// Why: nlohmann::json refuses to dump invalid UTF-8 (type_error 316); a Latin-1 byte in
// the knowledge base's text made `-f json` fail with "internal error" and write nothing.
TEST(OutputText, invalid_utf8_in_knowledge_base_text_is_replaced_and_counted_in_json) {
    TempDir dir("kb_utf8");
    const auto db = knowledge_base_with(dir, "\xE9\xFF");
    ASSERT_FALSE(db.empty()) << "the anchor row of alk.tsv moved; update this test";
    auto r = run_rvanno(case_dir("alk_compound"), {"annotate", "-q", "-g", "GRCh38", "--db", db.string(), "-f", "json", "input.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_TRUE(is_valid_utf8(r.out));
    const Json j = Json::parse(r.out);
    EXPECT_GE(j["provenance"]["replaced_invalid_utf8"].get<int>(), 1);
    EXPECT_NE(r.out.find("Katayama" + kReplacement + kReplacement + " 2012"), std::string::npos);
}

// Why: the command line (here an output path) is stamped into the provenance; a byte that is
// not UTF-8 in it must not make the JSON unwritable.
TEST(OutputText, invalid_utf8_in_the_command_line_is_replaced_and_counted_in_json) {
    TempDir dir("cmd_utf8");
    const std::string out = dir.file("report\xFF.json");
    auto r = run_rvanno(case_dir("alk_compound"), {"annotate", "-q", "-g", "GRCh38", "-f", "json", "-o", out, "input.vcf"});
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
