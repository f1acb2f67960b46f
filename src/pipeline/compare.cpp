#include "pipeline/compare.hpp"

#include "interpret/compare.hpp"
#include "rvanno/error.hpp"

namespace rvanno::pipeline {
namespace {

// Runs one side, naming it in any error (the two sides may share a file).
Report annotate_side(const char* name, const SideInputs& side, RunSettings settings, RunTables& tables,
                     const std::string& command_line) {
    settings.purity = side.purity;
    settings.ploidy = side.ploidy;
    try {
        return annotate_sample(side.inputs, settings, tables, command_line);
    } catch (const UsageError& e) {
        throw UsageError(std::string(name) + ": " + e.what(), e.hint());
    } catch (const UserError& e) { throw UserError(std::string(name) + ": " + e.what(), e.hint()); }
}

}  // namespace

ComparedSamples compare_samples(const SideInputs& baseline, const SideInputs& progression, RunSettings settings,
                                const SampleContext& declared, RunTables& tables, const std::string& command_line) {
    const bool genome_given = !settings.genome.empty();
    Report base = annotate_side("baseline", baseline, settings, tables, command_line);
    if (!genome_given) settings.genome = base.provenance.genome_build;
    Report prog = annotate_side("progression", progression, settings, tables, command_line);
    if (!genome_given) prog.provenance.genome_build_reason = "as the baseline: " + base.provenance.genome_build_reason;
    const SampleContext context = with_detected_drivers(with_detected_drivers(declared, base), prog);
    for (Report* r : {&base, &prog}) interpret_sample(*r, context, compare_steps(), tables);
    Comparison c = compare_reports(base, prog, context.therapy_history);
    return {std::move(base), std::move(prog), std::move(c)};
}

}  // namespace rvanno::pipeline
