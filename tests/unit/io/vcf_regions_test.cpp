// -r/-R parsing (bcftools syntax) and coverage of a gene by regions (io/vcf_regions.hpp).
#include <gtest/gtest.h>

#include <fstream>

#include "io/vcf_regions.hpp"
#include "rvanno/error.hpp"
#include "support/temp_dir.hpp"

using namespace rvanno;

namespace {

std::string show(const VcfRegions& r) {
    std::string s;
    for (const auto& x : r.list)
        s += x.contig + ":" + std::to_string(x.beg) + "-" +
             (x.end == kRegionToContigEnd ? "END" : std::to_string(x.end)) + " ";
    return s;
}

}  // namespace

// Why: 1-based inclusive on the command line, 0-based half-open inside (include/rvanno/coordinates.hpp).
TEST(RegionList, bcftools_forms_become_half_open_intervals) {
    auto r = parse_region_list("chr2:100-200,chr7,2:5,chrX:10-", "-r");
    EXPECT_EQ(show(r), "chr2:99-200 chr7:0-END 2:4-5 chrX:9-END ");
    EXPECT_EQ(r.description, "chr2:100-200,chr7,2:5,chrX:10-");
    // A suffix that is not a range belongs to the contig name; braces quote a name that ends
    // in ":digits", as in HTSlib (HLA alleles).
    EXPECT_EQ(show(parse_region_list("chrUn:x", "-r")), "chrUn:x:0-END ");
    EXPECT_EQ(show(parse_region_list("{HLA-A*01:01:01:01},{HLA-A*01:01:01:01}:5-6", "-r")),
              "HLA-A*01:01:01:01:0-END HLA-A*01:01:01:01:4-6 ");
}

TEST(RegionList, malformed_regions_are_usage_errors) {
    for (const char* bad : {"", "chr2:0-5", "chr2:5-1", ":1-5", "chr2,,chr3", "chr2:1-2-3", "chr1:-5", "{chr2",
                            "{chr2}x", "{chr2}:x", "{}"})
        EXPECT_THROW(parse_region_list(bad, "-r"), UsageError) << bad;
}

// Why: bcftools reads CHROM POS [END] 1-based, and BED (by name) 0-based.
TEST(RegionsFile, one_based_and_bed_files) {
    rvanno::test::TempDir dir("regions_file");
    std::ofstream(dir.file("r.txt")) << "# comment\nchr2\t100\t200\nchr3\t7\n\n";
    std::ofstream(dir.file("r.bed")) << "track name=t\nchr2\t99\t200\tname\n";
    auto txt = read_regions_file(dir.file("r.txt"));
    EXPECT_EQ(show(txt), "chr2:99-200 chr3:6-7 ");
    EXPECT_EQ(txt.description, dir.file("r.txt") + " (2 regions)");
    EXPECT_EQ(show(read_regions_file(dir.file("r.bed"))), "chr2:99-200 ");
    std::ofstream(dir.file("bad.txt")) << "chr2\t100\n chr2 5 6\n";
    try {
        read_regions_file(dir.file("bad.txt"));
        FAIL() << "no error";
    } catch (const InputError& e) { EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what(); }
    std::ofstream(dir.file("empty.bed")) << "# nothing\n";
    EXPECT_THROW(read_regions_file(dir.file("empty.bed")), UserError);
    std::ofstream(dir.file("zero.bed")) << "chr2\t5\t5\n";
    EXPECT_THROW(read_regions_file(dir.file("zero.bed")), InputError);
    EXPECT_THROW(read_regions_file(dir.file("missing.bed")), UserError);
}

// Why: a gene counts as assessed only if the regions cover it whole, in any contig style.
TEST(RegionsCover, whole_span_in_any_naming_style) {
    auto r = parse_region_list("chr2:101-150,2:151-300,chr3", "-r");
    EXPECT_TRUE(regions_cover(r, "2", 100, 300));
    EXPECT_TRUE(regions_cover(r, "chr2", 120, 130));
    EXPECT_FALSE(regions_cover(r, "2", 99, 300));
    EXPECT_FALSE(regions_cover(r, "2", 100, 301));
    EXPECT_TRUE(regions_cover(r, "NC_000003.12", 0, 1000000));
    EXPECT_FALSE(regions_cover(r, "chr4", 0, 10));
    EXPECT_FALSE(regions_cover(parse_region_list("chr2:1-10,chr2:12-20", "-r"), "chr2", 0, 20));  // a gap
}
