// The hand-written scanners that replaced std::regex (issue 11): each pins the forms the old
// regex accepted and refused, and long input is refused or accepted without a crash (the
// libstdc++ regex matcher recursed once per character and overflowed the stack at ~30-80 kB).
#include <gtest/gtest.h>

#include <string>

#include "base/protein_notation.hpp"
#include "base/text_scan.hpp"

using rvanno::to_one_letter_protein_change;

// Old regex, applied after p./() stripping and 3-to-1 shortening:
// ^[A-Z*]\d+(_[A-Z*]\d+)?(=|\?|[A-Z*]|del|dup|ins[A-Z*]+|delins[A-Z*]+|[A-Z*]?fs(\*(\d+|\?))?|[A-Z*]ext\*(\d+|\?))$
TEST(ProteinNotationScanner, accepts_exactly_the_old_shapes) {
    for (const char* ok : {"G1202R",
                           "R123*",
                           "*123R",
                           "G1202=",
                           "G1202?",
                           "T1151dup",
                           "G1201_D1203del",
                           "T1151_L1152insT",
                           "T1151_L1152insTAG*",
                           "G1202_D1203delinsR",
                           "G1202delinsRW",
                           "G1202fs",
                           "G1202Rfs",
                           "G1202*fs",
                           "G1202Rfs*12",
                           "G1202fs*12",
                           "G1202Rfs*?",
                           "G1202fs*?",
                           "M1Vext*17",
                           "*757Lext*?",
                           "G0R",
                           "G01202R",
                           "G1202del",
                           "G1202_*1203del"})
        EXPECT_EQ(to_one_letter_protein_change(ok), ok) << ok;
    for (const char* bad : {"",
                            "G",
                            "1202R",
                            "G1202",
                            "g1202R",
                            "G1202RR",
                            "G1202r",
                            "G1202_D1203",
                            "G1202_1203del",
                            "G_D1203del",
                            "G1202ins",
                            "G1202delins",
                            "G1202insr",
                            "G1202Rfs*",
                            "G1202Rfs12",
                            "G1202RRfs",
                            "G1202fs*12a",
                            "G1202fs*??",
                            "G1202ext*17",
                            "M1Vext17",
                            "M1Vext*",
                            "M1Vext*1?",
                            "G1202dupX",
                            "G1202R ",
                            " G1202R",
                            "G1202_D1203_E1204del",
                            "G1202=X",
                            "G1202\xC3\x89",
                            "G1202_D1203delins",
                            "G1202Rdel",
                            "G1202delX"})
        EXPECT_EQ(to_one_letter_protein_change(bad), "") << bad;
}

TEST(ProteinNotationScanner, three_letter_and_wrapped_forms_still_meet_the_one_letter_form) {
    EXPECT_EQ(to_one_letter_protein_change("p.(Met1ValextTer17)"), "M1Vext*17");
    EXPECT_EQ(to_one_letter_protein_change("p.Thr1151_Leu1152insThrAlaTer"), "T1151_L1152insTA*");
    EXPECT_EQ(to_one_letter_protein_change("p.Gly1202fsTer?"), "G1202fs*?");
}

// Issue 11: an HGVSp of ~78 kB in a VEP CSQ or SnpEff ANN crashed (SIGSEGV) in std::regex.
TEST(ProteinNotationScanner, text_over_the_cap_is_not_a_protein_change_and_never_crashes) {
    const std::string huge = "p.Gly1202_Asp1203delins" + std::string(78000, 'A');
    EXPECT_EQ(to_one_letter_protein_change(huge), "");
    const std::string at_cap = "G1202delins" + std::string(rvanno::kMaxProteinChangeLength - 11, 'A');
    ASSERT_EQ(at_cap.size(), rvanno::kMaxProteinChangeLength);
    EXPECT_EQ(to_one_letter_protein_change(at_cap), at_cap);
    EXPECT_EQ(to_one_letter_protein_change(at_cap + "A"), "");
}

TEST(TextScan, valid_utf8) {
    using rvanno::is_valid_utf8;
    for (const char* ok : {"", "ascii", "caf\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xED\x9F\xBF",
                           "\xF4\x8F\xBF\xBF", "\xEF\xBB\xBF"})
        EXPECT_TRUE(is_valid_utf8(ok)) << ok;
    for (const char* bad : {"\xFF", "\x80", "caf\xC3", "\xC3(", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xED\xA0\x80",
                            "\xF0\x80\x80\xAF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xE2\x82", "\xF0\x9F\x98"})
        EXPECT_FALSE(is_valid_utf8(bad)) << bad;
}

// ASCII is skipped 8 bytes at a time: a sequence at any offset of a longer ASCII text (before,
// inside and after an 8-byte word, at the very end) is still checked.
TEST(TextScan, valid_utf8_at_every_offset_of_long_text) {
    using rvanno::is_valid_utf8;
    for (std::size_t at = 0; at <= 24; ++at) {
        for (const std::string& seq : {std::string("\xC3\xA9"), std::string("\xF0\x9F\x98\x80")}) {
            std::string text = std::string(at, 'a') + seq + std::string(24 - at, 'b');
            EXPECT_TRUE(is_valid_utf8(text)) << at;
            text.erase(at + seq.size() - 1, 1);  // cut the sequence's last byte
            EXPECT_FALSE(is_valid_utf8(text)) << at;
        }
        EXPECT_FALSE(is_valid_utf8(std::string(at, 'a') + "\xFF" + std::string(at % 9, 'c'))) << at;
        EXPECT_TRUE(is_valid_utf8(std::string(at, 'a'))) << at;
    }
}

TEST(TextScan, all_chars_is_a_nonempty_class_match) {
    EXPECT_FALSE(rvanno::all_digits(""));
    EXPECT_TRUE(rvanno::all_digits("0123"));
    EXPECT_FALSE(rvanno::all_digits("12a"));
    EXPECT_FALSE(rvanno::all_digits("\xD9\xA1"));  // Arabic-Indic one: not [0-9]
}
