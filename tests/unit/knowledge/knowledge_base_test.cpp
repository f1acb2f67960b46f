// The knowledge base loader: the shipped db/ is clean, every alteration kind parses into the
// documented fields, broken rows are reported at file:line (first one by load, all by check),
// the AMP tier mapping of db/README.md, and the content hash.
// Mini knowledge bases are written into a temp directory per test; the transcript tables are
// copied from the shipped db/ at run time.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "knowledge/knowledge_base.hpp"
#include "rvanno/error.hpp"
#include "rvanno/knowledge.hpp"
#include "support/files.hpp"

namespace fs = std::filesystem;
using rvanno::test::slurp;
using namespace rvanno;

namespace {

const char* const kHeader =
    "id\tgene\tkind\talteration\thgvs_c\trequires\tdrugs\teffect\tevidence_level\tdisease\tmechanism\t"
    "citations\tstatus\tnotes\n";

// One knowledge row with valid defaults; tests change the field under test.
struct Row {
    std::string id = "ALK-G1202R-lorlatinib-1", gene = "ALK", kind = "hgvs_p", alteration = "p.G1202R",
                hgvs_c = "c.3604G>A", requires_ = "", drugs = "lorlatinib", effect = "resistance", level = "D",
                disease = "NSCLC", mechanism = "on_target", citations = "PMID:27432227", status = "verified",
                notes = "";
    std::string line() const {
        std::ostringstream o;
        o << id << '\t' << gene << '\t' << kind << '\t' << alteration << '\t' << hgvs_c << '\t' << requires_ << '\t'
          << drugs << '\t' << effect << '\t' << level << '\t' << disease << '\t' << mechanism << '\t' << citations
          << '\t' << status << '\t' << notes << '\n';
        return o.str();
    }
};

Row row(std::string id) {
    Row r;
    r.id = std::move(id);
    return r;
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

// A small, valid knowledge base: genes ALK, EGFR, MET, PTPN1; a few drugs; no knowledge rows yet.
class MiniKb {
public:
    explicit MiniKb(const std::string& name)
        : dir_(fs::temp_directory_path() / ("rvanno_kb_" + std::to_string(::getpid()) + "_" + name)) {
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "knowledge");
        for (const char* t : {"transcripts.GRCh37.tsv", "transcripts.GRCh38.tsv", "chromosome_arms.GRCh37.tsv",
                              "chromosome_arms.GRCh38.tsv"})
            fs::copy_file(fs::path(RVANNO_DB) / t, dir_ / t);
        write(dir_ / "fusion_variants.tsv", "gene5\texon5\tgene3\texon3\tname\tcitation\n");  // none for these genes
        write(dir_ / "VERSION", "2099.01-test\n");
        write(dir_ / "genes.txt", "# test genes\nALK\nEGFR\nMET\nPTPN1\n");
        write(dir_ / "drugs.tsv",
              "id\tname\tsynonyms\tclass\tgeneration\ttargets\n"
              "ALK_TKI\tALK TKIs (class)\t\tclass\t\t\n"
              "crizotinib\tCrizotinib\tPF-02341066\tALK_TKI\t1\tALK;ROS1;MET\n"
              "lorlatinib\tLorlatinib\tPF-06463922\tALK_TKI\t3\tALK;ROS1\n"
              "osimertinib\tOsimertinib\tAZD9291\tEGFR_TKI\t3\tEGFR\n");
    }
    ~MiniKb() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    const fs::path& dir() const { return dir_; }
    // Writes knowledge/<name> as: one comment line (line 1), the header (line 2), then `rows`
    // (the first row is line 3).
    fs::path table(const std::string& name, const std::vector<Row>& rows) const {
        std::string text = "# test table\n";
        text += kHeader;
        for (const auto& r : rows) text += r.line();
        auto p = dir_ / "knowledge" / name;
        write(p, text);
        return p;
    }

private:
    fs::path dir_;
};

// [0-9a-f]{32}
bool is_md5_hex(const std::string& s) {
    return s.size() == 32 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string where(const fs::path& p, long line) { return p.string() + ":" + std::to_string(line); }

const KnowledgeEntry& entry(const KnowledgeBase& kb, const std::string& id) {
    for (const auto& e : kb.entries)
        if (e.id == id) return e;
    throw std::runtime_error("no entry " + id);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The shipped db/

// What ships must pass `rvanno db check`; a curator's typo must fail CI, not a user's run.
TEST(KnowledgeBase, shipped_db_has_no_problems_and_loads) {
    auto problems = check_knowledge_base(RVANNO_DB);
    for (const auto& p : problems) ADD_FAILURE() << p.where << ": " << p.what;
    EXPECT_TRUE(problems.empty());

    KnowledgeBase kb;
    ASSERT_NO_THROW(kb = load_knowledge_base(RVANNO_DB));
    std::string version = slurp(fs::path(RVANNO_DB) / "VERSION");
    version.erase(version.find_last_not_of(" \r\n") + 1);
    EXPECT_EQ(kb.version, version);
    EXPECT_TRUE(is_md5_hex(kb.content_md5)) << kb.content_md5;

    // Every data row of every knowledge/*.tsv becomes one entry (counted independently here).
    std::size_t rows = 0;
    for (const auto& f : fs::directory_iterator(fs::path(RVANNO_DB) / "knowledge")) {
        if (f.path().extension() != ".tsv") continue;
        std::ifstream in(f.path());
        std::string line;
        bool header_seen = false;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            if (!header_seen) {
                header_seen = true;
                continue;
            }
            ++rows;
        }
    }
    // ... as curated entries; the CIViC layer's rows are civic entries or merged into curated ones
    // (each counted once: no row is both loaded and merged, none lost).
    EXPECT_EQ(static_cast<std::size_t>(kb.curated_rows), rows);
    std::size_t civic_rows = 0;
    for (const char* name : {"civic_predictive.tsv", "civic_assertions.tsv"}) {
        std::ifstream in(fs::path(RVANNO_DB) / "civic" / name);
        std::string line;
        bool header_seen = false;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            if (header_seen) ++civic_rows;
            header_seen = true;
        }
    }
    EXPECT_GT(civic_rows, 2000u);
    EXPECT_EQ(static_cast<std::size_t>(kb.civic_rows + kb.civic_merged), civic_rows);
    EXPECT_EQ(kb.entries.size(), rows + static_cast<std::size_t>(kb.civic_rows));
    EXPECT_EQ(kb.civic_release, "01-Aug-2024");
    EXPECT_TRUE(kb.rows_not_loaded.empty());
    std::size_t also = 0;
    for (const auto& e : kb.entries) also += e.civic().also_in_civic.size();
    EXPECT_GT(also, 0u);
    for (const auto& e : kb.entries) {
        EXPECT_EQ(e.layer == "civic", e.status == EntryStatus::civic) << e.id;
        EXPECT_FALSE(e.layer == "civic" && e.verified) << e.id;
        EXPECT_NE(std::find(kb.genes.begin(), kb.genes.end(), e.gene), kb.genes.end()) << e.id;
        for (const auto& d : e.drugs) EXPECT_NE(kb.drug(d), nullptr) << e.id << " names " << d;
        EXPECT_FALSE(e.citations.empty()) << e.id;
    }
    ASSERT_NE(kb.drug("ALK_TKI"), nullptr);
    EXPECT_TRUE(kb.drug("ALK_TKI")->is_class());
    ASSERT_NE(kb.drug("crizotinib"), nullptr);
    EXPECT_FALSE(kb.drug("crizotinib")->is_class());
    EXPECT_EQ(kb.drug("crizotinib")->generation, 1);
    EXPECT_EQ(kb.drug("no_such_drug"), nullptr);
}

// ---------------------------------------------------------------------------------------------
// Alteration kinds

// Each kind fills its own fields as db/README.md documents (positions 1-based in, 0-based held).
TEST(KnowledgeBase, every_alteration_kind_parses_into_its_fields) {
    MiniKb kb_dir("kinds");
    Row genomic = row("g"), hgvs_c = row("c"), p1 = row("p1"), p3 = row("p3"), codon = row("codon"),
        range = row("range"), lof = row("lof"), missense = row("missense"), amp = row("amp"), amp_any = row("amp_any"),
        del = row("del"), fusion = row("fusion"), compound = row("compound");
    genomic.kind = "genomic";
    genomic.alteration = "GRCh38:2:29220747:C:T;GRCh37:chr2:29443613:C:T";
    genomic.hgvs_c = "";
    hgvs_c.gene = "PTPN1", hgvs_c.kind = "hgvs_c", hgvs_c.alteration = "c.1088+1G>A", hgvs_c.hgvs_c = "";
    p1.alteration = "p.G1202R";
    p3.alteration = "p.Gly1202Arg";
    codon.kind = "codon", codon.alteration = "G1202", codon.hgvs_c = "";
    range.kind = "range", range.alteration = "1116-1383", range.hgvs_c = "";
    lof.gene = "PTPN1", lof.kind = "lof", lof.alteration = "", lof.hgvs_c = "", lof.drugs = "ALK_TKI";
    missense.gene = "EGFR", missense.kind = "missense", missense.alteration = "", missense.hgvs_c = "",
    missense.drugs = "osimertinib";
    amp.gene = "MET", amp.kind = "amplification", amp.alteration = "cn>=5", amp.hgvs_c = "", amp.drugs = "crizotinib",
    amp.mechanism = "bypass";
    amp_any.gene = "MET", amp_any.kind = "amplification", amp_any.alteration = "", amp_any.hgvs_c = "";
    del.gene = "PTPN1", del.kind = "deletion", del.alteration = "", del.hgvs_c = "";
    fusion.kind = "fusion", fusion.alteration = "EML4::ALK", fusion.hgvs_c = "", fusion.effect = "sensitivity";
    compound.requires_ = "ALK:p.Leu1196Met; EGFR:p.T790M";
    compound.drugs = "crizotinib;lorlatinib";
    compound.citations = "PMID:27432227;DOI:10.1056/NEJMoa1508887";
    compound.status = "unverified";
    auto file = kb_dir.table(
        "kinds.tsv", {genomic, hgvs_c, p1, p3, codon, range, lof, missense, amp, amp_any, del, fusion, compound});

    KnowledgeBase kb = load_knowledge_base(kb_dir.dir());
    ASSERT_EQ(kb.entries.size(), 13u);

    const auto& g = entry(kb, "g");
    EXPECT_EQ(g.kind, AlterationKind::genomic);
    ASSERT_EQ(g.alleles.size(), 2u);
    EXPECT_EQ(g.alleles[0].build, GenomeBuild::GRCh38);
    EXPECT_EQ(g.alleles[0].contig, "2");
    EXPECT_EQ(g.alleles[0].pos, 29220746);
    EXPECT_EQ(g.alleles[0].ref, "C");
    EXPECT_EQ(g.alleles[0].alt, "T");
    EXPECT_EQ(g.alleles[1].build, GenomeBuild::GRCh37);
    EXPECT_EQ(g.alleles[1].contig, "2") << "chr2 is canonicalised";
    EXPECT_EQ(g.alleles[1].pos, 29443612);

    EXPECT_EQ(entry(kb, "c").kind, AlterationKind::hgvs_c);
    EXPECT_EQ(entry(kb, "c").hgvs_c, "c.1088+1G>A");

    EXPECT_EQ(entry(kb, "p1").protein_change, "G1202R");
    EXPECT_EQ(entry(kb, "p3").protein_change, "G1202R") << "1- and 3-letter forms are equivalent";
    EXPECT_EQ(entry(kb, "p3").alteration, "p.Gly1202Arg") << "the text is kept as written";
    EXPECT_EQ(entry(kb, "p1").hgvs_c_alleles, std::vector<std::string>{"c.3604G>A"});

    EXPECT_EQ(entry(kb, "codon").codon, 1202);
    EXPECT_EQ(entry(kb, "codon").codon_ref_aa, 'G');
    EXPECT_EQ(entry(kb, "range").range_begin, 1116);
    EXPECT_EQ(entry(kb, "range").range_end, 1383);
    EXPECT_EQ(entry(kb, "lof").kind, AlterationKind::lof);
    EXPECT_EQ(entry(kb, "lof").drugs, std::vector<std::string>{"ALK_TKI"});
    EXPECT_EQ(entry(kb, "missense").kind, AlterationKind::missense);
    EXPECT_EQ(entry(kb, "amp").gene_level().min_copy_number, 5.0);
    EXPECT_FALSE(entry(kb, "amp_any").gene_level().min_copy_number.has_value());
    EXPECT_EQ(entry(kb, "del").kind, AlterationKind::deletion);
    EXPECT_EQ(entry(kb, "fusion").kind, AlterationKind::fusion);
    EXPECT_EQ(entry(kb, "fusion").effect, Effect::sensitivity);

    const auto& c = entry(kb, "compound");
    ASSERT_EQ(c.requires_all.size(), 2u);
    EXPECT_EQ(c.requires_all[0].gene, "ALK");
    EXPECT_EQ(c.requires_all[0].protein_change, "L1196M");
    EXPECT_EQ(c.requires_all[1].gene, "EGFR");
    EXPECT_EQ(c.requires_all[1].protein_change, "T790M");
    EXPECT_EQ(c.drugs, (std::vector<std::string>{"crizotinib", "lorlatinib"}));
    EXPECT_EQ(c.citations, (std::vector<std::string>{"PMID:27432227", "DOI:10.1056/NEJMoa1508887"}));
    EXPECT_FALSE(c.verified);
    EXPECT_TRUE(entry(kb, "p1").verified);
    EXPECT_EQ(c.level, EvidenceLevel::D);
    EXPECT_EQ(c.file, "knowledge/kinds.tsv");
    EXPECT_EQ(c.line, 15);  // comment, header, then the 13th row
    EXPECT_EQ(kb.entries_for_gene("MET").size(), 2u);
}

// ---------------------------------------------------------------------------------------------
// Broken rows

struct BrokenCase {
    const char* name;
    void (*spoil)(Row&);
    const char* message;  // must appear in what()
};

// Each classic curator mistake stops load_knowledge_base at the right file:line with a message
// that says what is wrong.
TEST(KnowledgeBase, broken_row_throws_input_error_at_its_file_and_line) {
    const BrokenCase cases[] = {
        {"unknown_effect", [](Row& r) { r.effect = "resistent"; },
         "unknown effect 'resistent' (expected: resistance|reduced_sensitivity|sensitivity|no_benefit|no_resistance)"},
        {"uncited", [](Row& r) { r.citations = ""; }, "row is not cited"},
        {"unknown_drug", [](Row& r) { r.drugs = "crizotinib;wondertinib"; }, "unknown drug 'wondertinib'"},
        {"gene_not_in_genes_txt", [](Row& r) { r.gene = "KRAS"; }, "gene 'KRAS' is not in genes.txt"},
        {"duplicate_id", [](Row& r) { r.id = "good"; }, "duplicate id 'good'"},
        {"bad_citation", [](Row& r) { r.citations = "PMID:abc"; }, "citation 'PMID:abc' is not PMID:<digits>"},
        {"malformed_requires", [](Row& r) { r.requires_ = "ALK-L1196M"; },
         "requires 'ALK-L1196M' is not GENE:p.<change>"},
        {"unknown_kind", [](Row& r) { r.kind = "hotspot"; }, "unknown kind 'hotspot'"},
        {"unknown_level", [](Row& r) { r.level = "A1"; }, "unknown evidence_level 'A1'"},
        {"codon_without_residue",
         [](Row& r) {
             r.kind = "codon";
             r.alteration = "1202";
         },
         "codon alteration '1202'"},
        {"amplification_bad_cutoff",
         [](Row& r) {
             r.kind = "amplification";
             r.alteration = "cn>5";
         },
         "must be empty or cn>=N"},
        {"bad_status", [](Row& r) { r.status = "checked"; }, "unknown status 'checked'"},
        // Issue 11: a 27 kB citation crashed the DOI regex (stack overflow); every cell is capped.
        {"huge_doi", [](Row& r) { r.citations = "DOI:10.1000/" + std::string(27000, 'x'); },
         "cell 'citations' has 27012 bytes (at most 8192)"},
        {"huge_id", [](Row& r) { r.id = std::string(27000, 'a'); }, "cell 'id' has 27000 bytes"},
        {"huge_note", [](Row& r) { r.notes = std::string(9000, 'n'); }, "cell 'notes' has 9000 bytes"},
        {"invalid_utf8_note", [](Row& r) { r.notes = "caf\xC3 au lait"; }, "cell 'notes' is not valid UTF-8"},
        {"invalid_utf8_disease", [](Row& r) { r.disease = "NSCLC\xFF"; }, "cell 'disease' is not valid UTF-8"},
        // Issue 11: c.-55552662_2del was expanded base by base (0.9 GB); wider ranges threw bad_alloc.
        {"unbounded_hgvs_c_range",
         [](Row& r) {
             r.kind = "hgvs_c";
             r.alteration = "c.-55552662_2del";
             r.hgvs_c = "";
         },
         "hgvs_c 'c.-55552662_2del' names a position beyond ALK"},
        {"unbounded_listed_allele", [](Row& r) { r.hgvs_c = "c.3604G>A;c.1_99999999del"; },
         "hgvs_c 'c.1_99999999del' names a position beyond ALK"},
        {"intron_offset_beyond_gene", [](Row& r) { r.hgvs_c = "c.3604+88888888G>A"; },
         "hgvs_c 'c.3604+88888888G>A' names a position beyond ALK"},
        {"genomic_allele_in_another_gene",
         [](Row& r) {
             r.kind = "genomic";
             r.alteration = "GRCh38:7:55191822:T:G";
             r.hgvs_c = "";
         },
         "genomic allele GRCh38:7:55191822 is not in ALK"},
        {"genomic_allele_far_from_gene",
         [](Row& r) {
             r.kind = "genomic";
             r.alteration = "GRCh38:2:129220747:C:T";
             r.hgvs_c = "";
         },
         "genomic allele GRCh38:2:129220747 is not in ALK"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        MiniKb kb_dir(std::string("broken_") + c.name);
        Row bad = row("bad");
        c.spoil(bad);
        auto file = kb_dir.table("t.tsv", {row("good"), bad, row("good2")});
        try {
            load_knowledge_base(kb_dir.dir());
            ADD_FAILURE() << "expected InputError";
        } catch (const InputError& e) {
            EXPECT_EQ(e.where(), where(file, 4));
            EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
        }
        auto problems = check_knowledge_base(kb_dir.dir());
        ASSERT_EQ(problems.size(), 1u);
        EXPECT_EQ(problems[0].where, where(file, 4));
        EXPECT_NE(problems[0].what.find(c.message), std::string::npos) << problems[0].what;
    }
}

// Ids are unique over all files, not per file; the second file (in name order) is the culprit.
TEST(KnowledgeBase, duplicate_id_across_files_is_reported_in_the_later_file) {
    MiniKb kb_dir("dup_across");
    kb_dir.table("a.tsv", {row("shared-id")});
    auto b = kb_dir.table("b.tsv", {row("other"), row("shared-id")});
    auto problems = check_knowledge_base(kb_dir.dir());
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].where, where(b, 4));
    EXPECT_NE(problems[0].what.find("duplicate id 'shared-id'"), std::string::npos);
}

