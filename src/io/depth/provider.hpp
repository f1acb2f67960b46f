// Depth sources for the hotspot table (rvanno annotate --depth FILE). No HTSlib here.
//
//   gVCF      bgzipped + indexed (.tbi or .csi) single-sample gVCF, or an indexed BCF:
//             GATK HaplotypeCaller (-ERC GVCF / BP_RESOLUTION), DeepVariant and Strelka2
//             germline genome.vcf (see depth/gvcf.hpp for what is read from each).
//   mosdepth  <prefix>.per-base.bed.gz with the .csi mosdepth writes (or a .tbi/.csi made
//             with `tabix -p bed`).
// Contigs are matched through canonical_contig(), so "chr2" and "2" both answer for "2".
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rvanno/hotspot.hpp"

namespace rvanno {

// Opens `path` as a gVCF when HTSlib sees VCF/BCF in it, otherwise as a mosdepth per-base
// BED.gz. Throws UserError (with a hint) when the file cannot be opened, is not bgzipped,
// has no index, or is neither.
std::unique_ptr<DepthProvider> open_depth(const std::string& path);

// One interval of known depth, 0-based half-open.
struct DepthInterval {
    std::int64_t begin{}, end{};
    int depth{};
};

// The lowest depth over [begin, end) given the intervals that overlap it (any order, may
// overlap each other), or nullopt when some base of it is in none of them.
std::optional<int> depth_over(std::int64_t begin, std::int64_t end, std::vector<DepthInterval> intervals);

}  // namespace rvanno
