// Issue 8: the reported sample of a tumour/normal VCF is the tumour, by the callers' own marks,
// never silently the first column; its VAF and depth come from the caller's own counts when
// FORMAT AF/AD are absent. Rules on synthetic header marks, then on real caller output in
// ../shared/data/formats/somatic_vcf (read in place; skipped when ../shared is absent). The
// expected values were read from the files with bcftools query (noted at each test).
#include "io/vcf_sample_choice.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/genome.hpp"
#include "base/target_index.hpp"
#include "io/vcf_reader.hpp"
#include "rvanno/error.hpp"

namespace fs = std::filesystem;
using rvanno::choose_vcf_sample;
using rvanno::Region;
using rvanno::SampleMarks;
using rvanno::TargetIndex;
using rvanno::UserError;
using rvanno::VariantRecord;
using rvanno::VcfReader;
using rvanno::VcfReaderOptions;

namespace {

SampleMarks marks(std::vector<std::string> samples) {
    SampleMarks m;
    m.samples = std::move(samples);
    return m;
}

std::string refusal(const SampleMarks& m) {
    try {
        auto c = choose_vcf_sample(m, "", "x.vcf");
        return "chose " + c.name;
    } catch (const UserError& e) { return std::string(e.what()) + " | " + e.hint(); }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The rules on header marks

TEST(VcfSampleChoice, sample_option_then_tumor_sample_then_the_only_sample_stamp_no_rule) {
    auto m = marks({"NORMAL", "TUMOR"});
    m.tumor_sample = "TUMOR";
    auto c = choose_vcf_sample(m, "NORMAL", "x.vcf");
    EXPECT_EQ(c.name, "NORMAL");
    EXPECT_EQ(c.rule, "");
    c = choose_vcf_sample(m, "", "x.vcf");
    EXPECT_EQ(c.index, 1);
    EXPECT_EQ(c.rule, "") << "##tumor_sample= was the rule before issue 8: outputs unchanged";
    auto one = marks({"S"});
    one.tumor_sample = "not_a_column";  // gpgr's PURPLE file names a sample it does not have
    c = choose_vcf_sample(one, "", "x.vcf");
    EXPECT_EQ(c.name, "S");
    EXPECT_EQ(c.rule, "");
    EXPECT_EQ(choose_vcf_sample(marks({}), "", "x.vcf").index, -1);
}

TEST(VcfSampleChoice, each_caller_mark_chooses_the_tumour_whatever_the_column_order) {
    auto m = marks({"N1", "T1"});
    m.genomes = {{"T1", "Tumor"}, {"N1", "Germline"}};
    EXPECT_EQ(choose_vcf_sample(m, "", "x").name, "T1");
    EXPECT_EQ(choose_vcf_sample(m, "", "x").rule, "##SAMPLE=<Genomes=Tumor> header");

    m = marks({"T1", "N1"});
    m.pedigree_derived = {"T1"};
    EXPECT_EQ(choose_vcf_sample(m, "", "x").name, "T1");

    m = marks({"N1", "T1"});
    m.normal_sample = "N1";
    EXPECT_EQ(choose_vcf_sample(m, "", "x").name, "T1");

    m = marks({"a_normal", "a_tumor"});
    m.mutect1 = "\"analysis_type=MuTect tumor_sample_name=a_tumor normal_sample_name=a_normal\"";
    EXPECT_EQ(choose_vcf_sample(m, "", "x").name, "a_tumor");

    m = marks({"NORMAL", "TUMOR"});
    m.source = "strelka";
    EXPECT_EQ(choose_vcf_sample(m, "", "x").rule, "Strelka2/Manta TUMOR/NORMAL columns");
    m.source = "VarScan2";
    EXPECT_EQ(choose_vcf_sample(m, "", "x").rule, "VarScan NORMAL/TUMOR columns");
    m = marks({"TUMOR", "NORMAL"});
    EXPECT_EQ(choose_vcf_sample(m, "", "x").index, 0);

    m = marks({"COLO829v003R", "COLO829v003T"});
    m.hartwig = true;
    EXPECT_EQ(choose_vcf_sample(m, "", "x").name, "COLO829v003T");
}

TEST(VcfSampleChoice, several_samples_without_a_mark_are_refused_with_the_samples_listed) {
    auto m = marks({"S1", "S2"});
    EXPECT_NE(refusal(m).find("S1, S2"), std::string::npos) << refusal(m);
    EXPECT_NE(refusal(m).find("--sample"), std::string::npos) << refusal(m);
    // <id>R/<id>T names without a Hartwig tool header are not enough.
    EXPECT_NE(refusal(marks({"PR", "PT"})).find("nothing in it says"), std::string::npos);
    // A ##SAMPLE mark naming two tumours does not pick one.
    m = marks({"T1", "T2"});
    m.genomes = {{"T1", "Tumor"}, {"T2", "Tumor"}};
    EXPECT_NE(refusal(m).find("T1, T2"), std::string::npos);
    EXPECT_THROW(choose_vcf_sample(marks({"A", "B"}), "C", "x"), UserError);
}

// ---------------------------------------------------------------------------------------------
// VAF and depth from the callers' own counts (testdata/vcf/reader_caller_counts.vcf)

namespace {

TargetIndex window(const std::string& contig, std::int64_t pos1) {
    TargetIndex t;
    t.add(Region{contig, pos1 - 1, pos1});
    t.finish();
    return t;
}

}  // namespace

TEST(VcfSampleChoice, freebayes_ro_ao_and_pcgr_tvaf_tdp_give_vaf_and_depth) {
    VcfReader r(std::string(RVANNO_TESTDATA) + "/vcf/reader_caller_counts.vcf", {});
    TargetIndex t;
    t.add(Region{"2", 29220000, 29221000});
    t.finish();
    r.set_targets(std::move(t));
    std::vector<VariantRecord> recs;
    VariantRecord v;
    while (r.next(v)) recs.push_back(v);
    ASSERT_EQ(recs.size(), 3u);
    EXPECT_DOUBLE_EQ(*recs[0].vaf[0], 20.0 / 50);
    EXPECT_EQ(recs[0].depth, 50);
    ASSERT_EQ(recs[1].vaf.size(), 2u);
    EXPECT_DOUBLE_EQ(*recs[1].vaf[0], 0.25);
    EXPECT_DOUBLE_EQ(*recs[1].vaf[1], 0.25);
    EXPECT_EQ(recs[1].depth, 20) << "RO + AO when DP is absent";
    EXPECT_DOUBLE_EQ(*recs[2].vaf[0], 0.25);
    EXPECT_EQ(recs[2].depth, 90);
    const auto& s = r.counters().vaf_sources;
    EXPECT_EQ(s.at("FreeBayes FORMAT/AO,RO"), 2);
    EXPECT_EQ(s.at("PCGR INFO/TVAF,TDP"), 1);
    EXPECT_EQ(rvanno::describe_vaf_sources(s), "FreeBayes FORMAT/AO,RO (2 records); PCGR INFO/TVAF,TDP (1 records)");
    EXPECT_EQ(rvanno::describe_vaf_sources({{"FORMAT/AF", 3}, {"FORMAT/AD", 1}}), "")
        << "FORMAT AF/AD only: no provenance line, outputs as before";
}

// ---------------------------------------------------------------------------------------------
// Real caller output

namespace {

const fs::path kVcfs = fs::path(RVANNO_SHARED_DATA) / "formats/somatic_vcf";

#define NEED_SHARED() \
    if (!fs::exists(kVcfs)) GTEST_SKIP() << "../shared is absent"

struct Read {
    std::string sample, rule;
    VariantRecord rec;
    std::map<std::string, long> sources;
};

// The record at `contig`:`pos1` of `file`, read as the tumour by default (FILTER not applied).
Read read_at(const std::string& file, const std::string& contig, std::int64_t pos1) {
    VcfReaderOptions o;
    o.include_filtered = true;
    VcfReader r((kVcfs / file).string(), o);
    r.set_targets(window(*rvanno::canonical_contig(contig), pos1));
    Read out{r.header().sample, r.header().sample_rule, {}, {}};
    VariantRecord v;
    while (r.next(v))
        if (v.pos == pos1 - 1) {
            out.rec = v;
            break;
        }
    out.sources = r.counters().vaf_sources;
    return out;
}

double vaf(const Read& r) { return r.rec.vaf.empty() || !r.rec.vaf[0] ? -1 : *r.rec.vaf[0]; }

}  // namespace

// Strelka 2.0.15 SNVs, NORMAL first. chr1:6987695 C>T, TUMOR: DP 63, CU 46,46, TU 17,17
// (NORMAL: DP 44, no T): VAF = tier-1 T / (tier-1 C + tier-1 T) = 17/63.
TEST(VcfSampleChoiceReal, strelka_snvs_are_the_tumour_with_tier1_counts) {
    NEED_SHARED();
    auto r = read_at("case_A.strelka.snvs.vcf", "chr1", 6987695);
    EXPECT_EQ(r.sample, "TUMOR");
    EXPECT_EQ(r.rule, "Strelka2/Manta TUMOR/NORMAL columns");
    EXPECT_EQ(r.rec.depth, 63);
    EXPECT_DOUBLE_EQ(vaf(r), 17.0 / 63);
    EXPECT_EQ(r.sources.count("Strelka2 tier-1 AU/CU/GU/TU"), 1u);
}

// Strelka indels. chr1:7709312 AC>A, TUMOR: DP 47, TAR 33,33, TIR 10,12: VAF = 10/(33+10).
TEST(VcfSampleChoiceReal, strelka_indels_are_the_tumour_with_tar_tir) {
    NEED_SHARED();
    auto r = read_at("case_A.strelka.indels.vcf", "chr1", 7709312);
    EXPECT_EQ(r.sample, "TUMOR");
    EXPECT_EQ(r.rec.depth, 47);
    EXPECT_DOUBLE_EQ(vaf(r), 10.0 / 43);
    EXPECT_EQ(r.sources.count("Strelka2 tier-1 TAR/TIR"), 1u);
}

// Strelka 2.8.2 via bcbio: columns MB_normal_50x, tumor_downsample; ##SAMPLE Genomes=Tumor.
// 16:93961 A>G, tumour: DP 121, AU 48,48, GU 71,72: VAF 71/119.
TEST(VcfSampleChoiceReal, strelka2_bcbio_is_the_tumour_by_its_sample_header) {
    NEED_SHARED();
    auto r = read_at("test-strelka2.vcf.gz", "16", 93961);
    EXPECT_EQ(r.sample, "tumor_downsample");
    EXPECT_EQ(r.rule, "##SAMPLE=<Genomes=Tumor> header");
    EXPECT_EQ(r.rec.depth, 121);
    EXPECT_DOUBLE_EQ(vaf(r), 71.0 / 119);
}

// MuTect 1: columns case_A_normal, case_A_tumor; ##MuTect="... tumor_sample_name=case_A_tumor".
// chr1:6987695 C>T, tumour: DP 62, AD 45,17 (normal: DP 45, AD 45,0).
TEST(VcfSampleChoiceReal, mutect1_is_the_tumour_by_its_command_line_header) {
    NEED_SHARED();
    auto r = read_at("case_A.mutect.vcf", "chr1", 6987695);
    EXPECT_EQ(r.sample, "case_A_tumor");
    EXPECT_EQ(r.rule, "MuTect ##MuTect= tumor_sample_name");
    EXPECT_EQ(r.rec.depth, 62);
    EXPECT_DOUBLE_EQ(vaf(r), 17.0 / 62);
}

// Mutect2: normal first, ##tumor_sample=tumor_downsample. 16:93961 A>G: tumour DP 106, AF 0.58.
TEST(VcfSampleChoiceReal, mutect2_is_the_tumour_by_tumor_sample) {
    NEED_SHARED();
    auto r = read_at("test-mutect2.vcf.gz", "16", 93961);
    EXPECT_EQ(r.sample, "tumor_downsample");
    EXPECT_EQ(r.rule, "");
    EXPECT_EQ(r.rec.depth, 106);
    EXPECT_NEAR(vaf(r), 0.58, 1e-6);
}

// VarDict (bcbio): tumour first, ##SAMPLE Genomes=Tumor. 16:63549 A>G: tumour DP 23, AF 0.1739
// (normal: DP 2, AF 0).
TEST(VcfSampleChoiceReal, vardict_is_the_tumour_by_its_sample_header) {
    NEED_SHARED();
    auto r = read_at("test-vardict.vcf.gz", "16", 63549);
    EXPECT_EQ(r.sample, "tumor_downsample");
    EXPECT_EQ(r.rule, "##SAMPLE=<Genomes=Tumor> header");
    EXPECT_EQ(r.rec.depth, 23);
    EXPECT_NEAR(vaf(r), 0.1739, 1e-6);
}

// VarScan somatic: NORMAL, TUMOR. chr1:5467662 C>G (SS=2), TUMOR: DP 30, RD 24, AD 4, FREQ
// 14.29% (NORMAL: DP 14, AD 0): VAF = AD / (RD + AD).
TEST(VcfSampleChoiceReal, varscan_is_the_tumour_with_rd_ad) {
    NEED_SHARED();
    auto r = read_at("case_A.varscan.snp.first1000.vcf", "chr1", 5467662);
    EXPECT_EQ(r.sample, "TUMOR");
    EXPECT_EQ(r.rule, "VarScan NORMAL/TUMOR columns");
    EXPECT_EQ(r.rec.depth, 30);
    EXPECT_DOUBLE_EQ(vaf(r), 4.0 / 28);
    EXPECT_EQ(r.sources.count("VarScan FORMAT/RD,AD"), 1u);
}

// SAGE multi-tumour: APGI_1965_N, APGI_1965_rna, APGI_1965, APGI_1965_exome and no mark.
TEST(VcfSampleChoiceReal, sage_multi_tumour_is_refused_with_its_samples) {
    NEED_SHARED();
    try {
        VcfReader r((kVcfs / "test-sage2-multitumor.vcf.gz").string(), {});
        FAIL() << "expected UserError, got " << r.header().sample;
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("APGI_1965_N, APGI_1965_rna, APGI_1965, APGI_1965_exome"),
                  std::string::npos)
            << e.what();
        EXPECT_NE(e.hint().find("--sample"), std::string::npos);
    }
}

// Hartwig PURPLE: COLO829v003R, COLO829v003T. 7:140453136 A>T (BRAF V600E): tumour DP 220,
// AD 68,150, AF 0.682 (reference: DP 26, AF 0). Neither PURPLE file has EGFR T790M.
TEST(VcfSampleChoiceReal, purple_colo829_is_the_tumour_by_hartwig_names) {
    NEED_SHARED();
    auto r = read_at("COLO829v003T.purple.somatic.vcf.gz", "7", 140453136);
    EXPECT_EQ(r.sample, "COLO829v003T");
    EXPECT_EQ(r.rule, "Hartwig <id>R/<id>T columns");
    EXPECT_EQ(r.rec.depth, 220);
    EXPECT_NEAR(vaf(r), 0.682, 1e-6);
}

// gpgr PURPLE: one column; its ##tumor_sample= names another spelling. chr1:3086201 C>T:
// DP 74, AF 0.1486.
TEST(VcfSampleChoiceReal, purple_gpgr_single_sample_is_used) {
    NEED_SHARED();
    auto r = read_at("gpgr.SEQCII_50pc.purple.somatic.vcf.gz", "chr1", 3086201);
    EXPECT_EQ(r.sample, "SEQCII_50pc__T_SRR7890936_50pc");
    EXPECT_EQ(r.rule, "");
    EXPECT_EQ(r.rec.depth, 74);
    EXPECT_NEAR(vaf(r), 0.1486, 1e-6);
}
