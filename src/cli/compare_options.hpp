// Options of `rvanno compare`: its option table (cli/options.hpp), parsing and validation.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cli/context_options.hpp"
#include "cli/options.hpp"

namespace rvanno::cli {

// The inputs of one time point: BASELINE or PROGRESSION and its --baseline-*/--progression-* options.
struct CompareSide {
    std::string vcf, sample;
    std::vector<std::string> cnv, sv;
    std::optional<double> purity, ploidy;
};

// The shared parts hold genome, fasta, cnv_format, include_filtered (input), tumor_type,
// therapy_history, drivers (context), db, output, format and threads, quiet.
struct CompareOptions : InputOptions, ContextOptions, KnowledgeOptions, OutputOptions, GeneralOptions {
    CompareSide base, prog;
    CnThresholdOptions cn;
};

// The usage, option table and examples of `rvanno compare`, bound to `o`.
CommandSpec compare_command_spec(CompareOptions& o);

// Parses; returns nullopt when --help was given (and printed). Throws UsageError.
std::optional<CompareOptions> parse_compare_options(const std::vector<std::string>& args);

}  // namespace rvanno::cli
