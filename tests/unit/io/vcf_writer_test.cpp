// write_annotated_vcf: every input record comes out in order, matched records carry the
// RVANNO_* INFO tags with known values, all three output types read back (HTSlib, bcftools),
// and a failed write leaves no file. Inputs: testdata/vcf_writer/ (see its README.md).
#include "io/vcf_writer.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "io/hts.hpp"
#include "rvanno/error.hpp"

#include "support/alk_g1202r.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using rvanno::AlleleFinding;
using rvanno::InputError;
using rvanno::KnowledgeEntry;
using rvanno::Match;
using rvanno::MatchHow;
using rvanno::UsageError;
using rvanno::UserError;
using rvanno::write_annotated_vcf;

using rvanno::test::alk_row;
using rvanno::test::data_lines;
using rvanno::test::TempDir;

namespace {

std::string test_vcf(const std::string& name) { return std::string(RVANNO_TESTDATA) + "/vcf_writer/" + name; }

const std::vector<std::string> kTags = {"RVANNO_GENE", "RVANNO_HGVSC", "RVANNO_HGVSP",
                                        "RVANNO_KB",   "RVANNO_MATCH", "RVANNO_DRUG"};

// A fresh, empty directory per test, removed afterwards.

// Hand-written findings for testdata/vcf_writer/input.vcf, with ids and values of the bundled
// knowledge base (db/knowledge/alk.tsv) and one synthetic row whose id and drug need escaping.
struct Fixture {
    KnowledgeEntry g1202r_crizotinib =
        alk_row("ALK-G1202R-crizotinib-1", "crizotinib", rvanno::Effect::resistance, rvanno::EvidenceLevel::C, true);
    KnowledgeEntry g1202r_lorlatinib =
        alk_row("ALK-G1202R-lorlatinib-1", "lorlatinib", rvanno::Effect::sensitivity, rvanno::EvidenceLevel::D);
    KnowledgeEntry l1196m_crizotinib =
        alk_row("ALK-L1196M-crizotinib-1", "crizotinib", rvanno::Effect::resistance, rvanno::EvidenceLevel::C, true);
    KnowledgeEntry synthetic = alk_row("SYN;ID=1", "drug a,b", rvanno::Effect::no_benefit, rvanno::EvidenceLevel::E);
    std::vector<AlleleFinding> findings;

