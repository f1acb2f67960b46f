// run_cohort: every sample of a cohort through the stages of pipeline/sample.hpp. The samples of
// one multi-sample VCF/BCF are annotated in one read of the file (pipeline/shared_pass.hpp);
// each report is handed to a sink as soon as its file is done (nothing else accumulates but
// the cohort summaries).
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

// Runs the jobs in order, those reading one small-variant file together (at the first of them);
// the first to fail stops the run with its name in the message. The first sample's build becomes
// the cohort's when settings.genome is empty. `on_report` gets (job index, finished report);
// `on_start`, if set, the job index before the job's file is read.
CohortResult run_cohort(const std::vector<CohortJob>& jobs, RunSettings settings, RunTables& tables,
                        const std::string& command_line,
                        const std::function<void(std::size_t, const Report&)>& on_report,
                        const std::function<void(std::size_t)>& on_start = {});

}  // namespace rvanno::pipeline
