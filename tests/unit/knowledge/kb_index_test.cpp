// The knowledge index (src/knowledge/kb_index.hpp): the rows a run makes from it are the rows
// the tables give, field by field; a run makes only the rows it reads; the index is used only
// while it fits the tables, and set aside with a warning otherwise; damage is found, never read
// as a row.
#include "knowledge/kb_index.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "io/content_hash.hpp"
#include "knowledge/knowledge_base.hpp"
#include "knowledge/row_index.hpp"
#include "rvanno/error.hpp"
#include "support/files.hpp"
#include "support/knowledge_rows.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace rvanno;

namespace {

// A copy of the bundled db/ in `dir`, indexed.
fs::path indexed_copy(const test::TempDir& dir) {
    const fs::path db = dir.path() / "db";
    fs::copy(RVANNO_DB, db, fs::copy_options::recursive);
    const auto written = index_knowledge_base(db);
    EXPECT_EQ(written.path, db / kKnowledgeIndexName);
    return db;
}

void flip_byte(const fs::path& p, std::uintmax_t at) {
    std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(at));
    const char c = static_cast<char>(f.get());
    f.seekp(static_cast<std::streamoff>(at));
    f.put(static_cast<char>(c ^ 0x20));
}

}  // namespace

// Why: a run that reads the index must see the very rows a run that reads the tables sees; the
// index's rows are made by re-parsing its stored lines, so every field is compared on every row
// of the shipped knowledge base (curated, CIViC, merged curated rows with also_in_civic, fusion
// and copy-number rows), and the row index read from the file equals the one built from the rows.
TEST(KnowledgeIndex, rows_made_from_the_index_are_the_rows_the_tables_give_field_by_field) {
    test::TempDir dir("kb_index_rows");
    const fs::path db = indexed_copy(dir);
    const KnowledgeBase tables = load_knowledge_base(RVANNO_DB);
    const KnowledgeBase stored = load_knowledge_base(db);
    ASSERT_FALSE(tables.entries.stored());
    ASSERT_TRUE(stored.entries.stored());
    ASSERT_EQ(stored.entries.size(), tables.entries.size());
    long merged = 0;
    for (std::size_t i = 0; i < tables.entries.size(); ++i) {
        ASSERT_EQ(test::describe(stored.entries[i]), test::describe(tables.entries[i])) << "row " << i;
        merged += tables.entries[i].civic().also_in_civic.empty() || tables.entries[i].layer == "civic" ? 0 : 1;
    }
    EXPECT_GT(merged, 0) << "the shipped db has curated rows that CIViC rows were merged into";
    EXPECT_EQ(stored.content_md5, tables.content_md5);
    EXPECT_EQ(stored.version, tables.version);
    EXPECT_EQ(stored.layers(), tables.layers());
    EXPECT_EQ(stored.civic_merged, tables.civic_merged);
    EXPECT_EQ(stored.civic_release, tables.civic_release);
    ASSERT_EQ(stored.conflicts.size(), tables.conflicts.size());
    for (std::size_t i = 0; i < tables.conflicts.size(); ++i)
        EXPECT_EQ(stored.conflicts[i].what, tables.conflicts[i].what);
    EXPECT_EQ(stored.rows_not_loaded.size(), tables.rows_not_loaded.size());

    const RowIndex& from_file = row_index(stored.entries);
    const RowIndex& built = row_index(tables.entries);
    ASSERT_EQ(from_file.facts.size(), built.facts.size());
    for (std::size_t i = 0; i < built.facts.size(); ++i) {
        EXPECT_EQ(from_file.facts[i].kind, built.facts[i].kind) << i;
        EXPECT_EQ(from_file.facts[i].effect, built.facts[i].effect) << i;
        EXPECT_EQ(from_file.facts[i].on_target, built.facts[i].on_target) << i;
        EXPECT_EQ(from_file.facts[i].compound, built.facts[i].compound) << i;
    }
    EXPECT_EQ(from_file.compound, built.compound);
    EXPECT_EQ(from_file.drivers, built.drivers);
    ASSERT_EQ(from_file.genes.size(), built.genes.size());
    for (const auto& [gene, g] : built.genes) {
        const GeneRows* f = from_file.gene(gene);
        ASSERT_NE(f, nullptr) << gene;
        EXPECT_EQ(f->rows, g.rows) << gene;
        EXPECT_EQ(f->by_pos, g.by_pos) << gene;
        EXPECT_EQ(f->by_c, g.by_c) << gene;
        EXPECT_EQ(f->by_listed_c, g.by_listed_c) << gene;
        EXPECT_EQ(f->by_p, g.by_p) << gene;
        EXPECT_EQ(f->by_residue, g.by_residue) << gene;
        EXPECT_EQ(f->ranges, g.ranges) << gene;
        EXPECT_EQ(f->lof, g.lof) << gene;
        EXPECT_EQ(f->missense, g.missense) << gene;
        EXPECT_EQ(f->always, g.always) << gene;
    }
}

// Why: the point of the index is that loading costs the index, not the rows (issue 10).
TEST(KnowledgeIndex, loading_makes_no_row_and_reading_a_row_makes_that_row_once) {
    test::TempDir dir("kb_index_lazy");
    const KnowledgeBase kb = load_knowledge_base(indexed_copy(dir));
    ASSERT_TRUE(kb.entries.stored());
    EXPECT_EQ(kb.entries.made(), 0u);
    const KnowledgeEntry* first = &kb.entries[7];
    EXPECT_EQ(kb.entries.made(), 1u);
    EXPECT_EQ(&kb.entries[7], first) << "a made row stays where it is: matches point at it";
    EXPECT_EQ(kb.entries.made(), 1u);
    EXPECT_THROW(const_cast<KnowledgeRows&>(kb.entries).held(), std::logic_error);
}

