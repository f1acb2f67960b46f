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
    static void write_vcf(const std::string& body) {
        std::ofstream(dir / "in.vcf") << "##fileformat=VCFv4.2\n##contig=<ID=7,length=159138663>\n"
                                         "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
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
        EXPECT_EQ(m["how"], "hgvs_p");
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

}  // namespace
