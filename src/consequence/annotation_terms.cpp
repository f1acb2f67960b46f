// annotation_terms(): the consequence VEP, SnpEff or bcftools csq wrote, in rvanno's terms;
// merge_annotated_class(): how that class joins rvanno's own consequence.
//
// Why: without --fasta rvanno knows where an allele lies (exon, intron, splice site, codon) and
// whether an indel shifts the frame, but not what a substitution does to the amino acid: a CDS
// substitution is `coding_sequence_variant`, and the class rows (missense, loss of function) and
// the codon rows cannot tell a missense from a synonymous change. A VCF annotated by VEP, SnpEff
// or bcftools csq already says it. Its class is used, on rvanno's MANE Select transcript only
// (the caller, pipeline/small_variants.cpp, picks the entry), when rvanno could not tell; when
// rvanno could (with --fasta, or from positions and lengths) rvanno's stays and a disagreement is
// counted by the caller.
//
// Class terms are the protein-level ones: splice donor/acceptor, stop gained/lost, start lost,
// frameshift, in-frame insertion/deletion, missense, protein-altering, synonymous. Location
// terms (splice region, intron, UTR) are rvanno's own and never taken from an annotation.
#include "consequence/annotation_terms.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "base/protein_notation.hpp"
#include "base/strings.hpp"
#include "consequence/consequence.hpp"

