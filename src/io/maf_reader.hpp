// MAF (Mutation Annotation Format) as a small-variant input: GDC/TCGA, vcf2maf, cBioPortal
// (data_mutations_extended) and OncoKB-annotator column sets. A file is a MAF by its header
// (is_maf), never by its name. Each row of the chosen Tumor_Sample_Barcode becomes the same
// VariantRecord the VCF reader gives, so the rest of the pipeline cannot tell them apart.
//
// Rules (README "Input", docs/output.md):
//   - gzip, BGZF or plain text; '#' lines (version, comments) are skipped; lines may end in LF,
//     CR LF or CR alone; column names are matched case-insensitively (TCGA writes End_position).
//   - required columns: Hugo_Symbol, Chromosome, Start_Position, End_Position, Reference_Allele,
//     Tumor_Seq_Allele2, Tumor_Sample_Barcode. The ALT is Tumor_Seq_Allele2, or Tumor_Seq_Allele1
//     when Allele2 equals the reference; a row whose alleles both equal the reference is no_alt.
//   - positions: MAF is 1-based inclusive with '-' for an empty allele. A substitution starts at
//     Start_Position - 1 (0-based); a deletion (ALT '-') is ref = the deleted bases at
//     Start_Position - 1, alt = ""; an insertion (REF '-') sits between Start_Position and
//     Start_Position + 1, so ref = "", pos = Start_Position (0-based, the base after it). These
//     unanchored alleles are what the consequence code computes HGVS c. on; with --fasta the
//     annotator anchors them on the preceding reference base (VCF style) before normalising.
//   - NCBI_Build (GRCh37, 37, hg19, b37, GRCh37-lite / GRCh38, 38, hg38) gives the build; rows
//     of both builds are an error. Empty or NA says nothing.
//   - t_depth and t_alt_count give depth and VAF (without t_depth: t_ref_count + t_alt_count).
//   - FILTER, when present, follows the VCF rule: PASS, '.' or empty are kept.
//   - a row whose Start_Position is empty or NA cannot be placed: skipped with a warning.
//   - HGVSp_Short (else HGVSp, else Protein_Change, the maftools/TCGA name) is carried as the input's own
//     protein change, with Transcript_ID, for the annotator to check against its own.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/target_index.hpp"
#include "io/vcf_reader.hpp"
#include "rvanno/genome.hpp"
#include "rvanno/variant.hpp"

namespace rvanno {

// True when the first line of `path` that is not a '#' line is a MAF header (it has the
// Hugo_Symbol and Tumor_Sample_Barcode columns). False for "-" (stdin is read as VCF/BCF) and
// for anything unreadable (the VCF reader then says why).
bool is_maf(const std::string& path);

struct MafSummary {
    std::vector<std::string> samples;  // Tumor_Sample_Barcode values, in order of first appearance
    std::string sample;                // the sample whose rows are read
    std::optional<GenomeBuild> build;  // from NCBI_Build
    std::string build_reason;          // "NCBI_Build GRCh37 (2207 rows)"
    std::string vaf_source;            // "t_alt_count/t_depth", ...; "none (...)"
    std::string protein_column;        // "HGVSp_Short", "HGVSp", "Protein_Change" or ""
};

struct MafReaderOptions {
    std::string sample;            // --sample; "" = the only sample (several: UsageError)
    bool include_filtered{false};  // --include-filtered
};

class MafReader {
public:
    // Reads `path` whole and checks it. Throws UserError/InputError; UsageError when the file
    // has several samples and none was chosen.
    MafReader(const std::string& path, const MafReaderOptions& options);
    ~MafReader();
    MafReader(const MafReader&) = delete;
    MafReader& operator=(const MafReader&) = delete;

    const MafSummary& header() const;
    void set_targets(TargetIndex targets);
    // Next row of the chosen sample inside the targets that passes the FILTER rule.
    bool next(VariantRecord& out);
    const ReaderCounters& counters() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The samples (Tumor_Sample_Barcode) of a MAF, for `rvanno batch in.maf`.
std::vector<std::string> maf_samples(const std::string& path);

}  // namespace rvanno
