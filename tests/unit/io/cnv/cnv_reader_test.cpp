// read_copy_number on every copy-number format: the real caller files in ../shared/data/formats
// (read in place; skipped when absent), the hand-written samples and malformed files in
// testdata/cnv (see its README.md), plus format names and the log2 -> copy-number conversion.
// Expected counts come from `tail -n +2 FILE | wc -l` or `grep -vc '^#'`, values from the files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "consequence/gene_copy_number.hpp"
#include "io/cnv/reader.hpp"
#include "rvanno/copy_number.hpp"
#include "rvanno/error.hpp"

namespace fs = std::filesystem;
using rvanno::CnvFormat;
using rvanno::CopyNumberInput;
using rvanno::InputError;
using rvanno::read_copy_number;
using rvanno::Region;
using rvanno::UserError;

namespace {

std::string formats(const std::string& rel) { return std::string(RVANNO_SHARED_DATA) + "/formats/" + rel; }
std::string sample(const std::string& rel) { return std::string(RVANNO_TESTDATA) + "/cnv/" + rel; }
std::string malformed(const std::string& rel) { return sample("malformed/" + rel); }

bool have_shared() { return fs::exists(std::string(RVANNO_SHARED_DATA) + "/formats"); }

// where() of the InputError that reading `path` throws (with --strict, so that a malformed
// data row is an error, not a skipped line), or a note that none was thrown.
std::string error_where(const std::string& path, std::optional<CnvFormat> f = {}) {
    try {
        read_copy_number(path, f, {"", true});
    } catch (const InputError& e) { return e.where(); } catch (const std::exception& e) {
        return std::string("not an InputError: ") + e.what();
    }
    return "no error";
}

std::string error_text(const std::string& path, std::optional<CnvFormat> f = {}) {
    try {
        read_copy_number(path, f, {"", true});
    } catch (const UserError& e) { return std::string(e.what()) + " | hint: " + e.hint(); }
    return "no error";
}

fs::path temp_file(const std::string& name, const std::string& content) {
    const fs::path p = fs::temp_directory_path() / ("rvanno_cnv_" + std::to_string(::getpid()) + "_" + name);
    std::ofstream(p, std::ios::binary) << content;
    return p;
}

}  // namespace

#define REQUIRE_SHARED() \
    if (!have_shared()) GTEST_SKIP() << "no ../shared/data/formats here"

// ---- log2 conversion and names ------------------------------------------------------------

// Hand-computed values of CNVkit's _log2_ratio_to_absolute, with the floor at 0.
TEST(CopyNumberFromLog2, matches_hand_computed_values) {
    using rvanno::copy_number_from_log2;
    EXPECT_DOUBLE_EQ(copy_number_from_log2(1.0, std::nullopt, 2.0), 4.0);  // 2 * 2^1
    EXPECT_DOUBLE_EQ(copy_number_from_log2(0.0, std::nullopt, 2.0), 2.0);
    EXPECT_DOUBLE_EQ(copy_number_from_log2(1.0, std::nullopt, 3.0), 6.0);
    EXPECT_NEAR(copy_number_from_log2(std::log2(1.5), std::nullopt, 2.0), 3.0, 1e-12);
    EXPECT_DOUBLE_EQ(copy_number_from_log2(1.0, 0.5, 2.0), 6.0);         // (4 - 2*0.5) / 0.5
    EXPECT_DOUBLE_EQ(copy_number_from_log2(-1.0, 0.5, 2.0), 0.0);        // (1 - 1) / 0.5
    EXPECT_DOUBLE_EQ(copy_number_from_log2(-2.0, 0.5, 2.0), 0.0);        // (0.5 - 1) / 0.5 = -1, floored
    EXPECT_NEAR(copy_number_from_log2(0.5, 0.8, 2.0), 3.0355339, 1e-6);  // (2.8284271 - 0.4) / 0.8
    EXPECT_NEAR(copy_number_from_log2(0.0, 0.3, 2.0), 2.0, 1e-12);       // neutral stays neutral
}

