// Coordinates in rvanno — the one place this is written down.
//
// * Inside the code every genomic position is 0-based and every interval is half-open
//   [begin, end), as in BED and in HTSlib's bcf1_t::pos.
// * Positions become 1-based only when printed for a person or written to VCF/TSV/JSON
//   (`pos` columns, HGVS strings, `chr:pos` in messages).
// * Contig names inside the code are canonical and bare: "1".."22", "X", "Y", "MT".
//   The names a file uses ("chr2", "NC_000002.12") are translated at the I/O boundary
//   (genome.hpp) and translated back when echoed.
#pragma once
#include <cstdint>
#include <string>

namespace rvanno {

struct Region {
    std::string contig;    // canonical bare name
    std::int64_t begin{};  // 0-based, inclusive
    std::int64_t end{};    // 0-based, exclusive
    friend bool operator==(const Region&, const Region&) = default;
};

inline bool overlaps(const Region& a, const Region& b) {
    return a.contig == b.contig && a.begin < b.end && b.begin < a.end;
}

}  // namespace rvanno
