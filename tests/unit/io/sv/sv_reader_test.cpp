// read_structural_variants(): breakend ALT notation, VCF/BCF pairing, fusion tables and the
// errors for malformed input, on rvanno's own samples (testdata/sv/) and real caller output
// (../shared/data/formats/, read in place).
#include "io/sv/breakend.hpp"
#include "io/sv/reader.hpp"
#include "rvanno/error.hpp"
#include "rvanno/fusion.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using rvanno::InputError;
using rvanno::Junction;
using rvanno::SvInput;

namespace {

const fs::path kSv = fs::path(RVANNO_TESTDATA) / "sv";
const fs::path kFormats = fs::path(RVANNO_SHARED_DATA) / "formats";

SvInput read(const fs::path& p) { return rvanno::read_structural_variants(p); }

// The where() of the InputError reading `p` with --strict throws (a malformed data row is then
// an error, not a skipped line), or "" if it reads.
std::string error_where(const fs::path& p) {
    try {
        rvanno::read_structural_variants(p, {"", true});
    } catch (const InputError& e) { return e.where(); }
    return "";
}

void expect_breakend(const rvanno::Breakend& b, const std::string& contig, std::int64_t pos, bool keeps_left) {
    EXPECT_EQ(b.contig, contig);
    EXPECT_EQ(b.pos, pos);
    EXPECT_EQ(b.keeps_left, keeps_left);
}

}  // namespace

// t[p[: this base keeps its left; the mate's piece extends right of p (VCF 4.x 5.4).
TEST(BreakendAlt, t_bracket_open_right_keeps_left_and_mate_keeps_right) {
    auto b = rvanno::sv::parse_breakend_alt("G[chr2:100[", "x");
    ASSERT_TRUE(b);
    EXPECT_TRUE(b->keeps_left);
    EXPECT_FALSE(b->mate_keeps_left);
    EXPECT_EQ(b->mate_contig, "chr2");
    EXPECT_EQ(b->mate_pos, 99);
}

// t]p]: this base keeps its left; the reverse complement of the piece left of p follows.
TEST(BreakendAlt, t_bracket_close_keeps_left_and_mate_keeps_left) {
    auto b = rvanno::sv::parse_breakend_alt("G]chr2:100]", "x");
    ASSERT_TRUE(b);
    EXPECT_TRUE(b->keeps_left);
    EXPECT_TRUE(b->mate_keeps_left);
}

// ]p]t: the piece left of p comes before this base, which keeps its right.
TEST(BreakendAlt, close_bracket_t_keeps_right_and_mate_keeps_left) {
    auto b = rvanno::sv::parse_breakend_alt("]chr2:100]G", "x");
    ASSERT_TRUE(b);
    EXPECT_FALSE(b->keeps_left);
    EXPECT_TRUE(b->mate_keeps_left);
}

// [p[t: the reverse complement of the piece right of p comes before this base.
TEST(BreakendAlt, open_bracket_t_keeps_right_and_mate_keeps_right) {
    auto b = rvanno::sv::parse_breakend_alt("[chr2:100[G", "x");
    ASSERT_TRUE(b);
    EXPECT_FALSE(b->keeps_left);
    EXPECT_FALSE(b->mate_keeps_left);
}

// Inserted bases travel with t and do not move the breakend (bcftools norm.breakend.1.vcf).
TEST(BreakendAlt, inserted_sequence_stays_with_t) {
    auto b = rvanno::sv::parse_breakend_alt("CAGTNNNNNCA[chrA:321[", "x");
    ASSERT_TRUE(b);
    EXPECT_TRUE(b->keeps_left);
    EXPECT_FALSE(b->mate_keeps_left);
    EXPECT_EQ(b->mate_contig, "chrA");
    EXPECT_EQ(b->mate_pos, 320);
}

// Mixed brackets, a missing position or bases on both sides are errors, not guesses.
TEST(BreakendAlt, malformed_forms_throw_with_the_location) {
    for (const char* alt : {"G[chr2:100]", "G[chr2100[", "G[chr2:[", "G[chr2:100[T", "[chr2:100[", "G[chr2:0["}) {
        try {
            rvanno::sv::parse_breakend_alt(alt, "f.vcf: record 3");
            ADD_FAILURE() << alt << " was accepted";
        } catch (const InputError& e) { EXPECT_EQ(e.where(), "f.vcf: record 3") << alt; }
    }
    EXPECT_FALSE(rvanno::sv::parse_breakend_alt("<DEL>", "x"));
    EXPECT_TRUE(rvanno::sv::is_single_breakend("G."));
    EXPECT_TRUE(rvanno::sv::is_single_breakend(".NACGT"));
    EXPECT_FALSE(rvanno::sv::is_single_breakend("."));
}

