// The knowledge-cell scanners that replaced std::regex (issue 11), pinned to the forms the old
// regexes accepted and refused; long cells are refused without a crash.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "knowledge/knowledge_parse.hpp"
#include "knowledge/knowledge_sense.hpp"

using namespace rvanno;
using namespace rvanno::detail;

// PMID:[1-9][0-9]{0,8} | DOI:10\.[0-9]{4,9}/\S+
TEST(KnowledgeScanners, citation) {
    for (const char* ok : {"PMID:1", "PMID:27432227", "PMID:123456789", "DOI:10.1056/NEJMoa1508887", "DOI:10.1234/x",
                           "DOI:10.123456789/a/b", "DOI:10.1000/caf\xC3\xA9", "DOI:10.1000/a;b", "DOI:10.1000//"})
        EXPECT_TRUE(is_citation(ok)) << ok;
    for (const char* bad : {"",
                            "PMID:",
                            "PMID:0",
                            "PMID:01",
                            "PMID:1234567890",
                            "PMID:12a",
                            "pmid:1",
                            "PMID: 1",
                            "DOI:10.123/x",
                            "DOI:10.1234567890/x",
                            "DOI:10.1234/",
                            "DOI:10.1234/a b",
                            "DOI:10.1234/a\tb",
                            "DOI:10.1234/a\r",
                            "DOI:10.1234/\v",
                            "DOI:10.1234/\f",
                            "DOI:10.1234/\n",
                            "DOI:11.1234/x",
                            "DOI:10,1234/x",
                            "DOI:10.12a4/x",
                            "doi:10.1234/x",
                            "DOI:10.1234"})
        EXPECT_FALSE(is_citation(bad)) << bad;
    EXPECT_FALSE(is_citation("DOI:10.1000/" + std::string(100000, 'x') + " "));  // no crash
    EXPECT_TRUE(is_citation("DOI:10.1000/" + std::string(100000, 'x')));
    EXPECT_THROW(parse_citation("PMID:x"), std::invalid_argument);
}

TEST(KnowledgeScanners, ids) {
    EXPECT_TRUE(is_entry_id("ALK-G1202R-lorlatinib-1"));
    EXPECT_TRUE(is_entry_id("a_b.c-9"));
    for (const char* bad : {"", "a+b", "a b", "a/b", "caf\xC3\xA9", "a;b"}) EXPECT_FALSE(is_entry_id(bad)) << bad;
    EXPECT_TRUE(is_drug_id("dabrafenib+trametinib"));
    EXPECT_TRUE(is_drug_id("ALK_TKI.1-x"));
    for (const char* bad : {"", "a b", "a,b", "a/b", "\xC3\xA9"}) EXPECT_FALSE(is_drug_id(bad)) << bad;
    EXPECT_TRUE(is_entry_id(std::string(100000, 'a')));  // no crash
}

// driver=([A-Za-z0-9][A-Za-z0-9.-]*) fusion
TEST(KnowledgeScanners, context_driver_gene) {
    EXPECT_EQ(context_driver_gene("driver=ALK fusion"), "ALK");
    EXPECT_EQ(context_driver_gene("driver=A fusion"), "A");
    EXPECT_EQ(context_driver_gene("driver=NKX2-1.x fusion"), "NKX2-1.x");
    for (const char* bad : {"driver= fusion", "driver=-ALK fusion", "driver=.ALK fusion", "driver=AL_K fusion",
                            "driver=ALK  fusion", "driver=ALK fusions", "driver=ALK", "driver=ALK Fusion",
                            "Driver=ALK fusion", "driver=AL K fusion", "tumor_type=NB", ""})
        EXPECT_EQ(context_driver_gene(bad), "") << bad;
}

namespace {
KnowledgeEntry with(AlterationKind kind, const std::string& alteration) {
    KnowledgeEntry e;
    e.kind = kind;
    e.alteration = alteration;
    return e;
}
bool parses(AlterationKind kind, const std::string& alteration) {
    auto e = with(kind, alteration);
    try {
        parse_alteration(e);
        return true;
    } catch (const std::invalid_argument&) { return false; }
}
}  // namespace

