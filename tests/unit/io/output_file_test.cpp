// OutputFile: a report appears whole or not at all (temp file + rename), and an output that
// cannot be created is a UserError before any work is done.
#include "io/output_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "rvanno/error.hpp"

#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using rvanno::OutputFile;
using rvanno::UserError;
using rvanno::test::slurp;

using rvanno::test::TempDir;

// An error thrown mid-report must not leave a half-written report, nor a stray temp file.
TEST(OutputFile, leaves_no_file_and_no_temp_file_when_commit_is_not_reached) {
    TempDir dir("no_commit");
    const auto target = dir.path() / "report.tsv";
    try {
        OutputFile out(target.string());
        out.stream() << "half a report\n";
        EXPECT_FALSE(fs::exists(target)) << "nothing at the final path before commit()";
        EXPECT_LE(dir.entries().size(), 1u) << "at most the temp file while writing (none with O_TMPFILE)";
        throw std::runtime_error("annotation failed");
    } catch (const std::runtime_error&) {}
    EXPECT_FALSE(fs::exists(target));
    EXPECT_TRUE(dir.entries().empty()) << "left behind: " << (dir.entries().empty() ? "" : dir.entries()[0]);
}

// A failed rerun must not destroy the previous good report at the same path.
TEST(OutputFile, existing_file_is_untouched_when_commit_is_not_reached) {
    TempDir dir("keep_old");
    const auto target = dir.path() / "report.tsv";
    std::ofstream(target) << "previous report\n";
    {
        OutputFile out(target.string());
        out.stream() << "new, unfinished\n";
    }
    EXPECT_EQ(slurp(target), "previous report\n");
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"report.tsv"});
}

// commit() puts the complete content at the final path and removes the temp name.
TEST(OutputFile, commit_renames_the_complete_file_into_place) {
    TempDir dir("commit");
    const auto target = dir.path() / "report.tsv";
    std::ofstream(target) << "previous report\n";
    {
        OutputFile out(target.string());
        out.stream() << "line 1\nline 2\n";
        out.commit();
        EXPECT_EQ(slurp(target), "line 1\nline 2\n") << "visible right after commit()";
    }
    EXPECT_EQ(slurp(target), "line 1\nline 2\n") << "the destructor keeps a committed file";
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"report.tsv"});
}

// -o into a directory that does not exist (or a path under a regular file) fails up front.
TEST(OutputFile, unwritable_directory_is_a_user_error) {
    TempDir dir("unwritable");
    EXPECT_THROW(OutputFile((dir.path() / "missing_dir" / "report.tsv").string()), UserError);
    std::ofstream(dir.path() / "plain_file") << "x";
    EXPECT_THROW(OutputFile((dir.path() / "plain_file" / "report.tsv").string()), UserError);
    try {
        OutputFile out((dir.path() / "missing_dir" / "report.tsv").string());
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("report.tsv"), std::string::npos) << e.what();
        EXPECT_FALSE(e.hint().empty());
    }
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"plain_file"});
}

// Root ignores directory permissions, so this case only runs for ordinary users.
TEST(OutputFile, read_only_directory_is_a_user_error) {
    if (::geteuid() == 0) GTEST_SKIP() << "running as root: permissions are not enforced";
    TempDir dir("read_only");
    fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_THROW(OutputFile((dir.path() / "report.tsv").string()), UserError);
    fs::permissions(dir.path(), fs::perms::owner_all);
}

// Why: a symlink named as the output is written through (its target is replaced), the way a
// shell redirection treats it, instead of the link being replaced by a regular file.
TEST(OutputFile, symlink_output_is_written_through) {
    TempDir dir("through");
    fs::create_directory(dir.path() / "real");
    fs::create_symlink(dir.path() / "real" / "report.tsv", dir.path() / "link.tsv");
    {
        OutputFile out((dir.path() / "link.tsv").string());
        out.stream() << "x\n";
        out.commit();
    }
    EXPECT_TRUE(fs::is_symlink(dir.path() / "link.tsv"));
    EXPECT_EQ(slurp(dir.path() / "real" / "report.tsv"), "x\n");
}

// Why: an output that is a directory is a clear error, not a rename failure at the end.
TEST(OutputFile, directory_is_a_user_error) {
    TempDir dir("is_dir");
    EXPECT_THROW(OutputFile(dir.path().string()), UserError);
}
