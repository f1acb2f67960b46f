// One spelling of protein changes, shared by the knowledge base and the consequence engine:
// the 1-letter form without "p." ("G1202R", "R123*", "T1151dup").
#pragma once
#include <string>

namespace rvanno {

// Converts "p.Gly1202Arg" / "p.G1202R" / "G1202R" / "p.(Gly1202Arg)" to the 1-letter form
// without "p." ("G1202R"); returns empty when the string is not a protein change.
std::string to_one_letter_protein_change(const std::string& hgvs_p);

}  // namespace rvanno
