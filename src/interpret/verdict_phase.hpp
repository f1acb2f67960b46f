// Rule g of the verdict rules (interpret/verdict.cpp): compound rows that need a phase (context
// `phase=cis|trans`). Private to src/interpret; the rule itself is written in verdict_phase.cpp.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "rvanno/verdict.hpp"

namespace rvanno::detail {

// Why the row of match `m` does not apply, given `base_why` (its other context, "" = met) and
// its phase condition: `base_why` plus, when the row needs a phase that m's is not, e.g. "needs
// EGFR p.C797S in cis with EGFR p.T790M (phase unknown: unphased genotype (GT 0/1 and 0/1))".
// `pending` is set when the only thing missing is a phase rvanno could not read.
std::string with_phase(const std::string& base_why, const Match& m, bool& pending);

// A row set aside because its phase is unknown.
struct PendingPhase {
    std::string id, phase, finding, why;  // row id, the phase it needs, "EGFR p.C797S + EGFR p.T790M", why unknown
};

// The verdict once rule g is applied: `base` is the verdict with the pending rows not applying;
// `evaluate(phase)` gives the verdict with the pending rows needing `phase` ("cis", "trans")
// applying. If both phases give base's call, base stands and its rule says so; if both give
// another same call, that call stands "whatever the phase"; otherwise the call is phase_decides.
DrugVerdict resolve_phase(DrugVerdict base, const std::vector<PendingPhase>& pending,
                          const std::function<DrugVerdict(const std::string&)>& evaluate);

}  // namespace rvanno::detail
