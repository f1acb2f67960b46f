// One sample through the whole pipeline: open its inputs, decide the genome build, annotate
// small variants, copy number and fusions, and summarise every knowledge-base gene. Shared by
// `rvanno annotate`, `rvanno compare` and batch mode. Verdicts are added by the caller.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rvanno/gene_copy_number.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"

namespace rvanno::cli {

struct SampleInputs {
    std::string vcf;                  // "" when only copy number / SVs
    std::string vcf_sample;           // --sample; "" = ##tumor_sample or the first
    std::vector<std::string> cnv, sv;
};

struct PipelineSettings {
    std::string genome, fasta, cnv_format;
    bool include_filtered{false};
    int threads{0};
    std::optional<double> purity, ploidy;
    CnThresholds thresholds;
};

Report annotate_sample(const SampleInputs& inputs, const PipelineSettings& settings, const KnowledgeBase& kb,
                       const std::string& command_line);

}  // namespace rvanno::cli
