// Contig names and build detection decide which coordinates a VCF is read in. A wrong answer
// here misplaces every variant, so the tests use real header shapes and known lengths.
#include "base/genome.hpp"
#include "rvanno/genome.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using rvanno::BuildEvidence;
using rvanno::ContigDeclaration;
using rvanno::GenomeBuild;

namespace {

struct Header {
    std::vector<ContigDeclaration> contigs;
    std::string reference;
};

// Reads ##contig=<ID=..,length=..> and ##reference= lines the way a VCF reader hands them over.
Header parse_header(const std::string& text) {
    Header h;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("##reference=", 0) == 0) h.reference = line.substr(12);
        if (line.rfind("##contig=<", 0) != 0) continue;
        ContigDeclaration d;
        const auto id = line.find("ID=") + 3;
        d.name = line.substr(id, line.find_first_of(",>", id) - id);
        if (const auto len = line.find("length="); len != std::string::npos)
            d.length = std::stoll(line.substr(len + 7));
        h.contigs.push_back(d);
    }
    return h;
}

BuildEvidence detect(const std::string& header_text) {
    const Header h = parse_header(header_text);
    return rvanno::detect_build(h.contigs, h.reference);
}

// Header lines of a gzipped VCF, read in place (the shared data is never copied into the repo).
std::string vcf_header_text(const fs::path& p) {
    gzFile f = gzopen(p.c_str(), "rb");
    if (!f) return {};
    std::string text;
    char buf[1 << 16];
    while (gzgets(f, buf, sizeof buf) && buf[0] == '#') text += buf;
    gzclose(f);
    return text;
}

// A chrom-sizes file turned into ##contig lines, e.g. to check our constants against it.
std::string contig_lines_from_sizes(const fs::path& p) {
    std::ifstream in(p);
    std::string text, name;
    long long length = 0;
    while (in >> name >> length) text += "##contig=<ID=" + name + ",length=" + std::to_string(length) + ">\n";
    return text;
}

const fs::path kShared = RVANNO_SHARED_DATA;

}  // namespace

// Why: files name chromosome 2 four ways; all must meet at the one canonical name.
TEST(CanonicalContig, all_styles_of_chromosome_2_meet) {
    for (const char* n : {"chr2", "2", "Chr2", "CHR2", "NC_000002.12", "NC_000002.11"})
        EXPECT_EQ(rvanno::canonical_contig(n), "2") << n;
}

// Why: the mitochondrion is chrM at UCSC, MT at Ensembl/b37, and the rCRS accession in RefSeq.
TEST(CanonicalContig, mitochondrion_aliases_become_MT) {
    for (const char* n : {"chrM", "MT", "M", "chrMT", "NC_012920.1"}) EXPECT_EQ(rvanno::canonical_contig(n), "MT") << n;
}

// Why: chrX is NC_000023 (not "NC_0000X"), chrY NC_000024.
TEST(CanonicalContig, sex_chromosomes_from_refseq_numbers) {
    EXPECT_EQ(rvanno::canonical_contig("chrX"), "X");
    EXPECT_EQ(rvanno::canonical_contig("X"), "X");
    EXPECT_EQ(rvanno::canonical_contig("NC_000023.11"), "X");
    EXPECT_EQ(rvanno::canonical_contig("NC_000023.10"), "X");
    EXPECT_EQ(rvanno::canonical_contig("NC_000024.10"), "Y");
    EXPECT_EQ(rvanno::canonical_contig("NC_000024.9"), "Y");
}

// Why: alt, random, decoy and HLA contigs are outside the primary assembly and must not be mapped.
TEST(CanonicalContig, non_primary_and_unknown_names_are_rejected) {
    for (const char* n : {"chr1_KI270706v1_random", "GL000192.1", "HLA-A*01:01:01:01", "chrUn_KI270302v1", "hs37d5",
                          "chrEBV", "", "chr", "23", "0", "chr01", "cHr2", "NC_000002.13", "NC_000002", "NC_000025.1"})
        EXPECT_EQ(rvanno::canonical_contig(n), std::nullopt) << n;
}