// CNVkit skips the rescaling unless 0 < purity < 1 ("if purity and purity < 1.0").
TEST(CopyNumberFromLog2, purity_of_one_or_zero_means_no_rescaling) {
    EXPECT_DOUBLE_EQ(rvanno::copy_number_from_log2(1.0, 1.0, 2.0), 4.0);
    EXPECT_DOUBLE_EQ(rvanno::copy_number_from_log2(1.0, 0.0, 2.0), 4.0);
}

// --cnv-format values are typed by people; names must be stable for reports.
TEST(CnvFormatNames, parse_and_print_known_names) {
    EXPECT_EQ(rvanno::to_string(CnvFormat::gatk_seg), "gatk_seg");
    EXPECT_EQ(rvanno::to_string(CnvFormat::purple_gene), "purple_gene");
    EXPECT_EQ(rvanno::parse_cnv_format("cnvkit-call"), CnvFormat::cnvkit_call);
    EXPECT_EQ(rvanno::parse_cnv_format("PCGR_ALLELIC"), CnvFormat::pcgr_allelic);
    EXPECT_EQ(rvanno::parse_cnv_format("seg"), CnvFormat::generic_seg);
    EXPECT_EQ(rvanno::parse_cnv_format("plain"), CnvFormat::plain);
    EXPECT_FALSE(rvanno::parse_cnv_format("bed").has_value());
    EXPECT_EQ(rvanno::to_string(rvanno::CnClass::deep_deletion), "deep_deletion");
}

// ---- real caller output ---------------------------------------------------------------------

// CNVkit .cns is 0-based half-open: start/end are taken as they are.
TEST(CnvRealFiles, cnvkit_cns_p2_9_2) {
    REQUIRE_SHARED();
    const auto in = read_copy_number(formats("cnvkit/p2-9_2.cns"));
    EXPECT_EQ(in.format, CnvFormat::cnvkit_cns);
    ASSERT_EQ(in.segments.size(), 313u);
    EXPECT_EQ(in.segments.front().where, (Region{"1", 464423, 3003530}));
    EXPECT_EQ(in.segments.front().contig_name, "chr1");
    EXPECT_DOUBLE_EQ(*in.segments.front().log2, -0.505883);
    EXPECT_FALSE(in.segments.front().copy_number.has_value());
    EXPECT_EQ(in.segments.back().where, (Region{"Y", 18912088, 28722971}));
    EXPECT_DOUBLE_EQ(*in.segments.back().log2, -12.5927);
    EXPECT_EQ(in.segments.front().source, formats("cnvkit/p2-9_2.cns") + ":2");
    EXPECT_FALSE(in.build.has_value());
}

// The .call.cns adds the integer `cn`, which is the file's absolute copy number.
TEST(CnvRealFiles, cnvkit_call_cns_p2_9_2) {
    REQUIRE_SHARED();
    const auto in = read_copy_number(formats("cnvkit/p2-9_2.call.cns"));
    EXPECT_EQ(in.format, CnvFormat::cnvkit_call);
    ASSERT_EQ(in.segments.size(), 313u);
    EXPECT_EQ(in.segments.front().where, (Region{"1", 464423, 3003530}));
    EXPECT_DOUBLE_EQ(*in.segments.front().copy_number, 1.0);
    EXPECT_EQ(in.segments.back().where, (Region{"Y", 18912088, 28722971}));
    EXPECT_DOUBLE_EQ(*in.segments.back().copy_number, 0.0);
}

