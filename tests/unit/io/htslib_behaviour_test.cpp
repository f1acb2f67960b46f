// HTSlib behaviour that rvanno relies on, pinned against HTSlib 1.16 (GLnexus style). When an
// HTSlib upgrade changes one of these, this file fails first and says which assumption broke.
// Input: testdata/vcf/htslib_behaviour.vcf (see testdata/vcf/README.md).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "io/hts.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kVcf = std::string(RVANNO_TESTDATA) + "/vcf/htslib_behaviour.vcf";

// The file's data lines, exactly as written.
const char* const kLineSnv =
    "chr2\t29220747\tsnv\tC\tT\t50\tPASS\tDP=60;AC=1;SOMATIC;NOTE=pos_is_0_based\tGT:AD:AF:DP\t"
    "0/1:20,10:0.333:30\t0/0:30,0:0:30";

struct Opened {
    rvanno::hts::File fp;
    rvanno::hts::Header hdr;
};

Opened open_vcf(const std::string& path) {
    Opened o;
    o.fp.reset(hts_open(path.c_str(), "r"));
    if (!o.fp) throw std::runtime_error("cannot open " + path);
    o.hdr.reset(bcf_hdr_read(o.fp.get()));
    if (!o.hdr) throw std::runtime_error("cannot read header of " + path);
    return o;
}

// Every record of the file, read with bcf_read and fully unpacked.
std::vector<rvanno::hts::Record> read_all(const Opened& o) {
    std::vector<rvanno::hts::Record> out;
    while (true) {
        rvanno::hts::Record r(bcf_init());
        int ret = bcf_read(o.fp.get(), o.hdr.get(), r.get());
        if (ret == -1) break;
        if (ret < -1) throw std::runtime_error("bcf_read failed");
        if (bcf_unpack(r.get(), BCF_UN_ALL) < 0) throw std::runtime_error("bcf_unpack failed");
        out.push_back(std::move(r));
    }
    return out;
}

std::string format_line(const bcf_hdr_t* hdr, bcf1_t* rec) {
    rvanno::hts::KString s;
    if (vcf_format(hdr, rec, &s.s) < 0) throw std::runtime_error("vcf_format failed");
    std::string out(s.s.s, s.s.l);
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

fs::path temp_path(const std::string& name) {
    return fs::temp_directory_path() / ("rvanno_htslib_" + std::to_string(::getpid()) + "_" + name);
}

class HtslibBehaviour : public ::testing::Test {
protected:
    void SetUp() override {
        file = open_vcf(kVcf);
        recs = read_all(file);
        ASSERT_EQ(recs.size(), 4u) << "htslib_behaviour.vcf has four data records";
    }
    bcf_hdr_t* hdr() { return file.hdr.get(); }
    Opened file;
    std::vector<rvanno::hts::Record> recs;
};

}  // namespace

// rvanno keeps positions 0-based internally because bcf1_t::pos is; VCF POS 29220747 must read as 29220746.
TEST_F(HtslibBehaviour, record_pos_is_zero_based_and_rlen_is_ref_length) {
    EXPECT_EQ(recs[0]->pos, 29220746);
    EXPECT_EQ(recs[0]->rlen, 1);
    EXPECT_STREQ(bcf_hdr_id2name(hdr(), recs[0]->rid), "chr2");
    EXPECT_EQ(recs[3]->pos, 55174771);
    EXPECT_STREQ(bcf_hdr_id2name(hdr(), recs[3]->rid), "chr7");
}

// VcfReader turns FORMAT/AF into VAF; it must know how '.' and short vectors are stored.
TEST_F(HtslibBehaviour, dot_in_format_float_is_missing_and_short_vector_is_padded_with_vector_end) {
    rvanno::hts::Buffer<float> af;
    bcf1_t* multi = recs[1].get();  // AF TUMOR 0.375,0.375  NORMAL "."
    int n = bcf_get_format_float(hdr(), multi, "AF", &af.data, &af.size);
    ASSERT_EQ(n, 4) << "Number=A with two ALTs and two samples gives 2 values per sample";
    EXPECT_FLOAT_EQ(af.data[0], 0.375f);
    EXPECT_FLOAT_EQ(af.data[1], 0.375f);
    EXPECT_TRUE(bcf_float_is_missing(af.data[2]));
    EXPECT_FALSE(bcf_float_is_vector_end(af.data[2]));
    EXPECT_TRUE(bcf_float_is_vector_end(af.data[3]));
    EXPECT_FALSE(bcf_float_is_missing(af.data[3]));
}

