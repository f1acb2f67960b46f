// FastaReference over real HTSlib faidx: contig-name mapping, bounds and upper-casing, on
// small FASTA files written to a temporary directory.
#include "io/fasta_reference.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "rvanno/error.hpp"

namespace fs = std::filesystem;

namespace {

class FastaReferenceTest : public ::testing::Test {
protected:
    fs::path dir;
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir = fs::temp_directory_path() / ("rvanno-fasta-" + std::to_string(::getpid()) + "-" + info->name());
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }

    // Writes `records` (name, sequence) as FASTA with 60-column lines.
    fs::path write_fasta(const std::vector<std::pair<std::string, std::string>>& records) {
        const fs::path path = dir / "ref.fa";
        std::ofstream out(path);
        for (const auto& [name, seq] : records) {
            out << '>' << name << " synthetic\n";
            for (std::size_t i = 0; i < seq.size(); i += 60) out << seq.substr(i, 60) << '\n';
        }
        return path;
    }
};

std::string repeat(const std::string& unit, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += unit;
    return s;
}

}  // namespace

// "chr"-style names must answer canonical names; line wrapping must not shift positions.
TEST_F(FastaReferenceTest, chr_names_answer_to_canonical_names) {
    const std::string two = repeat("ACGTTGCA", 20);  // 160 nt, synthetic
    const rvanno::FastaReference ref(write_fasta({{"chr2", two}, {"chrM", "GATCACAGGT"}}));
    EXPECT_EQ(ref.fetch("2", 0, 4), "ACGT");
    EXPECT_EQ(ref.fetch("2", 58, 66), two.substr(58, 8));  // across the line break at 60
    EXPECT_EQ(ref.fetch("MT", 2, 5), "TCA");
    EXPECT_EQ(ref.fetch("2", 160, 160), "");
}

// Bare names ("2", "MT") pass through; names that are no primary contig match only exactly.
TEST_F(FastaReferenceTest, bare_and_unmapped_names) {
    const rvanno::FastaReference ref(write_fasta({{"2", "acgtNNacgt"}, {"MT", "GGCC"}, {"toy", "TTAA"}}));
    EXPECT_EQ(ref.fetch("2", 0, 10), "ACGTNNACGT");  // soft-masked input comes back upper-case
    EXPECT_EQ(ref.fetch("MT", 0, 4), "GGCC");
    EXPECT_EQ(ref.fetch("toy", 1, 3), "TA");
    EXPECT_EQ(ref.fetch("X", 0, 1), std::nullopt);
}

// faidx truncates silently at a contig end; FastaReference must refuse instead.
TEST_F(FastaReferenceTest, out_of_range_is_nullopt) {
    const rvanno::FastaReference ref(write_fasta({{"chr2", "ACGTACGT"}}));
    EXPECT_EQ(ref.fetch("2", 6, 9), std::nullopt);
    EXPECT_EQ(ref.fetch("2", -1, 2), std::nullopt);
    EXPECT_EQ(ref.fetch("2", 5, 4), std::nullopt);
    EXPECT_EQ(ref.fetch("2", 4, 8), "ACGT");
}

// A FASTA that cannot be indexed is a user error with the fix in the hint.
TEST_F(FastaReferenceTest, missing_fasta_is_a_user_error) {
    const fs::path missing = dir / "absent.fa";
    try {
        rvanno::FastaReference ref(missing);
        FAIL() << "expected UserError";
    } catch (const rvanno::UserError& e) {
        EXPECT_EQ(std::string(e.what()), "cannot open FASTA index for '" + missing.string() + "'");
        EXPECT_EQ(e.hint(), "index it with: samtools faidx " + missing.string());
    }
}

// Real GRCh37 sequence (EGFR slice written as its own contig): the T790M base is C.
TEST_F(FastaReferenceTest, real_slice_spot_check) {
    std::ifstream in(fs::path(RVANNO_SHARED_DATA) / "reference_sequence/grch37/hg19.fa.csv");
    std::string seq;
    for (std::string line; std::getline(in, line);)
        if (line.rfind("chr7,55244401,", 0) == 0) seq = line.substr(line.rfind(',') + 1);
    if (seq.empty()) GTEST_SKIP() << "shared hg19 slices not available";
    const rvanno::FastaReference ref(write_fasta({{"chr7", seq}}));
    EXPECT_EQ(ref.fetch("7", 55249071 - 55244401, 55249071 - 55244401 + 1), "C");
}