// Two more CNVkit files with other column orders (depth last, no depth).
TEST(CnvRealFiles, cnvkit_cns_tr95t_and_nv3) {
    REQUIRE_SHARED();
    const auto tr = read_copy_number(formats("cnvkit/tr95t.cns"));
    ASSERT_EQ(tr.segments.size(), 124u);
    EXPECT_EQ(tr.segments.front().where, (Region{"1", 10500, 2421341}));
    EXPECT_DOUBLE_EQ(*tr.segments.front().log2, 0.134253);
    EXPECT_EQ(tr.segments.back().where, (Region{"Y", 59099792, 59363066}));
    const auto nv = read_copy_number(formats("cnvkit/nv3.cns"));
    ASSERT_EQ(nv.segments.size(), 72u);
    EXPECT_EQ(nv.segments.front().where, (Region{"1", 10500, 121352354}));
    EXPECT_DOUBLE_EQ(*nv.segments.back().log2, -0.0770873);
    EXPECT_EQ(nv.segments.back().where, (Region{"Y", 13199459, 28666774}));
}

// Why (issue 8): a multi-sample SEG was pooled silently into one tumour. Without a sample it
// is refused (exit 2) listing the samples; with one, only that sample's segments are read.
// SEG is 1-based inclusive; 23/24 are X/Y.
TEST(CnvRealFiles, dnacopy_seg_many_samples) {
    REQUIRE_SHARED();
    try {
        read_copy_number(formats("cnvkit/cw-tr-log2.seg"));
        ADD_FAILURE() << "a multi-sample SEG read without a sample";
    } catch (const rvanno::UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("holds 41 samples (its ID column): TR_01_T, TR_02_T"), std::string::npos)
            << e.what();
        EXPECT_NE(e.hint().find("--cnv-sample"), std::string::npos);
    }
    // the first and the last sample of the file (`cut -f1 | uniq`); 4,172 segments in all
    const auto first = read_copy_number(formats("cnvkit/cw-tr-log2.seg"), {}, {"TR_01_T", false});
    EXPECT_EQ(first.format, CnvFormat::generic_seg);
    EXPECT_EQ(first.sample, "TR_01_T");
    EXPECT_EQ(first.samples.size(), 41u);
    ASSERT_FALSE(first.segments.empty());
    EXPECT_EQ(first.segments.front().where, (Region{"1", 974999, 248775000}));
    EXPECT_DOUBLE_EQ(*first.segments.front().log2, 0.0037);
    EXPECT_TRUE(first.skipped_lines.empty());
    std::size_t all = 0;
    for (const auto& s : first.samples)
        all += read_copy_number(formats("cnvkit/cw-tr-log2.seg"), {}, {s, false}).segments.size();
    EXPECT_EQ(all, 4172u);
    const auto last = read_copy_number(formats("cnvkit/cw-tr-log2.seg"), {}, {first.samples.back(), false});
    EXPECT_EQ(last.segments.back().where, (Region{"Y", 2774999, 24525000}));
    EXPECT_EQ(last.segments.back().contig_name, "24");
    EXPECT_DOUBLE_EQ(*last.segments.back().log2, 0.01);
    EXPECT_THROW(read_copy_number(formats("cnvkit/cw-tr-log2.seg"), {}, {"NOPE", false}), rvanno::UserError);
}

// warning.seg starts with an R warning. The project chose strictness: text before the header is
// an error at its line (warning.seg:1), not silently skipped.
TEST(CnvRealFiles, seg_with_r_warning_before_header_is_an_error_at_line_1) {
    REQUIRE_SHARED();
    EXPECT_EQ(error_where(formats("cnvkit/warning.seg")), formats("cnvkit/warning.seg") + ":1");
    EXPECT_NE(error_text(formats("cnvkit/warning.seg")).find("delete the lines before the header"), std::string::npos);
}

