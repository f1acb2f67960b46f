// Indel left-normalisation against reference sequence (the `bcftools norm` rule: trim shared
// suffix, then shared prefix, then shift left while the last bases agree; one padding base kept).
#pragma once
#include "rvanno/consequence.hpp"
#include "rvanno/reference.hpp"

namespace rvanno {

// Returns the left-normalised allele. Throws nothing; if the reference cannot be fetched the
// allele is returned trimmed but unshifted.
Allele left_normalize(const Allele& allele, const ReferenceSequence& ref);

// True when allele.ref equals the reference at allele.pos (case-insensitive).
// nullopt when the reference cannot be fetched there.
std::optional<bool> ref_matches(const Allele& allele, const ReferenceSequence& ref);

}  // namespace rvanno