    Fixture() {
        // record 2 (chr2:29220747 C>T,A): ALT1 T is ALK c.3604G>A p.G1202R; ALT2 A has no row.
        AlleleFinding t = rvanno::test::alk_g1202r_finding();
        t.record_number = 2;
        t.matches = {Match{&g1202r_crizotinib, MatchHow::hgvs_p, ""}, Match{&g1202r_lorlatinib, MatchHow::hgvs_p, ""}};
        findings.push_back(t);
        AlleleFinding a = t;
        a.alt = "A";
        a.csq.hgvs_c = "c.3604G>T";
        a.csq.protein_change = "G1202C";
        a.matches.clear();
        findings.push_back(a);
        // record 3 (chr2:29220765 G>T, FILTER LowQual): ALK c.3586C>A p.L1196M.
        AlleleFinding l = t;
        l.record_number = 3;
        l.pos = 29220764;
        l.ref = "G";
        l.alt = "T";
        l.csq.hgvs_c = "c.3586C>A";
        l.csq.protein_change = "L1196M";
        l.matches = {Match{&l1196m_crizotinib, MatchHow::hgvs_c, ""}};
        findings.push_back(l);
        // record 7 (chr2:29220900 A>G,C): only ALT2 C matched, protein change unknown; the
        // allele is tied to its ALT through input_allele (as after normalisation).
        AlleleFinding s;
        s.record_number = 7;
        s.contig_name = "chr2";
        s.pos = 29220899;
        s.ref = "A";
        s.alt = "C";
        s.input_allele = "chr2:29220900:a:c";
        s.csq.gene = "ALK";
        s.csq.transcript = "NM_004304.5";
        s.csq.hgvs_c = "c.1A>C";
        s.matches = {Match{&synthetic, MatchHow::missense, ""}};
        findings.push_back(s);
    }
};

struct Rec {
    std::string chrom;
    long pos;
    std::string id, alleles, filter;
    std::map<std::string, std::string> info;  // RVANNO_* values present
    bool operator==(const Rec& o) const {
        return chrom == o.chrom && pos == o.pos && id == o.id && alleles == o.alleles && filter == o.filter;
    }
};

// Every record of `path` read with HTSlib, with its RVANNO_* values; fails the test on error.
std::vector<Rec> read_records(const std::string& path, std::string* header_text = nullptr) {
    std::vector<Rec> out;
    rvanno::hts::File fp(hts_open(path.c_str(), "r"));
    EXPECT_TRUE(fp) << path;
    if (!fp) return out;
    rvanno::hts::Header hdr(bcf_hdr_read(fp.get()));
    EXPECT_TRUE(hdr) << path;
    if (!hdr) return out;
    if (header_text) {
        rvanno::hts::KString ks;
        EXPECT_EQ(bcf_hdr_format(hdr.get(), 0, &ks.s), 0);
        *header_text = ks.s.s ? std::string(ks.s.s, ks.s.l) : "";
    }
    rvanno::hts::Record rec(bcf_init());
    rvanno::hts::Buffer<char> buf;
    int ret;
    while ((ret = bcf_read(fp.get(), hdr.get(), rec.get())) == 0) {
        EXPECT_GE(bcf_unpack(rec.get(), BCF_UN_ALL), 0);
        Rec r;
        r.chrom = bcf_hdr_id2name(hdr.get(), rec->rid);
        r.pos = rec->pos + 1;
        r.id = rec->d.id;
        for (int i = 0; i < rec->n_allele; ++i) r.alleles += (i ? "," : "") + std::string(rec->d.allele[i]);
        for (int i = 0; i < rec->d.n_flt; ++i)
            r.filter += (i ? ";" : "") + std::string(bcf_hdr_int2id(hdr.get(), BCF_DT_ID, rec->d.flt[i]));
        for (const auto& tag : kTags)
            if (bcf_get_info_string(hdr.get(), rec.get(), tag.c_str(), &buf.data, &buf.size) > 0)
                r.info[tag] = buf.data;
        out.push_back(std::move(r));
    }
    EXPECT_EQ(ret, -1) << path << ": read error";
    EXPECT_EQ(hts_close(fp.release()), 0);
    return out;
}

std::string run(const std::string& cmd) {
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return "popen failed";
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    int rc = ::pclose(p);
    return rc == 0 ? out : "exit " + std::to_string(rc) + ": " + out;
}

const std::vector<std::string> kProvenance = {"##rvanno_version=0.1.0", "##rvanno_kb_version=test-kb",
                                              "##rvanno_command=rvanno annotate --output-vcf out.vcf in.vcf"};

}  // namespace

// Why: the annotated VCF must be the whole input, record for record, in every output type —
// including records outside genes, FILTERed, '*', symbolic, ALT '.' and multi-allelic ones.
TEST(VcfWriter, EveryRecordInOrderInAllThreeModes) {
    Fixture fx;
    TempDir dir("order");
    const auto input = read_records(test_vcf("input.vcf"));
    ASSERT_EQ(input.size(), 8u);
    for (char mode : {'v', 'z', 'b'}) {
        std::string out = dir.file(std::string("out.") + mode);
        write_annotated_vcf(test_vcf("input.vcf"), out, mode, fx.findings, kProvenance, 0);
        auto got = read_records(out);
        ASSERT_EQ(got.size(), input.size()) << mode;
        for (std::size_t i = 0; i < got.size(); ++i) {
            EXPECT_EQ(got[i], input[i]) << mode << " record " << i + 1 << ": " << got[i].chrom << ":" << got[i].pos;
        }
    }
    EXPECT_EQ(dir.entries().size(), 3u);  // no temporary file left behind
}

