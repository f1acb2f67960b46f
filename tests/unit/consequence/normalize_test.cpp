// left_normalize() and ref_matches() on small invented sequences, with the answers
// `bcftools norm -f` gives for them worked out by hand.

#include <gtest/gtest.h>

#include "consequence/normalize.hpp"

using rvanno::Allele;

namespace {

// One synthetic contig "T" held in memory; nothing else exists.
class MemoryReference : public rvanno::ReferenceSequence {
public:
    explicit MemoryReference(std::string seq) : seq_(std::move(seq)) {}
    std::optional<std::string> fetch(const std::string& contig, std::int64_t begin, std::int64_t end) const override {
        if (contig != "T" || begin < 0 || end < begin || end > static_cast<std::int64_t>(seq_.size()))
            return std::nullopt;
        return seq_.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
    }

private:
    std::string seq_;
};

void expect_allele(const Allele& a, std::int64_t pos, const std::string& ref, const std::string& alt) {
    EXPECT_EQ(a.pos, pos);
    EXPECT_EQ(a.ref, ref);
    EXPECT_EQ(a.alt, alt);
}

}  // namespace

// A homopolymer indel can be written anywhere in the run; bcftools puts it first.
TEST(Normalize, homopolymer_indels_move_to_the_start_of_the_run) {
    const MemoryReference ref("TTGCAAAATCG");  // A run at 4..7
    expect_allele(rvanno::left_normalize({"T", 7, "A", "AA"}, ref), 3, "C", "CA");
    expect_allele(rvanno::left_normalize({"T", 6, "AA", "A"}, ref), 3, "CA", "C");
}

// Dinucleotide repeats shift by whole rotations, not just by the repeated base.
TEST(Normalize, dinucleotide_repeat_indels_shift_left) {
    const MemoryReference ref("GTCACACAGT");  // CACACA at 2..7
    expect_allele(rvanno::left_normalize({"T", 5, "ACA", "A"}, ref), 1, "TCA", "T");
    expect_allele(rvanno::left_normalize({"T", 7, "A", "ACA"}, ref), 1, "T", "TCA");
}

// Callers pad alleles with shared context; only the changed base(s) may remain.
TEST(Normalize, shared_suffix_and_prefix_are_trimmed) {
    const MemoryReference ref("GTCACACAGT");
    expect_allele(rvanno::left_normalize({"T", 2, "CACA", "CGCA"}, ref), 3, "A", "G");
    expect_allele(rvanno::left_normalize({"T", 1, "TCACA", "TCA"}, ref), 1, "TCA", "T");
    expect_allele(rvanno::left_normalize({"T", 2, "cac", "ctc"}, ref), 3, "A", "T");
}

// VCF pads an indel at the first base of a contig with the base after it.
TEST(Normalize, indel_at_contig_start_is_padded_on_the_right) {
    const MemoryReference ref("CAGT");
    expect_allele(rvanno::left_normalize({"T", 0, "CA", "A"}, ref), 0, "CA", "A");
}

// Without sequence the allele is trimmed as far as its own bases allow, never emptied.
TEST(Normalize, unknown_contig_is_trimmed_but_not_shifted) {
    const MemoryReference ref("GTCACACAGT");
    const Allele a = rvanno::left_normalize({"Z", 5, "GAT", "GT"}, ref);
    EXPECT_EQ(a.contig, "Z");
    expect_allele(a, 5, "GA", "G");
}

// Symbolic alleles pass through untouched.
TEST(Normalize, symbolic_alleles_are_left_alone) {
    const MemoryReference ref("GTCACACAGT");
    expect_allele(rvanno::left_normalize({"T", 2, "C", "<DEL>"}, ref), 2, "C", "<DEL>");
}

// ref_matches catches a VCF written against another build or a wrong FASTA.
TEST(Normalize, ref_matches_compares_case_insensitively) {
    const MemoryReference ref("GTCACACAGT");
    EXPECT_EQ(rvanno::ref_matches({"T", 2, "cac", "c"}, ref), true);
    EXPECT_EQ(rvanno::ref_matches({"T", 2, "CAG", "C"}, ref), false);
    EXPECT_EQ(rvanno::ref_matches({"T", 9, "TA", "T"}, ref), std::nullopt);
    EXPECT_EQ(rvanno::ref_matches({"Z", 2, "C", "A"}, ref), std::nullopt);
}
