// AnnotatedVcfStream: the annotated VCF written in the one pass of `annotate` (issue 10). The
// reader hands it every record; the pipeline holds the records of kept alleles; the findings,
// known only at the end, tag the held records at their place. Inputs: testdata/vcf_writer
// (README there says what each record is for).
#include "io/annotated_vcf_stream.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/target_index.hpp"
#include "io/hts.hpp"
#include "io/vcf_reader.hpp"
#include "io/vcf_writer.hpp"
#include "rvanno/error.hpp"
#include "rvanno/knowledge.hpp"
#include "support/alk_g1202r.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace {

using rvanno::AlleleFinding;
using rvanno::AnnotatedVcfStream;
using rvanno::KnowledgeEntry;
using rvanno::test::data_lines;
using rvanno::test::TempDir;

std::string test_vcf(const std::string& name) { return std::string(RVANNO_TESTDATA) + "/vcf_writer/" + name; }

std::vector<std::string> header_lines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string l; std::getline(in, l) && !l.empty() && l[0] == '#';) out.push_back(l);
    return out;
}

// The records of a BCF file as VCF lines (HTSlib's vcf_format, without the newline).
std::vector<std::string> bcf_as_text(const std::string& path) {
    std::vector<std::string> out;
    rvanno::hts::File fp(hts_open(path.c_str(), "r"));
    EXPECT_TRUE(fp) << path;
    if (!fp) return out;
    rvanno::hts::Header hdr(bcf_hdr_read(fp.get()));
    rvanno::hts::Record rec(bcf_init());
    rvanno::hts::KString ks;
    while (hdr && bcf_read(fp.get(), hdr.get(), rec.get()) == 0) {
        ks.s.l = 0;
        EXPECT_EQ(vcf_format(hdr.get(), rec.get(), &ks.s), 0);
        out.emplace_back(ks.s.s, ks.s.l ? ks.s.l - 1 : 0);
    }
    return out;
}

// ALK around G1202R (records 2..7 of input.vcf); records 1 (chr1) and 8 (chr7) lie outside.
rvanno::TargetIndex alk_targets() {
    rvanno::TargetIndex t;
    t.add(rvanno::Region{"2", 29220000, 29221000});
    t.finish();
    return t;
}

struct Findings {
    KnowledgeEntry row;
    std::vector<AlleleFinding> list;
    Findings() {
        row = rvanno::test::alk_row("ALK-G1202R-crizotinib-1", "crizotinib", rvanno::Effect::resistance,
                                    rvanno::EvidenceLevel::C);
        AlleleFinding f = rvanno::test::alk_g1202r_finding();  // record 2, ALT1 T
        f.record_number = 2;
        f.matches = {rvanno::Match{&row, rvanno::MatchHow::hgvs_p, ""}};
        list.push_back(f);
        f.record_number = 7;  // record 7, ALT2 C: as a compound row would match it, at the end
        f.pos = 29220899;
        f.ref = "A";
        f.alt = "C";
        f.csq.hgvs_c = "c.1A>C";
        f.csq.protein_change.clear();
        list.push_back(f);
    }
};

const std::vector<std::string> kProvenance = {"##rvanno_version=test", "##rvanno_records=8"};

// The pipeline's loop: every candidate the reader gives, holding those in `hold`.
void stream_through(const std::string& input, AnnotatedVcfStream& stream, const std::vector<long>& hold,
                    std::vector<std::string>* spill_dir_seen = nullptr, const std::string& dir = "") {
    rvanno::VcfReaderOptions o;
    o.vcf_stream = &stream;
    o.include_filtered = true;
    rvanno::VcfReader reader(input, o);
    reader.set_targets(alk_targets());
    rvanno::VariantRecord rec;
    while (reader.next(rec)) {
        if (std::find(hold.begin(), hold.end(), rec.record_number) != hold.end()) stream.hold();
        if (spill_dir_seen && rec.record_number == 5) {  // mid-run: what the directory shows
            for (const auto& e : std::filesystem::directory_iterator(dir))
                spill_dir_seen->push_back(e.path().filename().string());
        }
    }
}

}  // namespace

