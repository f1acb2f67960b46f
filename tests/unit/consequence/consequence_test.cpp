// consequence_of() against known answers: real transcript models (db/transcripts.*.tsv, or the
// RefSeq BED12 rows quoted below) with the coordinates settled in shared/knowledge/CHECKS.md,
// real GRCh37 sequence slices from shared/data for HGVS p., and a small synthetic gene whose
// answers are worked out by hand in the comments.
#include "consequence/consequence.hpp"
#include "base/protein_notation.hpp"
#include "base/strings.hpp"
#include "consequence/normalize.hpp"
#include "consequence/transcript_maps.hpp"
#include "knowledge/transcript_table.hpp"
#include "rvanno/consequence.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rvanno/transcript.hpp"

namespace fs = std::filesystem;
using rvanno::Allele;
using rvanno::Consequence;
using rvanno::Transcript;

namespace {

using Terms = std::vector<std::string>;

// ---- real transcript models -------------------------------------------------------------

std::optional<Transcript> table_transcript(const std::string& build, const std::string& gene) {
    const fs::path path = fs::path(RVANNO_DB) / ("transcripts." + build + ".tsv");
    if (!fs::exists(path)) return std::nullopt;
    for (auto& tx : rvanno::read_transcript_table(path))
        if (tx.gene == gene) return tx;
    return std::nullopt;
}

std::vector<std::int64_t> numbers(const std::string& csv) {
    std::vector<std::int64_t> out;
    std::stringstream in(csv);
    for (std::string f; std::getline(in, f, ',');) out.push_back(std::stoll(f));
    return out;
}

// A transcript from a UCSC BED12 row (0-based; blocks relative to chromStart).
Transcript from_bed12(std::string gene, std::string accession, std::string contig, char strand, std::int64_t start,
                      std::int64_t end, std::int64_t thick_start, std::int64_t thick_end, const std::string& sizes,
                      const std::string& starts) {
    Transcript tx;
    tx.gene = std::move(gene), tx.accession = std::move(accession), tx.contig = std::move(contig);
    tx.strand = strand;
    tx.tx_begin = start, tx.tx_end = end, tx.cds_begin = thick_start, tx.cds_end = thick_end;
    const auto s = numbers(sizes), b = numbers(starts);
    for (std::size_t i = 0; i < s.size(); ++i) tx.exons.push_back({start + b[i], start + b[i] + s[i]});
    return tx;
}

// RefSeq BED12 rows (GRCh38) from shared/data/transcripts/refseq_hg38_bed12, used when the
// generated tables are absent.
Transcript alk_grch38() {
    if (auto tx = table_transcript("GRCh38", "ALK")) return *tx;
    return from_bed12("ALK", "NM_004304", "2", '-', 29192773, 29921611, 29193223, 29920659,
                      "1149,91,135,102,93,98,130,65,91,187,105,153,99,183,145,132,151,163,129,95,"
                      "170,101,132,132,128,202,165,120,1619",
                      "0,3996,4768,14397,17012,21210,27932,29570,29743,30568,32687,34148,34800,"
                      "36110,39530,40791,46906,58331,82325,82628,104114,125530,127977,135576,"
                      "190958,339141,502076,524804,727219");
}

Transcript ptpn1_grch38() {
    if (auto tx = table_transcript("GRCh38", "PTPN1")) return *tx;
    return from_bed12("PTPN1", "NM_002827", "20", '+', 50510320, 50584762, 50510527, 50582715,
                      "270,91,101,99,138,210,162,224,196,2071",
                      "0,51042,54648,58059,64196,68099,68847,69382,70944,72371");
}

// CHECKS.md: the whole ALK transcript lifts to GRCh37 with a single offset of +222,866.
Transcript alk_grch37() {
    if (auto tx = table_transcript("GRCh37", "ALK")) return *tx;
    Transcript tx = alk_grch38();
    constexpr std::int64_t kLift = 222866;
    tx.tx_begin += kLift, tx.tx_end += kLift, tx.cds_begin += kLift, tx.cds_end += kLift;
    for (auto& e : tx.exons) e.begin += kLift, e.end += kLift;
    return tx;
}

// 1-based VCF position, as the sources quote it.
Allele vcf(const std::string& contig, std::int64_t pos1, std::string ref, std::string alt) {
    return {contig, pos1 - 1, std::move(ref), std::move(alt)};
}

Consequence must(const std::optional<Consequence>& c) {
    EXPECT_TRUE(c.has_value());
    return c.value_or(Consequence{});
}

// ---- reference sequence served from memory -----------------------------------------------

// One stretch of a contig at its genomic offset; nothing outside it (like a FASTA of a slice).
class SliceReference : public rvanno::ReferenceSequence {
public:
    SliceReference(std::string contig, std::int64_t begin, std::string seq)
        : contig_(std::move(contig)), begin_(begin), seq_(rvanno::upper(seq)) {}
    std::optional<std::string> fetch(const std::string& contig, std::int64_t begin, std::int64_t end) const override {
        const auto last = begin_ + static_cast<std::int64_t>(seq_.size());
        if (contig != contig_ || begin < begin_ || end > last || end < begin) return std::nullopt;
        return seq_.substr(static_cast<std::size_t>(begin - begin_), static_cast<std::size_t>(end - begin));
    }

private:
    std::string contig_;
    std::int64_t begin_;
    std::string seq_;
};

// A real GRCh37 slice from shared/data/reference_sequence/grch37/hg19.fa.csv
// (chrom,start,end,SEQUENCE; 1-based inclusive), served on the bare contig name.
std::optional<SliceReference> hg19_slice(const std::string& chrom, std::int64_t start1) {
    std::ifstream in(fs::path(RVANNO_SHARED_DATA) / "reference_sequence/grch37/hg19.fa.csv");
    const std::string key = "chr" + chrom + "," + std::to_string(start1) + ",";
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key, 0) == 0) return SliceReference(chrom, start1 - 1, line.substr(line.rfind(',') + 1));
    return std::nullopt;
}

