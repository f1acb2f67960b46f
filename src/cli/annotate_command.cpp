// rvanno annotate: composition of readers -> annotators -> report. No logic of its own beyond
// deciding the genome build and wiring the stages together.
#include <htslib/hts.h>

#include <iostream>
#include <memory>

#include "build_config.hpp"
#include "cli/annotate_options.hpp"
#include "cli/commands.hpp"
#include "cli/sample_pipeline.hpp"
#include "io/output_file.hpp"
#include "rvanno/error.hpp"
#include "rvanno/fusion.hpp"
#include "rvanno/gene_copy_number.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"

namespace rvanno::cli {
namespace {

// Fails before the long pass, not after it, when an output cannot be written.
void check_output_directory(const std::string& path) {
    if (path.empty() || path == "-") return;
    auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty() && !std::filesystem::is_directory(dir))
        throw UserError("cannot write '" + path + "': directory '" + dir.string() + "' does not exist",
                        "create the directory or choose another output path");
}

void write_outputs(const AnnotateOptions& o, const Report& report) {
    OutputFile output(o.output);
    if (o.format == "json") write_json(report, output.stream());
    else write_tsv(report, output.stream());
    std::unique_ptr<OutputFile> table;
    if (!o.gene_table.empty()) {
        table = std::make_unique<OutputFile>(o.gene_table);
        write_gene_table_tsv(report, table->stream());
        table->commit();
    }
    output.commit();
}

void print_summary(const Report& r, bool small, bool cnv, bool sv) {
    const auto& c = r.counters.values;
    auto get = [&](const char* k) { auto it = c.find(k); return it == c.end() ? 0L : it->second; };
    std::string parts;
    auto add = [&](const std::string& s) { parts += (parts.empty() ? "" : "; ") + s; };
    if (small)
        add(std::to_string(get("records")) + " records, " + std::to_string(get("records_examined")) +
            " in knowledge-base genes, " + std::to_string(get("alleles_matched")) + " allele(s) matched, " +
            std::to_string(get("records_filtered")) + " filtered, " +
            std::to_string(get("alleles_symbolic_skipped") + get("alleles_star_skipped")) + " symbolic/* alleles skipped");
    long cn = 0, fu = 0;
    for (const auto& f : r.copy_number) cn += f.matches.empty() ? 0 : 1;
    for (const auto& f : r.fusions) fu += f.matches.empty() ? 0 : 1;
    if (cnv) add(std::to_string(get("copy_number_segments")) + " segments, " + std::to_string(cn) + " gene(s) with copy-number matches");
    if (sv) add(std::to_string(r.fusions.size()) + " junction(s) annotated, " + std::to_string(fu) + " fusion(s) matched");
    std::cerr << "rvanno: " << parts << "; build " << r.provenance.genome_build << "\n";
}

}  // namespace

int annotate(const std::vector<std::string>& args, const std::string& command_line) {
    auto parsed = parse_annotate_options(args);
    if (!parsed) return 0;  // --help
    const AnnotateOptions& o = *parsed;
    const KnowledgeBase kb = load_knowledge_base(o.db.empty() ? default_knowledge_base_dir() : std::filesystem::path(o.db));
    for (const auto& path : {o.output, o.gene_table}) check_output_directory(path);
    Report report = annotate_sample({o.input, o.sample, o.cnv, o.sv},
                                    {o.genome, o.fasta, o.cnv_format, o.include_filtered, o.threads, o.purity,
                                     o.ploidy, o.thresholds},
                                    kb, command_line);
    write_outputs(o, report);
    if (!o.quiet) print_summary(report, !o.input.empty(), !o.cnv.empty(), !o.sv.empty());
    return 0;
}

}  // namespace rvanno::cli
