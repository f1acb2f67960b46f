#include "base/strings.hpp"

#include <gtest/gtest.h>

using namespace rvanno;

// Why: the former copies differed in what they trimmed; each call site now names its set.
TEST(Strings, trim_blanks_by_default_whitespace_on_request) {
    EXPECT_EQ(trim(" \ta b\t "), "a b");
    EXPECT_EQ(trim("\r\na\r\n"), "\r\na\r\n");
    EXPECT_EQ(trim("\r\n a \v\f", kWhitespace), "a");
    EXPECT_EQ(trim(" \t "), "");
    EXPECT_EQ(trim(""), "");
}

TEST(Strings, case_mapping_is_ascii) {
    EXPECT_EQ(lower("GRCh38-X"), "grch38-x");
    EXPECT_EQ(upper("acgtn*"), "ACGTN*");
}

TEST(Strings, split_keeps_empty_fields) {
    EXPECT_EQ(split("a,,b,", ','), (std::vector<std::string>{"a", "", "b", ""}));
    EXPECT_EQ(split("", ','), (std::vector<std::string>{""}));
}

// Why: every former copy skipped the separator while nothing was written yet; outputs rely on it.
TEST(Strings, join_drops_empty_leading_items) {
    EXPECT_EQ(join({"a", "b", "c"}, ", "), "a, b, c");
    EXPECT_EQ(join({"", "a", "", "b"}, ";"), "a;;b");
    EXPECT_EQ(join({}, ";"), "");
}

TEST(Strings, fixed_point) {
    EXPECT_EQ(fixed(0.12345), "0.1235");
    EXPECT_EQ(fixed(2.0, 2), "2.00");
    EXPECT_EQ(fixed(std::nullopt), "");
}
