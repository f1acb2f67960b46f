// A malformed data line of a copy-number or fusion table that was skipped with a warning
// ("rvanno: warning: FILE:LINE: problem; skipped"); --strict makes it an error instead.
#pragma once
#include <optional>
#include <string>

#include "rvanno/coordinates.hpp"

namespace rvanno {

struct SkippedLine {
    std::string where;    // "file:line"
    std::string problem;  // the error message the line would have raised
    // The span the line claims (canonical contig, 0-based half-open), when its contig and
    // positions could be read: genes it overlaps are marked as partly assessed.
    std::optional<Region> region;
    std::string gene;  // a gene-level row's gene (cBioPortal CNA), "" otherwise
};

}  // namespace rvanno
