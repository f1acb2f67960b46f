// to_one_letter_protein_change(): the knowledge base and the reports compare protein
// changes in one spelling, the 1-letter form without "p." ("G1202R", "R123*", "T1151dup").
#include "base/protein_notation.hpp"

#include <regex>

#include "base/codon_table.hpp"
#include "rvanno/consequence.hpp"

namespace rvanno {
namespace {

std::string strip_wrapping(std::string s) {
    if (s.rfind("p.", 0) == 0) s.erase(0, 2);
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
    return s;
}

// Replaces every 3-letter residue ("Gly", "Ter") by its letter; lower-case keywords
// (del, ins, dup, fs, ext) and 1-letter residues pass through.
std::string shorten_residues(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i + 2 < s.size() && std::isupper(static_cast<unsigned char>(s[i])) &&
            std::islower(static_cast<unsigned char>(s[i + 1])) && std::islower(static_cast<unsigned char>(s[i + 2]))) {
            if (auto aa = one_letter(s.substr(i, 3))) {
                out += *aa;
                i += 2;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

}  // namespace

std::string to_one_letter_protein_change(const std::string& hgvs_p) {
    static const std::regex kShape(
        R"(^[A-Z*]\d+(_[A-Z*]\d+)?)"
        R"((=|\?|[A-Z*]|del|dup|ins[A-Z*]+|delins[A-Z*]+|[A-Z*]?fs(\*(\d+|\?))?|[A-Z*]ext\*(\d+|\?))$)");
    const std::string s = shorten_residues(strip_wrapping(hgvs_p));
    return std::regex_match(s, kShape) ? s : std::string();
}

}  // namespace rvanno