// Why: options and the knowledge base write builds in several spellings.
TEST(GenomeBuildName, parses_common_spellings_case_insensitively) {
    EXPECT_EQ(rvanno::parse_genome_build("GRCh38"), GenomeBuild::GRCh38);
    EXPECT_EQ(rvanno::parse_genome_build("hg38"), GenomeBuild::GRCh38);
    EXPECT_EQ(rvanno::parse_genome_build("B38"), GenomeBuild::GRCh38);
    EXPECT_EQ(rvanno::parse_genome_build("grch37"), GenomeBuild::GRCh37);
    EXPECT_EQ(rvanno::parse_genome_build("HG19"), GenomeBuild::GRCh37);
    EXPECT_EQ(rvanno::parse_genome_build("b37"), GenomeBuild::GRCh37);
    EXPECT_EQ(rvanno::parse_genome_build("hg18"), std::nullopt);
    EXPECT_EQ(rvanno::to_string(GenomeBuild::GRCh37), "GRCh37");
}

// Why: the NC_ version tells the build; the rCRS accession is shared and tells nothing.
TEST(RefSeqAccession, version_names_the_build) {
    EXPECT_EQ(rvanno::build_of_refseq_accession("NC_000002.12"), GenomeBuild::GRCh38);
    EXPECT_EQ(rvanno::build_of_refseq_accession("NC_000002.11"), GenomeBuild::GRCh37);
    EXPECT_EQ(rvanno::build_of_refseq_accession("NC_000007.14"), GenomeBuild::GRCh38);
    EXPECT_EQ(rvanno::build_of_refseq_accession("NC_000007.13"), GenomeBuild::GRCh37);
    EXPECT_EQ(rvanno::build_of_refseq_accession("NC_012920.1"), std::nullopt);
    EXPECT_EQ(rvanno::build_of_refseq_accession("2"), std::nullopt);
}

// Why: lengths are the UCSC chrom sizes; hg19's chrM (16571) differs from GRCh38's (16569).
TEST(ContigLength, known_answers_from_ucsc_chrom_sizes) {
    EXPECT_EQ(rvanno::contig_length(GenomeBuild::GRCh38, "1"), 248956422);
    EXPECT_EQ(rvanno::contig_length(GenomeBuild::GRCh37, "1"), 249250621);
    EXPECT_EQ(rvanno::contig_length(GenomeBuild::GRCh38, "MT"), 16569);
    EXPECT_EQ(rvanno::contig_length(GenomeBuild::GRCh37, "MT"), 16571);
    EXPECT_EQ(rvanno::contig_length(GenomeBuild::GRCh37, "chr1"), std::nullopt);  // canonical names only
    EXPECT_EQ(rvanno::contig_length(GenomeBuild::GRCh38, "Un"), std::nullopt);
}

// Why: the usual GRCh38 VCF (chr names, GATK-style lengths, alt contigs) must read as GRCh38.
TEST(DetectBuild, grch38_chr_style_with_lengths) {
    const auto e = detect(
        "##fileformat=VCFv4.2\n"
        "##contig=<ID=chr1,length=248956422>\n##contig=<ID=chr2,length=242193529>\n"
        "##contig=<ID=chr7,length=159345973>\n##contig=<ID=chrX,length=156040895>\n"
        "##contig=<ID=chrY,length=57227415>\n##contig=<ID=chrM,length=16569>\n"
        "##contig=<ID=chr1_KI270706v1_random,length=175055>\n");
    EXPECT_EQ(e.build, GenomeBuild::GRCh38);
    EXPECT_EQ(e.reason, "##contig lengths match GRCh38 (6 of 6 primary contigs)");
    EXPECT_TRUE(e.contradictions.empty());
}

// Why: b37/hs37d5 files use bare names and GRCh37's MT of 16569 bp (not hg19's 16571).
TEST(DetectBuild, b37_numeric_style_with_rcrs_mitochondrion) {
    const auto e = detect(
        "##contig=<ID=1,length=249250621,assembly=b37>\n##contig=<ID=2,length=243199373,assembly=b37>\n"
        "##contig=<ID=X,length=155270560,assembly=b37>\n##contig=<ID=MT,length=16569,assembly=b37>\n"
        "##contig=<ID=GL000192.1,length=547496,assembly=b37>\n##contig=<ID=hs37d5,length=35477943>\n"
        "##reference=file:///ref/human_g1k_v37.fasta\n");
    EXPECT_EQ(e.build, GenomeBuild::GRCh37);
    EXPECT_TRUE(e.contradictions.empty());
}