// CNVkit's VCF export: POS is the padding base, so [POS, END) equals the .cns row it came from.
TEST(CnvRealFiles, cnvkit_vcf_export_matches_the_cns_coordinates) {
    REQUIRE_SHARED();
    const auto in = read_copy_number(formats("cnvkit/tr95t.cnvkit.vcf"));
    EXPECT_EQ(in.format, CnvFormat::vcf);
    ASSERT_EQ(in.segments.size(), 65u);
    EXPECT_EQ(in.sample, "tr95t");
    EXPECT_EQ(in.segments.front().where, (Region{"1", 2422583, 2431202}));  // tr95t.cns line 3
    EXPECT_DOUBLE_EQ(*in.segments.front().copy_number, 3.0);
    EXPECT_NEAR(*in.segments.front().log2, 0.448062, 1e-6);
    EXPECT_EQ(in.segments.front().source, formats("cnvkit/tr95t.cnvkit.vcf") + ": record 1");
    EXPECT_EQ(in.segments.back().where, (Region{"Y", 59099792, 59363066}));
    EXPECT_DOUBLE_EQ(*in.segments.back().copy_number, 1.0);
    EXPECT_EQ(in.skipped_not_cnv, 0);
}

// CNVkit writes no CN for <DEL> records: copy_number stays empty, log2 is there.
TEST(CnvRealFiles, cnvkit_vcf_export_deletion_without_cn) {
    REQUIRE_SHARED();
    const auto in = read_copy_number(formats("cnvkit/p2-9_2.cnvkit.vcf"));
    ASSERT_EQ(in.segments.size(), 98u);
    EXPECT_EQ(in.segments.front().where, (Region{"1", 464423, 3003530}));  // p2-9_2.cns line 2
    EXPECT_FALSE(in.segments.front().copy_number.has_value());
    EXPECT_NEAR(*in.segments.front().log2, -0.505883, 1e-6);
    EXPECT_EQ(in.segments.back().where, (Region{"X", 149611438, 154941455}));
    EXPECT_DOUBLE_EQ(*in.segments.back().copy_number, 3.0);
}

// GATK ModelSegments: 1-based closed intervals, the posterior median, SM from @RG.
TEST(CnvRealFiles, gatk_model_final_seg) {
    REQUIRE_SHARED();
    const auto in = read_copy_number(formats("gatk/single-sample-cr-ac.modelFinal.seg"));
    EXPECT_EQ(in.format, CnvFormat::gatk_seg);
    EXPECT_EQ(in.sample, "SM-74P4M-1");
    ASSERT_EQ(in.segments.size(), 6u);
    EXPECT_EQ(in.segments.front().where, (Region{"20", 68099, 10032789}));
    EXPECT_DOUBLE_EQ(*in.segments.front().log2, 0.662764);
    EXPECT_EQ(in.segments.front().source, formats("gatk/single-sample-cr-ac.modelFinal.seg") + ":5");
    EXPECT_EQ(in.segments.back().where, (Region{"20", 39316267, 62905205}));
    EXPECT_DOUBLE_EQ(*in.segments.back().log2, 0.110899);
}

// PURPLE segments are 1-based inclusive; purity and ploidy come from purple.purity.tsv beside it.
TEST(CnvRealFiles, purple_somatic_with_purity_file_beside) {
    REQUIRE_SHARED();
    const auto in = read_copy_number(formats("purple/purple.cnv.somatic.tsv"));
    EXPECT_EQ(in.format, CnvFormat::purple_somatic);
    ASSERT_EQ(in.segments.size(), 59u);
    EXPECT_EQ(in.segments.front().where, (Region{"1", 0, 123605522}));
    EXPECT_DOUBLE_EQ(*in.segments.front().copy_number, 1.0249);
    EXPECT_DOUBLE_EQ(*in.segments.front().minor_cn, 0.0184);
    EXPECT_DOUBLE_EQ(*in.segments.front().major_cn, 1.0066);
    EXPECT_EQ(in.segments[1].where.begin, in.segments.front().where.end);  // contiguous, no overlap
    EXPECT_EQ(in.segments.back().where, (Region{"Y", 10430491, 57227415}));
    EXPECT_DOUBLE_EQ(*in.segments.back().copy_number, 0.9859);
    EXPECT_DOUBLE_EQ(*in.purity, 0.75);
    EXPECT_DOUBLE_EQ(*in.ploidy, 1.8658);
}

