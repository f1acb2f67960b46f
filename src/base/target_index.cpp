#include "base/target_index.hpp"

#include <algorithm>

namespace rvanno {

void TargetIndex::add(const Region& r) { by_contig_[r.contig].emplace_back(r.begin, r.end); }

void TargetIndex::finish() {
    for (auto& [contig, iv] : by_contig_) {
        std::sort(iv.begin(), iv.end());
        std::vector<std::pair<std::int64_t, std::int64_t>> merged;
        for (const auto& x : iv) {
            if (!merged.empty() && x.first <= merged.back().second)
                merged.back().second = std::max(merged.back().second, x.second);
            else
                merged.push_back(x);
        }
        iv = std::move(merged);
    }
}

const std::vector<std::pair<std::int64_t, std::int64_t>>* TargetIndex::intervals(const std::string& contig) const {
    auto it = by_contig_.find(contig);
    return it == by_contig_.end() ? nullptr : &it->second;
}

bool TargetIndex::contains(const std::vector<std::pair<std::int64_t, std::int64_t>>& iv, std::int64_t pos) {
    // First interval whose end is beyond pos; it contains pos iff it starts at or before it.
    auto it = std::upper_bound(iv.begin(), iv.end(), pos, [](std::int64_t p, const auto& x) { return p < x.second; });
    return it != iv.end() && it->first <= pos;
}

}  // namespace rvanno
