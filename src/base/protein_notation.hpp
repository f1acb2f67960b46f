// One spelling of protein changes, shared by the knowledge base and the consequence engine:
// the 1-letter form without "p." ("G1202R", "R123*", "T1151dup").
#pragma once
#include <cstddef>
#include <string>

namespace rvanno {

// Longest protein-change text any parser looks at (HGVS p. of a ~1300-residue delins fits);
// longer text is not a protein change (annotation tags: counted and warned about, never parsed).
inline constexpr std::size_t kMaxProteinChangeLength = 4096;

// Converts "p.Gly1202Arg" / "p.G1202R" / "G1202R" / "p.(Gly1202Arg)" to the 1-letter form
// without "p." ("G1202R"); returns empty when the string is not a protein change or is longer
// than kMaxProteinChangeLength.
std::string to_one_letter_protein_change(const std::string& hgvs_p);

}  // namespace rvanno
