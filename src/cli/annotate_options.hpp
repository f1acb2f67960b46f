// Options of `rvanno annotate`: declaration, parsing and validation (the help text is the spec).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rvanno/gene_copy_number.hpp"

namespace rvanno::cli {

struct AnnotateOptions {
    std::string input;                        // small variants; "" when only --cnv/--sv
    std::vector<std::string> cnv, sv;
    std::string cnv_format;
    std::string sample, genome, fasta, db, output = "-", format = "tsv", gene_table;
    std::string tumor_type, therapy_history, depth, verdict_table, output_vcf;
    std::vector<std::string> drivers;
    char output_vcf_mode = 'v';
    bool include_filtered = false, quiet = false;
    int threads = 0;
    std::optional<double> purity, ploidy;
    CnThresholds thresholds;
};

extern const char* const kAnnotateUsage;

// Parses; returns nullopt when --help was given (and printed). Throws UsageError.
std::optional<AnnotateOptions> parse_annotate_options(const std::vector<std::string>& args);

}  // namespace rvanno::cli
