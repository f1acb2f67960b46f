// rvanno annotate: options -> pipeline (annotate_sample, interpret_sample) -> writers.
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/annotate_options.hpp"
#include "cli/commands.hpp"
#include "cli/context_options.hpp"
#include "io/annotated_vcf_stream.hpp"
#include "io/maf_reader.hpp"
#include "io/output_file.hpp"
#include "io/output_set.hpp"
#include "io/vcf_writer.hpp"
#include "knowledge/knowledge_base.hpp"
#include "knowledge/transcript_table.hpp"
#include "pipeline/sample.hpp"
#include "report/provenance.hpp"
#include "report/text_safety.hpp"
#include "report/writers.hpp"
#include "rvanno/error.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"

namespace rvanno::cli {
namespace {

// Every file the run reads: no output may replace one of them (OutputSet).
std::vector<std::string> inputs(const AnnotateOptions& o) {
    std::vector<std::string> in = {o.input, o.fasta, o.depth,
                                   o.db.empty() ? default_knowledge_base_dir().string() : o.db};
    in.insert(in.end(), o.cnv.begin(), o.cnv.end());
    in.insert(in.end(), o.sv.begin(), o.sv.end());
    if (!o.fasta.empty()) in.push_back(o.fasta + ".fai");
    return in;
}

// Opens every output before the long pass (so a bad path fails first, and a refused path
// before anything is read). The annotated VCF is written by HTSlib in the same pass: it is
// checked and staged here, and its stream takes the records as the reader reads them.
struct Outputs {
    explicit Outputs(const AnnotateOptions& o) : set(inputs(o)) {
        if (o.format != "vcf") main = &set.open(o.output, "-o");
        if (!o.gene_table.empty()) gene = &set.open(o.gene_table, "--gene-table");
        if (!o.verdict_table.empty()) verdict = &set.open(o.verdict_table, "--verdict-table");
        set.check(o.vcf_output, o.format == "vcf" ? "-o" : "--output-vcf");
        if (!o.vcf_output.empty()) vcf = std::make_unique<AnnotatedVcfStream>(o.vcf_type, o.vcf_output, o.threads);
    }
    OutputSet set;
    std::ostream* main{nullptr};
    std::ostream* gene{nullptr};
    std::ostream* verdict{nullptr};
    std::unique_ptr<AnnotatedVcfStream> vcf;
};

// Nothing is put into place until every output was written. With -f vcf the annotated VCF is
// the one output of -o (no report file).
void write_outputs(const AnnotateOptions& o, const Report& report, Outputs& out) {
    if (o.format == "json") {
        write_json(report, *out.main);
    } else if (o.format == "html") {
        std::ostringstream html;  // input bytes are not always UTF-8; the file must be
        write_html(report, html);
        *out.main << text::repair_utf8(html.str());
    } else if (o.format == "tsv") {
        write_tsv(report, *out.main);
    }
    if (out.gene) write_gene_table_tsv(report, *out.gene);
    if (out.verdict) write_verdict_table_tsv(report, *out.verdict);
    if (out.vcf)
        out.vcf->finish(out.set.stage(o.vcf_output), report.findings, provenance::vcf_header_lines(report.provenance));
    out.set.commit();
}

void print_summary(const Report& r, bool small, bool cnv, bool sv) {
    const auto& c = r.counters.values;
    auto get = [&](const char* k) {
        auto it = c.find(k);
        return it == c.end() ? 0L : it->second;
    };
    std::string parts;
    auto add = [&](const std::string& s) { parts += (parts.empty() ? "" : "; ") + s; };
    if (small)
        add(std::to_string(get("records")) + " records, " + std::to_string(get("records_examined")) + " examined in " +
            std::to_string(get("genes_examined")) + " model genes (" +
            std::to_string(get("records_outside_model_genes")) + " outside every model gene, not examined), " +
            std::to_string(get("alleles_matched")) + " allele(s) matched" +
            (get("alleles_matched_amino_acid_unknown_only") > 0
                 ? " (" + std::to_string(get("alleles_matched_amino_acid_unknown_only")) +
                       " only with the amino acid unknown, counted in no verdict)"
                 : "") +
            ", " + std::to_string(get("alleles_no_knowledge")) + " without knowledge (VUS" +
            (get("alleles_no_knowledge_not_listed") > 0
                 ? "; " + std::to_string(get("alleles_no_knowledge_not_listed")) +
                       " of them counted, not listed: --max-listed"
                 : "") +
            "), " + std::to_string(get("records_filtered")) + " filtered, " +
            std::to_string(get("alleles_symbolic_skipped") + get("alleles_star_skipped")) +
            " symbolic/* alleles skipped" +
            (get("records_invalid_skipped") + get("records_duplicate_skipped") > 0
                 ? ", " + std::to_string(get("records_invalid_skipped")) + " invalid and " +
                       std::to_string(get("records_duplicate_skipped")) + " duplicate record(s) skipped"
                 : std::string()));
    if (small && get("coding_alleles_without_protein_change") > 0)
        add(std::to_string(get("coding_alleles_without_protein_change")) +
            " coding allele(s) without a protein change" + provenance::no_fasta_hint(r.provenance));
    long cn = 0, fu = 0;
    for (const auto& f : r.copy_number) cn += f.matches.empty() ? 0 : 1;
    for (const auto& f : r.fusions) fu += f.matches.empty() ? 0 : 1;
    if (cnv)
        add(std::to_string(get("copy_number_segments")) + " segments, " + std::to_string(cn) +
            " gene(s) with copy-number matches");
    if (sv)
        add(std::to_string(r.fusions.size()) + " junction(s) annotated, " + std::to_string(fu) + " fusion(s) matched");
    long skipped = 0;
    for (const auto& [kind, n] : r.provenance.skipped_input_lines) skipped += n;
    if (skipped > 0)
        add(std::to_string(skipped) + " malformed line(s) skipped (listed in the provenance; --strict refuses them)");
    std::cerr << "rvanno: " << parts << "; build " << r.provenance.genome_build << "\n";
}

}  // namespace

int annotate(const std::vector<std::string>& args, const std::string& command_line) {
    auto parsed = parse_annotate_options(args);
    if (!parsed) return 0;  // --help
    const AnnotateOptions& o = *parsed;
    if (!o.vcf_output.empty() && is_maf(o.input))
        throw UsageError("annotate: '" + o.input + "' is a MAF; the annotated VCF passes VCF records through",
                         "drop --output-vcf / -f vcf for a MAF input, or annotate the VCF the MAF was made from");
    const KnowledgeBase kb =
        load_knowledge_base(o.db.empty() ? default_knowledge_base_dir() : std::filesystem::path(o.db));
    Outputs outputs(o);
    pipeline::RunTables tables(kb);
    pipeline::RunSettings settings = run_settings(o, o, o, o.thresholds, o.region_list);
    settings.purity = o.purity;
    settings.ploidy = o.ploidy;
    settings.targets_through_index = o.vcf_output.empty();  // the annotated VCF needs every record
    settings.vcf_stream = outputs.vcf.get();
    Report report = pipeline::annotate_sample({o.input, o.sample, o.cnv, o.sv, o.cnv_sample, o.sv_sample}, settings,
                                              tables, command_line);
    const auto declared = parse_sample_context(o.tumor_type, o.drivers, o.therapy_history, kb);
    pipeline::interpret_sample(report, pipeline::with_detected_drivers(declared, report),
                               pipeline::annotate_steps(o.depth), tables);
    write_outputs(o, report, outputs);
    if (!o.quiet) print_summary(report, !o.input.empty(), !o.cnv.empty(), !o.sv.empty());
    return 0;
}

}  // namespace rvanno::cli
