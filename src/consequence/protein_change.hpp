// HGVS p. of a change in the coding sequence, from translating the reference and the
// changed sequence with the standard code. Private to src/consequence.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rvanno {

// [begin, end) of the CDS (0-based, c.1 is 0; may run past the stop into the 3' UTR) is
// replaced by `ins`, all in transcript orientation. begin == end is an insertion before `begin`.
struct CodingEdit {
    std::int64_t begin{}, end{};
    std::string ins;
};

// Reference base at a CDS index (transcript orientation), nullopt where unknown; indexes
// past the stop continue into the 3' UTR.
using CdsBases = std::function<std::optional<char>(std::int64_t)>;

struct ProteinEffect {
    std::string hgvs_p;              // "p.Gly1202Arg"; empty when the sequence is unknown
    std::vector<std::string> terms;  // start_lost, stop_gained, stop_lost, missense_variant,
                                     // synonymous_variant (frameshift/in-frame: the caller's)
    std::optional<char> ref_aa;      // reference residue of the first affected codon
};

ProteinEffect protein_effect(const CodingEdit& edit, const CdsBases& ref);

}  // namespace rvanno
