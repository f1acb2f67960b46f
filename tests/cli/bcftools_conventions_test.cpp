// bcftools habits (issue 8): output type from the file name, -O as bcftools has it, -r/-R
// through the index. Each test says why; each was a wrong file with exit 0 before.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "support/cli_run.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"
#include "support/tsv.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;

namespace {

const fs::path kCases = fs::path(RVANNO_TESTDATA) / "cases" / "annotate";
const fs::path kIndexVcf = kCases / "index_case" / "input.vcf";
const fs::path kRealVcf =
    fs::path(RVANNO_SHARED_DATA) / "formats" / "somatic_vcf" / "gpgr.SEQCII_50pc.purple.somatic.vcf.gz";
const std::vector<std::string> kRowColumns = {"chrom", "pos", "gene", "hgvs_c", "match", "kb_id", "drug", "effect"};

bool have(const char* tool) {
    return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

int sh(const std::string& cmd) { return std::system(cmd.c_str()); }

std::string capture(const std::string& cmd) {
    std::string out;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
        ::pclose(p);
    }
    return out;
}

bool gzip_magic(const std::string& path) {
    auto s = slurp(path);
    return s.size() > 4 && static_cast<unsigned char>(s[0]) == 0x1f && static_cast<unsigned char>(s[1]) == 0x8b;
}

// The first bytes after decompression (or as is): "##fileformat" for VCF, "BCF\2" for BCF.
std::string content_head(const std::string& path) { return capture("gzip -dcf " + shell_quote(path) + " | head -c 4"); }

std::vector<std::string> data_lines(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& l : lines(text))
        if (!l.empty() && l[0] != '#') out.push_back(l);
    return out;
}

// The data lines of any VCF/BCF, as bcftools prints them.
std::vector<std::string> records(const std::string& path) {
    return data_lines(capture("bcftools view -H " + shell_quote(path)));
}

std::vector<std::string> records_of_view(const std::string& regions, const std::string& path) {
    return data_lines(capture("bcftools view -H -r " + regions + " " + shell_quote(path)));
}

// A bgzipped, indexed copy of `vcf` in `dir` ("csi" via bcftools index, or "tbi" via tabix).
std::string indexed_copy(const TempDir& dir, const fs::path& vcf, const std::string& name, const std::string& index) {
    const std::string out = dir.file(name);
    const bool gz = vcf.extension() == ".gz";
    EXPECT_EQ(sh((gz ? "cp " + shell_quote(vcf.string()) + " " : "bgzip -c " + shell_quote(vcf.string()) + " > ") +
                 shell_quote(out)),
              0);
    EXPECT_EQ(sh(index == "tbi" ? "tabix -p vcf " + shell_quote(out) : "bcftools index " + shell_quote(out)), 0);
    return out;
}

bool have_tools() { return have("bcftools") && have("bgzip") && have("tabix"); }

}  // namespace

// ---- 1. The output type follows the file name ----

// Why: `--output-vcf x.vcf.gz` wrote plain text into a .gz name; bcftools 1.16 types by name.
TEST(OutputType, vcf_output_type_follows_the_file_name) {
    TempDir dir("type_by_name");
    for (const auto& [name, compressed, head] :
         std::vector<std::tuple<std::string, bool, std::string>>{{"a.vcf.gz", true, "##fi"},
                                                                 {"a.vcf.bgz", true, "##fi"},
                                                                 {"a.bcf", true, "BCF\2"},
                                                                 {"a.vcf", false, "##fi"}}) {
        auto r = run_rvanno(dir.path(), {"annotate", "-q", "--output-vcf", name, kIndexVcf.string()});
        ASSERT_EQ(r.exit_code, 0) << name << r.err;
        EXPECT_EQ(gzip_magic(dir.file(name)), compressed) << name;
        EXPECT_EQ(content_head(dir.file(name)), head) << name;
        if (have("bcftools")) { EXPECT_EQ(records(dir.file(name)).size(), 3u) << name; }
    }
}