// PCGR allele-specific segments: total CN = nMajor + nMinor, 1-based.
TEST(CnvRealFiles, pcgr_allelic_segments) {
    REQUIRE_SHARED();
    const auto in = read_copy_number(formats("pcgr/T001-BRCA.grch37.cna.tsv"));
    EXPECT_EQ(in.format, CnvFormat::pcgr_allelic);
    ASSERT_EQ(in.segments.size(), 252u);
    EXPECT_EQ(in.segments.front().where, (Region{"1", 745020, 38117614}));
    EXPECT_DOUBLE_EQ(*in.segments.front().copy_number, 1.0);
    EXPECT_DOUBLE_EQ(*in.segments.front().minor_cn, 0.0);
    EXPECT_EQ(in.segments.back().where, (Region{"X", 154941570, 155038157}));
    EXPECT_DOUBLE_EQ(*in.segments.back().copy_number, 2.0);
}

// Delly: DEL/DUP become segments with FORMAT CN of the first sample; BND/INV/INS are skipped.
TEST(CnvRealFiles, delly_vcf_keeps_del_dup_and_counts_the_rest) {
    REQUIRE_SHARED();
    const auto in = read_copy_number(formats("sv/test_delly.vcf"));
    ASSERT_EQ(in.segments.size(), 6u);
    EXPECT_EQ(in.skipped_not_cnv, 9);  // 3 BND, 3 INV, 3 INS
    EXPECT_EQ(in.sample, "TUMOR");
    EXPECT_EQ(in.build, rvanno::GenomeBuild::GRCh37);
    EXPECT_EQ(in.segments.front().where, (Region{"4", 66197402, 66197751}));
    EXPECT_DOUBLE_EQ(*in.segments.front().copy_number, 2.0);
    EXPECT_EQ(in.segments.back().where, (Region{"13", 111590551, 111590743}));
    EXPECT_DOUBLE_EQ(*in.segments.back().copy_number, 4.0);
}

// BCF goes through the same path; Delly 1.1 writes RDCN, not CN, so there is no copy number.
TEST(CnvRealFiles, delly_bcf) {
    REQUIRE_SHARED();
    const auto in = read_copy_number(formats("sv/delly_sr.bcf"));
    EXPECT_EQ(in.format, CnvFormat::vcf);
    ASSERT_EQ(in.segments.size(), 1u);
    EXPECT_EQ(in.segments.front().where, (Region{"18", 100000, 108002}));
    EXPECT_FALSE(in.segments.front().copy_number.has_value());
}

// ---- hand-written samples (testdata/cnv) -----------------------------------------------------

// Every format is recognised from its content alone.
TEST(CnvDetection, each_sample_is_recognised) {
    const std::vector<std::pair<std::string, CnvFormat>> cases{
        {"sample.cns", CnvFormat::cnvkit_cns},
        {"sample.call.cns", CnvFormat::cnvkit_call},
        {"sample.seg", CnvFormat::generic_seg},
        {"sample.called.seg", CnvFormat::gatk_seg},
        {"TUMOR1.purple.cnv.somatic.tsv", CnvFormat::purple_somatic},
        {"TUMOR1.purple.cnv.gene.tsv", CnvFormat::purple_gene},
        {"sample.pcgr.cna.tsv", CnvFormat::pcgr_allelic},
        {"sample.plain.tsv", CnvFormat::plain},
        {"sample.cnv.vcf", CnvFormat::vcf},
    };
    for (const auto& [file, format] : cases) {
        SCOPED_TRACE(file);
        EXPECT_EQ(read_copy_number(sample(file)).format, format);
    }
}

// An explicit format overrides detection: a .call.cns read as .cns keeps only log2.
TEST(CnvDetection, explicit_format_overrides) {
    const auto in = read_copy_number(sample("sample.call.cns"), CnvFormat::cnvkit_cns);
    EXPECT_EQ(in.format, CnvFormat::cnvkit_cns);
    ASSERT_EQ(in.segments.size(), 2u);
    EXPECT_FALSE(in.segments.front().copy_number.has_value());
    EXPECT_EQ(error_where(sample("sample.cns"), CnvFormat::plain), sample("sample.cns") + ":1");
    EXPECT_NE(error_text(sample("sample.cns"), CnvFormat::plain).find("missing column 'chrom'"), std::string::npos);
    EXPECT_NE(error_text(sample("sample.cns"), CnvFormat::vcf).find("not a VCF"), std::string::npos);
}