// AD sums give depth and VAF; '.' must arrive as bcf_int32_missing, a lone '.' pads with vector_end.
TEST_F(HtslibBehaviour, dot_in_format_int_is_int32_missing) {
    rvanno::hts::Buffer<int32_t> ad;
    int n = bcf_get_format_int32(hdr(), recs[1].get(), "AD", &ad.data, &ad.size);
    ASSERT_EQ(n, 6) << "Number=R with three alleles and two samples";
    EXPECT_EQ(ad.data[0], 10);
    EXPECT_EQ(ad.data[1], 15);
    EXPECT_EQ(ad.data[2], 15);
    EXPECT_EQ(ad.data[3], bcf_int32_missing);  // NORMAL AD "."
    EXPECT_EQ(ad.data[4], bcf_int32_vector_end);
    EXPECT_EQ(ad.data[5], bcf_int32_vector_end);

    n = bcf_get_format_int32(hdr(), recs[2].get(), "AD", &ad.data, &ad.size);
    ASSERT_EQ(n, 6);
    EXPECT_EQ(ad.data[3], bcf_int32_missing);  // NORMAL AD ".,.,."
    EXPECT_EQ(ad.data[4], bcf_int32_missing);
    EXPECT_EQ(ad.data[5], bcf_int32_missing);

    rvanno::hts::Buffer<int32_t> dp;
    n = bcf_get_format_int32(hdr(), recs[1].get(), "DP", &dp.data, &dp.size);
    ASSERT_EQ(n, 2);
    EXPECT_EQ(dp.data[0], 40);
    EXPECT_EQ(dp.data[1], bcf_int32_missing);
}

// Multi-allelic records are split per ALT by rvanno; n_allele counts REF, Number=A/R lengths follow.
TEST_F(HtslibBehaviour, multiallelic_record_has_ref_plus_each_alt_and_number_a_r_lengths) {
    bcf1_t* r = recs[1].get();
    ASSERT_EQ(r->n_allele, 3);
    EXPECT_STREQ(r->d.allele[0], "A");
    EXPECT_STREQ(r->d.allele[1], "C");
    EXPECT_STREQ(r->d.allele[2], "G");
    rvanno::hts::Buffer<int32_t> ac;
    EXPECT_EQ(bcf_get_info_int32(hdr(), r, "AC", &ac.data, &ac.size), 2) << "INFO Number=A";
    rvanno::hts::Buffer<int32_t> ad;
    EXPECT_EQ(bcf_get_format_int32(hdr(), r, "AD", &ad.data, &ad.size), 2 * 3) << "FORMAT Number=R";
    rvanno::hts::Buffer<float> af;
    EXPECT_EQ(bcf_get_format_float(hdr(), r, "AF", &af.data, &af.size), 2 * 2) << "FORMAT Number=A";
    EXPECT_EQ(bcf_hdr_nsamples(hdr()), 2);
    EXPECT_STREQ(hdr()->samples[0], "TUMOR");
    EXPECT_STREQ(hdr()->samples[1], "NORMAL");
}

