// A cohort's per-sample summaries: what `rvanno batch` keeps of each sample's report for the
// cohort tables (the reports themselves are written as soon as each is done).
#pragma once
#include <string>
#include <vector>

#include "rvanno/compare.hpp"
#include "rvanno/report.hpp"
#include "rvanno/verdict.hpp"

namespace rvanno {

struct SampleSummary {
    std::string name;
    bool small{false}, cnv{false}, sv{false};  // which kinds of input the sample had
    std::vector<KeyedAlteration> alterations;
    std::vector<DrugVerdict> verdicts;  // evidence cleared
};

struct CohortResult {
    std::vector<SampleSummary> samples;
    Provenance first;  // the first sample's provenance (versions, build, command)
};

}  // namespace rvanno