// ---- the synthetic gene (invented sequence, not from any real genome) --------------------
//
// Transcript (75 nt) = 5'UTR GCCGCCACC (c.-9..c.-1)
//   + CDS ATG GCT GGA AAA AAA CCC GGG TTT CAG CAG CAG TGG GAC TAC CGT GAA TGA (c.1..c.51)
//          M1  A2  G3  K4  K5  P6  G7  F8  Q9 Q10 Q11 W12 D13 Y14 R15 E16 Ter17
//   + 3'UTR CTGGCATAAGCCAAT (c.*1..c.*15).
// Exons of 15, 30 and 30 nt (c.-9..c.6, c.7..c.36, c.37..c.*15) with introns of 20 nt
// (GTAAGAGCTCTCTCATGCAG) and 21 nt (GTGAGTACTCATCTGACCCAG), 10 nt flanks each side.
// Plus-strand contig "S" (136 nt): exon1 [10,25), intron1 [25,45), exon2 [45,75),
// intron2 [75,96), exon3 [96,126); c.1 = 19, c.N = 38+N in exon 2, 59+N in exon 3.
// Minus-strand contig "R" is the reverse complement: position p on "S" is 135-p on "R".
const std::string kUtr5 = "GCCGCCACC";
const std::string kCds = "ATGGCTGGAAAAAAACCCGGGTTTCAGCAGCAGTGGGACTACCGTGAATGA";
const std::string kUtr3 = "CTGGCATAAGCCAAT";

std::string synthetic_plus_contig() {
    const std::string tx = kUtr5 + kCds + kUtr3;
    return "ACGTACGTAC" + tx.substr(0, 15) + "GTAAGAGCTCTCTCATGCAG" + tx.substr(15, 30) + "GTGAGTACTCATCTGACCCAG" +
           tx.substr(45, 30) + "TTGGCCAATT";
}

std::string reverse_complement(const std::string& s) {
    std::string out(s.rbegin(), s.rend());
    for (char& b : out) b = b == 'A' ? 'T' : b == 'C' ? 'G' : b == 'G' ? 'C' : 'A';
    return out;
}

Transcript synthetic(std::string contig, char strand, std::int64_t cds_begin, std::int64_t cds_end,
                     std::vector<rvanno::Exon> exons) {
    Transcript tx;
    tx.gene = "SYN", tx.accession = "NM_SYN.1", tx.contig = std::move(contig);
    tx.strand = strand;
    tx.tx_begin = 10, tx.tx_end = 126, tx.cds_begin = cds_begin, tx.cds_end = cds_end;
    tx.exons = std::move(exons);
    return tx;
}

Transcript synthetic_plus() { return synthetic("S", '+', 19, 111, {{10, 25}, {45, 75}, {96, 126}}); }
Transcript synthetic_minus() { return synthetic("R", '-', 25, 117, {{10, 40}, {61, 91}, {111, 126}}); }

struct ConsequenceSynthetic : ::testing::Test {
    SliceReference plus_ref{"S", 0, synthetic_plus_contig()};
    SliceReference minus_ref{"R", 0, reverse_complement(synthetic_plus_contig())};
    Transcript plus = synthetic_plus();
    Transcript minus = synthetic_minus();
    Consequence on_plus(std::int64_t pos, std::string ref, std::string alt, bool with_ref = true) {
        return must(
            rvanno::consequence_of({"S", pos, std::move(ref), std::move(alt)}, plus, with_ref ? &plus_ref : nullptr));
    }
    Consequence on_minus(std::int64_t pos, std::string ref, std::string alt) {
        return must(rvanno::consequence_of({"R", pos, std::move(ref), std::move(alt)}, minus, &minus_ref));
    }
};

}  // namespace

// ---- real genes: c. numbering, exons and splice terms (CHECKS.md) -----------------------