// `rvanno db check` must list every problem, not stop at the first, in file and line order.
TEST(KnowledgeBase, check_lists_every_problem_while_load_stops_at_the_first) {
    MiniKb kb_dir("many");
    Row r1 = row("r1"), r2 = row("r2"), r3 = row("r3"), r4 = row("r4"), r5 = row("r5"), r6 = row("r6");
    r2.effect = "resistent";      // line 4
    r4.citations = "PMID:abc";    // line 6
    r5.drugs = "wondertinib";     // line 7
    r6.requires_ = "ALK-L1196M";  // line 8
    auto t = kb_dir.table("t.tsv", {r1, r2, r3, r4, r5, r6});
    Row e1 = row("e1");
    e1.gene = "KRAS";  // u.tsv line 3
    auto u = kb_dir.table("u.tsv", {e1});
    // drugs.tsv: a non-numeric generation on line 6
    std::ofstream(kb_dir.dir() / "drugs.tsv", std::ios::app) << "foretinib\tForetinib\t\tMET_TKI\ttwo\tMET\n";

    auto problems = check_knowledge_base(kb_dir.dir());
    ASSERT_EQ(problems.size(), 6u);
    EXPECT_EQ(problems[0].where, where(kb_dir.dir() / "drugs.tsv", 6));
    EXPECT_NE(problems[0].what.find("generation 'two' is not a number"), std::string::npos);
    EXPECT_EQ(problems[1].where, where(t, 4));
    EXPECT_EQ(problems[2].where, where(t, 6));
    EXPECT_EQ(problems[3].where, where(t, 7));
    EXPECT_EQ(problems[4].where, where(t, 8));
    EXPECT_EQ(problems[5].where, where(u, 3));
    EXPECT_NE(problems[5].what.find("gene 'KRAS'"), std::string::npos);

    try {
        load_knowledge_base(kb_dir.dir());
        FAIL() << "expected InputError";
    } catch (const InputError& e) { EXPECT_EQ(e.where(), where(kb_dir.dir() / "drugs.tsv", 6)); }
}

