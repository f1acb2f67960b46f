#include "base/codon_table.hpp"

#include <array>
#include <utility>

namespace rvanno {
namespace {

// NCBI translation table 1, codons ordered T, C, A, G at each position.
constexpr std::string_view kStandardCode = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";

int base_index(char b) {
    switch (b) {
        case 'T':
            return 0;
        case 'C':
            return 1;
        case 'A':
            return 2;
        case 'G':
            return 3;
        default:
            return -1;
    }
}

constexpr std::array<std::pair<char, std::string_view>, 23> kNames{{
    {'A', "Ala"}, {'R', "Arg"}, {'N', "Asn"}, {'D', "Asp"}, {'C', "Cys"}, {'Q', "Gln"}, {'E', "Glu"}, {'G', "Gly"},
    {'H', "His"}, {'I', "Ile"}, {'L', "Leu"}, {'K', "Lys"}, {'M', "Met"}, {'F', "Phe"}, {'P', "Pro"}, {'S', "Ser"},
    {'T', "Thr"}, {'W', "Trp"}, {'Y', "Tyr"}, {'V', "Val"}, {'*', "Ter"}, {'U', "Sec"}, {'X', "Xaa"},
}};

}  // namespace

char translate_codon(std::string_view codon) {
    if (codon.size() != 3) return 'X';
    int index = 0;
    for (char b : codon) {
        const int i = base_index(b);
        if (i < 0) return 'X';
        index = index * 4 + i;
    }
    return kStandardCode[static_cast<std::size_t>(index)];
}

std::string three_letter(char aa) {
    for (const auto& [one, three] : kNames)
        if (one == aa) return std::string(three);
    return "Xaa";
}

std::optional<char> one_letter(std::string_view three) {
    for (const auto& [one, name] : kNames)
        if (name == three) return one;
    return std::nullopt;
}

}  // namespace rvanno