// Alt/decoy/unplaced contigs are told apart from names nobody knows.
TEST(BreakendAlt, contig_classes) {
    using rvanno::sv::ContigClass;
    EXPECT_EQ(rvanno::sv::classify_contig("chr2"), ContigClass::primary);
    EXPECT_EQ(rvanno::sv::classify_contig("chr1_KI270706v1_random"), ContigClass::other_assembly_part);
    EXPECT_EQ(rvanno::sv::classify_contig("GL000192.1"), ContigClass::other_assembly_part);
    EXPECT_EQ(rvanno::sv::classify_contig("hs37d5"), ContigClass::other_assembly_part);
    EXPECT_EQ(rvanno::sv::classify_contig("chrQ"), ContigClass::unknown);
}

// A Manta MATEID pair is one junction; an unpaired BND and a single breakend are counted;
// a pair with one side on an unplaced contig is skipped.
TEST(SvVcf, manta_mateid_pair_is_one_junction) {
    auto in = read(kSv / "manta_eml4_alk.vcf");
    EXPECT_EQ(in.format, "vcf");
    ASSERT_EQ(in.junctions.size(), 1u);
    const Junction& j = in.junctions[0];
    expect_breakend(j.a, "2", 29224499, true);
    expect_breakend(j.b, "2", 42299999, true);
    EXPECT_EQ(j.a.contig_name, "chr2");
    EXPECT_EQ(j.kind, "BND");
    EXPECT_EQ(j.id, "MantaBND:1:0:1:0:0:0:0+MantaBND:1:0:1:0:0:0:1");
    EXPECT_EQ(j.filter, "PASS");
    EXPECT_EQ(in.unpaired_breakends, 2);
    EXPECT_EQ(in.skipped_nonprimary, 2);
    ASSERT_TRUE(in.build);
    EXPECT_EQ(*in.build, rvanno::GenomeBuild::GRCh38);
}

// INV3 names one junction (both sides keep left); a plain <INV> has both junctions.
TEST(SvVcf, inversion_records_give_their_junctions) {
    auto in = read(kSv / "inversion_eml4_alk.vcf");
    ASSERT_EQ(in.junctions.size(), 3u);
    expect_breakend(in.junctions[0].a, "2", 29224499, true);
    expect_breakend(in.junctions[0].b, "2", 42299999, true);
    EXPECT_EQ(in.junctions[0].kind, "INV");
    EXPECT_EQ(in.junctions[1].id, "PlainINV1/1");
    expect_breakend(in.junctions[1].a, "2", 29224499, true);
    EXPECT_EQ(in.junctions[2].id, "PlainINV1/2");
    expect_breakend(in.junctions[2].a, "2", 29224500, false);
    expect_breakend(in.junctions[2].b, "2", 42300000, false);
}

// GRIDSS's PARID joins the pair like MATEID; its single breakend is counted as unpaired.
TEST(SvVcf, gridss_parid_pairs_breakends) {
    auto in = read(kSv / "gridss_parid.vcf");
    ASSERT_EQ(in.junctions.size(), 1u);
    EXPECT_EQ(in.junctions[0].id, "gridss1_1o+gridss1_1h");
    EXPECT_EQ(in.junctions[0].source, (kSv / "gridss_parid.vcf").string() + ": records 1+3");
    EXPECT_EQ(in.junctions[0].split_reads, 7);
    EXPECT_EQ(in.junctions[0].spanning_reads, 5);
    EXPECT_EQ(in.unpaired_breakends, 1);
}

// Delly 0.7.7 writes one record per junction: 3 BND + 3 DEL + 3 INV (CT 3to3) + 3 DUP = 12;
// the 3 insertions describe no junction.
TEST(SvVcf, real_delly_vcf) {
    auto p = kFormats / "sv" / "test_delly.vcf";
    if (!fs::exists(p)) GTEST_SKIP() << "shared data absent: " << p;
    auto in = read(p);
    ASSERT_EQ(in.junctions.size(), 12u);
    EXPECT_EQ(in.unpaired_breakends, 0);
    EXPECT_EQ(in.skipped_other, 3);
    ASSERT_TRUE(in.build);
    EXPECT_EQ(*in.build, rvanno::GenomeBuild::GRCh37);
    // 21:42843749 ]15:80623247]C, CT=5to3: POS keeps its right, the mate its left.
    expect_breakend(in.junctions[0].a, "21", 42843748, false);
    expect_breakend(in.junctions[0].b, "15", 80623246, true);
    EXPECT_EQ(in.junctions[0].split_reads, 10);
    EXPECT_EQ(in.junctions[0].spanning_reads, 92);
    EXPECT_EQ(in.junctions[1].filter, "LowQual");
    // DEL00000578 4:66197402 END=66197751
    expect_breakend(in.junctions[3].a, "4", 66197401, true);
    expect_breakend(in.junctions[3].b, "4", 66197751, false);
    // INV00000050 CT=3to3 END=39870413: both sides keep left
    EXPECT_EQ(in.junctions[6].id, "INV00000050");
    expect_breakend(in.junctions[6].a, "21", 37828385, true);
    expect_breakend(in.junctions[6].b, "21", 39870412, true);
    // DUP00000000 6:29855953 END=29910754: first duplicated base after the last
    EXPECT_EQ(in.junctions[9].kind, "DUP");
    expect_breakend(in.junctions[9].a, "6", 29855953, false);
    expect_breakend(in.junctions[9].b, "6", 29910753, true);
}

