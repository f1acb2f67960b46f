// Access to reference sequence, kept abstract so the consequence engine needs no HTSlib.
// The HTSlib/faidx implementation lives in src/io/fasta_reference.*; tests may use an
// in-memory implementation.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace rvanno {

class ReferenceSequence {
public:
    virtual ~ReferenceSequence() = default;
    // Upper-case sequence of [begin, end) on the canonical contig, or nullopt when the contig
    // is absent or the interval runs past its end.
    virtual std::optional<std::string> fetch(const std::string& contig, std::int64_t begin, std::int64_t end) const = 0;
};

}  // namespace rvanno
