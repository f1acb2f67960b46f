// Annotated VCF/BCF output (`rvanno annotate --output-vcf FILE -O v|z|b|u`).
//
// EVERY input record is written, in input order: records with knowledge-base matches get
// RVANNO_* INFO tags, all others pass through unchanged. `annotate` writes it in its one pass
// over the input (io/annotated_vcf_stream.hpp); write_annotated_vcf below reads an input again
// for findings computed earlier. For text output from text input, unchanged records are copied
// as raw lines (no vcf_parse/vcf_format, see shared/bench/README.md), for BCF output from BCF
// input as raw records; otherwise they go through bcf1_t.
//
// INFO tags (Type=String). RVANNO_GENE..RVANNO_MATCH are Number=A: one value per ALT allele,
// '.' for an ALT without a match, so `bcftools norm -m-` splits them correctly; several values
// for one allele are joined with '&'. Reserved characters inside a value are percent-encoded as
// in VCF 4.3, plus '&' and '|', which rvanno uses as separators.
//   RVANNO_GENE   gene of each matched finding of the allele
//   RVANNO_HGVSC  TRANSCRIPT:c.CHANGE of each matched finding (aligned with RVANNO_GENE)
//   RVANNO_HGVSP  p.CHANGE, 1-letter (p.G1202R), of each matched finding, '.' when unknown
//                 (aligned with RVANNO_GENE)
//   RVANNO_KB     knowledge-base row ids that matched
//   RVANNO_MATCH  how each RVANNO_KB row matched (hgvs_p, genomic, class:lof, ...), aligned
//   RVANNO_DRUG   Number=., shaped like VEP's CSQ so that `bcftools +split-vep` reads it: one
//                 ','-separated entry per ALT x matched row x drug, its Description ends in
//                 "Format: Allele|Consequence|SYMBOL|Feature|HGVSc|HGVSp|drug|effect|level|
//                 status|kb_id|match". Each entry names its ALT (Allele), because a Number=.
//                 tag is copied whole to every record by `bcftools norm -m-`. Not Number=A
//                 with '&' between one ALT's entries: split-vep splits on ',' only and would
//                 read "a|b|C&d|e|D" as one entry (docs/bcftools_conventions.md).
// A tag whose value would be '.' for every allele is left out of the record.
//
// An input that already declares these tags (an rvanno output annotated again) keeps the
// declarations; the old values are removed from every record, so no stale finding survives.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "io/vcf_regions.hpp"
#include "rvanno/report.hpp"

namespace rvanno {

// Writes `input` (a VCF, VCF.gz or BCF file, or "-" for standard input) to `output`
// as VCF (mode 'v'), bgzipped VCF ('z'), BCF ('b') or uncompressed BCF ('u'). The output appears whole or not at
// all: it is written to "<output>.rvanno-tmp-<pid>" and renamed at the end; the temporary
// file is removed on error. output "-" writes to standard output directly.
// `findings` are the annotation of the same input (AlleleFinding::record_number is the
// 1-based ordinal of the data record); only findings with matches are written.
// `header_lines` ("##key=value" each, e.g. provenance and ##rvanno_command=...) are added
// after the input's header lines and rvanno's INFO declarations. `threads` > 0 adds a
// BGZF (de)compression thread pool of that size.
// Throws UsageError (bad mode), UserError (cannot read/write, the findings do not fit the
// input) or InputError (a malformed record).
void write_annotated_vcf(const std::string& input, const std::string& output, char mode,
                         const std::vector<AlleleFinding>& findings, const std::vector<std::string>& header_lines,
                         int threads);

// The same with a bcftools output type ("v", "z", "b", "u"; "z" or "b" may carry a
// compression level digit, "z9") and regions: with regions only the records in them are
// written, read through the index exactly as VcfReader read them (the findings' record
// numbers count the records in the regions).
void write_annotated_vcf(const std::string& input, const std::string& output, const std::string& type,
                         const std::vector<AlleleFinding>& findings, const std::vector<std::string>& header_lines,
                         int threads, const VcfRegions& regions);

// True when `type` is a bcftools output type that write_annotated_vcf accepts.
bool is_vcf_output_type(const std::string& type);

// The INFO tags above, in the order they are declared: ID and header Description.
struct RvannoInfoTag {
    std::string id;
    std::string description;
    std::string number;  // "A" (one value per ALT) or "." (RVANNO_DRUG's allele-tagged entries)
};
const std::vector<RvannoInfoTag>& rvanno_info_tags();

// Percent-encodes a value for a VCF INFO string: '%', ';', '=', ',', '&', '|', and every byte
// that is whitespace, a control character or not ASCII, as %XX (upper-case hex). "" -> ".".
std::string encode_info_value(const std::string& value);

// The RVANNO_* tag values (tag, value) of one record whose ALT alleles are `alts`
// (as written in the input), from the findings of that record. Findings without matches are
// ignored; tags that are '.' for every allele are left out. A finding is tied to its ALT by
// the allele as written (AlleleFinding::input_allele when normalisation changed it, else
// AlleleFinding::alt), case-insensitively. Throws UserError naming `where` when a finding's
// allele is not among `alts` (the input changed since it was annotated).
std::vector<std::pair<std::string, std::string>> rvanno_info_values(const std::vector<std::string>& alts,
                                                                    const std::vector<const AlleleFinding*>& findings,
                                                                    const std::string& where);

}  // namespace rvanno
