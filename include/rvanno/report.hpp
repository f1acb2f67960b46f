// What `rvanno annotate` produces: one sample's Report (writers: src/report/writers.hpp).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "rvanno/consequence.hpp"
#include "rvanno/copy_number.hpp"
#include "rvanno/fusion.hpp"
#include "rvanno/hotspot.hpp"
#include "rvanno/match.hpp"
#include "rvanno/verdict.hpp"

namespace rvanno {

struct Provenance {
    std::string rvanno_version, htslib_version;
    std::string kb_version, kb_md5;
    std::string genome_build, genome_build_reason;
    std::string command_line;
    std::vector<std::string> inputs;
    std::string sample;
    std::string fasta;  // "" when not given
    std::vector<std::string> cnv_inputs, sv_inputs;
    std::string cn_settings;   // describe(CnSettings) when --cnv was given
    std::string regions;       // -r/-R of the small-variant input ("chr2:1-100,chr7", "FILE (N regions)"); "" = all
    std::string input_format;  // "maf" when the small variants came from a MAF; "" = VCF/BCF (not printed)
    // The caller convention that chose the VCF sample ("" = --sample, ##tumor_sample or the
    // only sample) and where the VAFs and depths came from ("" = FORMAT AF/AD/DP only): stamped
    // only when set. For a MAF: its t_alt_count/t_depth columns.
    std::string sample_rule, vaf_source;
    // Input lines or records skipped or read in part, and why, e.g. "small variants: 2 invalid
    // records skipped, 1 duplicate record skipped" ("" = none; stamped only when set). The
    // warnings on stderr name each one (the first few); this says how many, in every output.
    std::string input_problems;
    // Malformed copy-number/fusion table lines skipped with a warning (io/table_skips.hpp):
    // count per kind ("cnv", "sv"; a kind is present when such inputs were given), and each
    // line as "file:line: problem".
    std::map<std::string, long> skipped_input_lines;
    std::vector<std::string> skipped_input_line_list;
    // Where `fasta` came from: "--fasta", "RVANNO_FASTA" or "##reference" (the small-variant
    // VCF's header named a FASTA that exists); "" when none was used. `fasta_note` says why a
    // header-named reference was not used ("" = nothing to say).
    std::string fasta_source, fasta_note;
    // Coding alleles (in a MANE CDS) left without a protein change; nullopt when no small-variant
    // input was read.
    std::optional<long> coding_alleles_without_protein_change;
    // Which genes the small variants were examined in, and what was not examined, in words:
    // "1001 genes of the GRCh38 transcript model ...; 12 records outside every model gene were
    // not examined" ("" = no small-variant input).
    std::string examined;
    // How the phase of compound matches was read and what it gave, e.g. "2 compound matches: 0
    // cis, 0 trans, 2 unknown (phase from GT '|' and FORMAT/PS, match/phase.cpp)"; "" = no
    // compound match.
    std::string phase;
    // The knowledge layers loaded: "curated:419;civic:2325" (KnowledgeBase::layers()); the CIViC
    // layer's release and merges, "CIViC 01-Aug-2024; 203 CIViC rows merged into curated rows"
    // ("" without a CIViC layer); rows not loaded (an unknown match_restrict), "file:line: why".
    std::string kb_layers, kb_civic;
    std::vector<std::string> kb_rows_not_loaded;
    // How many alleles without a match were listed when --max-listed cut a list short, and how
    // many were only counted (pipeline/allele_keeping.hpp); "" = every such allele was listed.
    std::string not_listed;
};

// One ALT allele of one record in a gene of the transcript model, with its consequence and
// matches. Every allele in a knowledge-base gene is one; in the other genes only the matched and
// the protein-altering ones (the rest are counted per gene, not listed).
struct AlleleFinding {
    long record_number{0};
    std::string contig_name;  // as in the input
    std::int64_t pos{0};      // 0-based, after normalisation
    std::string ref, alt;
    std::string input_allele;  // "chr:pos:ref:alt" as written when normalisation changed it
    std::string filter, genotype;
    // FORMAT/PS of the record (phase set of a phased GT) and the GT allele number of this ALT
    // (1 = first ALT; 0 = not from a VCF genotype): read by match/phase.cpp.
    std::optional<std::int64_t> phase_set;
    int gt_allele{0};
    std::optional<double> vaf;
    std::optional<int> depth;
    Consequence csq;
    std::string protein_source;  // "rvanno" | "INFO/<tag>" | "" (no protein change)
    // Where the protein-level class in csq.terms (missense_variant, stop_gained, ...) came from
    // when rvanno could not compute it (no --fasta): "INFO/CSQ", "MAF HGVSp_Short", "knowledge
    // base (...)"; "" = rvanno's own terms.
    std::string class_source;
    std::vector<Match> matches;
    // "No knowledge" (a variant of unknown significance for this knowledge base): no row matched
    // and the allele alters, or may alter, the protein (a coding change whose effect is unknown
    // without the reference counts), or is of a loss-of-function class (splice donor/acceptor).
    bool no_knowledge() const { return matches.empty() && (csq.protein_altering || csq.loss_of_function); }
};

// Gene-level copy number of one knowledge-base gene, with the rows it matched.
struct CopyNumberFinding {
    GeneCopyNumber cn;
    std::string contig_name;                // the gene's contig, as the inputs name it
    std::int64_t gene_begin{}, gene_end{};  // transcript span, 0-based half-open
    std::vector<Match> matches;
};

struct FusionFinding {
    Fusion fusion;
    std::vector<Match> matches;
};

// Per gene (every knowledge-base gene, and every other gene of the transcript model with an
// allele): what was assessed and found, so that a negative is visible.
struct GeneSummary {
    std::string gene, transcript;
    long small_variant_alleles{0};  // alleles in the gene's transcript; -1: small variants not
                                    // assessed (no small-variant input, or -r/-R not covering it)
    long matched_small_variants{0};
    std::optional<GeneCopyNumber> cn;  // absent: copy number not assessed (no input, or not a KB gene)
    long fusions{-1};                  // -1: not assessed (no SV input, or not a KB gene)
    long no_knowledge_alleles{0};      // of the alleles: protein-altering, no row matched (listed)
    long knowledge_rows{0};            // knowledge-base rows about the gene
    bool kb_gene{false};               // in db/genes.txt
};

struct Counters {
    std::map<std::string, long> values;  // name -> count, printed sorted
};

struct Report {
    Provenance provenance;
    std::vector<AlleleFinding> findings;         // input order
    std::vector<CopyNumberFinding> copy_number;  // knowledge-base genes, table order
    std::vector<FusionFinding> fusions;          // input order
    std::vector<GeneSummary> genes;              // knowledge-base genes and genes with an allele, table order
    SampleContext context;                       // tumour type, drivers, therapy history
    std::vector<DrugVerdict> verdicts;           // per drug, class by class (interpret.hpp)
    std::vector<HotspotStatus> hotspots;         // coverage-aware negatives (interpret.hpp)
    Counters counters;
};

}  // namespace rvanno
