// Which alleles of a report belong to its sample. A multi-sample VCF lists every sample's
// alleles in every sample's report; annotate_sample drops those the chosen sample does not carry.
#pragma once
#include <optional>
#include <string>

#include "rvanno/report.hpp"

namespace rvanno {

// Is the allele carried by the report's sample? Not when its genotype is all reference (0/0,
// 0|0, 0); else a known VAF decides (> 0); else not when the genotype is a no-call (./.);
// carried otherwise, including a half call (0/.) and no FORMAT values at all.
// A multi-sample VCF lists every sample's alleles in every sample's report, so compare and
// batch drop the alleles a sample does not carry.
bool is_carried(const AlleleFinding& f);
// The same from the sample's genotype and VAF of the allele.
bool is_carried(const std::string& genotype, const std::optional<double>& vaf);
// Removes the alleles not carried and the compound matches whose companion alleles were among
// them, recounts the per-gene small-variant numbers and alleles_matched, and records the count
// as counters["alleles_not_carried_by_sample"]. Returns the count.
long drop_alleles_not_carried(Report& report);

}  // namespace rvanno
