// Names of the knowledge base's enumerations, and the fixed evidence-level -> AMP tier map
// documented in db/README.md.
#include "rvanno/knowledge.hpp"

#include <algorithm>
#include <stdexcept>

#include "base/strings.hpp"
#include "knowledge/row_index.hpp"

namespace rvanno {

std::string to_string(AlterationKind k) {
    switch (k) {
        case AlterationKind::genomic:
            return "genomic";
        case AlterationKind::hgvs_c:
            return "hgvs_c";
        case AlterationKind::hgvs_p:
            return "hgvs_p";
        case AlterationKind::codon:
            return "codon";
        case AlterationKind::range:
            return "range";
        case AlterationKind::lof:
            return "lof";
        case AlterationKind::missense:
            return "missense";
        case AlterationKind::amplification:
            return "amplification";
        case AlterationKind::deletion:
            return "deletion";
        case AlterationKind::loss:
            return "loss";
        case AlterationKind::fusion:
            return "fusion";
    }
    return "?";
}

std::string to_string(Effect e) {
    switch (e) {
        case Effect::resistance:
            return "resistance";
        case Effect::reduced_sensitivity:
            return "reduced_sensitivity";
        case Effect::sensitivity:
            return "sensitivity";
        case Effect::no_benefit:
            return "no_benefit";
        case Effect::no_resistance:
            return "no_resistance";
    }
    return "?";
}

std::string to_string(EntryStatus s) {
    switch (s) {
        case EntryStatus::verified:
            return "verified";
        case EntryStatus::unverified:
            return "unverified";
        case EntryStatus::civic:
            return "civic";
    }
    return "?";
}

std::string to_string(EvidenceLevel l) { return std::string(1, static_cast<char>('A' + static_cast<int>(l))); }

// Li et al. 2017 (PMID:27993330), mapped conservatively: AMP level B needs well-powered
// studies *with consensus*, which CIViC's "B: clinical evidence" (any primary patient data)
// does not promise, so B maps to level C; case reports (C) and preclinical data (D) are AMP
// level D; inferential evidence (E) is no more than Tier III.
std::string amp_tier(EvidenceLevel l) {
    switch (l) {
        case EvidenceLevel::A:
            return "Tier I-A";
        case EvidenceLevel::B:
            return "Tier II-C";
        case EvidenceLevel::C:
            return "Tier II-D";
        case EvidenceLevel::D:
            return "Tier II-D";
        case EvidenceLevel::E:
            return "Tier III";
    }
    return "?";
}

std::vector<const KnowledgeEntry*> KnowledgeBase::entries_for_gene(const std::string& gene,
                                                                   std::initializer_list<AlterationKind> kinds) const {
    std::vector<const KnowledgeEntry*> out;
    for (const auto r : row_index(entries).rows_of(gene, kinds)) out.push_back(&entries[r]);
    return out;
}

std::vector<const KnowledgeEntry*> KnowledgeBase::entries_for_gene(const std::string& gene) const {
    std::vector<const KnowledgeEntry*> out;
    if (const GeneRows* rows = row_index(entries).gene(gene))
        for (const auto r : rows->rows) out.push_back(&entries[r]);
    return out;
}

KnowledgeRows::KnowledgeRows(std::shared_ptr<const Source> stored, std::shared_ptr<const RowIndex> index)
    : stored_(std::move(stored)), made_(stored_->size()), index_(std::move(index)) {}

KnowledgeRows::~KnowledgeRows() = default;

std::vector<KnowledgeEntry>& KnowledgeRows::held() {
    if (stored_) throw std::logic_error("rows read from the knowledge index cannot be changed");
    index_.reset();
    return held_;
}

std::size_t KnowledgeRows::made() const {
    if (!stored_) return held_.size();
    return static_cast<std::size_t>(
        std::count_if(made_.begin(), made_.end(), [](const auto& p) { return p != nullptr; }));
}

void KnowledgeRows::make(std::size_t i) const { made_[i] = std::make_unique<KnowledgeEntry>(stored_->make(i)); }

const Drug* KnowledgeBase::drug(const std::string& id) const {
    auto it = drugs.find(id);
    return it == drugs.end() ? nullptr : &it->second;
}

std::string status_name(const KnowledgeEntry& e) {
    if (e.status == EntryStatus::civic) return "civic";
    return e.verified ? "verified" : "unverified";
}

std::string KnowledgeBase::layers() const {
    return "curated:" + std::to_string(curated_rows) + ";civic:" + std::to_string(civic_rows);
}

std::filesystem::path KnowledgeBase::transcripts_path(GenomeBuild b) const {
    return directory / ("transcripts." + to_string(b) + ".tsv");
}

// AMP's tumour-type adjustment (Li 2017): an approval or guideline (level A) counts as Tier I-A
// only in the tumour type it was shown in; in another tumour type it is Tier II, level C. Without
// a tumour type the row cannot be placed, so it is printed as Tier II-C and flagged; a row of
// disease `any` is Tier I-A everywhere. Codes are compared case-insensitively and exactly (no
// OncoTree hierarchy: a LUAD sample does not inherit an NSCLC approval).
std::string amp_tier(const KnowledgeEntry& e, const std::string& tumor_type) {
    if (e.level != EvidenceLevel::A) return amp_tier(e.level);
    auto has = [&](const std::string& code) {
        return std::any_of(e.diseases.begin(), e.diseases.end(),
                           [&](const std::string& d) { return lower(d) == lower(code); });
    };
    if (has("any")) return amp_tier(e.level);
    std::string where = join(e.diseases, ";");
    if (tumor_type.empty()) return "Tier II-C (tumour type unknown; Tier I-A only in " + where + ")";
    if (has(tumor_type)) return amp_tier(e.level);
    return "Tier II-C (level A in " + where + ", not in " + tumor_type + ")";
}

}  // namespace rvanno
