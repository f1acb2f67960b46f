// `--fasta` end to end on real GRCh37 sequence: the EGFR slice of ../shared's hg19 reference
// (chr7:55244401-55274600, exon 20 to the end of the kinase domain) is written at its true
// offset into a temporary FASTA (N before it), so HGVS p., REF checks and normalisation run on
// real bases. Skipped when ../shared is absent.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "support/cli_run.hpp"
#include "support/egfr_slice.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;

namespace {

constexpr long kSliceStart = rvanno::test::kEgfrSliceStart;

class Fasta : public ::testing::Test {
protected:
    static inline fs::path dir;
    static inline std::string slice;
    static void SetUpTestSuite() {
        slice = rvanno::test::egfr_slice_bases();
        if (slice.empty()) return;
        dir = fs::temp_directory_path() / ("rvanno_fasta_" + std::to_string(::getpid()));
        fs::create_directories(dir);
        rvanno::test::write_egfr_fasta(dir / "ref.fa", slice);
    }
    static void TearDownTestSuite() {
        if (!dir.empty()) fs::remove_all(dir);
    }
    void SetUp() override {
        if (slice.empty()) GTEST_SKIP() << "../shared is absent";
    }
    static void write_vcf(const std::string& body, const std::string& extra_header = "") {
        std::ofstream(dir / "in.vcf") << "##fileformat=VCFv4.2\n##contig=<ID=7,length=159138663>\n"
                                      << extra_header << "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                                      << body;
    }
    static char base_at(long pos1) { return slice.at(static_cast<std::size_t>(pos1 - kSliceStart)); }
};

// Why: with --fasta rvanno translates: EGFR c.2369C>T is p.Thr790Met and matches T790M rows
// by protein change (SOURCES.md spot check: T790M C at chr7:55249071 on hg19).
TEST_F(Fasta, egfr_t790m_gets_hgvs_p_and_matches_by_protein_change) {
    ASSERT_EQ(base_at(55249071), 'C');
    write_vcf("7\t55249071\t.\tC\tT\t.\tPASS\t.\n");
    auto r = run_rvanno(dir, {"annotate", "-g", "GRCh37", "--fasta", "ref.fa", "-f", "json", "in.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["findings"].size(), 1u);
    const auto& c = j["findings"][0]["consequence"];
    EXPECT_EQ(c["hgvs_c"], "c.2369C>T");
    EXPECT_EQ(c["hgvs_p"], "p.Thr790Met");
    EXPECT_EQ(c["protein_change"], "T790M");
    EXPECT_EQ(c["protein_change_source"], "rvanno");
    bool osimertinib_sensitive = false;
    for (const auto& m : j["findings"][0]["matches"]) {
        // CIViC "EGFR Mutation" rows (a range over the whole protein) match too, by range.
        if (m["layer"] == "curated") {
            EXPECT_EQ(m["how"], "hgvs_p");
        }
        for (const auto& d : m["drugs"]) osimertinib_sensitive |= d == "osimertinib" && m["effect"] == "sensitivity";
    }
    EXPECT_TRUE(osimertinib_sensitive);
}

// Why: a REF that disagrees with the reference means the wrong build or a corrupt file: stop.
TEST_F(Fasta, ref_mismatch_is_an_error_naming_the_record) {
    write_vcf("7\t55249071\t.\tG\tT\t.\tPASS\t.\n");
    auto r = run_rvanno(dir, {"annotate", "-g", "GRCh37", "--fasta", "ref.fa", "in.vcf"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("in.vcf: record 1 (7:55249071): REF 'G' does not match the reference FASTA"),
              std::string::npos)
        << r.err;
    EXPECT_TRUE(r.out.empty());
}

// Why: a deletion written at the right end of a homopolymer must be left-normalised (as
// bcftools norm does) before it is annotated, and the original allele reported.
TEST_F(Fasta, deletion_in_a_homopolymer_is_left_normalised) {
    // First run of >= 5 identical bases inside the slice after the T790M codon.
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
    const long last = start + len - 1;  // delete the run's last base, written right-aligned
    const std::string run_base(1, base_at(start));
    write_vcf("7\t" + std::to_string(last - 1) + "\t.\t" + run_base + run_base + "\t" + run_base + "\t.\tPASS\t.\n");
    auto r = run_rvanno(dir, {"annotate", "-g", "GRCh37", "--fasta", "ref.fa", "-f", "json", "in.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // No knowledge row matches a 1-bp deletion in a run, so it is listed as unmatched.
    auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["unmatched_in_knowledge_base_genes"].size(), 1u);
    const auto& f = j["unmatched_in_knowledge_base_genes"][0];
    EXPECT_EQ(f["pos"], start - 1) << "padding base before the run";
    EXPECT_EQ(f["ref"], std::string(1, base_at(start - 1)) + run_base);
    EXPECT_EQ(f["alt"], std::string(1, base_at(start - 1)));
    EXPECT_EQ(f["input_allele"], "7:" + std::to_string(last - 1) + ":" + run_base + run_base + ":" + run_base);
}

// ---- Where the FASTA comes from: --fasta, then RVANNO_FASTA, then the VCF's ##reference ----

const char* const kT790M = "7\t55249071\t.\tC\tT\t.\tPASS\t.\n";
// EGFR c.2361G>A (p.Gln787=, the common synonymous SNP rs1050171): a c. allele no row lists, so
// without a FASTA its protein change stays unknown.
const char* const kQ787 = "7\t55249063\t.\tG\tA\t.\tPASS\t.\n";

// Why: RVANNO_FASTA stands in for --fasta (as RVANNO_DB does for --db), and the provenance says so.
TEST_F(Fasta, rvanno_fasta_environment_variable_is_used_like_fasta) {
    write_vcf(kT790M);
    auto r = run_rvanno(dir, {"annotate", "-g", "GRCh37", "-f", "json", "in.vcf"}, "",
                        {"RVANNO_FASTA=" + (dir / "ref.fa").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["findings"][0]["consequence"]["protein_change"], "T790M");
    EXPECT_EQ(j["findings"][0]["consequence"]["protein_change_source"], "rvanno");
    EXPECT_EQ(j["provenance"]["reference_fasta"], (dir / "ref.fa").string());
    EXPECT_EQ(j["provenance"]["reference_fasta_source"], "RVANNO_FASTA");
    EXPECT_EQ(j["provenance"]["coding_alleles_without_protein_change"], 0);
}

// Why: an explicit --fasta wins over the environment (here naming a file that does not exist).
TEST_F(Fasta, fasta_option_beats_the_environment) {
    write_vcf(kT790M);
    auto r = run_rvanno(dir, {"annotate", "-g", "GRCh37", "--fasta", "ref.fa", "in.vcf"}, "",
                        {"RVANNO_FASTA=" + (dir / "absent.fa").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("##reference_fasta=ref.fa\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("##reference_fasta_source=--fasta\n"), std::string::npos) << r.out;
}

// Why: a VCF whose ##reference names a FASTA that exists (GATK and Strelka write file:// URLs) gets
// HGVS p. without --fasta; the provenance names the source.
TEST_F(Fasta, vcf_reference_header_names_the_fasta) {
    write_vcf(std::string(kQ787) + kT790M, "##reference=file://" + (dir / "ref.fa").string() + "\n");
    auto r = run_rvanno(dir, {"annotate", "-g", "GRCh37", "in.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // Q787= is translated (and so not left without a protein change), T790M too.
    EXPECT_NE(r.out.find("##reference_fasta=" + (dir / "ref.fa").string() + "\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("##reference_fasta_source=##reference\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\tp.Thr790Met\tT790M\tmissense_variant\t"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("##coding_alleles_without_protein_change=0\n"), std::string::npos) << r.out;
}

// Why: the environment outranks the header; the header's file is then not even looked at.
TEST_F(Fasta, environment_beats_the_vcf_reference) {
    write_vcf(kT790M, "##reference=file:///nowhere/GRCh37.fa\n");
    auto r = run_rvanno(dir, {"annotate", "-g", "GRCh37", "-f", "json", "in.vcf"}, "",
                        {"RVANNO_FASTA=" + (dir / "ref.fa").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["provenance"]["reference_fasta_source"], "RVANNO_FASTA");
    EXPECT_FALSE(j["provenance"].contains("reference_fasta_note"));
}

// Why: a ##reference that names no file here (moved, another machine) is no error, but the run
// must say it worked without one: the provenance note, and the count of coding alleles left
// without a protein change with the --fasta hint (TSV, JSON and the summary line).
TEST_F(Fasta, missing_reference_named_by_the_header_is_noted) {
    ASSERT_EQ(base_at(55249063), 'G');
    write_vcf(kQ787, "##reference=file://" + (dir / "absent.fa").string() + "\n");
    auto r = run_rvanno(dir, {"annotate", "-g", "GRCh37", "in.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("##reference_fasta="), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("##reference_fasta_note=the ##reference of 'in.vcf' names '" + (dir / "absent.fa").string() +
                         "', which was not found: no FASTA used"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("##coding_alleles_without_protein_change=1 (no reference FASTA was used: give --fasta"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.err.find("1 coding allele(s) without a protein change (no reference FASTA was used"), std::string::npos)
        << r.err;
    auto j = run_rvanno(dir, {"annotate", "-g", "GRCh37", "-f", "json", "in.vcf"});
    auto p = nlohmann::json::parse(j.out)["provenance"];
    EXPECT_TRUE(p["reference_fasta"].is_null());
    EXPECT_EQ(p["coding_alleles_without_protein_change"], 1);
    EXPECT_NE(p["reference_fasta_note"].get<std::string>().find("was not found"), std::string::npos);
}

// Why: a file the header names that is no FASTA cannot be indexed: noted, not used, no error.
TEST_F(Fasta, unindexable_reference_named_by_the_header_is_noted) {
    std::ofstream(dir / "not_a_fasta.txt") << "this is not a FASTA file\n";
    write_vcf(kT790M, "##reference=" + (dir / "not_a_fasta.txt").string() + "\n");
    auto r = run_rvanno(dir, {"annotate", "-g", "GRCh37", "-f", "json", "in.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto p = nlohmann::json::parse(r.out)["provenance"];
    EXPECT_TRUE(p["reference_fasta"].is_null());
    EXPECT_NE(p["reference_fasta_note"].get<std::string>().find("could not be indexed"), std::string::npos) << p;
    fs::remove(dir / "not_a_fasta.txt");
    fs::remove(dir / "not_a_fasta.txt.fai");
}

// Why: whatever its source, a FASTA that disagrees with the VCF's REF (another build) stops the run
// as --fasta does, and the hint says where the FASTA came from.
TEST_F(Fasta, wrong_build_fasta_from_the_header_or_environment_is_caught) {
    write_vcf("7\t55249071\t.\tG\tT\t.\tPASS\t.\n", "##reference=file://" + (dir / "ref.fa").string() + "\n");
    auto r = run_rvanno(dir, {"annotate", "-g", "GRCh37", "in.vcf"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("REF 'G' does not match the reference FASTA"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("the VCF and the FASTA its ##reference names ('" + (dir / "ref.fa").string() +
                         "') are probably from different genome builds"),
              std::string::npos)
        << r.err;
    EXPECT_TRUE(r.out.empty());
    write_vcf("7\t55249071\t.\tG\tT\t.\tPASS\t.\n");
    r = run_rvanno(dir, {"annotate", "-g", "GRCh37", "in.vcf"}, "", {"RVANNO_FASTA=" + (dir / "ref.fa").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("the VCF and RVANNO_FASTA ('" + (dir / "ref.fa").string() + "')"), std::string::npos) << r.err;
}

// Why: with a FASTA rvanno's own class stays, whatever an annotation says; a disagreement is
// counted and each match of the finding says what the annotation said (here a VEP CSQ that calls
// EGFR c.2369C>T synonymous, written in VEP's format for this test).
TEST_F(Fasta, annotation_class_disagreeing_with_rvanno_is_counted_and_noted) {
    const std::string csq_header =
        "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. Format: "
        "Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp\">\n";
    write_vcf(
        "7\t55249071\t.\tC\tT\t.\tPASS\tCSQ=T|synonymous_variant|LOW|EGFR||Transcript|ENST00000275493|"
        "protein_coding|||ENST00000275493.2:c.2369C>T|\n",
        csq_header);
    auto r = run_rvanno(dir, {"annotate", "-g", "GRCh37", "--fasta", "ref.fa", "-f", "json", "in.vcf"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["counters"]["annotation_class_disagreements"], 1);
    const auto& f = j["findings"][0];
    EXPECT_EQ(f["consequence"]["terms"], nlohmann::json::array({"missense_variant"}));
    EXPECT_TRUE(f["consequence"]["class_source"].is_null());
    ASSERT_FALSE(f["matches"].empty());
    for (const auto& m : f["matches"])
        EXPECT_NE(
            m["detail"].get<std::string>().find("(INFO/CSQ says synonymous_variant, rvanno computed missense_variant)"),
            std::string::npos)
            << m["detail"];
}

}  // namespace
