// The phase (cis/trans) of two alleles of one sample, read from the VCF genotype, and the phase
// of a compound match with its `requires` partners. Rules: phase.cpp.
#pragma once
#include <string>
#include <vector>

#include "rvanno/report.hpp"

namespace rvanno {

enum class Phase { unknown, cis, trans };
std::string to_string(Phase p);  // "unknown", "cis", "trans"

struct PhaseCall {
    Phase phase{Phase::unknown};
    std::string why;  // "PS 55181378: both on haplotype 2", "unphased genotype (0/1)"
};

// The phase of alleles `a` and `b` of the same sample.
PhaseCall phase_between(const AlleleFinding& a, const AlleleFinding& b);

// The phase of finding `f` (which matched compound row `e`'s own alteration) with every
// `requires` partner of `e` among `findings` (a partner: a finding of the partner's gene whose
// protein change is the partner's, or that matched an hgvs_p row of it for sure).
PhaseCall compound_phase(const AlleleFinding& f, const KnowledgeEntry& e, const std::vector<AlleleFinding>& findings);

// Sets m.phase and m.phase_why from compound_phase and appends them to m.detail after the
// text " in the same sample" (replacing what followed it).
void set_compound_phase(Match& m, const AlleleFinding& f, const std::vector<AlleleFinding>& findings);

// "2 compound matches: 1 cis, 0 trans, 1 unknown (phase from GT '|' and FORMAT/PS, ...)", or ""
// when no finding has a compound match: the provenance line.
std::string describe_compound_phases(const std::vector<AlleleFinding>& findings);

}  // namespace rvanno
