// Depth from mosdepth's per-base output, <prefix>.per-base.bed.gz: four tab-separated columns
// (chrom, start, end, depth), 0-based half-open, bgzipped, with the .csi index mosdepth
// writes next to it (a .tbi from `tabix -p bed` works too). Private to src/io.
// A region is known when the intervals returned for it cover every base; its depth is the
// lowest depth among them. A contig mosdepth did not write, or a gap, gives nullopt.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "rvanno/hotspot.hpp"

namespace rvanno {

class MosdepthDepth final : public DepthProvider {
public:
    // Throws UserError: missing/unreadable file, not bgzipped, no index (hint `tabix -p bed
    // FILE`, or rerun mosdepth which writes the .csi). Malformed lines throw InputError when met.
    explicit MosdepthDepth(const std::string& path);
    ~MosdepthDepth() override;
    std::optional<int> min_depth(const Region& region) override;
    std::string name() const override { return "mosdepth"; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace rvanno
