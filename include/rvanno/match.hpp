// A knowledge-base row matched by a finding, and how it matched (the matching itself:
// src/match/matcher.hpp).
#pragma once
#include <string>

#include "rvanno/knowledge.hpp"

namespace rvanno {

// How a knowledge row matched, strongest first. Printed as to_string(MatchHow).
enum class MatchHow {
    genomic,
    hgvs_c,
    hgvs_p,
    codon,
    range,
    lof,
    missense,
    compound,
    amplification,
    deletion,
    loss,
    fusion
};
std::string to_string(MatchHow h);

struct Match {
    const KnowledgeEntry* entry{nullptr};  // points into the KnowledgeBase
    MatchHow how{};
    std::string detail;  // e.g. "c.3604G>A encodes p.G1202R"
};

}  // namespace rvanno
