// Depth providers on the small fixtures of testdata/depth (written by make.sh; README there
// lists each record's purpose). Codon spans are the GRCh38 ALK codons from CHECKS.md:
// G1202 = chr2:29220745-29220747 and L1196 = chr2:29220763-29220765 (1-based).
#include "io/depth/provider.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "io/depth/gvcf.hpp"
#include "io/depth/mosdepth.hpp"
#include "rvanno/error.hpp"

namespace fs = std::filesystem;
using rvanno::Region;

namespace {

const fs::path kDir = fs::path(RVANNO_TESTDATA) / "depth";
const Region kG1202{"2", 29220744, 29220747};  // 0-based half-open
const Region kL1196{"2", 29220762, 29220765};
const Region kI1171{"2", 29222345, 29222348};
const Region kC1156{"2", 29222389, 29222392};

std::string hint_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const rvanno::UserError& e) { return e.hint(); }
    return "<no UserError>";
}

}  // namespace

// Why: the block's MIN_DP (180), not its DP (210), is the depth, and the variant record's DP
// (190) joins in over the codon's third base.
TEST(GvcfDepth, GatkBlockMinDpAndVariantDp) {
    rvanno::GvcfDepth d((kDir / "gatk.g.vcf.gz").string());
    EXPECT_EQ(d.name(), "gVCF");
    EXPECT_EQ(d.min_depth(kG1202), 180);
    EXPECT_EQ(d.min_depth(Region{"2", 29220746, 29220747}), 190);
    EXPECT_EQ(d.min_depth(kL1196), 250);
}

// Why: a base with no record is unknown, never 0 and never skipped - a gap or a partly
// covered codon gives nullopt.
TEST(GvcfDepth, GapsAndPartialCoverageAreUnknown) {
    rvanno::GvcfDepth d((kDir / "gatk.g.vcf.gz").string());
    EXPECT_EQ(d.min_depth(kC1156), std::nullopt);
    EXPECT_EQ(d.min_depth(kI1171), std::nullopt);  // block ends at 29222347 (1-based)
    EXPECT_EQ(d.min_depth(Region{"2", 29222345, 29222347}), 120);
    EXPECT_EQ(d.min_depth(Region{"7", 55181376, 55181379}), std::nullopt);  // no records there
    EXPECT_EQ(d.min_depth(Region{"MT", 1, 4}), std::nullopt);               // unknown contig
}

// Why: a record whose depth fields are missing ('.') says nothing about its bases.
TEST(GvcfDepth, MissingDepthValueIsUnknown) {
    rvanno::GvcfDepth d((kDir / "gatk.g.vcf.gz").string());
    EXPECT_EQ(d.min_depth(Region{"2", 29222400, 29222403}), std::nullopt);
}

// Why: without an index the file cannot be queried; the user is told how to make one.
TEST(GvcfDepth, NoIndexIsAUserErrorWithTabixHint) {
    const std::string path = (kDir / "gatk_noindex.g.vcf.gz").string();
    EXPECT_THROW(rvanno::GvcfDepth{path}, rvanno::UserError);
    EXPECT_EQ(hint_of([&] { rvanno::GvcfDepth d(path); }), "tabix -p vcf " + path);
    EXPECT_THROW(rvanno::open_depth(path), rvanno::UserError);
}

// Why: DeepVariant's `<*>` blocks with MIN_DP only, numeric contig names and a CSI index.
TEST(GvcfDepth, DeepVariantConvention) {
    rvanno::GvcfDepth d((kDir / "deepvariant.g.vcf.gz").string());
    EXPECT_EQ(d.min_depth(kG1202), 64);
    EXPECT_EQ(d.min_depth(kL1196), 80);
}

// Why: Strelka2 blocks have ALT '.', END and MIN_DP; its indels carry DPI instead of DP; a
// single non-variant site has DP and no END.
TEST(GvcfDepth, StrelkaConvention) {
    rvanno::GvcfDepth d((kDir / "strelka.g.vcf.gz").string());
    EXPECT_EQ(d.min_depth(kG1202), 38);
    EXPECT_EQ(d.min_depth(Region{"2", 29220760, 29220762}), 33);
    EXPECT_EQ(d.min_depth(kL1196), 52);
    EXPECT_EQ(d.min_depth(Region{"2", 29220770, 29220771}), 57);
    EXPECT_EQ(d.min_depth(Region{"2", 29220770, 29220772}), std::nullopt);
}

// Why: mosdepth per-base intervals are 0-based half-open; the codon's depth is the lowest of
// the intervals it touches, and an uncovered base makes it unknown.
TEST(MosdepthDepth, PerBaseBedGzWithCsi) {
    rvanno::MosdepthDepth d((kDir / "sample.per-base.bed.gz").string());
    EXPECT_EQ(d.name(), "mosdepth");
    EXPECT_EQ(d.min_depth(kG1202), 240);
    EXPECT_EQ(d.min_depth(kL1196), 250);
    EXPECT_EQ(d.min_depth(Region{"2", 29220743, 29220744}), 300);
    EXPECT_EQ(d.min_depth(kC1156), std::nullopt);
    EXPECT_EQ(d.min_depth(Region{"X", 100, 103}), std::nullopt);
}

// Why: a per-base file that is not bgzipped cannot be indexed and is refused.
TEST(MosdepthDepth, PlainTextIsRefused) {
    EXPECT_THROW(rvanno::MosdepthDepth{(kDir / "plain.per-base.bed").string()}, rvanno::UserError);
    EXPECT_THROW(rvanno::open_depth((kDir / "plain.per-base.bed").string()), rvanno::UserError);
}

// Why: --depth takes either kind of file; the factory tells them apart by content.
TEST(OpenDepth, DetectsGvcfAndMosdepth) {
    EXPECT_EQ(rvanno::open_depth((kDir / "gatk.g.vcf.gz").string())->name(), "gVCF");
    EXPECT_EQ(rvanno::open_depth((kDir / "deepvariant.g.vcf.gz").string())->name(), "gVCF");
    EXPECT_EQ(rvanno::open_depth((kDir / "sample.per-base.bed.gz").string())->name(), "mosdepth");
    EXPECT_THROW(rvanno::open_depth((kDir / "no_such_file.bed.gz").string()), rvanno::UserError);
}

// Why: the coverage rule itself - overlapping intervals, gaps at the start, middle and end.
TEST(DepthOver, CoverageRule) {
    using rvanno::DepthInterval;
    EXPECT_EQ(rvanno::depth_over(10, 13, {{12, 20, 5}, {0, 12, 9}}), 5);
    EXPECT_EQ(rvanno::depth_over(10, 13, {{0, 11, 9}, {10, 20, 7}, {11, 12, 3}}), 3);
    EXPECT_EQ(rvanno::depth_over(10, 13, {{11, 20, 5}}), std::nullopt);
    EXPECT_EQ(rvanno::depth_over(10, 13, {{0, 11, 5}, {12, 20, 5}}), std::nullopt);
    EXPECT_EQ(rvanno::depth_over(10, 13, {{0, 12, 5}}), std::nullopt);
    EXPECT_EQ(rvanno::depth_over(10, 13, {}), std::nullopt);
}
