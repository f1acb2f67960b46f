#include "consequence/cached_reference.hpp"

#include "base/strings.hpp"

namespace rvanno {

std::optional<char> CachedReference::base(std::int64_t pos) {
    if (pos < 0) return std::nullopt;
    const std::int64_t chunk = pos / kChunk;
    auto it = chunks_.find(chunk);
    if (it == chunks_.end()) {
        auto seq = ref_.fetch(contig_, chunk * kChunk, (chunk + 1) * kChunk);
        if (seq && static_cast<std::int64_t>(seq->size()) != kChunk) seq.reset();
        it = chunks_.emplace(chunk, seq ? std::optional(upper(*seq)) : std::nullopt).first;
    }
    if (it->second) return (*it->second)[static_cast<std::size_t>(pos - chunk * kChunk)];
    // A whole chunk fails near the end of a contig (or of a test slice); ask for the base alone.
    auto single = singles_.find(pos);
    if (single == singles_.end()) {
        auto seq = ref_.fetch(contig_, pos, pos + 1);
        std::optional<char> b;
        if (seq && seq->size() == 1) b = upper(*seq)[0];
        single = singles_.emplace(pos, b).first;
    }
    return single->second;
}

std::optional<std::string> CachedReference::bases(std::int64_t begin, std::int64_t end) {
    std::string out;
    for (std::int64_t p = begin; p < end; ++p) {
        auto b = base(p);
        if (!b) return std::nullopt;
        out += *b;
    }
    return out;
}

}  // namespace rvanno