// Why: UCSC hg19 headers carry the old 16571 bp chrM, which fits GRCh37 only.
TEST(DetectBuild, hg19_chrM_points_to_grch37) {
    const auto e = detect("##contig=<ID=chrM,length=16571>\n##contig=<ID=chr1,length=249250621>\n");
    EXPECT_EQ(e.build, GenomeBuild::GRCh37);
}

// Why: many callers omit lengths; the ##reference path is then the only evidence.
TEST(DetectBuild, no_lengths_falls_back_to_reference_hs37d5) {
    const auto e = detect("##contig=<ID=1>\n##contig=<ID=2>\n##reference=file:///data/ref/hs37d5.fa\n");
    EXPECT_EQ(e.build, GenomeBuild::GRCh37);
    EXPECT_NE(e.reason.find("'hs37d5'"), std::string::npos) << e.reason;
}

// Why: GRCh38 reference names, including the GCA analysis-set accession, decide GRCh38.
TEST(DetectBuild, reference_names_grch38) {
    for (const char* ref : {"file:///ref/Homo_sapiens_assembly38.fasta",
                            "/ref/GCA_000001405.15_GRCh38_no_alt_analysis_set.fna", "hg38.fa"}) {
        const auto e = rvanno::detect_build({}, ref);
        EXPECT_EQ(e.build, GenomeBuild::GRCh38) << ref;
    }
}

// Why: a header whose lengths come from two builds (e.g. a bad reheader) must stop, naming the odd ones.
TEST(DetectBuild, mixed_lengths_list_the_minority_as_contradictions) {
    const auto e = detect(
        "##contig=<ID=chr1,length=248956422>\n##contig=<ID=chr2,length=242193529>\n"
        "##contig=<ID=chr7,length=159138663>\n##reference=hg38.fa\n");
    EXPECT_EQ(e.build, std::nullopt);
    EXPECT_EQ(e.contradictions, std::vector<std::string>{"chr7"});
    EXPECT_EQ(e.reason,
              "##contig lengths do not identify one build: 1 fit only GRCh37, 2 fit only GRCh38, 0 fit neither");
}

// Why: a length that fits no build (another species, a truncated test reference) is not guessed around.
TEST(DetectBuild, length_fitting_neither_build_is_a_contradiction) {
    const auto e = detect("##contig=<ID=chr1,length=12345>\n##contig=<ID=chr2,length=242193529>\n");
    EXPECT_EQ(e.build, std::nullopt);
    EXPECT_EQ(e.contradictions, std::vector<std::string>{"chr1"});
}

// Why: NC_ versions in contig names are evidence even without lengths, and must agree with lengths.
TEST(DetectBuild, refseq_contig_names_decide_and_are_checked_against_lengths) {
    auto e = detect("##contig=<ID=NC_000002.12>\n##contig=<ID=NC_012920.1>\n");
    EXPECT_EQ(e.build, GenomeBuild::GRCh38);
    EXPECT_EQ(e.reason, "##contig RefSeq accessions match GRCh38 (1 of 1 primary contigs)");
    e = detect("##contig=<ID=NC_000002.11,length=242193529>\n##contig=<ID=NC_000001.11,length=248956422>\n");
    EXPECT_EQ(e.build, std::nullopt);
    EXPECT_EQ(e.contradictions, std::vector<std::string>{"NC_000002.11"});
}

// Why: MT=16569 is valid in both builds, so a header with only that length must use ##reference.
TEST(DetectBuild, mitochondrion_alone_does_not_decide) {
    const auto e = detect("##contig=<ID=MT,length=16569>\n##reference=GRCh38.p14.fa\n");
    EXPECT_EQ(e.build, GenomeBuild::GRCh38);
    EXPECT_NE(e.reason.find("fit both builds"), std::string::npos) << e.reason;
}

