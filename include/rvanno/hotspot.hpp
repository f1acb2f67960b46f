// Coverage-aware negatives: for the resistance hotspots of the sample's driver genes, "not
// detected at depth N" versus "not assessed" (no depth information) - never a silent absence.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rvanno/coordinates.hpp"

namespace rvanno {

struct HotspotStatus {
    std::string gene;
    std::string hotspot;      // e.g. "G1202" (residue) or "c.1088+1" (position)
    std::string kb_ids;       // the knowledge rows that make it a hotspot, ';'-joined
    Region where;             // genomic span (canonical contig, 0-based half-open)
    std::string contig_name;  // as the inputs name it
    enum class State { detected, not_detected, not_assessed } state{State::not_assessed};
    std::optional<int> min_depth;  // lowest depth over `where` when known
    std::string depth_source;      // "gVCF" | "mosdepth" | ""
};

std::string to_string(HotspotStatus::State s);

// Depth at genomic positions, from a gVCF or a mosdepth per-base BED.gz (src/io).
class DepthProvider {
public:
    virtual ~DepthProvider() = default;
    // Lowest depth over [region.begin, region.end) on the canonical contig, or nullopt when
    // the source says nothing about some base of it.
    virtual std::optional<int> min_depth(const Region& region) = 0;
    virtual std::string name() const = 0;  // "gVCF" | "mosdepth"
};

}  // namespace rvanno
