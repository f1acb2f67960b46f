// Writers of the `rvanno batch` cohort tables (per-sample reports use report/writers.hpp).
#pragma once
#include <ostream>
#include <string>

#include "rvanno/cohort.hpp"

namespace rvanno {

// `input_line` is the provenance line naming the cohort's input ("##sample_sheet=..." or
// "##input=...").
// cohort_alterations.tsv: one row per alteration key, one column per sample.
void write_cohort_alterations(const CohortResult& cohort, const std::string& input_line, std::ostream& out);
// cohort_verdicts.tsv: one row per drug, one column per sample: the verdict call.
void write_cohort_verdicts(const CohortResult& cohort, const std::string& input_line, std::ostream& out);

}  // namespace rvanno
