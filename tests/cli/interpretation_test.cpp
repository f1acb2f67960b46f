// Interpretation end to end: per-drug verdicts with compound and conditional rows, the
// annotated VCF, and coverage-aware hotspot negatives, through the real binary.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "support/cli_run.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;
using nlohmann::json;

namespace {

const fs::path kCases = fs::path(RVANNO_TESTDATA) / "cases" / "annotate";

json annotate_json(const fs::path& dir, std::vector<std::string> args) {
    args.insert(args.begin(), {"annotate", "-f", "json"});
    auto r = run_rvanno(dir, args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? json::parse(r.out) : json();
}

const json& verdict(const json& doc, const std::string& drug) {
    for (const auto& v : doc["verdicts"])
        if (v["drug"] == drug) return v;
    static const json none;
    ADD_FAILURE() << "no verdict for " << drug;
    return none;
}

bool have(const char* tool) {
    return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

// Why: the compound case, ALK G1202R + L1196M, end to end. The compound row
// (ALK-G1202R_L1196M-lorlatinib-1, Yoda 2018) is unverified E, so by the status rule it supersedes
// only the unverified G1202R rows: the verified ALK-G1202R-lorlatinib-2 (D) keeps counting and
// decides "sensitive", and the call is LOW-CONFIDENCE with the compound named in the rule text,
// so a board sees the contradiction instead of a clean call either way.
TEST(Verdicts, g1202r_plus_l1196m_lorlatinib_call_is_flagged_by_the_unverified_compound_row) {
    auto d = annotate_json(kCases / "alk_compound", {"--driver", "ALK fusion", "input.vcf"});
    const auto& v = verdict(d, "lorlatinib");
    EXPECT_EQ(v["call"], "sensitive") << v.dump(2);
    EXPECT_EQ(v["low_confidence"], true) << v.dump(2);
    EXPECT_NE(v["rule"].get<std::string>().find("UNVERIFIED row(s) ALK-G1202R_L1196M-lorlatinib-1 (resistance, E)"),
              std::string::npos)
        << v["rule"];
    bool verified_kept = false, unverified_superseded = false;
    for (const auto& e : v["evidence"]) {
        if (e["kb_id"] == "ALK-G1202R-lorlatinib-2")
            verified_kept = e["applies"] == true && e["superseded_by"].is_null();
        if (e["kb_id"] == "ALK-G1202R-lorlatinib-1")
            unverified_superseded = e["superseded_by"] == "ALK-G1202R_L1196M-lorlatinib-1";
    }
    EXPECT_TRUE(verified_kept);
    EXPECT_TRUE(unverified_superseded);
    EXPECT_EQ(verdict(d, "crizotinib")["call"], "resistant");
    EXPECT_EQ(verdict(d, "crizotinib")["class_name"], "ALK tyrosine kinase inhibitors")
        << "display name from drugs.tsv";
}

// Why: ALK kinase-domain rows count as acquired TKI resistance only with an ALK fusion found
// or declared; without either, they must not decide (and the report says why).
TEST(Verdicts, kinase_domain_rows_need_the_alk_fusion_context) {
    auto d = annotate_json(kCases / "alk_compound", {"input.vcf"});
    const auto& v = verdict(d, "crizotinib");
    EXPECT_EQ(v["call"], "no_evidence") << v.dump(2);
    bool explained = false;
    for (const auto& e : v["evidence"])
        explained |= e["applies"] == false && e["why_not"].get<std::string>().find("ALK fusion") != std::string::npos;
    EXPECT_TRUE(explained);
}

// Why: an ALK fusion found in --sv is a detected driver: G1202R then decides, with alectinib
// resistant (on-target resistance outranks the fusion's class sensitivity) and lorlatinib
// sensitive; the therapy history marks what was given.
TEST(Verdicts, detected_fusion_driver_and_therapy_history) {
    auto dir = fs::temp_directory_path() / ("rvanno_it_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "g1202r.vcf")
        << slurp(kCases / "alk_compound" / "input.vcf")
               .substr(0, slurp(kCases / "alk_compound" / "input.vcf").find("#CHROM"))
        << "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tSAMPLE1\n"
           "chr2\t29220747\t.\tC\tT\t.\tPASS\tNOTE=G1202R\tGT:AD:DP:AF\t0/1:50,30:80:0.375\n";
    auto d = annotate_json(dir, {"--sv", (fs::path(RVANNO_TESTDATA) / "sv/manta_eml4_alk.vcf").string(),
                                 "--therapy-history", "crizotinib,Alecensa", "g1202r.vcf"});
    EXPECT_EQ(d["context"]["detected_drivers"], json::array({"ALK fusion"}));
    EXPECT_EQ(verdict(d, "alectinib")["call"], "resistant");
    EXPECT_EQ(verdict(d, "lorlatinib")["call"], "sensitive");
    EXPECT_EQ(verdict(d, "alectinib")["history_position"], 2) << "Alecensa is a synonym of alectinib";
    EXPECT_EQ(verdict(d, "lorlatinib")["already_given"], false);
    fs::remove_all(dir);
}

// Why (issue 9 part 3): an approval in another tumour type is not Tier I. Known answer: the
// index patient's ALK-rearranged IMT (Cochin et al. 2025, doi:10.3389/fonc.2024.1505257) with
// EML4::ALK: alectinib's level-A row is an NSCLC approval (ALK-fusion-alectinib-NSCLC-1), so
// with --tumor-type IMT every output prints Tier II, while crizotinib's IMT approval
// (ALK-fusion-crizotinib-IMT-4) stays Tier I-A; the verdict table has decided_by_unverified.
TEST(Verdicts, level_a_from_another_tumour_type_prints_tier_two_in_every_format) {
    const auto sv = (fs::path(RVANNO_TESTDATA) / "sv/manta_eml4_alk.vcf").string();
    const std::string tier2 = "Tier II-C (level A in NSCLC, not in IMT)";
    auto dir = fs::temp_directory_path() / ("rvanno_tier_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto table = (dir / "verdicts.tsv").string();
    auto tsv = run_rvanno(kCases / "index_case",
                          {"annotate", "--tumor-type", "IMT", "--sv", sv, "--verdict-table", table, "input.vcf"});
    ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
    bool alectinib_row = false;
    for (const auto& row : project(tsv.out, {"kb_id", "amp_tier"})) {
        if (row.rfind("ALK-fusion-alectinib-NSCLC-1\t", 0) == 0) {
            alectinib_row = true;
            EXPECT_EQ(row, "ALK-fusion-alectinib-NSCLC-1\t" + tier2);
        }
        if (row.rfind("ALK-fusion-crizotinib-IMT-4\t", 0) == 0) {
            EXPECT_EQ(row, "ALK-fusion-crizotinib-IMT-4\tTier I-A");
        }
        EXPECT_EQ(row.find("\tTier I-A", 0) != std::string::npos && row.find("NSCLC") != std::string::npos, false)
            << row;
    }
    EXPECT_TRUE(alectinib_row) << tsv.out;
    auto header = project(slurp(table), {"drug", "decided_by_unverified"});
    ASSERT_FALSE(header.empty());
    EXPECT_EQ(header.front(), "drug\tdecided_by_unverified");

    auto d = annotate_json(kCases / "index_case", {"--tumor-type", "IMT", "--sv", sv, "input.vcf"});
    bool json_row = false;
    for (const auto& f : d["fusions"])
        for (const auto& m : f["matches"])
            if (m["kb_id"] == "ALK-fusion-alectinib-NSCLC-1") {
                json_row = true;
                EXPECT_EQ(m["amp_tier"], tier2);
            }
    EXPECT_TRUE(json_row);
    EXPECT_EQ(verdict(d, "alectinib")["decided_by_unverified"], false);

    auto html =
        run_rvanno(kCases / "index_case", {"annotate", "-f", "html", "--tumor-type", "IMT", "--sv", sv, "input.vcf"});
    ASSERT_EQ(html.exit_code, 0) << html.err;
    EXPECT_NE(html.out.find(tier2), std::string::npos);
    fs::remove_all(dir);
}

// Why: an unknown drug in the therapy history is a usage error naming it.
TEST(Verdicts, unknown_drug_in_therapy_history_is_a_usage_error) {
    auto r = run_rvanno(kCases / "index_case", {"annotate", "--therapy-history", "crizotinib,notadrug", "input.vcf"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("notadrug"), std::string::npos) << r.err;
}

// Why: the annotated VCF keeps every input record in order, passes bcftools view, and the
// matched record carries the INFO tags; a FILTERed record passes through unchanged.
TEST(AnnotatedVcf, keeps_every_record_and_passes_bcftools_view) {
    if (!have("bcftools")) GTEST_SKIP() << "bcftools not installed";
    auto dir = fs::temp_directory_path() / ("rvanno_ov_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    for (const char* mode : {"v", "z", "b"}) {
        auto out = (dir / (std::string("out.") + mode)).string();
        // The curated rows alone: the second ALT's expected "." holds for them (CIViC's "ALK
        // Mutation" rows match any ALK protein change).
        auto r = run_rvanno(kCases / "alk_compound",
                            {"annotate", "--driver", "ALK fusion", "-o", (dir / "report.tsv").string(), "--output-vcf",
                             out, "-O", mode, "input.vcf"},
                            "", {curated_only_db_env()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        std::string q =
            "bcftools query -f '%CHROM:%POS %ALT %INFO/RVANNO_KB\\n' " + out + " > " + (dir / "q.txt").string();
        ASSERT_EQ(std::system(q.c_str()), 0) << mode;
        auto rows = lines(slurp(dir / "q.txt"));
        ASSERT_EQ(rows.size(), 4u) << mode << ": every input record";
        EXPECT_EQ(rows[0].substr(0, rows[0].find(' ')), "chr2:29220747");
        EXPECT_NE(rows[0].find("ALK-G1202R-crizotinib-1"), std::string::npos) << rows[0];
        EXPECT_NE(rows[0].find(",."), std::string::npos) << "second ALT has no match: " << rows[0];
        EXPECT_NE(rows[1].find("ALK-L1196M-"), std::string::npos) << rows[1];
        EXPECT_NE(rows[2].find(" ."), std::string::npos) << "star allele record passes through: " << rows[2];
    }
    fs::remove_all(dir);
}

// Why: with the driver's resistance hotspots and a depth source, an absence reads
// "not detected at depth N"; without a depth source it reads "not assessed", never silence.
TEST(Hotspots, depth_turns_absence_into_not_detected) {
    const auto depth = (fs::path(RVANNO_TESTDATA) / "depth/sample.per-base.bed.gz").string();
    // index case: no ALK variant; the fixture covers G1202 (min depth 240) and L1196 (250)
    auto with = annotate_json(kCases / "index_case", {"--driver", "ALK fusion", "--depth", depth, "input.vcf"});
    auto without = annotate_json(kCases / "index_case", {"--driver", "ALK fusion", "input.vcf"});
    auto state = [](const json& d, const std::string& spot) -> json {
        for (const auto& h : d["hotspots"])
            if (h["gene"] == "ALK" && h["hotspot"] == spot) return h;
        return json();
    };
    EXPECT_EQ(state(with, "G1202")["state"], "not_detected");
    EXPECT_EQ(state(with, "G1202")["min_depth"], 240);
    EXPECT_EQ(state(with, "L1196")["min_depth"], 250);
    EXPECT_EQ(state(with, "C1156")["state"], "not_assessed") << "only partly covered in the fixture";
    for (const auto& h : without["hotspots"]) { EXPECT_EQ(h["state"], "not_assessed") << h.dump(); }
    EXPECT_FALSE(without["hotspots"].empty());
}

}  // namespace
