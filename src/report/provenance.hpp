// The one renderer of provenance. Every output of every command is stamped from these: the
// rvanno and HTSlib versions, the knowledge base's version and MD5, the genome build and why,
// the inputs, the command line and the research-use notice.
#pragma once
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "rvanno/report.hpp"
#include "rvanno/verdict.hpp"

namespace rvanno::provenance {

// TSV '##' lines.
//   head:    versions, knowledge base, genome build (with its reason when `with_reason`)
//   sample:  '##<prefix>sample=', its inputs, CNV and SV inputs, copy-number thresholds, then
//            '##<prefix>reference_fasta=' (compare's sides only), '##<prefix>reference_fasta_source='
//            (--fasta, RVANNO_FASTA or ##reference), '##<prefix>reference_fasta_note=' (a
//            ##reference not used, and why), '##<prefix>coding_alleles_without_protein_change='
//            (with a hint when no FASTA was used)
//   fasta:   '##reference_fasta=' when one was used
//   context: tumour type, declared and detected drivers, therapy history
//   tail:    the command line, the coordinate convention (when `coordinates`), the notice
void tsv_head(const Provenance& p, bool with_reason, std::ostream& out);
void tsv_sample(const Provenance& p, const std::string& prefix, std::ostream& out);
void tsv_fasta(const Provenance& p, std::ostream& out);
// " (no reference FASTA was used: give --fasta ...)" when coding alleles were left without a
// protein change and no FASTA was used, else "": follows the count in the TSV and summary line.
std::string no_fasta_hint(const Provenance& p);
void tsv_context(const SampleContext& c, std::ostream& out);
void tsv_tail(const Provenance& p, bool coordinates, std::ostream& out);

// The JSON "provenance" object; `with_inputs` adds the inputs, thresholds and FASTA.
nlohmann::ordered_json json(const Provenance& p, bool with_inputs);

// '##rvanno_*' header lines of the annotated VCF.
std::vector<std::string> vcf_header_lines(const Provenance& p);

}  // namespace rvanno::provenance
