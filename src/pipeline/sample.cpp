// One sample through the stages, in order (the order is stated in pipeline/sample.hpp).
#include "pipeline/sample.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <system_error>
#include <type_traits>

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
#include "knowledge/row_index.hpp"
#include "knowledge/transcript_table.hpp"
#include "match/carried.hpp"
#include "match/matcher.hpp"
#include "match/restrict.hpp"
#include "pipeline/gene_summary.hpp"
#include "pipeline/inputs.hpp"
#include "pipeline/sample_steps.hpp"
#include "pipeline/small_variants.hpp"
#include "rvanno/error.hpp"
#include "rvanno/fusion.hpp"

namespace rvanno::pipeline {

const TranscriptModel& RunTables::model(GenomeBuild b) {
    auto& m = models_[b];
    if (!m) m = std::make_unique<TranscriptModel>(read_transcript_table(kb_.transcripts_path(b)), kb_.genes);
    return *m;
}

const std::vector<ChromosomeArm>& RunTables::arms(GenomeBuild b) {
    auto it = arms_.find(b);
    if (it == arms_.end())
        it = arms_.emplace(b, read_chromosome_arms(kb_.directory / ("chromosome_arms." + to_string(b) + ".tsv"))).first;
    return it->second;
}

std::shared_ptr<const SmallVariantRows> RunTables::small_variant_rows(GenomeBuild b) {
    auto& r = small_variant_rows_[b];
    if (!r) r = std::make_shared<const SmallVariantRows>(kb_, b, model(b));
    return r;
}

const std::vector<FusionVariant>& RunTables::fusion_variants() {
    if (!fusion_variants_) fusion_variants_ = read_fusion_variants(kb_.directory / "fusion_variants.tsv");
    return *fusion_variants_;
}

namespace {

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

}  // namespace

UnlistedAlleles take_small_variants(SmallVariantAnnotator& annotator, const ReaderCounters& rc, Report& report) {
    annotator.finish();
    report.findings = std::move(annotator.findings());
    auto& counters = report.counters.values;
    for (const auto& [k, v] : annotator.counters()) counters[k] = v;
    counters["records"] = rc.records;
    counters["records_outside_model_genes"] = rc.outside_targets;
    if (rc.not_read >= 0) counters["records_not_read_through_index"] = rc.not_read;
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
    long vus = 0, unmatched = 0;
    for (const auto& f : report.findings) {
        vus += f.no_knowledge() ? 1 : 0;
        unmatched += f.matches.empty() && !f.no_knowledge() ? 1 : 0;
    }
    report.provenance.not_listed = describe_listing_limit(annotator.unlisted(), vus, unmatched);
    return annotator.unlisted();
}

std::unique_ptr<SmallVariantAnnotator> make_annotator(const SampleInputs& o, const SampleRun& s, const RunSettings& p,
                                                      RunTables& tables,
                                                      std::vector<std::pair<std::string, AnnotationLayout>> tags,
                                                      const ReferenceSequence* reference) {
    return std::make_unique<SmallVariantAnnotator>(tables.kb(), s.build, tables.model(s.build), reference,
                                                   std::move(tags), o.vcf, s.fasta.label, p.max_listed,
                                                   tables.small_variant_rows(s.build));
}

namespace {

// `Reader` is VcfReader or MafReader: they give the same VariantRecord values.
template <class Reader>
UnlistedAlleles run_small_variants(const SampleInputs& o, SampleRun& s, const RunSettings& p, RunTables& tables,
                                   Reader& reader, std::vector<std::pair<std::string, AnnotationLayout>> tags) {
    const auto annotator = make_annotator(o, s, p, tables, std::move(tags), s.fasta.reference.get());
    reader.set_targets(annotator->targets());
    VariantRecord rec;
    while (reader.next(rec)) {
        const std::size_t kept = annotator->kept();
        annotator->add(rec);
        // Every allele a report can show with a match is a kept one (allele_keeping.hpp).
        if constexpr (std::is_same_v<Reader, VcfReader>)
            if (p.vcf_stream && annotator->kept() != kept) p.vcf_stream->hold();
    }
    return take_small_variants(*annotator, reader.counters(), s.report);
}

// What a run without a FASTA could not tell, for the summary line and the provenance: coding
// alleles (a codon in a MANE CDS) left without a protein change, and matched alleles whose every
// match has its amino acid unknown (shown, counted in no verdict).
void count_protein_change_gaps(Report& r, const UnlistedAlleles& unlisted) {
    long coding = unlisted.past_limit_coding_without_protein_change, unknown_only = 0;
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
        f.matches = match_copy_number(genes[i], amplification_threshold(settings),
                                      kb.entries_for_gene(tx.gene, {AlterationKind::amplification,
                                                                    AlterationKind::deletion, AlterationKind::loss}));
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
    const RowIndex& index = row_index(kb.entries);
    for (std::uint32_t r = 0; r < index.facts.size(); ++r)
        if (index.facts[r].kind == AlterationKind::fusion) fusion_rows.push_back(&kb.entries[r]);
    for (auto& f : annotate_fusions(junctions, transcripts, tables.fusion_variants())) {
        auto matches = match_fusion(f, fusion_rows);
        report.fusions.push_back({std::move(f), std::move(matches)});
    }
    report.counters.values["sv_junctions"] = static_cast<long>(junctions.size());
    report.counters.values["sv_unpaired_breakends"] = unpaired;
}

// A fusion table whose breakpoints lie away from the genes it names in the run's build, but in
// them in the other build, was read on the wrong build: stop, and say which build it fits.
void check_fusion_tables_build(const Inputs& in, GenomeBuild build, RunTables& tables) {
    const GenomeBuild other = build == GenomeBuild::GRCh38 ? GenomeBuild::GRCh37 : GenomeBuild::GRCh38;
    for (const auto& s : in.sv) {
        if (s.format == "vcf") continue;  // SV VCFs name no genes; their build is in their header
        const auto fit = fit_named_genes(s, tables.model(build).index(), tables.model(other).index());
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

SampleRun open_sample(const SampleInputs& o, const RunSettings& p, RunTables& tables, const std::string& command_line) {
    const KnowledgeBase& kb = tables.kb();
    SampleRun s;
    s.in = open_inputs(o, p);
    const Inputs& in = s.in;
    auto [build, reason] = run_build(o, p, in);
    s.build = build;
    check_fusion_tables_build(in, build, tables);
    Report& report = s.report;
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
                         std::nullopt,
                         "",
                         "",

                         kb.layers(),
                         kb.civic_release.empty()
                             ? ""
                             : "CIViC " + kb.civic_release + "; " + std::to_string(kb.civic_merged) +
                                   " CIViC rows merged into curated rows",
                         {},
                         ""};
    for (const auto& n : kb.rows_not_loaded) report.provenance.kb_rows_not_loaded.push_back(n.where + ": " + n.what);
    s.small = in.vcf || in.maf;
    s.fasta = s.small ? choose_fasta(o, p, in) : FastaChoice{};
    report.provenance.fasta = s.small ? s.fasta.path : p.fasta;
    report.provenance.fasta_source = s.small ? s.fasta.source : p.fasta_source;
    report.provenance.fasta_note = s.fasta.note;
    if (!o.vcf.empty()) report.provenance.inputs.push_back(o.vcf);
    note_skipped_lines(in, report.provenance);
    if (in.maf) report.provenance.input_format = "maf";
    return s;
}

void finish_sample(SampleRun& s, const RunSettings& p, RunTables& tables, const UnlistedAlleles& unlisted) {
    const KnowledgeBase& kb = tables.kb();
    const TranscriptModel& model = tables.model(s.build);
    const Inputs& in = s.in;
    Report& report = s.report;
    const bool small = s.small;
    // Copy number and fusions are computed on the knowledge-base genes only.
    if (!in.cnv.empty()) run_copy_number(p, tables, s.build, model.kb(), in, report);
    if (!in.sv.empty()) run_fusions(tables, model.kb(), in, report);
    // In a multi-sample VCF a record may belong to another sample: keep only what this sample
    // carries (and no compound match built on another sample's allele).
    if (small) drop_alleles_not_carried(report);
    // CIViC rows restricted to one fusion partner (BCR::ABL1 T315I), now that the fusions are known.
    if (small) apply_fusion_partner_restrictions(report.findings, report.fusions);
    summarise_genes(model, kb, small, sv_assessed(in), p.regions, genes_of_skipped_sv_rows(in), unlisted, report);
    if (small) count_examined(model, to_string(s.build), unlisted, report);
    if (small) count_protein_change_gaps(report, unlisted);
}

Report annotate_sample(const SampleInputs& o, const RunSettings& p, RunTables& tables,
                       const std::string& command_line) {
    SampleRun s = open_sample(o, p, tables, command_line);
    UnlistedAlleles unlisted;
    if (s.in.vcf) unlisted = run_small_variants(o, s, p, tables, *s.in.vcf, s.in.vcf->header().annotation_tags);
    if (s.in.maf) {
        unlisted = run_small_variants(o, s, p, tables, *s.in.maf, {});
        s.report.provenance.vaf_source = s.in.maf->header().vaf_source;  // the MAF's columns, not FORMAT
        s.report.counters.values["records_no_alt"] = s.in.maf->counters().no_alt;
    }
    finish_sample(s, p, tables, unlisted);
    return std::move(s.report);
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
    report.hotspots = assess_hotspots(report, tables.kb(), tables.model(*build).kb(), context, depth.get());
}

}  // namespace rvanno::pipeline
