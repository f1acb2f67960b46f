// Fuzz target `knowledge`: the bytes are one knowledge table (db/knowledge/*.tsv) of a copy of
// the bundled knowledge base whose other files (genes, drugs, transcript and arm tables, fusion
// variants) are the real ones. It is checked as `rvanno db check` checks it (every problem
// listed) and, when it passes, loaded as `rvanno annotate --db` loads it and used on the
// index case (small variants, copy number, an EML4::ALK fusion) with hotspots: a row the
// checks let through must not break matching, verdicts, the hotspot map or a report writer.
// Then it is indexed (rvanno db index) and loaded from the index: every row made from the index
// must equal the row read from the table, field by field (knowledge/kb_index.hpp).
// Seeds: testdata/fuzz/knowledge/. Rule of a finding: tests/fuzz/fuzz_support.hpp.
#include <set>

#include "fuzz_support.hpp"
#include "knowledge/kb_index.hpp"
#include "support/knowledge_rows.hpp"

namespace {

// scratch()/kb: the bundled db/ without its knowledge tables, made once per process. The
// transcript tables keep only the genes of genes.txt (the genes a knowledge row may name): the
// whole-genome model would be read again by every `db check`, at a tenth of the speed, for
// rows no knowledge table can reach.
const std::filesystem::path& kb_dir() {
    static const std::filesystem::path dir = [] {
        namespace fs = std::filesystem;
        const fs::path db(RVANNO_DB), out = rvanno::fuzz::scratch().path() / "kb";
        fs::create_directories(out / "knowledge");
        std::set<std::string> genes;
        std::ifstream gene_list(db / "genes.txt");
        for (std::string g; std::getline(gene_list, g);) genes.insert(g);
        for (const auto& f : fs::directory_iterator(db)) {
            if (!f.is_regular_file()) continue;
            const std::string name = f.path().filename().string();
            if (name.rfind("transcripts.", 0) != 0) {
                fs::copy_file(f.path(), out / name);
                continue;
            }
            std::ifstream in(f.path());
            std::ofstream kept(out / name);
            bool header_seen = false;  // '#' lines, the column header, then one gene per row
            for (std::string line; std::getline(in, line);) {
                const bool comment = line.rfind('#', 0) == 0;
                const bool row = !comment && header_seen;
                if (!comment) header_seen = true;
                if (!row || genes.count(line.substr(0, line.find('\t')))) kept << line << '\n';
            }
        }
        return out;
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rvanno;
    const std::filesystem::path dir = kb_dir();
    return fuzz::expect_only_user_errors([&] {
        fuzz::write_input("kb/knowledge/fuzz.tsv", data, size);
        if (const auto problems = check_knowledge_base(dir); !problems.empty()) {
            if (std::getenv("RVANNO_FUZZ_VERBOSE"))
                std::cerr << "db check: " << problems.size() << " problem(s), first: " << problems[0].where << ": "
                          << problems[0].what << "\n";
            return;
        }
        const KnowledgeBase kb = load_knowledge_base(dir);
        pipeline::RunTables tables(kb);
        const std::filesystem::path cases = std::filesystem::path(RVANNO_TESTDATA) / "cases" / "annotate";
        pipeline::SampleInputs in;
        in.vcf = (cases / "alk_compound" / "input.vcf").string();
        in.cnv = {(cases / "index_case_cnv" / "tumour.cns").string()};
        in.sv = {(std::filesystem::path(RVANNO_TESTDATA) / "sv" / "arriba_eml4_alk.tsv").string()};
        fuzz::annotate(in, "GRCh38", tables);
        index_knowledge_base(dir);
        const KnowledgeBase stored = load_knowledge_base(dir);
        std::filesystem::remove(dir / kKnowledgeIndexName);
        if (!stored.entries.stored()) fuzz::finding("a knowledge base that loads was not read from its index");
        if (stored.entries.size() != kb.entries.size()) fuzz::finding("the index holds another number of rows");
        for (std::size_t i = 0; i < kb.entries.size(); ++i)
            if (test::describe(stored.entries[i]) != test::describe(kb.entries[i]))
                fuzz::finding("row " + std::to_string(i) + " made from the index differs from the table's");
    });
}
