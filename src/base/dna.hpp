// DNA strand helpers shared by the consequence engine and normalisation (case: base/strings.hpp).
// Private to src/. Bases are upper-case; anything that is not ACGT complements to 'N'.
#pragma once
#include <string>

namespace rvanno {

inline char complement(char b) {
    switch (b) {
        case 'A':
            return 'T';
        case 'C':
            return 'G';
        case 'G':
            return 'C';
        case 'T':
            return 'A';
        default:
            return 'N';
    }
}

inline std::string reverse_complement(const std::string& s) {
    std::string out(s.rbegin(), s.rend());
    for (char& b : out) b = complement(b);
    return out;
}

}  // namespace rvanno