// Why: -O u is bcftools' uncompressed BCF; z and b take a level as in bcftools (-Oz9).
TEST(OutputType, bcftools_types_u_and_levels_are_accepted) {
    TempDir dir("type_u");
    auto u = run_rvanno(dir.path(), {"annotate", "-q", "-O", "u", "--output-vcf", "u.bcf", kIndexVcf.string()});
    ASSERT_EQ(u.exit_code, 0) << u.err;
    EXPECT_FALSE(gzip_magic(dir.file("u.bcf")));
    EXPECT_EQ(slurp(dir.file("u.bcf")).substr(0, 4), std::string("BCF\2"));
    auto z9 = run_rvanno(dir.path(), {"annotate", "-q", "-Oz9", "--output-vcf", "z.vcf.gz", kIndexVcf.string()});
    ASSERT_EQ(z9.exit_code, 0) << z9.err;
    EXPECT_TRUE(gzip_magic(dir.file("z.vcf.gz")));
    // A name without a VCF extension takes -O as given, and v without -O.
    auto any = run_rvanno(dir.path(), {"annotate", "-q", "-Oz", "--output-vcf", "annotated.out", kIndexVcf.string()});
    ASSERT_EQ(any.exit_code, 0) << any.err;
    EXPECT_TRUE(gzip_magic(dir.file("annotated.out")));
    if (have("bcftools")) {
        EXPECT_EQ(records(dir.file("u.bcf")), records(dir.file("z.vcf.gz")));
        EXPECT_EQ(records(dir.file("u.bcf")), records(dir.file("annotated.out")));
    }
}