// Why: with no lengths and no recognisable reference, rvanno must ask the user instead of guessing.
TEST(DetectBuild, nothing_to_go_on_is_undecided) {
    auto e = detect("##contig=<ID=chr1>\n##reference=file:///ref/genome.fa\n");
    EXPECT_EQ(e.build, std::nullopt);
    EXPECT_FALSE(e.reason.empty());
    e = rvanno::detect_build({}, "file:///refs/hg19/GRCh38.fa");  // names both builds
    EXPECT_EQ(e.build, std::nullopt);
    EXPECT_NE(e.reason.find("both builds"), std::string::npos) << e.reason;
}

// Why: build names are matched as words, so "b37" inside another word is not GRCh37.
TEST(DetectBuild, reference_tokens_must_stand_alone) {
    EXPECT_EQ(rvanno::detect_build({}, "file:///data/xb37ab/genome.fa").build, std::nullopt);
    EXPECT_EQ(rvanno::detect_build({}, "file:///data/GCA_000001405.150.fa").build, std::nullopt);
    EXPECT_EQ(rvanno::detect_build({}, "GRCh37-lite.fa.gz").build, GenomeBuild::GRCh37);
}

// Why: lengths outrank ##reference, but the disagreement should still be visible to the user.
TEST(DetectBuild, lengths_outrank_a_disagreeing_reference) {
    const auto e = detect("##contig=<ID=chr1,length=248956422>\n##reference=file:///ref/hg19.fa\n");
    EXPECT_EQ(e.build, GenomeBuild::GRCh38);
    EXPECT_NE(e.reason.find("'hg19'"), std::string::npos) << e.reason;
}

// Why: once a build is chosen (e.g. by --build), every primary contig that disagrees is listed.
TEST(ContigsContradicting, lists_primary_contigs_that_misfit_the_chosen_build) {
    const auto h = parse_header(
        "##contig=<ID=1,length=249250621>\n##contig=<ID=2,length=243199373>\n"
        "##contig=<ID=MT,length=16569>\n##contig=<ID=GL000192.1,length=547496>\n"
        "##contig=<ID=3>\n");
    EXPECT_EQ(rvanno::contigs_contradicting(GenomeBuild::GRCh38, h.contigs), (std::vector<std::string>{"1", "2"}));
    EXPECT_TRUE(rvanno::contigs_contradicting(GenomeBuild::GRCh37, h.contigs).empty());
}

// Why: CIViC's own GRCh37 VCF has no ##contig lines; its ##reference (GRCh37-lite) must decide.
TEST(DetectBuild, civic_vcf_header_reads_as_grch37) {
    const auto p = kShared / "civic/2024-08-01_via_rk-izak-DATA72000-IBE/01-Aug-2024-civic_accepted.vcf.gz";
    if (!fs::exists(p)) GTEST_SKIP() << "shared data absent: " << p;
    const auto e = detect(vcf_header_text(p));
    EXPECT_EQ(e.build, GenomeBuild::GRCh37);
    EXPECT_NE(e.reason.find("'GRCh37'"), std::string::npos) << e.reason;
}

// Why: the embedded constants must equal the chrom-sizes files they were copied from.
TEST(DetectBuild, ucsc_chrom_sizes_files_detect_as_their_own_build) {
    const auto dir = kShared / "genome/chrom_sizes";
    if (!fs::exists(dir)) GTEST_SKIP() << "shared data absent: " << dir;
    const auto hg38 = detect(contig_lines_from_sizes(dir / "human.hg38.genome"));
    EXPECT_EQ(hg38.build, GenomeBuild::GRCh38) << hg38.reason;
    EXPECT_NE(hg38.reason.find("(26 of 26 primary contigs)"), std::string::npos) << hg38.reason;  // chrM and chrMT
    const auto hg19 = detect(contig_lines_from_sizes(dir / "human.hg19.genome"));
    EXPECT_EQ(hg19.build, GenomeBuild::GRCh37) << hg19.reason;
    EXPECT_TRUE(hg19.contradictions.empty());
}