// genes.txt is the input to the transcript generator: a gene without a MANE model in either
// table is a problem of each table.
TEST(KnowledgeBase, gene_without_transcript_is_a_problem_of_each_transcript_table) {
    MiniKb kb_dir("no_tx");
    std::ofstream(kb_dir.dir() / "genes.txt", std::ios::app) << "NOTAGENE1\n";
    kb_dir.table("t.tsv", {row("ok")});
    auto problems = check_knowledge_base(kb_dir.dir());
    ASSERT_EQ(problems.size(), 2u);
    for (const auto& p : problems)
        EXPECT_NE(p.what.find("gene 'NOTAGENE1' of genes.txt has no transcript"), std::string::npos);
    EXPECT_NE(problems[0].where.find("transcripts.GRCh38.tsv"), std::string::npos);
    EXPECT_NE(problems[1].where.find("transcripts.GRCh37.tsv"), std::string::npos);
}

// A mini knowledge base that is valid has no problems: the failures above are caused by the
// spoiled field, not by the fixture.
TEST(KnowledgeBase, valid_mini_knowledge_base_has_no_problems) {
    MiniKb kb_dir("valid");
    kb_dir.table("t.tsv", {row("good"), row("good2")});
    EXPECT_TRUE(check_knowledge_base(kb_dir.dir()).empty());
    EXPECT_EQ(load_knowledge_base(kb_dir.dir()).entries.size(), 2u);
}