// ALK G1202R is the canonical lorlatinib-resistance allele; its minus-strand c. must be exact.
TEST(ConsequenceAlk, g1202r_grch38_maps_to_c3604_exon23) {
    const Consequence c = must(rvanno::consequence_of(vcf("2", 29220747, "C", "T"), alk_grch38()));
    EXPECT_EQ(c.hgvs_c, "c.3604G>A");
    EXPECT_EQ(c.codon, 1202);
    EXPECT_EQ(c.exon, 23);
    EXPECT_EQ(c.intron, 0);
    EXPECT_EQ(c.exon_count, 29);
    EXPECT_EQ(c.terms, (Terms{"coding_sequence_variant"}));
    EXPECT_TRUE(c.protein_altering);
    EXPECT_FALSE(c.loss_of_function);
    EXPECT_EQ(c.hgvs_p, "");
}

// The other ALK resistance codons in CHECKS.md pin the numbering across several exons.
TEST(ConsequenceAlk, resistance_codons_grch38) {
    const Transcript alk = alk_grch38();
    // Alleles from CIViC (GRCh37, lifted by the constant offset): L1196M G>T, C1156Y C>T.
    EXPECT_EQ(must(rvanno::consequence_of(vcf("2", 29220765, "G", "T"), alk)).hgvs_c, "c.3586C>A");
    EXPECT_EQ(must(rvanno::consequence_of(vcf("2", 29222392, "C", "T"), alk)).hgvs_c, "c.3467G>A");
    // Positions only: the test allele's bases are placeholders, the c. number is the answer.
    const struct {
        std::int64_t pos;
        const char* c;
        int codon;
    } cases[] = {
        {29220765, "c.3586", 1196}, {29222392, "c.3467", 1156}, {29222347, "c.3512", 1171}, {29209816, "c.3806", 1269}};
    for (const auto& k : cases) {
        const Consequence c = must(rvanno::consequence_of(vcf("2", k.pos, "A", "G"), alk));
        EXPECT_EQ(c.hgvs_c.substr(0, c.hgvs_c.size() - 3), k.c) << k.pos;
        EXPECT_EQ(c.codon, k.codon) << k.pos;
    }
}

// A GRCh37 VCF must give the same c. as GRCh38 (CIViC's G1202R coordinate).
TEST(ConsequenceAlk, g1202r_grch37_maps_to_c3604) {
    const Consequence c = must(rvanno::consequence_of(vcf("2", 29443613, "C", "T"), alk_grch37()));
    EXPECT_EQ(c.hgvs_c, "c.3604G>A");
    EXPECT_EQ(c.codon, 1202);
}

// PTPN1 c.1088+1G>A is a loss-of-function donor change known only by its c. description.
TEST(ConsequencePtpn1, donor_plus1_is_loss_of_function) {
    const Consequence c = must(rvanno::consequence_of(vcf("20", 50579927, "G", "A"), ptpn1_grch38()));
    EXPECT_EQ(c.hgvs_c, "c.1088+1G>A");
    EXPECT_EQ(c.intron, 8);
    EXPECT_EQ(c.exon, 0);
    EXPECT_EQ(c.terms, (Terms{"splice_donor_variant"}));
    EXPECT_TRUE(c.loss_of_function);
    EXPECT_FALSE(c.codon.has_value());
    EXPECT_EQ(c.hgvs_p, "");
}

// The neighbours of the donor separate donor (+2), region (+3) and the last exonic base.
TEST(ConsequencePtpn1, neighbours_of_the_donor) {
    const Transcript tx = ptpn1_grch38();
    auto at = [&](std::int64_t pos1) {  // placeholder bases: the numbering is the answer
        return must(rvanno::consequence_of(vcf("20", pos1, "A", "C"), tx));
    };
    const Consequence plus2 = at(50579928), plus3 = at(50579929), last = at(50579926);
    EXPECT_EQ(plus2.hgvs_c, "c.1088+2A>C");
    EXPECT_EQ(plus2.terms, (Terms{"splice_donor_variant"}));
    EXPECT_EQ(plus3.hgvs_c, "c.1088+3A>C");
    EXPECT_EQ(plus3.terms, (Terms{"splice_region_variant", "intron_variant"}));
    EXPECT_FALSE(plus3.loss_of_function);
    EXPECT_EQ(last.hgvs_c, "c.1088A>C");
    EXPECT_EQ(last.exon, 8);
    EXPECT_EQ(last.codon, 363);
    EXPECT_EQ(last.terms, (Terms{"splice_region_variant", "coding_sequence_variant"}));
}

