// Consequence annotation already present in a VCF (VEP CSQ, SnpEff ANN, bcftools BCSQ), as
// plain values: the layout of a tag and one parsed entry. The readers are in
// src/io/annotation_tags.hpp.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace rvanno {

enum class AnnotationStyle { vep, snpeff, bcsq };

struct AnnotationLayout {
    AnnotationStyle style{};
    std::vector<std::string> fields;  // field names in order (for vep/snpeff)
};

struct AnnotatedConsequence {
    std::string allele;  // ALT allele the entry is for (empty for BCSQ)
    std::string gene;
    std::string transcript;   // as written, e.g. "ENST00000389048.8" or "NM_004304.5"
    std::string consequence;  // as written, '&'-joined terms; BCSQ: "*missense" (after a stop on the
                              // same haplotype) or "@6723" (a pointer to the record holding it)
    std::string hgvs_c;       // "c.3604G>A" (transcript prefix "NM_...:" stripped)
    std::string hgvs_p;       // "p.Gly1202Arg" / "p.G1202R" (prefix stripped, URL-decoded)
    std::string dna_change;   // BCSQ only: the genomic change(s), "6723A>T" or "121ACG>A+124TA>T"
                              // (1-based POS, REF>ALT as in the VCF), which tells the entry's ALT
};

}  // namespace rvanno
