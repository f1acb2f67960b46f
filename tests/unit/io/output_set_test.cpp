// OutputSet: the outputs of one run appear together or not at all, and none may be an input.
#include "io/output_set.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rvanno/error.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using rvanno::OutputSet;
using rvanno::UserError;
using rvanno::test::slurp;
using rvanno::test::TempDir;


// Why: a run that fails after writing some outputs must not leave a mix of new and old files.
TEST(OutputSet, nothing_is_put_into_place_before_commit) {
    TempDir dir("set_nothing");
    std::ofstream(dir.file("b.tsv")) << "old b\n";
    {
        OutputSet set({});
        set.open(dir.file("a.tsv"), "-o") << "new a\n";
        set.open(dir.file("b.tsv"), "--gene-table") << "new b\n";
        std::ofstream(set.stage(dir.file("c.vcf"))) << "new c\n";
    }
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"b.tsv"});
    EXPECT_EQ(slurp(dir.path() / "b.tsv"), "old b\n");
}

// Why: commit() puts every output (streams and staged files) into place and cleans up.
TEST(OutputSet, commit_puts_everything_into_place) {
    TempDir dir("set_commit");
    OutputSet set({});
    set.open(dir.file("a.tsv"), "-o") << "a\n";
    const auto staged = set.stage(dir.file("c.vcf"));
    EXPECT_NE(staged, dir.file("c.vcf"));
    std::ofstream(staged) << "c\n";
    set.commit();
    EXPECT_EQ(slurp(dir.path() / "a.tsv"), "a\n");
    EXPECT_EQ(slurp(dir.path() / "c.vcf"), "c\n");
    auto entries = dir.entries();
    std::sort(entries.begin(), entries.end());
    EXPECT_EQ(entries, (std::vector<std::string>{"a.tsv", "c.vcf"}));
}

// Why: an output that is an input (also through a symlink or a file inside an input
// directory) is refused before anything is opened.
TEST(OutputSet, an_input_is_never_an_output) {
    TempDir dir("set_input");
    fs::create_directory(dir.path() / "db");
    std::ofstream(dir.file("db/table.tsv")) << "kb\n";
    std::ofstream(dir.file("in.vcf")) << "vcf\n";
    fs::create_symlink(dir.path() / "in.vcf", dir.path() / "alias.tsv");
    OutputSet set({dir.file("in.vcf"), dir.file("db"), "-", ""});
    EXPECT_THROW(set.check(dir.file("in.vcf"), "-o"), UserError);
    EXPECT_THROW(set.check(dir.file("alias.tsv"), "-o"), UserError);
    EXPECT_THROW(set.check(dir.file("db/table.tsv"), "-o"), UserError);
    EXPECT_NO_THROW(set.check(dir.file("new.tsv"), "-o"));
    EXPECT_THROW(set.check(dir.file("./new.tsv"), "--gene-table"), UserError);
    EXPECT_THROW(set.check(dir.file("missing/x.tsv"), "--verdict-table"), UserError);
    EXPECT_NO_THROW(set.check("-", "-o"));
    EXPECT_EQ(slurp(dir.path() / "in.vcf"), "vcf\n");
}
