// Two reports of one patient side by side: pure functions over Report values (value types in
// rvanno/compare.hpp). `rvanno compare` and `rvanno batch` do the I/O (src/pipeline/).
#pragma once
#include <string>
#include <vector>

#include "rvanno/compare.hpp"
#include "rvanno/report.hpp"

namespace rvanno {

// The comparison of two reports whose verdicts were already computed with the same context.
// `therapy_history` holds drug ids (SampleContext::therapy_history). Reports should already
// have had drop_alleles_not_carried() applied.
Comparison compare_reports(const Report& baseline, const Report& progression,
                           const std::vector<std::string>& therapy_history);

// Sort order of remaining options: call (sensitive, conflicting, reduced_sensitivity,
// no_evidence, resistant), then evidence strength (A first, none last), then generation
// (later first, none last), then confident before low-confidence, then drug id.
bool remaining_option_order(const RemainingOption& a, const RemainingOption& b);

// The alterations of one report as the comparison keys them (same keys and order rules as
// compare_reports); used for the cohort table of `rvanno batch`.
std::vector<KeyedAlteration> keyed_alterations(const Report& report);

}  // namespace rvanno
