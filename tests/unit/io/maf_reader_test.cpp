// MafReader: header detection, MAF 1-based '-' alleles to rvanno's 0-based alleles, sample
// choice, build from NCBI_Build (mixed builds refused), VAF/depth, line ends; and the real MAFs
// of ../shared/data/formats (skipped when ../shared is absent).
#include "io/maf_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/target_index.hpp"
#include "rvanno/error.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using rvanno::GenomeBuild;
using rvanno::MafReader;
using rvanno::MafReaderOptions;
using rvanno::Region;
using rvanno::TargetIndex;
using rvanno::UsageError;
using rvanno::UserError;
using rvanno::VariantRecord;

namespace {

const std::string kHeader =
    "Hugo_Symbol\tNCBI_Build\tChromosome\tStart_Position\tEnd_Position\tReference_Allele\tTumor_Seq_Allele1\t"
    "Tumor_Seq_Allele2\tTumor_Sample_Barcode\tt_depth\tt_alt_count\tHGVSp_Short";

std::string formats(const std::string& rel) { return std::string(RVANNO_SHARED_DATA) + "/formats/" + rel; }
bool have_shared() { return fs::exists(formats("maf")); }

TargetIndex everywhere() {
    TargetIndex t;
    for (int c = 1; c <= 22; ++c) t.add(Region{std::to_string(c), 0, 300000000});
    t.add(Region{"X", 0, 300000000});
    t.finish();
    return t;
}

std::vector<VariantRecord> read_all(MafReader& r) {
    r.set_targets(everywhere());
    std::vector<VariantRecord> out;
    VariantRecord v;
    while (r.next(v)) out.push_back(v);
    return out;
}

struct Maf {
    rvanno::test::TempDir dir{"maf_reader"};
    std::string write(const std::string& body, const std::string& eol = "\n") {
        std::string text = "#version 2.4" + eol + kHeader + eol;
        for (std::size_t s = 0, e; s < body.size(); s = e + 1) {
            e = body.find('\n', s);
            if (e == std::string::npos) e = body.size();
            text += body.substr(s, e - s) + eol;
        }
        std::ofstream(dir.file("in.maf"), std::ios::binary) << text;
        return dir.file("in.maf");
    }
};

}  // namespace

// Why: a MAF is told by its header, never its name; a VCF is not a MAF.
TEST(MafReader, detected_by_header_not_name) {
    Maf m;
    const auto path = m.write("ALK\tGRCh38\tchr2\t29220747\t29220747\tC\tC\tT\tS1\t84\t30\tp.G1202R");
    const auto renamed = m.dir.file("tumour.vcf");
    fs::copy_file(path, renamed);
    EXPECT_TRUE(rvanno::is_maf(renamed));
    EXPECT_FALSE(rvanno::is_maf(std::string(RVANNO_TESTDATA) + "/cases/annotate/alk_compound/input.vcf"));
    EXPECT_FALSE(rvanno::is_maf("-"));
}

// Why: MAF is 1-based with '-' for an empty allele; rvanno is 0-based. A substitution starts at
// Start_Position - 1, a deletion's ref is the deleted bases (alt ""), an insertion sits after
// Start_Position (ref ""); Allele1 is the ALT when Allele2 equals the reference.
TEST(MafReader, positions_and_dash_alleles) {
    Maf m;
    MafReader r(m.write("ALK\tGRCh38\tchr2\t29220747\t29220747\tC\tC\tT\tS1\t84\t30\tp.G1202R\n"
                        "ALK\tGRCh38\tchr2\t29220800\t29220802\tACG\tACG\t-\tS1\t40\t10\t\n"
                        "ALK\tGRCh38\tchr2\t29220900\t29220901\t-\t-\tTT\tS1\t\t\t\n"
                        "ALK\tGRCh38\tchr2\t29220950\t29220950\tG\tA\tG\tS1\t10\t0\t"),
                {});
    auto v = read_all(r);
    ASSERT_EQ(v.size(), 4u);
    EXPECT_EQ(v[0].contig, "2");
    EXPECT_EQ(v[0].contig_name, "chr2");
    EXPECT_EQ(v[0].pos, 29220746);
    EXPECT_EQ(v[0].ref, "C");
    EXPECT_EQ(v[0].alts, std::vector<std::string>{"T"});
    EXPECT_EQ(v[0].depth, 84);
    ASSERT_TRUE(v[0].vaf[0]);
    EXPECT_NEAR(*v[0].vaf[0], 30.0 / 84.0, 1e-12);
    EXPECT_EQ(v[0].input_protein_change, "p.G1202R");
    EXPECT_EQ(v[0].input_protein_source, "MAF HGVSp_Short");
    EXPECT_TRUE(v[0].unanchored);
    EXPECT_EQ(v[1].pos, 29220799);
    EXPECT_EQ(v[1].ref, "ACG");
    EXPECT_EQ(v[1].alts, std::vector<std::string>{""});
    EXPECT_EQ(v[2].pos, 29220900) << "between 29220900 and 29220901 (1-based): 0-based 29220900 is the base after";
    EXPECT_EQ(v[2].ref, "");
    EXPECT_EQ(v[2].alts, std::vector<std::string>{"TT"});
    EXPECT_FALSE(v[2].depth);
    EXPECT_EQ(v[3].alts, std::vector<std::string>{"A"}) << "Allele2 equals REF: Allele1 is the ALT";
    EXPECT_EQ(r.header().build, GenomeBuild::GRCh38);
    EXPECT_EQ(r.header().vaf_source, "MAF t_alt_count/t_depth");
}

