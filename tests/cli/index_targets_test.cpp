// Reading the model genes through the input's index (io/vcf_reader.hpp, targets_through_index;
// issue 9 part 5 / issue 10): an indexed VCF.gz or BCF without -r/-R is read only where the
// transcript model has genes. The known answer is the streamed run of the same records: the
// same findings, verdicts and counters; the counters add how many records were never read.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "support/cli_run.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace rvanno::test;

namespace {

const fs::path kRealVcf =
    fs::path(RVANNO_SHARED_DATA) / "formats" / "somatic_vcf" / "gpgr.SEQCII_50pc.purple.somatic.vcf.gz";

bool have(const char* tool) {
    return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}
int sh(const std::string& cmd) { return std::system(cmd.c_str()); }

json annotate(const TempDir& dir, const std::vector<std::string>& args) {
    auto r = run_rvanno(dir.path(), args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? json::parse(slurp(dir.file("out.json"))) : json();
}

// Findings without the record ordinal (it counts the records read) and the input's path.
json comparable_findings(json findings) {
    for (auto& f : findings) f.erase("record");
    return findings;
}

}  // namespace

// Why: the real PURPLE somatic VCF (umccr/gpgr, 8,000+ records over the genome) streamed and read
// through its index (csi for the BCF copy, tbi for the VCF.gz) must give the same answers; only
// the records outside every model gene may go unread, and the counters say how many.
TEST(IndexTargets, indexed_input_gives_the_streamed_answers_and_counts_what_it_skipped) {
    if (!fs::exists(kRealVcf)) GTEST_SKIP() << "../shared/data not found";
    if (!have("bcftools") || !have("tabix")) GTEST_SKIP() << "bcftools/tabix not installed";
    TempDir dir("index_targets");
    const std::string plain = dir.file("streamed.vcf.gz"), tbi = dir.file("tbi.vcf.gz"), bcf = dir.file("csi.bcf");
    ASSERT_EQ(sh("cp " + shell_quote(kRealVcf.string()) + " " + shell_quote(plain)), 0);
    ASSERT_EQ(sh("cp " + shell_quote(plain) + " " + shell_quote(tbi) + " && tabix -p vcf " + shell_quote(tbi)), 0);
    ASSERT_EQ(sh("bcftools view -Ob -o " + shell_quote(bcf) + " " + shell_quote(plain) + " && bcftools index " +
                 shell_quote(bcf)),
              0);
    const json streamed = annotate(dir, {"annotate", "-q", "-f", "json", "-o", "out.json", plain});
    ASSERT_FALSE(streamed.is_null());
    ASSERT_FALSE(streamed["counters"].contains("records_not_read_through_index"));
    for (const auto& path : {tbi, bcf}) {
        const json got = annotate(dir, {"annotate", "-q", "-f", "json", "-o", "out.json", path});
        ASSERT_FALSE(got.is_null()) << path;
        EXPECT_EQ(comparable_findings(got["findings"]), comparable_findings(streamed["findings"])) << path;
        EXPECT_EQ(got["verdicts"], streamed["verdicts"]) << path;
        json c = got["counters"];
        ASSERT_TRUE(c.contains("records_not_read_through_index")) << path;
        EXPECT_GT(c["records_not_read_through_index"].get<long>(), 0) << path;
        EXPECT_LE(c["records_not_read_through_index"].get<long>(), c["records_outside_model_genes"].get<long>());
        c.erase("records_not_read_through_index");
        EXPECT_EQ(c, streamed["counters"]) << path;
    }
    // An index older than its data may point into the wrong blocks: the file is streamed.
    ASSERT_EQ(sh("touch -d '+1 hour' " + shell_quote(tbi)), 0);
    const json stale = annotate(dir, {"annotate", "-q", "-f", "json", "-o", "out.json", tbi});
    EXPECT_FALSE(stale["counters"].contains("records_not_read_through_index"));
    EXPECT_EQ(stale["findings"], streamed["findings"]);
    // The annotated VCF needs every record in order: --output-vcf streams the indexed file.
    auto r =
        run_rvanno(dir.path(), {"annotate", "-q", "-f", "json", "-o", "out.json", "--output-vcf", "a.vcf.gz", tbi});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(json::parse(slurp(dir.file("out.json")))["counters"].contains("records_not_read_through_index"));
}

// Why: when the model genes hold most of the file (a panel or an exome), reading through the
// index costs more than streaming (the index code parses every line's position again; the
// panel bench ran 10-15% slower), so such a file is streamed: no record goes unread and the
// counter of unread records is absent. The input: the ALK compound case (every record inside
// ALK), bgzipped and indexed.
TEST(IndexTargets, file_mostly_inside_the_genes_is_streamed) {
    if (!have("bgzip") || !have("tabix")) GTEST_SKIP() << "bgzip/tabix not installed";
    TempDir dir("index_panel");
    const std::string in = (fs::path(RVANNO_TESTDATA) / "cases" / "annotate" / "alk_compound" / "input.vcf").string();
    const std::string gz = dir.file("panel.vcf.gz");
    ASSERT_EQ(sh("bgzip -c " + shell_quote(in) + " > " + shell_quote(gz) + " && tabix -p vcf " + shell_quote(gz)), 0);
    const json got = annotate(dir, {"annotate", "-q", "-f", "json", "-o", "out.json", gz});
    ASSERT_FALSE(got.is_null());
    EXPECT_FALSE(got["counters"].contains("records_not_read_through_index"));
    EXPECT_EQ(got["counters"]["records_outside_model_genes"], 0);
    EXPECT_GT(got["counters"]["records"].get<long>(), 0);
    EXPECT_FALSE(got["findings"].empty());
}
