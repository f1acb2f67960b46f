// Stage 3, match/: the row index of one gene (rules of what is a candidate: match/row_index.hpp).
#include "match/row_index.hpp"

#include <algorithm>
#include <cctype>

#include "match/matcher.hpp"
#include "match/restrict.hpp"

namespace rvanno {
namespace {

bool has_term(const Consequence& c, const char* term) {
    return std::find(c.terms.begin(), c.terms.end(), term) != c.terms.end();
}

template <class K>
void append(const std::vector<std::pair<K, std::uint32_t>>& keyed, const K& k, std::vector<std::uint32_t>& out) {
    auto it = std::lower_bound(keyed.begin(), keyed.end(), k, [](const auto& p, const K& x) { return p.first < x; });
    for (; it != keyed.end() && it->first == k; ++it) out.push_back(it->second);
}

}  // namespace

std::pair<int, char> first_residue(const std::string& change) {
    std::size_t i = 1;
    int n = 0;
    while (i < change.size() && change[i] >= '0' && change[i] <= '9' && n < 100000) n = n * 10 + (change[i++] - '0');
    const bool one =
        i + 1 == change.size() && (std::isupper(static_cast<unsigned char>(change[i])) || change[i] == '*');
    return {n, one ? change[i] : '\0'};
}

GeneRows::GeneRows(std::vector<const KnowledgeEntry*> rows) : rows_(std::move(rows)) {
    for (std::uint32_t i = 0; i < rows_.size(); ++i) {
        const KnowledgeEntry& e = *rows_[i];
        if (!e.requires_all.empty()) continue;  // compound: match_allele skips it
        for (const auto& g : e.alleles) by_pos_.emplace_back(g.pos, i);
        if (restriction_replaces_route(e)) always_.push_back(i);
        switch (e.kind) {
            case AlterationKind::hgvs_c:
                by_c_.emplace_back(e.hgvs_c, i);
                break;
            case AlterationKind::hgvs_p:
                by_p_.emplace_back(e.protein_change, i);
                for (const auto& h : e.hgvs_c_alleles) by_c_.emplace_back(h, i);
                by_residue_.emplace_back(first_residue(e.protein_change).first, i);
                break;
            case AlterationKind::codon:
                by_residue_.emplace_back(e.codon, i);
                break;
            case AlterationKind::range:
                ranges_.push_back(i);
                break;
            case AlterationKind::lof:
                lof_.push_back(i);
                break;
            case AlterationKind::missense:
                missense_.push_back(i);
                break;
            default:  // copy number, fusion: never by a small variant's route (genomic alleles aside)
                break;
        }
    }
    // A row may be listed twice under one key (two alleles at one position): candidates() dedups.
    std::sort(by_pos_.begin(), by_pos_.end());
    std::sort(by_c_.begin(), by_c_.end());
    std::sort(by_p_.begin(), by_p_.end());
    std::sort(by_residue_.begin(), by_residue_.end());
}

void GeneRows::candidates(const Allele& a, const Consequence& c, std::vector<std::uint32_t>& out) const {
    out.clear();
    append(by_pos_, a.pos, out);
    append(by_c_, std::string_view(c.hgvs_c), out);
    if (!c.protein_change.empty()) append(by_p_, std::string_view(c.protein_change), out);
    if (c.codon) {
        append(by_residue_, *c.codon, out);
        out.insert(out.end(), ranges_.begin(), ranges_.end());
    }
    if (c.loss_of_function) out.insert(out.end(), lof_.begin(), lof_.end());
    if (has_term(c, "missense_variant")) out.insert(out.end(), missense_.begin(), missense_.end());
    out.insert(out.end(), always_.begin(), always_.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::vector<std::uint32_t> GeneRows::hgvs_p_rows_listing(const std::string& hgvs_c) const {
    std::vector<std::uint32_t> found, out;
    append(by_c_, std::string_view(hgvs_c), found);
    for (const auto i : found)
        if (rows_[i]->kind == AlterationKind::hgvs_p && (out.empty() || out.back() != i)) out.push_back(i);
    return out;
}

std::vector<Match> match_allele(const Allele& allele, GenomeBuild build, const Consequence& csq, const GeneRows& rows) {
    std::vector<std::uint32_t> picked;
    rows.candidates(allele, csq, picked);
    std::vector<Match> out;
    for (const auto i : picked)
        if (auto m = match_entry(allele, build, csq, *rows.all()[i])) out.push_back(std::move(*m));
    return out;
}

}  // namespace rvanno
