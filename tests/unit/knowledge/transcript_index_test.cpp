// The transcript index (knowledge/transcript_index.hpp): every allele of a WGS file is looked up
// in it, so it must give exactly what the former linear scan over the table gave.
#include "knowledge/transcript_index.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "knowledge/transcript_table.hpp"

namespace fs = std::filesystem;
using rvanno::Transcript;
using rvanno::TranscriptIndex;
using rvanno::TranscriptModel;

namespace {

// The scan the annotator did before the index: overlap of [begin, end) with the span.
std::vector<std::size_t> scan(const std::vector<Transcript>& t, const std::string& contig, std::int64_t begin,
                              std::int64_t end) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < t.size(); ++i)
        if (t[i].contig == contig && !(end <= t[i].tx_begin || begin >= t[i].tx_end)) out.push_back(i);
    return out;
}

Transcript tx(const char* gene, const char* contig, std::int64_t b, std::int64_t e) {
    Transcript t;
    t.gene = gene;
    t.contig = contig;
    t.tx_begin = b;
    t.tx_end = e;
    t.exons = {{b, e}};
    return t;
}

}  // namespace

// Why: nested and overlapping genes (a long gene holding short ones, antisense pairs), interval
// ends, insertion points at a transcript's first base and after its last: the index must agree
// with the scan on every case, in table order.
TEST(TranscriptIndex, agrees_with_a_scan_on_nested_and_touching_spans) {
    const std::vector<Transcript> t = {tx("LONG", "1", 100, 10000), tx("A", "1", 200, 300),     tx("B", "1", 250, 400),
                                       tx("C", "1", 5000, 5001),    tx("D", "1", 20000, 20100), tx("E", "2", 100, 200)};
    const TranscriptIndex idx(t);
    std::vector<std::size_t> got;
    for (const std::string contig : {"1", "2", "3"})
        for (std::int64_t b = 0; b < 20200; b += 7)
            for (std::int64_t len : {0, 1, 3, 150}) {
                idx.overlapping(contig, b, b + len, got);
                ASSERT_EQ(got, scan(t, contig, b, b + len)) << contig << ":" << b << "+" << len;
            }
    for (std::int64_t p : {100, 200, 300, 400, 5000, 5001, 9999, 10000}) {  // boundaries, both kinds
        for (std::int64_t len : {0, 1}) {
            idx.overlapping("1", p, p + len, got);
            EXPECT_EQ(got, scan(t, "1", p, p + len)) << p << "+" << len;
        }
    }
    idx.overlapping("1", 100, 100, got);  // an insertion before the first base is outside
    EXPECT_TRUE(got.empty());
    ASSERT_NE(idx.gene("C"), nullptr);
    EXPECT_EQ(idx.gene("C")->tx_begin, 5000);
    EXPECT_EQ(idx.gene("NOPE"), nullptr);
}

// Why: the real whole-genome table (db/transcripts.GRCh38.tsv): random alleles anywhere on the
// primary chromosomes get the same transcripts from the index as from the scan.
TEST(TranscriptIndex, agrees_with_a_scan_on_the_bundled_table) {
    const auto table = rvanno::read_transcript_table(fs::path(RVANNO_DB) / "transcripts.GRCh38.tsv");
    ASSERT_GT(table.size(), 900u);
    const TranscriptModel model(table, {"ALK", "PTPN1"});
    EXPECT_EQ(model.kb().size(), 2u);
    EXPECT_TRUE(model.is_kb_gene("ALK"));
    EXPECT_FALSE(model.is_kb_gene("TP53"));
    std::mt19937_64 rng(8);
    std::vector<std::size_t> got;
    long hits = 0;
    for (int i = 0; i < 20000; ++i) {
        const auto& anchor = table[rng() % table.size()];  // near genes, so that many queries hit
        const std::int64_t b = anchor.tx_begin - 5000 + static_cast<std::int64_t>(rng() % 200000);
        const std::int64_t len = static_cast<std::int64_t>(rng() % 4);
        model.index().overlapping(anchor.contig, b, b + len, got);
        ASSERT_EQ(got, scan(table, anchor.contig, b, b + len)) << anchor.contig << ":" << b;
        hits += got.empty() ? 0 : 1;
    }
    EXPECT_GT(hits, 1000);
}
