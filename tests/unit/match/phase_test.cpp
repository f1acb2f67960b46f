// The phase rules of src/match/phase.cpp: cis/trans/unknown from GT and FORMAT/PS, one case per
// rule and its near misses. Alleles are built by hand (EGFR T790M and C797S, 20 bp apart).
#include "match/phase.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using namespace rvanno;

namespace {

AlleleFinding allele(std::string gt, std::optional<std::int64_t> ps, int gt_allele = 1, std::string contig = "chr7") {
    AlleleFinding f;
    f.contig_name = std::move(contig);
    f.genotype = std::move(gt);
    f.phase_set = ps;
    f.gt_allele = gt_allele;
    return f;
}

Phase phase(const AlleleFinding& a, const AlleleFinding& b) { return phase_between(a, b).phase; }

}  // namespace

// Why: read-backed phasers (Mutect2, WhatsHap) write GT 0|1 with PS; same PS, same haplotype is
// cis, different haplotypes trans (Niederst 2015: the answer for the drugs depends on it).
TEST(Phase, same_phase_set_same_haplotype_is_cis_else_trans) {
    EXPECT_EQ(phase(allele("0|1", 55181378), allele("0|1", 55181378)), Phase::cis);
    EXPECT_EQ(phase(allele("1|0", 55181378), allele("1|0", 55181378)), Phase::cis);
    EXPECT_EQ(phase(allele("0|1", 55181378), allele("1|0", 55181378)), Phase::trans);
    auto t = phase_between(allele("0|1", 55181378), allele("1|0", 55181378));
    EXPECT_EQ(t.why, "PS 55181378: on haplotype 2 and haplotype 1");
    // A multi-allelic record: ALT 2 on haplotype 1.
    EXPECT_EQ(phase(allele("2|1", 7, 2), allele("1|0", 7)), Phase::cis);
}

// Why: different phase sets, one phase set missing, unphased GTs, no-calls and no GT at all
// (MAF input) leave the phase unknown - never guessed.
TEST(Phase, anything_unphased_or_across_phase_sets_is_unknown) {
    EXPECT_EQ(phase(allele("0|1", 100), allele("0|1", 200)), Phase::unknown);
    EXPECT_EQ(phase(allele("0|1", 100), allele("0|1", std::nullopt)), Phase::unknown);
    EXPECT_EQ(phase(allele("0/1", std::nullopt), allele("0/1", std::nullopt)), Phase::unknown);
    EXPECT_EQ(phase(allele("0|1", 100), allele("0/1", 100)), Phase::unknown);
    EXPECT_EQ(phase(allele(".|1", 100), allele("0|1", 100)), Phase::unknown);
    EXPECT_EQ(phase(allele("", std::nullopt, 0), allele("0/1", std::nullopt)), Phase::unknown);
    EXPECT_EQ(phase(allele("0|1", 100), allele("0|1", 100, 1, "chr8")), Phase::unknown);
    EXPECT_EQ(phase(allele("1", std::nullopt), allele("0/1", std::nullopt)), Phase::unknown);  // haploid call
}

// Why: a phased GT without PS belongs to the one PS-less phase set (VCF 4.2/4.3 wording), and a
// homozygous ALT lies on every haplotype, so it is in cis with the other allele, phased or not.
TEST(Phase, conventions_no_ps_and_homozygous) {
    EXPECT_EQ(phase(allele("0|1", std::nullopt), allele("1|0", std::nullopt)), Phase::trans);
    EXPECT_NE(phase_between(allele("0|1", std::nullopt), allele("0|1", std::nullopt)).why.find("VCF convention"),
              std::string::npos);
    EXPECT_EQ(phase(allele("1/1", std::nullopt), allele("0/1", std::nullopt)), Phase::cis);
    EXPECT_EQ(phase(allele("0/1", std::nullopt), allele("1|1", 5)), Phase::cis);
}
