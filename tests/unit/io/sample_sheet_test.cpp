// The sample sheet of `rvanno batch` (src/io/sample_sheet.cpp), its output file names, and the
// shared context options (src/cli/context_options.cpp) that the sheet's cells go through.
#include "io/sample_sheet.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/context_options.hpp"
#include "knowledge/knowledge_base.hpp"
#include "rvanno/error.hpp"
#include "rvanno/knowledge.hpp"

namespace fs = std::filesystem;
using namespace rvanno;
using namespace rvanno::cli;

namespace {

const fs::path kBatch = fs::path(RVANNO_TESTDATA) / "batch";
const fs::path kSheet = fs::path(RVANNO_TESTDATA) / "cases" / "batch" / "sheet";

// The message of the UserError `f` throws, or "" when it throws none.
template <class F>
std::string error_of(F f) {
    try {
        f();
    } catch (const UserError& e) { return e.what(); }
    return "";
}

const KnowledgeBase& kb() {
    static const KnowledgeBase k = load_knowledge_base(RVANNO_DB);
    return k;
}

}  // namespace

// Why: the sheet is the batch's whole input; paths must resolve against the sheet's directory
// (not the working directory) and ','-lists must split.
TEST(SampleSheet, reads_rows_and_resolves_paths_against_the_sheet) {
    auto rows = read_sample_sheet(kSheet / "samples.tsv");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].sample, "S1");
    EXPECT_EQ(fs::path(rows[0].vcf), kSheet / "s1.vcf");
    ASSERT_EQ(rows[0].sv.size(), 1u);
    EXPECT_EQ(rows[0].therapy_history, "crizotinib,alectinib");
    EXPECT_EQ(rows[0].where, (kSheet / "samples.tsv").string() + ":3");
    EXPECT_EQ(rows[1].sample, "patient 2");
    EXPECT_TRUE(rows[1].vcf.empty());
    EXPECT_EQ(rows[1].drivers, std::vector<std::string>{"ALK fusion"});
    EXPECT_EQ(rows[2].vcf_sample, "TUMOR");
    EXPECT_EQ(rows[2].cnv.size(), 1u);
}

// Why: a missing column must be reported at the header's file:line, not as a crash later.
TEST(SampleSheet, missing_column_names_file_and_header_line) {
    auto msg = error_of([] { read_sample_sheet(kBatch / "bad_sheet" / "missing_column.tsv"); });
    EXPECT_NE(msg.find("missing_column.tsv:2: missing column 'sv'"), std::string::npos) << msg;
}

// Why: duplicate names would overwrite each other's reports; a missing file should stop the
// batch before the long pass, at the row that names it.
TEST(SampleSheet, duplicate_sample_and_missing_file_are_errors_at_their_row) {
    auto dup = error_of([] { read_sample_sheet(kBatch / "bad_sheet" / "duplicate_sample.tsv"); });
    EXPECT_NE(dup.find("duplicate_sample.tsv:3: sample 'S1' is also on"), std::string::npos) << dup;
    auto missing = error_of([] { read_sample_sheet(kBatch / "bad_sheet" / "missing_file.tsv"); });
    EXPECT_NE(missing.find("missing_file.tsv:3: file 'no_such.cns' does not exist"), std::string::npos) << missing;
}

// Why (found by fuzzing, testdata/fuzz/sample_sheet/crash-name_too_long.tsv): a file name over
// 255 bytes made std::filesystem::exists throw filesystem_error ("internal error" from main);
// it is the sheet's error, at the row that names it.
TEST(SampleSheet, a_name_the_file_system_refuses_is_an_error_at_its_row) {
    const fs::path sheet = fs::path(RVANNO_TESTDATA) / "fuzz" / "sample_sheet" / "crash-name_too_long.tsv";
    auto msg = error_of([&] { read_sample_sheet(sheet); });
    EXPECT_NE(msg.find("crash-name_too_long.tsv:2: file 'aaaa"), std::string::npos) << msg;
    EXPECT_NE(msg.find("' cannot be looked for: File name too long"), std::string::npos) << msg;
}

// Why: sample names come from users and VCF headers; file names must be safe and never
// collide, also on case-insensitive file systems and with the cohort tables.
TEST(SampleSheet, output_stems_are_safe_and_unique) {
    EXPECT_EQ(safe_file_stem("patient 2"), "patient_2");
    EXPECT_EQ(safe_file_stem("../etc/passwd"), "_._etc_passwd");
    EXPECT_EQ(safe_file_stem("-rf"), "_rf");
    EXPECT_EQ(safe_file_stem(""), "sample");
    EXPECT_EQ(safe_file_stem("S1.T-2_a"), "S1.T-2_a");
    EXPECT_EQ(output_stems({"a b", "c"}, {}), (std::vector<std::string>{"a_b", "c"}));
    auto msg = error_of([] { output_stems({"a b", "a/b"}, {}); });
    EXPECT_NE(msg.find("samples 'a b' and 'a/b' would both be written as 'a_b.*'"), std::string::npos) << msg;
    EXPECT_FALSE(error_of([] { output_stems({"Tumor", "tumor"}, {}); }).empty());
    EXPECT_FALSE(error_of([] {
                     output_stems({"cohort_verdicts"}, {"cohort_alterations", "cohort_verdicts"});
                 }).empty());
}

