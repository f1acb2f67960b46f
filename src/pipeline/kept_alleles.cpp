// SmallVariantAnnotator, second half: which alleles a sample keeps and which it only counts
// (rules: pipeline/allele_keeping.hpp), and the kept ones as findings at finish().
#include <memory>

#include "match/carried.hpp"
#include "pipeline/small_variants.hpp"

namespace rvanno {

// What is kept and what is only counted (pipeline/allele_keeping.hpp), for the sample whose
// FORMAT values `rec` holds.
bool SmallVariantAnnotator::keeps(const VariantRecord& rec, const AlleleCandidate& c) {
    const AlleleFinding& f = c.finding;
    if (!is_carried(rec.genotype, rec.vaf[c.alt_index])) {
        ++unlisted_.not_carried;
        return false;
    }
    if (f.matches.empty()) {
        if (!c.kb_gene && !f.no_knowledge()) {
            ++unlisted_.by_gene[f.csq.gene];
            return false;
        }
        if (!take_listing_slot(f, c.kb_gene) && !rows_->keeper.needed(c.allele, f)) {
            count_past_limit(f, c.kb_gene);
            return false;
        }
    }
    return true;
}

SmallVariantAnnotator::Kept SmallVariantAnnotator::sample_part(const VariantRecord& rec, std::size_t alt_index) {
    return {nullptr, rec.genotype, rec.phase_set, rec.vaf[alt_index], rec.depth};
}

void SmallVariantAnnotator::take(const VariantRecord& rec, AlleleCandidate&& c) {
    if (!keeps(rec, c)) return;
    Kept k = sample_part(rec, c.alt_index);
    k.candidate = std::make_shared<AlleleCandidate>(std::move(c));
    kept_.push_back(std::move(k));
}

void SmallVariantAnnotator::take(const VariantRecord& rec, const std::shared_ptr<AlleleCandidate>& c) {
    if (!keeps(rec, *c)) return;
    Kept k = sample_part(rec, c->alt_index);
    k.candidate = c;
    kept_.push_back(std::move(k));
}

// The kept alleles as findings of this sample (one sample at a time: a cohort's samples share
// their candidates until here).
void SmallVariantAnnotator::materialize() {
    findings_.reserve(kept_.size());
    alleles_.reserve(kept_.size());
    for (auto& k : kept_) {
        // The last holder of a candidate takes it; a candidate other samples still hold is copied.
        const bool last = k.candidate.use_count() == 1;
        AlleleFinding f = last ? std::move(k.candidate->finding) : k.candidate->finding;
        f.genotype = std::move(k.genotype);
        f.phase_set = k.phase_set;
        f.vaf = k.vaf;
        f.depth = k.depth;
        findings_.push_back(std::move(f));
        alleles_.push_back(last ? std::move(k.candidate->allele) : k.candidate->allele);
        k.candidate.reset();
    }
    kept_.clear();
    kept_.shrink_to_fit();
}

// A list slot for an allele without a match: VUS of knowledge-base genes, VUS of other genes
// (trimmed in finish() so that both VUS groups together hold at most the limit), unmatched
// alleles of knowledge-base genes.
bool SmallVariantAnnotator::take_listing_slot(const AlleleFinding& f, bool kb_gene) {
    long& n = listed_[f.no_knowledge() ? (kb_gene ? 0 : 1) : 2];
    if (unlisted_.limit > 0 && n >= unlisted_.limit) return false;
    ++n;
    return true;
}

void SmallVariantAnnotator::count_past_limit(const AlleleFinding& f, bool kb_gene) {
    auto& g = unlisted_.past_limit_by_gene[f.csq.gene];
    ++g.alleles;
    (kb_gene ? unlisted_.past_limit_kb_genes : unlisted_.past_limit_other_genes) += 1;
    if (f.no_knowledge()) {
        ++g.no_knowledge;
        ++unlisted_.past_limit_no_knowledge;
    } else {
        ++unlisted_.past_limit_unmatched;
    }
    if (f.csq.codon && f.csq.protein_change.empty()) ++unlisted_.past_limit_coding_without_protein_change;
}

// VUS of knowledge-base genes come first: the other genes' VUS give up their slots from the end.
void SmallVariantAnnotator::trim_other_gene_vus() {
    if (unlisted_.limit <= 0) return;
    long excess = listed_[0] + listed_[1] - unlisted_.limit;
    if (excess <= 0) return;
    std::vector<bool> drop(findings_.size(), false);
    for (std::size_t i = findings_.size(); i-- > 0 && excess > 0;) {
        const auto& f = findings_[i];
        if (!f.no_knowledge() || model_.is_kb_gene(f.csq.gene) || rows_->keeper.needed(alleles_[i], f)) continue;
        count_past_limit(f, false);
        drop[i] = true;
        --excess;
        --listed_[1];
    }
    std::size_t w = 0;
    for (std::size_t i = 0; i < findings_.size(); ++i)
        if (!drop[i]) {
            if (w != i) {
                findings_[w] = std::move(findings_[i]);
                alleles_[w] = std::move(alleles_[i]);
            }
            ++w;
        }
    findings_.resize(w);
    alleles_.resize(w);
}

}  // namespace rvanno
