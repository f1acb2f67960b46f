// What VcfReader no longer parses (issue 10: bcftools-class speed when every record is inside a
// gene) and the proof that nothing it reports changed: FILTERed records counted unparsed, INFO
// cut to the keys rvanno reads, only the chosen sample column parsed, FORMAT tags by header id;
// and the raw-line helpers (io/vcf_raw_line.hpp) with known answers.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "base/target_index.hpp"
#include "io/hts.hpp"
#include "io/vcf_raw_line.hpp"
#include "io/vcf_reader.hpp"
#include "io/vcf_sample_values.hpp"
#include "rvanno/error.hpp"

namespace fs = std::filesystem;
using namespace rvanno;

namespace {

TargetIndex alk_window() {  // chr2:29220001-29221000 (1-based)
    TargetIndex t;
    t.add(Region{"2", 29220000, 29221000});
    t.finish();
    return t;
}

fs::path write_temp(const std::string& name, const std::string& text) {
    auto p = fs::temp_directory_path() / ("rvanno_vcfspeed_" + std::to_string(::getpid()) + "_" + name);
    std::ofstream(p) << text;
    return p;
}

std::vector<VariantRecord> read_all(VcfReader& r) {
    std::vector<VariantRecord> out;
    VariantRecord v;
    while (r.next(v)) out.push_back(v);
    return out;
}

const char* kHeader =
    "##fileformat=VCFv4.4\n##contig=<ID=chr2>\n"
    "##FILTER=<ID=LowQual,Description=\"low\">\n"
    "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"depth\">\n"
    "##INFO=<ID=TVAF,Number=1,Type=Float,Description=\"PCGR tumour VAF\">\n"
    "##INFO=<ID=TDP,Number=1,Type=Integer,Description=\"PCGR tumour depth\">\n"
    "##INFO=<ID=ANN,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. Format: "
    "Allele|Consequence|IMPACT|SYMBOL|Feature|HGVSc|HGVSp\">\n"
    "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"GT\">\n"
    "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"AD\">\n"
    "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"DP\">\n"
    "##FORMAT=<ID=PS,Number=1,Type=Integer,Description=\"PS\">\n";

}  // namespace

// A FILTERed record is decided from its FILTER text and never parsed: one that HTSlib cannot
// parse (AD 'x,y') is counted as filtered, not invalid; the duplicate test and the GT-prefix
// count still see it, so every counter is what the parsing reader gave for well-formed input.
// With --include-filtered it is parsed, and then it is the invalid record it is.
TEST(VcfReaderUnparsed, filtered_records_are_counted_without_parsing) {
    auto p = write_temp("filtered.vcf", std::string(kHeader) +
                                            "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n"
                                            "chr2\t29220747\tgood\tC\tT\t50\tPASS\t.\tGT:AD\t0/1:20,10\n"
                                            "chr2\t29220747\tbad_filtered\tC\tG\t50\tLowQual\t.\tGT:AD\t|0/1:x,y\n"
                                            "chr2\t29220747\tdup_filtered\tC\tT\t50\tLowQual\t.\tGT:AD\t0/1:20,10\n"
                                            "chr2\t29220747\tdup_of_filtered\tC\tG\t50\tPASS\t.\tGT:AD\t0/1:20,10\n"
                                            "chr2\t29220800\ttwo_filters\tA\tG\t50\tPASS;LowQual\t.\tGT:AD\t0/1:20,10\n"
                                            "chr2\t29220900\tdot\tA\tG\t50\t.\t.\tGT:AD\t0/1:20,10\n");
    {
        VcfReader r(p.string(), {});
        r.set_targets(alk_window());
        auto recs = read_all(r);
        ASSERT_EQ(recs.size(), 2u);
        EXPECT_EQ(recs[0].id, "good");
        EXPECT_EQ(recs[1].id, "dot");
        EXPECT_EQ(recs[1].filter, ".");
        const auto& c = r.counters();
        EXPECT_EQ(c.records, 6);
        EXPECT_EQ(c.invalid_records, 0);
        EXPECT_EQ(c.duplicate_records, 2);  // dup_filtered (of good), dup_of_filtered (of bad_filtered)
        EXPECT_EQ(c.candidates, 4);         // good, bad_filtered, two_filters, dot
        EXPECT_EQ(c.filtered, 2);           // bad_filtered, two_filters
        EXPECT_EQ(c.gt_phase_prefixes, 1);
    }
    {
        VcfReaderOptions o;
        o.include_filtered = true;
        VcfReader r(p.string(), o);
        r.set_targets(alk_window());
        auto recs = read_all(r);
        ASSERT_EQ(recs.size(), 4u);
        EXPECT_EQ(recs[1].id, "dup_of_filtered");  // its twin was invalid, so never seen
        EXPECT_EQ(recs[2].filter, "PASS;LowQual");
        EXPECT_EQ(r.counters().invalid_records, 1);
        EXPECT_EQ(r.counters().filtered, 0);
    }
    fs::remove(p);
}