// Why: CR LF and lone-CR line ends (a published supplementary MAF uses CR alone) read the same.
TEST(MafReader, crlf_and_cr_line_ends) {
    for (const std::string eol : {"\r\n", "\r"}) {
        Maf m;
        MafReader r(m.write("ALK\t37\t2\t29443617\t29443617\tC\tC\tT\tS1\t84\t30\tp.G1202R", eol), {});
        auto v = read_all(r);
        ASSERT_EQ(v.size(), 1u);
        EXPECT_EQ(v[0].input_protein_change, "p.G1202R");
        EXPECT_EQ(r.header().build, GenomeBuild::GRCh37);
    }
}

// Why: several samples without --sample is a usage error listing them; --sample picks one.
TEST(MafReader, sample_choice) {
    Maf m;
    const auto path = m.write(
        "ALK\tGRCh38\tchr2\t29220747\t29220747\tC\tC\tT\tS1\t84\t30\t\n"
        "ALK\tGRCh38\tchr2\t29220765\t29220765\tG\tG\tT\tS2\t60\t20\t");
    try {
        MafReader r(path, {});
        FAIL() << "no error";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("2 samples (Tumor_Sample_Barcode): S1, S2"), std::string::npos)
            << e.what();
        EXPECT_NE(e.hint().find("--sample"), std::string::npos);
    }
    MafReader r(path, MafReaderOptions{"S2", false});
    auto v = read_all(r);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].pos, 29220764);
    EXPECT_EQ(r.counters().records, 1);
    EXPECT_THROW(MafReader(path, MafReaderOptions{"S3", false}), UserError);
    EXPECT_EQ(rvanno::maf_samples(path), (std::vector<std::string>{"S1", "S2"}));
}

// Why: one run is one build; a MAF whose NCBI_Build says both is refused.
TEST(MafReader, mixed_builds_refused) {
    Maf m;
    const auto path = m.write(
        "ALK\tGRCh38\tchr2\t29220747\t29220747\tC\tC\tT\tS1\t84\t30\t\n"
        "ALK\thg19\tchr2\t29443617\t29443617\tC\tC\tT\tS1\t84\t30\t");
    try {
        MafReader r(path, {});
        FAIL() << "no error";
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("mixes genome builds"), std::string::npos) << e.what();
    }
}

// Why: the real files of the formats issue 8 names are read: TCGA LAML (maftools; NCBI_Build
// 37, End_position lower-case, Protein_Change), APL (hg19, CR line ends), MSK
// data_mutations_extended (genome nexus '#' lines, t_ref_count/t_alt_count), cBioPortal ASCN.
TEST(MafReaderRealFiles, tcga_laml) {
    if (!have_shared()) GTEST_SKIP() << "../shared is absent";
    const auto path = formats("maf/tcga_laml.maf.gz");
    EXPECT_TRUE(rvanno::is_maf(path));
    const auto samples = rvanno::maf_samples(path);
    EXPECT_GT(samples.size(), 100u);
    MafReader r(path, MafReaderOptions{"TCGA-AB-2865", false});
    EXPECT_EQ(r.header().build, GenomeBuild::GRCh37);
    EXPECT_EQ(r.header().protein_column, "Protein_Change");
    bool kras = false;
    for (const auto& v : read_all(r))
        kras |= v.contig == "12" && v.pos == 25398283 && v.ref == "C" && v.alts[0] == "T" &&
                v.input_protein_change == "p.G12D";
    EXPECT_TRUE(kras) << "KRAS G12D (12:25398284 C>T, GRCh37) of TCGA-AB-2865";
}

TEST(MafReaderRealFiles, apl_cr_line_ends) {
    if (!have_shared()) GTEST_SKIP() << "../shared is absent";
    const auto path = formats("maf/APL_primary.maf.gz");
    EXPECT_TRUE(rvanno::is_maf(path));
    const auto samples = rvanno::maf_samples(path);
    ASSERT_FALSE(samples.empty());
    MafReader r(path, MafReaderOptions{samples.front(), false});
    EXPECT_EQ(r.header().build, GenomeBuild::GRCh37) << "NCBI_Build hg19";
    // Two FLT3-ITD rows have Start_Position NA: skipped with a warning, not an error.
    EXPECT_GT(read_all(r).size(), 0u);
}

TEST(MafReaderRealFiles, msk_and_cbioportal_data_mutations_extended) {
    if (!have_shared()) GTEST_SKIP() << "../shared is absent";
    for (const auto& rel :
         {"maf/data_mutations_extended_100.out.mskcc.txt", "cbioportal/ascn-test-study/data_mutations_extended.txt"}) {
        const auto path = formats(rel);
        ASSERT_TRUE(rvanno::is_maf(path)) << rel;
        const auto samples = rvanno::maf_samples(path);
        ASSERT_FALSE(samples.empty()) << rel;
        MafReader r(path, MafReaderOptions{samples.front(), false});
        EXPECT_EQ(r.header().build, GenomeBuild::GRCh37) << rel;
        EXPECT_FALSE(r.header().protein_column.empty()) << rel << ": HGVSp_Short (MSK) or HGVSp (ASCN study)";
        auto v = read_all(r);
        ASSERT_GT(v.size(), 0u) << rel;
        bool depth = false;
        for (const auto& x : v) depth |= x.depth.has_value() && x.vaf[0].has_value();
        EXPECT_TRUE(depth) << rel << ": VAF and depth from the t_ columns";
    }
}
