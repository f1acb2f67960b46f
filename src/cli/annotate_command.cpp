// rvanno annotate: options -> pipeline (annotate_sample, interpret_sample) -> writers.
#include <iostream>
#include <sstream>
#include <memory>

#include "cli/annotate_options.hpp"
#include "cli/commands.hpp"
#include "cli/context_options.hpp"
#include "io/output_file.hpp"
#include "io/vcf_writer.hpp"
#include "pipeline/sample.hpp"
#include "report/provenance.hpp"
#include "report/text_safety.hpp"
#include "report/writers.hpp"
#include "rvanno/error.hpp"
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

void write_side_table(const std::string& path, const Report& report, void (*writer)(const Report&, std::ostream&)) {
    if (path.empty()) return;
    OutputFile table(path);
    writer(report, table.stream());
    table.commit();
}

void write_outputs(const AnnotateOptions& o, const Report& report) {
    OutputFile output(o.output);
    if (o.format == "json") write_json(report, output.stream());
    else if (o.format == "html") {
        std::ostringstream html;  // input bytes are not always UTF-8; the file must be
        write_html(report, html);
        output.stream() << text::repair_utf8(html.str());
    }
    else write_tsv(report, output.stream());
    write_side_table(o.gene_table, report, write_gene_table_tsv);
    write_side_table(o.verdict_table, report, write_verdict_table_tsv);
    if (!o.output_vcf.empty())
        write_annotated_vcf(o.input, o.output_vcf, o.output_vcf_mode, report.findings, provenance::vcf_header_lines(report.provenance), o.threads);
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
    for (const auto& path : {o.output, o.gene_table, o.verdict_table, o.output_vcf}) check_output_directory(path);
    pipeline::RunTables tables(kb);
    Report report = pipeline::annotate_sample({o.input, o.sample, o.cnv, o.sv},
                                              {o.genome, o.fasta, o.cnv_format, o.include_filtered, o.threads,
                                               o.purity, o.ploidy, o.thresholds},
                                              tables, command_line);
    const auto declared = parse_sample_context(o.tumor_type, o.drivers, o.therapy_history, kb);
    pipeline::interpret_sample(report, pipeline::with_detected_drivers(declared, report),
                               pipeline::annotate_steps(o.depth), tables);
    write_outputs(o, report);
    if (!o.quiet) print_summary(report, !o.input.empty(), !o.cnv.empty(), !o.sv.empty());
    return 0;
}

}  // namespace rvanno::cli
