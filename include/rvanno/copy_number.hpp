// Copy-number input (segments from CNV callers) and gene-level copy number, as plain values.
// Coordinates follow coordinates.hpp: 0-based half-open, canonical contig names.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "rvanno/coordinates.hpp"
#include "rvanno/genome.hpp"
#include "rvanno/skipped.hpp"

namespace rvanno {

enum class CnvFormat {
    vcf,             // VCF/BCF CNV records: SVTYPE=CNV/DUP/DEL, <CNV>/<DUP>/<DEL>, END/SVLEN, CN
    cnvkit_cns,      // CNVkit .cns: chromosome start end gene log2 ...
    cnvkit_call,     // CNVkit .call.cns: as .cns plus integer `cn`
    gatk_seg,        // GATK ModelSegments .modelFinal.seg / CallCopyRatioSegments .seg (@ header)
    generic_seg,     // DNAcopy/IGV SEG: ID chrom loc.start loc.end num.mark seg.mean (log2)
    purple_somatic,  // PURPLE .purple.cnv.somatic.tsv (copyNumber per segment)
    purple_gene,     // PURPLE .purple.cnv.gene.tsv (minCopyNumber/maxCopyNumber per gene)
    pcgr_allelic,    // PCGR allele-specific segments: Chromosome Start End nMajor nMinor
    pcgr_log2,       // PCGR 0.x segments: Chromosome Start End Segment_Mean (log2, 1-based)
    cbioportal_cna,  // cBioPortal discrete CNA matrix: Hugo_Symbol [Entrez_Gene_Id] then one column per sample
    plain,           // rvanno's documented table: chrom start end copy_number (0-based, BED-like)
};
std::string to_string(CnvFormat f);
std::optional<CnvFormat> parse_cnv_format(const std::string& s);

struct CopyNumberSegment {
    Region where;                       // canonical contig, 0-based half-open
    std::string contig_name;            // as written in the file
    std::optional<double> copy_number;  // absolute total copy number, when the file gives it
    std::optional<double> log2;         // log2 copy ratio, when the file gives it
    std::optional<double> minor_cn, major_cn;
    std::string gene;  // purple_gene, cbioportal_cna: the gene this row is about
    // cbioportal_cna: cBioPortal's discrete call (-2 deep deletion, -1 shallow loss, 0 diploid,
    // 1 gain, 2 high-level amplification): a level, not a copy number; `where` is then empty.
    std::optional<int> discrete;
    std::string source;  // "file:line" (VCF: "file: record N")
};

struct CopyNumberInput {
    std::string path;
    CnvFormat format{};
    std::string sample;                       // from the file when it names one (or the one chosen)
    std::vector<std::string> samples;         // every sample a multi-sample file names (SEG ID, CNA columns)
    std::optional<double> purity, ploidy;     // from the file (PURPLE purity.tsv beside it, VCF header...)
    std::optional<GenomeBuild> build;         // when the file reveals it (##contig lengths, ##reference)
    std::vector<CopyNumberSegment> segments;  // file order
    long skipped_not_cnv{0};                  // VCF records that describe no copy-number change (BND, INV, INS...)
    long skipped_contigs{0};                  // segments on alt/random/decoy/unplaced contigs
    std::vector<SkippedLine> skipped_lines;   // malformed data rows, skipped with a warning
};

// ---- gene level -------------------------------------------------------------------------

enum class CnClass { deep_deletion, loss, neutral, gain, amplification };
std::string to_string(CnClass c);

struct CnThresholds {
    bool relative{false};       // false: absolute copy numbers; true: multiples of ploidy
    double amplification{5.0};  // CN >= this (PCGR 2.3 absolute default); relative default 3.0 (PURPLE)
    double gain{3.0};           // CN >= this; relative default 1.5
    double loss{1.0};           // CN <= this (PCGR 2.3 absolute); relative default 0.5
    double deep_deletion{0.5};  // CN < this, always absolute (no copy left)
};

struct GeneCopyNumber {
    std::string gene, transcript;
    bool assessed{false};                      // some segment overlaps the gene's exons
    std::optional<double> min_cn, max_cn;      // over the exons of the MANE transcript
    double covered_fraction{0.0};              // share of exonic bases covered by segments
    CnClass cn_class{CnClass::neutral};        // from min_cn (amp/gain) or min_cn (loss/deletion)
    bool partial{false};                       // max_cn reaches amplification but min_cn does not
    std::optional<std::int64_t> event_length;  // length of the contiguous altered region
    std::optional<double> arm_fraction;        // share of the chromosome arm it covers
    std::string arm;                           // e.g. "2p"
    std::optional<bool> focal;                 // arm_fraction < 0.98 (GISTIC2.0, Mermel 2011)
    std::vector<std::string> sources;          // segments used ("file:line")
    // The level came from a discrete call (cBioPortal CNA), not a copy number: min_cn/max_cn
    // stay empty and cn_class is the call's class.
    std::optional<int> discrete_call;
    // Malformed input lines ("file:line") that were skipped and whose span overlaps the gene's
    // exons: the assessment is incomplete (printed as "partial").
    std::vector<std::string> skipped_lines;
};

}  // namespace rvanno