namespace rvanno {
namespace {

// SO spellings (VEP, SnpEff, CIViC; compared lower-case) -> rvanno's term.
constexpr std::array<std::pair<std::string_view, std::string_view>, 32> kSoTerms{{
    {"missense_variant", "missense_variant"},
    {"conservative_missense_variant", "missense_variant"},  // SO children (CIViC writes them)
    {"non_conservative_missense_variant", "missense_variant"},
    {"stop_gained", "stop_gained"},
    {"frameshift_variant", "frameshift_variant"},
    {"frameshift_truncation", "frameshift_variant"},  // SO children of frameshift_variant (CIViC)
    {"frameshift_elongation", "frameshift_variant"},
    {"minus_1_frameshift_variant", "frameshift_variant"},
    {"minus_2_frameshift_variant", "frameshift_variant"},
    {"plus_1_frameshift_variant", "frameshift_variant"},
    {"plus_2_frameshift_variant", "frameshift_variant"},
    {"splice_donor_variant", "splice_donor_variant"},
    {"splice_acceptor_variant", "splice_acceptor_variant"},
    {"start_lost", "start_lost"},
    {"stop_lost", "stop_lost"},
    {"inframe_insertion", "inframe_insertion"},
    {"conservative_inframe_insertion", "inframe_insertion"},  // SnpEff
    {"disruptive_inframe_insertion", "inframe_insertion"},
    {"inframe_deletion", "inframe_deletion"},
    {"conservative_inframe_deletion", "inframe_deletion"},
    {"disruptive_inframe_deletion", "inframe_deletion"},
    {"synonymous_variant", "synonymous_variant"},
    {"stop_retained_variant", "synonymous_variant"},  // p.(*123=): the protein is unchanged
    {"start_retained_variant", "synonymous_variant"},
    {"protein_altering_variant", "protein_altering_variant"},
    {"coding_sequence_variant", "coding_sequence_variant"},
    {"splice_region_variant", "splice_region_variant"},
    {"intron_variant", "intron_variant"},
    {"5_prime_utr_variant", "5_prime_UTR_variant"},
    {"3_prime_utr_variant", "3_prime_UTR_variant"},
    {"non_coding_transcript_exon_variant", "non_coding_transcript_exon_variant"},
    {"5_prime_utr_premature_start_codon_gain_variant", "5_prime_UTR_variant"},  // SnpEff
}};

// bcftools csq's names (csq.c csq_strings[]) -> rvanno's term.
constexpr std::array<std::pair<std::string_view, std::string_view>, 19> kBcsqTerms{{
    {"missense", "missense_variant"},
    {"stop_gained", "stop_gained"},
    {"frameshift", "frameshift_variant"},
    {"splice_donor", "splice_donor_variant"},
    {"splice_acceptor", "splice_acceptor_variant"},
    {"start_lost", "start_lost"},
    {"stop_lost", "stop_lost"},
    {"inframe_insertion", "inframe_insertion"},
    {"inframe_deletion", "inframe_deletion"},
    {"inframe_altering", "protein_altering_variant"},  // indels that keep frame and length
    {"synonymous", "synonymous_variant"},
    {"stop_retained", "synonymous_variant"},
    {"start_retained", "synonymous_variant"},
    {"splice_region", "splice_region_variant"},
    {"coding_sequence", "coding_sequence_variant"},
    {"intron", "intron_variant"},
    {"5_prime_utr", "5_prime_UTR_variant"},
    {"3_prime_utr", "3_prime_UTR_variant"},
    {"non_coding", "non_coding_transcript_exon_variant"},
}};

constexpr std::array<std::string_view, 11> kClassTerms{"splice_donor_variant",
                                                       "splice_acceptor_variant",
                                                       "stop_gained",
                                                       "frameshift_variant",
                                                       "stop_lost",
                                                       "start_lost",
                                                       "inframe_insertion",
                                                       "inframe_deletion",
                                                       "missense_variant",
                                                       "protein_altering_variant",
                                                       "synonymous_variant"};

// Classes a CDS substitution whose effect rvanno could not tell may have; the others (frame,
// splice site, start) rvanno decides from positions and lengths without sequence.
constexpr std::array<std::string_view, 5> kSubstitutionClasses{"missense_variant", "stop_gained", "stop_lost",
                                                               "synonymous_variant", "protein_altering_variant"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view t) {
    return std::find(set.begin(), set.end(), t) != set.end();
}

bool has(const std::vector<std::string>& terms, std::string_view t) {
    return std::find(terms.begin(), terms.end(), t) != terms.end();
}

std::vector<std::string> class_terms(const std::vector<std::string>& terms) {
    std::vector<std::string> out;
    for (const auto& t : terms)
        if (in(kClassTerms, t) && !has(out, t)) out.push_back(t);
    return out;
}

// What decides matching: loss of function, missense, synonymous.
struct Flags {
    bool lof{false}, missense{false}, synonymous{false};
    bool operator==(const Flags&) const = default;
};

Flags flags_of(const std::vector<std::string>& terms) {
    Flags f;
    for (const char* t :
         {"stop_gained", "frameshift_variant", "splice_donor_variant", "splice_acceptor_variant", "start_lost"})
        f.lof = f.lof || has(terms, t);
    f.missense = has(terms, "missense_variant");
    f.synonymous = has(terms, "synonymous_variant") && !f.lof && !f.missense;
    return f;
}

}  // namespace

AnnotatedTerms annotation_terms(AnnotationStyle style, std::string_view consequence) {
    AnnotatedTerms out;
    std::string field = lower(trim(consequence, kWhitespace));
    if (style == AnnotationStyle::bcsq && !field.empty() && field.front() == '@') {
        out.at_other_record = true;
        return out;
    }
    if (style == AnnotationStyle::bcsq && !field.empty() && field.front() == '*') {
        out.after_upstream_stop = true;
        field.erase(0, 1);
    }
    for (const auto& raw : split(field, '&')) {
        const std::string word = trim(raw, kWhitespace);
        auto pick = [&](const auto& table) {
            for (const auto& [from, to] : table)
                if (word == from && !has(out.terms, to)) out.terms.emplace_back(to);
        };
        if (style == AnnotationStyle::bcsq)
            pick(kBcsqTerms);
        else
            pick(kSoTerms);
    }
    return out;
}

std::vector<std::string> terms_of_protein_change(const std::string& pc) {
    // [A-Z*]<digits><change>, one residue only
    std::size_t i = 1;
    if (pc.size() < 3) return {};
    while (i < pc.size() && pc[i] >= '0' && pc[i] <= '9') ++i;
    if (i == 1 || i + 1 != pc.size()) return {};
    const char ref = pc.front(), alt = pc.back();
    if (alt == '=' || alt == ref) return {"synonymous_variant"};
    if (ref == '*') return {"stop_lost"};
    if (alt == '*') return {"stop_gained"};
    if (ref == 'M' && pc.substr(1, i - 1) == "1") return {"start_lost"};
    if (alt >= 'A' && alt <= 'Z') return {"missense_variant"};
    return {};
}

ClassMerge merge_annotated_class(Consequence& c, const std::vector<std::string>& annotated) {
    const auto mine = class_terms(c.terms);
    const auto theirs = class_terms(annotated);
    if (theirs.empty()) return ClassMerge::none;
    if (!protein_class_unknown(c))
        return flags_of(mine) == flags_of(theirs) ? ClassMerge::agreed : ClassMerge::disagreed;
    for (const auto& t : theirs)
        if (!in(kSubstitutionClasses, t)) return ClassMerge::disagreed;
    std::erase(c.terms, "coding_sequence_variant");
    for (const auto& t : theirs) c.terms.push_back(t);
    order_terms(c);
    c.protein_altering = !flags_of(c.terms).synonymous;
    return ClassMerge::adopted;
}

bool is_synonymous(const Consequence& c) {
    if (flags_of(c.terms).synonymous) return true;
    const auto t = terms_of_protein_change(c.protein_change);
    return t.size() == 1 && t.front() == "synonymous_variant";
}

bool protein_class_unknown(const Consequence& c) { return has(c.terms, "coding_sequence_variant"); }

}  // namespace rvanno
