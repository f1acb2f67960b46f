// The consequence of a small variant on a transcript (stage 2, consequence/).
#pragma once
#include <optional>

#include "rvanno/consequence.hpp"
#include "rvanno/reference.hpp"
#include "rvanno/transcript.hpp"

namespace rvanno {

// Consequence of `allele` on `tx`, or nullopt when the allele lies outside the transcript
// (tx_begin..tx_end). `ref` may be null: then hgvs_p/protein_change stay empty unless the
// change is decidable without sequence, and no 3' shifting is done.
std::optional<Consequence> consequence_of(const Allele& allele, const Transcript& tx,
                                          const ReferenceSequence* ref = nullptr);

}  // namespace rvanno