// The reader distinguishes "tag not declared", "declared with another type" and "absent here".
TEST_F(HtslibBehaviour, bcf_get_info_return_codes) {
    rvanno::hts::Buffer<int32_t> ibuf;
    rvanno::hts::Buffer<char> sbuf;
    bcf1_t* snv = recs[0].get();
    bcf1_t* star = recs[2].get();  // INFO is NOTE only
    EXPECT_EQ(bcf_get_info_int32(hdr(), snv, "NOT_IN_HEADER", &ibuf.data, &ibuf.size), -1);
    EXPECT_EQ(bcf_get_info_int32(hdr(), snv, "NOTE", &ibuf.data, &ibuf.size), -2) << "NOTE is a String";
    EXPECT_EQ(bcf_get_info_string(hdr(), snv, "DP", &sbuf.data, &sbuf.size), -2) << "DP is an Integer";
    EXPECT_EQ(bcf_get_info_int32(hdr(), star, "DP", &ibuf.data, &ibuf.size), -3);
    EXPECT_EQ(bcf_get_info_string(hdr(), star, "SVTYPE", &sbuf.data, &sbuf.size), -3);
    // Flags: 1 when present, 0 (not -3) when absent.
    EXPECT_EQ(bcf_get_info_flag(hdr(), snv, "SOMATIC", nullptr, nullptr), 1);
    EXPECT_EQ(bcf_get_info_flag(hdr(), star, "SOMATIC", nullptr, nullptr), 0);
    // Success: the value count; a string's count is its length, and it is NUL-terminated.
    EXPECT_EQ(bcf_get_info_int32(hdr(), snv, "DP", &ibuf.data, &ibuf.size), 1);
    EXPECT_EQ(ibuf.data[0], 60);
    int n = bcf_get_info_string(hdr(), snv, "NOTE", &sbuf.data, &sbuf.size);
    EXPECT_EQ(n, static_cast<int>(std::strlen("pos_is_0_based")));
    EXPECT_STREQ(sbuf.data, "pos_is_0_based");
    // FORMAT follows the same codes.
    rvanno::hts::Buffer<int32_t> fbuf;
    EXPECT_EQ(bcf_get_format_int32(hdr(), recs[3].get(), "AD", &fbuf.data, &fbuf.size), -3)
        << "the <DEL> record has FORMAT GT only";
    EXPECT_EQ(bcf_get_format_int32(hdr(), snv, "PS", &fbuf.data, &fbuf.size), -1);
}

// rvanno counts and skips '*' and symbolic ALTs by their text; HTSlib must store them verbatim.
TEST_F(HtslibBehaviour, star_and_symbolic_alleles_are_stored_as_written) {
    bcf1_t* star = recs[2].get();
    ASSERT_EQ(star->n_allele, 3);
    EXPECT_STREQ(star->d.allele[1], "*");
    EXPECT_STREQ(star->d.allele[2], "T");
    bcf1_t* sv = recs[3].get();
    ASSERT_EQ(sv->n_allele, 2);
    EXPECT_STREQ(sv->d.allele[0], "G");
    EXPECT_STREQ(sv->d.allele[1], "<DEL>");
    // rlen of a symbolic deletion comes from INFO/END, not from REF.
    EXPECT_EQ(sv->rlen, 55174900 - 55174771);
}

// VcfReader reads raw lines with hts_getline and parses candidates with vcf_parse; that must
// give the same record as bcf_read, and vcf_format must give the line back.
TEST_F(HtslibBehaviour, hts_getline_plus_vcf_parse_equals_bcf_read) {
    Opened raw = open_vcf(kVcf);
    rvanno::hts::KString line;
    rvanno::hts::Record rec(bcf_init());
    std::size_t i = 0;
    int ret;
    while ((ret = hts_getline(raw.fp.get(), KS_SEP_LINE, &line.s)) >= 0) {
        ASSERT_LT(i, recs.size());
        std::string text(line.s.s, line.s.l);
        ASSERT_EQ(vcf_parse(&line.s, raw.hdr.get(), rec.get()), 0) << text;
        ASSERT_EQ(bcf_unpack(rec.get(), BCF_UN_ALL), 0);
        EXPECT_EQ(rec->pos, recs[i]->pos);
        EXPECT_EQ(rec->rid, recs[i]->rid);
        EXPECT_EQ(rec->n_allele, recs[i]->n_allele);
        for (int a = 0; a < rec->n_allele; ++a) EXPECT_STREQ(rec->d.allele[a], recs[i]->d.allele[a]);
        EXPECT_EQ(format_line(raw.hdr.get(), rec.get()), format_line(hdr(), recs[i].get()));
        if (i == 0) {
            EXPECT_EQ(text, kLineSnv) << "hts_getline strips the newline";
            EXPECT_EQ(format_line(raw.hdr.get(), rec.get()), kLineSnv);
        }
        ++i;
    }
    EXPECT_EQ(ret, -1) << "end of file is -1, not an error code";
    EXPECT_EQ(i, recs.size());
}