// Why: an index written for other tables must never answer for these. A row edited after
// indexing changes the content MD5: the run says the index is not used, why, and how to remake
// it, and reads the edited row from the tables.
TEST(KnowledgeIndex, a_table_edited_since_indexing_sets_the_index_aside_with_a_warning) {
    test::TempDir dir("kb_index_stale");
    const fs::path db = indexed_copy(dir);
    const fs::path table = db / "knowledge" / "alk_bypass.tsv";
    std::string text = test::slurp(table);
    const auto at = text.find("\tverified\t");
    ASSERT_NE(at, std::string::npos);
    text.insert(text.find('\t', at + 10), " (edited)");
    std::ofstream(table, std::ios::binary | std::ios::trunc) << text;
    testing::internal::CaptureStderr();
    const KnowledgeBase kb = load_knowledge_base(db);
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_FALSE(kb.entries.stored());
    EXPECT_NE(err.find("knowledge index '" + (db / kKnowledgeIndexName).string() + "' not used"), std::string::npos)
        << err;
    EXPECT_NE(err.find("content MD5"), std::string::npos) << err;
    EXPECT_NE(err.find("rvanno db index " + db.string()), std::string::npos) << err;
    bool edited = false;
    for (const auto& e : kb.entries) edited = edited || e.notes.find(" (edited)") != std::string::npos;
    EXPECT_TRUE(edited) << "the run reads the edited table";
    EXPECT_EQ(kb.content_md5, load_knowledge_base(db).content_md5);
}

// Why: the recorded hash is taken without hashing only while every table's stamp is unchanged.
// A rewrite that keeps the size and puts the modification time back (cp -p, touch -d) still
// changes the change time, so it is caught; and a table changed just before stamping is never
// trusted (a coarse file-system clock could give a second change the same times).
TEST(KnowledgeIndex, stamps_are_trusted_only_while_every_table_is_untouched) {
    test::TempDir dir("kb_index_stamps");
    const fs::path a = dir.path() / "a.tsv", b = dir.path() / "b.tsv";
    std::ofstream(a) << "id\tgene\nx\tALK\n";
    std::ofstream(b) << "id\tgene\ny\tROS1\n";
    const std::vector<fs::path> files = {a, b};
    EXPECT_FALSE(detail::stamp_files(dir.path(), files).trusted) << "written just now";

    StoredKnowledge stored;
    stored.stamps = detail::stamp_files(dir.path(), files);
    EXPECT_EQ(stored.stamps.files.at(0).name, "a.tsv");
    stored.stamps.trusted = true;  // as if written more than kRacySeconds before the index
    EXPECT_TRUE(unchanged_since_indexed(dir.path(), files, stored));
    EXPECT_FALSE(unchanged_since_indexed(dir.path(), {a}, stored)) << "a table less";

    struct stat before {};
    ASSERT_EQ(::stat(a.c_str(), &before), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // past a coarse clock tick
    std::ofstream(a, std::ios::trunc) << "id\tgene\nz\tALK\n";   // same size, other content
    const struct timespec times[2] = {before.st_atim, before.st_mtim};
    ASSERT_EQ(::utimensat(AT_FDCWD, a.c_str(), times, 0), 0);  // the modification time put back
    EXPECT_EQ(fs::file_size(a), static_cast<std::uintmax_t>(before.st_size));
    EXPECT_FALSE(unchanged_since_indexed(dir.path(), files, stored)) << "the change time tells";
}

// Why: an index is a file on disk and can be damaged. A damaged head (a flipped byte, a
// truncated file) is set aside with a warning; a damaged row is an error when it is read, with
// a hint, never a different row.
TEST(KnowledgeIndex, damage_is_found_and_never_read_as_a_row) {
    test::TempDir dir("kb_index_damage");
    const fs::path db = indexed_copy(dir);
    const fs::path index = db / kKnowledgeIndexName;
    const std::string good = test::slurp(index);

    flip_byte(index, 200);  // in the head
    testing::internal::CaptureStderr();
    EXPECT_FALSE(load_knowledge_base(db).entries.stored());
    EXPECT_NE(testing::internal::GetCapturedStderr().find("damaged"), std::string::npos);

    std::ofstream(index, std::ios::binary | std::ios::trunc) << good.substr(0, good.size() / 2);
    testing::internal::CaptureStderr();
    EXPECT_FALSE(load_knowledge_base(db).entries.stored());
    EXPECT_NE(testing::internal::GetCapturedStderr().find("truncated"), std::string::npos);

    std::ofstream(index, std::ios::binary | std::ios::trunc) << good;
    flip_byte(index, good.size() - 3);  // in the last row's text
    const KnowledgeBase kb = load_knowledge_base(db);
    ASSERT_TRUE(kb.entries.stored());
    EXPECT_NO_THROW(kb.entries[0]);
    try {
        (void)kb.entries[kb.entries.size() - 1];
        ADD_FAILURE() << "a damaged row was made";
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("checksum"), std::string::npos) << e.what();
        EXPECT_NE(e.hint().find("rvanno db index"), std::string::npos) << e.hint();
    }
}
