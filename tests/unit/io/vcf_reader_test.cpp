// VcfReader: target skipping, FILTER and sample rules, FORMAT values, header summary, BCF
// parity; and TargetIndex, the interval set the skipping relies on.
// Inputs: testdata/vcf/reader_*.vcf (see testdata/vcf/README.md).
#include "io/vcf_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "base/genome.hpp"
#include "base/target_index.hpp"
#include "io/hts.hpp"
#include "rvanno/error.hpp"

namespace fs = std::filesystem;
using rvanno::InputError;
using rvanno::Region;
using rvanno::TargetIndex;
using rvanno::UserError;
using rvanno::VariantRecord;
using rvanno::VcfReader;
using rvanno::VcfReaderOptions;

namespace {

std::string test_vcf(const std::string& name) { return std::string(RVANNO_TESTDATA) + "/vcf/" + name; }

// chr2:29220001-29221000 (1-based), the window every reader_*.vcf puts its in-target records in.
TargetIndex alk_window() {
    TargetIndex t;
    t.add(Region{"2", 29220000, 29221000});
    t.finish();
    return t;
}

std::vector<VariantRecord> read_all(VcfReader& r) {
    std::vector<VariantRecord> out;
    VariantRecord v;
    while (r.next(v)) out.push_back(v);
    return out;
}

std::vector<VariantRecord> read_all(const std::string& path, VcfReaderOptions opt = {}) {
    VcfReader r(path, opt);
    r.set_targets(alk_window());
    return read_all(r);
}

VcfReaderOptions with_sample(const std::string& name) {
    VcfReaderOptions o;
    o.sample = name;
    return o;
}

fs::path temp_path(const std::string& name) {
    return fs::temp_directory_path() / ("rvanno_vcfreader_" + std::to_string(::getpid()) + "_" + name);
}

// Writes `vcf_path` as BCF with HTSlib (bcf_hdr_write/bcf_write), checking every return code.
void write_bcf(const std::string& vcf_path, const fs::path& bcf_path) {
    rvanno::hts::File in(hts_open(vcf_path.c_str(), "r"));
    ASSERT_TRUE(in);
    rvanno::hts::Header hdr(bcf_hdr_read(in.get()));
    ASSERT_TRUE(hdr);
    rvanno::hts::File out(hts_open(bcf_path.c_str(), "wb"));
    ASSERT_TRUE(out);
    ASSERT_EQ(bcf_hdr_write(out.get(), hdr.get()), 0);
    rvanno::hts::Record rec(bcf_init());
    int ret;
    while ((ret = bcf_read(in.get(), hdr.get(), rec.get())) == 0)
        ASSERT_EQ(bcf_write(out.get(), hdr.get(), rec.get()), 0);
    ASSERT_EQ(ret, -1);
    ASSERT_EQ(hts_close(out.release()), 0);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Target skipping

// The speed design: records outside the targets are counted and never handed to vcf_parse.
TEST(VcfReader, records_outside_targets_are_counted_and_skipped) {
    VcfReader r(test_vcf("reader_records.vcf"), {});
    r.set_targets(alk_window());
    auto recs = read_all(r);
    ASSERT_EQ(recs.size(), 3u);
    EXPECT_EQ(recs[0].id, "A");
    EXPECT_EQ(recs[1].id, "B");
    EXPECT_EQ(recs[2].id, "D");
    const auto& c = r.counters();
    EXPECT_EQ(c.records, 8);
    EXPECT_EQ(c.outside_targets, 3);  // chr1, chr2:100, chr7
    EXPECT_EQ(c.candidates, 5);       // A B C D E, C and E then filtered
    EXPECT_EQ(c.filtered, 2);
}

// "Without parsing" proven: the outside record is one vcf_parse rejects, yet reading succeeds.
TEST(VcfReader, garbage_record_outside_targets_is_skipped_without_parsing) {
    const std::string path = test_vcf("reader_garbage_outside.vcf");
    {  // The first data line really is rejected by HTSlib when parsed.
        hts_set_log_level(HTS_LOG_OFF);
        rvanno::hts::File fp(hts_open(path.c_str(), "r"));
        ASSERT_TRUE(fp);
        rvanno::hts::Header hdr(bcf_hdr_read(fp.get()));
        rvanno::hts::Record rec(bcf_init());
        rvanno::hts::KString line;
        ASSERT_GE(hts_getline(fp.get(), KS_SEP_LINE, &line.s), 0);
        ASSERT_EQ(std::string(line.s.s, 11), "chr2\t100\tga");
        EXPECT_LT(vcf_parse(&line.s, hdr.get(), rec.get()), 0);
        hts_set_log_level(HTS_LOG_WARNING);
    }
    VcfReader r(path, with_sample("S1"));  // two unmarked samples: no default (vcf_sample_choice_test)
    r.set_targets(alk_window());
    std::vector<VariantRecord> recs;
    ASSERT_NO_THROW(recs = read_all(r));
    ASSERT_EQ(recs.size(), 1u);
    EXPECT_EQ(recs[0].id, "ok");
    EXPECT_EQ(recs[0].record_number, 2);
    EXPECT_EQ(r.counters().outside_targets, 1);
}

// A bad record inside a gene is skipped and counted (issue 11: one record never stops the run);
// under --strict it is an InputError with its file and record number.
TEST(VcfReader, malformed_record_inside_targets_is_skipped_and_counted_or_strict_error) {
    const std::string path = test_vcf("reader_malformed_inside.vcf");
    {
        VcfReader r(path, with_sample("S1"));  // two unmarked samples: no default
        r.set_targets(alk_window());
        VariantRecord v;
        ASSERT_TRUE(r.next(v));
        EXPECT_EQ(v.id, "ok");
        EXPECT_FALSE(r.next(v)) << "the record HTSlib cannot parse (AD 'x,y') must not come out";
        EXPECT_EQ(r.counters().invalid_records, 1);
    }
    auto strict = with_sample("S1");
    strict.strict = true;
    VcfReader r(path, strict);
    r.set_targets(alk_window());
    VariantRecord v;
    ASSERT_TRUE(r.next(v));
    try {
        r.next(v);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), path + ": record 3 (chr2:29220800)");
        EXPECT_NE(std::string(e.what()).find("malformed VCF record"), std::string::npos) << e.what();
    }
}

