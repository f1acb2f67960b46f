// Issue 8 end to end: annotate reports the tumour of a tumour/normal VCF and says which caller
// rule chose it; a multi-sample VCF with no mark stops with exit 2 and its samples. Real caller
// output from ../shared/data/formats/somatic_vcf (skipped when ../shared is absent).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/cli_run.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;

namespace {

const fs::path kVcfs = fs::path(RVANNO_SHARED_DATA) / "formats/somatic_vcf";

#define NEED_SHARED() \
    if (!fs::exists(kVcfs)) GTEST_SKIP() << "../shared is absent"

}  // namespace

TEST(SampleChoiceCli, strelka_tumour_and_its_rule_are_in_the_provenance) {
    NEED_SHARED();
    auto r = run_rvanno(fs::temp_directory_path(),
                        {"annotate", "-g", "GRCh37", (kVcfs / "case_A.strelka.snvs.vcf").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\n##sample=TUMOR\n##sample_rule=Strelka2/Manta TUMOR/NORMAL columns\n"), std::string::npos)
        << r.out.substr(0, 800);
    auto j = run_rvanno(fs::temp_directory_path(),
                        {"annotate", "-f", "json", "-g", "GRCh37", (kVcfs / "case_A.strelka.snvs.vcf").string()});
    ASSERT_EQ(j.exit_code, 0) << j.err;
    auto doc = nlohmann::json::parse(j.out);
    EXPECT_EQ(doc["sample"], "TUMOR");
    EXPECT_EQ(doc["provenance"]["sample_rule"], "Strelka2/Manta TUMOR/NORMAL columns");
}

TEST(SampleChoiceCli, unmarked_multi_sample_vcf_exits_2_listing_its_samples) {
    NEED_SHARED();
    auto r = run_rvanno(fs::temp_directory_path(),
                        {"annotate", "-g", "GRCh38", (kVcfs / "test-sage2-multitumor.vcf.gz").string()});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("APGI_1965_N, APGI_1965_rna, APGI_1965, APGI_1965_exome"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--sample"), std::string::npos) << r.err;
    auto ok = run_rvanno(fs::temp_directory_path(), {"annotate", "-g", "GRCh38", "--sample", "APGI_1965",
                                                     (kVcfs / "test-sage2-multitumor.vcf.gz").string()});
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_NE(ok.out.find("\n##sample=APGI_1965\n##input="), std::string::npos) << "--sample: no rule line";
}

// Without FORMAT AF/AD the VAFs come from the caller's counts, and the provenance says from
// which (testdata/vcf/reader_caller_counts.vcf: two FreeBayes records, one PCGR record).
TEST(SampleChoiceCli, vaf_source_is_in_the_tsv_and_json_provenance) {
    const std::string vcf = std::string(RVANNO_TESTDATA) + "/vcf/reader_caller_counts.vcf";
    const std::string want = "FreeBayes FORMAT/AO,RO (2 records); PCGR INFO/TVAF,TDP (1 records)";
    auto r = run_rvanno(fs::temp_directory_path(), {"annotate", "-g", "GRCh38", vcf});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\n##sample=TUMOR\n##vaf_source=" + want + "\n"), std::string::npos) << r.out;
    auto j = run_rvanno(fs::temp_directory_path(), {"annotate", "-f", "json", "-g", "GRCh38", vcf});
    ASSERT_EQ(j.exit_code, 0) << j.err;
    auto doc = nlohmann::json::parse(j.out);
    EXPECT_EQ(doc["provenance"]["vaf_source"], want);
    EXPECT_FALSE(doc["provenance"].contains("sample_rule")) << "one sample: no rule line";
}
