// Options of `rvanno batch`: its option table (cli/options.hpp), parsing and validation.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cli/context_options.hpp"
#include "cli/options.hpp"

namespace rvanno::cli {

// The shared parts hold genome, fasta, cnv_format, include_filtered (input), tumor_type,
// therapy_history, drivers (context), db, output (the directory), format and threads, quiet.
struct BatchOptions : InputOptions, ContextOptions, KnowledgeOptions, OutputOptions, GeneralOptions {
    std::string sheet, vcf;  // --sample-sheet, or the multi-sample VCF/BCF
    CnThresholdOptions cn;
    BatchOptions() { output.clear(); }  // -o OUTDIR is required: no stdout default
};

// The usage, option table and examples of `rvanno batch`, bound to `o`.
CommandSpec batch_command_spec(BatchOptions& o);

// Parses; returns nullopt when --help was given (and printed). Throws UsageError.
std::optional<BatchOptions> parse_batch_options(const std::vector<std::string>& args);

}  // namespace rvanno::cli
