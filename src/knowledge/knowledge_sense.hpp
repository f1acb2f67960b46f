// Knowledge rows checked for sense, not only syntax (issue 11): every text cell is bounded and
// valid UTF-8, c. positions stay within the gene's length, genomic alleles lie in the gene.
// Private to src/knowledge; each check throws std::invalid_argument with a message fit for
// "file:line: <message>", so `db check` lists it and loading refuses the row with it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rvanno/knowledge.hpp"
#include "rvanno/transcript.hpp"

namespace rvanno::detail {

// Longest knowledge-table cell any parser reads (the longest curated note is under 2 kB).
inline constexpr std::size_t kMaxKnowledgeCell = 8192;
// How far outside its gene's transcript span a genomic allele may lie (promoter variants).
inline constexpr std::int64_t kGenomicAlleleMargin = 5000;

struct GeneSpan {
    std::string contig;
    std::int64_t begin{}, end{};  // 0-based half-open, the transcript's exons
};
struct GeneSpanKeyHash {
    std::size_t operator()(const std::pair<GenomeBuild, std::string>& k) const noexcept {
        return std::hash<std::string>{}(k.second) ^ static_cast<std::size_t>(k.first);
    }
};
// Hashed: looked up for every row and genomic allele of the knowledge base.
using GeneSpans = std::unordered_map<std::pair<GenomeBuild, std::string>, GeneSpan, GeneSpanKeyHash>;

// The span of every gene's transcript in one build's table.
void add_gene_spans(GenomeBuild build, const std::vector<Transcript>& table, GeneSpans& spans);

// Every cell at most kMaxKnowledgeCell bytes and valid UTF-8 (cells[i] is column header[i]).
void check_cells(const std::vector<std::string>& header, const std::vector<std::string>& cells);

// c. positions (hgvs_c alteration and listed alleles) no farther than the gene's longest
// transcript span; genomic alleles on the gene's contig within its span ± kGenomicAlleleMargin.
// A gene without a transcript is not checked here (check_transcripts reports it).
void check_sense(const KnowledgeEntry& e, const GeneSpans& spans);

}  // namespace rvanno::detail