// Alleles on another contig or beyond the transcript ends have no consequence on it.
TEST(ConsequencePtpn1, outside_the_transcript_is_nullopt) {
    const Transcript tx = ptpn1_grch38();
    EXPECT_FALSE(rvanno::consequence_of(vcf("2", 50579927, "G", "A"), tx));
    EXPECT_FALSE(rvanno::consequence_of({"20", tx.tx_end, "A", "C"}, tx));
    EXPECT_FALSE(rvanno::consequence_of({"20", tx.tx_begin - 1, "A", "C"}, tx));
    EXPECT_TRUE(rvanno::consequence_of({"20", tx.tx_begin, "A", "C"}, tx));
    // A symbolic allele inside the gene is placed on it but not described.
    const auto sv = rvanno::consequence_of(vcf("20", 50579927, "G", "<DEL>"), tx);
    ASSERT_TRUE(sv);
    EXPECT_EQ(sv->hgvs_c, "");
    EXPECT_TRUE(sv->terms.empty());
}

// ---- real sequence: HGVS p. on GRCh37 slices ---------------------------------------------

// EGFR T790M (plus strand) needs real sequence for p.; the slice covers exons 20-28 only.
TEST(ConsequenceReal, egfr_t790m_grch37) {
    auto tx = table_transcript("GRCh37", "EGFR");
    auto ref = hg19_slice("7", 55244401);
    if (!tx || !ref) GTEST_SKIP() << "GRCh37 EGFR model or shared hg19 slice not available";
    const Consequence c = must(rvanno::consequence_of(vcf("7", 55249071, "C", "T"), *tx, &*ref));
    EXPECT_EQ(rvanno::ref_matches(vcf("7", 55249071, "C", "T"), *ref), true);
    EXPECT_EQ(c.hgvs_c, "c.2369C>T");
    EXPECT_EQ(c.hgvs_p, "p.Thr790Met");
    EXPECT_EQ(c.protein_change, "T790M");
    EXPECT_EQ(c.ref_aa, 'T');
    EXPECT_EQ(c.terms, (Terms{"missense_variant"}));
}

// EGFR L858R (shared/data spot check: T at chr7:55259515) lies in another exon of the slice.
TEST(ConsequenceReal, egfr_l858r_grch37) {
    auto tx = table_transcript("GRCh37", "EGFR");
    auto ref = hg19_slice("7", 55244401);
    if (!tx || !ref) GTEST_SKIP() << "GRCh37 EGFR model or shared hg19 slice not available";
    const Consequence c = must(rvanno::consequence_of(vcf("7", 55259515, "T", "G"), *tx, &*ref));
    EXPECT_EQ(c.hgvs_c, "c.2573T>G");
    EXPECT_EQ(c.hgvs_p, "p.Leu858Arg");
    EXPECT_EQ(c.protein_change, "L858R");
    EXPECT_EQ(c.exon, 21);
}

// BRAF V600K is a two-base change (GTG>AAG; CIViC variant 563, 7:140453136-140453137 AC>TT);
// written as one MNV it must stay one delins.
TEST(ConsequenceReal, braf_v600k_mnv_grch37) {
    auto tx = table_transcript("GRCh37", "BRAF");
    auto ref = hg19_slice("7", 140423000);
    if (!tx || !ref) GTEST_SKIP() << "GRCh37 BRAF model or shared hg19 slice not available";
    const Consequence c = must(rvanno::consequence_of(vcf("7", 140453136, "AC", "TT"), *tx, &*ref));
    EXPECT_EQ(rvanno::ref_matches(vcf("7", 140453136, "AC", "TT"), *ref), true);
    EXPECT_EQ(c.hgvs_c, "c.1798_1799delinsAA");
    EXPECT_EQ(c.hgvs_p, "p.Val600Lys");
    EXPECT_EQ(c.protein_change, "V600K");
    EXPECT_EQ(c.terms, (Terms{"missense_variant"}));
}

// BRAF V600E (minus strand) checks complementing and the codon frame on '-'.
TEST(ConsequenceReal, braf_v600e_grch37) {
    auto tx = table_transcript("GRCh37", "BRAF");
    auto ref = hg19_slice("7", 140423000);
    if (!tx || !ref) GTEST_SKIP() << "GRCh37 BRAF model or shared hg19 slice not available";
    const Consequence c = must(rvanno::consequence_of(vcf("7", 140453136, "A", "T"), *tx, &*ref));
    EXPECT_EQ(c.hgvs_c, "c.1799T>A");
    EXPECT_EQ(c.hgvs_p, "p.Val600Glu");
    EXPECT_EQ(c.protein_change, "V600E");
    EXPECT_EQ(c.codon, 600);
    EXPECT_EQ(c.exon, 15);
}

// ---- synthetic gene: numbering --------------------------------------------------------

// UTR numbering counts away from c.1 and from the stop's last base.
TEST_F(ConsequenceSynthetic, utr_numbering_counts_away_from_the_cds) {
    EXPECT_EQ(on_plus(10, "G", "A").hgvs_c, "c.-9G>A");
    EXPECT_EQ(on_plus(18, "C", "T").hgvs_c, "c.-1C>T");
    EXPECT_EQ(on_plus(10, "G", "A").terms, (Terms{"5_prime_UTR_variant"}));
    EXPECT_EQ(on_plus(111, "C", "T").hgvs_c, "c.*1C>T");
    EXPECT_EQ(on_plus(125, "T", "C").terms, (Terms{"3_prime_UTR_variant"}));
    EXPECT_EQ(on_plus(125, "T", "C").hgvs_c, "c.*15T>C");
}