// CNVkit .cns: 0-based coordinates kept; a segment on an unplaced contig is skipped and counted.
TEST(CnvSamples, cnvkit_cns_skips_unplaced_contig) {
    const auto in = read_copy_number(sample("sample.cns"));
    ASSERT_EQ(in.segments.size(), 3u);
    EXPECT_EQ(in.skipped_contigs, 1);
    EXPECT_EQ(in.segments[0].where, (Region{"2", 29192773, 29921566}));
    EXPECT_DOUBLE_EQ(*in.segments[0].log2, 1.58);
    EXPECT_EQ(in.segments[2].where, (Region{"X", 0, 155270560}));
    EXPECT_EQ(in.segments[2].source, sample("sample.cns") + ":5");
}

// cn1/cn2 are CNVkit's major/minor allele copies; empty cells mean "not called".
TEST(CnvSamples, cnvkit_call_major_minor) {
    const auto in = read_copy_number(sample("sample.call.cns"));
    ASSERT_EQ(in.segments.size(), 2u);
    EXPECT_DOUBLE_EQ(*in.segments[0].copy_number, 6.0);
    EXPECT_DOUBLE_EQ(*in.segments[0].major_cn, 4.0);
    EXPECT_DOUBLE_EQ(*in.segments[0].minor_cn, 2.0);
    EXPECT_FALSE(in.segments[1].major_cn.has_value());
    EXPECT_FALSE(in.segments[1].minor_cn.has_value());
}

// SEG with R-quoted header names: 1-based start becomes 0-based; 23 is X; ID names the sample.
TEST(CnvSamples, generic_seg) {
    const auto in = read_copy_number(sample("sample.seg"));
    ASSERT_EQ(in.segments.size(), 2u);
    EXPECT_EQ(in.sample, "S1");
    EXPECT_EQ(in.segments[0].where, (Region{"2", 29192773, 29921566}));
    EXPECT_EQ(in.segments[1].where, (Region{"X", 0, 155270560}));
    EXPECT_DOUBLE_EQ(*in.segments[1].log2, -1.0);
}

// GATK CallCopyRatioSegments: MEAN_LOG2_COPY_RATIO when there is no posterior median.
TEST(CnvSamples, gatk_called_seg) {
    const auto in = read_copy_number(sample("sample.called.seg"));
    EXPECT_EQ(in.sample, "TUMOR1");
    ASSERT_EQ(in.segments.size(), 2u);
    EXPECT_EQ(in.segments[1].where, (Region{"7", 55019016, 55211628}));
    EXPECT_DOUBLE_EQ(*in.segments[1].log2, -0.42);
    EXPECT_FALSE(in.purity.has_value());
}

// PURPLE: the TUMOR1. prefix names the sample and the purity file.
TEST(CnvSamples, purple_somatic_and_gene) {
    const auto seg = read_copy_number(sample("TUMOR1.purple.cnv.somatic.tsv"));
    EXPECT_EQ(seg.sample, "TUMOR1");
    EXPECT_DOUBLE_EQ(*seg.purity, 0.64);
    EXPECT_DOUBLE_EQ(*seg.ploidy, 3.1);
    ASSERT_EQ(seg.segments.size(), 2u);
    EXPECT_EQ(seg.segments[1].where, (Region{"2", 29192773, 29921566}));
    EXPECT_DOUBLE_EQ(*seg.segments[1].major_cn, 5.85);
    const auto gene = read_copy_number(sample("TUMOR1.purple.cnv.gene.tsv"));
    ASSERT_EQ(gene.segments.size(), 2u);
    EXPECT_EQ(gene.segments[1].gene, "EGFR");
    EXPECT_DOUBLE_EQ(*gene.segments[1].copy_number, 1.98);  // minCopyNumber
    EXPECT_EQ(gene.segments[1].where, (Region{"7", 55019016, 55211628}));
    EXPECT_DOUBLE_EQ(*gene.purity, 0.64);
}

