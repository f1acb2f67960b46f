#include "pipeline/shared_pass.hpp"

#include <algorithm>
#include <memory>

#include "pipeline/sample_steps.hpp"
#include "rvanno/genome.hpp"

namespace rvanno::pipeline {
namespace {

// The column of the sample a reader chose (-1: the file has no sample column).
int column_of(const VcfHeaderSummary& h) {
    const auto it = std::find(h.samples.begin(), h.samples.end(), h.sample);
    return h.sample.empty() || it == h.samples.end() ? -1 : static_cast<int>(it - h.samples.begin());
}

}  // namespace

void annotate_samples_in_one_pass(const std::vector<SampleInputs>& samples, const std::vector<std::string>& names,
                                  const RunSettings& p, RunTables& tables, const std::string& command_line,
                                  const std::function<void(std::size_t, Report&)>& on_report) {
    const std::size_t n = samples.size();
    std::vector<SampleRun> runs;
    runs.reserve(n);
    runs.push_back(in_sample(names[0], [&] { return open_sample(samples[0], p, tables, command_line); }));
    if (!runs[0].in.vcf) {  // a MAF (or no small variants): each sample's reader keeps its own rows
        runs.clear();
        for (std::size_t k = 0; k < n; ++k) {
            Report r = in_sample(names[k], [&] { return annotate_sample(samples[k], p, tables, command_line); });
            on_report(k, r);
        }
        return;
    }
    // The first sample's build is the cohort's (run_cohort), as if given with --genome.
    RunSettings rest = p;
    if (rest.genome.empty()) rest.genome = to_string(runs[0].build);
    for (std::size_t k = 1; k < n; ++k)
        runs.push_back(in_sample(names[k], [&] { return open_sample(samples[k], rest, tables, command_line); }));
    {
        std::vector<int> column(n);
        for (std::size_t k = 0; k < n; ++k) {
            column[k] = column_of(runs[k].in.vcf->header());
            // Each sample opened the file to choose its column; one reader and one FASTA serve all.
            if (k > 0) runs[k].in.vcf.reset(), runs[k].fasta.reference.reset();
        }
        // The first sample's reader, opened again to read the other samples' columns too.
        runs[0].in.vcf = in_sample(
            names[0], [&] { return open_vcf(samples[0], p, std::vector<int>(column.begin() + 1, column.end())); });
        VcfReader& reader = *runs[0].in.vcf;
        std::vector<std::unique_ptr<SmallVariantAnnotator>> annotators;
        for (std::size_t k = 0; k < n; ++k)
            annotators.push_back(make_annotator(samples[k], runs[k], p, tables, reader.header().annotation_tags,
                                                runs[0].fasta.reference.get()));
        reader.set_targets(annotators[0]->targets());
        std::vector<ReaderCounters> own(n);
        in_sample(names[0], [&] {
            VariantRecord rec;
            std::vector<SmallVariantAnnotator::AlleleCandidate> found;
            std::vector<std::shared_ptr<SmallVariantAnnotator::AlleleCandidate>> shared;
            while (reader.next(rec)) {
                annotators[0]->candidates(rec, found);  // once for every sample
                shared.clear();
                for (auto& c : found)
                    shared.push_back(std::make_shared<SmallVariantAnnotator::AlleleCandidate>(std::move(c)));
                for (std::size_t k = 0; k < n; ++k) {
                    if (k > 0) reader.sample_values(column[k], rec, own[k]);
                    for (const auto& c : shared) annotators[k]->take(rec, c);
                }
            }
        });
        for (std::size_t k = 1; k < n; ++k) annotators[k]->adopt_candidate_counters(*annotators[0]);
        for (std::size_t k = 0; k < n; ++k) {
            ReaderCounters rc = reader.counters();
            if (k > 0) {
                rc.vaf_sources = own[k].vaf_sources;
                rc.format_values_out_of_range = own[k].format_values_out_of_range;
            }
            const UnlistedAlleles unlisted = take_small_variants(*annotators[k], rc, runs[k].report);
            annotators[k].reset();
            in_sample(names[k], [&] { finish_sample(runs[k], p, tables, unlisted); });
            on_report(k, runs[k].report);
            if (k > 0) runs[k] = SampleRun{};  // one finished report at a time (runs[0] holds the reader)
        }
    }
}

}  // namespace rvanno::pipeline
