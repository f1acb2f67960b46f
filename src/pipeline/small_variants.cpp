#include "pipeline/small_variants.hpp"

#include <algorithm>
#include <memory>
#include <set>
#include <string_view>
#include <unordered_map>

#include "base/protein_notation.hpp"
#include "base/strings.hpp"
#include "base/warning.hpp"
#include "consequence/annotation_terms.hpp"
#include "consequence/consequence.hpp"
#include "consequence/normalize.hpp"
#include "io/annotation_tags.hpp"
#include "match/carried.hpp"
#include "match/matcher.hpp"
#include "match/phase.hpp"
#include "rvanno/error.hpp"
#include "rvanno/match.hpp"

namespace rvanno {
namespace {

// Upstream padding so that a deletion starting just before a transcript is still read.
constexpr std::int64_t kTargetPadding = 1000;

std::string unversioned(const std::string& acc) { return acc.substr(0, acc.find('.')); }
bool is_skippable_alt(const std::string& a) {
    return a == "*" || a == "." || a.empty() || a.find_first_of("<>[]") != std::string::npos;
}
bool same_transcript(const std::string& annotated, const Transcript& tx) {
    auto a = unversioned(annotated);
    return !a.empty() && (a == unversioned(tx.accession) || (!tx.ensembl.empty() && a == unversioned(tx.ensembl)));
}
// VEP trims the shared padding base ("-" for a deletion); SnpEff writes the VCF ALT.
// bcftools csq names no allele; its dna_change does ("6723A>T", or "121ACG>A+124TA>T" for a
// haplotype: one part is this record's).
bool bcsq_allele(const std::string& dna_change, const VariantRecord& rec, const std::string& alt) {
    const std::string mine = std::to_string(rec.pos + 1) + upper(rec.ref) + ">" + upper(alt);
    for (const auto& part : split(dna_change, '+'))
        if (upper(part) == mine) return true;
    return false;
}
bool same_allele(const AnnotatedConsequence& ac, const VariantRecord& rec, const std::string& alt) {
    if (!ac.dna_change.empty()) return bcsq_allele(ac.dna_change, rec, alt);
    if (rec.alts.size() == 1 || ac.allele.empty()) return true;
    if (ac.allele == alt) return true;
    if (!alt.empty() && !rec.ref.empty() && alt[0] == rec.ref[0])
        return ac.allele == (alt.size() == 1 ? std::string("-") : alt.substr(1));
    return false;
}

// Matches that the allele's protein-level class decided (a class taken from annotation or from
// a protein change is named in their detail): class rows, and codon/range rows when no protein
// change was known.
bool depends_on_class(const Match& m, bool class_only) {
    return m.how == MatchHow::lof || m.how == MatchHow::missense ||
           ((m.how == MatchHow::codon || m.how == MatchHow::range) && !m.amino_acid_unknown && class_only);
}

}  // namespace

SmallVariantRows::SmallVariantRows(const KnowledgeBase& kb, GenomeBuild build, const TranscriptModel& model)
    : index(row_index(kb.entries)), keeper(kb, build, model.kb()) {}

SmallVariantAnnotator::SmallVariantAnnotator(const KnowledgeBase& kb, GenomeBuild build, const TranscriptModel& model,
                                             const ReferenceSequence* ref,
                                             std::vector<std::pair<std::string, AnnotationLayout>> tags,
                                             std::string input_name, std::string ref_label, long max_listed,
                                             std::shared_ptr<const SmallVariantRows> rows)
    : kb_(kb),
      build_(build),
      model_(model),
      ref_(ref),
      tags_(std::move(tags)),
      input_name_(std::move(input_name)),
      ref_label_(std::move(ref_label)),
      rows_(rows ? std::move(rows) : std::make_shared<const SmallVariantRows>(kb, build, model)) {
    unlisted_.limit = max_listed;
}

TargetIndex SmallVariantAnnotator::targets() const {
    TargetIndex t;
    for (const auto& tx : model_.all())
        t.add({tx.contig, std::max<std::int64_t>(0, tx.tx_begin - kTargetPadding), tx.tx_end});
    t.finish();
    return t;
}

Allele SmallVariantAnnotator::prepare_allele(const VariantRecord& rec, const std::string& alt) {
    Allele a{rec.contig, rec.pos, upper(rec.ref), upper(alt)};
    if (!ref_) return a;
    // A MAF indel has no padding base: with the reference, anchor it on the preceding base (VCF
    // style) so that the REF check and left-normalisation see what they see for a VCF.
    if (rec.unanchored && (a.ref.empty() || a.alt.empty()) && a.pos > 0) {
        auto base = ref_->fetch(a.contig, a.pos - 1, a.pos);
        if (!base) {
            ++counters_["alleles_reference_unavailable"];
            return a;
        }
        a = Allele{a.contig, a.pos - 1, *base + a.ref, *base + a.alt};
    }
    auto ok = ref_matches(a, *ref_);
    if (ok && !*ok)
        throw InputError(input_name_ + ": record " + std::to_string(rec.record_number) + " (" + rec.contig_name + ":" +
                             std::to_string(rec.pos + 1) + ")",
                         "REF '" + rec.ref + "' does not match the reference FASTA",
                         "the VCF and " + ref_label_ + " are probably from different genome builds");
    if (!ok) ++counters_["alleles_reference_unavailable"];
    if (a.ref.size() != a.alt.size() || a.ref.size() > 1) a = left_normalize(a, *ref_);
    return a;
}

void SmallVariantAnnotator::add(const VariantRecord& rec) {
    candidates(rec, buffer_);
    for (auto& c : buffer_) take(rec, std::move(c));
}

// Everything about an allele that does not depend on the sample: normalisation, consequence
// on each transcript it touches, annotation already in the file, matches.
void SmallVariantAnnotator::candidates(const VariantRecord& rec, std::vector<AlleleCandidate>& out) {
    out.clear();
    for (const auto& alt : rec.alts) {
        if (is_skippable_alt(alt) && !(rec.unanchored && alt.empty())) continue;
        const std::size_t alt_index = &alt - rec.alts.data();
        Allele a = prepare_allele(rec, alt);
        model_.index().overlapping(a.contig, a.pos, a.pos + static_cast<std::int64_t>(a.ref.size()), hits_);
        for (const std::size_t row : hits_) {
            const Transcript& tx = model_.all()[row];
            auto csq = consequence_of(a, maps_.of(row), ref_);
            if (!csq) continue;
            AlleleFinding f;
            f.record_number = rec.record_number;
            f.contig_name = rec.contig_name;
            f.pos = a.pos;
            f.ref = a.ref;
            f.alt = a.alt;
            if (a.pos != rec.pos || a.ref != upper(rec.ref) || a.alt != upper(alt))
                f.input_allele = rec.contig_name + ":" + std::to_string(rec.pos + 1) + ":" + rec.ref + ":" + alt;
            if (rec.unanchored) {  // MAF: '-' for an empty allele, as the MAF writes it
                if (f.ref.empty()) f.ref = "-";
                if (f.alt.empty()) f.alt = "-";
                if (!f.input_allele.empty())
                    f.input_allele = rec.contig_name + ":" + std::to_string(rec.pos + 1) + ":" +
                                     (rec.ref.empty() ? "-" : rec.ref) + ":" + (alt.empty() ? "-" : alt);
            }
            f.filter = rec.filter;
            f.gt_allele = static_cast<int>(alt_index) + 1;
            f.csq = std::move(*csq);
            if (!f.csq.protein_change.empty()) f.protein_source = "rvanno";
            std::vector<std::string> notes;
            notes.push_back(merge_annotations(rec, alt, tx, f));
            notes.push_back(check_input_protein_change(rec, tx, f.csq, f.protein_source));
            static const GeneRows no_rows;
            const GeneRows* gene_rows = rows_->index.gene(tx.gene);
            const GeneRows& rows = gene_rows ? *gene_rows : no_rows;
            class_from_protein_change(f, rows);
            if (!rows.rows.empty()) f.matches = match_allele(a, build_, f.csq, rows, kb_.entries);
            if (!f.class_source.empty()) notes.push_back("class from " + f.class_source);
            const bool class_only = f.csq.protein_change.empty();
            for (auto& m : f.matches)
                for (const auto& n : notes)
                    if (!n.empty() && (n.rfind("class from ", 0) != 0 || depends_on_class(m, class_only)))
                        m.detail += " (" + n + ")";
            infer_protein_change_from_matches(f);
            const bool kb_gene = model_.is_kb_gene(tx.gene);
            out.push_back({std::move(f), a, alt_index, kb_gene});
        }
    }
}

// Without --fasta or annotation, a c. allele the knowledge base lists for a protein change
// still names that change: show it, and say where it came from.
void SmallVariantAnnotator::infer_protein_change_from_matches(AlleleFinding& f) {
    if (!f.csq.protein_change.empty()) return;
    for (const auto& m : f.matches) {
        if (m.how != MatchHow::hgvs_c || m.entry->kind != AlterationKind::hgvs_p) continue;
        f.csq.protein_change = m.entry->protein_change;
        f.protein_source =
            "knowledge base (" + f.csq.hgvs_c + " is a listed allele of p." + m.entry->protein_change + ")";
        return;
    }
}

// Annotation already in the VCF (VEP CSQ, SnpEff ANN, bcftools BCSQ) for this ALT, on rvanno's
// MANE transcript only; the first such entry decides. An entry on another transcript of the gene
// is not used, neither its HGVSp nor its class (counted: annotation_other_transcript); nor is a
// BCSQ pointer "@POS" (the consequence of a change split across records lies at POS: counted,
// bcsq_consequence_at_other_record). Returns the note for the finding's matches ("" = none).
std::string SmallVariantAnnotator::merge_annotations(const VariantRecord& rec, const std::string& alt,
                                                     const Transcript& tx, AlleleFinding& f) {
    bool other_transcript = false, elsewhere = false;
    for (const auto& [tag, value] : rec.annotations) {
        auto layout = std::find_if(tags_.begin(), tags_.end(), [&tag = tag](const auto& t) { return t.first == tag; });
        if (layout == tags_.end()) continue;
        for (const auto& ac : parse_annotations(layout->second, value)) {
            const AnnotatedTerms terms = annotation_terms(layout->second.style, ac.consequence);
            if (terms.at_other_record) {
                elsewhere = true;
                continue;
            }
            if (!same_allele(ac, rec, alt)) continue;
            if (!same_transcript(ac.transcript, tx)) {
                other_transcript = other_transcript || (!ac.gene.empty() && ac.gene == tx.gene);
                continue;
            }
            return use_annotation(rec, tag, ac, terms, f);
        }
    }
    if (other_transcript) ++counters_["annotation_other_transcript"];
    if (elsewhere) ++counters_["bcsq_consequence_at_other_record"];
    return "";
}

// One entry on the MANE transcript: its protein change when rvanno has none, and its class
// (consequence/annotation_terms.cpp) when rvanno could not tell it. When rvanno's own class
// differs, rvanno's stays: counted (annotation_class_disagreements) and the returned note goes
// on every match of the finding, as for a MAF's HGVSp_Short.
std::string SmallVariantAnnotator::use_annotation(const VariantRecord& rec, const std::string& tag,
                                                  const AnnotatedConsequence& ac, const AnnotatedTerms& terms,
                                                  AlleleFinding& f) {
    if (terms.after_upstream_stop) {  // BCSQ '*': after a stop on the same haplotype, not translated
        ++counters_["bcsq_consequence_after_upstream_stop"];
        return "";
    }
    Consequence& csq = f.csq;
    if (csq.protein_change.empty() && !ac.hgvs_p.empty()) {
        if (ac.hgvs_p.size() > kMaxProteinChangeLength) {
            // Not a protein change anyone wrote by hand; counted and told once per run.
            if (counters_["annotation_protein_changes_too_long"]++ == 0)
                warn(input_name_ + ": INFO/" + tag + " at " + rec.contig_name + ":" + std::to_string(rec.pos + 1) +
                     " has an HGVSp of " + std::to_string(ac.hgvs_p.size()) + " bytes (over " +
                     std::to_string(kMaxProteinChangeLength) +
                     "): not read as a protein change (counted in annotation_protein_changes_too_long)");
        } else if (auto pc = to_one_letter_protein_change(ac.hgvs_p); !pc.empty()) {
            csq.protein_change = pc;
            csq.hgvs_p = ac.hgvs_p;
            f.protein_source = "INFO/" + tag;
        }
    }
    switch (merge_annotated_class(csq, terms.terms)) {
        case ClassMerge::adopted:
            f.class_source = "INFO/" + tag;
            ++counters_["annotation_class_used"];
            return "";
        case ClassMerge::agreed:
            ++counters_["annotation_class_agreed"];
            return "";
        case ClassMerge::disagreed:
            ++counters_["annotation_class_disagreements"];
            return "INFO/" + tag + " says " + join(terms.terms, "&") + ", rvanno computed " + join(csq.terms, "&");
        case ClassMerge::none:
            break;
    }
    return "";
}

// The class of a protein change rvanno did not compute itself (an annotation's HGVSp without a
// class term, a MAF's HGVSp_Short, or the change of a c. allele the knowledge base lists for an
// hgvs_p row): G12C missense, R130* stop_gained, Q61= synonymous. Only when rvanno could not tell.
void SmallVariantAnnotator::class_from_protein_change(AlleleFinding& f, const GeneRows& rows) const {
    Consequence& c = f.csq;
    if (!protein_class_unknown(c)) return;
    if (!c.protein_change.empty()) {
        if (merge_annotated_class(c, terms_of_protein_change(c.protein_change)) == ClassMerge::adopted)
            f.class_source = f.protein_source;
        return;
    }
    for (const auto i : rows.hgvs_p_rows_listing(c.hgvs_c))  // single-alteration hgvs_p rows, table order
        if (const KnowledgeEntry* e = &kb_.entries[rows.rows[i]];
            merge_annotated_class(c, terms_of_protein_change(e->protein_change)) == ClassMerge::adopted) {
            f.class_source = "knowledge base (" + c.hgvs_c + " is a listed allele of p." + e->protein_change + ")";
            return;
        }
}

// The input's own protein change (MAF HGVSp_Short) against rvanno's: used when rvanno has
// none (no --fasta, no annotation), counted when they agree, and when they disagree both are
// kept visible: rvanno's stays, the counter maf_protein_change_disagreements goes up and the
// returned note goes on every match of the finding. A protein change on another transcript
// than the MANE Select one is not comparable: counted, not used.
std::string SmallVariantAnnotator::check_input_protein_change(const VariantRecord& rec, const Transcript& tx,
                                                              Consequence& csq, std::string& source) {
    if (rec.input_protein_change.empty()) return "";
    const std::string pc = to_one_letter_protein_change(rec.input_protein_change);
    if (pc.empty()) return "";
    if (!rec.input_transcript.empty() && !same_transcript(rec.input_transcript, tx)) {
        ++counters_["maf_protein_change_other_transcript"];
        return "";
    }
    const std::string& from = rec.input_protein_source;
    if (csq.protein_change.empty()) {
        csq.protein_change = pc;
        if (pc.back() == '=') csq.protein_altering = false;  // a synonymous change, as for VEP's p.X=
        source = from;
        ++counters_["maf_protein_change_used"];
        return "protein change from the " + from + " column; rvanno " +
               (ref_ ? std::string("computed none") : std::string("computes none without --fasta"));
    }
    if (csq.protein_change == pc) {
        ++counters_["maf_protein_change_agreed"];
        return "";
    }
    ++counters_["maf_protein_change_disagreements"];
    source += "; " + from + " says p." + pc;
    return "the " + from + " column says p." + pc + ", rvanno computed p." + csq.protein_change;
}

void SmallVariantAnnotator::finish() {
    materialize();
    trim_other_gene_vus();
    const auto observed = observed_protein_changes(findings_);
    for (const auto& [gene, rows] : rows_->keeper.compound_rows()) {
        for (const KnowledgeEntry* row : rows) {
            const KnowledgeEntry& e = *row;
            if (!requirements_met(e, observed)) continue;
            for (std::size_t i = 0; i < findings_.size(); ++i) {
                auto& f = findings_[i];
                if (f.csq.gene != e.gene) continue;
                if (auto m = match_entry(alleles_[i], build_, f.csq, e)) {
                    std::string with;
                    for (const auto& r : e.requires_all)
                        with += (with.empty() ? "" : ", ") + r.gene + ":p." + r.protein_change;
                    f.matches.push_back({&e, MatchHow::compound, m->detail + " with " + with + " in the same sample",
                                         m->amino_acid_unknown});
                }
            }
        }
    }
    for (auto& f : findings_)
        for (auto& m : f.matches) set_compound_phase(m, f, findings_);
    long matched = 0;
    for (const auto& f : findings_) matched += f.matches.empty() ? 0 : 1;
    counters_["alleles_matched"] = matched;
}

}  // namespace rvanno
