// Names of the knowledge base's enumerations, and the fixed evidence-level -> AMP tier map
// documented in db/README.md.
#include "rvanno/knowledge.hpp"

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

std::vector<const KnowledgeEntry*> KnowledgeBase::entries_for_gene(const std::string& gene) const {
    std::vector<const KnowledgeEntry*> out;
    for (const auto& e : entries)
        if (e.gene == gene) out.push_back(&e);
    return out;
}

const Drug* KnowledgeBase::drug(const std::string& id) const {
    auto it = drugs.find(id);
    return it == drugs.end() ? nullptr : &it->second;
}

std::filesystem::path KnowledgeBase::transcripts_path(GenomeBuild b) const {
    return directory / ("transcripts." + to_string(b) + ".tsv");
}

}  // namespace rvanno
