// The pipeline: the order of the stages, and nothing else. Every command runs a sample through
// the same two calls:
//   annotate_sample   READ the sample's inputs -> decide the genome build -> CONSEQUENCE ->
//                     MATCH (small variants, copy number, fusions) -> per-gene summary
//   interpret_sample  drivers found in the report join the declared context -> INTERPRET
//                     (per-drug verdicts) -> hotspots (coverage-aware negatives)
// compare_samples (compare.hpp) and run_cohort (cohort.hpp) are built on these two; the
// writers of src/report/ then print what they return.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/annotated_vcf_stream.hpp"
#include "io/vcf_regions.hpp"
#include "knowledge/transcript_index.hpp"
#include "pipeline/small_variants.hpp"
#include "rvanno/fusion.hpp"
#include "rvanno/gene_copy_number.hpp"
#include "rvanno/genome.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"
#include "rvanno/transcript.hpp"
#include "rvanno/verdict.hpp"

namespace rvanno::pipeline {

// The inputs of one sample.
struct SampleInputs {
    std::string vcf;         // "" when only copy number / SVs
    std::string vcf_sample;  // "" = the tumour by the rules of io/vcf_sample_choice.hpp
    std::vector<std::string> cnv, sv;
    // The sample to read from multi-sample copy-number tables (SEG ID, cBioPortal CNA column)
    // and fusion tables (cBioPortal Sample_Id, OncoKB Tumor_Sample_Barcode); "" = the only one,
    // several is refused (io/table_skips.hpp).
    std::string cnv_sample, sv_sample;
};

// How every sample of a run is read and classified.
struct RunSettings {
    std::string genome, fasta, cnv_format;  // "" = detect / none
    bool include_filtered{false};
    bool strict{false};  // --strict: a skipped table row or VCF record is an error (io/table_skips, vcf_record_check)
    int threads{0};
    std::optional<double> purity, ploidy;  // nullopt = from the file, else 1 and 2
    CnThresholds thresholds;
    VcfRegions regions;  // -r/-R: only these records of the VCF; empty = all
    // Where `fasta` came from ("--fasta", "RVANNO_FASTA"); with neither, each VCF's ##reference
    // is used when it names a FASTA that exists (Provenance::fasta_source says which).
    std::string fasta_source;
    // Read only the genes of the transcript model through the VCF/BCF's index when it has one
    // (io/vcf_reader.hpp). Off for annotate --output-vcf, which needs every record in order.
    bool targets_through_index{true};
    // --max-listed: at most this many alleles without a match in each list of a report (VUS;
    // unmatched in knowledge-base genes); the rest are counted (pipeline/allele_keeping.hpp).
    // 0 = no limit.
    long max_listed{1000};
    // annotate --output-vcf: the VCF reader hands every record to this stream, and each record
    // from which the small-variant step kept an allele is held for the findings' tags
    // (io/annotated_vcf_stream.hpp). nullptr: none.
    AnnotatedVcfStream* vcf_stream{nullptr};
};

// The optional steps of interpret_sample, and which command runs which: the one place where a
// command's deliberate skip is stated.
struct InterpretSteps {
    bool hotspots{false};  // coverage-aware negatives at the drivers' resistance hotspots
    std::string depth;     // gVCF or mosdepth file for them; "" = "not assessed"
};
// annotate: every step; hotspots with --depth, else listed as not assessed.
inline InterpretSteps annotate_steps(std::string depth) { return {true, std::move(depth)}; }
// compare: no hotspots. Its output shows changes between two samples; a hotspot table has no
// before/after form yet (docs/compare_and_batch.md).
inline InterpretSteps compare_steps() { return {false, ""}; }
// batch: no hotspots. A cohort has no per-sample depth input, so every hotspot would be "not
// assessed" in every report, and the cohort tables have no place for them.
inline InterpretSteps cohort_steps() { return {false, ""}; }

// The knowledge base plus the tables of a genome build, each read from db/ once per run, not
// once per sample (a build's transcript model only when a run needs it).
class RunTables {
public:
    explicit RunTables(const KnowledgeBase& kb) : kb_(kb) {}
    const KnowledgeBase& kb() const { return kb_; }
    // The build's whole transcript table with its index and the knowledge-base genes' rows.
    const TranscriptModel& model(GenomeBuild b);
    const std::vector<ChromosomeArm>& arms(GenomeBuild b);
    const std::vector<FusionVariant>& fusion_variants();
    // The knowledge base indexed for the small-variant step of every sample (small_variants.hpp).
    std::shared_ptr<const SmallVariantRows> small_variant_rows(GenomeBuild b);

private:
    const KnowledgeBase& kb_;
    std::map<GenomeBuild, std::unique_ptr<TranscriptModel>> models_;
    std::map<GenomeBuild, std::vector<ChromosomeArm>> arms_;
    std::optional<std::vector<FusionVariant>> fusion_variants_;
    std::map<GenomeBuild, std::shared_ptr<const SmallVariantRows>> small_variant_rows_;
};

// Reads, annotates and matches one sample. In a multi-sample VCF only the alleles the chosen
// sample carries are kept. The report has findings, gene summaries and provenance; no verdicts.
Report annotate_sample(const SampleInputs& inputs, const RunSettings& settings, RunTables& tables,
                       const std::string& command_line);

// The drivers a report reveals (e.g. a matched ALK fusion) added to the declared context.
SampleContext with_detected_drivers(SampleContext context, const Report& report);

// Sets report.context = context, the per-drug verdicts and, if `steps` says so, the hotspots.
// `context` must already hold the detected drivers (with_detected_drivers).
void interpret_sample(Report& report, const SampleContext& context, const InterpretSteps& steps, RunTables& tables);

// Decides the run's genome build from --genome and every input that reveals one; they must
// agree (src/pipeline/build.cpp). `clues` are (what, build, reason) of each input.
struct BuildClue {
    std::string what;  // "'file.vcf'"
    GenomeBuild build;
    std::string reason;  // "##contig lengths match GRCh38 (24 of 24 primary contigs)"
};
std::pair<GenomeBuild, std::string> decide_build(const std::string& genome_option, const std::vector<BuildClue>& clues);

}  // namespace rvanno::pipeline