// The intron midpoint rule: the upstream half (and the middle of an odd intron) takes '+'.
TEST_F(ConsequenceSynthetic, intron_midpoint_takes_plus_in_the_upstream_half) {
    EXPECT_EQ(on_plus(34, "C", "A").hgvs_c, "c.6+10C>A");   // intron 1 (20 nt), base 10
    EXPECT_EQ(on_plus(35, "T", "A").hgvs_c, "c.7-10T>A");   // base 11
    EXPECT_EQ(on_plus(85, "A", "G").hgvs_c, "c.36+11A>G");  // intron 2 (21 nt), middle base
    EXPECT_EQ(on_plus(86, "T", "G").hgvs_c, "c.37-10T>G");
    EXPECT_EQ(on_plus(85, "A", "G").intron, 2);
    EXPECT_EQ(on_plus(85, "A", "G").terms, (Terms{"intron_variant"}));
    // The same bases seen from the minus-strand copy of the gene.
    EXPECT_EQ(on_minus(135 - 34, "G", "T").hgvs_c, "c.6+10C>A");
    EXPECT_EQ(on_minus(135 - 86, "A", "C").hgvs_c, "c.37-10T>G");
}

// Introns inside the UTRs are numbered from the UTR bases: c.-N+k and c.*N-k.
TEST_F(ConsequenceSynthetic, intron_numbering_inside_utrs) {
    Transcript utrs = plus;  // the same exons with the CDS cut down to exon 2 (c.1 at 48)
    utrs.cds_begin = 48, utrs.cds_end = 72;
    auto at = [&](std::int64_t pos) { return must(rvanno::consequence_of({"S", pos, "A", "C"}, utrs)).hgvs_c; };
    EXPECT_EQ(at(25), "c.-4+1A>C");
    EXPECT_EQ(at(44), "c.-3-1A>C");
    EXPECT_EQ(at(75), "c.*3+1A>C");
    EXPECT_EQ(at(95), "c.*4-1A>C");
    EXPECT_EQ(must(rvanno::consequence_of({"S", 25, "G", "A"}, utrs)).terms, (Terms{"splice_donor_variant"}));
}

// Donor and acceptor dinucleotides are loss-of-function and get no protein prediction.
TEST_F(ConsequenceSynthetic, splice_sites_are_loss_of_function_without_protein) {
    const Consequence donor = on_plus(25, "G", "A"), acceptor = on_plus(44, "G", "A");
    EXPECT_EQ(donor.hgvs_c, "c.6+1G>A");
    EXPECT_EQ(donor.terms, (Terms{"splice_donor_variant"}));
    EXPECT_EQ(acceptor.hgvs_c, "c.7-1G>A");
    EXPECT_EQ(acceptor.terms, (Terms{"splice_acceptor_variant"}));
    EXPECT_TRUE(acceptor.loss_of_function);
    EXPECT_EQ(acceptor.hgvs_p, "");
    EXPECT_EQ(on_minus(135 - 25, "C", "T").terms, (Terms{"splice_donor_variant"}));
}

// ---- synthetic gene: protein effects, plus strand -----------------------------------------

// c.7G>A turns GGA (Gly3) into AGA (Arg); c.6 is an exonic splice-region base.
TEST_F(ConsequenceSynthetic, missense_and_exonic_splice_region) {
    const Consequence c = on_plus(45, "G", "A");
    EXPECT_EQ(c.hgvs_c, "c.7G>A");
    EXPECT_EQ(c.hgvs_p, "p.Gly3Arg");
    EXPECT_EQ(c.protein_change, "G3R");
    EXPECT_EQ(c.terms, (Terms{"missense_variant", "splice_region_variant"}));
    EXPECT_EQ(c.exon, 2);
    EXPECT_EQ(on_plus(24, "T", "C").terms,  // c.6T>C: GCT->GCC, still Ala2
              (Terms{"splice_region_variant", "synonymous_variant"}));
}

