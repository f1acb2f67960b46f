// Region restriction of a VCF/BCF input, as bcftools does it (`-r/--regions REG[,...]`,
// `-R/--regions-file FILE`): only records that overlap a region are read, through the file's
// index (.tbi or .csi for VCF.gz, .csi for BCF). A region request on a file without an index is
// an error, never a silent full read.
//
// Syntax (bcftools): "chr" (whole contig), "chr:pos" (one position), "chr:beg-end" (1-based,
// inclusive), "chr:beg-" (to the end of the contig); "{name}" or "{name}:beg-end" for a contig
// whose name ends in ":digits" (HLA-A*01:01:01:01). A regions file has tab-separated
// CHROM POS or CHROM BEG END (1-based, inclusive) lines, or is BED (0-based, half-open) when
// its name ends in .bed, .bed.gz or .bed.bgz; '#' lines are comments. It may be gzipped.
//
// As in bcftools, regions are visited contig by contig in the order the contigs first appear
// in the list; on a contig they are sorted and overlapping ones merged, and a record that
// overlaps several regions is read once. A contig name may be given in another style than the
// file uses (chr2 / 2 / NC_000002.12).
#pragma once
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "base/target_index.hpp"

namespace rvanno {

inline constexpr std::int64_t kRegionToContigEnd = std::numeric_limits<std::int64_t>::max() / 4;

struct VcfRegion {
    std::string contig;                    // as given
    std::int64_t beg{0};                   // 0-based
    std::int64_t end{kRegionToContigEnd};  // exclusive
};

struct VcfRegions {
    std::vector<VcfRegion> list;  // as given, in order
    std::string description;      // for provenance: "chr2:29192774-29921586,chr7" or "FILE (N regions)"
    bool empty() const { return list.empty(); }
};

// Parses a -r value ("chr2:100-200,chr7"). Throws UsageError naming `option` on bad syntax.
VcfRegions parse_region_list(const std::string& text, const std::string& option);

// Reads a -R file (plain or gzipped). Throws UserError (cannot read, no regions) or InputError
// (a malformed line, naming the file and line).
VcfRegions read_regions_file(const std::string& path);

// True when [beg, end) on `contig` (any naming style) lies wholly inside the regions.
bool regions_cover(const VcfRegions& regions, const std::string& contig, std::int64_t beg, std::int64_t end);

// regions_cover for many spans (every gene of the transcript model): the regions are merged per
// canonical contig once, and each question is a binary search.
class RegionCoverage {
public:
    explicit RegionCoverage(const VcfRegions& regions);
    bool covers(const std::string& contig, std::int64_t beg, std::int64_t end) const;

private:
    TargetIndex merged_;
};

}  // namespace rvanno
