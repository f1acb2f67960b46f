#include "knowledge/transcript_index.hpp"

#include <algorithm>

namespace rvanno {

TranscriptIndex::TranscriptIndex(const std::vector<Transcript>& table) : table_(&table) {
    for (std::size_t i = 0; i < table.size(); ++i) {
        contigs_[table[i].contig].rows.push_back(i);
        genes_.emplace(table[i].gene, i);  // the first row wins
    }
    for (auto& [name, c] : contigs_) {
        std::stable_sort(c.rows.begin(), c.rows.end(),
                         [&](std::size_t a, std::size_t b) { return table[a].tx_begin < table[b].tx_begin; });
        std::int64_t reach = 0;
        for (std::size_t i : c.rows) {
            c.begins.push_back(table[i].tx_begin);
            reach = std::max(reach, table[i].tx_end);
            c.max_end.push_back(reach);
        }
    }
}

void TranscriptIndex::overlapping(const std::string& contig, std::int64_t begin, std::int64_t end,
                                  std::vector<std::size_t>& out) const {
    out.clear();
    auto it = contigs_.find(contig);
    if (it == contigs_.end()) return;
    const Contig& c = it->second;
    // Candidates start before `end` (for an empty interval, before the point: a transcript starting
    // at it has no base on its left).
    const auto n = static_cast<std::size_t>(std::lower_bound(c.begins.begin(), c.begins.end(), end) - c.begins.begin());
    // Walk back while some earlier transcript can still reach past `begin`.
    for (std::size_t k = n; k-- > 0 && c.max_end[k] > begin;) {
        const Transcript& t = (*table_)[c.rows[k]];
        if (t.tx_end > begin) out.push_back(c.rows[k]);
    }
    std::sort(out.begin(), out.end());
}

const Transcript* TranscriptIndex::gene(const std::string& gene) const {
    auto it = genes_.find(gene);
    return it == genes_.end() ? nullptr : &(*table_)[it->second];
}

TranscriptModel::TranscriptModel(std::vector<Transcript> all, const std::vector<std::string>& kb_genes)
    : all_(std::move(all)), kb_genes_(kb_genes.begin(), kb_genes.end()), index_(all_) {
    for (const auto& tx : all_)
        if (kb_genes_.count(tx.gene)) kb_.push_back(tx);
}

}  // namespace rvanno
