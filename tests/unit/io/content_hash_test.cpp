// The knowledge base's content hash (src/io/content_hash.hpp): the MD5 over names and bytes,
// known answers from md5sum, and its second-thread form, which must give the same hash and
// rethrow the same error (a table that cannot be read) when the caller asks for it.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "io/content_hash.hpp"
#include "rvanno/error.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

TEST(ContentHash, NamesAndBytesAndTheThreadedFormAgrees) {
    rvanno::test::TempDir dir("content_hash");
    std::ofstream(dir.file("a.tsv")) << "x\n";
    std::ofstream(dir.file("b.tsv")) << "yz";
    const std::vector<fs::path> files = {dir.file("a.tsv"), dir.file("b.tsv")};
    // printf 'a.tsv\0x\n\0b.tsv\0yz\0' | md5sum
    EXPECT_EQ(rvanno::md5_of_files(dir.path(), files), "a8d0955df530b8bc7e75030a040d6cbb");
    EXPECT_EQ(rvanno::md5_of_files_async(dir.path(), files).get(), rvanno::md5_of_files(dir.path(), files));
    // The name is part of the hash: the same bytes under another name hash differently.
    fs::rename(dir.file("b.tsv"), dir.file("c.tsv"));
    EXPECT_NE(rvanno::md5_of_files_async(dir.path(), {dir.file("a.tsv"), dir.file("c.tsv")}).get(),
              "a8d0955df530b8bc7e75030a040d6cbb");
}

TEST(ContentHash, ThreadedFormRethrowsAnUnreadableFileAtGet) {
    rvanno::test::TempDir dir("content_hash_missing");
    auto pending = rvanno::md5_of_files_async(dir.path(), {dir.file("gone.tsv")});
    EXPECT_THROW(pending.get(), rvanno::UserError);
}
