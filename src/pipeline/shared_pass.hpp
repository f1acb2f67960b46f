// Several samples of one multi-sample VCF/BCF annotated in one read of the file (rvanno batch;
// issue 10). Each sample gets the Report annotate_sample (pipeline/sample.hpp) would give it
// alone: the record-level work (reading, parsing, FILTER, record checks) is done once, and each
// record's alleles are handed to every sample's own small-variant step with that sample's
// FORMAT values (genotype, VAF, depth, phase set). Record counters are the file's, the same for
// every sample; the VAF sources are each sample's own. A MAF is read per sample as before.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "pipeline/sample.hpp"
#include "rvanno/error.hpp"

namespace rvanno::pipeline {

// Runs f(); a UsageError or UserError it throws is thrown again with "sample 'NAME': " in front,
// so that a cohort's failure names its sample.
template <class F>
auto in_sample(const std::string& name, F f) -> decltype(f()) {
    try {
        return f();
    } catch (const UsageError& e) {
        throw UsageError("sample '" + name + "': " + e.what(), e.hint());
    } catch (const UserError& e) { throw UserError("sample '" + name + "': " + e.what(), e.hint()); }
}

// `samples` all name the same small-variant file (SampleInputs::vcf); `names` (parallel) name
// the samples in error messages ("sample 'X': ..."). Each finished report goes to `on_report`
// (index into `samples`, report) in the order of `samples`, and is not kept: after the read,
// only one sample's report exists at a time.
void annotate_samples_in_one_pass(const std::vector<SampleInputs>& samples, const std::vector<std::string>& names,
                                  const RunSettings& settings, RunTables& tables, const std::string& command_line,
                                  const std::function<void(std::size_t, Report&)>& on_report);

}  // namespace rvanno::pipeline
