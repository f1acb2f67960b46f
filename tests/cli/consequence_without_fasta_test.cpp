// Consequence without a FASTA (issue 8), end to end on real third-party files of ../shared (skipped
// when it is absent): the class of a protein change from a MAF (TCGA LAML), the classes CIViC's
// VEP-like CSQ writes, a VCF header's ##reference that names no file here (umccr/gpgr), and how an
// amino-acid-unknown match is shown in every output format (testdata case codon_amino_acid_unknown).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/cli_run.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;
using nlohmann::json;

namespace {

const fs::path kShared = RVANNO_SHARED_DATA;
const fs::path kMaf = kShared / "formats/maf";
const fs::path kCivic = kShared / "civic/2024-08-01_via_rk-izak-DATA72000-IBE/01-Aug-2024-civic_accepted.vcf.gz";
const fs::path kUnknownCase = fs::path(RVANNO_TESTDATA) / "cases/annotate/codon_amino_acid_unknown";

std::vector<json> all_findings(const json& j) {
    std::vector<json> out;
    for (const char* k : {"findings", "no_knowledge", "unmatched_in_knowledge_base_genes"})
        for (const auto& f : j[k]) out.push_back(f);
    return out;
}

json finding(const json& j, const std::string& gene, const std::string& hgvs_c) {
    for (const auto& f : all_findings(j))
        if (f["consequence"]["gene"] == gene && f["consequence"]["hgvs_c"] == hgvs_c) return f;
    return json();
}

std::string verdict(const json& j, const std::string& drug) {
    for (const auto& v : j["verdicts"])
        if (v["drug"] == drug) return v["call"];
    return "";
}

json annotate_maf_sample(const std::string& barcode) {
    // The curated rows alone: the known answers below are about them (the CIViC layer adds rows
    // for these alleles; the golden cases cover it).
    auto r = run_rvanno(kMaf, {"annotate", "--sample", barcode, "-f", "json", "tcga_laml.maf.gz"}, "",
                        {curated_only_db_env()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
}

}  // namespace

// Why: TCGA-AB-3009's NF1 p.R1306* (Nonsense_Mutation) comes without a FASTA from the MAF's
// Protein_Change; its stop implies stop_gained, which is loss of function as rvanno's own would
// be: both NF1 loss-of-function rows match by class. They were shown in BRAF V600 melanoma and
// need that driver (driver=BRAF V600), which this AML sample lacks: no vemurafenib call.
TEST(ConsequenceWithoutFasta, tcga_laml_nf1_stop_from_the_maf_is_loss_of_function) {
    if (!fs::exists(kMaf / "tcga_laml.maf.gz")) GTEST_SKIP() << "../shared is absent";
    const auto j = annotate_maf_sample("TCGA-AB-3009");
    const auto f = finding(j, "NF1", "c.3916C>T");
    ASSERT_FALSE(f.is_null()) << j.dump(1);
    EXPECT_EQ(f["consequence"]["protein_change"], "R1306*");
    EXPECT_EQ(f["consequence"]["terms"], json::array({"stop_gained"}));
    EXPECT_EQ(f["consequence"]["class_source"], "MAF Protein_Change");
    EXPECT_TRUE(f["consequence"]["loss_of_function"]);
    std::vector<std::string> ids;
    for (const auto& m : f["matches"]) {
        EXPECT_EQ(m["how"], "class:lof");
        EXPECT_FALSE(m["amino_acid_unknown"]);
        ids.push_back(m["kb_id"]);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"NF1-lof-vemurafenib-1", "NF1-lof-vemurafenib-2"}));
    EXPECT_EQ(verdict(j, "vemurafenib"), "no_evidence");
}

