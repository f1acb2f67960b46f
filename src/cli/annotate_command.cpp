// rvanno annotate: composition of readers -> annotators -> report. No logic of its own beyond
// deciding the genome build and wiring the stages together.
#include <htslib/hts.h>

#include <iostream>
#include <memory>

#include "build_config.hpp"
#include "cli/annotate_options.hpp"
#include "cli/commands.hpp"
#include "core/annotator.hpp"
#include "io/fasta_reference.hpp"
#include "io/output_file.hpp"
#include "io/vcf_reader.hpp"
#include "rvanno/error.hpp"
#include "rvanno/fusion.hpp"
#include "rvanno/gene_copy_number.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"

namespace rvanno::cli {
namespace {

struct Inputs {
    std::unique_ptr<VcfReader> vcf;
    std::vector<CopyNumberInput> cnv;
    std::vector<SvInput> sv;
};

std::string describe(const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t i = 0; i < names.size() && i < 5; ++i) s += (i ? ", " : "") + names[i];
    return names.size() > 5 ? s + ", ..." : s;
}

struct BuildClue {
    std::string what;   // "'file.vcf'"
    GenomeBuild build;
    std::string reason; // "##contig lengths match GRCh38 (24 of 24 primary contigs)"
};

void check_vcf_header(const AnnotateOptions& o, const VcfHeaderSummary& h, const BuildEvidence& ev) {
    if (!o.genome.empty()) {
        auto bad = contigs_contradicting(*parse_genome_build(o.genome), h.contigs);
        if (!bad.empty())
            throw UserError("'" + o.input + "': the header contradicts --genome " + o.genome + " (contig lengths of " +
                                describe(bad) + ")",
                            "check the build of the file; lift it over or give the matching --genome");
    } else if (!ev.build && !ev.contradictions.empty()) {
        throw UserError("'" + o.input + "': ##contig lengths fit neither GRCh37 nor GRCh38 (" +
                            describe(ev.contradictions) + ")",
                        "rvanno supports GRCh37 and GRCh38; give --genome only if the header is wrong");
    }
}

// Every input that reveals its build must agree with the others and with --genome.
std::pair<GenomeBuild, std::string> decide_build(const AnnotateOptions& o, const Inputs& in) {
    std::vector<BuildClue> clues;
    if (in.vcf) {
        auto ev = detect_build(in.vcf->header().contigs, in.vcf->header().reference_line);
        check_vcf_header(o, in.vcf->header(), ev);
        if (ev.build) clues.push_back({"'" + o.input + "'", *ev.build, ev.reason});
    }
    for (const auto& c : in.cnv) if (c.build) clues.push_back({"'" + c.path + "'", *c.build, "from " + c.path});
    for (const auto& s : in.sv) if (s.build) clues.push_back({"'" + s.path + "'", *s.build, "from " + s.path});
    std::optional<GenomeBuild> chosen = o.genome.empty() ? std::nullopt : parse_genome_build(o.genome);
    std::string reason = chosen ? "given with --genome" : "";
    for (const auto& clue : clues) {
        if (chosen && *chosen != clue.build)
            throw UserError(clue.what + " is " + to_string(clue.build) + " but the run is " + to_string(*chosen) + " (" +
                                reason + ")",
                            "all inputs must be on one build; check --genome and the files");
        if (!chosen) { chosen = clue.build; reason = clue.reason; }
    }
    if (!chosen)
        throw UserError("cannot tell the genome build of the inputs (no ##contig lengths or ##reference)",
                        "give --genome GRCh38 or --genome GRCh37");
    return {*chosen, reason};
}

Inputs open_inputs(const AnnotateOptions& o) {
    Inputs in;
    if (!o.input.empty()) in.vcf = std::make_unique<VcfReader>(o.input, VcfReaderOptions{o.sample, o.include_filtered, o.threads});
    auto fmt = o.cnv_format.empty() ? std::nullopt : parse_cnv_format(o.cnv_format);
    for (const auto& f : o.cnv) in.cnv.push_back(read_copy_number(f, fmt));
    for (const auto& f : o.sv) in.sv.push_back(read_structural_variants(f));
    return in;
}

void run_small_variants(const AnnotateOptions& o, const KnowledgeBase& kb, GenomeBuild build,
                        const std::vector<Transcript>& transcripts, Inputs& in, Report& report) {
    std::unique_ptr<FastaReference> fasta;
    if (!o.fasta.empty()) fasta = std::make_unique<FastaReference>(o.fasta);
    Annotator annotator(kb, build, transcripts, fasta.get(), in.vcf->header().annotation_tags, o.input);
    in.vcf->set_targets(annotator.targets());
    VariantRecord rec;
    while (in.vcf->next(rec)) annotator.add(rec);
    annotator.finish();
    report.findings = std::move(annotator.findings());
    auto& counters = report.counters.values;
    for (const auto& [k, v] : annotator.counters()) counters[k] = v;
    const auto& rc = in.vcf->counters();
    counters["records"] = rc.records;
    counters["records_outside_knowledge_base_genes"] = rc.outside_targets;
    counters["records_filtered"] = rc.filtered;
    counters["records_examined"] = rc.candidates - rc.filtered;
    counters["alleles_symbolic_skipped"] = rc.symbolic_alleles;
    counters["alleles_star_skipped"] = rc.star_alleles;
}

CnSettings cn_settings(const AnnotateOptions& o, const Inputs& in) {
    CnSettings s;
    s.thresholds = o.thresholds;
    s.purity = o.purity;
    std::optional<double> ploidy = o.ploidy;
    for (const auto& c : in.cnv) {
        if (!s.purity && c.purity) s.purity = c.purity;
        if (!ploidy && c.ploidy) ploidy = c.ploidy;
    }
    s.ploidy = ploidy.value_or(2.0);
    return s;
}

void run_copy_number(const AnnotateOptions& o, const KnowledgeBase& kb, GenomeBuild build,
                     const std::vector<Transcript>& transcripts, const Inputs& in, Report& report) {
    const CnSettings settings = cn_settings(o, in);
    report.provenance.cn_settings = describe(settings);
    std::vector<CopyNumberSegment> segments;
    for (const auto& c : in.cnv) segments.insert(segments.end(), c.segments.begin(), c.segments.end());
    auto arms = read_chromosome_arms(kb.directory / ("chromosome_arms." + to_string(build) + ".tsv"));
    auto genes = gene_copy_numbers(segments, transcripts, arms, settings);
    for (std::size_t i = 0; i < genes.size(); ++i) {
        const auto& tx = transcripts[i];
        CopyNumberFinding f{genes[i], tx.contig, tx.tx_begin, tx.tx_end, {}};
        for (const auto& s : segments)
            if (s.where.contig == tx.contig) { f.contig_name = s.contig_name; break; }
        f.matches = match_copy_number(genes[i], amplification_threshold(settings), kb.entries_for_gene(tx.gene));
        report.copy_number.push_back(std::move(f));
    }
    report.counters.values["copy_number_segments"] = static_cast<long>(segments.size());
}

void run_fusions(const KnowledgeBase& kb, const std::vector<Transcript>& transcripts, const Inputs& in, Report& report) {
    std::vector<Junction> junctions;
    long unpaired = 0;
    for (const auto& s : in.sv) {
        junctions.insert(junctions.end(), s.junctions.begin(), s.junctions.end());
        unpaired += s.unpaired_breakends;
    }
    std::vector<const KnowledgeEntry*> fusion_rows;
    for (const auto& e : kb.entries) if (e.kind == AlterationKind::fusion) fusion_rows.push_back(&e);
    const auto variants = read_fusion_variants(kb.directory / "fusion_variants.tsv");
    for (auto& f : annotate_fusions(junctions, transcripts, variants)) {
        auto matches = match_fusion(f, fusion_rows);
        report.fusions.push_back({std::move(f), std::move(matches)});
    }
    report.counters.values["sv_junctions"] = static_cast<long>(junctions.size());
    report.counters.values["sv_unpaired_breakends"] = unpaired;
}

void summarise_genes(const std::vector<Transcript>& transcripts, bool small, bool sv, Report& r) {
    for (std::size_t i = 0; i < transcripts.size(); ++i) {
        GeneSummary g{transcripts[i].gene, transcripts[i].accession, small ? 0 : -1, 0, std::nullopt, sv ? 0 : -1};
        for (const auto& f : r.findings)
            if (f.csq.gene == g.gene) { ++g.small_variant_alleles; g.matched_small_variants += f.matches.empty() ? 0 : 1; }
        if (!r.copy_number.empty()) g.cn = r.copy_number[i].cn;
        for (const auto& f : r.fusions) g.fusions += (f.fusion.gene5 == g.gene || f.fusion.gene3 == g.gene) ? 1 : 0;
        r.genes.push_back(std::move(g));
    }
}

std::string sample_name(const Inputs& in) {
    if (in.vcf) return in.vcf->header().sample;
    for (const auto& c : in.cnv) if (!c.sample.empty()) return c.sample;
    return "";
}

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
    Inputs in = open_inputs(o);
    auto [build, reason] = decide_build(o, in);
    const auto transcripts = read_transcript_table(kb.transcripts_path(build));

    Report report;
    report.provenance = {RVANNO_VERSION, hts_version(), kb.version, kb.content_md5, to_string(build), reason,
                         command_line, {}, sample_name(in), o.fasta, o.cnv, o.sv, ""};
    if (!o.input.empty()) report.provenance.inputs.push_back(o.input);
    for (const auto& path : {o.output, o.gene_table}) check_output_directory(path);
    if (in.vcf) run_small_variants(o, kb, build, transcripts, in, report);
    if (!in.cnv.empty()) run_copy_number(o, kb, build, transcripts, in, report);
    if (!in.sv.empty()) run_fusions(kb, transcripts, in, report);
    summarise_genes(transcripts, in.vcf != nullptr, !in.sv.empty(), report);
    write_outputs(o, report);
    if (!o.quiet) print_summary(report, in.vcf != nullptr, !in.cnv.empty(), !in.sv.empty());
    return 0;
}

}  // namespace rvanno::cli
