// The small-variant pipeline between reader and report: split ALTs, check and normalise
// against the reference, compute consequences on the knowledge-base genes' transcripts,
// merge annotation already in the VCF, and match. Plain values only; no HTSlib.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "base/target_index.hpp"
#include "consequence/annotation_terms.hpp"
#include "rvanno/annotation_tags.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"
#include "rvanno/transcript.hpp"
#include "rvanno/variant.hpp"

namespace rvanno {

class SmallVariantAnnotator {
public:
    // Keeps references to kb and ref; both must outlive the SmallVariantAnnotator. `transcripts` is the
    // whole table for `build`; only genes with knowledge rows are kept.
    SmallVariantAnnotator(const KnowledgeBase& kb, GenomeBuild build, std::vector<Transcript> transcripts,
                          const ReferenceSequence* ref, std::vector<std::pair<std::string, AnnotationLayout>> tags,
                          std::string input_name, std::string ref_label = "--fasta");

    // Intervals a record must touch to be worth parsing: every kept transcript, padded.
    TargetIndex targets() const;
    void add(const VariantRecord& rec);
    // Evaluates compound rows over everything added; call once after the last add().
    void finish();
    std::vector<AlleleFinding>& findings() { return findings_; }
    std::map<std::string, long>& counters() { return counters_; }

private:
    const KnowledgeBase& kb_;
    GenomeBuild build_;
    std::vector<Transcript> transcripts_;
    const ReferenceSequence* ref_;
    std::vector<std::pair<std::string, AnnotationLayout>> tags_;
    std::string input_name_;
    std::string ref_label_;  // how a REF mismatch names the reference: "--fasta", "RVANNO_FASTA ('x.fa')", ...
    std::map<std::string, std::vector<const KnowledgeEntry*>> entries_by_gene_;
    std::vector<AlleleFinding> findings_;
    std::vector<Allele> alleles_;  // parallel to findings_
    std::map<std::string, long> counters_;

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
