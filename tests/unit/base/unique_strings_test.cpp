// UniqueStrings (src/base/unique_strings.hpp), the knowledge base's duplicate-id check: it must
// say "seen before" exactly for strings inserted before, byte for byte, also past its reserved
// size (it grows) and for strings that differ only in length or in a late byte.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "base/unique_strings.hpp"

using rvanno::UniqueStrings;

TEST(UniqueStrings, SecondInsertOfTheSameStringIsRefused) {
    UniqueStrings s;
    EXPECT_TRUE(s.insert("ALK-G1202R-lorlatinib-1"));
    EXPECT_FALSE(s.insert("ALK-G1202R-lorlatinib-1"));
    EXPECT_TRUE(s.insert("ALK-G1202R-lorlatinib-2"));   // differs in the last byte
    EXPECT_TRUE(s.insert("ALK-G1202R-lorlatinib-1 "));  // and in length only
    EXPECT_TRUE(s.insert("ALK-G1202R-lorlatinib-"));
    EXPECT_TRUE(s.insert(""));
    EXPECT_FALSE(s.insert(""));
    EXPECT_FALSE(s.insert(std::string("ALK-G1202R-lorlatinib-2")));  // compared by bytes, not by pointer
    EXPECT_EQ(s.size(), 5u);
}

// Against std::set on 50,000 ids of the synthetic table's shape, each inserted twice, with a
// reserve far too small (the table grows many times) and without one.
TEST(UniqueStrings, AgreesWithStdSetWhileGrowing) {
    for (std::size_t reserved : {std::size_t{0}, std::size_t{10}, std::size_t{60000}}) {
        UniqueStrings s;
        s.reserve(reserved);
        std::set<std::string> reference;
        for (int round = 0; round < 2; ++round) {
            for (int i = 0; i < 50000; ++i) {
                const std::string id = "SYN-EGFR-" + std::to_string((i * 7919) % 50000 + round * (i % 3 == 0));
                EXPECT_EQ(s.insert(id), reference.insert(id).second) << id << " (reserve " << reserved << ")";
            }
        }
        EXPECT_EQ(s.size(), reference.size());
    }
}
