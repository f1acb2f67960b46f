// The consequence of a small variant on a transcript (stage 2, consequence/).
#pragma once
#include <optional>

#include "rvanno/consequence.hpp"
#include "rvanno/reference.hpp"
#include "rvanno/transcript.hpp"

namespace rvanno {

class TranscriptMap;

// Consequence of `allele` on `tx`, or nullopt when the allele lies outside the transcript
// (tx_begin..tx_end). `ref` may be null: then hgvs_p/protein_change stay empty unless the
// change is decidable without sequence, and no 3' shifting is done.
std::optional<Consequence> consequence_of(const Allele& allele, const Transcript& tx,
                                          const ReferenceSequence* ref = nullptr);
// The same with the transcript's map already built (TranscriptMaps, transcript_maps.hpp).
std::optional<Consequence> consequence_of(const Allele& allele, const TranscriptMap& map,
                                          const ReferenceSequence* ref = nullptr);

// Sorts c.terms most severe first (the order of rvanno/consequence.hpp) and sets
// c.loss_of_function from them: stop_gained, frameshift_variant, splice_donor_variant,
// splice_acceptor_variant or start_lost. The one definition of loss of function, whether rvanno
// computed the terms or took them from VEP/SnpEff/BCSQ annotation.
void order_terms(Consequence& c);

}  // namespace rvanno
