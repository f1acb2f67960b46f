// The generated MANE Select tables (db/transcripts.GRCh3[78].tsv), read with the production
// reader and checked against known answers from ../shared/data and shared/knowledge/CHECKS.md.
#include "knowledge/transcript_table.hpp"
#include "rvanno/transcript.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using rvanno::Transcript;

namespace {

const fs::path kDb = RVANNO_DB;

std::map<std::string, Transcript> load(const std::string& build) {
    std::map<std::string, Transcript> out;
    for (auto& tx : rvanno::read_transcript_table(kDb / ("transcripts." + build + ".tsv"))) {
        std::string gene = tx.gene;
        EXPECT_TRUE(out.emplace(gene, std::move(tx)).second) << build << ": " << gene << " twice";
    }
    return out;
}

const std::map<std::string, Transcript>& grch38() {
    static const auto t = load("GRCh38");
    return t;
}
const std::map<std::string, Transcript>& grch37() {
    static const auto t = load("GRCh37");
    return t;
}

// The knowledge-base genes: db/genes.txt, then the CIViC layer's db/civic/genes_civic.txt.
std::vector<std::string> gene_list() {
    std::vector<std::string> genes;
    for (const auto& path : {kDb / "genes.txt", kDb / "civic" / "genes_civic.txt"}) {
        std::ifstream in(path);
        std::string line;
        while (std::getline(in, line)) {
            line = line.substr(0, line.find('#'));
            line.erase(std::remove_if(line.begin(), line.end(), ::isspace), line.end());
            if (!line.empty()) genes.push_back(line);
        }
    }
    return genes;
}

const Transcript& get(const std::map<std::string, Transcript>& t, const std::string& gene) {
    auto it = t.find(gene);
    if (it == t.end()) throw std::runtime_error("gene " + gene + " missing from table");
    return it->second;
}

// 0-based genomic positions of the CDS bases in transcript order (index 0 = c.1).
std::vector<std::int64_t> cds_positions(const Transcript& tx) {
    std::vector<std::int64_t> pos;
    for (const auto& e : tx.exons)
        for (auto p = std::max(e.begin, tx.cds_begin); p < std::min(e.end, tx.cds_end); ++p) pos.push_back(p);
    if (tx.strand == '-') std::reverse(pos.begin(), pos.end());
    return pos;
}

// 1-based genomic position of c.N.
std::int64_t c_to_g1(const Transcript& tx, std::int64_t c) {
    auto pos = cds_positions(tx);
    if (c < 1 || c > static_cast<std::int64_t>(pos.size())) throw std::out_of_range("c. out of CDS");
    return pos[static_cast<std::size_t>(c - 1)] + 1;
}

std::vector<std::int64_t> exon_lengths(const Transcript& tx) {
    std::vector<std::int64_t> l;
    for (const auto& e : tx.exons) l.push_back(e.end - e.begin);
    return l;
}

}  // namespace

// Why: every gene the knowledge base may name must have exactly one model per build, and both builds must describe the same transcript.
TEST(TranscriptTable, every_gene_once_per_build_with_same_accession) {
    auto genes = gene_list();
    // db/genes.txt (46 at the time the tables were generated; ESR1, AR added 2026-12) and the 164
    // genes of the CIViC layer (genes_civic.txt, strict models too; issue 9 part 2).
    ASSERT_EQ(genes.size(), 46u + 164u);
    // Issue 8: the other MANE Select genes whose model is verified by MANE's span (db/tools/README.md,
    // db/transcripts.report.md): 951 in GRCh38, of which 915 lift whole to GRCh37.
    EXPECT_EQ(grch38().size(), genes.size() + 951);
    EXPECT_EQ(grch37().size(), genes.size() + 915);
    for (const auto& [gene, b] : grch37()) EXPECT_EQ(grch38().count(gene), 1u) << gene << ": GRCh37 only";
    for (const auto& g : genes) {
        SCOPED_TRACE(g);
        ASSERT_EQ(grch38().count(g), 1u);
        ASSERT_EQ(grch37().count(g), 1u);
        const auto& a = get(grch38(), g);
        const auto& b = get(grch37(), g);
        EXPECT_EQ(a.accession, b.accession);
        EXPECT_EQ(a.protein, b.protein);
        EXPECT_EQ(a.contig, b.contig);
        EXPECT_EQ(a.strand, b.strand);
        EXPECT_EQ(a.accession.rfind("NM_", 0), 0u);
        EXPECT_NE(a.accession.find('.'), std::string::npos) << "accession must carry a version";
        EXPECT_EQ(a.contig.rfind("chr", 0), std::string::npos) << "contig must be bare";
    }
}