// Why: bcftools 1.16 silently lets the name win over -O; a contradiction is a mistake to show.
TEST(OutputType, o_type_contradicting_the_name_is_refused) {
    TempDir dir("type_contradiction");
    for (const auto& [type, name] : std::vector<std::pair<std::string, std::string>>{
             {"z", "a.vcf"}, {"v", "a.vcf.gz"}, {"b", "a.vcf.gz"}, {"u", "a.vcf"}, {"z", "a.bcf"}, {"v", "a.bcf"}}) {
        auto r = run_rvanno(dir.path(), {"annotate", "-O", type, "--output-vcf", name, kIndexVcf.string()});
        EXPECT_EQ(r.exit_code, 2) << type << " " << name;
        EXPECT_NE(r.err.find("contradicts the name '" + name + "'"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("hint: leave -O out"), std::string::npos) << r.err;
    }
    EXPECT_TRUE(dir.entries().empty());
}

// Why: -O letters outside bcftools' set, or a level on an uncompressed type, cannot apply.
TEST(OutputType, unknown_o_types_are_refused) {
    TempDir dir("type_unknown");
    for (const std::string type : {"x", "vz", "v3", "u1", "zz", ""}) {
        auto r = run_rvanno(dir.path(), {"annotate", "-O", type, "--output-vcf", "a.out", kIndexVcf.string()});
        EXPECT_EQ(r.exit_code, 2) << "'" << type << "' " << r.err;
    }
    EXPECT_TRUE(dir.entries().empty());
}

// Why: `-Oz -o out.vcf.gz` (a bcftools habit) wrote a TSV report into out.vcf.gz with exit 0.
TEST(OutputType, report_is_never_written_to_a_vcf_or_compressed_name) {
    TempDir dir("report_name");
    for (const std::string name : {"out.vcf.gz", "out.vcf", "out.bcf", "out.vcf.bgz", "OUT.VCF.GZ"}) {
        for (const std::string fmt : {"tsv", "json", "html"}) {
            auto r = run_rvanno(dir.path(), {"annotate", "-f", fmt, "-o", name, kIndexVcf.string()});
            EXPECT_EQ(r.exit_code, 2) << name << " " << fmt;
            EXPECT_NE(r.err.find("--output-vcf " + name), std::string::npos) << r.err;
            EXPECT_NE(r.err.find("-f vcf -o " + name), std::string::npos) << r.err;
        }
    }
    auto habit = run_rvanno(dir.path(), {"annotate", "-Oz", "-o", "out.vcf.gz", kIndexVcf.string()});
    EXPECT_EQ(habit.exit_code, 2);
    auto gz = run_rvanno(dir.path(), {"annotate", "-o", "report.tsv.gz", kIndexVcf.string()});
    EXPECT_EQ(gz.exit_code, 2);
    EXPECT_NE(gz.err.find("bgzip > report.tsv.gz"), std::string::npos) << gz.err;
    auto cmp = run_rvanno(dir.path(), {"compare", "-o", "c.vcf.gz", kIndexVcf.string(), kIndexVcf.string()});
    EXPECT_EQ(cmp.exit_code, 2) << cmp.err;
    EXPECT_TRUE(dir.entries().empty());
}

// Why: -O used to be ignored without --output-vcf: the report went out and the user's VCF never did.
TEST(OutputType, o_without_a_vcf_output_is_refused) {
    TempDir dir("type_without_vcf");
    auto r = run_rvanno(dir.path(), {"annotate", "-Oz", "-o", "report.tsv", kIndexVcf.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("applies to the annotated VCF, and none is written"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--output-vcf FILE"), std::string::npos) << r.err;
    EXPECT_TRUE(dir.entries().empty());
}

// Why: a bcftools user who wants the VCF alone says -f vcf -o NAME; it is the --output-vcf file.
TEST(OutputType, format_vcf_makes_o_the_annotated_vcf) {
    TempDir dir("format_vcf");
    auto a = run_rvanno(dir.path(), {"annotate", "-q", "-f", "vcf", "-o", "a.vcf.gz", kIndexVcf.string()});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_TRUE(a.out.empty());
    auto b = run_rvanno(dir.path(), {"annotate", "-q", "--output-vcf", "b.vcf.gz", kIndexVcf.string()});
    ASSERT_EQ(b.exit_code, 0) << b.err;
    EXPECT_TRUE(gzip_magic(dir.file("a.vcf.gz")));
    EXPECT_EQ(capture("gzip -dc " + shell_quote(dir.file("a.vcf.gz")) + " | grep -v '^##rvanno_command'"),
              capture("gzip -dc " + shell_quote(dir.file("b.vcf.gz")) + " | grep -v '^##rvanno_command'"));
    auto out = run_rvanno(dir.path(), {"annotate", "-q", "-f", "vcf", kIndexVcf.string()});  // stdout
    EXPECT_EQ(out.exit_code, 0) << out.err;
    EXPECT_EQ(out.out.rfind("##fileformat=VCF", 0), 0u);
    EXPECT_NE(out.out.find("RVANNO_GENE=PTPN1"), std::string::npos);
    auto both =
        run_rvanno(dir.path(), {"annotate", "-f", "vcf", "-o", "c.vcf", "--output-vcf", "d.vcf", kIndexVcf.string()});
    EXPECT_EQ(both.exit_code, 2);
    // The input is read once, so it may come from stdin: the same records as from the path.
    auto piped = run_rvanno(dir.path(), {"annotate", "-q", "-f", "vcf", "-o", "e.vcf", "-"}, kIndexVcf.string());
    EXPECT_EQ(piped.exit_code, 0) << piped.err;
    auto from_path = run_rvanno(dir.path(), {"annotate", "-q", "-f", "vcf", "-o", "f.vcf", kIndexVcf.string()});
    ASSERT_EQ(from_path.exit_code, 0) << from_path.err;
    EXPECT_EQ(capture("grep -v '^##rvanno_command' " + shell_quote(dir.file("e.vcf"))),
              capture("grep -v '^##rvanno_command' " + shell_quote(dir.file("f.vcf"))));
    EXPECT_NE(capture("grep -c RVANNO_GENE=PTPN1 " + shell_quote(dir.file("e.vcf"))), "0\n");
}

// Why: the annotated VCF is written in the one pass that reads the input (issue 10), yet a
// compound row is decided only after its partner, which comes later in the file (G1202R is
// record 1, L1196M record 2). Record 1 must still carry the compound match, in every output
// type, and from stdin, which is read once.
TEST(OutputType, one_pass_vcf_carries_a_compound_match_decided_by_a_later_record) {
    if (!have_tools()) GTEST_SKIP() << "bcftools/bgzip/tabix not installed";
    TempDir dir("onepass");
    const fs::path input = kCases / "alk_compound" / "input.vcf";
    for (const std::string type : {"v", "z", "b"}) {
        const std::string name = "out." + type;
        auto r = run_rvanno(dir.path(), {"annotate", "-q", "-O", type, "--output-vcf", name, "-"}, input.string());
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const std::string first = capture("bcftools view -H " + shell_quote(dir.file(name)) + " | head -1");
        const auto match = first.find("RVANNO_MATCH=");
        ASSERT_NE(match, std::string::npos) << type << ": " << first;
        EXPECT_NE(first.find("compound", match), std::string::npos) << type << ": " << first;
        EXPECT_EQ(capture("bcftools view -H " + shell_quote(dir.file(name)) + " | wc -l"), "4\n") << type;
    }
    EXPECT_EQ(dir.entries().size(), 3u);  // nothing else left behind (the spill has no name)
}

// ---- 3. Regions through the index ----

// Why: -r selects records the way `bcftools view -r` does, and the rows are the full run's rows
// in the region; a gene the region does not cover reads as not assessed, not as "no variant".
TEST(Regions, region_rows_are_the_full_runs_rows_in_the_region) {
    if (!have_tools()) GTEST_SKIP() << "bcftools/bgzip/tabix not installed";
    TempDir dir("regions_rows");
    for (const std::string index : {"csi", "tbi"}) {
        const auto vcf = indexed_copy(dir, kIndexVcf, "in." + index + ".vcf.gz", index);
        auto all = run_rvanno(dir.path(), {"annotate", "-q", vcf});
        auto reg = run_rvanno(dir.path(), {"annotate", "-q", "-r", "chr20", "--gene-table", "genes." + index + ".tsv",
                                           "--output-vcf", "out." + index + ".vcf", vcf});
        ASSERT_EQ(reg.exit_code, 0) << reg.err;
        std::vector<std::string> want;
        for (const auto& row : project(all.out, kRowColumns))
            if (want.empty() || row.rfind("chr20\t", 0) == 0) want.push_back(row);
        ASSERT_GT(want.size(), 1u);
        EXPECT_EQ(project(reg.out, kRowColumns), want);
        EXPECT_NE(reg.out.find("##regions=chr20\n"), std::string::npos);
        EXPECT_EQ(data_lines(slurp(dir.file("out." + index + ".vcf"))).size(), 1u);
        EXPECT_EQ(records(dir.file("out." + index + ".vcf")).front().substr(0, 14), "chr20\t50579927");
        EXPECT_NE(slurp(dir.file("out." + index + ".vcf")).find("##rvanno_regions=chr20\n"), std::string::npos);
        const auto genes = project(slurp(dir.file("genes." + index + ".tsv")), {"gene", "small_variant_alleles"});
        EXPECT_NE(std::find(genes.begin(), genes.end(), "PTPN1\t1"), genes.end());
        EXPECT_NE(std::find(genes.begin(), genes.end(), "ALK\tnot_assessed"), genes.end());
        // Issue 8: the gene table says examined / not_assessed, and ##examined counts only the
        // model genes the region covers whole (those of chr20, not the others).
        const auto state = project(slurp(dir.file("genes." + index + ".tsv")), {"gene", "small_variants"});
        EXPECT_NE(std::find(state.begin(), state.end(), "PTPN1\texamined"), state.end());
        EXPECT_NE(std::find(state.begin(), state.end(), "ALK\tnot_assessed"), state.end());
        EXPECT_NE(reg.out.find(" are not covered whole by the regions; "), std::string::npos) << reg.out;
        EXPECT_EQ(all.out.find(" are not covered whole by the regions"), std::string::npos);
    }
    // One position inside PTPN1: its allele is reported, but PTPN1 was not read whole.
    const auto vcf = dir.file("in.csi.vcf.gz");
    auto pos = run_rvanno(dir.path(), {"annotate", "-q", "-r", "chr20:50579927", "--gene-table", "g.tsv", vcf});
    ASSERT_EQ(pos.exit_code, 0) << pos.err;
    EXPECT_NE(pos.out.find("PTPN1"), std::string::npos);
    const auto genes = project(slurp(dir.file("g.tsv")), {"gene", "small_variant_alleles"});
    EXPECT_NE(std::find(genes.begin(), genes.end(), "PTPN1\tnot_assessed"), genes.end());
    // JSON provenance records the regions; without -r the key is absent (outputs unchanged).
    auto json = run_rvanno(dir.path(), {"annotate", "-q", "-f", "json", "-r", "chr20:50579927", vcf});
    EXPECT_EQ(nlohmann::json::parse(json.out)["provenance"]["regions"], "chr20:50579927");
    auto plain = run_rvanno(dir.path(), {"annotate", "-q", "-f", "json", vcf});
    EXPECT_FALSE(nlohmann::json::parse(plain.out)["provenance"].contains("regions"));
}

// Why: a record overlapping two regions is read once, regions are visited contig by contig in
// the order given, and -R files (1-based or BED) select what bcftools selects.
TEST(Regions, overlaps_order_and_region_files_match_bcftools) {
    if (!have_tools()) GTEST_SKIP() << "bcftools/bgzip/tabix not installed";
    TempDir dir("regions_overlap");
    const std::string del(50, 'A');
    {
        std::ofstream v(dir.file("ov.vcf"));
        v << "##fileformat=VCFv4.2\n##contig=<ID=chr2,length=242193529>\n##contig=<ID=chr3,length=198295559>\n"
             "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
          << "chr2\t100\tdel\t" << del << "\tA\t.\tPASS\t.\n"
          << "chr2\t112\tsnv1\tA\tC\t.\tPASS\t.\nchr2\t150\tsnv2\tA\tC\t.\tPASS\t.\nchr3\t5\tsnv3\tA\tC\t.\tPASS\t.\n";
        std::ofstream(dir.file("r.bed")) << "chr2\t109\t115\nchr3\t0\t10\n";
        std::ofstream(dir.file("r.txt")) << "# chrom beg end\nchr2\t110\t115\nchr3\t1\t10\n";
    }
    const auto vcf = indexed_copy(dir, dir.file("ov.vcf"), "ov.vcf.gz", "tbi");
    for (const std::string reg : {"chr2:110-115,chr2:140-145", "chr2:140-145,chr2:110-115", "chr3,chr2:140-160",
                                  "chr2:150", "chr2:151-", "2:100-100"}) {
        auto r = run_rvanno(dir.path(), {"annotate", "-q", "-g", "GRCh38", "-r", reg, "--output-vcf", "o.vcf", vcf});
        ASSERT_EQ(r.exit_code, 0) << reg << r.err;
        const std::string bcf_reg = reg == "2:100-100" ? "chr2:100-100" : reg;  // rvanno maps 2 -> chr2
        EXPECT_EQ(records(dir.file("o.vcf")), records_of_view(bcf_reg, vcf)) << reg;
    }
    for (const std::string file : {"r.bed", "r.txt"}) {
        auto r = run_rvanno(dir.path(), {"annotate", "-q", "-g", "GRCh38", "-R", file, "--output-vcf", "o.vcf", vcf});
        ASSERT_EQ(r.exit_code, 0) << file << r.err;
        EXPECT_EQ(records(dir.file("o.vcf")), data_lines(capture("bcftools view -H -R " + dir.file(file) + " " + vcf)));
        EXPECT_EQ(records(dir.file("o.vcf")).size(), 3u);
        EXPECT_NE(r.out.find("##regions=" + file + " (2 regions)\n"), std::string::npos) << r.out;
    }
}

// Why: a region request on a file without an index must fail, never read everything (or nothing).
TEST(Regions, without_an_index_or_with_bad_regions_is_an_error) {
    if (!have_tools()) GTEST_SKIP() << "bcftools/bgzip/tabix not installed";
    TempDir dir("regions_errors");
    ASSERT_EQ(sh("bgzip -c " + shell_quote(kIndexVcf.string()) + " > " + dir.file("noidx.vcf.gz")), 0);
    auto gz = run_rvanno(dir.path(), {"annotate", "-r", "chr20", "noidx.vcf.gz"});
    EXPECT_EQ(gz.exit_code, 1);
    EXPECT_NE(gz.err.find("hint: index it: bcftools index noidx.vcf.gz (or: tabix -p vcf noidx.vcf.gz)"),
              std::string::npos)
        << gz.err;
    auto plain = run_rvanno(dir.path(), {"annotate", "-r", "chr20", kIndexVcf.string()});
    EXPECT_EQ(plain.exit_code, 1);
    EXPECT_NE(plain.err.find("bgzip"), std::string::npos) << plain.err;
    auto stdin_run = run_rvanno(dir.path(), {"annotate", "-r", "chr20", "-"}, kIndexVcf.string());
    EXPECT_EQ(stdin_run.exit_code, 1);
    const auto vcf = indexed_copy(dir, kIndexVcf, "in.vcf.gz", "csi");
    auto contig = run_rvanno(dir.path(), {"annotate", "-r", "chrZ:1-5", vcf});
    EXPECT_EQ(contig.exit_code, 1);
    EXPECT_NE(contig.err.find("region 'chrZ': no such contig"), std::string::npos) << contig.err;
    // A suffix that is not a range is part of the contig name, as in bcftools.
    auto named = run_rvanno(dir.path(), {"annotate", "-r", "chr2:x", vcf});
    EXPECT_EQ(named.exit_code, 1);
    EXPECT_NE(named.err.find("region 'chr2:x': no such contig"), std::string::npos) << named.err;
    for (const std::string bad : {"chr2:5-1", "chr2:0-5", ":1-5", "chr2,,chr3", "chr2:1-2-3"}) {
        auto r = run_rvanno(dir.path(), {"annotate", "-r", bad, vcf});
        EXPECT_EQ(r.exit_code, 2) << bad << r.err;
    }
    std::ofstream(dir.file("bad.txt")) << "chr2\tfive\n";
    auto badfile = run_rvanno(dir.path(), {"annotate", "-R", "bad.txt", vcf});
    EXPECT_EQ(badfile.exit_code, 1);
    EXPECT_NE(badfile.err.find("bad.txt: line 1"), std::string::npos) << badfile.err;
    EXPECT_EQ(run_rvanno(dir.path(), {"annotate", "-r", "chr2", "-R", "bad.txt", vcf}).exit_code, 2);
    auto depth = run_rvanno(dir.path(), {"annotate", "-r", "chr20", "--depth", "x.bed.gz", vcf});
    EXPECT_EQ(depth.exit_code, 2);
    EXPECT_NE(depth.err.find("--depth cannot be combined with -r/-R"), std::string::npos) << depth.err;
}

// Why: compare and batch read their VCFs through the same reader, so -r restricts them too.
TEST(Regions, compare_and_batch_take_regions) {
    if (!have_tools()) GTEST_SKIP() << "bcftools/bgzip/tabix not installed";
    TempDir dir("regions_compare");
    const auto vcf = indexed_copy(dir, kIndexVcf, "in.vcf.gz", "csi");
    const auto vcf2 = indexed_copy(dir, kIndexVcf, "in2.vcf.gz", "tbi");
    auto c = run_rvanno(dir.path(), {"compare", "-q", "-r", "chr1", vcf, vcf2});
    EXPECT_EQ(c.exit_code, 0) << c.err;
    EXPECT_NE(c.out.find("regions=chr1"), std::string::npos) << c.out.substr(0, 2000);
    EXPECT_EQ(c.out.find("PTPN1"), std::string::npos);
    auto b = run_rvanno(dir.path(), {"batch", "-q", "-r", "chr20", "-o", "out", vcf});
    EXPECT_EQ(b.exit_code, 0) << b.err;
}

// Why: the real case: a multi-contig somatic VCF (PURPLE/umccr), regions through .csi and .tbi
// and as BCF, must give exactly `bcftools view -r`'s records.
TEST(RealFiles, regions_on_a_purple_somatic_vcf_match_bcftools_view) {
    if (!fs::exists(kRealVcf)) GTEST_SKIP() << "../shared is absent";
    if (!have_tools()) GTEST_SKIP() << "bcftools/bgzip/tabix not installed";
    TempDir dir("regions_real");
    const std::string reg = "chr2:29192774-29921586,chr1:1-3294434,chr2:29300000-29400000,chr4";
    for (const std::string index : {"csi", "tbi", "bcf"}) {
        std::string in;
        if (index == "bcf") {
            in = dir.file("in.bcf");
            ASSERT_EQ(
                sh("bcftools view -Ob -o " + in + " " + shell_quote(kRealVcf.string()) + " && bcftools index " + in),
                0);
        } else {
            in = indexed_copy(dir, kRealVcf, "in." + index + ".vcf.gz", index);
        }
        auto r = run_rvanno(dir.path(), {"annotate", "-r", reg, "--output-vcf", "out.vcf", in});
        ASSERT_EQ(r.exit_code, 0) << index << r.err;
        const auto want = data_lines(capture("bcftools view -H -r " + reg + " " + in));
        ASSERT_GT(want.size(), 10u);
        EXPECT_EQ(records(dir.file("out.vcf")), want) << index;
        EXPECT_NE(r.err.find("rvanno: " + std::to_string(want.size()) + " records"), std::string::npos) << r.err;
    }
}

// ---- 4. bcftools +split-vep and RVANNO_DRUG ----

// The (pos, alt, kb_id, drug, effect, level) rows of a case's expected.tsv that name a row.
std::set<std::string> expected_drug_rows(const fs::path& expected) {
    std::set<std::string> rows;
    std::map<std::string, std::size_t> col;
    for (const auto& line : lines(slurp(expected))) {
        if (line.rfind("##", 0) == 0) continue;
        auto c = cells(line);
        if (col.empty()) {
            for (std::size_t i = 0; i < c.size(); ++i) col[c[i]] = i;
            continue;
        }
        if (c[col.at("kb_id")].empty()) continue;
        // A codon/range/protein row matched without a protein change is an amino-acid-unknown
        // match: shown, but its drugs are not in RVANNO_DRUG.
        const auto& how = c[col.at("match")];
        if (c[col.at("protein_change")].empty() && (how == "codon" || how == "range" || how == "hgvs_p")) continue;
        rows.insert(c[col.at("pos")] + "\t" + c[col.at("alt")] + "\t" + c[col.at("kb_id")] + "\t" + c[col.at("drug")] +
                    "\t" + c[col.at("effect")] + "\t" + c[col.at("evidence_level")]);
    }
    return rows;
}

// Why: workflows unpack rvanno's annotated VCF with `bcftools +split-vep`, as they do VEP's CSQ.
// RVANNO_DRUG is VEP-shaped (Number=., one ','-separated entry per ALT x row x drug, a
// Consequence field, "Format: ..." at the end of its Description), so split-vep -d must give
// exactly the drug rows of the case's known answers (alk_compound: two ALK alleles, twenty
// rows). The layout it replaced ('&' between one ALT's entries) was mis-split by split-vep.
TEST(SplitVep, rvanno_drug_entries_read_by_split_vep_are_the_cases_drug_rows) {
    if (!have("bcftools") || capture("bcftools plugin -l 2>/dev/null").find("split-vep") == std::string::npos)
        GTEST_SKIP() << "bcftools +split-vep not available";
    TempDir dir("split_vep");
    auto r = run_rvanno(dir.path(),
                        {"annotate", "-q", "--output-vcf", "a.vcf", (kCases / "alk_compound" / "input.vcf").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string fields = capture("bcftools +split-vep -l -a RVANNO_DRUG " + dir.file("a.vcf"));
    EXPECT_NE(fields.find("Consequence"), std::string::npos) << fields;
    EXPECT_NE(fields.find("kb_id"), std::string::npos) << fields;
    std::istringstream got_lines(
        capture("bcftools +split-vep -d -a RVANNO_DRUG -f '%POS\\t%Allele\\t%kb_id\\t%drug\\t%effect\\t%level\\n' " +
                dir.file("a.vcf")));
    std::set<std::string> got;
    std::size_t entries = 0;
    for (std::string l; std::getline(got_lines, l); ++entries) got.insert(l);
    const auto want = expected_drug_rows(kCases / "alk_compound" / "expected.tsv");
    // 17 curated rows (15, and the two L1196M rows of 2026-12) and 3 of the CIViC layer (EID1237
    // ceritinib on G1202R and L1196M, EID1352 tanespimycin on G1202R; EID1237 on c.3604G>T is amino
    // acid unknown, so not in RVANNO_DRUG).
    ASSERT_EQ(want.size(), 20u) << "the case's known answers changed";
    EXPECT_EQ(got, want);
    EXPECT_EQ(entries, want.size()) << "one entry per allele x row x drug, none repeated";
    // Each entry's Consequence is rvanno's term for the allele: without --fasta, the class the
    // knowledge base's c. allele gives (missense_variant for G1202R and L1196M).
    EXPECT_EQ(capture("bcftools +split-vep -d -a RVANNO_DRUG -f '%Consequence\\n' " + dir.file("a.vcf") + " | sort -u"),
              "missense_variant\n");
}

// Why: a real somatic VCF (many INFO/FORMAT fields, VEP CSQ) written by name as BCF and as
// bgzipped VCF must be the same records bcftools reads from the input.
TEST(RealFiles, purple_somatic_vcf_written_by_name_as_bcf_and_vcf_gz) {
    if (!fs::exists(kRealVcf)) GTEST_SKIP() << "../shared is absent";
    if (!have("bcftools")) GTEST_SKIP() << "bcftools not installed";
    TempDir dir("type_real");
    const auto want = records(kRealVcf.string());
    ASSERT_GT(want.size(), 100u);
    for (const std::string name : {"out.bcf", "out.vcf.gz"}) {
        auto r = run_rvanno(dir.path(), {"annotate", "-q", "--output-vcf", name, kRealVcf.string()});
        ASSERT_EQ(r.exit_code, 0) << name << r.err;
        EXPECT_TRUE(gzip_magic(dir.file(name))) << name;
        EXPECT_EQ(content_head(dir.file(name)), name == "out.bcf" ? std::string("BCF\2") : std::string("##fi"));
        EXPECT_EQ(records(dir.file(name)), want) << name;
    }
}