// Nonsense, synonymous, start loss and stop loss from single-base changes.
TEST_F(ConsequenceSynthetic, single_base_protein_classes) {
    const Consequence stop = on_plus(66, "C", "T");  // c.28C>T: CAG->TAG
    EXPECT_EQ(stop.hgvs_p, "p.Gln10Ter");
    EXPECT_EQ(stop.protein_change, "Q10*");
    EXPECT_EQ(stop.terms, (Terms{"stop_gained"}));
    EXPECT_TRUE(stop.loss_of_function);
    const Consequence same = on_plus(59, "G", "A");  // c.21G>A: GGG->GGA
    EXPECT_EQ(same.hgvs_p, "p.Gly7=");
    EXPECT_EQ(same.terms, (Terms{"synonymous_variant"}));
    EXPECT_FALSE(same.protein_altering);
    const Consequence start = on_plus(20, "T", "C");  // c.2T>C: ATG->ACG
    EXPECT_EQ(start.hgvs_p, "p.Met1?");
    EXPECT_EQ(start.terms, (Terms{"start_lost"}));
    EXPECT_TRUE(start.loss_of_function);
    // c.51A>G: TGA->TGG (Trp); reading on through CTG GCA TAA ends 3 codons later.
    const Consequence lost = on_plus(110, "A", "G");
    EXPECT_EQ(lost.hgvs_c, "c.51A>G");
    EXPECT_EQ(lost.hgvs_p, "p.Ter17TrpextTer3");
    EXPECT_EQ(lost.protein_change, "*17Wext*3");
    EXPECT_EQ(lost.terms, (Terms{"stop_lost"}));
}

// Without sequence only position-decidable facts are given: start loss, and a CDS change.
TEST_F(ConsequenceSynthetic, without_reference_only_position_facts) {
    const Consequence start = on_plus(20, "T", "C", false);
    EXPECT_EQ(start.terms, (Terms{"start_lost"}));
    EXPECT_TRUE(start.loss_of_function);
    const Consequence cds = on_plus(66, "C", "T", false);
    EXPECT_EQ(cds.terms, (Terms{"coding_sequence_variant"}));
    EXPECT_EQ(cds.codon, 10);
    EXPECT_EQ(cds.hgvs_p, "");
    EXPECT_TRUE(cds.protein_altering);
    // The A-run deletion (see below) unshifted: c.9del, a frameshift by length alone, in
    // the third base of exon 2 (splice region).
    const Consequence fs = on_plus(46, "GA", "G", false);
    EXPECT_EQ(fs.hgvs_c, "c.9del");
    EXPECT_EQ(fs.terms, (Terms{"frameshift_variant", "splice_region_variant"}));
    EXPECT_EQ(fs.codon, 3);
    EXPECT_TRUE(fs.loss_of_function);
}

// Without --fasta the record's own REF bases are still reference sequence: the 3' rule runs as
// far as they reach. CIViC's KIT D579del record (4:55593668 TGAT>T) read c.1734_1736del, not
// CIViC's c.1735_1737del, because the suffix was trimmed first; its row never matched.
TEST_F(ConsequenceSynthetic, without_reference_the_3prime_rule_runs_within_ref) {
    // The A run c.9..c.15 (S:47..53) followed by C: a REF that reaches the C gives the FASTA answer.
    EXPECT_EQ(on_plus(46, "GAAAAAAACC", "GAAAAAACC", false).hgvs_c, "c.15del");
    EXPECT_EQ(on_plus(46, "GAAAAAAACC", "GAAAAAACC", true).hgvs_c, "c.15del");
    // A shorter REF shifts only as far as it reaches (c.11), never beyond what the record shows.
    EXPECT_EQ(on_plus(46, "GAAA", "GAA", false).hgvs_c, "c.11del");
    // An insertion equal to the REF base before it is a duplication of that base.
    EXPECT_EQ(on_plus(46, "GA", "GAA", false).hgvs_c, "c.9dup");
}

// A MAF insertion has no padding base (REF '-'): without --fasta it is described as given, exactly
// as the same insertion written VCF-style; it was once dropped as "no consequence", so a MAF
// frameshift (Genome Nexus PTEN p.N292Kfs*6) vanished from the report without a word.
TEST_F(ConsequenceSynthetic, unanchored_insertion_is_described_without_reference) {
    const Consequence vcf = on_plus(46, "G", "GA", false);
    const Consequence maf = on_plus(47, "", "A", false);
    EXPECT_EQ(maf.hgvs_c, vcf.hgvs_c);
    EXPECT_EQ(maf.terms, vcf.terms);
    EXPECT_EQ(maf.codon, vcf.codon);
    EXPECT_TRUE(maf.loss_of_function) << "a 1-base insertion shifts the frame";
}

// A left-aligned deletion in the A run c.9..c.15 moves to c.15 (3' rule); the shifted frame
// reads AAC CCG ... with no stop before the transcript ends.
TEST_F(ConsequenceSynthetic, deletion_in_homopolymer_shifts_three_prime) {
    const Consequence c = on_plus(46, "GA", "G");
    EXPECT_EQ(c.hgvs_c, "c.15del");
    EXPECT_EQ(c.codon, 5);
    EXPECT_EQ(c.hgvs_p, "p.Lys5AsnfsTer?");
    EXPECT_EQ(c.protein_change, "K5Nfs*?");
    EXPECT_EQ(c.terms, (Terms{"frameshift_variant"}));
}

