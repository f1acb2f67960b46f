// How a KnowledgeEntry stores what most rows leave empty or share (include/rvanno/knowledge.hpp,
// issue 10: 100k-row knowledge bases): the table name is one SharedText per table, the CIViC
// columns and the fusion/amplification fields Boxed values that cost a pointer until written. These tests pin the storage
// (shared, not allocated) and that it still behaves as a plain value (copies are independent).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "knowledge/knowledge_base.hpp"
#include "rvanno/knowledge.hpp"

using namespace rvanno;

TEST(SharedText, ReadsAsItsStringAndCopiesShareOneCopy) {
    const SharedText none;
    EXPECT_EQ(none.str(), "");
    SharedText a(std::string("knowledge/alk.tsv"));
    const SharedText b = a;
    EXPECT_EQ(a, "knowledge/alk.tsv");
    EXPECT_EQ(&a.str(), &b.str()) << "a copy shares the text, it does not copy it";
    const std::string& as_string = b;  // reads as a std::string where one is expected
    EXPECT_EQ(as_string, "knowledge/alk.tsv");
    a = "knowledge/egfr.tsv";  // assigning replaces this holder's text only
    EXPECT_EQ(a.str(), "knowledge/egfr.tsv");
    EXPECT_EQ(b.str(), "knowledge/alk.tsv");
}

TEST(KnowledgeEntryCivic, EmptyUntilWrittenAndCopiedAsAValue) {
    KnowledgeEntry curated, other;
    EXPECT_TRUE(curated.civic().civic_id.empty());
    EXPECT_TRUE(curated.civic().restrictions.empty());
    EXPECT_TRUE(curated.civic().also_in_civic.empty());
    EXPECT_EQ(&curated.civic(), &other.civic()) << "never written: both read the one shared empty value";

    curated.set_civic().also_in_civic.push_back("EID441");
    EXPECT_NE(&curated.civic(), &other.civic());
    EXPECT_EQ(curated.civic().also_in_civic, std::vector<std::string>{"EID441"});
    EXPECT_TRUE(other.civic().also_in_civic.empty());

    KnowledgeEntry copy = curated;  // a deep copy: changing it leaves the original as it was
    copy.set_civic().also_in_civic.push_back("EID1357");
    EXPECT_EQ(curated.civic().also_in_civic, std::vector<std::string>{"EID441"});
    EXPECT_EQ(copy.civic().also_in_civic, (std::vector<std::string>{"EID441", "EID1357"}));
    other = copy;
    EXPECT_EQ(other.civic().also_in_civic, copy.civic().also_in_civic);
    EXPECT_NE(&other.civic(), &copy.civic());

    const KnowledgeEntry moved = std::move(copy);
    EXPECT_EQ(moved.civic().also_in_civic, (std::vector<std::string>{"EID441", "EID1357"}));
}

// The shipped db/: every row of a table shares its table name; a curated row that no civic row
// was merged into has no CIViC columns allocated, a civic row has them; only fusion and
// amplification rows have gene-level fields.
TEST(KnowledgeEntryCivic, LoaderSharesTableNamesAndBoxesOnlyCivicColumns) {
    const KnowledgeBase kb = load_knowledge_base(RVANNO_DB);
    const KnowledgeEntry fresh;
    std::map<std::string, const std::string*> name_of;
    long curated_unboxed = 0, civic_rows = 0, fusion_rows = 0;
    for (const auto& e : kb.entries) {
        const auto [it, first] = name_of.emplace(e.file.str(), &e.file.str());
        EXPECT_EQ(it->second, &e.file.str()) << e.id << ": a second copy of " << e.file.str();
        if (e.kind == AlterationKind::fusion) {
            ++fusion_rows;
            EXPECT_FALSE(e.gene_level().fusion3.empty()) << e.id;
        } else if (e.kind != AlterationKind::amplification) {
            EXPECT_EQ(&e.gene_level(), &fresh.gene_level()) << e.id << ": gene-level fields allocated";
        }
        if (e.status == EntryStatus::civic) {
            ++civic_rows;
            EXPECT_NE(&e.civic(), &fresh.civic()) << e.id;
            EXPECT_FALSE(e.civic().civic_id.empty()) << e.id;
        } else if (e.civic().also_in_civic.empty()) {
            ++curated_unboxed;
            EXPECT_EQ(&e.civic(), &fresh.civic()) << e.id << ": CIViC columns allocated on a curated row";
        }
    }
    EXPECT_GT(curated_unboxed, 100);  // db/knowledge/ has several hundred rows
    EXPECT_GT(civic_rows, 100);       // and the CIViC layer more
    EXPECT_GT(name_of.size(), 5u);
    EXPECT_GT(fusion_rows, 100);  // CIViC's fusion rows
}