// PURPLE before 2.x wrote "#chromosome" and ...AllelePloidy columns (gpgr, rock readers).
TEST(CnvSamples, purple_old_header_with_hash) {
    const auto p = temp_file("old.purple.cnv.somatic.tsv",
                             "#chromosome\tstart\tend\tcopyNumber\tminorAllelePloidy\tmajorAllelePloidy\n"
                             "1\t1\t1000\t3.0\t1.0\t2.0\n");
    const auto in = read_copy_number(p);
    fs::remove(p);
    EXPECT_EQ(in.format, CnvFormat::purple_somatic);
    ASSERT_EQ(in.segments.size(), 1u);
    EXPECT_EQ(in.segments[0].where, (Region{"1", 0, 1000}));
    EXPECT_DOUBLE_EQ(*in.segments[0].major_cn, 2.0);
    EXPECT_EQ(in.sample, "rvanno_cnv_" + std::to_string(::getpid()) + "_old");
}

// PCGR and plain tables: CN = nMajor + nMinor; plain is 0-based like BED.
TEST(CnvSamples, pcgr_and_plain) {
    const auto pcgr = read_copy_number(sample("sample.pcgr.cna.tsv"));
    ASSERT_EQ(pcgr.segments.size(), 2u);
    EXPECT_DOUBLE_EQ(*pcgr.segments[0].copy_number, 6.0);
    EXPECT_EQ(pcgr.segments[0].where, (Region{"2", 29192773, 29921566}));
    const auto plain = read_copy_number(sample("sample.plain.tsv"));
    ASSERT_EQ(plain.segments.size(), 2u);
    EXPECT_EQ(plain.segments[0].where, (Region{"2", 29192773, 29921566}));
    EXPECT_EQ(plain.segments[1].where, (Region{"7", 55019016, 55211628}));
    EXPECT_DOUBLE_EQ(*plain.segments[1].copy_number, 1.5);
}

// VCF: END or SVLEN, tumour sample from ##tumor_sample, Canvas purity/ploidy, build from lengths.
TEST(CnvSamples, vcf_records_header_and_skips) {
    const auto in = read_copy_number(sample("sample.cnv.vcf"));
    EXPECT_EQ(in.sample, "TUMOR");
    EXPECT_DOUBLE_EQ(*in.purity, 0.8);
    EXPECT_DOUBLE_EQ(*in.ploidy, 2.1);
    EXPECT_EQ(in.build, rvanno::GenomeBuild::GRCh38);
    EXPECT_EQ(in.skipped_not_cnv, 2);  // BND, INV
    EXPECT_EQ(in.skipped_contigs, 1);  // chr1_KI270706v1_random
    ASSERT_EQ(in.segments.size(), 3u);
    EXPECT_EQ(in.segments[0].where, (Region{"2", 29000000, 29500000}));
    EXPECT_DOUBLE_EQ(*in.segments[0].copy_number, 8.0);
    EXPECT_EQ(in.segments[1].where, (Region{"7", 55000000, 55001000}));  // POS + |SVLEN|
    EXPECT_DOUBLE_EQ(*in.segments[1].copy_number, 1.0);
    EXPECT_EQ(in.segments[2].where, (Region{"2", 30000000, 30000500}));  // <DUP:TANDEM>, no SVTYPE
    EXPECT_FALSE(in.segments[2].copy_number.has_value());
    EXPECT_EQ(in.segments[2].source, sample("sample.cnv.vcf") + ": record 6");
}

// ---- malformed input: each error names the file and the offending line --------------------