// Why: TCGA-AB-2865's KRAS p.G12D is missense by its protein change: the gene-level KRAS missense
// row matches (it did not while the allele stayed coding_sequence_variant). TCGA-AB-2923's NRAS
// p.Q61R matches the NRAS Q61 codon row for sure (its amino acid is known).
TEST(ConsequenceWithoutFasta, tcga_laml_missense_protein_changes_reach_class_and_codon_rows) {
    if (!fs::exists(kMaf / "tcga_laml.maf.gz")) GTEST_SKIP() << "../shared is absent";
    auto j = annotate_maf_sample("TCGA-AB-2865");
    auto f = finding(j, "KRAS", "c.35G>A");
    ASSERT_FALSE(f.is_null());
    EXPECT_EQ(f["consequence"]["terms"], json::array({"missense_variant"}));
    ASSERT_EQ(f["matches"].size(), 1u);
    EXPECT_EQ(f["matches"][0]["kb_id"], "KRAS-missense-crizotinib-1");
    EXPECT_EQ(f["matches"][0]["how"], "class:missense");

    j = annotate_maf_sample("TCGA-AB-2923");
    f = finding(j, "NRAS", "c.182A>G");
    ASSERT_FALSE(f.is_null());
    ASSERT_EQ(f["matches"].size(), 1u);
    EXPECT_EQ(f["matches"][0]["kb_id"], "NRAS-Q61-vemurafenib-1");
    EXPECT_FALSE(f["matches"][0]["amino_acid_unknown"]);
    EXPECT_EQ(verdict(j, "vemurafenib"), "no_evidence");  // needs a BRAF V600 driver (AML, none)
}

