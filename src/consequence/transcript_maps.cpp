// Stage 2, consequence/: takes a transcript table; gives each transcript's TranscriptMap, built
// once (transcript_maps.hpp).
#include "consequence/transcript_maps.hpp"

#include "consequence/transcript_map.hpp"

namespace rvanno {

TranscriptMaps::TranscriptMaps(const std::vector<Transcript>& transcripts)
    : transcripts_(transcripts), maps_(transcripts.size()) {}

TranscriptMaps::~TranscriptMaps() = default;

const TranscriptMap& TranscriptMaps::of(std::size_t row) {
    auto& m = maps_.at(row);
    if (!m) m = std::make_unique<TranscriptMap>(transcripts_.at(row));
    return *m;
}

}  // namespace rvanno
