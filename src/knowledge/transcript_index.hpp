// Lookups into one build's transcript table without scanning it: the transcripts that overlap an
// interval (per contig, sorted by start, with the running maximum of the ends, so a query is a
// binary search plus the few transcripts that can still reach it) and a gene's transcript by
// name. The whole-genome table has ~1,000-18,000 rows (db/tools/README.md); every allele of a
// WGS file is looked up here.
#pragma once
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "rvanno/transcript.hpp"

namespace rvanno {

class TranscriptIndex {
public:
    // Keeps a pointer to `table`, which must outlive the index and not change.
    explicit TranscriptIndex(const std::vector<Transcript>& table);

    // Indices into the table (ascending, i.e. table order) of the transcripts on `contig` whose
    // span [tx_begin, tx_end) overlaps [begin, end), i.e. tx_begin < end and tx_end > begin (so an
    // empty interval, an insertion point, needs a transcript base on each side). `out` is cleared.
    void overlapping(const std::string& contig, std::int64_t begin, std::int64_t end,
                     std::vector<std::size_t>& out) const;
    // The first row of `gene`, or nullptr.
    const Transcript* gene(const std::string& gene) const;
    const std::vector<Transcript>& table() const { return *table_; }

private:
    struct Contig {
        std::vector<std::size_t> rows;      // table indices sorted by tx_begin
        std::vector<std::int64_t> begins;   // tx_begin of rows[i]
        std::vector<std::int64_t> max_end;  // max tx_end over rows[0..i]
    };
    const std::vector<Transcript>* table_;
    std::unordered_map<std::string, Contig> contigs_;
    std::unordered_map<std::string, std::size_t> genes_;
};

// One build's transcript model as a run uses it: every row of the table (the genes examined for
// small variants), the rows of the knowledge-base genes (db/genes.txt: copy number, fusions,
// hotspots and the gene table's fixed rows) and the index over all rows. Not copyable: the index
// points into `all`.
class TranscriptModel {
public:
    TranscriptModel(std::vector<Transcript> all, const std::vector<std::string>& kb_genes);
    TranscriptModel(const TranscriptModel&) = delete;
    TranscriptModel& operator=(const TranscriptModel&) = delete;

    const std::vector<Transcript>& all() const { return all_; }
    const std::vector<Transcript>& kb() const { return kb_; }
    const TranscriptIndex& index() const { return index_; }
    bool is_kb_gene(const std::string& gene) const { return kb_genes_.count(gene) > 0; }

private:
    std::vector<Transcript> all_, kb_;
    std::set<std::string> kb_genes_;
    TranscriptIndex index_;  // over all_; declared after it
};

}  // namespace rvanno