// Why: the tag values are the point of the file; multi-allelic records must put each value on
// its own ALT (Number=A, '.' elsewhere), and reserved characters must be percent-encoded.
TEST(VcfWriter, MatchedRecordsCarryTheExpectedValues) {
    Fixture fx;
    TempDir dir("values");
    for (char mode : {'v', 'b'}) {
        std::string out = dir.file(std::string("out.") + mode);
        write_annotated_vcf(test_vcf("input.vcf"), out, mode, fx.findings, kProvenance, 0);
        auto got = read_records(out);
        ASSERT_EQ(got.size(), 8u);
        const std::map<std::string, std::string> r2 = {
            {"RVANNO_GENE", "ALK,."},
            {"RVANNO_HGVSC", "NM_004304.5:c.3604G>A,."},
            {"RVANNO_HGVSP", "p.G1202R,."},
            {"RVANNO_KB", "ALK-G1202R-crizotinib-1&ALK-G1202R-lorlatinib-1,."},
            {"RVANNO_MATCH", "hgvs_p&hgvs_p,."},
            // RVANNO_DRUG: one VEP-shaped entry per ALT x row x drug, naming its ALT (Number=.).
            {"RVANNO_DRUG",
             "T|.|ALK|NM_004304.5|NM_004304.5:c.3604G>A|p.G1202R|crizotinib|resistance|C|verified|"
             "ALK-G1202R-crizotinib-1|hgvs_p|curated,"
             "T|.|ALK|NM_004304.5|NM_004304.5:c.3604G>A|p.G1202R|lorlatinib|sensitivity|D|unverified|"
             "ALK-G1202R-lorlatinib-1|hgvs_p|curated"}};
        EXPECT_EQ(got[1].info, r2) << mode;
        const std::map<std::string, std::string> r3 = {
            {"RVANNO_GENE", "ALK"},
            {"RVANNO_HGVSC", "NM_004304.5:c.3586C>A"},
            {"RVANNO_HGVSP", "p.L1196M"},
            {"RVANNO_KB", "ALK-L1196M-crizotinib-1"},
            {"RVANNO_MATCH", "hgvs_c"},
            {"RVANNO_DRUG",
             "T|.|ALK|NM_004304.5|NM_004304.5:c.3586C>A|p.L1196M|crizotinib|resistance|C|verified|"
             "ALK-L1196M-crizotinib-1|hgvs_c|curated"}};
        EXPECT_EQ(got[2].info, r3) << mode;
        // No protein change known: RVANNO_HGVSP is left out rather than written as ".,.".
        const std::map<std::string, std::string> r7 = {{"RVANNO_GENE", ".,ALK"},
                                                       {"RVANNO_HGVSC", ".,NM_004304.5:c.1A>C"},
                                                       {"RVANNO_KB", ".,SYN%3BID%3D1"},
                                                       {"RVANNO_MATCH", ".,class:missense"},
                                                       {"RVANNO_DRUG",
                                                        "C|.|ALK|NM_004304.5|NM_004304.5:c.1A>C|.|drug%20a%2Cb|"
                                                        "no_benefit|E|unverified|SYN%3BID%3D1|class:missense|curated"}};
        EXPECT_EQ(got[6].info, r7) << mode;
        for (std::size_t i : {0u, 3u, 4u, 5u, 7u}) { EXPECT_TRUE(got[i].info.empty()) << mode << " record " << i + 1; }
    }
}

// Why: records without matches must pass through unchanged; in VCF output they are the raw
// input lines (the fast path), byte for byte.
TEST(VcfWriter, UnmatchedTextRecordsAreTheInputLines) {
    Fixture fx;
    TempDir dir("raw");
    std::string out = dir.file("out.vcf");
    write_annotated_vcf(test_vcf("input.vcf"), out, 'v', fx.findings, kProvenance, 0);
    auto in = data_lines(test_vcf("input.vcf"));
    auto got = data_lines(out);
    ASSERT_EQ(got.size(), in.size());
    for (std::size_t i : {0u, 3u, 4u, 5u, 7u}) { EXPECT_EQ(got[i], in[i]) << "record " << i + 1; }
    // A matched record keeps its other INFO values and its sample column.
    EXPECT_NE(got[1].find("NOTE=multiallelic_ALT1_G1202R_ALT2_no_row;DP=84;RVANNO_GENE=ALK,."), std::string::npos)
        << got[1];
    EXPECT_NE(got[1].find("\t1/2:50,30,4:0.357,0.048"), std::string::npos) << got[1];
}