// HTSlib 1.16 accepts a line cut after REF (htslib_behaviour_test pins that), so only rvanno
// can notice it; a candidate with fewer than the 8 fixed VCF columns must not pass as a record.
TEST(VcfReader, record_cut_short_inside_targets_is_skipped_not_read) {
    const std::string path = test_vcf("reader_truncated_inside.vcf");
    VcfReader r(path, {});
    r.set_targets(alk_window());
    VariantRecord v;
    ASSERT_TRUE(r.next(v));
    EXPECT_EQ(v.id, "ok");
    EXPECT_FALSE(r.next(v)) << "a record cut after REF came out with REF '" << v.ref << "'";
    EXPECT_EQ(r.counters().invalid_records, 1);
}

// POS is parsed by rvanno itself before target lookup, so a bad POS is caught everywhere:
// skipped and counted, or with --strict an error naming the record.
TEST(VcfReader, non_numeric_pos_is_skipped_even_outside_targets) {
    auto p = temp_path("bad_pos.vcf");
    {
        std::ofstream out(p);
        out << "##fileformat=VCFv4.2\n##contig=<ID=chr5>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
               "chr5\t12x\t.\tC\tT\t.\tPASS\t.\n";
    }
    {
        VcfReader r(p.string(), {});
        r.set_targets(alk_window());
        VariantRecord v;
        EXPECT_FALSE(r.next(v));
        EXPECT_EQ(r.counters().invalid_records, 1);
    }
    VcfReaderOptions strict;
    strict.strict = true;
    VcfReader r(p.string(), strict);
    r.set_targets(alk_window());
    VariantRecord v;
    try {
        r.next(v);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), p.string() + ": record 1 (chr5)");
        EXPECT_NE(std::string(e.what()).find("POS '12x' is not a position"), std::string::npos) << e.what();
    }
    fs::remove(p);
}

