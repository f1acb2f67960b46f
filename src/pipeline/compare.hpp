// compare_samples: one patient at two time points, through the stages of pipeline/sample.hpp.
#pragma once
#include <string>

#include "pipeline/sample.hpp"
#include "rvanno/compare.hpp"

namespace rvanno::pipeline {

struct SideInputs {
    SampleInputs inputs;
    std::optional<double> purity, ploidy;  // nullopt = from the side's files
};

struct ComparedSamples {
    Report baseline, progression;  // each with verdicts in the shared context
    Comparison comparison;
};

// Annotates both sides (errors name the side), then interprets both in ONE context: the declared
// drivers plus those detected on either side. Without --genome the progression must be on the
// baseline's build.
ComparedSamples compare_samples(const SideInputs& baseline, const SideInputs& progression, RunSettings settings,
                                const SampleContext& declared, RunTables& tables, const std::string& command_line);

}  // namespace rvanno::pipeline