// vcf_parse fills the packed record only: d.allele/d.n_flt need bcf_unpack (VcfReader unpacks).
TEST(HtslibBehaviourRaw, vcf_parse_leaves_the_record_packed_until_bcf_unpack) {
    Opened o = open_vcf(kVcf);
    rvanno::hts::Record rec(bcf_init());
    rvanno::hts::KString line;
    kputs(kLineSnv, &line.s);
    ASSERT_EQ(vcf_parse(&line.s, o.hdr.get(), rec.get()), 0);
    EXPECT_EQ(rec->unpacked, 0);
    EXPECT_EQ(rec->d.allele, nullptr);
    EXPECT_EQ(rec->d.n_flt, 0) << "FILTER is PASS but not yet unpacked";
    EXPECT_EQ(rec->n_allele, 2) << "counts are available without unpacking";
    ASSERT_EQ(bcf_unpack(rec.get(), BCF_UN_ALL), 0);
    EXPECT_EQ(rec->unpacked, BCF_UN_ALL);
    EXPECT_STREQ(rec->d.allele[1], "T");
    ASSERT_EQ(rec->d.n_flt, 1);
    EXPECT_STREQ(bcf_hdr_int2id(o.hdr.get(), BCF_DT_ID, rec->d.flt[0]), "PASS");
}

// VcfReader's "skip without parsing" relies on a bad record failing in vcf_parse only when it is
// parsed. Which lines HTSlib 1.16 rejects, and which it silently accepts, is pinned here.
TEST(HtslibBehaviourRaw, vcf_parse_rejects_bad_sample_columns_but_accepts_lines_with_too_few_columns) {
    hts_set_log_level(HTS_LOG_OFF);
    Opened o = open_vcf(kVcf);
    rvanno::hts::Record rec(bcf_init());
    auto parse = [&](const char* text) {
        rvanno::hts::KString line;
        kputs(text, &line.s);
        return vcf_parse(&line.s, o.hdr.get(), rec.get());
    };
    // Rejected: a non-integer in FORMAT/AD, and fewer sample columns than the header has.
    EXPECT_LT(parse("chr2\t10\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:x,y\t0/0:1,0"), 0);
    EXPECT_TRUE(rec->errcode & BCF_ERR_CHAR);
    EXPECT_LT(parse("chr2\t10\t.\tC\tT\t.\tPASS\t.\tGT\t0/1"), 0);
    EXPECT_TRUE(rec->errcode & BCF_ERR_NCOLS);
    // Accepted without any error: a three-column line (the third becomes ID, no alleles) ...
    EXPECT_EQ(parse("chr2\t10\tthis is not a VCF record"), 0);
    EXPECT_EQ(rec->errcode, 0);
    EXPECT_EQ(rec->n_allele, 0);
    // ... a line cut after ALT, and a non-numeric POS (which becomes -1).
    EXPECT_EQ(parse("chr2\t10\t.\tC\tT"), 0);
    EXPECT_EQ(rec->n_allele, 2);
    EXPECT_EQ(parse("chr2\tabc\t.\tC\tT\t.\tPASS\t."), 0);
    EXPECT_EQ(rec->pos, -1);
    hts_set_log_level(HTS_LOG_WARNING);
}

// A CHROM missing from the header is not an error in 1.16: vcf_parse adds a ##contig line and
// flags the record with BCF_ERR_CTG_UNDEF. rvanno's BCF path sizes its rid cache on that.
TEST(HtslibBehaviourRaw, undeclared_contig_extends_the_header_and_sets_errcode) {
    hts_set_log_level(HTS_LOG_OFF);
    Opened o = open_vcf(kVcf);
    ASSERT_EQ(o.hdr->n[BCF_DT_CTG], 2);
    rvanno::hts::Record rec(bcf_init());
    rvanno::hts::KString line;
    kputs("chr9\t10\t.\tC\tT\t.\tPASS\t.\tGT\t0/1\t0/0", &line.s);
    EXPECT_EQ(vcf_parse(&line.s, o.hdr.get(), rec.get()), 0);
    EXPECT_EQ(rec->errcode, BCF_ERR_CTG_UNDEF);
    EXPECT_EQ(o.hdr->n[BCF_DT_CTG], 3);
    EXPECT_EQ(rec->rid, 2);
    EXPECT_STREQ(bcf_hdr_id2name(o.hdr.get(), rec->rid), "chr9");
    // An undeclared INFO tag is likewise added (as a String) and flagged, not rejected.
    rvanno::hts::KString line2;
    kputs("chr2\t10\t.\tC\tT\t.\tPASS\tNEWTAG=1\tGT\t0/1\t0/0", &line2.s);
    EXPECT_EQ(vcf_parse(&line2.s, o.hdr.get(), rec.get()), 0);
    EXPECT_EQ(rec->errcode, BCF_ERR_TAG_UNDEF);
    EXPECT_EQ(bcf_hdr_id2type(o.hdr.get(), BCF_HL_INFO, bcf_hdr_id2int(o.hdr.get(), BCF_DT_ID, "NEWTAG")),
              static_cast<uint32_t>(BCF_HT_STR));
    hts_set_log_level(HTS_LOG_WARNING);
}

