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


// Is the allele carried by the report's sample? Not when its genotype is all reference (0/0,
// 0|0, 0); else a known VAF decides (> 0); else not when the genotype is a no-call (./.);
// carried otherwise, including a half call (0/.) and no FORMAT values at all.
// A multi-sample VCF lists every sample's alleles in every sample's report, so compare and
// batch drop the alleles a sample does not carry.
bool is_carried(const AlleleFinding& f);
// Removes the alleles not carried and the compound matches whose companion alleles were among
// them, recounts the per-gene small-variant numbers and alleles_matched, and records the count
// as counters["alleles_not_carried_by_sample"]. Returns the count.
long drop_alleles_not_carried(Report& report);

}  // namespace rvanno