// Each malformed sample fails at the line its README entry names.
TEST(CnvMalformed, errors_name_file_and_line) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"text_before_header.cns", ":1"},     {"missing_column.cns", ":2"},
        {"end_before_start.seg", ":3"},       {"non_numeric_copy_number.tsv", ":3"},
        {"unknown_contig.tsv", ":4"},         {"short_row.tsv", ":3"},
        {"empty_segment.cns", ":3"},          {"no_header.bed", ":1"},
        {"gatk_no_value.seg", ":3"},          {"end_before_pos.vcf", ": record 2"},
        {"unknown_contig.vcf", ": record 2"},
    };
    for (const auto& [file, at] : cases) {
        SCOPED_TRACE(file);
        EXPECT_EQ(error_where(malformed(file)), malformed(file) + at);
    }
}

// The messages say what is wrong and how to fix it.
TEST(CnvMalformed, messages_and_hints) {
    EXPECT_NE(error_text(malformed("missing_column.cns")).find("missing column 'log2'"), std::string::npos);
    EXPECT_NE(error_text(malformed("unknown_contig.tsv")).find("unknown contig 'chr01'"), std::string::npos);
    EXPECT_NE(error_text(malformed("non_numeric_copy_number.tsv")).find("'2,5' is not a number"), std::string::npos);
    EXPECT_NE(error_text(malformed("end_before_start.seg")).find("END 4999 is before START 5000"), std::string::npos);
}

// Why: every text table reads CR LF as LF (io/text_table.hpp), so a table saved on Windows
// gives the same segments as its Unix copy; CR LF on some lines only, or on the header, too.
TEST(CnvTables, crlf_line_ends_read_as_lf) {
    const auto in = read_copy_number(sample("crlf.cns"));
    EXPECT_EQ(in.format, CnvFormat::cnvkit_cns);
    ASSERT_EQ(in.segments.size(), 3u);
    EXPECT_DOUBLE_EQ(*in.segments[1].log2, 0.5);
    EXPECT_DOUBLE_EQ(*in.segments[2].log2, 0.1);
    const auto p = temp_file("crlf1.tsv", "chrom\tstart\tend\tcopy_number\r\nchr2\t0\t10\t2\r\n");
    const auto all = read_copy_number(p);
    fs::remove(p);
    EXPECT_EQ(all.format, CnvFormat::plain);
    ASSERT_EQ(all.segments.size(), 1u);
    EXPECT_DOUBLE_EQ(*all.segments[0].copy_number, 2.0);
}

// Files that are missing, empty, directories or binary junk give a UserError, never a crash.
TEST(CnvMalformed, unreadable_and_junk_inputs) {
    EXPECT_NE(error_text(sample("does_not_exist.tsv")).find("no such file"), std::string::npos);
    EXPECT_NE(error_text(sample("malformed")).find("directory"), std::string::npos);
    const auto empty = temp_file("empty.tsv", "");
    EXPECT_EQ(error_where(empty.string()), empty.string());
    fs::remove(empty);
    const auto junk = temp_file("junk.bin", std::string("\x00\x01\x02\xff\n\t\t\n", 8));
    EXPECT_EQ(error_where(junk.string()), junk.string() + ":1");
    fs::remove(junk);
}

// Never crash: every hostile or foreign file either reads or throws a UserError (run under ASan).
TEST(CnvMalformed, hostile_and_foreign_files_never_crash) {
    std::vector<fs::path> dirs{std::string(RVANNO_TESTDATA) + "/malformed", sample("malformed")};
    if (have_shared())
        for (const auto& d : fs::directory_iterator(std::string(RVANNO_SHARED_DATA) + "/formats")) dirs.push_back(d);
    for (const auto& dir : dirs)
        for (const auto& f : fs::directory_iterator(dir)) {
            SCOPED_TRACE(f.path().string());
            try {
                read_copy_number(f.path());
            } catch (const UserError&) {
            } catch (const std::exception& e) { ADD_FAILURE() << "unexpected exception: " << e.what(); }
        }
}
