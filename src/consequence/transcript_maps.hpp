// One TranscriptMap per transcript of a table, built on first use (stage 2, consequence/). A
// caller that asks for the consequences of many alleles keeps one and passes its maps to
// consequence_of, so a transcript's CDS bounds are found once, not once per allele.
#pragma once
#include <cstddef>
#include <memory>
#include <vector>

#include "rvanno/transcript.hpp"

namespace rvanno {

class TranscriptMap;

class TranscriptMaps {
public:
    // `transcripts` must outlive this object and not change while it is used.
    explicit TranscriptMaps(const std::vector<Transcript>& transcripts);
    ~TranscriptMaps();
    TranscriptMaps(const TranscriptMaps&) = delete;
    TranscriptMaps& operator=(const TranscriptMaps&) = delete;

    // The map of transcripts[row].
    const TranscriptMap& of(std::size_t row);

private:
    const std::vector<Transcript>& transcripts_;
    std::vector<std::unique_ptr<TranscriptMap>> maps_;
};

}  // namespace rvanno
