#include "consequence/fusion_build_check.hpp"

namespace rvanno {
namespace {

bool near(const Breakend& b, const std::string& gene, const TranscriptIndex& txs, bool& known) {
    const Transcript* t = txs.gene(gene);
    if (!t) return false;
    known = true;
    return b.contig == t->contig && b.pos >= t->tx_begin - kNamedGeneMargin && b.pos < t->tx_end + kNamedGeneMargin;
}

}  // namespace

NamedGeneFit fit_named_genes(const SvInput& input, const TranscriptIndex& chosen, const TranscriptIndex& other) {
    NamedGeneFit f;
    for (const auto& j : input.junctions)
        for (const auto& [b, gene] : {std::pair{&j.a, &j.gene_a}, std::pair{&j.b, &j.gene_b}}) {
            if (gene->empty()) continue;
            bool known = false;
            const bool in_chosen = near(*b, *gene, chosen, known);
            if (!known) continue;
            ++f.checked;
            bool unused = false;
            f.fit_chosen += in_chosen ? 1 : 0;
            f.fit_other += near(*b, *gene, other, unused) ? 1 : 0;
            if (!in_chosen && f.example.empty())
                f.example = *gene + " at " + b->contig_name + ":" + std::to_string(b->pos + 1);
        }
    return f;
}

bool suggests_other_build(const NamedGeneFit& f) { return f.fit_chosen < f.checked && f.fit_other > f.fit_chosen; }

}  // namespace rvanno
