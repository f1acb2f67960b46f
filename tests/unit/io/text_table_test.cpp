// TextTable is the reader behind every TSV rvanno loads; errors must name file:line.
#include "io/text_table.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "rvanno/error.hpp"

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