// Why: spot-check accessions and GRCh38 CDS spans against the MANE v1.0 table in SOURCES.md, so a wrong BED row or MANE row is caught.
TEST(TranscriptTable, grch38_matches_mane_ids_and_bed_cds_from_sources_md) {
    struct Known {
        const char* gene;
        const char* nm;
        const char* np;
        const char* contig;
        char strand;
        std::int64_t cds_b, cds_e;
        std::size_t exons;
    };
    const Known known[] = {
        {"ALK", "NM_004304.5", "NP_004295.2", "2", '-', 29193223, 29920659, 29},
        {"PTPN1", "NM_002827.4", "NP_002818.1", "20", '+', 50510527, 50582715, 10},
        {"EGFR", "NM_005228.5", "NP_005219.2", "7", '+', 55019277, 55205617, 28},
        {"KRAS", "NM_004985.5", "NP_004976.2", "12", '-', 25209794, 25245384, 5},
        {"NF1", "NM_001042492.3", "NP_001035957.1", "17", '+', 31095309, 31374155, 58},
        {"NTRK3", "NM_001012338.3", "NP_001012338.1", "15", '-', 87876934, 88256153, 20},
    };
    for (const auto& k : known) {
        SCOPED_TRACE(k.gene);
        const auto& tx = get(grch38(), k.gene);
        EXPECT_EQ(tx.accession, k.nm);
        EXPECT_EQ(tx.protein, k.np);
        EXPECT_EQ(tx.contig, k.contig);
        EXPECT_EQ(tx.strand, k.strand);
        EXPECT_EQ(tx.cds_begin, k.cds_b);
        EXPECT_EQ(tx.cds_end, k.cds_e);
        EXPECT_EQ(tx.exons.size(), k.exons);
    }
}

// Why: CHECKS.md says ALK is minus strand with 29 exons and the whole transcript lifts to GRCh37 with one offset, +222,866.
TEST(TranscriptTable, alk_grch37_is_grch38_plus_222866) {
    const auto& a = get(grch38(), "ALK");
    const auto& b = get(grch37(), "ALK");
    EXPECT_EQ(a.strand, '-');
    EXPECT_EQ(b.strand, '-');
    ASSERT_EQ(a.exons.size(), 29u);
    ASSERT_EQ(b.exons.size(), 29u);
    for (std::size_t i = 0; i < a.exons.size(); ++i) {
        EXPECT_EQ(b.exons[i].begin, a.exons[i].begin + 222866) << "exon " << i;
        EXPECT_EQ(b.exons[i].end, a.exons[i].end + 222866) << "exon " << i;
    }
    EXPECT_EQ(b.cds_begin, a.cds_begin + 222866);
    EXPECT_EQ(b.cds_end, a.cds_end + 222866);
    EXPECT_EQ(b.tx_begin, a.tx_begin + 222866);
    EXPECT_EQ(b.tx_end, a.tx_end + 222866);
}

// Why: ALK G1202R (c.3604) is the anchor fact: chr2:29220747 on GRCh38 and CIViC's 2:29443613 on GRCh37; 1,620 codons plus the stop.
TEST(TranscriptTable, alk_c3604_maps_to_checks_md_positions) {
    const auto& a = get(grch38(), "ALK");
    const auto& b = get(grch37(), "ALK");
    EXPECT_EQ(cds_positions(a).size(), 1621u * 3);
    EXPECT_EQ(c_to_g1(a, 3604), 29220747);
    EXPECT_EQ(c_to_g1(b, 3604), 29443613);
    // CHECKS.md: L1196M c.3586, C1156Y c.3467, I1171 c.3512, G1269A c.3806 (GRCh38).
    EXPECT_EQ(c_to_g1(a, 3586), 29220765);
    EXPECT_EQ(c_to_g1(a, 3467), 29222392);
    EXPECT_EQ(c_to_g1(a, 3512), 29222347);
    EXPECT_EQ(c_to_g1(a, 3806), 29209816);
}

