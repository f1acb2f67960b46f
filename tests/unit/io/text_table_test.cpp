// TextTable and TextLines are the reader behind every table rvanno loads (io/text_table.hpp):
// plain, gzip, bgzip or stdin, LF / CR LF / old-Mac CR line ends; errors must name file:line.
#include "io/text_table.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <htslib/bgzf.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "io/hts.hpp"
#include "rvanno/error.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using rvanno::InputError;
using rvanno::TextTable;

namespace {
fs::path write_temp(const std::string& name, const std::string& text) {
    auto p = fs::temp_directory_path() / ("rvanno_tt_" + name);
    std::ofstream(p, std::ios::binary) << text;
    return p;
}
}  // namespace

// Why: comment lines and CRLF line ends come from spreadsheet-edited tables.
TEST(TextTable, skips_comments_and_strips_crlf) {
    auto p = write_temp("crlf.tsv", "# comment\r\na\tb\r\n1\t2\r\n# mid\r\n3\t4\r\n");
    TextTable t(p, {"a", "b"});
    ASSERT_TRUE(t.next());
    EXPECT_EQ(t.get("b"), "2");
    EXPECT_EQ(t.line(), 3);
    ASSERT_TRUE(t.next());
    EXPECT_EQ(t.get("a"), "3");
    EXPECT_EQ(t.where(), p.string() + ":5");
    EXPECT_FALSE(t.next());
}

// Why: a missing required column must be reported with the header's line, not crash later.
TEST(TextTable, missing_required_column_names_file_and_line) {
    auto p = write_temp("missing.tsv", "a\tc\n1\t2\n");
    try {
        TextTable t(p, {"a", "b"});
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.where(), p.string() + ":1");
        EXPECT_NE(std::string(e.what()).find("missing column 'b'"), std::string::npos);
    }
}

// Why: an extra tab silently shifts every later column; it must be an error instead.
TEST(TextTable, row_longer_than_header_is_an_error) {
    auto p = write_temp("long.tsv", "a\tb\n1\t2\t3\n");
    TextTable t(p, {"a"});
    EXPECT_THROW(t.next(), InputError);
}

// ---- TextLines: the one line source of every table (plain, gzip, bgzip, stdin) ------------

namespace {

const std::string kTable = "# note\nchrom\tstart\tend\nchr2\t0\t10\nchr7\t5\t9";  // no final line end

std::vector<std::string> all_lines(const std::string& path) {
    rvanno::TextLines in(path);
    EXPECT_TRUE(in.is_open()) << path;
    std::vector<std::string> out;
    for (std::string l; in.next(l);) out.push_back(l);
    EXPECT_FALSE(in.bad()) << path;
    EXPECT_EQ(in.line(), static_cast<long>(out.size()));
    return out;
}

const std::vector<std::string> kLines = {"# note", "chrom\tstart\tend", "chr2\t0\t10", "chr7\t5\t9"};

}  // namespace

// Why: the same table must read line for line whatever its compression (issue 8: gzipped
// .seg/.tsv/.cnr were refused). gzip is made by the gzip tool, bgzip by HTSlib's BGZF writer,
// in a scratch directory; a last line without a line end is still a line.
TEST(TextLines, plain_gzip_and_bgzip_read_the_same_lines) {
    rvanno::test::TempDir dir("lines");
    const std::string plain = dir.file("t.tsv");
    std::ofstream(plain, std::ios::binary) << kTable;
    EXPECT_EQ(all_lines(plain), kLines);
    ASSERT_EQ(std::system(("gzip -c '" + plain + "' > '" + dir.file("t.tsv.gz") + "'").c_str()), 0);
    EXPECT_EQ(all_lines(dir.file("t.tsv.gz")), kLines);
    EXPECT_TRUE(rvanno::TextLines(dir.file("t.tsv.gz")).compressed());
    EXPECT_FALSE(rvanno::TextLines(plain).compressed());
    {
        rvanno::hts::Bgzf out(bgzf_open(dir.file("t.tsv.bgz").c_str(), "w"));
        ASSERT_TRUE(out);
        ASSERT_EQ(bgzf_write(out.get(), kTable.data(), kTable.size()), static_cast<ssize_t>(kTable.size()));
    }
    EXPECT_EQ(all_lines(dir.file("t.tsv.bgz")), kLines);
}

