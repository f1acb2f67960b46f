// Depth from a gVCF. Private to src/io (the factory is in depth/provider.hpp).
//
// Every record of the (single) sample says something about the bases it spans:
//   * reference blocks - ALT only `<NON_REF>` (GATK), `<*>` (DeepVariant) or `.` (Strelka2,
//     INFO/BLOCKAVG_min30p3a) - span POS..INFO/END (POS alone without END). Their depth is
//     FORMAT/MIN_DP (the block minimum in all three callers), else FORMAT/DP (GATK
//     BP_RESOLUTION single-base records, Strelka single sites, older gvcftools blocks whose DP
//     is already the block minimum);
//   * variant records span their REF allele; their depth is FORMAT/DP, else FORMAT/DPI
//     (Strelka2 indels, the depth at the base before the indel).
// A record without a usable depth (missing value, other field types) says nothing. The depth
// of a region is the lowest depth of any record overlapping it, and is known only when the
// records with a depth cover every base of it: a gap - no record, as between the blocks of an
// exome gVCF - gives nullopt. FILTER is not looked at: depth is depth.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "rvanno/hotspot.hpp"

namespace rvanno {

class GvcfDepth final : public DepthProvider {
public:
    // Throws UserError: missing/unreadable file, not VCF/BCF, not bgzipped, no index (hint
    // `tabix -p vcf FILE`), not exactly one sample.
    explicit GvcfDepth(const std::string& path);
    ~GvcfDepth() override;
    std::optional<int> min_depth(const Region& region) override;
    std::string name() const override { return "gVCF"; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace rvanno
