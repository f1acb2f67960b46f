// rvanno compare: one patient at two time points. Runs the one-sample pipeline on each side,
// computes verdicts with one shared context, and writes the comparison (src/pipeline/compare.cpp).
#include <iostream>

#include "build_config.hpp"
#include "cli/commands.hpp"
#include "cli/compare_options.hpp"
#include "cli/context_options.hpp"
#include "io/output_file.hpp"
#include "io/output_set.hpp"
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
    std::vector<std::string> inputs = {o.base.vcf, o.prog.vcf, o.fasta,
                                       o.db.empty() ? default_knowledge_base_dir().string() : o.db};
    if (!o.fasta.empty()) inputs.push_back(o.fasta + ".fai");
    for (const auto* side : {&o.base, &o.prog}) {
        inputs.insert(inputs.end(), side->cnv.begin(), side->cnv.end());
        inputs.insert(inputs.end(), side->sv.begin(), side->sv.end());
    }
    OutputSet outputs(inputs);  // refuses an output that is an input, before the long pass
    std::ostream& output = outputs.open(o.output, "-o");
    const VcfRegions regions = input_regions("compare", o);
    pipeline::RunTables tables(kb);
    const auto run = pipeline::compare_samples(
        {{o.base.vcf, o.base.sample, o.base.cnv, o.base.sv, {}, {}}, o.base.purity, o.base.ploidy},
        {{o.prog.vcf, o.prog.sample, o.prog.cnv, o.prog.sv, {}, {}}, o.prog.purity, o.prog.ploidy},
        run_settings(o, o, o, thresholds, regions), context, tables, command_line);
    const Comparison& c = run.comparison;
    if (o.format == "json")
        write_compare_json(run.baseline, run.progression, c, output);
    else
        write_compare_tsv(run.baseline, run.progression, c, output);
    outputs.commit();
    if (!o.quiet) print_summary(c);
    return 0;
}

}  // namespace rvanno::cli