// INFO is cut to the annotation tags and TVAF/TDP before parsing: an INFO value HTSlib would
// choke on no longer matters, the kept values arrive whole, in a sites-only file too.
TEST(VcfReaderUnparsed, info_keeps_only_the_keys_rvanno_reads) {
    auto p = write_temp("info.vcf", std::string(kHeader) +
                                        "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                                        "chr2\t29220747\ta\tC\tT\t50\tPASS\tDP=12;ANN=T|missense_variant|MODERATE|ALK|"
                                        "ENST00000389048|c.3604G>A|p.Gly1202Arg;TVAF=0.25;TDP=40;FLAG\n"
                                        "chr2\t29220748\tb\tC\tT\t50\tPASS\tDP=12\n");
    VcfReader r(p.string(), {});
    r.set_targets(alk_window());
    auto recs = read_all(r);
    ASSERT_EQ(recs.size(), 2u);
    ASSERT_EQ(recs[0].annotations.size(), 1u);
    EXPECT_EQ(recs[0].annotations[0].first, "ANN");
    EXPECT_EQ(recs[0].annotations[0].second, "T|missense_variant|MODERATE|ALK|ENST00000389048|c.3604G>A|p.Gly1202Arg");
    ASSERT_EQ(recs[0].vaf.size(), 1u);
    EXPECT_NEAR(recs[0].vaf[0].value_or(-1), 0.25, 1e-6);
    EXPECT_EQ(recs[0].depth, 40);
    EXPECT_TRUE(recs[1].annotations.empty());
    EXPECT_FALSE(recs[1].vaf[0].has_value());
    EXPECT_EQ(r.counters().invalid_records, 0);
    fs::remove(p);
}

// Only the chosen column is parsed (bcf_hdr_set_samples): the other columns' garbage does not
// make the record invalid, and the chosen one's values, phase and phase set are its own.
TEST(VcfReaderUnparsed, only_the_chosen_sample_column_is_parsed) {
    auto p = write_temp("samples.vcf",
                        std::string(kHeader) +
                            "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tN1\tT1\tN2\n"
                            "chr2\t29220747\ta\tC\tT,G\t50\tPASS\t.\tGT:AD:DP:PS\tx:y,z\t1|2:5,10,15:30:777\t0/0:q\n");
    VcfReaderOptions o;
    o.sample = "T1";
    VcfReader r(p.string(), o);
    r.set_targets(alk_window());
    EXPECT_EQ(r.header().samples, (std::vector<std::string>{"N1", "T1", "N2"}));  // the header still lists all
    auto recs = read_all(r);
    ASSERT_EQ(recs.size(), 1u);
    EXPECT_EQ(recs[0].genotype, "1|2");
    EXPECT_EQ(recs[0].phase_set, 777);
    EXPECT_EQ(recs[0].depth, 30);
    ASSERT_EQ(recs[0].vaf.size(), 2u);
    EXPECT_NEAR(recs[0].vaf[0].value_or(-1), 10.0 / 30, 1e-9);
    EXPECT_NEAR(recs[0].vaf[1].value_or(-1), 15.0 / 30, 1e-9);
    EXPECT_EQ(r.counters().invalid_records, 0);
    fs::remove(p);
}