// ---------------------------------------------------------------------------------------------
// Evidence levels

// The CIViC -> AMP/ASCO/CAP table of db/README.md, which a row cannot override.
TEST(KnowledgeBase, amp_tier_follows_the_documented_mapping) {
    EXPECT_EQ(amp_tier(EvidenceLevel::A), "Tier I-A");
    EXPECT_EQ(amp_tier(EvidenceLevel::B), "Tier II-C");
    EXPECT_EQ(amp_tier(EvidenceLevel::C), "Tier II-D");
    EXPECT_EQ(amp_tier(EvidenceLevel::D), "Tier II-D");
    EXPECT_EQ(amp_tier(EvidenceLevel::E), "Tier III");
    EXPECT_EQ(to_string(EvidenceLevel::C), "C");
}

// ---------------------------------------------------------------------------------------------
// Content hash

// Reports carry content_md5 to identify the knowledge used: it must move with every table and
// only with the tables.
TEST(KnowledgeBase, content_md5_changes_with_each_table_and_is_stable_otherwise) {
    MiniKb kb_dir("md5");
    auto table = kb_dir.table("t.tsv", {row("good")});
    const std::string base = load_knowledge_base(kb_dir.dir()).content_md5;
    EXPECT_TRUE(is_md5_hex(base)) << base;
    EXPECT_EQ(load_knowledge_base(kb_dir.dir()).content_md5, base) << "same bytes, same hash";

    // Files that are not tables do not count.
    write(kb_dir.dir() / "README.md", "notes\n");
    write(kb_dir.dir() / "knowledge" / "draft.txt", "not a table\n");
    EXPECT_EQ(load_knowledge_base(kb_dir.dir()).content_md5, base);

    // The same knowledge base somewhere else has the same hash (names are relative).
    auto copy = kb_dir.dir().string() + "_copy";
    fs::remove_all(copy);
    fs::copy(kb_dir.dir(), copy, fs::copy_options::recursive);
    EXPECT_EQ(load_knowledge_base(copy).content_md5, base);
    fs::remove_all(copy);

    auto changed = [&](const fs::path& p, const std::string& text) {
        const std::string old = slurp(p);
        write(p, text);
        std::string md5 = load_knowledge_base(kb_dir.dir()).content_md5;
        write(p, old);
        EXPECT_EQ(load_knowledge_base(kb_dir.dir()).content_md5, base) << "restored " << p;
        return md5;
    };
    Row edited = row("good");
    edited.notes = "a curator's note";
    EXPECT_NE(changed(table, std::string("# test table\n") + kHeader + edited.line()), base) << "knowledge row";
    EXPECT_NE(changed(kb_dir.dir() / "drugs.tsv", slurp(kb_dir.dir() / "drugs.tsv") + "x\tX\t\tclass\t\t\n"), base)
        << "drugs.tsv";
    EXPECT_NE(changed(kb_dir.dir() / "genes.txt", "# test genes\nALK\nEGFR\nMET\nPTPN1\n# c\n"), base) << "genes.txt";
    EXPECT_NE(changed(kb_dir.dir() / "VERSION", "2099.01-test2\n"), base) << "VERSION";
    EXPECT_NE(changed(kb_dir.dir() / "transcripts.GRCh37.tsv",
                      slurp(kb_dir.dir() / "transcripts.GRCh37.tsv") + "## appended comment\n"),
              base)
        << "transcript table";

    // Renaming a table changes the hash even though no byte changed.
    fs::rename(table, kb_dir.dir() / "knowledge" / "renamed.tsv");
    EXPECT_NE(load_knowledge_base(kb_dir.dir()).content_md5, base);
}