// Why (issue 11): HTSlib 1.16 keeps REF 'B', reads REF 'C,A' as REF C plus an ALT A, keeps ALT
// 'A T' and QUAL 'quality'; each was annotated (one matched ALK G1202R). Each is skipped and
// counted, the good records around them still come out, and a duplicate of a good record is
// skipped once. A VCF 4.4 GT prefix ('|0/1', '/0/0') is read without it, not an error.
TEST(VcfReader, invalid_alleles_qual_and_duplicates_are_skipped_gt_prefixes_read) {
    auto p = temp_path("invalid_records.vcf");
    {
        std::ofstream out(p);
        out << "##fileformat=VCFv4.4\n##contig=<ID=chr2>\n"
               "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"GT\">\n"
               "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n"
               "chr2\t29220747\tref_b\tB\tT\t.\tPASS\t.\tGT\t0/1\n"
               "chr2\t29220747\tref_comma\tC,A\tT\t.\tPASS\t.\tGT\t0/1\n"
               "chr2\t29220747\talt_space\tC\tA T\t.\tPASS\t.\tGT\t0/1\n"
               "chr2\t29220747\tqual_word\tC\tT\tquality\tPASS\t.\tGT\t0/1\n"
               "chr2\t29220747\tgood\tC\tT\t50\tPASS\t.\tGT\t|0/1\n"
               "chr2\t29220747\tduplicate\tC\tT\t50\tPASS\t.\tGT\t0/1\n"
               "chr2\t29220747\tother_alt\tC\tG\t.\tPASS\t.\tGT\t/0/0\n";
    }
    VcfReader r(p.string(), {});
    r.set_targets(alk_window());
    VariantRecord v;
    std::vector<std::string> ids, genotypes;
    while (r.next(v)) {
        ids.push_back(v.id);
        genotypes.push_back(v.genotype);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"good", "other_alt"}));
    EXPECT_EQ(genotypes, (std::vector<std::string>{"0/1", "0/0"}));
    EXPECT_EQ(r.counters().invalid_records, 4);
    EXPECT_EQ(r.counters().duplicate_records, 1);
    EXPECT_EQ(r.counters().gt_phase_prefixes, 2);
    EXPECT_EQ(describe_record_problems(r.counters()),
              "small variants: 4 invalid records skipped, 1 duplicate record skipped, 2 VCF 4.4 GT phasing "
              "prefixes dropped");
    fs::remove(p);
}

// Why (issue 11): FORMAT AD summed into an int overflowed (UBSan) and in Release the allele
// vanished. The sum is 64-bit; past 32 bits it is not used as the depth (counted), and the
// allele and its VAF stay.
TEST(VcfReader, ad_sum_past_32_bits_keeps_the_allele_and_is_counted) {
    auto p = temp_path("ad_overflow.vcf");
    {
        std::ofstream out(p);
        out << "##fileformat=VCFv4.2\n##contig=<ID=chr2>\n"
               "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"AD\">\n"
               "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n"
               "chr2\t29220747\tbig\tC\tT\t.\tPASS\t.\tAD\t2147483647,2147483647\n";
    }
    VcfReader r(p.string(), {});
    r.set_targets(alk_window());
    VariantRecord v;
    ASSERT_TRUE(r.next(v));
    EXPECT_EQ(v.id, "big");
    ASSERT_EQ(v.vaf.size(), 1u);
    ASSERT_TRUE(v.vaf[0].has_value());
    EXPECT_DOUBLE_EQ(*v.vaf[0], 0.5);
    EXPECT_FALSE(v.depth.has_value());
    EXPECT_EQ(r.counters().format_values_out_of_range, 1);
    fs::remove(p);
}

// ---------------------------------------------------------------------------------------------
// FILTER

// PASS and '.' are kept; anything else is dropped and counted unless --include-filtered.
TEST(VcfReader, pass_and_dot_filters_are_kept_others_are_counted_as_filtered) {
    auto recs = read_all(test_vcf("reader_records.vcf"));
    ASSERT_EQ(recs.size(), 3u);
    EXPECT_EQ(recs[0].filter, "PASS");
    EXPECT_EQ(recs[1].filter, ".");
    EXPECT_EQ(recs[2].filter, "PASS");
}

