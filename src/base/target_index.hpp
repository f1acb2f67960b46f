// The genomic intervals in which a variant can match the knowledge base. Records outside
// them are skipped before they are parsed. Plain values; no HTSlib.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "rvanno/coordinates.hpp"

namespace rvanno {

class TargetIndex {
public:
    void add(const Region& r);
    void finish();  // sorts and merges; call once after the last add()
    // The intervals of a canonical contig, or nullptr when it has none.
    const std::vector<std::pair<std::int64_t, std::int64_t>>* intervals(const std::string& contig) const;
    // True when [pos, pos+1) overlaps one of `iv` (0-based).
    static bool contains(const std::vector<std::pair<std::int64_t, std::int64_t>>& iv, std::int64_t pos);
    bool empty() const { return by_contig_.empty(); }
    // Every canonical contig with its merged intervals.
    const std::map<std::string, std::vector<std::pair<std::int64_t, std::int64_t>>>& contigs() const {
        return by_contig_;
    }

private:
    std::map<std::string, std::vector<std::pair<std::int64_t, std::int64_t>>> by_contig_;
};

}  // namespace rvanno
