// The small-variant pipeline between reader and report: split ALTs, check and normalise
// against the reference, compute consequences on every transcript of the model that an allele
// touches (found through the model's index), merge annotation already in the VCF, and match.
// What is kept: every allele in a knowledge-base gene; in the other genes the protein-altering
// ones (listed as "no knowledge"); the rest is counted per gene. Plain values only; no HTSlib.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "base/target_index.hpp"
#include "consequence/annotation_terms.hpp"
#include "consequence/transcript_maps.hpp"
#include "knowledge/transcript_index.hpp"
#include "rvanno/annotation_tags.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"
#include "rvanno/transcript.hpp"
#include "rvanno/variant.hpp"

namespace rvanno {

class SmallVariantAnnotator {
public:
    // Keeps references to kb, model and ref; all must outlive the SmallVariantAnnotator. `model`
    // is the run's transcript model for `build`; every gene of it is examined.
    SmallVariantAnnotator(const KnowledgeBase& kb, GenomeBuild build, const TranscriptModel& model,
                          const ReferenceSequence* ref, std::vector<std::pair<std::string, AnnotationLayout>> tags,
                          std::string input_name, std::string ref_label = "--fasta");

    // Intervals a record must touch to be worth parsing: every model transcript, padded.
    TargetIndex targets() const;
    void add(const VariantRecord& rec);
    // Evaluates compound rows over everything added; call once after the last add().
    void finish();
    std::vector<AlleleFinding>& findings() { return findings_; }
    std::map<std::string, long>& counters() { return counters_; }
    // Alleles counted, not listed: per gene, the carried alleles outside the knowledge-base genes
    // that match no row and do not alter the protein (intronic, UTR, synonymous, ...); and how
    // many such alleles the sample does not carry (is_carried).
    const std::map<std::string, long>& unlisted_by_gene() const { return unlisted_by_gene_; }
    long unlisted_not_carried() const { return unlisted_not_carried_; }

private:
    const KnowledgeBase& kb_;
    GenomeBuild build_;
    const TranscriptModel& model_;
    TranscriptMaps maps_{model_.all()};  // one map per transcript, built on first use
    const ReferenceSequence* ref_;
    std::vector<std::pair<std::string, AnnotationLayout>> tags_;
    std::string input_name_;
    std::string ref_label_;  // how a REF mismatch names the reference: "--fasta", "RVANNO_FASTA ('x.fa')", ...
    std::map<std::string, std::vector<const KnowledgeEntry*>> entries_by_gene_;
    std::vector<AlleleFinding> findings_;
    std::vector<Allele> alleles_;  // parallel to findings_
    std::map<std::string, long> counters_;
    std::map<std::string, long> unlisted_by_gene_;
    long unlisted_not_carried_{0};
    std::vector<std::size_t> hits_;  // reused by add()

    static void infer_protein_change_from_matches(AlleleFinding& f);
    Allele prepare_allele(const VariantRecord& rec, const std::string& alt);
    std::string check_input_protein_change(const VariantRecord& rec, const Transcript& tx, Consequence& csq,
                                           std::string& source);
    std::string merge_annotations(const VariantRecord& rec, const std::string& alt, const Transcript& tx,
                                  AlleleFinding& f);
    std::string use_annotation(const VariantRecord& rec, const std::string& tag, const AnnotatedConsequence& ac,
                               const AnnotatedTerms& terms, AlleleFinding& f);
    static void class_from_protein_change(AlleleFinding& f, const std::vector<const KnowledgeEntry*>& entries);
};

}  // namespace rvanno
