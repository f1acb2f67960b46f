// End-to-end behaviours of `rvanno annotate` and `rvanno db` that are not one golden case:
// determinism, build equivalence, input forms, output safety, errors, and real third-party files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "support/cli_run.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;

namespace {

const fs::path kCases = fs::path(RVANNO_TESTDATA) / "cases" / "annotate";
const std::vector<std::string> kKeyColumns = {"gene", "hgvs_c", "protein_change", "match", "kb_id", "drug", "effect"};

fs::path fresh_dir(const std::string& name) {
    auto d = fs::temp_directory_path() / ("rvanno_bt_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

bool have(const char* tool) {
    return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

// Why: the same input must give byte-identical output, run after run, in both formats.
TEST(Annotate, output_is_byte_identical_across_runs) {
    for (const char* fmt : {"tsv", "json"}) {
        auto a = run_rvanno(kCases / "alk_compound", {"annotate", "-f", fmt, "input.vcf"});
        auto b = run_rvanno(kCases / "alk_compound", {"annotate", "-f", fmt, "input.vcf"});
        ASSERT_EQ(a.exit_code, 0) << a.err;
        EXPECT_EQ(a.out, b.out) << fmt;
        EXPECT_FALSE(a.out.empty());
    }
}

// Why: a GRCh38 chr-style file and the same variants on GRCh37 numeric contigs must report the
// same genes, HGVS and knowledge rows (the build-equivalence requirement).
TEST(Annotate, grch38_chr_style_and_grch37_numeric_give_the_same_rows) {
    auto a = run_rvanno(kCases / "index_case", {"annotate", "--include-filtered", "input.vcf"});
    auto b = run_rvanno(kCases / "index_case_grch37", {"annotate", "--include-filtered", "input.vcf"});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    ASSERT_EQ(b.exit_code, 0) << b.err;
    auto pa = project(a.out, kKeyColumns), pb = project(b.out, kKeyColumns);
    EXPECT_GT(pa.size(), 10u);
    EXPECT_EQ(pa, pb);
    EXPECT_NE(a.out.find("##genome_build=GRCh38"), std::string::npos);
    EXPECT_NE(b.out.find("##genome_build=GRCh37"), std::string::npos);
}

// Why: provenance must be stamped on every output (version, KB version + hash, build, command).
TEST(Annotate, tsv_carries_provenance_and_research_use_notice) {
    auto r = run_rvanno(kCases / "index_case", {"annotate", "input.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* key :
         {"##rvanno_version=", "##knowledge_base_version=", "##knowledge_base_md5=", "##genome_build=GRCh38",
          "##command=rvanno annotate input.vcf", "##sample=TUMOR", "##notice=For research use only"})
        EXPECT_NE(r.out.find(key), std::string::npos) << key;
}

// Why: JSON is the workflow interface; its documented fields must be there with real values.
TEST(Annotate, json_has_the_documented_schema) {
    auto r = run_rvanno(kCases / "index_case", {"annotate", "-f", "json", "input.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["schema"], "rvanno-annotate/1");
    EXPECT_EQ(j["provenance"]["genome_build"]["name"], "GRCh38");
    EXPECT_EQ(j["provenance"]["knowledge_base"]["md5"].get<std::string>().size(), 32u);
    EXPECT_EQ(j["sample"], "TUMOR");
    EXPECT_EQ(j["counters"]["records"], 3);
    EXPECT_EQ(j["counters"]["records_filtered"], 1);
    ASSERT_EQ(j["findings"].size(), 1u);
    const auto& f = j["findings"][0];
    EXPECT_EQ(f["chrom"], "chr20");
    EXPECT_EQ(f["pos"], 50579927);
    EXPECT_EQ(f["consequence"]["hgvs_c"], "c.1088+1G>A");
    EXPECT_EQ(f["consequence"]["intron"], 8);
    EXPECT_TRUE(f["consequence"]["loss_of_function"].get<bool>());
    EXPECT_DOUBLE_EQ(f["vaf"].get<double>(), 0.475);
    EXPECT_EQ(f["depth"], 40);
    bool lof = false;
    for (const auto& m : f["matches"])
        lof |= m["how"] == "class:lof" && m["evidence_level"] == "E";  // one LoF allele: E (issue 9 part 4)
    EXPECT_TRUE(lof);
}

// Why: --sample picks the sample: the NORMAL column (GT 0/0, AF 0) does not carry the tumour's
// PTPN1 variant, so it must report no finding for it (not a finding at VAF 0); an unknown
// sample is an error naming the samples.
TEST(Annotate, sample_option_selects_the_reported_sample) {
    auto n = run_rvanno(kCases / "index_case", {"annotate", "-f", "json", "--sample", "NORMAL", "input.vcf"});
    ASSERT_EQ(n.exit_code, 0) << n.err;
    auto normal = nlohmann::json::parse(n.out);
    EXPECT_TRUE(normal["findings"].empty());
    EXPECT_EQ(normal["counters"]["alleles_not_carried_by_sample"], 1);
    auto t = run_rvanno(kCases / "index_case", {"annotate", "-f", "json", "--sample", "TUMOR", "input.vcf"});
    EXPECT_DOUBLE_EQ(nlohmann::json::parse(t.out)["findings"][0]["vaf"].get<double>(), 0.475);
    auto bad = run_rvanno(kCases / "index_case", {"annotate", "--sample", "BLOOD", "input.vcf"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("the samples are: NORMAL, TUMOR"), std::string::npos) << bad.err;
}

// Why: the same records as BCF, VCF.gz and on stdin must give the same rows as plain VCF.
TEST(Annotate, bcf_vcfgz_and_stdin_inputs_give_the_same_rows) {
    if (!have("bcftools")) GTEST_SKIP() << "bcftools not installed (scripts/install-deps.sh installs it)";
    auto dir = fresh_dir("forms");
    auto in = (kCases / "alk_compound" / "input.vcf").string();
    ASSERT_EQ(std::system(("bcftools view -Ob -o " + (dir / "in.bcf").string() + " " + in).c_str()), 0);
    ASSERT_EQ(std::system(("bcftools view -Oz -o " + (dir / "in.vcf.gz").string() + " " + in).c_str()), 0);
    auto plain = run_rvanno(kCases / "alk_compound", {"annotate", "input.vcf"});
    auto want = project(plain.out, kKeyColumns);
    ASSERT_GT(want.size(), 5u);
    for (const auto& f : {"in.bcf", "in.vcf.gz"}) {
        auto r = run_rvanno(dir, {"annotate", f});
        EXPECT_EQ(r.exit_code, 0) << f << r.err;
        EXPECT_EQ(project(r.out, kKeyColumns), want) << f;
    }
    auto s = run_rvanno(dir, {"annotate", "-"}, (dir / "in.bcf").string());
    EXPECT_EQ(s.exit_code, 0) << s.err;
    EXPECT_EQ(project(s.out, kKeyColumns), want);
    fs::remove_all(dir);
}

// Why: a failed run must never leave a partial (or temporary) output file behind.
TEST(Annotate, failed_run_leaves_no_output_file) {
    auto dir = fresh_dir("partial");
    // Truncated at the end: the error comes after every record was read (testdata/cases/annotate/truncated_bgzf).
    fs::copy_file(kCases / "truncated_bgzf" / "input.vcf.gz", dir / "input.vcf.gz");
    auto r = run_rvanno(dir, {"annotate", "-o", "out.tsv", "input.vcf.gz"});
    EXPECT_EQ(r.exit_code, 1);
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(dir)) left.push_back(e.path().filename().string());
    EXPECT_EQ(left, std::vector<std::string>{"input.vcf.gz"});
    fs::remove_all(dir);
}

// Why: -o writes the whole result to the file and nothing to stdout.
TEST(Annotate, output_option_writes_the_file) {
    auto dir = fresh_dir("out");
    fs::copy_file(kCases / "index_case" / "input.vcf", dir / "input.vcf");
    auto r = run_rvanno(dir, {"annotate", "-f", "json", "-o", "out.json", "input.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(nlohmann::json::parse(slurp(dir / "out.json"))["findings"].size(), 1u);
    fs::remove_all(dir);
}

// Why: usage errors exit 2, input/runtime errors exit 1, each with an error line and a hint.
TEST(Annotate, exit_codes_distinguish_usage_and_input_errors) {
    struct C {
        std::vector<std::string> args;
        int code;
        const char* text;
    };
    const std::vector<C> cases = {
        {{"annotate"}, 2, "annotate: no input"},
        {{"annotate", "--bogus", "input.vcf"}, 2, "unrecognised option '--bogus'"},
        {{"annotate", "-f", "xml", "input.vcf"}, 2, "unknown --format 'xml'"},
        {{"annotate", "-g", "hg18", "input.vcf"}, 2, "unknown --genome 'hg18'"},
        {{"frobnicate"}, 2, "unknown command 'frobnicate'"},
        {{"annotate", "missing.vcf"}, 1, "cannot open 'missing.vcf'"},
        {{"annotate", "readme"}, 1, "is not a VCF or BCF file"},
    };
    for (const auto& c : cases) {
        auto r = run_rvanno(kCases / "index_case", c.args);
        EXPECT_EQ(r.exit_code, c.code) << c.text << "\n" << r.err;
        EXPECT_NE(r.err.find(c.text), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("rvanno: hint: "), std::string::npos) << r.err;
    }
}

// Why: without ##contig lengths or ##reference the build cannot be guessed; say how to fix it.
TEST(Annotate, undecidable_build_asks_for_genome_option) {
    auto dir = fresh_dir("nobuild");
    std::ofstream(dir / "in.vcf")
        << "##fileformat=VCFv4.2\n##contig=<ID=chr2>\n"
           "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nchr2\t29220747\t.\tC\tT\t.\tPASS\t.\n";
    auto r = run_rvanno(dir, {"annotate", "in.vcf"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("give --genome GRCh38 or --genome GRCh37"), std::string::npos) << r.err;
    auto ok = run_rvanno(dir, {"annotate", "-g", "GRCh38", "in.vcf"});
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_NE(ok.out.find("ALK-G1202R-crizotinib-1"), std::string::npos);
    fs::remove_all(dir);
}

// Why: help text is the specification: the binary prints it on stdout with exit 0, with a usage
// line and an Example section. That every option is listed with its [default] is checked
// against the option tables in tests/unit/cli/help_table_test.cpp.
TEST(Help, every_command_has_usage_and_example) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--help"}, {"annotate", "--help"}, {"compare", "--help"}, {"batch", "--help"}, {"db", "--help"}}) {
        auto r = run_rvanno(kCases, args);
        EXPECT_EQ(r.exit_code, 0);
        EXPECT_NE(r.out.find("Usage: rvanno"), std::string::npos);
        if (args.size() > 1) { EXPECT_NE(r.out.find("Example:"), std::string::npos) << args[0]; }
    }
    auto a = run_rvanno(kCases, {"annotate", "--help"});
    for (const char* group : {"Input:", "Copy number:", "Sample context:", "Knowledge base:", "Output:", "General:"})
        EXPECT_NE(a.out.find(group), std::string::npos) << group;
}

// Why: --version names rvanno, HTSlib and the knowledge base, for bug reports.
TEST(Version, names_rvanno_htslib_and_knowledge_base) {
    auto r = run_rvanno(kCases, {"--version"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("rvanno 0."), std::string::npos);
    EXPECT_NE(r.out.find("HTSlib 1."), std::string::npos);
    EXPECT_NE(r.out.find("knowledge base 20"), std::string::npos) << r.out;
}

// Why: the shipped knowledge base must pass its own check.
TEST(DbCheck, shipped_knowledge_base_passes) {
    auto r = run_rvanno(kCases, {"db", "check", RVANNO_DB});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("every row cited"), std::string::npos);
}

// Why: a broken row must be reported as file:line, and every problem listed, not just the first.
TEST(DbCheck, broken_rows_are_listed_with_file_and_line) {
    auto dir = fresh_dir("brokendb");
    fs::copy(RVANNO_DB, dir / "db", fs::copy_options::recursive);
    std::ofstream(dir / "db" / "knowledge" / "zz_broken.tsv")
        << "id\tgene\tkind\talteration\thgvs_c\trequires\tdrugs\teffect\tevidence_"
           "level\tdisease\tmechanism\tcitations\tstatus\tnotes\n"
        << "X-1\tALK\thgvs_p\tp.G1202R\t\t\tcrizotinib\tresistent\tD\tNSCLC\ton_target\tPMID:22277784\tverified\t\n"
        << "X-2\tALK\thgvs_p\tp.G1202R\t\t\tcrizotinib\tresistance\tD\tNSCLC\ton_target\t\tverified\t\n"
        << "X-3\tALK\thgvs_p\tp.G1202R\t\t\tnotadrug\tresistance\tD\tNSCLC\ton_target\tPMID:22277784\tverified\t\n"
        << "X-4\tNOTAGENE\tlof\t\t\t\tcrizotinib\tresistance\tD\tNSCLC\ton_target\tPMID:22277784\tverified\t\n";
    auto r = run_rvanno(dir, {"db", "check", "db"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find("zz_broken.tsv:2: unknown effect 'resistent'"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("zz_broken.tsv:3: row is not cited"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("zz_broken.tsv:4: unknown drug 'notadrug'"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("zz_broken.tsv:5: gene 'NOTAGENE' is not in genes.txt"), std::string::npos) << r.out;
    auto a = run_rvanno(dir, {"annotate", "-d", "db", (kCases / "index_case" / "input.vcf").string()});
    EXPECT_EQ(a.exit_code, 1);
    EXPECT_NE(a.err.find("zz_broken.tsv:2:"), std::string::npos) << a.err;
    fs::remove_all(dir);
}

// Why: `rvanno db index` checks the tables as a run does: a knowledge base with a bad row gets no
// index (the error names the row, the exit is 1, no file is left); a good one gets its index,
// which the next run reads, with the same report as without it.
TEST(DbIndex, writes_the_index_only_for_a_knowledge_base_that_loads) {
    auto dir = fresh_dir("indexdb");
    fs::copy(RVANNO_DB, dir / "db", fs::copy_options::recursive);
    const std::string vcf = (kCases / "index_case" / "input.vcf").string();
    auto plain = run_rvanno(dir, {"annotate", "-d", "db", vcf});
    ASSERT_EQ(plain.exit_code, 0) << plain.err;

    auto r = run_rvanno(dir, {"db", "index", "db"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("wrote db/knowledge.index: "), std::string::npos) << r.out;
    EXPECT_TRUE(fs::exists(dir / "db" / "knowledge.index"));
    auto indexed = run_rvanno(dir, {"annotate", "-d", "db", vcf});
    EXPECT_EQ(indexed.exit_code, 0) << indexed.err;
    EXPECT_EQ(indexed.err, plain.err) << "no warning: the index fits";
    EXPECT_EQ(indexed.out, plain.out);

    fs::remove(dir / "db" / "knowledge.index");
    std::ofstream(dir / "db" / "knowledge" / "zz_broken.tsv")
        << "id\tgene\tkind\talteration\thgvs_c\trequires\tdrugs\teffect\tevidence_"
           "level\tdisease\tmechanism\tcitations\tstatus\tnotes\n"
        << "X-1\tALK\thgvs_p\tp.G1202R\t\t\tcrizotinib\tresistent\tD\tNSCLC\ton_target\tPMID:22277784\tverified\t\n";
    auto bad = run_rvanno(dir, {"db", "index", "db"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("zz_broken.tsv:2:"), std::string::npos) << bad.err;
    EXPECT_EQ(bad.out, "");
    for (const auto& f : fs::directory_iterator(dir / "db"))
        EXPECT_EQ(f.path().filename().string().find("knowledge.index"), std::string::npos) << f.path();
    fs::remove_all(dir);
}

// Why: real third-party files must read cleanly. CIViC's own GRCh37 VCF (no ##contig lines;
// build from ##reference) holds ALK G1202R at 2:29443613 C>T, which must match its rows.
TEST(RealFiles, civic_grch37_vcf_reads_and_matches) {
    auto civic =
        fs::path(RVANNO_SHARED_DATA) / "civic/2024-08-01_via_rk-izak-DATA72000-IBE/01-Aug-2024-civic_accepted.vcf.gz";
    if (!fs::exists(civic)) GTEST_SKIP() << "../shared is absent";
    auto r = run_rvanno(kCases, {"annotate", civic.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("##genome_build=GRCh37"), std::string::npos);
    EXPECT_NE(r.out.find("2\t29443613\tC\tT"), std::string::npos);
    EXPECT_NE(r.out.find("ALK-G1202R-lorlatinib-"), std::string::npos);
    EXPECT_NE(r.err.find("804 records"), std::string::npos) << r.err;
}

// Why: SV and CNV VCFs from real callers (Delly, CNVkit) are all symbolic or outside the genes:
// they must be read through without a crash or a false match.
TEST(RealFiles, delly_and_cnvkit_vcfs_read_without_matches) {
    auto delly = fs::path(RVANNO_SHARED_DATA) / "formats/sv/test_delly.vcf";
    auto cnvkit = fs::path(RVANNO_SHARED_DATA) / "formats/cnvkit/tr95t.cnvkit.vcf";
    if (!fs::exists(delly)) GTEST_SKIP() << "../shared is absent";
    for (const auto& f : {delly, cnvkit}) {
        auto r = run_rvanno(kCases, {"annotate", "-g", "GRCh37", "-f", "json", f.string()});
        ASSERT_EQ(r.exit_code, 0) << f << r.err;
        EXPECT_TRUE(nlohmann::json::parse(r.out)["findings"].empty()) << f;
    }
}

}  // namespace

namespace {

// Why: after `cmake --install` the bundled knowledge base must be found without any flag,
// from wherever the installed binary is (relocatable prefix).
TEST(Install, installed_binary_finds_its_knowledge_base) {
    auto prefix = fresh_dir("install");
    std::string cmd = "cmake --install " + shell_quote(RVANNO_BUILD_DIR) + " --prefix " + shell_quote(prefix.string()) +
                      " >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    auto moved = fresh_dir("install_moved");
    fs::remove(moved);
    fs::rename(prefix, moved);  // relocate: the compiled-in prefix no longer exists
    auto r = std::system(("cd / && env -u RVANNO_DB " + shell_quote((moved / "bin" / "rvanno").string()) +
                          " db check > " + shell_quote((moved / "check.txt").string()) + " 2>&1")
                             .c_str());
    EXPECT_EQ(r, 0) << slurp(moved / "check.txt");
    EXPECT_NE(slurp(moved / "check.txt").find((moved / "share/rvanno/db").string()), std::string::npos)
        << slurp(moved / "check.txt");
    fs::remove_all(moved);
}

}  // namespace
