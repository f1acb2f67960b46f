// text::tsv and text::repair_utf8: the one escaping rule of every TSV field and the one UTF-8
// repair of JSON and HTML (docs/output.md, "Text in outputs").
#include "report/text_safety.hpp"
#include "base/text_scan.hpp"

#include <gtest/gtest.h>

using namespace rvanno::text;
using rvanno::is_valid_utf8;

namespace {
const std::string R = "\xEF\xBF\xBD";  // U+FFFD
}

// Why: text without control bytes or backslashes must come out byte-identical.
TEST(TextSafety, tsv_keeps_ordinary_text_and_utf8) {
    EXPECT_EQ(tsv(""), "");
    EXPECT_EQ(tsv("ALK p.G1202R; c.3604G>A \"x\" 'y' %20 \xC3\xA9 \xFF"),
              "ALK p.G1202R; c.3604G>A \"x\" 'y' %20 \xC3\xA9 \xFF");
}

// Why: a raw tab, LF or CR splits a TSV row; other control bytes confuse terminals.
TEST(TextSafety, tsv_escapes_backslash_tab_newlines_and_control_bytes) {
    EXPECT_EQ(tsv("a\tb\nc\rd\\e"), "a\\tb\\nc\\rd\\\\e");
    EXPECT_EQ(tsv(std::string("\x00\x01\x1b\x1f\x7f", 5)), "\\x00\\x01\\x1B\\x1F\\x7F");
    std::vector<std::string> v{"a\tb", "c"};
    EXPECT_EQ(tsv_join(v, ";"), "a\\tb;c");
}

// Why: the replacement follows the Unicode best practice (one U+FFFD per maximal ill-formed
// subsequence), as browsers and Python's 'replace' do.
TEST(TextSafety, repair_utf8_replaces_each_maximal_ill_formed_subsequence) {
    EXPECT_TRUE(is_valid_utf8("abc \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
    EXPECT_EQ(repair_utf8("abc \xC3\xA9"), "abc \xC3\xA9");
    EXPECT_EQ(repair_utf8("a\xFF"
                          "b"),
              "a" + R + "b");
    EXPECT_EQ(repair_utf8("a\xC3(b"), "a" + R + "(b");          // cut 2-byte sequence
    EXPECT_EQ(repair_utf8("\xE2\x82"), R);                      // cut at the end
    EXPECT_EQ(repair_utf8("\xC0\xAF"), R + R);                  // overlong '/'
    EXPECT_EQ(repair_utf8("\xED\xA0\x80"), R + R + R);          // a surrogate
    EXPECT_EQ(repair_utf8("\xF4\x90\x80\x80"), R + R + R + R);  // above U+10FFFF
    EXPECT_EQ(repair_utf8("\xF0\x9F\x98"), R);                  // 3 of 4 bytes
    EXPECT_FALSE(is_valid_utf8("\xE9"));
}

// Why: JSON counts how many strings it changed, keys included, and keeps the key order.
TEST(TextSafety, repair_utf8_of_json_counts_changed_strings) {
    nlohmann::ordered_json j = {{"b", "ok"}, {"a", {"x\xFF", "fine", "\xC3"}}};
    j["k\xE9y"] = "v";
    EXPECT_EQ(repair_utf8(j), 3u);
    EXPECT_EQ(j.dump(), "{\"b\":\"ok\",\"a\":[\"x" + R + "\",\"fine\",\"" + R + "\"],\"k" + R + "y\":\"v\"}");
    EXPECT_EQ(repair_utf8(j), 0u);
}