// A compound row whose required gene is not a knowledge-base gene can never fire: only changes
// in genes.txt genes are ever observed. `rvanno db check` promises "known genes", so the typo
// 'AKL' must be reported at its row.
TEST(KnowledgeBase, requires_naming_a_gene_not_in_genes_txt_is_a_problem) {
    MiniKb kb_dir("requires_gene");
    Row r = row("compound");
    r.requires_ = "AKL:p.L1196M";
    auto file = kb_dir.table("t.tsv", {row("good"), r});
    auto problems = check_knowledge_base(kb_dir.dir());
    ASSERT_EQ(problems.size(), 1u) << "requires 'AKL:p.L1196M' was accepted";
    EXPECT_EQ(problems[0].where, where(file, 4));
    EXPECT_NE(problems[0].what.find("AKL"), std::string::npos) << problems[0].what;
}

// A wrong --db path is the user's mistake, reported as such (not as a malformed table).
TEST(KnowledgeBase, missing_directory_is_a_user_error_not_an_input_error) {
    const auto missing = fs::temp_directory_path() / "rvanno_kb_no_such_dir";
    try {
        load_knowledge_base(missing);
        FAIL() << "expected UserError";
    } catch (const InputError& e) { FAIL() << "InputError: " << e.what(); } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("is not a directory"), std::string::npos) << e.what();
        EXPECT_NE(e.hint().find("--db"), std::string::npos);
    }
}