// Delly 1.1.6 BCF (HTSlib binary path): one precise deletion on the toy contig 18.
TEST(SvVcf, real_delly_bcf) {
    auto p = kFormats / "sv" / "delly_sr.bcf";
    if (!fs::exists(p)) GTEST_SKIP() << "shared data absent: " << p;
    auto in = read(p);
    ASSERT_EQ(in.junctions.size(), 1u);
    EXPECT_EQ(in.junctions[0].kind, "DEL");
    expect_breakend(in.junctions[0].a, "18", 99999, true);
    expect_breakend(in.junctions[0].b, "18", 108002, false);
    EXPECT_EQ(in.junctions[0].split_reads, 7);
    EXPECT_EQ(in.junctions[0].spanning_reads, 9);
}

// bcftools' breakend pair with inserted sequence on declared non-human contigs: one junction.
TEST(SvVcf, real_bcftools_breakend_pair) {
    auto p = kFormats / "sv" / "norm.breakend.1.vcf";
    if (!fs::exists(p)) GTEST_SKIP() << "shared data absent: " << p;
    auto in = read(p);
    ASSERT_EQ(in.junctions.size(), 1u);
    expect_breakend(in.junctions[0].a, "chrA", 320, false);
    expect_breakend(in.junctions[0].b, "chrB", 122, true);
    EXPECT_EQ(in.junctions[0].id, "bnd_V+bnd_U");
    EXPECT_EQ(in.unpaired_breakends, 0);
}

// Arriba's test output: gene1 is the 5' partner; directions give the kept sides.
TEST(SvTables, real_arriba_fusions) {
    auto p = kFormats / "fusions" / "test_fusions.tsv";
    if (!fs::exists(p)) GTEST_SKIP() << "shared data absent: " << p;
    auto in = read(p);
    EXPECT_EQ(in.format, "arriba");
    ASSERT_EQ(in.junctions.size(), 1u);
    const Junction& j = in.junctions[0];
    EXPECT_EQ(j.gene_a, "BCR");
    EXPECT_EQ(j.gene_b, "ABL1");
    expect_breakend(j.a, "22", 23632599, true);
    expect_breakend(j.b, "9", 133729450, false);
    EXPECT_EQ(j.split_reads, 11);
    EXPECT_EQ(j.spanning_reads, 0);
    EXPECT_EQ(j.filter, "high");
    EXPECT_EQ(j.caller_frame, "in-frame");
    EXPECT_EQ(j.source, p.string() + ":2");
}

// PCGR's table: "A--B", with "--B" and "A--" naming one partner only.
TEST(SvTables, real_pcgr_fusion_table) {
    auto p = kFormats / "fusions" / "T001-BRCA.grch37.fusions.tsv";
    if (!fs::exists(p)) GTEST_SKIP() << "shared data absent: " << p;
    auto in = read(p);
    EXPECT_EQ(in.format, "list");
    ASSERT_EQ(in.junctions.size(), 13u);
    EXPECT_EQ(in.junctions[0].gene_a, "EML4");
    EXPECT_EQ(in.junctions[0].gene_b, "ALK");
    expect_breakend(in.junctions[0].a, "2", 42522693, true);
    EXPECT_EQ(in.junctions[0].split_reads, 100);
    EXPECT_EQ(in.junctions[10].gene_a, "");
    EXPECT_EQ(in.junctions[10].gene_b, "ALK");
    EXPECT_EQ(in.junctions[11].gene_a, "FGFR2");
    EXPECT_EQ(in.junctions[11].gene_b, "");
}

