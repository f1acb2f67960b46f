// The consequence class that VEP (CSQ), SnpEff (ANN) or bcftools csq (BCSQ) wrote, in rvanno's
// own SO terms, and how it joins the consequence rvanno computed itself (stage 2,
// consequence/). Rules: annotation_terms.cpp.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "rvanno/annotation_tags.hpp"
#include "rvanno/consequence.hpp"

namespace rvanno {

// What one annotation entry's consequence field says, in the terms of rvanno/consequence.hpp.
struct AnnotatedTerms {
    std::vector<std::string> terms;   // mapped terms, in the order written; unknown terms are left out
    bool after_upstream_stop{false};  // BCSQ '*': the change lies after a stop gained earlier on the
                                      // same haplotype, so it changes nothing of the translated protein
    bool at_other_record{false};      // BCSQ '@POS': the (haplotype) consequence is written at POS
};

// Maps a consequence field ('&'-joined, case-insensitive: CIViC writes "Missense_Variant") of
// `style` onto rvanno's terms. SO terms (VEP, SnpEff, CIViC): missense_variant (and its SO
// children conservative_/non_conservative_missense_variant), stop_gained, frameshift_variant (and
// its SO children frameshift_truncation/_elongation, minus_/plus_1/2_frameshift_variant), splice_donor_variant,
// splice_acceptor_variant, start_lost, stop_lost, inframe_insertion/inframe_deletion (and
// SnpEff's conservative_/disruptive_ forms), synonymous_variant (and stop_retained_variant,
// start_retained_variant: the protein is unchanged), protein_altering_variant,
// coding_sequence_variant, splice_region_variant, intron_variant, UTR and non-coding exon
// terms. bcftools csq's names: missense, stop_gained, frameshift, splice_donor,
// splice_acceptor, start_lost, stop_lost, inframe_insertion, inframe_deletion,
// inframe_altering (protein_altering_variant), synonymous, stop_retained, start_retained,
// splice_region, coding_sequence, intron, 5_prime_utr, 3_prime_utr, non_coding.
AnnotatedTerms annotation_terms(AnnotationStyle style, std::string_view consequence);

// The class terms a 1-letter protein change implies ("G12C" missense_variant, "R130*"
// stop_gained, "Q61=" and "Q61Q" synonymous_variant); empty for anything else.
std::vector<std::string> terms_of_protein_change(const std::string& one_letter);

enum class ClassMerge {
    none,       // the annotation names no protein-level class
    adopted,    // rvanno had none (no --fasta): the annotation's class was taken
    agreed,     // rvanno's own class says the same
    disagreed,  // rvanno's own class (or what it knows from positions and lengths) differs: kept
};

// Joins the class terms in `annotated` to `c`. rvanno's own class always wins; it is taken
// from the annotation only when rvanno could not tell (coding_sequence_variant: a CDS
// substitution without --fasta), and only when it fits what rvanno knows from positions and
// lengths (no frameshift, in-frame or splice-site class for a substitution rvanno placed
// elsewhere). Updates c.terms, c.loss_of_function and c.protein_altering when adopted.
ClassMerge merge_annotated_class(Consequence& c, const std::vector<std::string>& annotated);

// True when `c` is known to leave the protein unchanged: synonymous_variant, or a protein
// change "X123=" / "X123X".
bool is_synonymous(const Consequence& c);

// True when rvanno knows the allele changes the coding sequence but not the protein-level class
// (coding_sequence_variant: a CDS substitution without --fasta and without annotation).
bool protein_class_unknown(const Consequence& c);

}  // namespace rvanno
