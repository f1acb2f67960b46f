// Readers for consequence annotation already present in a VCF: VEP CSQ, SnpEff ANN and
// bcftools BCSQ. The layout is taken from the header's Description, never from the tag's
// name (some pipelines write VEP output into a tag called ANN).
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

// Decides the layout from an INFO header Description, e.g.
//  VEP:    "Consequence annotations from Ensembl VEP. Format: Allele|Consequence|...|HGVSc|HGVSp|..."
//  SnpEff: "Functional annotations: 'Allele | Annotation | ... | HGVS.c | HGVS.p | ...'"
//  BCSQ:   "Haplotype-aware consequence annotation from BCFtools/csq, see ... Format:
//           Consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change"
// Returns nullopt when the Description matches none of them.
std::optional<AnnotationLayout> detect_annotation_layout(const std::string& description);

struct AnnotatedConsequence {
    std::string allele;        // ALT allele the entry is for (empty for BCSQ)
    std::string gene;
    std::string transcript;    // as written, e.g. "ENST00000389048.8" or "NM_004304.5"
    std::string consequence;   // as written, '&'-joined terms
    std::string hgvs_c;        // "c.3604G>A" (transcript prefix "NM_...:" stripped)
    std::string hgvs_p;        // "p.Gly1202Arg" / "p.G1202R" (prefix stripped, URL-decoded)
};

// Splits one INFO value (comma-separated entries) according to `layout`.
std::vector<AnnotatedConsequence> parse_annotations(const AnnotationLayout& layout,
                                                    const std::string& value);

}  // namespace rvanno