// --include-filtered hands on every candidate, with its filter names ';'-joined as written.
TEST(VcfReader, include_filtered_keeps_filtered_records_with_their_filter_names) {
    VcfReaderOptions opt;
    opt.include_filtered = true;
    VcfReader r(test_vcf("reader_records.vcf"), opt);
    r.set_targets(alk_window());
    auto recs = read_all(r);
    ASSERT_EQ(recs.size(), 5u);
    EXPECT_EQ(recs[2].id, "C");
    EXPECT_EQ(recs[2].filter, "LowQual");
    EXPECT_EQ(recs[4].id, "E");
    EXPECT_EQ(recs[4].filter, "LowQual;germline");
    EXPECT_EQ(r.counters().filtered, 0);
}

// ---------------------------------------------------------------------------------------------
// Sample choice

// ##tumor_sample wins over column order: TUMOR is the second sample column here.
TEST(VcfReader, tumor_sample_header_line_chooses_the_sample) {
    VcfReader r(test_vcf("reader_records.vcf"), {});
    EXPECT_EQ(r.header().tumor_sample, "TUMOR");
    EXPECT_EQ(r.header().sample, "TUMOR");
    r.set_targets(alk_window());
    auto recs = read_all(r);
    ASSERT_FALSE(recs.empty());
    EXPECT_EQ(recs[0].genotype, "0/1") << "NORMAL is 0/0";
}

// --sample overrides ##tumor_sample.
TEST(VcfReader, sample_option_overrides_tumor_sample) {
    VcfReaderOptions opt;
    opt.sample = "NORMAL";
    VcfReader r(test_vcf("reader_records.vcf"), opt);
    EXPECT_EQ(r.header().sample, "NORMAL");
    r.set_targets(alk_window());
    auto recs = read_all(r);
    ASSERT_EQ(recs.size(), 3u);
    EXPECT_EQ(recs[0].genotype, "0/0");
    ASSERT_EQ(recs[0].vaf.size(), 1u);
    ASSERT_TRUE(recs[0].vaf[0].has_value());
    EXPECT_DOUBLE_EQ(*recs[0].vaf[0], 0.0);
    EXPECT_EQ(recs[0].depth, 30);
}

// Issue 8: without ##tumor_sample, --sample or a caller's mark, two samples are not resolved by
// taking the first (it was S1 here, and in most tumour/normal VCFs the first is the normal):
// the reader refuses, listing the samples.
TEST(VcfReader, two_unmarked_samples_are_refused_not_defaulted_to_the_first) {
    try {
        VcfReader r(test_vcf("reader_malformed_inside.vcf"), {});
        FAIL() << "expected UserError, got sample " << r.header().sample;
    } catch (const InputError& e) {
        FAIL() << "an unmarked sample is a usage problem, not a malformed input: " << e.what();
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("S1, S2"), std::string::npos) << e.what();
        EXPECT_NE(e.hint().find("--sample"), std::string::npos) << e.hint();
    }
    VcfReaderOptions header_only;
    header_only.choose_sample = false;  // batch lists the samples of a multi-sample VCF
    VcfReader r(test_vcf("reader_malformed_inside.vcf"), header_only);
    EXPECT_EQ(r.header().samples, (std::vector<std::string>{"S1", "S2"}));
    EXPECT_EQ(r.header().sample, "");
}

// A mistyped --sample must fail up front and tell the user which samples exist.
TEST(VcfReader, unknown_sample_is_a_user_error_listing_the_samples) {
    VcfReaderOptions opt;
    opt.sample = "BLOOD";
    try {
        VcfReader r(test_vcf("reader_records.vcf"), opt);
        FAIL() << "expected UserError";
    } catch (const InputError& e) {
        FAIL() << "an unknown sample is a usage problem, not a malformed input: " << e.what();
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("'BLOOD'"), std::string::npos) << e.what();
        EXPECT_EQ(e.hint(), "the samples are: NORMAL, TUMOR");
    }
}