// Why: --driver accepts the documented forms, "<GENE> fusion", "<GENE> mutation" and "<GENE>
// <change or residue>"; everything else must be refused with the syntax as hint rather than
// silently ignored.
TEST(SampleContext, driver_syntax_is_the_documented_forms_only) {
    auto c = parse_sample_context(
        "nsclc", {"alk Fusion", "ALK fusion", "ROS1  fusion", "egfr Mutation", "EGFR L858R", "braf V600"}, "", kb());
    EXPECT_EQ(c.tumor_type, "NSCLC");
    EXPECT_EQ(c.declared_drivers,
              (std::vector<std::string>{"ALK fusion", "ROS1 fusion", "EGFR mutation", "EGFR L858R", "BRAF V600"}));
    for (const char* bad : {"EGFR exon19", "ALK", "fusion", "NOTAGENE fusion", "ALK fusion extra", "EGFR 858"}) {
        try {
            parse_sample_context("", {bad}, "", kb());
            ADD_FAILURE() << bad;
        } catch (const UsageError& e) {
            EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
            EXPECT_NE(e.hint().find("<GENE> fusion"), std::string::npos);
        }
    }
}

// Why: therapy history is matched by id, name or synonym, case-insensitively, kept in order as
// drug ids; a misspelt drug must stop the run naming the entry (exit 2) with a suggestion.
TEST(SampleContext, therapy_history_resolves_drugs_and_names_unknown_ones) {
    auto c = parse_sample_context("", {}, "Crizotinib, ALECENSA ,PF-06463922", kb());
    EXPECT_EQ(c.therapy_history, (std::vector<std::string>{"crizotinib", "alectinib", "lorlatinib"}));
    try {
        parse_sample_context("", {}, "crizotinib,alectnib", kb());
        ADD_FAILURE();
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("unknown drug 'alectnib'"), std::string::npos) << e.what();
        EXPECT_NE(e.hint().find("did you mean 'alectinib'"), std::string::npos) << e.hint();
    }
    EXPECT_THROW(parse_sample_context("", {}, "ALK_TKI", kb()), UsageError);  // a class
    EXPECT_THROW(parse_sample_context("", {}, "crizotinib,,alectinib", kb()), UsageError);
    EXPECT_THROW(parse_sample_context("NSCLC;IMT", {}, "", kb()), UsageError);
    EXPECT_TRUE(parse_sample_context("", {}, "  ", kb()).therapy_history.empty());
}

// Why: compare and batch share the threshold rules of annotate (defaults per mode, ordering).
TEST(SampleContext, cn_thresholds_defaults_and_order) {
    auto abs = make_cn_thresholds({}, "batch");
    EXPECT_DOUBLE_EQ(abs.amplification, 5.0);
    auto rel = make_cn_thresholds({"relative", std::nullopt, std::nullopt, std::nullopt, std::nullopt}, "batch");
    EXPECT_TRUE(rel.relative);
    EXPECT_DOUBLE_EQ(rel.amplification, 3.0);
    EXPECT_THROW(make_cn_thresholds({"absolute", 2.0, std::nullopt, std::nullopt, std::nullopt}, "batch"), UsageError);
    EXPECT_THROW(make_cn_thresholds({"percent", std::nullopt, std::nullopt, std::nullopt, std::nullopt}, "batch"),
                 UsageError);
}

// Why (issue 8): a multi-sample SEG, cBioPortal CNA or SV table in the sheet needs its sample
// as annotate's --cnv-sample/--sv-sample: the optional cnv_sample and sv_sample columns.
TEST(SampleSheet, cnv_sample_and_sv_sample_columns) {
    const fs::path dir = fs::temp_directory_path() / ("rvanno_sheet_samples_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "seg.seg") << "ID\tchrom\tloc.start\tloc.end\tnum.mark\tseg.mean\n";
    std::ofstream(dir / "sheet.tsv") << "sample\tvcf\tcnv\tsv\ttumor_type\tdriver\tcnv_sample\tsv_sample\n"
                                     << "P1\t\tseg.seg\t\t\t\tTR_01_T\t\n";
    const auto rows = read_sample_sheet(dir / "sheet.tsv");
    fs::remove_all(dir);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].cnv_sample, "TR_01_T");
    EXPECT_EQ(rows[0].sv_sample, "");
}