// Why (issue 9 part 2, the overlay): a CIViC row saying what a curated row says, from the same
// source, is merged into it (not loaded twice) and recorded on it; rows of the two layers with
// opposite directions are listed as conflicts, not dropped. Known pairs of the shipped db/.
TEST(KnowledgeBase, civic_layer_is_merged_under_the_curated_rows_and_conflicts_are_listed) {
    const KnowledgeBase kb = load_knowledge_base(RVANNO_DB);
    auto find = [&](const std::string& id) -> const KnowledgeEntry* {
        for (const auto& e : kb.entries)
            if (e.id == id) return &e;
        return nullptr;
    };
    // ALK G1202R crizotinib resistance: CIViC EID441 and EID1357 cite the curated row's sources.
    const auto* g1202r = find("ALK-G1202R-crizotinib-1");
    ASSERT_NE(g1202r, nullptr);
    EXPECT_EQ(g1202r->civic().also_in_civic, (std::vector<std::string>{"EID441", "EID1357"}));
    EXPECT_EQ(find("CIViC-EID441-crizotinib"), nullptr) << "merged, so not a row of its own";
    // A CIViC row no curated row states is loaded, with its layer, status and CIViC columns.
    const auto* eid12 = find("CIViC-EID19-peginterferon_alfa-2b");
    ASSERT_NE(eid12, nullptr);
    EXPECT_EQ(eid12->layer, "civic");
    EXPECT_EQ(eid12->status, EntryStatus::civic);
    EXPECT_FALSE(eid12->verified);
    EXPECT_EQ(eid12->civic().civic_id, "EID19");
    EXPECT_EQ(eid12->civic().civic_rating, "4");
    // CIViC EID32 (F1174L crizotinib resistance, Sasaki 2010) is merged into the curated row of
    // that source, and its opposite direction to the curated F1174L sensitivity row of another
    // source is a conflict.
    EXPECT_EQ(find("CIViC-EID32-crizotinib"), nullptr);
    bool listed = false;
    for (const auto& c : kb.conflicts)
        listed |= c.curated_id == "ALK-F1174L-crizotinib-3" && c.civic_id == "CIViC-EID32-crizotinib" && !c.merged;
    EXPECT_TRUE(listed);
    EXPECT_EQ(kb.layers(), "curated:" + std::to_string(kb.curated_rows) + ";civic:" + std::to_string(kb.civic_rows));
    EXPECT_GT(kb.civic_merged, 100);
}