// One more T after TTT (c.22..c.24) is c.24dup; the new frame TCA GCA GCA GTG GGA CTA CCG TGA
// changes Gln9 to Ser and stops 8 residues on.
TEST_F(ConsequenceSynthetic, frameshift_counts_to_the_new_stop) {
    const Consequence c = on_plus(59, "G", "GT");
    EXPECT_EQ(c.hgvs_c, "c.24dup");
    EXPECT_EQ(c.hgvs_p, "p.Gln9SerfsTer8");
    EXPECT_EQ(c.protein_change, "Q9Sfs*8");
    EXPECT_EQ(c.codon, 9);
    EXPECT_TRUE(c.loss_of_function);
}

// In-frame changes of the CAG CAG CAG (Gln9-11) repeat are placed on the last copy.
TEST_F(ConsequenceSynthetic, in_frame_repeat_changes_use_the_last_copy) {
    const Consequence del = on_plus(62, "TCAG", "T");
    EXPECT_EQ(del.hgvs_c, "c.31_33del");
    EXPECT_EQ(del.hgvs_p, "p.Gln11del");
    EXPECT_EQ(del.protein_change, "Q11del");
    EXPECT_EQ(del.terms, (Terms{"inframe_deletion"}));
    const Consequence dup = on_plus(62, "T", "TCAG");
    EXPECT_EQ(dup.hgvs_c, "c.31_33dup");
    EXPECT_EQ(dup.hgvs_p, "p.Gln11dup");
    EXPECT_EQ(dup.protein_change, "Q11dup");
    EXPECT_EQ(dup.terms, (Terms{"inframe_insertion"}));
}

// TGG between CCC (Pro6) and GGG (Gly7) copies nothing: an insertion of Trp.
TEST_F(ConsequenceSynthetic, in_frame_insertion_deletion_and_delins) {
    const Consequence ins = on_plus(56, "C", "CTGG");
    EXPECT_EQ(ins.hgvs_c, "c.18_19insTGG");
    EXPECT_EQ(ins.hgvs_p, "p.Pro6_Gly7insTrp");
    EXPECT_EQ(ins.protein_change, "P6_G7insW");
    // TAA in the same place is an immediate stop: HGVS writes it as the nonsense p.Gly7Ter.
    const Consequence stop = on_plus(56, "C", "CTAA");
    EXPECT_EQ(stop.hgvs_c, "c.18_19insTAA");
    EXPECT_EQ(stop.hgvs_p, "p.Gly7Ter");
    EXPECT_EQ(stop.terms, (Terms{"stop_gained", "inframe_insertion"}));
    const Consequence mnv = on_plus(45, "GG", "CA");  // GGA -> CAA: Gly3Gln
    EXPECT_EQ(mnv.hgvs_c, "c.7_8delinsCA");
    EXPECT_EQ(mnv.hgvs_p, "p.Gly3Gln");
    // c.16_18del removes CCC (Pro6) whole.
    const Consequence del = on_plus(53, "ACCC", "A");
    EXPECT_EQ(del.hgvs_c, "c.16_18del");
    EXPECT_EQ(del.hgvs_p, "p.Pro6del");
    // c.14_19del (AACCCG) joins A|GG: AAA CCC GGG (Lys5 Pro6 Gly7) becomes AGG (Arg).
    const Consequence delins = on_plus(51, "AAACCCG", "A");
    EXPECT_EQ(delins.hgvs_c, "c.14_19del");
    EXPECT_EQ(delins.hgvs_p, "p.Lys5_Gly7delinsArg");
    EXPECT_EQ(delins.terms, (Terms{"inframe_deletion"}));
}

// A UTR deletion in GG (c.*3..c.*4) shifts to c.*4.
TEST_F(ConsequenceSynthetic, utr_deletion_shifts_three_prime) {
    const Consequence c = on_plus(112, "TG", "T");
    EXPECT_EQ(c.hgvs_c, "c.*4del");
    EXPECT_EQ(c.terms, (Terms{"3_prime_UTR_variant"}));
    EXPECT_FALSE(c.codon.has_value());
}

// ---- synthetic gene: minus strand ----------------------------------------------------------

// The same CDS on '-': alleles are complemented and VCF left-alignment is already 3'.
TEST_F(ConsequenceSynthetic, minus_strand_complements_and_keeps_vcf_left_alignment) {
    const Consequence snv = on_minus(90, "C", "T");  // c.7G>A
    EXPECT_EQ(snv.hgvs_c, "c.7G>A");
    EXPECT_EQ(snv.hgvs_p, "p.Gly3Arg");
    EXPECT_EQ(snv.exon, 2);
    const Consequence dup = on_minus(72, "G", "GA");  // one more T in TTT on the transcript
    EXPECT_EQ(dup.hgvs_c, "c.24dup");
    EXPECT_EQ(dup.hgvs_p, "p.Gln9SerfsTer8");
    const Consequence del = on_minus(63, "ACTG", "A");  // CTG = CAG on the transcript
    EXPECT_EQ(del.hgvs_c, "c.31_33del");
    EXPECT_EQ(del.hgvs_p, "p.Gln11del");
    // The same deletion written at the genomic right end of the repeat moves to c.31_33.
    EXPECT_EQ(on_minus(69, "GCTG", "G").hgvs_c, "c.31_33del");
    EXPECT_EQ(on_minus(115, "A", "G").hgvs_p, "p.Met1?");  // c.2T>C
}

