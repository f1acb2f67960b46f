// Streaming VCF/VCF.gz/BCF reader that turns records into VariantRecord values.
//
// Speed comes from never fully parsing records that cannot match: for VCF text each line is
// read raw (hts_getline) and only CHROM/POS are looked at until the record falls inside a
// TargetIndex interval; for BCF the record's shared/individual blocks stay packed. Only
// candidates are parsed (vcf_parse / bcf_unpack). With regions (-r/-R) the records come from
// the index (RegionCursor, vcf_region_cursor.hpp), still as raw lines or packed records, and
// the same CHROM/POS pre-filter applies; record ordinals count the records in the regions.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/target_index.hpp"
#include "io/vcf_regions.hpp"
#include "rvanno/annotation_tags.hpp"
#include "rvanno/genome.hpp"
#include "rvanno/variant.hpp"

namespace rvanno {

struct VcfHeaderSummary {
    std::vector<ContigDeclaration> contigs;
    std::string reference_line;  // value of ##reference=, or ""
    std::vector<std::string> samples;
    std::string tumor_sample;  // value of ##tumor_sample=, or ""
    std::string sample;        // the sample whose FORMAT values are reported ("" if none)
    std::string sample_rule;   // the caller convention that chose it; "" = --sample, ##tumor_sample or the only one
    std::vector<std::pair<std::string, AnnotationLayout>> annotation_tags;
};

struct ReaderCounters {
    long records{0};                     // data records read
    long outside_targets{0};             // skipped unparsed: outside every knowledge-base gene
    long filtered{0};                    // candidate records skipped for FILTER (see --include-filtered)
    long candidates{0};                  // records parsed (inside a gene), before the FILTER rule
    long symbolic_alleles{0};            // <DEL>, breakends, ... skipped
    long star_alleles{0};                // '*' (spanning deletion) skipped
    long no_alt{0};                      // ALT '.' records
    long invalid_records{0};             // skipped: bad REF/ALT/QUAL, cut short, unparseable (vcf_record_check.hpp)
    long duplicate_records{0};           // skipped: same CHROM/POS/REF/ALT as an earlier record
    long gt_phase_prefixes{0};           // VCF 4.4 GT phasing prefixes dropped before parsing
    long format_values_out_of_range{0};  // FORMAT AD sums past 32 bits: not used as depth
    // Read through the index (VcfReaderOptions::targets_through_index): records never read, all
    // outside every target gene and counted in outside_targets too; -1 = the file was streamed.
    long not_read{-1};
    // Candidate records per source of their VAF ("FORMAT/AF", "Strelka2 tier-1 TAR/TIR", ...).
    std::map<std::string, long> vaf_sources;
};

class AnnotatedVcfStream;

struct VcfReaderOptions {
    std::string sample;            // --sample; "" = the tumour by the rules of io/vcf_sample_choice.hpp
    bool include_filtered{false};  // --include-filtered
    int threads{0};                // extra BGZF decompression threads
    VcfRegions regions;            // -r/-R: read only these, through the index; empty = all
    bool choose_sample{true};      // false: only the header is wanted (batch lists the samples)
    bool strict{false};            // --strict: an invalid or duplicate record is an error, not a skip
    // Without -r/-R: when the file has an index that counts its records, read only the target
    // genes through it (bcftools view -R style), skipping the compressed blocks outside them,
    // unless the genes' blocks are over half the file (a panel: streaming is cheaper then).
    // Off when every record must be seen in order (the annotated VCF matches findings by ordinal).
    bool targets_through_index{false};
    // One pass for several samples (rvanno batch): the columns (indexes of header().samples)
    // whose FORMAT values sample_values() reads besides the chosen sample's; a text VCF's other
    // columns are not parsed.
    std::vector<int> also_samples;
    // annotate --output-vcf: every data record read is handed to this stream, in input order,
    // before it is looked at (io/annotated_vcf_stream.hpp); the stream must outlive the reader.
    AnnotatedVcfStream* vcf_stream{nullptr};
};

class VcfReader {
public:
    // Opens `path` ("-" = stdin) and reads its header. Throws UserError/InputError.
    VcfReader(const std::string& path, const VcfReaderOptions& options);
    ~VcfReader();
    VcfReader(const VcfReader&) = delete;
    VcfReader& operator=(const VcfReader&) = delete;

    const VcfHeaderSummary& header() const;
    // Records outside `targets` are skipped unparsed. Must be set before next().
    void set_targets(TargetIndex targets);
    // Next candidate record that passes the FILTER rule; false at end of input.
    bool next(VariantRecord& out);
    // One pass for several samples (rvanno batch): the FORMAT values (vaf, depth, genotype,
    // phase_set) of column `sample` (an index of header().samples, given in
    // VcfReaderOptions::also_samples) for the record next() just gave, into `out`. That sample's
    // VAF-source and out-of-range counts go to `sample_counters`.
    void sample_values(int sample, VariantRecord& out, ReaderCounters& sample_counters);
    const ReaderCounters& counters() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The length of a ##contig header line of `file`: nullopt when none is given; when it is given
// but is not a positive integer (base/genome.hpp), a warning naming the file and the contig,
// and nullopt, so the contig takes no part in build detection. Shared by the VCF readers.
std::optional<std::int64_t> declared_contig_length(const std::string& file, const std::string& id,
                                                   const std::string& length);

// HTSlib drops a ##contig line whose length is not a number or is negative before the header
// reaches us (its own warning is silenced in main), so a text VCF's ##contig lines are read
// again as text: declared_contig_length for each, in file order. For a VCF given by path; a
// BCF or stdin is warned about from the lines HTSlib kept (zero, overflow).
void warn_about_contig_lengths(const std::string& path);

// ReaderCounters::vaf_sources for the provenance: "" when every VAF came from FORMAT AF/AD
// (outputs from before the caller-specific counts stay as they were); else each source with
// its number of records, e.g. "Strelka2 tier-1 TAR/TIR (3 records)".
std::string describe_vaf_sources(const std::map<std::string, long>& sources);

// ReaderCounters' skipped and repaired records for the provenance, e.g. "small variants: 2
// invalid records skipped (records_invalid_skipped), 1 duplicate record skipped"; "" when none.
std::string describe_record_problems(const ReaderCounters& c);

}  // namespace rvanno
