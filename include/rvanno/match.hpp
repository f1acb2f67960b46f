// A knowledge-base row matched by a finding, and how it matched (the matching itself:
// src/match/matcher.hpp).
#pragma once
#include <string>
#include <utility>

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

// What the detail of an amino-acid-unknown match says (kAminoAcidUnknown, UTF-8 em dash).
inline constexpr const char* kAminoAcidUnknown = "amino acid unknown \u2014 give --fasta";

struct Match {
    Match() = default;
    Match(const KnowledgeEntry* e, MatchHow h, std::string d = {}, bool aa_unknown = false)
        : entry(e), how(h), detail(std::move(d)), amino_acid_unknown(aa_unknown) {}

    const KnowledgeEntry* entry{nullptr};  // points into the KnowledgeBase
    MatchHow how{};
    std::string detail;  // e.g. "c.3604G>A encodes p.G1202R"
    // The allele lies at the row's codon but its amino acid change is not known (no --fasta, no
    // annotation): the match is shown (detail says kAminoAcidUnknown) but never decides a verdict,
    // never stands for the row's protein change, and never completes a compound row.
    bool amino_acid_unknown{false};
    // Compound matches only: the phase of the allele with its `requires` partners, "cis", "trans"
    // or "unknown", and why ("PS 55181378, both on haplotype 2"; "unphased genotype 0/1");
    // "" for other matches. Rules: match/phase.cpp.
    std::string phase, phase_why;
};

}  // namespace rvanno