// ---- notation ------------------------------------------------------------------------------

// The knowledge base compares protein changes in the 1-letter form; all spellings must meet.
TEST(ConsequenceNotation, one_letter_protein_change) {
    EXPECT_EQ(rvanno::to_one_letter_protein_change("p.Gly1202Arg"), "G1202R");
    EXPECT_EQ(rvanno::to_one_letter_protein_change("p.G1202R"), "G1202R");
    EXPECT_EQ(rvanno::to_one_letter_protein_change("G1202R"), "G1202R");
    EXPECT_EQ(rvanno::to_one_letter_protein_change("p.(Gly1202Arg)"), "G1202R");
    EXPECT_EQ(rvanno::to_one_letter_protein_change("p.Arg123Ter"), "R123*");
    EXPECT_EQ(rvanno::to_one_letter_protein_change("p.Thr1151dup"), "T1151dup");
    EXPECT_EQ(rvanno::to_one_letter_protein_change("p.Gly1201_Asp1203del"), "G1201_D1203del");
    EXPECT_EQ(rvanno::to_one_letter_protein_change("p.Thr1151_Leu1152insThr"), "T1151_L1152insT");
    EXPECT_EQ(rvanno::to_one_letter_protein_change("p.Gly1202_Asp1203delinsArg"), "G1202_D1203delinsR");
    EXPECT_EQ(rvanno::to_one_letter_protein_change("p.Gly1202ArgfsTer12"), "G1202Rfs*12");
    EXPECT_EQ(rvanno::to_one_letter_protein_change("p.Gly1202="), "G1202=");
    EXPECT_EQ(rvanno::to_one_letter_protein_change("c.3604G>A"), "");
    EXPECT_EQ(rvanno::to_one_letter_protein_change("G1202"), "");
    EXPECT_EQ(rvanno::to_one_letter_protein_change("amplification"), "");
    EXPECT_EQ(rvanno::to_one_letter_protein_change(""), "");
}

// ---- TranscriptMaps: one map per transcript, reused across alleles (issue 10) -------------

// A map kept across alleles gives what a map built per allele gives: the known ALK answers,
// then every transcript of the GRCh38 table on exonic, intronic, UTR and flanking positions of
// both strands, asked twice so the second answer comes from the cached map.
TEST(TranscriptMaps, cached_map_gives_the_per_allele_answers) {
    const std::vector<Transcript> one{alk_grch38()};
    rvanno::TranscriptMaps maps(one);
    const Consequence c = must(rvanno::consequence_of(vcf("2", 29220747, "C", "T"), maps.of(0)));
    EXPECT_EQ(c.hgvs_c, "c.3604G>A");
    EXPECT_EQ(c.codon, 1202);
    EXPECT_EQ(c.exon, 23);
    EXPECT_EQ(must(rvanno::consequence_of(vcf("2", 29220765, "G", "T"), maps.of(0))).hgvs_c, "c.3586C>A");
    EXPECT_EQ(&maps.of(0), &maps.of(0));

    const fs::path path = fs::path(RVANNO_DB) / "transcripts.GRCh38.tsv";
    if (!fs::exists(path)) GTEST_SKIP() << "no transcript table: " << path;
    const auto all = rvanno::read_transcript_table(path);
    rvanno::TranscriptMaps table(all);
    auto same = [](const std::optional<Consequence>& a, const std::optional<Consequence>& b) {
        if (a.has_value() != b.has_value()) return false;
        return !a || (a->hgvs_c == b->hgvs_c && a->terms == b->terms && a->exon == b->exon && a->intron == b->intron &&
                      a->codon == b->codon && a->protein_altering == b->protein_altering);
    };
    long compared = 0;
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t row = 0; row < all.size(); ++row) {
            const Transcript& tx = all[row];
            std::vector<std::int64_t> positions{tx.tx_begin - 3, tx.tx_begin,  tx.tx_end - 1,
                                                tx.tx_end + 2,   tx.cds_begin, tx.cds_end - 1};
            for (const auto& e : tx.exons) positions.insert(positions.end(), {e.begin, e.end - 1, e.end, e.end + 5});
            for (const auto pos : positions) {
                for (const auto& [ref, alt] : {std::pair{"A", "G"}, std::pair{"AC", "A"}, std::pair{"A", "ATT"}}) {
                    const Allele a{tx.contig, pos, ref, alt};
                    EXPECT_TRUE(same(rvanno::consequence_of(a, tx), rvanno::consequence_of(a, table.of(row))))
                        << tx.accession << " " << pos << " " << ref << ">" << alt;
                    ++compared;
                }
            }
        }
    EXPECT_GT(compared, 1000);
}
