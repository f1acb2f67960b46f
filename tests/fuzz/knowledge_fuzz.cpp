// Fuzz target `knowledge`: the bytes are one knowledge table (db/knowledge/*.tsv) of a copy of
// the bundled knowledge base whose other files (genes, drugs, transcript and arm tables, fusion
// variants) are the real ones. It is checked as `rvanno db check` checks it (every problem
// listed) and, when it passes, loaded as `rvanno annotate --db` loads it and used on the
// index case (small variants, copy number, an EML4::ALK fusion) with hotspots: a row the
// checks let through must not break matching, verdicts, the hotspot map or a report writer.
// Seeds: testdata/fuzz/knowledge/. Rule of a finding: tests/fuzz/fuzz_support.hpp.
#include "fuzz_support.hpp"

namespace {

// scratch()/kb: the bundled db/ without its knowledge tables, made once per process.
const std::filesystem::path& kb_dir() {
    static const std::filesystem::path dir = [] {
        namespace fs = std::filesystem;
        const fs::path db(RVANNO_DB), out = rvanno::fuzz::scratch().path() / "kb";
        fs::create_directories(out / "knowledge");
        for (const auto& f : fs::directory_iterator(db))
            if (f.is_regular_file()) fs::copy_file(f.path(), out / f.path().filename());
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
    });
}
