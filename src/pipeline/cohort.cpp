#include "pipeline/cohort.hpp"

#include "interpret/compare.hpp"
#include "rvanno/error.hpp"

namespace rvanno::pipeline {
namespace {

Report run_job(const CohortJob& job, const RunSettings& settings, RunTables& tables, const std::string& command_line) {
    try {
        Report r = annotate_sample(job.inputs, settings, tables, command_line);
        r.provenance.sample = job.name;
        interpret_sample(r, with_detected_drivers(job.context, r), cohort_steps(), tables);
        return r;
    } catch (const UsageError& e) {
        throw UsageError("sample '" + job.name + "': " + e.what(), e.hint());
    } catch (const UserError& e) { throw UserError("sample '" + job.name + "': " + e.what(), e.hint()); }
}

}  // namespace

CohortResult run_cohort(const std::vector<CohortJob>& jobs, RunSettings settings, RunTables& tables,
                        const std::string& command_line,
                        const std::function<void(std::size_t, const Report&)>& on_report,
                        const std::function<void(std::size_t)>& on_start) {
    CohortResult result;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        if (on_start) on_start(i);
        Report r = run_job(jobs[i], settings, tables, command_line);
        if (settings.genome.empty()) settings.genome = r.provenance.genome_build;  // one build for the cohort
        on_report(i, r);
        SampleSummary s{jobs[i].name,
                        !r.provenance.inputs.empty(),
                        !r.provenance.cnv_inputs.empty(),
                        !r.provenance.sv_inputs.empty(),
                        keyed_alterations(r),
                        r.verdicts};
        for (auto& v : s.verdicts) v.evidence.clear();
        result.samples.push_back(std::move(s));
        if (i == 0) result.first = r.provenance;
    }
    return result;
}

}  // namespace rvanno::pipeline
