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
    std::string gene;    // purple_gene only: the gene this row is about
    std::string source;  // "file:line" (VCF: "file: record N")
};

struct CopyNumberInput {
    std::string path;
    CnvFormat format{};
    std::string sample;                       // from the file when it names one
    std::optional<double> purity, ploidy;     // from the file (PURPLE purity.tsv beside it, VCF header...)
    std::optional<GenomeBuild> build;         // when the file reveals it (##contig lengths, ##reference)
    std::vector<CopyNumberSegment> segments;  // file order
    long skipped_not_cnv{0};                  // VCF records that describe no copy-number change (BND, INV, INS...)
    long skipped_contigs{0};                  // segments on alt/random/decoy/unplaced contigs
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
};

}  // namespace rvanno