// Sites-only VCFs are valid input: no sample, and no FORMAT-derived values.
TEST(VcfReader, sites_only_vcf_has_no_sample_and_no_sample_values) {
    VcfReader r(test_vcf("reader_sites_only.vcf"), {});
    EXPECT_TRUE(r.header().samples.empty());
    EXPECT_EQ(r.header().sample, "");
    r.set_targets(alk_window());
    auto recs = read_all(r);
    ASSERT_EQ(recs.size(), 1u);
    ASSERT_EQ(recs[0].vaf.size(), 1u) << "one (empty) VAF slot per ALT";
    EXPECT_FALSE(recs[0].vaf[0].has_value());
    EXPECT_FALSE(recs[0].depth.has_value());
    EXPECT_EQ(recs[0].genotype, "");
    EXPECT_FALSE(recs[0].phase_set.has_value());
}

// ---------------------------------------------------------------------------------------------
// Record values

// Basic fields: canonical contig beside the file's name, 0-based pos, alleles as written.
TEST(VcfReader, record_fields_are_canonical_zero_based_and_as_written) {
    auto recs = read_all(test_vcf("reader_records.vcf"));
    ASSERT_EQ(recs.size(), 3u);
    const auto& a = recs[0];
    EXPECT_EQ(a.record_number, 3);
    EXPECT_EQ(a.contig_name, "chr2");
    EXPECT_EQ(a.contig, "2");
    EXPECT_EQ(a.pos, 29220746);
    EXPECT_EQ(a.id, "A");
    EXPECT_EQ(a.ref, "C");
    EXPECT_EQ(a.alts, std::vector<std::string>{"T"});
    EXPECT_EQ(recs[2].record_number, 6);
    EXPECT_EQ(recs[2].alts, (std::vector<std::string>{"C", "G"}));
}

// FORMAT/AF is the VAF when present; FORMAT/DP is the depth when present.
TEST(VcfReader, vaf_from_format_af_and_depth_from_dp) {
    auto recs = read_all(test_vcf("reader_records.vcf"));
    const auto& a = recs.at(0);  // TUMOR 0/1:20,10:0.333:30
    ASSERT_EQ(a.vaf.size(), 1u);
    ASSERT_TRUE(a.vaf[0].has_value());
    EXPECT_NEAR(*a.vaf[0], 0.333, 1e-6) << "AF, not AD's 10/30";
    EXPECT_EQ(a.depth, 30);
}

// Without AF the VAF is AD[alt]/sum(AD); without DP the depth is sum(AD).
TEST(VcfReader, vaf_and_depth_fall_back_to_ad) {
    auto recs = read_all(test_vcf("reader_records.vcf"));
    const auto& b = recs.at(1);  // TUMOR 0|1:30,10:.:.:29220700
    ASSERT_EQ(b.vaf.size(), 1u);
    ASSERT_TRUE(b.vaf[0].has_value());
    EXPECT_DOUBLE_EQ(*b.vaf[0], 0.25);
    EXPECT_EQ(b.depth, 40);
    const auto& d = recs.at(2);  // TUMOR 1/2:10,30,10:55, no AF
    ASSERT_EQ(d.vaf.size(), 2u);
    ASSERT_TRUE(d.vaf[0] && d.vaf[1]);
    EXPECT_DOUBLE_EQ(*d.vaf[0], 0.6);
    EXPECT_DOUBLE_EQ(*d.vaf[1], 0.2);
    EXPECT_EQ(d.depth, 55) << "DP wins over sum(AD)=50";
}

// Genotype keeps phasing ('|') and PS is reported; unphased calls use '/'.
TEST(VcfReader, genotype_keeps_phasing_and_phase_set_is_read) {
    auto recs = read_all(test_vcf("reader_records.vcf"));
    EXPECT_EQ(recs.at(0).genotype, "0/1");
    EXPECT_FALSE(recs.at(0).phase_set.has_value()) << "record A has no PS";
    EXPECT_EQ(recs.at(1).genotype, "0|1");
    EXPECT_EQ(recs.at(1).phase_set, 29220700);
    EXPECT_EQ(recs.at(2).genotype, "1/2");
}

// ---------------------------------------------------------------------------------------------
// Header

