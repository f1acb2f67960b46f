#include "io/depth/provider.hpp"

#include <algorithm>
#include <filesystem>

#include "io/depth/gvcf.hpp"
#include "io/depth/mosdepth.hpp"
#include "io/hts.hpp"
#include "rvanno/error.hpp"

namespace rvanno {

std::optional<int> depth_over(std::int64_t begin, std::int64_t end, std::vector<DepthInterval> intervals) {
    if (end <= begin) return std::nullopt;
    std::sort(intervals.begin(), intervals.end(),
              [](const DepthInterval& a, const DepthInterval& b) { return a.begin < b.begin; });
    std::int64_t covered = begin;  // every base of [begin, covered) is in some interval
    std::optional<int> lowest;
    for (const auto& iv : intervals) {
        if (iv.end <= begin || iv.begin >= end || iv.end <= iv.begin) continue;
        if (iv.begin > covered) return std::nullopt;  // a gap before this interval
        covered = std::max(covered, iv.end);
        lowest = lowest ? std::min(*lowest, iv.depth) : iv.depth;
    }
    if (covered < end) return std::nullopt;
    return lowest;
}

std::unique_ptr<DepthProvider> open_depth(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw UserError("cannot open depth file '" + path + "': no such file",
                        "give a gVCF (.g.vcf.gz with .tbi/.csi) or a mosdepth <prefix>.per-base.bed.gz");
    bool variant_file = false;
    {
        hts::File fp(hts_open(path.c_str(), "r"));
        if (!fp) throw UserError("cannot open depth file '" + path + "'", "check that it is readable");
        const htsFormat* fmt = hts_get_format(fp.get());
        variant_file = fmt->category == variant_data && (fmt->format == vcf || fmt->format == bcf);
    }
    if (variant_file) return std::make_unique<GvcfDepth>(path);
    return std::make_unique<MosdepthDepth>(path);
}

}  // namespace rvanno
