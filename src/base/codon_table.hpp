// The standard genetic code and amino-acid names (1-letter, HGVS 3-letter), shared by the
// protein notation (base/) and translation (consequence/). Private to src/. The stop is '*'
// in 1-letter form and "Ter" in 3-letter form.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace rvanno {

// Amino acid of an upper-case codon; 'X' when the codon holds anything but ACGT.
char translate_codon(std::string_view codon);
// "Gly" for 'G', "Ter" for '*', "Xaa" for anything unknown.
std::string three_letter(char aa);
// 'G' for "Gly", '*' for "Ter"; nullopt for anything else.
std::optional<char> one_letter(std::string_view three);

}  // namespace rvanno