// Build detection reads contig lengths and ##reference from this summary.
TEST(VcfReader, header_summary_lists_contigs_with_lengths_reference_and_samples) {
    VcfReader r(test_vcf("reader_records.vcf"), {});
    const auto& h = r.header();
    ASSERT_EQ(h.contigs.size(), 3u);
    EXPECT_EQ(h.contigs[0].name, "chr1");
    EXPECT_EQ(h.contigs[0].length, 248956422);
    EXPECT_EQ(h.contigs[1].name, "chr2");
    EXPECT_EQ(h.contigs[1].length, 242193529);
    EXPECT_EQ(h.contigs[2].name, "chr7");
    EXPECT_FALSE(h.contigs[2].length.has_value());
    EXPECT_EQ(h.reference_line, "file:///refs/GRCh38_full_analysis_set_plus_decoy_hla.fa");
    EXPECT_EQ(h.samples, (std::vector<std::string>{"NORMAL", "TUMOR"}));
}

// Layout comes from the Description: a VEP "Format:" in a tag named ANN is VEP, and its raw
// value is handed on; a plain String tag (NOTE) is not an annotation tag.
TEST(VcfReader, annotation_tag_is_detected_from_description_not_name) {
    VcfReader r(test_vcf("reader_records.vcf"), {});
    const auto& tags = r.header().annotation_tags;
    ASSERT_EQ(tags.size(), 1u);
    EXPECT_EQ(tags[0].first, "ANN");
    EXPECT_EQ(tags[0].second.style, rvanno::AnnotationStyle::vep);
    EXPECT_EQ(tags[0].second.fields,
              (std::vector<std::string>{"Allele", "Consequence", "IMPACT", "SYMBOL", "Feature", "HGVSc", "HGVSp"}));
    r.set_targets(alk_window());
    auto recs = read_all(r);
    ASSERT_EQ(recs.size(), 3u);
    EXPECT_TRUE(recs[0].annotations.empty());
    ASSERT_EQ(recs[2].annotations.size(), 1u);
    EXPECT_EQ(recs[2].annotations[0].first, "ANN");
    EXPECT_EQ(recs[2].annotations[0].second, "C|synthetic_consequence|MODERATE|ALK|NM_TEST.1|c.1A>C|p.Test1");
}

// ---------------------------------------------------------------------------------------------
// BCF

// The BCF path (packed records, rid cache) must yield exactly what the text path yields.
TEST(VcfReader, bcf_input_gives_the_same_records_as_vcf) {
    auto bcf_path = temp_path("records.bcf");
    write_bcf(test_vcf("reader_records.vcf"), bcf_path);
    for (bool include_filtered : {false, true}) {
        VcfReaderOptions opt;
        opt.include_filtered = include_filtered;
        VcfReader tr(test_vcf("reader_records.vcf"), opt), br(bcf_path.string(), opt);
        tr.set_targets(alk_window());
        br.set_targets(alk_window());
        auto t = read_all(tr), b = read_all(br);
        ASSERT_EQ(b.size(), include_filtered ? 5u : 3u);
        ASSERT_EQ(t.size(), b.size());
        for (std::size_t i = 0; i < t.size(); ++i) {
            SCOPED_TRACE("record " + t[i].id);
            EXPECT_EQ(b[i].record_number, t[i].record_number);
            EXPECT_EQ(b[i].contig_name, t[i].contig_name);
            EXPECT_EQ(b[i].contig, t[i].contig);
            EXPECT_EQ(b[i].pos, t[i].pos);
            EXPECT_EQ(b[i].id, t[i].id);
            EXPECT_EQ(b[i].ref, t[i].ref);
            EXPECT_EQ(b[i].alts, t[i].alts);
            EXPECT_EQ(b[i].filter, t[i].filter);
            EXPECT_EQ(b[i].vaf, t[i].vaf);
            EXPECT_EQ(b[i].depth, t[i].depth);
            EXPECT_EQ(b[i].genotype, t[i].genotype);
            EXPECT_EQ(b[i].phase_set, t[i].phase_set);
            EXPECT_EQ(b[i].annotations, t[i].annotations);
        }
        // Known answers, so a shared mistake cannot hide.
        EXPECT_EQ(b[0].pos, 29220746);
        EXPECT_EQ(b[1].genotype, "0|1");
        EXPECT_EQ(b[1].phase_set, 29220700);
        EXPECT_EQ(br.counters().records, 8);
        EXPECT_EQ(br.counters().outside_targets, 3);
        EXPECT_EQ(br.counters().filtered, include_filtered ? 0 : 2);
        EXPECT_EQ(br.header().sample, "TUMOR");
        EXPECT_EQ(br.header().reference_line, tr.header().reference_line);
    }
    fs::remove(bcf_path);
}

