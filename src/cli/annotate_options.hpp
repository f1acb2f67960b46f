// Options of `rvanno annotate`: its option table (cli/options.hpp), parsing and validation.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cli/context_options.hpp"
#include "cli/options.hpp"
#include "rvanno/gene_copy_number.hpp"

namespace rvanno::cli {

// The shared parts hold genome, fasta, cnv_format, include_filtered (input), tumor_type,
// therapy_history, drivers (context), db, output, format and threads, quiet.
struct AnnotateOptions : InputOptions, ContextOptions, KnowledgeOptions, OutputOptions, GeneralOptions {
    std::string input;  // small variants; "" when only --cnv/--sv
    std::vector<std::string> cnv, sv;
    std::string sample, gene_table, depth, verdict_table, output_vcf;
    std::string cnv_sample, sv_sample;  // the sample of multi-sample --cnv / --sv tables
    std::string output_vcf_type;        // -O as given
    bool output_vcf_type_given = false;
    std::string vcf_output;      // where the annotated VCF goes: --output-vcf, or -o with -f vcf
    std::string vcf_type = "v";  // its bcftools type: -O, else from its name, else v
    VcfRegions region_list;      // -r/-R, resolved
    std::optional<double> purity, ploidy;
    CnThresholdOptions cn;  // as given; thresholds is what they resolve to
    CnThresholds thresholds;
};

// The usage, option table and examples of `rvanno annotate`, bound to `o`.
CommandSpec annotate_command_spec(AnnotateOptions& o);

// Parses; returns nullopt when --help was given (and printed). Throws UsageError.
std::optional<AnnotateOptions> parse_annotate_options(const std::vector<std::string>& args);

}  // namespace rvanno::cli
