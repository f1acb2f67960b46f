// Reading consequence annotation already in a VCF (stage 1, io/): VEP CSQ, SnpEff ANN and
// bcftools BCSQ. The value types are in rvanno/annotation_tags.hpp.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rvanno/annotation_tags.hpp"

namespace rvanno {

// Decides the layout from an INFO header Description, e.g.
//  VEP:    "Consequence annotations from Ensembl VEP. Format: Allele|Consequence|...|HGVSc|HGVSp|..."
//  SnpEff: "Functional annotations: 'Allele | Annotation | ... | HGVS.c | HGVS.p | ...'"
//  BCSQ:   "Haplotype-aware consequence annotation from BCFtools/csq, see ... Format:
//           Consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change"
// Returns nullopt when the Description matches none of them.
std::optional<AnnotationLayout> detect_annotation_layout(const std::string& description);

// Splits one INFO value (comma-separated entries) according to `layout`.
std::vector<AnnotatedConsequence> parse_annotations(const AnnotationLayout& layout, const std::string& value);

}  // namespace rvanno