// A missing input is a user error before HTSlib is asked.
TEST(VcfReader, missing_file_is_a_user_error) {
    EXPECT_THROW({ VcfReader r(test_vcf("no_such_file.vcf"), {}); }, UserError);
}

// ---------------------------------------------------------------------------------------------
// TargetIndex

// Intervals are half-open: begin is inside, end is not.
TEST(TargetIndex, contains_includes_begin_and_excludes_end) {
    TargetIndex t;
    t.add(Region{"2", 100, 200});
    t.finish();
    const auto* iv = t.intervals("2");
    ASSERT_NE(iv, nullptr);
    EXPECT_FALSE(TargetIndex::contains(*iv, 99));
    EXPECT_TRUE(TargetIndex::contains(*iv, 100));
    EXPECT_TRUE(TargetIndex::contains(*iv, 199));
    EXPECT_FALSE(TargetIndex::contains(*iv, 200));
    EXPECT_EQ(t.intervals("3"), nullptr);
    EXPECT_FALSE(TargetIndex::contains({}, 0));
}

// finish() sorts and merges overlapping and touching intervals, so gaps stay gaps.
TEST(TargetIndex, finish_merges_overlapping_and_touching_intervals_and_keeps_gaps) {
    TargetIndex t;
    t.add(Region{"2", 500, 600});
    t.add(Region{"2", 150, 300});
    t.add(Region{"2", 100, 200});
    t.add(Region{"2", 300, 400});  // touches [150,300)
    t.add(Region{"2", 120, 130});  // nested
    t.add(Region{"X", 10, 20});
    t.finish();
    const auto* iv = t.intervals("2");
    ASSERT_NE(iv, nullptr);
    using P = std::pair<std::int64_t, std::int64_t>;
    EXPECT_EQ(*iv, (std::vector<P>{{100, 400}, {500, 600}}));
    EXPECT_TRUE(TargetIndex::contains(*iv, 399));
    EXPECT_FALSE(TargetIndex::contains(*iv, 400));
    EXPECT_FALSE(TargetIndex::contains(*iv, 499));
    EXPECT_TRUE(TargetIndex::contains(*iv, 500));
    EXPECT_FALSE(TargetIndex::contains(*iv, 600));
    EXPECT_FALSE(t.empty());
    EXPECT_TRUE(TargetIndex().empty());
}

namespace {

// Everything written to std::cerr while `f` runs.
template <class F>
std::string captured_stderr(F f) {
    std::ostringstream err;
    auto* old = std::cerr.rdbuf(err.rdbuf());
    try {
        f();
    } catch (...) {
        std::cerr.rdbuf(old);
        throw;
    }
    std::cerr.rdbuf(old);
    return err.str();
}

}  // namespace