// Why: CHECKS.md says PTPN1 is plus strand, 10 exons, 435 codons plus the stop; c.1088 ends coding exon 8 so c.1088+1 is 50579927 (GRCh38) / 49196464 (GRCh37).
TEST(TranscriptTable, ptpn1_exon8_donor) {
    for (const auto* t : {&grch38(), &grch37()}) {
        const auto& tx = get(*t, "PTPN1");
        const bool is38 = t == &grch38();
        SCOPED_TRACE(is38 ? "GRCh38" : "GRCh37");
        EXPECT_EQ(tx.strand, '+');
        ASSERT_EQ(tx.exons.size(), 10u);
        EXPECT_EQ(cds_positions(tx).size(), 436u * 3);
        // coding exons in transcript order (plus strand: genomic order)
        std::vector<rvanno::Exon> coding;
        for (const auto& e : tx.exons)
            if (e.end > tx.cds_begin && e.begin < tx.cds_end) coding.push_back(e);
        ASSERT_GE(coding.size(), 8u);
        const std::int64_t last_of_8 = c_to_g1(tx, 1088);  // 1-based
        EXPECT_EQ(last_of_8, coding[7].end);               // 0-based exclusive end == 1-based last base
        EXPECT_EQ(last_of_8 + 1, is38 ? 50579927 : 49196464);
        EXPECT_EQ(c_to_g1(tx, 1089), tx.exons[8].begin + 1);  // c.1089 starts the next exon
    }
}

// Why: a lift that gapped an exon or cut the CDS would silently shift every c. position; exon and CDS lengths must survive the lift and the CDS must be whole codons.
TEST(TranscriptTable, exon_and_cds_lengths_identical_across_builds) {
    for (const auto& [gene, a] : grch38()) {
        SCOPED_TRACE(gene);
        if (!grch37().count(gene)) continue;  // a bulk gene that does not lift whole (db/transcripts.report.md)
        const auto& b = get(grch37(), gene);
        EXPECT_EQ(exon_lengths(a), exon_lengths(b));
        const auto la = cds_positions(a).size();
        const auto lb = cds_positions(b).size();
        EXPECT_EQ(la, lb);
        EXPECT_GT(la, 0u);
        EXPECT_EQ(la % 3, 0u);
        EXPECT_TRUE(a.is_coding());
    }
}

// Why: CHECKS.md warns that CDKN2A, PTPN2 and STK11 differ by only 1 bp between builds, so a table written for the wrong build would pass a loose check.
TEST(TranscriptTable, one_bp_genes_differ_between_builds) {
    // GRCh38 CDS spans of the same accessions, from the MANE table in SOURCES.md (PTPN2 is not
    // listed there; its span is the hg38_RefSeq.bed thickStart/thickEnd of NM_002828).
    struct Known {
        const char* gene;
        std::int64_t cds_b, cds_e;
    };
    for (const Known k :
         {Known{"CDKN2A", 21968228, 21974827}, Known{"PTPN2", 12794277, 12884141}, Known{"STK11", 1206913, 1226647}}) {
        const char* gene = k.gene;
        SCOPED_TRACE(gene);
        const auto& a = get(grch38(), gene);
        const auto& b = get(grch37(), gene);
        EXPECT_EQ(a.cds_begin, k.cds_b);
        EXPECT_EQ(a.cds_end, k.cds_e);
        EXPECT_NE(a.cds_begin, b.cds_begin);
        EXPECT_NE(a.tx_begin, b.tx_begin);
        const auto shift = b.cds_begin - a.cds_begin;
        EXPECT_EQ(shift < 0 ? -shift : shift, 1) << "CHECKS.md: the builds differ by 1 bp here";
        ASSERT_EQ(a.exons.size(), b.exons.size());
        for (std::size_t i = 0; i < a.exons.size(); ++i) {
            EXPECT_EQ(b.exons[i].begin - a.exons[i].begin, shift);
            EXPECT_EQ(b.exons[i].end - a.exons[i].end, shift);
        }
    }
}

// Why: ROS1's MANE NM_001378902.1 is not in the BED12; the table carries NM_002944.2 (CIViC's numbering), and CIViC's G2032R c.6094 / L2026M c.6076 must land on CIViC's GRCh37 positions.
TEST(TranscriptTable, ros1_uses_nm_002944_2_numbering) {
    const auto& a = get(grch38(), "ROS1");
    const auto& b = get(grch37(), "ROS1");
    EXPECT_EQ(a.accession, "NM_002944.2");
    EXPECT_EQ(a.protein, "NP_002935.2");
    EXPECT_EQ(a.strand, '-');
    EXPECT_EQ(a.exons.size(), 43u);
    // SOURCES.md: NM_002944 CDS chr6:117288491-117425656 (0-based half-open), 43 exons.
    EXPECT_EQ(a.cds_begin, 117288491);
    EXPECT_EQ(a.cds_end, 117425656);
    EXPECT_EQ(c_to_g1(b, 6094), 117638347);  // CIViC G2032R NM_002944.2:c.6094G>A
    EXPECT_EQ(c_to_g1(b, 6076), 117638365);  // CIViC L2026M NM_002944.2:c.6076C>A
}
