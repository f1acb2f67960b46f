// The small-variant pipeline between reader and report: split ALTs, check and normalise
// against the reference, compute consequences on every transcript of the model that an allele
// touches (found through the model's index), merge annotation already in the VCF, and match.
// What is kept and what is only counted: pipeline/allele_keeping.hpp. Alleles the sample does
// not carry (match/carried.hpp) are counted and dropped here. Plain values only; no HTSlib.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/target_index.hpp"
#include "consequence/annotation_terms.hpp"
#include "consequence/transcript_maps.hpp"
#include "knowledge/row_index.hpp"
#include "knowledge/transcript_index.hpp"
#include "pipeline/allele_keeping.hpp"
#include "rvanno/annotation_tags.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"
#include "rvanno/transcript.hpp"
#include "rvanno/variant.hpp"

namespace rvanno {

// The knowledge base as the small-variant step reads it: each gene's rows indexed for matching,
// and what keeping alleles needs. Built once per run and build (pipeline::RunTables), shared by
// every sample's SmallVariantAnnotator.
struct SmallVariantRows {
    SmallVariantRows(const KnowledgeBase& kb, GenomeBuild build, const TranscriptModel& model);
    const RowIndex& index;  // kb's (knowledge/row_index.hpp)
    pipeline::AlleleKeeper keeper;
};

class SmallVariantAnnotator {
public:
    // Keeps references to kb, model and ref; all must outlive the SmallVariantAnnotator. `model`
    // is the run's transcript model for `build`; every gene of it is examined.
    SmallVariantAnnotator(const KnowledgeBase& kb, GenomeBuild build, const TranscriptModel& model,
                          const ReferenceSequence* ref, std::vector<std::pair<std::string, AnnotationLayout>> tags,
                          std::string input_name, std::string ref_label = "--fasta", long max_listed = 0,
                          std::shared_ptr<const SmallVariantRows> rows = nullptr);  // nullptr: built here

    // Intervals a record must touch to be worth parsing: every model transcript, padded.
    TargetIndex targets() const;
    void add(const VariantRecord& rec);  // = candidates(rec) then take() each, for rec's sample

    // The two halves of add(), for several samples of one file read once (pipeline/shared_pass):
    // the sample-independent work on a record's alleles (consequence, annotation, matches), and
    // keeping a candidate for the sample whose FORMAT values `rec` holds. A candidate kept by
    // several samples is stored once.
    struct AlleleCandidate {
        AlleleFinding finding;  // without the sample's values (genotype, VAF, depth, phase set)
        Allele allele;
        std::size_t alt_index{0};
        bool kb_gene{false};
    };
    void candidates(const VariantRecord& rec, std::vector<AlleleCandidate>& out);
    void take(const VariantRecord& rec, AlleleCandidate&& c);
    void take(const VariantRecord& rec, const std::shared_ptr<AlleleCandidate>& c);
    // The counters candidates() kept (annotation, reference, MAF protein-change counts), for a
    // sample whose candidates another annotator computed.
    void adopt_candidate_counters(const SmallVariantAnnotator& from) { counters_ = from.counters_; }
    // Applies the listing limit across genes and evaluates compound rows over everything kept;
    // call once after the last add().
    void finish();
    std::vector<AlleleFinding>& findings() { return findings_; }
    // Alleles kept so far (grows in add() when one of the record's alleles was kept).
    std::size_t kept() const { return kept_.size(); }
    std::map<std::string, long>& counters() { return counters_; }
    // Alleles counted, not listed (pipeline/allele_keeping.hpp).
    const pipeline::UnlistedAlleles& unlisted() const { return unlisted_; }

private:
    const KnowledgeBase& kb_;
    GenomeBuild build_;
    const TranscriptModel& model_;
    TranscriptMaps maps_{model_.all()};  // one map per transcript, built on first use
    const ReferenceSequence* ref_;
    std::vector<std::pair<std::string, AnnotationLayout>> tags_;
    std::string input_name_;
    std::string ref_label_;  // how a REF mismatch names the reference: "--fasta", "RVANNO_FASTA ('x.fa')", ...
    std::shared_ptr<const SmallVariantRows> rows_;
    std::vector<AlleleFinding> findings_;
    std::vector<Allele> alleles_;  // parallel to findings_
    std::map<std::string, long> counters_;
    pipeline::UnlistedAlleles unlisted_;
    long listed_[3]{0, 0, 0};              // VUS of KB genes, VUS of other genes, unmatched in KB genes
    std::vector<std::size_t> hits_;        // reused by candidates()
    std::vector<AlleleCandidate> buffer_;  // reused by add()
    // A kept allele until finish(): the shared candidate and this sample's values.
    struct Kept {
        std::shared_ptr<AlleleCandidate> candidate;
        std::string genotype;
        std::optional<std::int64_t> phase_set;
        std::optional<double> vaf;
        std::optional<int> depth;
    };
    std::vector<Kept> kept_;
    bool keeps(const VariantRecord& rec, const AlleleCandidate& c);
    static Kept sample_part(const VariantRecord& rec, std::size_t alt_index);
    void materialize();

    bool take_listing_slot(const AlleleFinding& f, bool kb_gene);
    void count_past_limit(const AlleleFinding& f, bool kb_gene);
    void trim_other_gene_vus();
    static void infer_protein_change_from_matches(AlleleFinding& f);
    Allele prepare_allele(const VariantRecord& rec, const std::string& alt);
    std::string check_input_protein_change(const VariantRecord& rec, const Transcript& tx, Consequence& csq,
                                           std::string& source);
    std::string merge_annotations(const VariantRecord& rec, const std::string& alt, const Transcript& tx,
                                  AlleleFinding& f);
    std::string use_annotation(const VariantRecord& rec, const std::string& tag, const AnnotatedConsequence& ac,
                               const AnnotatedTerms& terms, AlleleFinding& f);
    void class_from_protein_change(AlleleFinding& f, const GeneRows& rows) const;
};

}  // namespace rvanno