// Why: the header must keep every input line and add the provenance lines and a declaration
// (Type=String; Number=A, or Number=. with a split-vep Format for RVANNO_DRUG) for every tag, or readers reject or misread the values.
TEST(VcfWriter, HeaderHasInputLinesProvenanceAndDeclarations) {
    Fixture fx;
    TempDir dir("header");
    for (char mode : {'v', 'z', 'b'}) {
        std::string out = dir.file(std::string("out.") + mode);
        write_annotated_vcf(test_vcf("input.vcf"), out, mode, fx.findings, kProvenance, 0);
        std::string header;
        read_records(out, &header);
        std::ifstream in(test_vcf("input.vcf"));
        for (std::string l; std::getline(in, l) && l.rfind("##", 0) == 0;) {
            EXPECT_NE(header.find(l + "\n"), std::string::npos) << mode << ": input line lost: " << l;
        }
        for (const auto& l : kProvenance) { EXPECT_NE(header.find(l + "\n"), std::string::npos) << mode << ": " << l; }
        for (const auto& t : kTags) {
            const std::string number = t == "RVANNO_DRUG" ? "." : "A";
            EXPECT_NE(header.find("##INFO=<ID=" + t + ",Number=" + number + ",Type=String,Description=\"rvanno: "),
                      std::string::npos)
                << mode << ": " << t;
        }
        // split-vep reads the Format from the end of the Description.
        EXPECT_NE(header.find("Format: Allele|Consequence|SYMBOL|Feature|HGVSc|HGVSp|drug|effect|level|status|kb_id|"
                              "match|layer\">\n"),
                  std::string::npos)
            << mode;
        EXPECT_NE(header.find("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR"), std::string::npos);
    }
}

// Why: the file is for other tools; bcftools must read all three output types, see every
// record, and parse the Number=A values per allele.
TEST(VcfWriter, BcftoolsReadsAllThreeModes) {
    if (std::system("command -v bcftools > /dev/null 2>&1") != 0) GTEST_SKIP() << "bcftools is not installed";
    Fixture fx;
    TempDir dir("bcftools");
    for (char mode : {'v', 'z', 'b'}) {
        std::string out = dir.file(std::string("out.") + mode);
        write_annotated_vcf(test_vcf("input.vcf"), out, mode, fx.findings, kProvenance, 0);
        EXPECT_EQ(run("bcftools view -H '" + out + "' 2>&1 | wc -l"), "8\n") << mode;
        EXPECT_EQ(run("bcftools query -i 'INFO/RVANNO_KB!=\".\"' -f '%POS %ALT %RVANNO_KB\\n' '" + out + "' 2>&1"),
                  "29220747 T,A ALK-G1202R-crizotinib-1&ALK-G1202R-lorlatinib-1,.\n"
                  "29220765 T ALK-L1196M-crizotinib-1\n"
                  "29220900 G,C .,SYN%3BID%3D1\n")
            << mode;
        // Split per allele, each ALT keeps its own value.
        EXPECT_EQ(run("bcftools norm -m- '" + out +
                      "' 2>/dev/null | bcftools query -i 'POS=29220747' "
                      "-f '%ALT %RVANNO_GENE %RVANNO_HGVSP\\n' 2>&1"),
                  "T ALK p.G1202R\nA . .\n")
            << mode;
    }
}

// Why: BCF input goes through bcf1_t, not raw lines; it must give the same records and values.
TEST(VcfWriter, BcfInputGivesTheSameResult) {
    Fixture fx;
    TempDir dir("bcfin");
    std::string bcf = dir.file("input.bcf");
    write_annotated_vcf(test_vcf("input.vcf"), bcf, 'b', {}, {}, 0);  // a plain copy, as BCF
    std::string from_vcf = dir.file("from_vcf.vcf"), from_bcf = dir.file("from_bcf.vcf");
    write_annotated_vcf(test_vcf("input.vcf"), from_vcf, 'v', fx.findings, kProvenance, 0);
    write_annotated_vcf(bcf, from_bcf, 'v', fx.findings, kProvenance, 0);
    auto a = read_records(from_vcf), b = read_records(from_bcf);
    ASSERT_EQ(a.size(), 8u);
    ASSERT_EQ(b.size(), a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(b[i], a[i]) << "record " << i + 1;
        EXPECT_EQ(b[i].info, a[i].info) << "record " << i + 1;
    }
}

// Why: compression threads must not change the output.
TEST(VcfWriter, ThreadsGiveTheSameRecords) {
    Fixture fx;
    TempDir dir("threads");
    std::string one = dir.file("one.vcf.gz"), two = dir.file("two.vcf.gz");
    write_annotated_vcf(test_vcf("input.vcf"), one, 'z', fx.findings, kProvenance, 0);
    write_annotated_vcf(one, two, 'z', fx.findings, {}, 2);
    auto a = read_records(one), b = read_records(two);
    ASSERT_EQ(a.size(), 8u);
    ASSERT_EQ(b.size(), a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(b[i], a[i]);
        EXPECT_EQ(b[i].info, a[i].info);
    }
}

