// One sample through the stages, in order (the order is stated in pipeline/sample.hpp).
#include "pipeline/sample.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <system_error>

#include "base/genome.hpp"
#include "base/strings.hpp"
#include "base/warning.hpp"
#include "build_config.hpp"
#include "consequence/fusion_annotation.hpp"
#include "consequence/fusion_build_check.hpp"
#include "consequence/gene_copy_number.hpp"
#include "interpret/compare.hpp"
#include "interpret/interpret.hpp"
#include "io/cnv/reader.hpp"
#include "io/depth/provider.hpp"
#include "io/fasta_reference.hpp"
#include "io/hts_info.hpp"
#include "io/maf_reader.hpp"
#include "io/sv/reader.hpp"
#include "io/vcf_reader.hpp"
#include "knowledge/chromosome_arms.hpp"
#include "knowledge/fusion_variants.hpp"
#include "knowledge/transcript_table.hpp"
#include "match/carried.hpp"
#include "match/matcher.hpp"
#include "pipeline/small_variants.hpp"
#include "rvanno/error.hpp"
#include "rvanno/fusion.hpp"

namespace rvanno::pipeline {

const std::vector<Transcript>& RunTables::transcripts(GenomeBuild b) {
    auto it = transcripts_.find(b);
    if (it == transcripts_.end()) it = transcripts_.emplace(b, read_transcript_table(kb_.transcripts_path(b))).first;
    return it->second;
}

const std::vector<ChromosomeArm>& RunTables::arms(GenomeBuild b) {
    auto it = arms_.find(b);
    if (it == arms_.end())
        it = arms_.emplace(b, read_chromosome_arms(kb_.directory / ("chromosome_arms." + to_string(b) + ".tsv"))).first;
    return it->second;
}

const std::vector<FusionVariant>& RunTables::fusion_variants() {
    if (!fusion_variants_) fusion_variants_ = read_fusion_variants(kb_.directory / "fusion_variants.tsv");
    return *fusion_variants_;
}

namespace {

struct Inputs {
    std::unique_ptr<VcfReader> vcf;
    std::unique_ptr<MafReader> maf;  // the small-variant input when it is a MAF (then vcf is null)
    std::vector<CopyNumberInput> cnv;
    std::vector<SvInput> sv;
};

std::string describe(const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t i = 0; i < names.size() && i < 5; ++i) s += (i ? ", " : "") + names[i];
    return names.size() > 5 ? s + ", ..." : s;
}

void check_vcf_header(const SampleInputs& o, const RunSettings& p, const VcfHeaderSummary& h, const BuildEvidence& ev) {
    if (!p.genome.empty()) {
        auto bad = contigs_contradicting(*parse_genome_build(p.genome), h.contigs);
        if (!bad.empty())
            throw UserError("'" + o.vcf + "': the header contradicts --genome " + p.genome + " (contig lengths of " +
                                describe(bad) + ")",
                            "check the build of the file; lift it over or give the matching --genome");
    } else if (!ev.build && !ev.contradictions.empty()) {
        throw UserError(
            "'" + o.vcf + "': ##contig lengths fit neither GRCh37 nor GRCh38 (" + describe(ev.contradictions) + ")",
            "rvanno supports GRCh37 and GRCh38; give --genome only if the header is wrong");
    }
}

// Every input that reveals its build, for decide_build().
std::pair<GenomeBuild, std::string> run_build(const SampleInputs& o, const RunSettings& p, const Inputs& in) {
    std::vector<BuildClue> clues;
    if (in.vcf) {
        auto ev = detect_build(in.vcf->header().contigs, in.vcf->header().reference_line);
        check_vcf_header(o, p, in.vcf->header(), ev);
        if (ev.build) clues.push_back({"'" + o.vcf + "'", *ev.build, ev.reason});
    }
    if (in.maf && in.maf->header().build)
        clues.push_back({"'" + o.vcf + "'", *in.maf->header().build, in.maf->header().build_reason});
    for (const auto& c : in.cnv)
        if (c.build) clues.push_back({"'" + c.path + "'", *c.build, "from " + c.path});
    for (const auto& s : in.sv)
        if (s.build) clues.push_back({"'" + s.path + "'", *s.build, "from " + s.path});
    return decide_build(p.genome, clues);
}

Inputs open_inputs(const SampleInputs& o, const RunSettings& p) {
    Inputs in;
    if (!o.vcf.empty() && is_maf(o.vcf)) {  // by its header, not its name
        if (!p.regions.empty())
            throw UsageError("'" + o.vcf + "' is a MAF: -r/-R read an indexed VCF/BCF",
                             "drop -r/-R (a MAF is read whole), or convert the MAF to an indexed VCF");
        in.maf = std::make_unique<MafReader>(o.vcf, MafReaderOptions{o.vcf_sample, p.include_filtered});
    } else if (!o.vcf.empty()) {
        in.vcf = std::make_unique<VcfReader>(
            o.vcf, VcfReaderOptions{o.vcf_sample, p.include_filtered, p.threads, p.regions, true, p.strict});
    }
    auto fmt = p.cnv_format.empty() ? std::nullopt : parse_cnv_format(p.cnv_format);
    for (const auto& f : o.cnv) in.cnv.push_back(read_copy_number(f, fmt, {o.cnv_sample, p.strict}));
    for (const auto& f : o.sv) in.sv.push_back(read_structural_variants(f, {o.sv_sample, p.strict}));
    return in;
}

// The reference FASTA of one sample: --fasta or RVANNO_FASTA (resolved by the CLI), else the file
// the VCF header's ##reference names ("file://" stripped) when it exists and can be indexed as
// --fasta is (a .fai, or one HTSlib can build). A header-named file that is missing or cannot be
// indexed is no error: no FASTA is used and the provenance says why. Whatever the source, a REF
// that disagrees with it stops the run (wrong build), as for --fasta.
struct FastaChoice {
    std::unique_ptr<FastaReference> reference;
    std::string path, source, note, label;  // label: how the REF-mismatch error names it
};

FastaChoice choose_fasta(const SampleInputs& o, const RunSettings& p, const Inputs& in) {
    FastaChoice c;
    if (!p.fasta.empty()) {
        c.path = p.fasta;
        c.source = p.fasta_source.empty() ? "--fasta" : p.fasta_source;
        c.label = c.source == "--fasta" ? "--fasta" : c.source + " ('" + c.path + "')";
        c.reference = std::make_unique<FastaReference>(c.path);
        return c;
    }
    if (!in.vcf || in.vcf->header().reference_line.empty()) return c;
    std::string named = in.vcf->header().reference_line;
    if (named.rfind("file://", 0) == 0) named.erase(0, 7);
    std::error_code ec;
    if (named.find("://") != std::string::npos || !std::filesystem::is_regular_file(named, ec)) {
        c.note = "the ##reference of '" + o.vcf + "' names '" + named + "', which " +
                 (named.find("://") != std::string::npos ? "is not a local file" : "was not found") +
                 ": no FASTA used (give --fasta or RVANNO_FASTA for HGVS p.)";
        return c;
    }
    try {
        c.reference = std::make_unique<FastaReference>(named);
    } catch (const UserError& e) {
        c.note = "the ##reference of '" + o.vcf + "' names '" + named + "', which could not be indexed (" + e.what() +
                 "): no FASTA used";
        return c;
    }
    c.path = named;
    c.source = "##reference";
    c.label = "the FASTA its ##reference names ('" + named + "')";
    return c;
}

// `Reader` is VcfReader or MafReader: they give the same VariantRecord values.
template <class Reader>
void run_small_variants(const SampleInputs& o, const FastaChoice& fasta, const KnowledgeBase& kb, GenomeBuild build,
                        const std::vector<Transcript>& transcripts, Reader& reader,
                        std::vector<std::pair<std::string, AnnotationLayout>> tags, Report& report) {
    SmallVariantAnnotator annotator(kb, build, transcripts, fasta.reference.get(), std::move(tags), o.vcf, fasta.label);
    reader.set_targets(annotator.targets());
    VariantRecord rec;
    while (reader.next(rec)) annotator.add(rec);
    annotator.finish();
    report.findings = std::move(annotator.findings());
    auto& counters = report.counters.values;
    for (const auto& [k, v] : annotator.counters()) counters[k] = v;
    const auto& rc = reader.counters();
    counters["records"] = rc.records;
    counters["records_outside_knowledge_base_genes"] = rc.outside_targets;
    counters["records_filtered"] = rc.filtered;
    counters["records_examined"] = rc.candidates - rc.filtered;
    counters["alleles_symbolic_skipped"] = rc.symbolic_alleles;
    counters["alleles_star_skipped"] = rc.star_alleles;
    // Issue 11's record checks (io/vcf_record_check.hpp): present only when something happened,
    // so outputs of clean inputs are unchanged.
    for (const auto& [name, n] : {std::pair<const char*, long>{"records_invalid_skipped", rc.invalid_records},
                                  {"records_duplicate_skipped", rc.duplicate_records},
                                  {"gt_phase_prefixes_dropped", rc.gt_phase_prefixes},
                                  {"format_values_out_of_range", rc.format_values_out_of_range}})
        if (n > 0) counters[name] = n;
    if (auto problems = describe_record_problems(rc); !problems.empty())
        report.provenance.input_problems += (report.provenance.input_problems.empty() ? "" : "; ") + problems;
    report.provenance.vaf_source = describe_vaf_sources(rc.vaf_sources);
}

// What a run without a FASTA could not tell, for the summary line and the provenance: coding
// alleles (a codon in a MANE CDS) left without a protein change, and matched alleles whose every
// match has its amino acid unknown (shown, counted in no verdict).
void count_protein_change_gaps(Report& r) {
    long coding = 0, unknown_only = 0;
    for (const auto& f : r.findings) {
        coding += f.csq.codon && f.csq.protein_change.empty() ? 1 : 0;
        unknown_only += !f.matches.empty() && std::all_of(f.matches.begin(), f.matches.end(),
                                                          [](const Match& m) { return m.amino_acid_unknown; });
    }
    r.counters.values["coding_alleles_without_protein_change"] = coding;
    r.counters.values["alleles_matched_amino_acid_unknown_only"] = unknown_only;
    r.provenance.coding_alleles_without_protein_change = coding;
}

CnSettings cn_settings(const RunSettings& p, const Inputs& in) {
    CnSettings s;
    s.thresholds = p.thresholds;
    s.purity = p.purity;
    std::optional<double> ploidy = p.ploidy;
    // Values read from a file (PURPLE purity.tsv, a CNV VCF header) get the range checks of
    // --purity and --ploidy: ploidy 0 would turn every gain into an amplification.
    for (const auto& c : in.cnv) {
        if (!s.purity && c.purity) {
            if (!(*c.purity > 0 && *c.purity <= 1))
                throw UserError("'" + c.path + "': tumour purity " + std::to_string(*c.purity) +
                                    " read from the file (or the PURPLE purity file beside it) is not in (0,1]",
                                "give the purity with --purity, or fix the file");
            s.purity = c.purity;
        }
        if (!ploidy && c.ploidy) {
            if (!(*c.ploidy > 0 && *c.ploidy <= 10))
                throw UserError("'" + c.path + "': ploidy " + std::to_string(*c.ploidy) +
                                    " read from the file (or the PURPLE purity file beside it) is not in (0,10]",
                                "give the ploidy with --ploidy, or fix the file");
            ploidy = c.ploidy;
        }
    }
    s.ploidy = ploidy.value_or(2.0);
    return s;
}

void run_copy_number(const RunSettings& p, RunTables& tables, GenomeBuild build,
                     const std::vector<Transcript>& transcripts, const Inputs& in, Report& report) {
    const KnowledgeBase& kb = tables.kb();
    const CnSettings settings = cn_settings(p, in);
    report.provenance.cn_settings = describe(settings);
    std::vector<CopyNumberSegment> segments;
    for (const auto& c : in.cnv) segments.insert(segments.end(), c.segments.begin(), c.segments.end());
    auto genes = gene_copy_numbers(segments, transcripts, tables.arms(build), settings);
    for (const auto& c : in.cnv) mark_skipped_lines(genes, transcripts, c.skipped_lines);
    for (std::size_t i = 0; i < genes.size(); ++i) {
        const auto& tx = transcripts[i];
        CopyNumberFinding f{genes[i], tx.contig, tx.tx_begin, tx.tx_end, {}};  // the inputs' name when one has it
        for (const auto& s : segments)
            if (s.where.contig == tx.contig) {
                f.contig_name = s.contig_name;
                break;
            }
        f.matches = match_copy_number(genes[i], amplification_threshold(settings), kb.entries_for_gene(tx.gene));
        report.copy_number.push_back(std::move(f));
    }
    report.counters.values["copy_number_segments"] = static_cast<long>(segments.size());
}

void run_fusions(RunTables& tables, const std::vector<Transcript>& transcripts, const Inputs& in, Report& report) {
    const KnowledgeBase& kb = tables.kb();
    std::vector<Junction> junctions;
    long unpaired = 0;
    for (const auto& s : in.sv) {
        junctions.insert(junctions.end(), s.junctions.begin(), s.junctions.end());
        unpaired += s.unpaired_breakends;
    }
    std::vector<const KnowledgeEntry*> fusion_rows;
    for (const auto& e : kb.entries)
        if (e.kind == AlterationKind::fusion) fusion_rows.push_back(&e);
    for (auto& f : annotate_fusions(junctions, transcripts, tables.fusion_variants())) {
        auto matches = match_fusion(f, fusion_rows);
        report.fusions.push_back({std::move(f), std::move(matches)});
    }
    report.counters.values["sv_junctions"] = static_cast<long>(junctions.size());
    report.counters.values["sv_unpaired_breakends"] = unpaired;
}

// The genes that skipped fusion-table rows name (SkippedLine::gene: "A,B").
std::set<std::string> genes_of_skipped_sv_rows(const Inputs& in) {
    std::set<std::string> out;
    for (const auto& s : in.sv)
        for (const auto& l : s.skipped_lines)
            for (const auto& g : split(l.gene, ',')) out.insert(g);
    return out;
}

// With -r/-R a gene counts as assessed for small variants only if the regions cover it whole. A
// gene with no fusion found but named by a skipped fusion-table row cannot read "0 fusions": it
// is not assessed (the row is in the provenance and was warned about).
void summarise_genes(const std::vector<Transcript>& transcripts, bool small, bool sv, const VcfRegions& regions,
                     const std::set<std::string>& named_by_skipped_sv_rows, Report& r) {
    for (std::size_t i = 0; i < transcripts.size(); ++i) {
        const auto& tx = transcripts[i];
        const bool read = small && (regions.empty() || regions_cover(regions, tx.contig, tx.tx_begin, tx.tx_end));
        GeneSummary g{tx.gene, tx.accession, read ? 0 : -1, 0, std::nullopt, sv ? 0 : -1};
        for (const auto& f : r.findings)
            if (read && f.csq.gene == g.gene) {
                ++g.small_variant_alleles;
                g.matched_small_variants += f.matches.empty() ? 0 : 1;
            }
        if (!r.copy_number.empty()) g.cn = r.copy_number[i].cn;
        for (const auto& f : r.fusions) g.fusions += (f.fusion.gene5 == g.gene || f.fusion.gene3 == g.gene) ? 1 : 0;
        if (g.fusions == 0 && named_by_skipped_sv_rows.count(g.gene)) g.fusions = -1;
        r.genes.push_back(std::move(g));
    }
}

std::string sample_name(const Inputs& in) {
    if (in.vcf) return in.vcf->header().sample;
    if (in.maf) return in.maf->header().sample;
    for (const auto& c : in.cnv)
        if (!c.sample.empty()) return c.sample;
    for (const auto& s : in.sv)
        if (!s.sample.empty()) return s.sample;
    return "";
}

// What the tables' skipped malformed lines were, for the provenance (io/table_skips.hpp).
void note_skipped_lines(const Inputs& in, Provenance& p) {
    auto add = [&](const char* kind, const std::vector<SkippedLine>& lines) {
        p.skipped_input_lines[kind] += static_cast<long>(lines.size());
        for (const auto& l : lines) p.skipped_input_line_list.push_back(l.where + ": " + l.problem);
    };
    if (!in.cnv.empty()) p.skipped_input_lines["cnv"] = 0;
    if (!in.sv.empty()) p.skipped_input_lines["sv"] = 0;
    for (const auto& c : in.cnv) add("cnv", c.skipped_lines);
    for (const auto& s : in.sv) add("sv", s.skipped_lines);
    // An input that gave nothing usable (an SNV VCF given as --cnv, a table of comments) is not
    // an input with nothing found: told on stderr and in the provenance (issue 11).
    auto empty = [&](const std::string& path, const std::string& what, long other, long contigs) {
        std::string text = "'" + path + "' gave no usable " + what;
        if (other + contigs == 0) text += " (it has no data records)";
        if (other > 0) text += " (" + std::to_string(other) + " record(s) describe none)";
        if (contigs > 0) text += " (" + std::to_string(contigs) + " on alt, decoy or unplaced contigs)";
        warn(text + "; check that it is the right file for this option");
        p.input_problems += (p.input_problems.empty() ? "" : "; ") + text;
    };
    for (const auto& c : in.cnv)
        if (c.segments.empty()) empty(c.path, "copy-number segment", c.skipped_not_cnv, c.skipped_contigs);
    for (const auto& s : in.sv)
        if (s.junctions.empty())
            empty(s.path, "junction or fusion", s.skipped_other + s.unpaired_breakends, s.skipped_nonprimary);
}

// Fusions were assessed when an SV input gave junctions, or had no records at all (the caller
// found none). One whose records were all unusable (an SNV VCF given as --sv) assessed nothing.
bool sv_assessed(const Inputs& in) {
    return std::any_of(in.sv.begin(), in.sv.end(), [](const SvInput& s) {
        return !s.junctions.empty() || s.skipped_other + s.unpaired_breakends + s.skipped_nonprimary == 0;
    });
}

// A fusion table whose breakpoints lie away from the genes it names in the run's build, but in
// them in the other build, was read on the wrong build: stop, and say which build it fits.
void check_fusion_tables_build(const Inputs& in, GenomeBuild build, RunTables& tables) {
    const GenomeBuild other = build == GenomeBuild::GRCh38 ? GenomeBuild::GRCh37 : GenomeBuild::GRCh38;
    for (const auto& s : in.sv) {
        if (s.format == "vcf") continue;  // SV VCFs name no genes; their build is in their header
        const auto fit = fit_named_genes(s, tables.transcripts(build), tables.transcripts(other));
        if (!suggests_other_build(fit)) continue;
        throw UserError("'" + s.path + "': " + std::to_string(fit.checked - fit.fit_chosen) + " of " +
                            std::to_string(fit.checked) + " breakpoints lie away from the genes the file names on " +
                            to_string(build) + " (e.g. " + fit.example + "), but " + std::to_string(fit.fit_other) +
                            " lie in them on " + to_string(other),
                        "the file looks like " + to_string(other) + ": give --genome " + to_string(other) +
                            " (all inputs of a run must be on one build)");
    }
}

}  // namespace