// Why: a ##contig length that is not a positive integer used to be dropped (or, negative or
// zero, taken as a length no build has) without a word; now it is named on stderr and the
// contig takes no part in build detection, so the run still decides the build from the rest.
TEST(VcfHeader, bad_contig_lengths_are_warned_about_and_not_used) {
    const fs::path p = temp_path("bad_contig_lengths.vcf");
    {
        std::ofstream out(p);
        out << "##fileformat=VCFv4.2\n"
               "##contig=<ID=chr1,length=248956422>\n"
               "##contig=<ID=chr2,length=abc>\n"
               "##contig=<ID=chr3,length=-5>\n"
               "##contig=<ID=chr4,length=0>\n"
               "##contig=<ID=chr5,length=99999999999999999999>\n"
               "##contig=<ID=chr7>\n"
               "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
    }
    std::vector<rvanno::ContigDeclaration> contigs;
    const std::string err = captured_stderr([&] { contigs = VcfReader(p.string(), {}).header().contigs; });
    fs::remove(p);
    const std::string tail = ": length is not a positive integer; the contig is not used for build detection\n";
    EXPECT_EQ(err, "rvanno: warning: " + p.string() + ": ##contig=<ID=chr2,length=abc>" + tail +
                       "rvanno: warning: " + p.string() + ": ##contig=<ID=chr3,length=-5>" + tail +
                       "rvanno: warning: " + p.string() + ": ##contig=<ID=chr4,length=0>" + tail +
                       "rvanno: warning: " + p.string() + ": ##contig=<ID=chr5,length=99999999999999999999>" + tail);
    // HTSlib itself drops the lines with lengths "abc" and "-5".
    ASSERT_EQ(contigs.size(), 4u);
    EXPECT_EQ(contigs[0].name, "chr1");
    EXPECT_EQ(contigs[0].length, 248956422);
    for (std::size_t i = 1; i < contigs.size(); ++i) EXPECT_FALSE(contigs[i].length.has_value()) << contigs[i].name;
}

// Why: a zero length used to count as a contig length no build has, so the build check refused
// a GRCh38 file; now the contig is left out and the other contigs decide.
TEST(VcfHeader, zero_contig_length_does_not_contradict_the_build) {
    const std::vector<rvanno::ContigDeclaration> contigs = {{"chr1", 248956422},
                                                            {"chr4", rvanno::parse_contig_length("0")}};
    EXPECT_FALSE(contigs[1].length.has_value());
    EXPECT_TRUE(rvanno::contigs_contradicting(rvanno::GenomeBuild::GRCh38, contigs).empty());
    EXPECT_EQ(rvanno::detect_build(contigs, "").build, rvanno::GenomeBuild::GRCh38);
}

// Why (found by fuzzing, tests/fuzz/vcf_fuzz.cpp): AD, AO/RO and TAR/TIR values are each up to
// INT32_MAX, and their sum was an int: AD=2147483647,2147483647 overflowed (UBSan; in practice
// a negative depth). The VAF is the ratio of the counts; a sum past INT_MAX gives no depth.
TEST(VcfReader, read_counts_near_int_max_give_the_ratio_and_no_overflowed_depth) {
    const fs::path p = temp_path("counts_near_int_max.vcf");
    {
        std::ofstream out(p);
        out << "##fileformat=VCFv4.2\n##contig=<ID=chr2,length=242193529>\n"
               "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"AD\">\n"
               "##FORMAT=<ID=RO,Number=1,Type=Integer,Description=\"RO\">\n"
               "##FORMAT=<ID=AO,Number=A,Type=Integer,Description=\"AO\">\n"
               "##FORMAT=<ID=TAR,Number=2,Type=Integer,Description=\"TAR\">\n"
               "##FORMAT=<ID=TIR,Number=2,Type=Integer,Description=\"TIR\">\n"
               "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n"
               "chr2\t29220747\t.\tC\tT\t.\tPASS\t.\tAD\t2147483647,2147483647\n"
               "chr2\t29220748\t.\tC\tT\t.\tPASS\t.\tRO:AO\t2147483647:2147483647\n"
               "chr2\t29220749\t.\tCA\tC\t.\tPASS\t.\tTAR:TIR\t2147483647,0:2147483647,0\n"
               "chr2\t29220750\t.\tC\tT\t.\tPASS\t.\tAD\t1073741824,1073741823\n";
    }
    auto recs = read_all(p.string());
    fs::remove(p);
    ASSERT_EQ(recs.size(), 4u);
    for (std::size_t i = 0; i < 3; ++i) {
        ASSERT_TRUE(recs[i].vaf.at(0).has_value()) << i;
        EXPECT_DOUBLE_EQ(*recs[i].vaf[0], 0.5) << i;
        EXPECT_FALSE(recs[i].depth.has_value()) << i << ": a depth of 2^32 - 2 reads is no depth";
    }
    EXPECT_EQ(recs[3].depth, 2147483647) << "the largest sum that fits is still a depth";
}
