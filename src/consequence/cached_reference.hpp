// Base-by-base access to one contig of a ReferenceSequence, fetched in chunks and cached,
// because 3' shifting and codon walking ask for many neighbouring single bases.
// Private to src/consequence.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "rvanno/reference.hpp"

namespace rvanno {

class CachedReference {
public:
    CachedReference(const ReferenceSequence& ref, std::string contig) : ref_(ref), contig_(std::move(contig)) {}
    // Upper-case base at 0-based `pos`, or nullopt when the reference has none there.
    std::optional<char> base(std::int64_t pos);
    // Upper-case bases of [begin, end), or nullopt when any of them is missing.
    std::optional<std::string> bases(std::int64_t begin, std::int64_t end);

private:
    static constexpr std::int64_t kChunk = 1024;
    const ReferenceSequence& ref_;
    std::string contig_;
    std::map<std::int64_t, std::optional<std::string>> chunks_;  // by chunk index
    std::map<std::int64_t, std::optional<char>> singles_;        // near contig/slice ends
};

}  // namespace rvanno
