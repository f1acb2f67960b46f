#include "rvanno/error.hpp"

#include <gtest/gtest.h>

using namespace rvanno;

// Why: `db check` lists where and what apart; what() stays the printed "where: message".
TEST(InputError, keeps_where_and_message_apart) {
    const InputError e("db/drugs.tsv:3", "bad drug id 'x y'", "a hint");
    EXPECT_EQ(e.where(), "db/drugs.tsv:3");
    EXPECT_EQ(e.message(), "bad drug id 'x y'");
    EXPECT_STREQ(e.what(), "db/drugs.tsv:3: bad drug id 'x y'");
    EXPECT_EQ(e.hint(), "a hint");
}

// A message that itself holds ": " is not cut at the wrong place.
TEST(InputError, message_with_colons) {
    const InputError e("in.vcf: record 2:100", "INFO/END: 'abc' is not a number");
    EXPECT_EQ(e.where(), "in.vcf: record 2:100");
    EXPECT_EQ(e.message(), "INFO/END: 'abc' is not a number");
}