// Why: the Genome Nexus annotation-pipeline MAF (HGVSp_Short) of P-0000024-T01-IM3 has PTEN
// p.R130G, whose class comes from the protein change (missense_variant), and PTEN p.N292Kfs*6, an
// insertion written with '-' that rvanno describes from its length alone (frameshift, loss of
// function) without a FASTA. Both are reported, none is left without a protein change.
TEST(ConsequenceWithoutFasta, genome_nexus_maf_classes_from_hgvsp_short) {
    const auto maf = kMaf / "data_mutations_extended_100.out.mskcc.txt";
    if (!fs::exists(maf)) GTEST_SKIP() << "../shared is absent";
    auto r = run_rvanno(kMaf, {"annotate", "--sample", "P-0000024-T01-IM3", "-f", "json", maf.filename().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = json::parse(r.out);
    const auto missense = finding(j, "PTEN", "c.388C>G");
    ASSERT_FALSE(missense.is_null()) << r.out;
    EXPECT_EQ(missense["consequence"]["terms"], json::array({"missense_variant"}));
    EXPECT_EQ(missense["consequence"]["class_source"], "MAF HGVSp_Short");
    const auto frameshift = finding(j, "PTEN", "c.871_872insA");
    ASSERT_FALSE(frameshift.is_null()) << r.out;
    EXPECT_EQ(frameshift["consequence"]["protein_change"], "N292Kfs*6");
    EXPECT_EQ(frameshift["consequence"]["terms"], json::array({"frameshift_variant"}));
    EXPECT_TRUE(frameshift["consequence"]["class_source"].is_null()) << "rvanno's own, from the length";
    EXPECT_TRUE(frameshift["consequence"]["loss_of_function"]);
    EXPECT_EQ(j["provenance"]["coding_alleles_without_protein_change"], 0);
}

// Why: CIViC's own VCF carries VEP-like CSQ with capitalised SO terms and often no HGVSp. On the
// MANE transcript its class is taken (NRAS c.183A>C, Missense_Variant: the Q61 codon row matches
// for sure); MET D1228V has a missense class but no amino acid, so the D1228V rows are shown with
// the amino acid unknown while the D1228 codon row matches; KRAS entries on KRAS4A
// (ENST00000256078) are counted, not used.
TEST(ConsequenceWithoutFasta, civic_vcf_classes_on_the_mane_transcript_only) {
    if (!fs::exists(kCivic)) GTEST_SKIP() << "../shared is absent";
    auto r = run_rvanno(kCivic.parent_path(), {"annotate", "-f", "json", kCivic.filename().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = json::parse(r.out);
    const auto nras = finding(j, "NRAS", "c.183A>C");
    ASSERT_FALSE(nras.is_null());
    EXPECT_EQ(nras["consequence"]["class_source"], "INFO/CSQ");
    EXPECT_EQ(nras["consequence"]["terms"], json::array({"missense_variant"}));
    ASSERT_FALSE(nras["matches"].empty());
    EXPECT_EQ(nras["matches"][0]["kb_id"], "NRAS-Q61-vemurafenib-1");
    EXPECT_FALSE(nras["matches"][0]["amino_acid_unknown"]);
    EXPECT_EQ(nras["matches"][0]["detail"], "c.183A>C in codon 61: missense_variant (class from INFO/CSQ)");

    const auto met = finding(j, "MET", "c.3683A>T");
    ASSERT_FALSE(met.is_null());
    bool codon = false, unknown = false;
    for (const auto& m : met["matches"]) {
        if (m["kb_id"] == "MET-D1228-capmatinib_tepotinib-1") codon = !m["amino_acid_unknown"].get<bool>();
        if (m["kb_id"] == "MET-D1228V-savolitinib-1") unknown = m["amino_acid_unknown"].get<bool>();
    }
    EXPECT_TRUE(codon);
    EXPECT_TRUE(unknown);
    EXPECT_EQ(verdict(j, "savolitinib"), "no_evidence") << "decided by no amino-acid-unknown match";

    EXPECT_GT(j["counters"]["annotation_class_used"].get<long>(), 0);
    EXPECT_GT(j["counters"]["annotation_other_transcript"].get<long>(), 0);
    EXPECT_GT(j["provenance"]["coding_alleles_without_protein_change"].get<long>(), 0);
}

// Why: umccr/gpgr's PURPLE VCF names its reference by a file:// path of the machine it was made on:
// not found here, so no FASTA is used and the provenance says why (no error).
TEST(ConsequenceWithoutFasta, gpgr_reference_header_not_found_is_noted) {
    const auto gpgr = kShared / "formats/somatic_vcf/gpgr.SEQCII_50pc.purple.somatic.vcf.gz";
    if (!fs::exists(gpgr)) GTEST_SKIP() << "../shared is absent";
    auto r = run_rvanno(gpgr.parent_path(), {"annotate", gpgr.filename().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("##reference_fasta="), std::string::npos);
    EXPECT_NE(r.out.find("##reference_fasta_note=the ##reference of 'gpgr.SEQCII_50pc.purple.somatic.vcf.gz' names "
                         "'/g/data3/gx8/local/development/bcbio/genomes/Hsapiens/hg38/seq/hg38.fa', which was not "
                         "found: no FASTA used"),
              std::string::npos)
        << r.out.substr(0, 3000);
}

// Why: an amino-acid-unknown match must be visible as such in every output, never as evidence:
// JSON flags it, the HTML labels it and keeps it out of the key findings' strongest effect, the
// annotated VCF marks its RVANNO_MATCH and leaves its drugs out of RVANNO_DRUG.
TEST(ConsequenceWithoutFasta, amino_acid_unknown_is_shown_in_json_html_and_vcf) {
    TempDir tmp("aa_unknown");
    // The curated rows alone (NRAS c.183A>T, Q61H): one row at the codon, so the counts below are
    // about it; the CIViC layer's codon-61 rows are shown the same way (testdata case readme).
    const std::vector<std::string> env = {curated_only_db_env()};
    auto r = run_rvanno(kUnknownCase, {"annotate", "-f", "json", "input.vcf"}, "", env);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = json::parse(r.out);
    ASSERT_EQ(j["findings"].size(), 1u);
    const auto& m = j["findings"][0]["matches"][0];
    EXPECT_TRUE(m["amino_acid_unknown"]);
    EXPECT_EQ(m["detail"], "c.183A>T in codon 61: amino acid unknown \u2014 give --fasta");
    EXPECT_EQ(j["counters"]["alleles_matched_amino_acid_unknown_only"], 1);
    for (const auto& v : j["verdicts"])
        if (v["drug"] == "vemurafenib") {
            EXPECT_EQ(v["call"], "no_evidence");
            ASSERT_EQ(v["evidence"].size(), 1u);
            EXPECT_FALSE(v["evidence"][0]["applies"]);
            EXPECT_EQ(v["evidence"][0]["why_not"], "amino acid unknown \u2014 give --fasta");
        }

    r = run_rvanno(kUnknownCase, {"annotate", "-f", "html", "input.vcf"}, "", env);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("shown, not counted in the verdicts"), std::string::npos);
    EXPECT_NE(r.out.find("amino acid unknown \u2014 give --fasta: 1 row(s) at this codon, not counted"),
              std::string::npos);
    EXPECT_EQ(r.out.find("RESISTANCE</span> vemurafenib"), std::string::npos) << "no effect in the key findings";

    const auto vcf = (tmp.path() / "out.vcf").string();
    r = run_rvanno(kUnknownCase, {"annotate", "-f", "vcf", "-o", vcf, "input.vcf"}, "", env);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto text = slurp(vcf);
    EXPECT_NE(text.find("RVANNO_MATCH=codon:amino_acid_unknown"), std::string::npos) << text;
    EXPECT_NE(text.find("RVANNO_KB=NRAS-Q61-vemurafenib-1"), std::string::npos);
    EXPECT_EQ(text.find("RVANNO_DRUG="), std::string::npos);
}