// STAR-Fusion: LeftGene SYMBOL is 5'; the strand in each breakpoint gives the kept side.
TEST(SvTables, star_fusion_sample) {
    auto in = read(kSv / "star_fusion_eml4_alk.tsv");
    EXPECT_EQ(in.format, "star-fusion");
    ASSERT_EQ(in.junctions.size(), 1u);
    EXPECT_EQ(in.junctions[0].gene_a, "EML4");
    expect_breakend(in.junctions[0].a, "2", 42295515, true);
    expect_breakend(in.junctions[0].b, "2", 29223527, true);
    EXPECT_EQ(in.junctions[0].split_reads, 22);
    EXPECT_EQ(in.junctions[0].spanning_reads, 6);
}

// rvanno's list: breakpoints optional, either partner may be empty.
TEST(SvTables, gene_pair_list) {
    auto in = read(kSv / "gene_pairs.tsv");
    ASSERT_EQ(in.junctions.size(), 3u);
    expect_breakend(in.junctions[0].a, "2", 42299999, true);
    EXPECT_EQ(in.junctions[0].split_reads, 12);
    EXPECT_EQ(in.junctions[1].gene_a, "");
    EXPECT_EQ(in.junctions[1].b.contig, "");
    EXPECT_EQ(in.junctions[2].gene_a, "KIF5B");
}

// Every malformed sample names its file and line (tables) or record (VCF).
TEST(SvErrors, malformed_samples_name_file_and_line) {
    const fs::path m = kSv / "malformed";
    EXPECT_EQ(error_where(m / "text_before_header.tsv"), (m / "text_before_header.tsv").string() + ":1");
    EXPECT_EQ(error_where(m / "bad_breakpoint.tsv"), (m / "bad_breakpoint.tsv").string() + ":3");
    EXPECT_EQ(error_where(m / "unknown_contig.tsv"), (m / "unknown_contig.tsv").string() + ":2");
    EXPECT_EQ(error_where(m / "short_row_arriba.tsv"), (m / "short_row_arriba.tsv").string() + ":2");
    EXPECT_EQ(error_where(m / "pcgr_bad_name.tsv"), (m / "pcgr_bad_name.tsv").string() + ":3");
    EXPECT_EQ(error_where(m / "bad_breakend_alt.vcf"), (m / "bad_breakend_alt.vcf").string() + ": record 2");
    EXPECT_EQ(error_where(m / "undeclared_mate_contig.vcf"),
              (m / "undeclared_mate_contig.vcf").string() + ": record 1");
    EXPECT_EQ(error_where(m / "del_without_end.vcf"), (m / "del_without_end.vcf").string() + ": record 2");
}

// Why: every text table reads CR LF as LF (io/text_table.hpp), so a list saved on Windows
// gives the same junctions as its Unix copy. A missing file is a UserError.
TEST(SvTables, crlf_line_ends_read_as_lf_and_missing_file) {
    auto in = read(kSv / "crlf_list.tsv");
    EXPECT_EQ(in.format, "list");
    ASSERT_EQ(in.junctions.size(), 1u);
    EXPECT_EQ(in.junctions[0].gene_a, "EML4");
    EXPECT_EQ(in.junctions[0].gene_b, "ALK");
    EXPECT_THROW(read(kSv / "no_such_file.tsv"), rvanno::UserError);
}

// Why: an SV VCF's ##contig lengths decide its build as a small-variant VCF's do, so a bad
// length is named on stderr the same way (io/vcf_reader.hpp) and left out of build detection.
TEST(SvVcf, bad_contig_lengths_are_warned_about) {
    const fs::path p = fs::temp_directory_path() / ("rvanno_sv_contigs_" + std::to_string(::getpid()) + ".vcf");
    {
        std::ofstream out(p);
        out << "##fileformat=VCFv4.2\n"
               "##contig=<ID=chr2,length=242193529>\n"
               "##contig=<ID=chr3,length=abc>\n"
               "##contig=<ID=chr4,length=0>\n"
               "##INFO=<ID=SVTYPE,Number=1,Type=String,Description=\"Type\">\n"
               "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
    }
    std::ostringstream err;
    auto* old = std::cerr.rdbuf(err.rdbuf());
    SvInput in;
    try {
        in = read(p);
    } catch (...) {
        std::cerr.rdbuf(old);
        fs::remove(p);
        throw;
    }
    std::cerr.rdbuf(old);
    fs::remove(p);
    const std::string tail = ": length is not a positive integer; the contig is not used for build detection\n";
    EXPECT_EQ(err.str(), "rvanno: warning: " + p.string() + ": ##contig=<ID=chr3,length=abc>" + tail +
                             "rvanno: warning: " + p.string() + ": ##contig=<ID=chr4,length=0>" + tail);
    EXPECT_EQ(in.build, rvanno::GenomeBuild::GRCh38);
}