// ([ACDEFGHIKLMNPQRSTVWY])([1-9][0-9]*), ([1-9][0-9]*)-([1-9][0-9]*), (cn>=([0-9]+(\.[0-9]+)?))?
TEST(KnowledgeScanners, codon_range_and_amplification_alterations) {
    using K = AlterationKind;
    for (const char* ok : {"G1202", "A1", "Y10"}) EXPECT_TRUE(parses(K::codon, ok)) << ok;
    for (const char* bad : {"", "G", "1202", "B1202", "X1202", "*12", "G0", "G01202", "g1202", "G12a", "GG12"})
        EXPECT_FALSE(parses(K::codon, bad)) << bad;
    auto c = with(K::codon, "G1202");
    parse_alteration(c);
    EXPECT_EQ(c.codon_ref_aa, 'G');
    EXPECT_EQ(c.codon, 1202);

    for (const char* ok : {"1116-1383", "1-1", "7-70"}) EXPECT_TRUE(parses(K::range, ok)) << ok;
    for (const char* bad : {"", "1116", "1116-", "-1383", "0-5", "01-5", "1-05", "1--5", "1-5-7", "a-5", "5-1"})
        EXPECT_FALSE(parses(K::range, bad)) << bad;
    auto r = with(K::range, "1116-1383");
    parse_alteration(r);
    EXPECT_EQ(r.range_begin, 1116);
    EXPECT_EQ(r.range_end, 1383);

    for (const char* ok : {"", "cn>=5", "cn>=0", "cn>=05", "cn>=4.5", "cn>=10.25"})
        EXPECT_TRUE(parses(K::amplification, ok)) << ok;
    for (const char* bad :
         {"cn>=", "cn>5", "cn>=.5", "cn>=5.", "cn>=5.5.5", "cn>=a", "CN>=5", " cn>=5", "cn>=5 ", "cn>=-1", "cn>=1e3"})
        EXPECT_FALSE(parses(K::amplification, bad)) << bad;
    auto a = with(K::amplification, "cn>=4.5");
    parse_alteration(a);
    EXPECT_EQ(a.gene_level().min_copy_number, 4.5);
    EXPECT_FALSE(parses(K::amplification, "cn>=" + std::string(500, '9')));  // out of range, refused
}

// [ACGT]+ alleles in a genomic row
TEST(KnowledgeScanners, genomic_alleles_are_acgt) {
    using K = AlterationKind;
    EXPECT_TRUE(parses(K::genomic, "GRCh38:2:29220747:C:T"));
    EXPECT_TRUE(parses(K::genomic, "GRCh38:2:29220747:CAGT:T"));
    for (const char* bad : {"GRCh38:2:29220747:c:T", "GRCh38:2:29220747:N:T", "GRCh38:2:29220747::T",
                            "GRCh38:2:29220747:C:", "GRCh38:2:29220747:C:<DEL>"})
        EXPECT_FALSE(parses(K::genomic, bad)) << bad;
}

// tumor_type codes: [A-Za-z0-9_]+
TEST(KnowledgeScanners, tumor_type_codes) {
    KnowledgeEntry e;
    parse_context("tumor_type=NB,NSCLC,a_1", e);
    EXPECT_EQ(e.tumor_types, (std::vector<std::string>{"NB", "NSCLC", "a_1"}));
    for (const char* bad : {"tumor_type=", "tumor_type=NB,", "tumor_type=N-B", "tumor_type=N B"}) {
        KnowledgeEntry f;
        EXPECT_THROW(parse_context(bad, f), std::invalid_argument) << bad;
    }
}

TEST(KnowledgeSense, cells_are_capped_and_utf8) {
    const std::vector<std::string> header = {"id", "notes"};
    EXPECT_NO_THROW(check_cells(header, {"a", std::string(kMaxKnowledgeCell, 'x')}));
    EXPECT_THROW(check_cells(header, {"a", std::string(kMaxKnowledgeCell + 1, 'x')}), std::invalid_argument);
    EXPECT_THROW(check_cells(header, {"a\xFF", ""}), std::invalid_argument);
}