// Why: the records' tags are decided only at the end (a compound row's partner may come later),
// yet each held record must come out at its own place, tagged, with every other record as it
// was; the result must be what the re-reading writer gives for the same findings, in every type.
TEST(AnnotatedVcfStream, HeldRecordsAreTaggedAtTheirPlaceWithFindingsKnownAtTheEnd) {
    TempDir dir("stream");
    Findings fx;
    for (const std::string type : {"v", "z", "b"}) {
        const std::string one = dir.file("one." + type), two = dir.file("two." + type);
        AnnotatedVcfStream stream(type, one, 0);
        stream_through(test_vcf("input.vcf"), stream, {2, 7});
        stream.finish(one, fx.list, kProvenance);
        rvanno::write_annotated_vcf(test_vcf("input.vcf"), two, type, fx.list, kProvenance, 0, {});
        if (type == "v") {
            EXPECT_EQ(header_lines(one), header_lines(two));
            const auto got = data_lines(one), input = data_lines(test_vcf("input.vcf"));
            ASSERT_EQ(got.size(), 8u);
            for (std::size_t i : {0, 2, 3, 4, 5, 7}) EXPECT_EQ(got[i], input[i]) << "record " << i + 1;
            EXPECT_NE(got[1].find("RVANNO_GENE=ALK,."), std::string::npos) << got[1];
            EXPECT_NE(got[6].find("RVANNO_GENE=.,ALK"), std::string::npos) << got[6];
            EXPECT_EQ(header_lines(one).back(), "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR");
        }
        EXPECT_EQ(rvanno::test::slurp(one), rvanno::test::slurp(two)) << type;
    }
}

// Why: the spill holds the whole body during the run; it must never show up as a file, so
// that a killed run leaves nothing behind, and the finished run leaves only its output.
TEST(AnnotatedVcfStream, SpillHasNoNameAndOnlyTheOutputRemains) {
    TempDir dir("spill");
    Findings fx;
    const std::string out = dir.file("out.vcf");
    std::vector<std::string> seen;
    {
        AnnotatedVcfStream stream("v", out, 0);
        stream_through(test_vcf("input.vcf"), stream, {2, 7}, &seen, dir.path().string());
        stream.finish(out, fx.list, kProvenance);
    }
    EXPECT_TRUE(seen.empty()) << seen.front();
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.vcf"});
}

// Why: a finding with matches whose record was not held would be written without its tags,
// a lost finding behind exit 0. It is an error instead, and no file is written.
TEST(AnnotatedVcfStream, FindingOfARecordNotHeldIsAnErrorAndWritesNothing) {
    TempDir dir("notheld");
    Findings fx;
    const std::string out = dir.file("out.vcf");
    AnnotatedVcfStream stream("v", out, 0);
    stream_through(test_vcf("input.vcf"), stream, {2});  // record 7 not held
    try {
        stream.finish(out, fx.list, kProvenance);
        FAIL() << "no exception";
    } catch (const rvanno::UserError& e) {
        EXPECT_NE(std::string(e.what()).find("did not hold back"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(dir.entries().empty());
}

// Why: BCF to BCF, a record outside every gene is copied as its raw bytes from the input block
// (never decoded); those bytes must make the same records, and the held ones get their tags.
TEST(AnnotatedVcfStream, BcfRecordsOutsideTheGenesAreCopiedRaw) {
    TempDir dir("bcf");
    Findings fx;
    const std::string bcf = dir.file("in.bcf"), out = dir.file("out.bcf");
    rvanno::write_annotated_vcf(test_vcf("input.vcf"), bcf, "b", {}, {}, 0, {});  // the input as BCF
    {
        AnnotatedVcfStream stream("b", out, 0);
        stream_through(bcf, stream, {2, 7});
        stream.finish(out, fx.list, kProvenance);
    }
    const auto got = bcf_as_text(out), input = data_lines(test_vcf("input.vcf"));
    ASSERT_EQ(got.size(), 8u);
    EXPECT_EQ(got[0], input[0]);
    EXPECT_EQ(got[7], input[7]);
    EXPECT_NE(got[1].find("RVANNO_GENE=ALK,."), std::string::npos) << got[1];
    EXPECT_NE(got[6].find("RVANNO_GENE=.,ALK"), std::string::npos) << got[6];
}
