// The steps of annotate_sample (pipeline/sample.hpp), private to pipeline/, for the one-pass
// cohort (pipeline/shared_pass.hpp), which runs them around one read shared by many samples:
//   open_sample         read the headers and tables, decide the build, provenance, FASTA
//   make_annotator      the small-variant step of the sample (SmallVariantAnnotator)
//   take_small_variants its findings and the reader's counters into the report
//   finish_sample       copy number, fusions, carried alleles, gene summary, counters
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "io/vcf_reader.hpp"
#include "pipeline/allele_keeping.hpp"
#include "pipeline/inputs.hpp"
#include "pipeline/sample.hpp"
#include "pipeline/small_variants.hpp"

namespace rvanno::pipeline {

struct SampleRun {
    Inputs in;
    GenomeBuild build{};
    FastaChoice fasta;
    Report report;
    bool small{false};  // a VCF or MAF was given
};

SampleRun open_sample(const SampleInputs& o, const RunSettings& p, RunTables& tables, const std::string& command_line);
std::unique_ptr<SmallVariantAnnotator> make_annotator(const SampleInputs& o, const SampleRun& s, const RunSettings& p,
                                                      RunTables& tables,
                                                      std::vector<std::pair<std::string, AnnotationLayout>> tags,
                                                      const ReferenceSequence* reference);
// Calls annotator.finish(); `rc` are the counters of the sample's read.
UnlistedAlleles take_small_variants(SmallVariantAnnotator& annotator, const ReaderCounters& rc, Report& report);
void finish_sample(SampleRun& s, const RunSettings& p, RunTables& tables, const UnlistedAlleles& unlisted);

}  // namespace rvanno::pipeline
