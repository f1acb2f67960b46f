#include "pipeline/cohort.hpp"

#include <optional>

#include "interpret/compare.hpp"
#include "pipeline/shared_pass.hpp"

namespace rvanno::pipeline {
namespace {

void interpret_job(const CohortJob& job, Report& r, RunTables& tables) {
    in_sample(job.name, [&] {
        r.provenance.sample = job.name;
        interpret_sample(r, with_detected_drivers(job.context, r), cohort_steps(), tables);
    });
}

// The jobs from `first` on that read the same small-variant file as jobs[first] (in job order):
// a multi-sample VCF is read once for all of them (pipeline/shared_pass.hpp).
std::vector<std::size_t> same_file(const std::vector<CohortJob>& jobs, std::size_t first,
                                   const std::vector<bool>& done) {
    std::vector<std::size_t> group{first};
    const std::string& vcf = jobs[first].inputs.vcf;
    if (vcf.empty() || vcf == "-") return group;
    for (std::size_t i = first + 1; i < jobs.size(); ++i)
        if (!done[i] && jobs[i].inputs.vcf == vcf) group.push_back(i);
    return group;
}

}  // namespace

CohortResult run_cohort(const std::vector<CohortJob>& jobs, RunSettings settings, RunTables& tables,
                        const std::string& command_line,
                        const std::function<void(std::size_t, const Report&)>& on_report,
                        const std::function<void(std::size_t)>& on_start) {
    CohortResult result;
    std::vector<std::optional<SampleSummary>> summaries(jobs.size());
    std::vector<bool> done(jobs.size(), false);
    for (std::size_t first = 0; first < jobs.size(); ++first) {
        if (done[first]) continue;
        const auto group = same_file(jobs, first, done);
        std::vector<SampleInputs> inputs;
        std::vector<std::string> names;
        for (std::size_t i : group) {
            if (on_start) on_start(i);
            inputs.push_back(jobs[i].inputs);
            names.push_back(jobs[i].name);
        }
        annotate_samples_in_one_pass(inputs, names, settings, tables, command_line, [&](std::size_t g, Report& r) {
            const std::size_t i = group[g];
            interpret_job(jobs[i], r, tables);
            if (settings.genome.empty()) settings.genome = r.provenance.genome_build;  // one build for the cohort
            on_report(i, r);
            SampleSummary s{jobs[i].name,
                            !r.provenance.inputs.empty(),
                            !r.provenance.cnv_inputs.empty(),
                            !r.provenance.sv_inputs.empty(),
                            keyed_alterations(r),
                            r.verdicts};
            for (auto& v : s.verdicts) v.evidence.clear();
            summaries[i] = std::move(s);
            if (i == 0) result.first = r.provenance;
            done[i] = true;
        });
    }
    for (auto& s : summaries) result.samples.push_back(std::move(*s));
    return result;
}

}  // namespace rvanno::pipeline
