// The GRCh37 EGFR reference slice of ../shared (chr7:55,244,401-55,274,600, from
// reference_sequence/grch37/hg19.fa.csv) as a FASTA of contig "7" for --fasta tests. Test-only;
// tests that use it skip when ../shared is absent.
#pragma once
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>

namespace rvanno::test {

inline constexpr long kEgfrSliceStart = 55244401;  // 1-based first base of the slice

// The slice's bases, upper-cased; "" when ../shared is absent.
inline std::string egfr_slice_bases() {
    const auto csv = std::filesystem::path(RVANNO_SHARED_DATA) / "reference_sequence/grch37/hg19.fa.csv";
    std::string slice;
    std::ifstream in(csv);
    for (std::string l; std::getline(in, l);)
        if (l.rfind("chr7,55244401,55274600,", 0) == 0) slice = l.substr(l.rfind(',') + 1);
    for (auto& c : slice) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return slice;
}

// Writes `fa`: contig 7, 'N' up to the slice, then the slice, 60 bases a line.
inline void write_egfr_fasta(const std::filesystem::path& fa, const std::string& slice) {
    std::ofstream out(fa);
    out << ">7\n";
    std::string seq(kEgfrSliceStart - 1, 'N');
    seq += slice;
    for (std::size_t i = 0; i < seq.size(); i += 60) out << seq.substr(i, 60) << '\n';
}

}  // namespace rvanno::test