// keep_sample_columns: indexes among the kept columns, in header order; nothing dropped keeps
// the header whole. The list form is what a one-pass multi-sample batch will use.
TEST(VcfReaderUnparsed, keep_sample_columns_maps_columns_to_their_kept_index) {
    auto p = write_temp("keep.vcf",
                        std::string(kHeader) + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\tC\tD\n");
    hts::File fp(hts_open(p.c_str(), "r"));
    ASSERT_TRUE(fp);
    hts::Header hdr(bcf_hdr_read(fp.get()));
    ASSERT_TRUE(hdr);
    EXPECT_EQ(keep_sample_columns(hdr.get(), {0, 1, 2, 3}), (std::vector<int>{0, 1, 2, 3}));
    EXPECT_EQ(bcf_hdr_nsamples(hdr.get()), 4);
    EXPECT_EQ(keep_sample_columns(hdr.get(), {3, 1}), (std::vector<int>{1, 0}));
    ASSERT_EQ(bcf_hdr_nsamples(hdr.get()), 2);
    EXPECT_STREQ(hdr->samples[0], "B");
    EXPECT_STREQ(hdr->samples[1], "D");
    fs::remove(p);
}

TEST(VcfRawLine, split_fixed_columns_needs_eight) {
    FixedColumns c;
    EXPECT_TRUE(split_fixed_columns("1\t2\t.\tA\tC\t.\tPASS\tX=1\tGT\t0/1", c));
    EXPECT_EQ(c[6], "PASS");
    EXPECT_EQ(c[7], "X=1");
    EXPECT_TRUE(split_fixed_columns("1\t2\t.\tA\tC\t.\tPASS\t", c));
    EXPECT_EQ(c[7], "");
    EXPECT_FALSE(split_fixed_columns("1\t2\t.\tA\tC\t.\tPASS", c));
}

TEST(VcfRawLine, filter_and_duplicate_key) {
    EXPECT_TRUE(filter_may_pass("PASS"));
    EXPECT_TRUE(filter_may_pass("."));
    EXPECT_TRUE(filter_may_pass(""));  // left to HTSlib
    EXPECT_FALSE(filter_may_pass("LowQual"));
    EXPECT_FALSE(filter_may_pass("PASS;LowQual"));
    FixedColumns c;
    std::string key;
    ASSERT_TRUE(split_fixed_columns("1\t2\t.\tAC\tA,ACC\t.\tPASS\t.", c));
    duplicate_key(c, key);
    EXPECT_EQ(key, "AC,A,ACC,");
    ASSERT_TRUE(split_fixed_columns("1\t2\t.\tA\t.\t.\tPASS\t.", c));
    duplicate_key(c, key);
    EXPECT_EQ(key, "A,");  // ALT '.': HTSlib's one allele
}

TEST(VcfRawLine, keep_info_keys_cuts_in_place) {
    auto kept = [](std::string line, std::vector<std::string> keys) {
        FixedColumns c;
        EXPECT_TRUE(split_fixed_columns(line, c));
        hts::KString ks;
        kputsn(line.data(), line.size(), &ks.s);
        keep_info_keys(&ks.s, static_cast<std::size_t>(c[7].data() - line.data()), c[7].size(), keys);
        EXPECT_EQ(std::strlen(ks.s.s), ks.s.l);
        return std::string(ks.s.s, ks.s.l);
    };
    const std::string fixed = "1\t2\t.\tA\tC\t.\tPASS\t";
    EXPECT_EQ(kept(fixed + "DP=3;CSQ=a|b;TVAF=0.5;F\tGT\t0/1", {"CSQ", "TVAF"}), fixed + "CSQ=a|b;TVAF=0.5\tGT\t0/1");
    EXPECT_EQ(kept(fixed + "DP=3;F\tGT\t0/1", {"CSQ"}), fixed + ".\tGT\t0/1");
    EXPECT_EQ(kept(fixed + "F;CSQ", {"CSQ", "F"}), fixed + "F;CSQ");
    EXPECT_EQ(kept(fixed + "CSQX=1;XCSQ=2", {"CSQ"}), fixed + ".");  // whole keys only
    EXPECT_EQ(kept(fixed + ".\tGT", {"CSQ"}), fixed + ".\tGT");
    EXPECT_EQ(kept(fixed + "\tGT", {"CSQ"}), fixed + "\tGT");
}

TEST(VcfRawLine, gt_phase_prefixes_are_counted_as_stripping_would) {
    EXPECT_EQ(count_gt_phase_prefixes("1\t2\t.\tA\tC\t.\tPASS\t.\tGT:AD\t|0/1:1,2\t/0/0\t0/1\t/\t|:"), 2);
    EXPECT_EQ(count_gt_phase_prefixes("1\t2\t.\tA\tC\t.\tPASS\t.\tAD:GT\t|0/1"), 0);  // FORMAT must start with GT
    EXPECT_EQ(count_gt_phase_prefixes("1\t2\t.\tA\tC\t.\tPASS\t."), 0);
}

// ---------------------------------------------------------------------------------------------
// BCF records outside the genes are stepped over from their fixed header in the BGZF block.

namespace {

// `vcf` written as BCF by HTSlib; false when something failed.
bool write_bcf(const std::string& vcf, const fs::path& bcf) {
    hts::File in(hts_open(vcf.c_str(), "r"));
    if (!in) return false;
    hts::Header hdr(bcf_hdr_read(in.get()));
    hts::File out(hts_open(bcf.c_str(), "wb"));
    if (!hdr || !out || bcf_hdr_write(out.get(), hdr.get()) != 0) return false;
    hts::Record rec(bcf_init());
    int ret;
    while ((ret = bcf_read(in.get(), hdr.get(), rec.get())) == 0)
        if (bcf_write(out.get(), hdr.get(), rec.get()) != 0) return false;
    return ret == -1 && hts_close(out.release()) == 0;
}

}  // namespace

// HTSlib's BCF layout as skip_outside_record reads it (BCF 2.2): per record l_shared, l_indiv,
// then the contig id and 0-based POS; the next record starts 8 + l_shared + l_indiv bytes on.
TEST(VcfReaderUnparsed, htslib_bcf_record_layout_is_the_one_read_in_place) {
    auto vcf = write_temp("layout.vcf", std::string(kHeader) +
                                            "##contig=<ID=chr7>\n"
                                            "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n"
                                            "chr2\t29220747\ta\tC\tT\t50\tPASS\tDP=3\tGT:AD\t0/1:20,10\n"
                                            "chr7\t55191822\tb\tT\tG,GA\t.\tPASS\t.\tGT\t1/2\n");
    auto bcf = fs::path(vcf.string() + ".bcf");
    ASSERT_TRUE(write_bcf(vcf.string(), bcf));
    hts::File fp(hts_open(bcf.c_str(), "r"));
    ASSERT_TRUE(fp);
    hts::Header hdr(bcf_hdr_read(fp.get()));
    ASSERT_TRUE(hdr);
    BGZF* bg = fp->fp.bgzf;
    const std::int64_t expected[2][2] = {{bcf_hdr_name2id(hdr.get(), "chr2"), 29220746},
                                         {bcf_hdr_name2id(hdr.get(), "chr7"), 55191821}};
    for (const auto& e : expected) {
        std::uint32_t x[4];
        ASSERT_EQ(bgzf_read(bg, x, sizeof x), static_cast<ssize_t>(sizeof x));
        EXPECT_EQ(static_cast<std::int32_t>(x[2]), e[0]);
        EXPECT_EQ(x[3], static_cast<std::uint32_t>(e[1]));
        ASSERT_GE(x[0], 24u);
        std::vector<char> rest(8 + x[0] + x[1] - sizeof x);
        ASSERT_EQ(bgzf_read(bg, rest.data(), rest.size()), static_cast<ssize_t>(rest.size()));
    }
    char byte;
    EXPECT_EQ(bgzf_read(bg, &byte, 1), 0);  // exactly at the end
    fs::remove(vcf);
    fs::remove(bcf);
}

// A real caller VCF (MuTect 1, 3,663 records on many contigs, several BGZF blocks as BCF): the
// BCF read with in-place skipping gives the records and every counter the text reader gives,
// with targets that take some records, all of them, or none.
TEST(VcfReaderUnparsed, bcf_skipping_gives_the_records_and_counters_of_the_text_reader) {
    const fs::path vcf = fs::path(RVANNO_SHARED_DATA) / "formats/somatic_vcf/case_A.mutect.vcf";
    if (!fs::exists(vcf)) GTEST_SKIP() << "shared data absent: " << vcf;
    auto bcf = fs::temp_directory_path() / ("rvanno_vcfspeed_" + std::to_string(::getpid()) + "_mutect.bcf");
    ASSERT_TRUE(write_bcf(vcf.string(), bcf));
    std::vector<TargetIndex> targets(3);
    targets[0].add(Region{"1", 0, 120000000});
    targets[0].add(Region{"2", 50000000, 150000000});
    targets[0].add(Region{"10", 0, 300000000});
    for (const char* c : {"1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",  "9",  "10", "11", "12",
                          "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "X",  "Y"})
        targets[1].add(Region{c, 0, 300000000});
    for (auto& t : targets) t.finish();
    for (std::size_t k = 0; k < targets.size(); ++k) {
        SCOPED_TRACE("targets " + std::to_string(k));
        VcfReader tr(vcf.string(), {}), br(bcf.string(), {});
        tr.set_targets(targets[k]);
        br.set_targets(targets[k]);
        auto t = read_all(tr), b = read_all(br);
        ASSERT_EQ(t.size(), b.size());
        for (std::size_t i = 0; i < t.size(); ++i) {
            EXPECT_EQ(b[i].record_number, t[i].record_number);
            EXPECT_EQ(b[i].pos, t[i].pos);
            EXPECT_EQ(b[i].alts, t[i].alts);
            EXPECT_EQ(b[i].genotype, t[i].genotype);
            EXPECT_EQ(b[i].depth, t[i].depth);
        }
        const auto &tc = tr.counters(), &bc = br.counters();
        EXPECT_EQ(bc.records, 3663);
        EXPECT_EQ(bc.records, tc.records);
        EXPECT_EQ(bc.outside_targets, tc.outside_targets);
        EXPECT_EQ(bc.candidates, tc.candidates);
        EXPECT_EQ(bc.filtered, tc.filtered);
        EXPECT_EQ(bc.duplicate_records, tc.duplicate_records);
        EXPECT_EQ(bc.invalid_records, tc.invalid_records);
        if (k == 0) {
            EXPECT_GT(bc.outside_targets, 0);
            EXPECT_GT(bc.candidates, 0);
        }
        if (k == 1) { EXPECT_EQ(bc.outside_targets, 0); }
        if (k == 2) { EXPECT_EQ(bc.outside_targets, 3663); }
    }
    fs::remove(bcf);
}

// A BCF cut inside a record that lies outside the genes is an error, not a shorter file.
TEST(VcfReaderUnparsed, bcf_cut_inside_a_skipped_record_is_an_error) {
    const fs::path vcf = fs::path(RVANNO_SHARED_DATA) / "formats/somatic_vcf/case_A.mutect.vcf";
    if (!fs::exists(vcf)) GTEST_SKIP() << "shared data absent: " << vcf;
    auto bcf = fs::temp_directory_path() / ("rvanno_vcfspeed_" + std::to_string(::getpid()) + "_cut.bcf");
    auto cut = fs::path(bcf.string() + ".cut.bcf");
    ASSERT_TRUE(write_bcf(vcf.string(), bcf));
    {  // the uncompressed stream, cut in the middle of its last record, recompressed
        hts::Bgzf in(bgzf_open(bcf.c_str(), "r")), out(bgzf_open(cut.c_str(), "w"));
        ASSERT_TRUE(in && out);
        std::vector<char> all;
        char buf[65536];
        ssize_t n;
        while ((n = bgzf_read(in.get(), buf, sizeof buf)) > 0) all.insert(all.end(), buf, buf + n);
        ASSERT_GT(all.size(), 100u);
        all.resize(all.size() - 20);
        ASSERT_EQ(bgzf_write(out.get(), all.data(), all.size()), static_cast<ssize_t>(all.size()));
        ASSERT_EQ(bgzf_close(out.release()), 0);
    }
    VcfReader r(cut.string(), {});
    TargetIndex none;
    none.finish();
    r.set_targets(none);  // every record is skipped unparsed
    VariantRecord v;
    EXPECT_THROW(
        {
            while (r.next(v)) {}
        },
        InputError);
    fs::remove(bcf);
    fs::remove(cut);
}

// Lines of a BGZF text VCF are taken from the decompressed block with memchr when they end in
// it (line_from_block); lines across block ends and "\r\n" lines go through bgzf_getline. A real
// file, bgzipped (several blocks), with and without "\r\n", gives what the plain file gives.
TEST(VcfReaderUnparsed, bgzf_lines_from_the_block_match_the_plain_file) {
    const fs::path vcf = fs::path(RVANNO_SHARED_DATA) / "formats/somatic_vcf/case_A.mutect.vcf";
    if (!fs::exists(vcf)) GTEST_SKIP() << "shared data absent: " << vcf;
    std::ifstream in(vcf);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string crlf;
    for (char c : text) (crlf += c == '\n' ? "\r" : "") += c;
    TargetIndex all;
    for (const char* c : {"1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",  "9",  "10", "11", "12",
                          "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "X",  "Y"})
        all.add(Region{c, 0, 300000000});
    all.finish();
    VcfReaderOptions keep_all;
    keep_all.include_filtered = true;  // MuTect REJECTs most of them
    VcfReader plain(vcf.string(), keep_all);
    plain.set_targets(all);
    const auto expected = read_all(plain);
    ASSERT_GT(expected.size(), 1000u);
    for (const std::string* body : {&text, &crlf}) {
        auto gz = fs::temp_directory_path() / ("rvanno_vcfspeed_" + std::to_string(::getpid()) + "_lines.vcf.gz");
        {
            hts::Bgzf out(bgzf_open(gz.c_str(), "w"));
            ASSERT_TRUE(out);
            ASSERT_EQ(bgzf_write(out.get(), body->data(), body->size()), static_cast<ssize_t>(body->size()));
            ASSERT_EQ(bgzf_close(out.release()), 0);
        }
        VcfReader r(gz.string(), keep_all);
        r.set_targets(all);
        const auto got = read_all(r);
        ASSERT_EQ(got.size(), expected.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            EXPECT_EQ(got[i].record_number, expected[i].record_number);
            EXPECT_EQ(got[i].pos, expected[i].pos);
            EXPECT_EQ(got[i].id, expected[i].id);
            EXPECT_EQ(got[i].alts, expected[i].alts);
            EXPECT_EQ(got[i].filter, expected[i].filter);
            EXPECT_EQ(got[i].genotype, expected[i].genotype);
            EXPECT_EQ(got[i].depth, expected[i].depth);
            EXPECT_EQ(got[i].vaf, expected[i].vaf);
        }
        EXPECT_EQ(r.counters().records, plain.counters().records);
        EXPECT_EQ(r.counters().candidates, plain.counters().candidates);
        EXPECT_EQ(r.counters().invalid_records, 0);
        fs::remove(gz);
    }
}