// Why: annotating an rvanno VCF again must not leave stale values from the first run, nor
// declare the tags twice.
TEST(VcfWriter, OldRvannoValuesAreReplaced) {
    Fixture fx;
    TempDir dir("again");
    std::string first = dir.file("first.vcf"), second = dir.file("second.vcf");
    write_annotated_vcf(test_vcf("input.vcf"), first, 'v', fx.findings, kProvenance, 0);
    std::vector<AlleleFinding> only_l1196m = {fx.findings[2]};
    for (char mode : {'v', 'b'}) {
        write_annotated_vcf(first, second, mode, only_l1196m, kProvenance, 0);
        std::string header;
        auto got = read_records(second, &header);
        ASSERT_EQ(got.size(), 8u);
        EXPECT_TRUE(got[1].info.empty()) << mode;
        EXPECT_TRUE(got[6].info.empty()) << mode;
        EXPECT_EQ(got[2].info.at("RVANNO_KB"), "ALK-L1196M-crizotinib-1") << mode;
        auto first_decl = header.find("##INFO=<ID=RVANNO_KB,");
        ASSERT_NE(first_decl, std::string::npos);
        EXPECT_EQ(header.find("##INFO=<ID=RVANNO_KB,", first_decl + 1), std::string::npos) << mode;
    }
}

// Why: an output that cannot be created is an error, and leaves nothing behind.
TEST(VcfWriter, UnwritableDirectoryLeavesNoFile) {
    Fixture fx;
    TempDir dir("unwritable");
    { std::ofstream(dir.file("not_a_dir")) << "x\n"; }
    for (const std::string& out : {dir.file("missing/out.vcf"), dir.file("not_a_dir/out.vcf")}) {
        for (char mode : {'v', 'z', 'b'}) {
            EXPECT_THROW(write_annotated_vcf(test_vcf("input.vcf"), out, mode, fx.findings, kProvenance, 0), UserError)
                << out;
        }
    }
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"not_a_dir"});
}

// Why: a write that fails half-way must not leave a partial VCF (or its temporary file), and
// must not replace an older output.
TEST(VcfWriter, FailureHalfWayLeavesNoPartialFile) {
    Fixture fx;
    TempDir dir("halfway");
    // A finding on record 99 of an 8-record file: the input is not what was annotated.
    auto bad = fx.findings;
    bad.back().record_number = 99;
    EXPECT_THROW(write_annotated_vcf(test_vcf("input.vcf"), dir.file("a.vcf"), 'v', bad, kProvenance, 0), UserError);
    // A finding whose allele is not in its record.
    bad = fx.findings;
    bad[0].alt = "G";
    EXPECT_THROW(write_annotated_vcf(test_vcf("input.vcf"), dir.file("b.vcf"), 'z', bad, kProvenance, 0), UserError);
    // BCF output cannot hold a record whose contig the header does not declare.
    EXPECT_THROW(write_annotated_vcf(test_vcf("undeclared.vcf"), dir.file("c.bcf"), 'b', {}, {}, 0), InputError);
    EXPECT_TRUE(dir.entries().empty());
    // An older output stays as it was.
    { std::ofstream(dir.file("old.vcf")) << "old\n"; }
    EXPECT_THROW(write_annotated_vcf(test_vcf("undeclared.vcf"), dir.file("old.vcf"), 'b', {}, {}, 0), InputError);
    EXPECT_EQ(data_lines(dir.file("old.vcf")), std::vector<std::string>{"old"});
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"old.vcf"});
    // The same input as text VCF is fine: names are written as they are.
    write_annotated_vcf(test_vcf("undeclared.vcf"), dir.file("d.vcf"), 'v', {}, {}, 0);
    EXPECT_EQ(data_lines(dir.file("d.vcf")).size(), 2u);
}

// Why: the input is read once (annotated_vcf_stream.hpp), so standard input works too and gives
// the same file as the path.
TEST(VcfWriter, StdinInputGivesTheSameFileAsThePath) {
    Fixture fx;
    TempDir dir("stdin");
    const std::string from_path = dir.file("path.vcf"), from_stdin = dir.file("stdin.vcf");
    write_annotated_vcf(test_vcf("input.vcf"), from_path, 'v', fx.findings, kProvenance, 0);
    const int saved = ::dup(0);
    const int in = ::open(test_vcf("input.vcf").c_str(), O_RDONLY);
    ASSERT_GE(in, 0);
    ::dup2(in, 0);
    ::close(in);
    write_annotated_vcf("-", from_stdin, 'v', fx.findings, kProvenance, 0);
    ::dup2(saved, 0);
    ::close(saved);
    const auto lines = data_lines(from_stdin);
    EXPECT_EQ(lines, data_lines(from_path));
    ASSERT_EQ(lines.size(), 8u);
    EXPECT_NE(lines[1].find("RVANNO_GENE=ALK,."), std::string::npos) << lines[1];
}

