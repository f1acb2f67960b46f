// --max-listed (pipeline/allele_keeping.hpp; issue 10, memory bounded by findings): past the
// limit, alleles without a match are counted, not listed. The known answer is the run without a
// limit on the same real file: everything else stays the same, and the two new counters and the
// provenance say how many alleles were left out.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/cli_run.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace rvanno::test;

namespace {

// CIViC's own VCF of its accepted variants (CC0; 804 records, GRCh37, VEP CSQ): real alleles in
// knowledge-base genes, most of them matched, some without knowledge (VUS) and some unmatched.
const fs::path kCivicVcf = fs::path(RVANNO_SHARED_DATA) / "civic" / "2024-08-01_via_rk-izak-DATA72000-IBE" /
                           "01-Aug-2024-civic_accepted.vcf.gz";

json annotate(const TempDir& dir, const std::string& limit) {
    auto r = run_rvanno(dir.path(),
                        {"annotate", "-q", "-f", "json", "--max-listed", limit, "-o", "out.json", kCivicVcf.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? json::parse(slurp(dir.file("out.json"))) : json();
}

}  // namespace

// Why: a panel or exome has hundreds of thousands of alleles in genes; keeping them all made
// memory grow with the input (486 MB on 500k records). With a limit, the lists are cut, and
// nothing else may change: matched findings, gene table, verdicts and the other counters are
// those of the unlimited run, and the listed alleles are its first ones.
TEST(ListingLimit, cuts_only_the_lists_and_counts_what_it_left_out) {
    if (!fs::exists(kCivicVcf)) GTEST_SKIP() << "../shared/data not found";
    TempDir dir("listing_limit");
    const json all = annotate(dir, "0");
    const json cut = annotate(dir, "5");
    ASSERT_FALSE(all.is_null());
    ASSERT_FALSE(cut.is_null());
    // The unlimited run's lists, as of CIViC 2024-08-01 and db/ at issue 10 (they change when
    // the knowledge base or the transcript model does): 43 VUS (41 in knowledge-base genes), 13
    // unmatched alleles in knowledge-base genes.
    ASSERT_EQ(all["no_knowledge"].size(), 43u);
    ASSERT_EQ(all["unmatched_in_knowledge_base_genes"].size(), 13u);
    EXPECT_FALSE(all["provenance"].contains("not_listed"));
    EXPECT_FALSE(all["counters"].contains("alleles_no_knowledge_not_listed"));

    EXPECT_EQ(cut["findings"], all["findings"]);
    EXPECT_EQ(cut["genes"], all["genes"]);
    EXPECT_EQ(cut["verdicts"], all["verdicts"]);
    json counters = cut["counters"];
    // 43 VUS: 5 listed, plus 2 that a later step needs (the KIT exon 11 deletions
    // c.1648-1_1670del and c.1648-1_1673del of records 4:55593581 remove bases of KIT hotspot
    // codons, which the hotspot table reads from the listed findings), 36 counted.
    EXPECT_EQ(counters["alleles_no_knowledge_not_listed"], 36);
    EXPECT_EQ(counters["alleles_unmatched_not_listed"], 8);
    counters.erase("alleles_no_knowledge_not_listed");
    counters.erase("alleles_unmatched_not_listed");
    EXPECT_EQ(counters, all["counters"]);  // alleles_no_knowledge still counts all 43
    ASSERT_EQ(cut["no_knowledge"].size(), 7u);
    ASSERT_EQ(cut["unmatched_in_knowledge_base_genes"].size(), 5u);
    // Input order; VUS of knowledge-base genes before those of other genes.
    json kb_vus = json::array();
    for (const auto& f : all["no_knowledge"])
        if (f["detail"].get<std::string>().find("has no knowledge-base rows") == std::string::npos) kb_vus.push_back(f);
    ASSERT_GE(kb_vus.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(cut["no_knowledge"][i], kb_vus[i]) << i;
        EXPECT_EQ(cut["unmatched_in_knowledge_base_genes"][i], all["unmatched_in_knowledge_base_genes"][i]) << i;
    }
    EXPECT_EQ(cut["no_knowledge"][5], all["no_knowledge"][27]);
    EXPECT_EQ(cut["no_knowledge"][6], all["no_knowledge"][28]);
    EXPECT_EQ(cut["no_knowledge"][6]["consequence"]["hgvs_c"], "c.1648-1_1673del");
    ASSERT_TRUE(cut["provenance"].contains("not_listed"));
    const std::string said = cut["provenance"]["not_listed"];
    EXPECT_NE(said.find("7 of 43 alleles without knowledge"), std::string::npos) << said;
    EXPECT_NE(said.find("5 of 13 unmatched alleles"), std::string::npos) << said;
}
