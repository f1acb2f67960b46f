// Stage 2, knowledge/: the row index (rules of what is a candidate: knowledge/row_index.hpp).
#include "knowledge/row_index.hpp"

#include <algorithm>
#include <cctype>

#include <set>
#include <unordered_map>

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

GeneRows::GeneRows(const KnowledgeRows& entries, std::vector<std::uint32_t> gene_rows) : rows(std::move(gene_rows)) {
    for (std::uint32_t i = 0; i < rows.size(); ++i) {
        const KnowledgeEntry& e = entries[rows[i]];
        if (!e.requires_all.empty()) continue;  // compound: match_allele skips it
        for (const auto& g : e.alleles) by_pos.emplace_back(g.pos, i);
        const auto& restrictions = e.civic().restrictions;  // exon_skipping=N replaces the route
        if (std::any_of(restrictions.begin(), restrictions.end(),
                        [](const MatchRestrict& r) { return r.kind == MatchRestrict::Kind::exon_skipping; }))
            always.push_back(i);
        switch (e.kind) {
            case AlterationKind::hgvs_c:
                by_c.emplace_back(e.hgvs_c, i);
                break;
            case AlterationKind::hgvs_p:
                by_p.emplace_back(e.protein_change, i);
                for (const auto& h : e.hgvs_c_alleles) by_listed_c.emplace_back(h, i);
                by_residue.emplace_back(first_residue(e.protein_change).first, i);
                break;
            case AlterationKind::codon:
                by_residue.emplace_back(e.codon, i);
                break;
            case AlterationKind::range:
                ranges.push_back(i);
                break;
            case AlterationKind::lof:
                lof.push_back(i);
                break;
            case AlterationKind::missense:
                missense.push_back(i);
                break;
            default:  // copy number, fusion: never by a small variant's route (genomic alleles aside)
                break;
        }
    }
    // A row may be listed twice under one key (two alleles at one position): candidates() dedups.
    std::sort(by_pos.begin(), by_pos.end());
    std::sort(by_c.begin(), by_c.end());
    std::sort(by_listed_c.begin(), by_listed_c.end());
    std::sort(by_p.begin(), by_p.end());
    std::sort(by_residue.begin(), by_residue.end());
}

void GeneRows::candidates(const Allele& a, const Consequence& c, std::vector<std::uint32_t>& out) const {
    out.clear();
    append(by_pos, a.pos, out);
    append(by_c, std::string_view(c.hgvs_c), out);
    append(by_listed_c, std::string_view(c.hgvs_c), out);
    if (!c.protein_change.empty()) append(by_p, std::string_view(c.protein_change), out);
    if (c.codon) {
        append(by_residue, *c.codon, out);
        out.insert(out.end(), ranges.begin(), ranges.end());
    }
    if (c.loss_of_function) out.insert(out.end(), lof.begin(), lof.end());
    if (has_term(c, "missense_variant")) out.insert(out.end(), missense.begin(), missense.end());
    out.insert(out.end(), always.begin(), always.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::vector<std::uint32_t> GeneRows::hgvs_p_rows_listing(const std::string& hgvs_c) const {
    std::vector<std::uint32_t> out;
    append(by_listed_c, std::string_view(hgvs_c), out);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::uint32_t> RowIndex::rows_of(std::string_view g, std::initializer_list<AlterationKind> kinds) const {
    std::vector<std::uint32_t> out;
    if (const GeneRows* rows = gene(g))
        for (const auto r : rows->rows)
            if (std::find(kinds.begin(), kinds.end(), facts[r].kind) != kinds.end()) out.push_back(r);
    return out;
}

std::shared_ptr<const RowIndex> build_row_index(const KnowledgeRows& entries) {
    auto index = std::make_shared<RowIndex>();
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_gene;  // hashed: 100k rows
    std::set<std::string> drivers;
    index->facts.reserve(entries.size());
    for (std::uint32_t i = 0; i < entries.size(); ++i) {
        const KnowledgeEntry& e = entries[i];
        index->facts.push_back({e.kind, e.effect, e.mechanism == "on_target", !e.requires_all.empty()});
        by_gene[e.gene].push_back(i);
        if (!e.requires_all.empty()) index->compound.push_back(i);
        drivers.insert(e.required_drivers.begin(), e.required_drivers.end());
    }
    for (auto& [gene, rows] : by_gene) index->genes.emplace(std::string(gene), GeneRows(entries, std::move(rows)));
    index->drivers.assign(drivers.begin(), drivers.end());
    return index;
}

const RowIndex& row_index(const KnowledgeRows& entries) {
    const auto& kept = entries.kept_index();
    if (!kept || kept->facts.size() != entries.size()) entries.keep_index(build_row_index(entries));
    return *static_cast<const RowIndex*>(entries.kept_index().get());
}

}  // namespace rvanno