// VcfReader keeps BCF records packed until they are candidates: bcf_read must give rid, pos and
// n_allele without unpacking, while d.allele / d.n_flt are valid only after bcf_unpack.
TEST(HtslibBehaviourRaw, bcf_read_leaves_strings_and_filters_unpacked) {
    auto bcf_path = temp_path("packed.bcf");
    {
        Opened in = open_vcf(kVcf);
        rvanno::hts::File out(hts_open(bcf_path.c_str(), "wb"));
        ASSERT_TRUE(out);
        ASSERT_EQ(bcf_hdr_write(out.get(), in.hdr.get()), 0);
        rvanno::hts::Record r(bcf_init());
        while (bcf_read(in.fp.get(), in.hdr.get(), r.get()) == 0)
            ASSERT_EQ(bcf_write(out.get(), in.hdr.get(), r.get()), 0);
        ASSERT_EQ(hts_close(out.release()), 0);
    }
    Opened b = open_vcf(bcf_path.string());
    EXPECT_EQ(hts_get_format(b.fp.get())->format, bcf);
    rvanno::hts::Record rec(bcf_init());
    ASSERT_EQ(bcf_read(b.fp.get(), b.hdr.get(), rec.get()), 0);
    EXPECT_EQ(rec->unpacked, 0);
    EXPECT_EQ(rec->d.allele, nullptr) << "first record: nothing unpacked yet";
    EXPECT_EQ(rec->pos, 29220746);
    EXPECT_STREQ(bcf_hdr_id2name(b.hdr.get(), rec->rid), "chr2");
    EXPECT_EQ(rec->n_allele, 2);
    EXPECT_EQ(rec->d.n_flt, 0) << "FILTER PASS is not visible before BCF_UN_FLT";
    ASSERT_EQ(bcf_unpack(rec.get(), BCF_UN_STR), 0);
    EXPECT_EQ(rec->unpacked, BCF_UN_STR);
    EXPECT_STREQ(rec->d.allele[0], "C");
    EXPECT_EQ(rec->d.n_flt, 0);
    ASSERT_EQ(bcf_unpack(rec.get(), BCF_UN_ALL), 0);
    ASSERT_EQ(rec->d.n_flt, 1);
    EXPECT_STREQ(bcf_hdr_int2id(b.hdr.get(), BCF_DT_ID, rec->d.flt[0]), "PASS");

    // Second record: bcf_read resets `unpacked` and n_flt, but d.allele keeps pointing at the
    // previous record's strings (stale, not null) until the next bcf_unpack.
    ASSERT_EQ(bcf_read(b.fp.get(), b.hdr.get(), rec.get()), 0);
    EXPECT_EQ(rec->unpacked, 0);
    EXPECT_EQ(rec->d.n_flt, 0);
    EXPECT_EQ(rec->n_allele, 3);
    ASSERT_EQ(bcf_unpack(rec.get(), BCF_UN_ALL), 0);
    EXPECT_STREQ(rec->d.allele[2], "G");
    ASSERT_EQ(rec->d.n_flt, 1);
    EXPECT_STREQ(bcf_hdr_int2id(b.hdr.get(), BCF_DT_ID, rec->d.flt[0]), "LowQual");
    fs::remove(bcf_path);
}