Report annotate_sample(const SampleInputs& o, const RunSettings& p, RunTables& tables,
                       const std::string& command_line) {
    const KnowledgeBase& kb = tables.kb();
    Inputs in = open_inputs(o, p);
    auto [build, reason] = run_build(o, p, in);
    const auto& transcripts = tables.transcripts(build);
    check_fusion_tables_build(in, build, tables);
    Report report;
    report.provenance = {RVANNO_VERSION,
                         htslib_version(),
                         kb.version,
                         kb.content_md5,
                         to_string(build),
                         reason,
                         command_line,
                         {},
                         sample_name(in),
                         "",
                         o.cnv,
                         o.sv,
                         "",
                         in.vcf ? p.regions.description : "",
                         "",
                         in.vcf ? in.vcf->header().sample_rule : "",
                         "",
                         "",
                         {},
                         {},
                         "",
                         "",
                         std::nullopt};
    const bool small = in.vcf || in.maf;
    const FastaChoice fasta = small ? choose_fasta(o, p, in) : FastaChoice{};
    report.provenance.fasta = small ? fasta.path : p.fasta;
    report.provenance.fasta_source = small ? fasta.source : p.fasta_source;
    report.provenance.fasta_note = fasta.note;
    if (!o.vcf.empty()) report.provenance.inputs.push_back(o.vcf);
    note_skipped_lines(in, report.provenance);
    if (in.vcf) run_small_variants(o, fasta, kb, build, transcripts, *in.vcf, in.vcf->header().annotation_tags, report);
    if (in.maf) {
        report.provenance.input_format = "maf";
        run_small_variants(o, fasta, kb, build, transcripts, *in.maf, {}, report);
        report.provenance.vaf_source = in.maf->header().vaf_source;  // the MAF's columns, not FORMAT
        report.counters.values["records_no_alt"] = in.maf->counters().no_alt;
    }
    if (!in.cnv.empty()) run_copy_number(p, tables, build, transcripts, in, report);
    if (!in.sv.empty()) run_fusions(tables, transcripts, in, report);
    summarise_genes(transcripts, small, sv_assessed(in), p.regions, genes_of_skipped_sv_rows(in), report);
    // In a multi-sample VCF a record may belong to another sample: keep only what this sample
    // carries (and no compound match built on another sample's allele).
    if (small) drop_alleles_not_carried(report);
    if (small) count_protein_change_gaps(report);
    return report;
}

SampleContext with_detected_drivers(SampleContext context, const Report& report) {
    for (auto& d : detect_drivers(report))
        if (std::find(context.detected_drivers.begin(), context.detected_drivers.end(), d) ==
            context.detected_drivers.end())
            context.detected_drivers.push_back(d);
    return context;
}

void interpret_sample(Report& report, const SampleContext& context, const InterpretSteps& steps, RunTables& tables) {
    report.context = context;
    report.verdicts = compute_verdicts(report, tables.kb(), context);
    if (!steps.hotspots) return;
    auto build = parse_genome_build(report.provenance.genome_build);
    auto depth = steps.depth.empty() ? nullptr : open_depth(steps.depth);
    report.hotspots = assess_hotspots(report, tables.kb(), tables.transcripts(*build), context, depth.get());
}

}  // namespace rvanno::pipeline
