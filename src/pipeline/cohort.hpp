// run_cohort: every sample of a cohort through the stages of pipeline/sample.hpp, one after
// the other, each report handed to a sink as soon as it is done (nothing accumulates but the
// cohort summaries).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "pipeline/sample.hpp"
#include "rvanno/cohort.hpp"

namespace rvanno::pipeline {

struct CohortJob {
    std::string name;  // the report's sample name
    SampleInputs inputs;
    SampleContext context;  // declared (tumour type, drivers, therapy history)
};

// Runs the jobs in order; the first to fail stops the run with its name in the message. The
// first sample's build becomes the cohort's when settings.genome is empty. `on_report` gets
// (job index, finished report); `on_start`, if set, the job index before the job runs.
CohortResult run_cohort(const std::vector<CohortJob>& jobs, RunSettings settings, RunTables& tables,
                        const std::string& command_line,
                        const std::function<void(std::size_t, const Report&)>& on_report,
                        const std::function<void(std::size_t)>& on_start = {});

}  // namespace rvanno::pipeline
