// The block passthrough of the annotated VCF (io/annotated_vcf_passthrough.hpp): `-O z` from a
// bgzipped VCF copies the input's compressed blocks that hold no tagged record. Its output must
// decompress to exactly what the record-by-record writer gives (`-O v` here), whatever the
// block boundaries: lines cut by blocks, the header ending inside a block or at its end, tagged
// records anywhere, a "\r\n" line, an empty line, and a line longer than a block (which stops
// the passthrough). The inputs are made here with HTSlib's BGZF writer, flushing where each
// case needs a block to end.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "io/hts.hpp"
#include "io/vcf_writer.hpp"
#include "rvanno/knowledge.hpp"
#include "support/alk_g1202r.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace {

using rvanno::AlleleFinding;
using rvanno::test::slurp;
using rvanno::test::TempDir;

const char* kHeader =
    "##fileformat=VCFv4.2\n##contig=<ID=chr2,length=242193529>\n"
    "##INFO=<ID=NOTE,Number=1,Type=String,Description=\"why\">\n"
    "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";

std::string record(int i, const std::string& note = "x") {
    return "chr2\t" + std::to_string(1000 + i * 10) + "\tr" + std::to_string(i) + "\tA\tC\t.\tPASS\tNOTE=" + note;
}

struct Layout {
    bool flush_after_header{false};
    int records{1500};
    std::set<int> crlf, empty_before, long_line;
    // A block ends after every 23rd record, and inside every 31st line (but two block ends
    // never fall within one line: that is the long-line case, which stops the passthrough).
    int flush_every{23};
};

// Writes the VCF with BGZF block ends where `layout` says; returns the uncompressed text's
// data lines as the record-by-record writer would pass them (no "\r", no empty lines).
void write_input(const std::string& path, const Layout& layout) {
    rvanno::hts::Bgzf out(bgzf_open(path.c_str(), "w"));
    ASSERT_TRUE(out);
    auto put = [&](const std::string& s) { ASSERT_EQ(bgzf_write(out.get(), s.data(), s.size()), (ssize_t)s.size()); };
    put(kHeader);
    if (layout.flush_after_header) { ASSERT_EQ(bgzf_flush(out.get()), 0); }
    for (int i = 1; i <= layout.records; ++i) {
        if (layout.empty_before.count(i)) put("\n");
        std::string line = record(i, layout.long_line.count(i) ? std::string(150000, 'L') : "x");
        if (i % 31 == 0 && (i - 1) % layout.flush_every != 0) {  // a block ends inside this line (not a
                                                                 // 9-byte block after a block end)
            put(line.substr(0, 9));
            ASSERT_EQ(bgzf_flush(out.get()), 0);
            line.erase(0, 9);
        }
        put(line + (layout.crlf.count(i) ? "\r\n" : "\n"));
        if (i % layout.flush_every == 0) { ASSERT_EQ(bgzf_flush(out.get()), 0); }
    }
    ASSERT_EQ(bgzf_close(out.release()), 0);
}

struct Row {
    rvanno::KnowledgeEntry e =
        rvanno::test::alk_row("SYN-1", "drug", rvanno::Effect::resistance, rvanno::EvidenceLevel::C);
};

std::vector<AlleleFinding> findings_for(const std::set<int>& records, const Row& row) {
    std::vector<AlleleFinding> out;
    for (int i : records) {
        AlleleFinding f;
        f.record_number = i;
        f.contig_name = "chr2";
        f.pos = 1000 + i * 10 - 1;
        f.ref = "A";
        f.alt = "C";
        f.csq.gene = "ALK";
        f.csq.transcript = "NM_004304.5";
        f.csq.hgvs_c = "c.1A>C";
        f.matches = {rvanno::Match{&row.e, rvanno::MatchHow::genomic, ""}};
        out.push_back(f);
    }
    return out;
}