// Why: CR LF (Windows) and CR alone (old Mac files, no LF anywhere) end lines like LF; a CR
// inside a line of an LF file stays in the line (the writers escape it).
TEST(TextLines, crlf_and_old_mac_line_ends_read_as_lf) {
    rvanno::test::TempDir dir("ends");
    std::ofstream(dir.file("crlf.tsv"), std::ios::binary) << "# note\r\nchrom\tstart\tend\r\nchr2\t0\t10\r\nchr7\t5\t9";
    EXPECT_EQ(all_lines(dir.file("crlf.tsv")), kLines);
    std::ofstream(dir.file("mac.tsv"), std::ios::binary) << "# note\rchrom\tstart\tend\rchr2\t0\t10\rchr7\t5\t9\r";
    EXPECT_EQ(all_lines(dir.file("mac.tsv")), kLines);
    std::ofstream(dir.file("cr_in_cell.tsv"), std::ios::binary) << "a\tb\nx\ry\t2\n";
    EXPECT_EQ(all_lines(dir.file("cr_in_cell.tsv")), (std::vector<std::string>{"a\tb", "x\ry\t2"}));
    std::ofstream(dir.file("empty.tsv"), std::ios::binary) << "";
    EXPECT_TRUE(all_lines(dir.file("empty.tsv")).empty());
}

// Why: "-" is standard input, as for every bcftools-style tool; the bytes may be gzipped too.
TEST(TextLines, dash_reads_standard_input) {
    rvanno::test::TempDir dir("stdin");
    std::ofstream(dir.file("t.tsv"), std::ios::binary) << kTable;
    ASSERT_EQ(std::system(("gzip -c '" + dir.file("t.tsv") + "' > '" + dir.file("t.tsv.gz") + "'").c_str()), 0);
    for (const char* name : {"t.tsv", "t.tsv.gz"}) {
        SCOPED_TRACE(name);
        const int saved = ::dup(STDIN_FILENO);
        const int fd = ::open(dir.file(name).c_str(), O_RDONLY);
        ASSERT_GE(fd, 0);
        ASSERT_EQ(::dup2(fd, STDIN_FILENO), STDIN_FILENO);
        ::close(fd);
        const auto lines = all_lines("-");
        ::dup2(saved, STDIN_FILENO);
        ::close(saved);
        EXPECT_EQ(lines, kLines);
    }
}

// Why: a truncated gzip must not read as a short table: the reader reports bad(), and
// TextTable turns it into an error naming the file.
TEST(TextLines, corrupt_gzip_is_a_read_error) {
    rvanno::test::TempDir dir("corrupt");
    std::string text = "a\tb\n";
    for (int i = 0; i < 5000; ++i) text += std::to_string(i) + "\t" + std::to_string(i * 7) + "\n";
    std::ofstream(dir.file("t.tsv"), std::ios::binary) << text;
    ASSERT_EQ(std::system(("gzip -c '" + dir.file("t.tsv") + "' > '" + dir.file("t.tsv.gz") + "'").c_str()), 0);
    const auto size = fs::file_size(dir.file("t.tsv.gz"));
    fs::resize_file(dir.file("t.tsv.gz"), size / 2);
    rvanno::TextLines in(dir.file("t.tsv.gz"));
    long n = 0;
    for (std::string l; in.next(l);) ++n;
    EXPECT_TRUE(in.bad());
    EXPECT_LT(n, 5001);
    EXPECT_THROW(
        {
            TextTable t(dir.file("t.tsv.gz"), {"a"});
            while (t.next()) {}
        },
        rvanno::UserError);
    EXPECT_FALSE(rvanno::TextLines(dir.file("no_such.tsv")).is_open());
}