// Why: writing over the input, or an unknown output type, are refused before anything is written.
TEST(VcfWriter, InputAsOutputAndBadModeAreRefused) {
    Fixture fx;
    TempDir dir("refused");
    std::string copy = dir.file("in.vcf");
    fs::copy_file(test_vcf("input.vcf"), copy);
    EXPECT_THROW(write_annotated_vcf(copy, copy, 'v', fx.findings, kProvenance, 0), UserError);
    EXPECT_EQ(data_lines(copy), data_lines(test_vcf("input.vcf")));
    EXPECT_THROW(write_annotated_vcf(copy, dir.file("out.vcf"), 'x', fx.findings, kProvenance, 0), UsageError);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"in.vcf"});
}

// Why: values must be valid INFO strings whatever the knowledge base holds (VCF 4.3
// percent-encoding, plus rvanno's own separators '&' and '|').
TEST(VcfWriter, EncodeInfoValue) {
    EXPECT_EQ(rvanno::encode_info_value("ALK-G1202R-crizotinib-1"), "ALK-G1202R-crizotinib-1");
    EXPECT_EQ(rvanno::encode_info_value("NM_004304.5:c.3604G>A"), "NM_004304.5:c.3604G>A");
    EXPECT_EQ(rvanno::encode_info_value("a;b=c,d e\tf%g&h|i"), "a%3Bb%3Dc%2Cd%20e%09f%25g%26h%7Ci");
    EXPECT_EQ(rvanno::encode_info_value("\xc3\xa9\n"), "%C3%A9%0A");
    EXPECT_EQ(rvanno::encode_info_value(""), ".");
}

// Why: a finding on the same allele through two transcripts gives aligned per-finding entries
// and one (row, how) pair per row, not duplicates.
TEST(VcfWriter, InfoValuesOfTwoFindingsOnOneAllele) {
    Fixture fx;
    AlleleFinding a = fx.findings[0], b = fx.findings[0];
    b.csq.transcript = "NM_TEST.1";
    b.csq.protein_change.clear();
    auto v = rvanno::rvanno_info_values({"t", "A"}, {&a, &b}, "here");
    std::map<std::string, std::string> got(v.begin(), v.end());
    EXPECT_EQ(got.at("RVANNO_GENE"), "ALK&ALK,.");
    EXPECT_EQ(got.at("RVANNO_HGVSC"), "NM_004304.5:c.3604G>A&NM_TEST.1:c.3604G>A,.");
    EXPECT_EQ(got.at("RVANNO_HGVSP"), "p.G1202R&.,.");
    EXPECT_EQ(got.at("RVANNO_KB"), "ALK-G1202R-crizotinib-1&ALK-G1202R-lorlatinib-1,.");
    // One RVANNO_DRUG entry per finding x row x drug: the two transcripts stay apart.
    EXPECT_EQ(got.at("RVANNO_DRUG"),
              "t|.|ALK|NM_004304.5|NM_004304.5:c.3604G>A|p.G1202R|crizotinib|resistance|C|verified|"
              "ALK-G1202R-crizotinib-1|hgvs_p|curated,"
              "t|.|ALK|NM_004304.5|NM_004304.5:c.3604G>A|p.G1202R|lorlatinib|sensitivity|D|unverified|"
              "ALK-G1202R-lorlatinib-1|hgvs_p|curated,"
              "t|.|ALK|NM_TEST.1|NM_TEST.1:c.3604G>A|.|crizotinib|resistance|C|verified|ALK-G1202R-crizotinib-1|hgvs_p|"
              "curated,"
              "t|.|ALK|NM_TEST.1|NM_TEST.1:c.3604G>A|.|lorlatinib|sensitivity|D|unverified|ALK-G1202R-lorlatinib-1|"
              "hgvs_p|curated");
    EXPECT_THROW(rvanno::rvanno_info_values({"G"}, {&a}, "here"), UserError);
}