std::string decompressed(const std::string& path) {
    rvanno::hts::Bgzf in(bgzf_open(path.c_str(), "r"));
    EXPECT_TRUE(in);
    std::string out;
    char buf[65536];
    ssize_t n;
    while (in && (n = bgzf_read(in.get(), buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    return out;
}

// The compressed BGZF blocks of a file, in order.
std::vector<std::string> blocks_of(const std::string& path) {
    const std::string s = slurp(path);
    std::vector<std::string> out;
    for (std::size_t p = 0; p + 18 <= s.size();) {
        const std::size_t size =
            (static_cast<unsigned char>(s[p + 16]) | (static_cast<unsigned char>(s[p + 17]) << 8)) + 1;
        out.push_back(s.substr(p, size));
        p += size;
    }
    return out;
}

const std::vector<std::string> kProvenance = {"##rvanno_version=test"};

// -O z (passthrough) and -O v (record by record) of the same input and findings.
void expect_same_as_record_by_record(const Layout& layout, const std::set<int>& tagged, const std::string& name) {
    TempDir dir("pass");
    Row row;
    const auto findings = findings_for(tagged, row);
    const std::string in = dir.file("in.vcf.gz"), z = dir.file("out.vcf.gz"), v = dir.file("out.vcf");
    write_input(in, layout);
    rvanno::write_annotated_vcf(in, z, "z", findings, kProvenance, 0, {});
    rvanno::write_annotated_vcf(in, v, "v", findings, kProvenance, 0, {});
    const std::string text = decompressed(z);
    EXPECT_EQ(text, slurp(v)) << name;
    std::size_t tags = 0;
    for (std::size_t p = 0; (p = text.find("RVANNO_KB=SYN-1", p)) != std::string::npos; ++p) ++tags;
    EXPECT_EQ(tags, tagged.size()) << name;
}

}  // namespace

// Why: the common case. Blocks without a tagged record must be the input's own compressed
// bytes (that is the point: no second compression), and the text must not change.
TEST(BlockPassthrough, UntaggedBlocksAreTheInputsOwnBytes) {
    TempDir dir("own");
    Row row;
    Layout layout;
    const std::string in = dir.file("in.vcf.gz"), z = dir.file("out.vcf.gz");
    write_input(in, layout);
    rvanno::write_annotated_vcf(in, z, "z", findings_for({2, 700}, row), kProvenance, 0, {});
    const auto input_blocks = blocks_of(in);
    const std::string output = slurp(z);
    ASSERT_GT(input_blocks.size(), 100u);
    std::size_t copied = 0;
    for (std::size_t i = 1; i + 1 < input_blocks.size(); ++i)
        copied += output.find(input_blocks[i]) != std::string::npos;
    EXPECT_GT(copied, input_blocks.size() * 9 / 10);  // all but the header's and the two tagged records' blocks
    expect_same_as_record_by_record(layout, {2, 700}, "plain");
}

// Why: tagged records at the first and last record, at block starts and ends, in a line that a
// block end cuts, and two in one block.
TEST(BlockPassthrough, TaggedRecordsAnywhereGiveTheRecordByRecordText) {
    Layout layout;
    expect_same_as_record_by_record(layout, {1, 23, 24, 31, 62, 100, 101, 1499, 1500}, "tagged");
    layout.flush_after_header = true;  // the body starts with a block
    expect_same_as_record_by_record(layout, {1, 46, 1500}, "header ends with its block");
}

// Why: a "\r\n" line and an empty line are bytes the record-by-record writer drops; the
// passthrough must drop them too, not copy them with their block.
TEST(BlockPassthrough, CrlfAndEmptyLinesAreDroppedAsRecordByRecord) {
    Layout layout;
    layout.crlf = {5, 300, 1500};
    layout.empty_before = {10, 800};
    expect_same_as_record_by_record(layout, {5, 9, 10}, "crlf and empty");
}

// Why: a line longer than a block makes the reader load and pass a block between two records;
// the passthrough cannot copy what it never saw, so it stops there and the rest is written
// record by record — with the same text.
TEST(BlockPassthrough, LineLongerThanABlockStopsItWithTheSameText) {
    Layout layout;
    layout.long_line = {600};
    expect_same_as_record_by_record(layout, {3, 599, 600, 601, 1200}, "long line");
}
