// rvanno compare: one patient at two time points. Runs the one-sample pipeline on each side,
// computes verdicts with one shared context, and writes the comparison (src/pipeline/compare.cpp).
#include <iostream>

#include "build_config.hpp"
#include "cli/commands.hpp"
#include "cli/compare_options.hpp"
#include "cli/context_options.hpp"
#include "io/output_file.hpp"
#include "knowledge/knowledge_base.hpp"
#include "pipeline/compare.hpp"
#include "report/compare.hpp"
#include "report/format.hpp"
#include "rvanno/compare.hpp"
#include "rvanno/error.hpp"

namespace rvanno::cli {
namespace {

void print_summary(const Comparison& c) {
    long n[3] = {0, 0, 0}, changed = 0;
    for (const auto& a : c.alterations) ++n[static_cast<int>(a.status)];
    for (const auto& v : c.verdicts) changed += v.changed() ? 1 : 0;
    std::cerr << "rvanno: " << n[0] << " acquired, " << n[1] << " lost, " << n[2] << " persistent alteration(s); "
              << changed << " drug verdict(s) changed";
    if (!c.remaining.empty())
        std::cerr << "; first remaining option: " << c.remaining[0].drug << " (" << to_string(c.remaining[0].call)
                  << ")";
    std::cerr << "\n";
}

}  // namespace

int compare(const std::vector<std::string>& args, const std::string& command_line) {
    auto parsed = parse_compare_options(args);
    if (!parsed) return 0;  // --help
    const CompareOptions& o = *parsed;
    const KnowledgeBase kb =
        load_knowledge_base(o.db.empty() ? default_knowledge_base_dir() : std::filesystem::path(o.db));
    const SampleContext context = parse_sample_context(o.tumor_type, o.drivers, o.therapy_history, kb);
    const CnThresholds thresholds = make_cn_thresholds(o.cn, "compare");
    if (auto dir = std::filesystem::path(o.output).parent_path();
        o.output != "-" && !dir.empty() && !std::filesystem::is_directory(dir))
        throw UserError("cannot write '" + o.output + "': directory '" + dir.string() + "' does not exist",
                        "create the directory or choose another output path");
    const VcfRegions regions = input_regions("compare", o);
    pipeline::RunTables tables(kb);
    const auto run = pipeline::compare_samples(
        {{o.base.vcf, o.base.sample, o.base.cnv, o.base.sv}, o.base.purity, o.base.ploidy},
        {{o.prog.vcf, o.prog.sample, o.prog.cnv, o.prog.sv}, o.prog.purity, o.prog.ploidy},
        {o.genome, o.fasta, o.cnv_format, o.include_filtered, o.threads, {}, {}, thresholds, regions}, context, tables,
        command_line);
    const Comparison& c = run.comparison;
    OutputFile output(o.output);
    if (o.format == "json")
        write_compare_json(run.baseline, run.progression, c, output.stream());
    else
        write_compare_tsv(run.baseline, run.progression, c, output.stream());
    output.commit();
    if (!o.quiet) print_summary(c);
    return 0;
}

}  // namespace rvanno::cli
