// MAF as the small-variant input of `annotate` and `batch`, end to end: the real MAFs of
// ../shared/data/formats (TCGA LAML, MSK data_mutations_extended), the sample rule, the
// refusals, and HGVSp_Short checked against rvanno's own protein change on real GRCh37
// sequence (the EGFR slice of ../shared's hg19, as in fasta_test.cpp). Skipped without ../shared
// where they need it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "support/cli_run.hpp"
#include "support/egfr_slice.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;

namespace {

const fs::path kFormats = fs::path(RVANNO_SHARED_DATA) / "formats";
const fs::path kCase = fs::path(RVANNO_TESTDATA) / "cases/annotate/maf_alk_compound";
constexpr long kSliceStart = rvanno::test::kEgfrSliceStart;

const std::string kHeader =
    "Hugo_Symbol\tNCBI_Build\tChromosome\tStart_Position\tEnd_Position\tReference_Allele\tTumor_Seq_Allele1\t"
    "Tumor_Seq_Allele2\tTumor_Sample_Barcode\tt_depth\tt_alt_count\tHGVSp_Short\n";

}  // namespace

// Why (issue 8): the TCGA LAML MAF (maftools; NCBI_Build 37, Protein_Change) is read as GRCh37
// and TCGA-AB-2865's KRAS G12D is examined, its protein change taken from the MAF. KRAS has
// allele rows only for G12C and its secondary mutations, so G12D matches none of them: it is
// listed as "no knowledge" (protein-altering, in a gene with rows, none matching); its missense
// class matching the gene-level missense row is tested in consequence_without_fasta_test.cpp.
TEST(MafCli, tcga_laml_kras_g12d_is_read_and_examined) {
    if (!fs::exists(kFormats / "maf")) GTEST_SKIP() << "../shared is absent";
    // The curated rows alone (the CIViC layer has KRAS G12D rows; the golden cases cover it).
    auto r = run_rvanno(kFormats / "maf", {"annotate", "--sample", "TCGA-AB-2865", "-f", "json", "tcga_laml.maf.gz"},
                        "", {curated_only_db_env()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["provenance"]["genome_build"]["name"], "GRCh37");
    EXPECT_EQ(j["sample"], "TCGA-AB-2865");
    EXPECT_EQ(j["provenance"]["input_format"], "maf");
    bool kras = false;
    // G12D matches no allele row of KRAS, only the gene-level missense class row (its missense
    // class comes from the MAF's protein change); it is a finding, not "no knowledge".
    for (const auto& f : j["no_knowledge"]) EXPECT_NE(f["consequence"]["gene"], "KRAS") << f;
    for (const auto& f : j["findings"])
        if (f["consequence"]["gene"] == "KRAS") {
            EXPECT_EQ(f["consequence"]["protein_change"], "G12D");
            EXPECT_EQ(f["consequence"]["protein_change_source"], "MAF Protein_Change");
            ASSERT_EQ(f["matches"].size(), 1u) << f;
            EXPECT_EQ(f["matches"][0]["kb_id"], "KRAS-missense-crizotinib-1");
            EXPECT_EQ(f["matches"][0]["how"], "class:missense");
            kras = true;
        }
    EXPECT_TRUE(kras) << r.out;
    // Every examined allele with a MAF protein change took it from the MAF (KRAS and three in other
    // genes; EZH2's allele, examined since the CIViC layer's genes joined the model, has none).
    long with_change = 0;
    for (const char* list : {"findings", "no_knowledge"})
        for (const auto& f : j[list]) with_change += f["consequence"]["protein_change_source"] == "MAF Protein_Change";
    EXPECT_EQ(with_change, 4);
    EXPECT_EQ(j["counters"]["maf_protein_change_used"], with_change);
    EXPECT_EQ(j["counters"]["alleles_in_knowledge_base_genes"], 1);
}

// Why (issue 8, "done when"): in the Genome Nexus annotated MSK-IMPACT MAF, P-0000015-T01-IM3
// carries PIK3CA E545K (HGVSp_Short p.E545K, GRCh37 3:178936091 G>A). PIK3CA has a model but no
// knowledge rows: the allele is examined and listed as "no knowledge" in TSV and JSON with no
// drug, effect or level, and the gene table says PIK3CA was examined (1 allele, 1 without
// knowledge), as for TP53 R248W in the same sample.
TEST(MafCli, genome_nexus_pik3ca_e545k_is_examined_without_knowledge) {
    if (!fs::exists(kFormats / "maf")) GTEST_SKIP() << "../shared is absent";
    TempDir tmp("maf_pik3ca");
    const auto gt = (tmp.path() / "genes.tsv").string();
    // The curated rows alone: the CIViC layer has PIK3CA E545K rows.
    auto r = run_rvanno(
        kFormats / "maf",
        {"annotate", "--sample", "P-0000015-T01-IM3", "--gene-table", gt, "data_mutations_extended_100.out.mskcc.txt"},
        "", {curated_only_db_env()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    bool pik3ca = false;
    for (const auto& l : lines(r.out)) {
        const auto c = cells(l);
        if (c.size() < 29 || c[9] != "PIK3CA") continue;
        pik3ca = true;
        EXPECT_EQ(c[1], "no_knowledge");
        EXPECT_EQ(c[2] + ":" + c[3] + ":" + c[4] + ":" + c[5], "3:178936091:G:A");
        EXPECT_EQ(c[10], "NM_006218.4");
        EXPECT_EQ(c[11], "c.1633G>A");
        EXPECT_EQ(c[13], "E545K");
        EXPECT_EQ(c[17], "no knowledge: PIK3CA has no knowledge-base rows (no curated resistance knowledge)");
        for (std::size_t k = 18; k < c.size(); ++k) EXPECT_EQ(c[k], "") << "column " << k << " invented";
    }
    EXPECT_TRUE(pik3ca) << r.out;
    bool row = false;
    for (const auto& l : lines(slurp(gt))) {
        const auto c = cells(l);
        if (c[0] != "PIK3CA" && c[0] != "TP53") continue;
        row = true;
        // gene transcript knowledge_rows small_variants small_variant_alleles matched no_knowledge_alleles
        EXPECT_EQ(c[2], "0");
        EXPECT_EQ(c[3], "examined");
        EXPECT_EQ(c[4], "1");
        EXPECT_EQ(c[5], "0");
        EXPECT_EQ(c[6], "1");
    }
    EXPECT_TRUE(row);
    auto j = run_rvanno(
        kFormats / "maf",
        {"annotate", "--sample", "P-0000015-T01-IM3", "-f", "json", "data_mutations_extended_100.out.mskcc.txt"}, "",
        {curated_only_db_env()});
    ASSERT_EQ(j.exit_code, 0) << j.err;
    const auto doc = nlohmann::json::parse(j.out);
    bool in_json = false;
    for (const auto& f : doc["no_knowledge"])
        in_json |= f["consequence"]["gene"] == "PIK3CA" && f["consequence"]["protein_change"] == "E545K";
    EXPECT_TRUE(in_json);
    for (const auto& g : doc["genes"])
        if (g["gene"] == "PIK3CA") { EXPECT_EQ(g["small_variants"], "examined"); }
    EXPECT_NE(doc["provenance"]["examined"].get<std::string>().find(
                  "records outside every model gene, not examined: 2"),  // 3 before the CIViC layer's genes joined
              std::string::npos);
}

// Why: a multi-sample MAF without --sample is a usage error (exit 2) naming the samples and
// the way out, and prints nothing on stdout.
TEST(MafCli, multi_sample_maf_needs_sample) {
    if (!fs::exists(kFormats / "maf")) GTEST_SKIP() << "../shared is absent";
    auto r = run_rvanno(kFormats / "maf", {"annotate", "tcga_laml.maf.gz"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(r.err.find("samples (Tumor_Sample_Barcode): TCGA-"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--sample"), std::string::npos) << r.err;
}

// Why: the MSK data_mutations_extended MAF (genome nexus '#' lines, t_ref_count/t_alt_count)
// runs, with VAF and depth and their source in the provenance.
TEST(MafCli, msk_data_mutations_extended_runs) {
    if (!fs::exists(kFormats / "maf")) GTEST_SKIP() << "../shared is absent";
    auto r = run_rvanno(kFormats / "maf",
                        {"annotate", "--sample", "P-0000004-T01-IM3", "data_mutations_extended_100.out.mskcc.txt"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("##input_format=maf\n"), std::string::npos);
    EXPECT_NE(r.out.find("##vaf_source=MAF t_alt_count/(t_ref_count+t_alt_count)\n"), std::string::npos);
    EXPECT_NE(r.out.find("##genome_build=GRCh37"), std::string::npos);
}

// Why: `rvanno batch` takes a multi-sample MAF like a multi-sample VCF: one report per
// Tumor_Sample_Barcode, each with only that sample's alterations.
TEST(MafCli, batch_writes_one_report_per_barcode) {
    TempDir tmp("maf_batch");
    auto r = run_rvanno(kCase, {"batch", "-o", tmp.file("out"), "input.txt"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto a = slurp(tmp.file("out/TUMOR_A.tsv"));
    const auto b = slurp(tmp.file("out/TUMOR_B.tsv"));
    EXPECT_NE(a.find("ALK-G1202R_L1196M-lorlatinib-1"), std::string::npos);
    // No G1202R finding: neither its c. allele nor a protein-change cell (row notes of L1196M may name
    // G1202R, e.g. the compound row they are superseded by).
    EXPECT_EQ(b.find("c.3604G>A"), std::string::npos) << "TUMOR_B carries L1196M only";
    EXPECT_EQ(b.find("\tG1202R\t"), std::string::npos) << "TUMOR_B carries L1196M only";
    EXPECT_NE(b.find("ALK-L1196M-crizotinib-1"), std::string::npos);
}

// Why: --output-vcf passes VCF records through and -r/-R read a VCF index: neither has a MAF
// form, so both are refused as usage errors before anything is written.
TEST(MafCli, output_vcf_and_regions_refused) {
    auto r = run_rvanno(kCase, {"annotate", "--sample", "TUMOR_A", "--output-vcf", "/nonexistent/x.vcf", "input.txt"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("is a MAF"), std::string::npos) << r.err;
    r = run_rvanno(kCase, {"annotate", "--sample", "TUMOR_A", "-r", "chr2", "input.txt"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("is a MAF"), std::string::npos) << r.err;
}

class MafFasta : public ::testing::Test {
protected:
    static inline fs::path dir;
    static inline std::string slice;
    static void SetUpTestSuite() {
        slice = rvanno::test::egfr_slice_bases();
        if (slice.empty()) return;
        dir = fs::temp_directory_path() / ("rvanno_maf_fasta_" + std::to_string(::getpid()));
        fs::create_directories(dir);
        rvanno::test::write_egfr_fasta(dir / "ref.fa", slice);
    }
    static void TearDownTestSuite() {
        if (!dir.empty()) fs::remove_all(dir);
    }
    void SetUp() override {
        if (slice.empty()) GTEST_SKIP() << "../shared is absent";
    }
    static void write_maf(const std::string& rows) { std::ofstream(dir / "in.maf") << kHeader << rows; }
    static char base_at(long pos1) { return slice.at(static_cast<std::size_t>(pos1 - kSliceStart)); }
};

// Why: with --fasta rvanno computes p.T790M itself; a MAF that says the same is counted as
// agreeing and changes nothing.
TEST_F(MafFasta, hgvsp_short_agreeing_is_counted) {
    write_maf("EGFR\tGRCh37\t7\t55249071\t55249071\tC\tC\tT\tS1\t100\t25\tp.T790M\n");
    auto r = run_rvanno(dir, {"annotate", "--fasta", "ref.fa", "-f", "json", "in.maf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["counters"]["maf_protein_change_agreed"], 1);
    ASSERT_EQ(j["findings"].size(), 1u);
    EXPECT_EQ(j["findings"][0]["consequence"]["protein_change_source"], "rvanno");
    EXPECT_EQ(j["findings"][0]["vaf"], 0.25);
}

// Why: a MAF protein change that contradicts rvanno's is never hidden: rvanno's is kept and
// used for matching, the disagreement is counted and written on every match and the source.
TEST_F(MafFasta, hgvsp_short_disagreeing_is_reported) {
    write_maf("EGFR\tGRCh37\t7\t55249071\t55249071\tC\tC\tT\tS1\t100\t25\tp.T790K\n");
    auto r = run_rvanno(dir, {"annotate", "--fasta", "ref.fa", "-f", "json", "in.maf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["counters"]["maf_protein_change_disagreements"], 1);
    ASSERT_EQ(j["findings"].size(), 1u);
    const auto& f = j["findings"][0];
    EXPECT_EQ(f["consequence"]["protein_change"], "T790M");
    EXPECT_EQ(f["consequence"]["protein_change_source"], "rvanno; MAF HGVSp_Short says p.T790K");
    ASSERT_FALSE(f["matches"].empty());
    for (const auto& m : f["matches"])
        EXPECT_NE(
            m["detail"].get<std::string>().find("the MAF HGVSp_Short column says p.T790K, rvanno computed p.T790M"),
            std::string::npos)
            << m["detail"];
}

// Why: a MAF deletion ('-' ALT, no padding base) is anchored on the preceding reference base
// with --fasta and then left-normalised like the same VCF deletion.
TEST_F(MafFasta, dash_deletion_is_anchored_and_normalised) {
    long start = 0, len = 0;
    for (long p = 55249100; p < 55274000 && !start; ++p) {
        long n = 1;
        while (base_at(p + n) == base_at(p)) ++n;
        if (n >= 5 && base_at(p - 1) != base_at(p)) {
            start = p;
            len = n;
        }
    }
    ASSERT_GT(start, 0);
    const long last = start + len - 1;  // the run's last base, as a MAF may write it
    const std::string b(1, base_at(start));
    write_maf("EGFR\tGRCh37\t7\t" + std::to_string(last) + "\t" + std::to_string(last) + "\t" + b + "\t" + b +
              "\t-\tS1\t\t\t\n");
    auto r = run_rvanno(dir, {"annotate", "--fasta", "ref.fa", "-f", "json", "in.maf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["unmatched_in_knowledge_base_genes"].size(), 1u) << r.out;
    const auto& f = j["unmatched_in_knowledge_base_genes"][0];
    EXPECT_EQ(f["pos"], start - 1) << "padding base before the run";
    EXPECT_EQ(f["ref"], std::string(1, base_at(start - 1)) + b);
    EXPECT_EQ(f["alt"], std::string(1, base_at(start - 1)));
}

// Why: the TCGA LAML MAF through `rvanno batch`: one report per Tumor_Sample_Barcode, and a
// knowledge-base answer on real data: TCGA-AB-2870's NRAS Q61K (1:115256530 G>T, GRCh37)
// matches the NRAS Q61K rows, its protein change taken from the MAF's Protein_Change column.
TEST(MafCli, tcga_laml_batch_finds_nras_q61k) {
    if (!fs::exists(kFormats / "maf")) GTEST_SKIP() << "../shared is absent";
    TempDir tmp("maf_laml_batch");
    auto r = run_rvanno(kFormats / "maf", {"batch", "-q", "-o", tmp.file("out"), "tcga_laml.maf.gz"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_GT(tmp.entries().size(), 0u);
    const auto tsv = slurp(tmp.file("out/TCGA-AB-2870.tsv"));
    EXPECT_NE(tsv.find("\tNRAS\t"), std::string::npos) << tsv;
    EXPECT_NE(tsv.find("NRAS-Q61K-"), std::string::npos) << tsv;
    EXPECT_NE(tsv.find("protein change from the MAF Protein_Change column"), std::string::npos);
}

// Why: `compare` runs each sample through the same pipeline, so two barcodes of one MAF
// compare like two samples of one VCF: TUMOR_A's G1202R is acquired over TUMOR_B.
TEST(MafCli, compare_two_barcodes_of_one_maf) {
    auto r = run_rvanno(kCase, {"compare", "-q", "--baseline-sample", "TUMOR_B", "--progression-sample", "TUMOR_A",
                                "input.txt", "input.txt"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("alteration\tALK p.G1202R\tsmall_variant\tALK\tacquired\t"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("alteration\tALK p.L1196M\tsmall_variant\tALK\tpersistent\t"), std::string::npos) << r.out;
}
