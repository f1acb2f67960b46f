#include "knowledge/knowledge_sense.hpp"

#include <algorithm>
#include <stdexcept>

#include "base/hgvs_c_position.hpp"
#include "base/text_scan.hpp"

namespace rvanno::detail {
namespace {

[[noreturn]] void bad(const std::string& what) { throw std::invalid_argument(what); }

// A c. string's positions, each bounded by `span` (the gene's longest transcript span): a
// position can be no farther from the CDS than the whole gene is long, so a range never names
// more than about one gene's length and is never expanded without bound.
void check_c_bounds(const std::string& gene, const std::string& c, std::int64_t span) {
    std::size_t i = 2;
    auto a = parse_c_position(c, i);
    if (!a) return;  // not a position at all: the matcher never expands it
    std::optional<CPosition> b;
    if (i < c.size() && c[i] == '_') b = parse_c_position(c, ++i);
    for (const auto& p : {a, b}) {
        if (!p) continue;
        if (p->number > span || std::max(p->offset, -p->offset) > span)
            bad("hgvs_c '" + c + "' names a position beyond " + gene + " (its transcript spans " +
                std::to_string(span) + " bp)");
    }
    if (b && a->region == b->region && std::max(b->number - a->number, a->number - b->number) > span)
        bad("hgvs_c '" + c + "' is a range longer than " + gene + " (its transcript spans " + std::to_string(span) +
            " bp)");
}

}  // namespace

void add_gene_spans(GenomeBuild build, const std::vector<Transcript>& table, GeneSpans& spans) {
    for (const auto& tx : table) {
        auto [it, fresh] = spans.try_emplace({build, tx.gene}, GeneSpan{tx.contig, tx.tx_begin, tx.tx_end});
        if (!fresh && it->second.contig == tx.contig) {
            it->second.begin = std::min(it->second.begin, tx.tx_begin);
            it->second.end = std::max(it->second.end, tx.tx_end);
        }
    }
}

void check_cells(const std::vector<std::string>& header, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (cells[i].size() <= kMaxKnowledgeCell && is_valid_utf8(cells[i])) continue;  // named only on error
        const std::string column = i < header.size() ? header[i] : "column " + std::to_string(i + 1);
        if (cells[i].size() > kMaxKnowledgeCell)
            bad("cell '" + column + "' has " + std::to_string(cells[i].size()) + " bytes (at most " +
                std::to_string(kMaxKnowledgeCell) + ")");
        if (!is_valid_utf8(cells[i])) bad("cell '" + column + "' is not valid UTF-8");
    }
}

void check_sense(const KnowledgeEntry& e, const GeneSpans& spans) {
    std::int64_t span = 0;
    for (auto b : {GenomeBuild::GRCh38, GenomeBuild::GRCh37})
        if (auto it = spans.find({b, e.gene}); it != spans.end())
            span = std::max(span, it->second.end - it->second.begin);
    if (span > 0) {
        if (e.kind == AlterationKind::hgvs_c) check_c_bounds(e.gene, e.hgvs_c, span);
        for (const auto& c : e.hgvs_c_alleles) check_c_bounds(e.gene, c, span);
    }
    for (const auto& a : e.alleles) {
        auto it = spans.find({a.build, e.gene});
        if (it == spans.end()) continue;
        const GeneSpan& g = it->second;
        const std::int64_t last = a.pos + static_cast<std::int64_t>(a.ref.size());
        if (a.contig != g.contig || a.pos < g.begin - kGenomicAlleleMargin || last > g.end + kGenomicAlleleMargin)
            bad("genomic allele " + to_string(a.build) + ":" + a.contig + ":" + std::to_string(a.pos + 1) +
                " is not in " + e.gene + " (" + to_string(a.build) + " " + g.contig + ":" +
                std::to_string(g.begin + 1) + "-" + std::to_string(g.end) + ", +/- " +
                std::to_string(kGenomicAlleleMargin) + " bp)");
    }
}

}  // namespace rvanno::detail
