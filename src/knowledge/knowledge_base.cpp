// Knowledge stage: takes the db/ directory; gives a validated KnowledgeBase (entries, drugs,
// genes, content hash) that every later stage reads, or the list of its problems. One pass
// serves both uses: `rvanno annotate` stops at the first problem (load_knowledge_base),
// `rvanno db check` lists them all (check_knowledge_base). Two layers: the curated tables
// (genes.txt, drugs.tsv, knowledge/*.tsv), then the generated CIViC layer under db/civic/
// (genes_civic.txt, drugs_civic.tsv, civic_predictive.tsv, civic_assertions.tsv), read with
// the same rules; the overlay (knowledge/overlay.hpp) then merges civic rows that a curated row
// already states.
#include "knowledge/knowledge_base.hpp"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <future>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_set>

#include "base/huge_pages.hpp"
#include "base/unique_strings.hpp"
#include "build_config.hpp"
#include "io/content_hash.hpp"
#include "io/text_table.hpp"
#include "knowledge/chromosome_arms.hpp"
#include "knowledge/civic_layer.hpp"
#include "knowledge/fusion_variants.hpp"
#include "knowledge/kb_index.hpp"
#include "knowledge/knowledge_parse.hpp"
#include "knowledge/knowledge_row.hpp"
#include "knowledge/knowledge_sense.hpp"
#include "knowledge/overlay.hpp"
#include "knowledge/transcript_table.hpp"
#include "rvanno/error.hpp"
#include "rvanno/fusion.hpp"
#include "rvanno/gene_copy_number.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/transcript.hpp"

namespace fs = std::filesystem;

namespace rvanno {
namespace {

class Loader {
public:
    // `problems`: list them (db check) instead of stopping at the first. `index_input`: keep each
    // loaded row's line for the knowledge index (db index); never reads the index.
    Loader(fs::path dir, std::vector<DbProblem>* problems, detail::IndexInput* index_input = nullptr)
        : dir_(std::move(dir)), problems_(problems), index_input_(index_input) {}

    KnowledgeBase run() {
        kb_.directory = dir_;
        if (!fs::is_directory(dir_))
            throw UserError("knowledge base '" + dir_.string() + "' is not a directory",
                            "give the db/ directory with --db, or set RVANNO_DB");
        read_version();
        const std::vector<fs::path> content = content_files();
        // A run reads the rows from the knowledge index when there is one that fits (kb_index.hpp).
        const bool try_index = !problems_ && !index_input_ && fs::exists(dir_ / kKnowledgeIndexName);
        // The content hash reads every table once more (14 MB at 100k rows): on a second thread
        // while the rows are parsed. get() rethrows its error where it was thrown before. With an
        // index whose tables are unchanged since it was written, the hash it recorded is taken.
        if (index_input_)
            index_input_->stamps = detail::stamp_files(dir_, content);  // before the hash: see kb_index.hpp
        std::future<std::string> md5;
        if (!try_index) md5 = md5_of_files_async(dir_, content);
        read_tables();
        if (try_index) {
            if (auto stored = read_knowledge_index(kb_)) {
                kb_.content_md5 =
                    unchanged_since_indexed(dir_, content, *stored) ? stored->content_md5 : md5_of_files(dir_, content);
                if (use_knowledge_index(kb_, std::move(*stored))) {
                    check_transcripts();
                    check_gene_level_tables();
                    return std::move(kb_);
                }
            }
            if (kb_.content_md5.empty()) md5 = md5_of_files_async(dir_, content);
        }
        auto& entries = kb_.entries.held();
        entries.reserve(line_ends(knowledge_files()) + line_ends(civic_files()));
        advise_huge_pages(entries.data(), entries.capacity() * sizeof(KnowledgeEntry));  // 512x fewer faults
        ids_.reserve(entries.capacity());
        for (const auto& f : knowledge_files()) guarded([&] { read_entries(f, false); });
        for (const auto& f : civic_files()) guarded([&] { read_entries(f, true); });
        if (!civic_files().empty()) kb_.civic_release = detail::civic_release(civic_files().front());
        const auto merged = detail::apply_overlay(kb_);
        if (index_input_) {  // the same rows as kb_.entries: drop the merged ones' lines too
            auto& rows = index_input_->rows;
            std::size_t out = 0;
            for (std::size_t i = 0; i < rows.size(); ++i)
                if (!merged[i]) {
                    if (out != i) rows[out] = std::move(rows[i]);
                    ++out;
                }
            rows.resize(out);
        }
        guarded([&] { check_transcripts(); });
        guarded([&] { check_gene_level_tables(); });
        if (kb_.content_md5.empty()) kb_.content_md5 = md5.get();
        return std::move(kb_);
    }

private:
    fs::path dir_;
    std::vector<DbProblem>* problems_;
    detail::IndexInput* index_input_;
    KnowledgeBase kb_;
    // Per-row lookups, hashed (100k rows, issue 10). The ids: one flat table and one buffer (a
    // node and a string per row were a fifth of the load; their cache misses another tenth).
    UniqueStrings ids_;                              // duplicate-id check
    std::unordered_set<std::string> gene_set_;       // kb_.genes
    std::unordered_set<std::string_view> drug_ids_;  // keys of kb_.drugs, once read
    // Each build's transcript table, read once before the rows (their genes' spans bound the
    // rows' coordinates); a table that does not parse keeps its error for check_transcripts.
    std::map<GenomeBuild, std::vector<Transcript>> tables_;
    std::map<GenomeBuild, std::exception_ptr> table_errors_;
    detail::GeneSpans spans_;

    // genes.txt, drugs.tsv (each with the CIViC layer's), the transcript tables.
    void read_tables() {
        guarded([&] { read_genes(dir_ / "genes.txt", true); });
        if (fs::exists(civic_dir() / "genes_civic.txt"))
            guarded([&] { read_genes(civic_dir() / "genes_civic.txt", false); });
        guarded([&] { read_drugs(dir_ / "drugs.tsv"); });
        if (fs::exists(civic_dir() / "drugs_civic.tsv")) guarded([&] { read_drugs(civic_dir() / "drugs_civic.tsv"); });
        read_transcript_tables();
        for (const auto& [id, d] : kb_.drugs) drug_ids_.insert(id);
    }

    void report(const std::string& where, const std::string& what, const std::string& hint = {}) {
        if (!problems_) throw InputError(where, what, hint);
        problems_->push_back({where, what});
    }
    template <class F>
    void guarded(F f) {
        try {
            f();
        } catch (const InputError& e) {
            if (!problems_) throw;
            problems_->push_back({e.where(), e.message()});
        }
    }
    std::string rel(const fs::path& p) const { return fs::relative(p, dir_).generic_string(); }

    // An upper bound on the rows of `files` (line ends) to reserve kb_.entries once: 100k rows of
    // 848 bytes were moved and held twice at the peak. (A gzip file counts fewer: it grows as usual.)
    static std::size_t line_ends(const std::vector<fs::path>& files) {
        std::size_t n = 0;
        std::vector<char> buf(1 << 16);
        for (const auto& f : files) {
            std::ifstream in(f, std::ios::binary);
            while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0)
                n += static_cast<std::size_t>(std::count(buf.data(), buf.data() + in.gcount(), '\n'));
        }
        return n;
    }
    std::vector<fs::path> knowledge_files() const {
        std::vector<fs::path> out;
        if (fs::is_directory(dir_ / "knowledge"))
            for (const auto& f : fs::directory_iterator(dir_ / "knowledge"))
                if (f.path().extension() == ".tsv") out.push_back(f.path());
        std::sort(out.begin(), out.end());
        return out;
    }
    fs::path civic_dir() const { return dir_ / "civic"; }
    // The CIViC layer's knowledge tables, predictive evidence first (absent: no CIViC layer).
    std::vector<fs::path> civic_files() const {
        std::vector<fs::path> out;
        for (const char* f : {"civic_predictive.tsv", "civic_assertions.tsv"})
            if (fs::exists(civic_dir() / f)) out.push_back(civic_dir() / f);
        return out;
    }
    bool known_gene(const std::string& g) const { return gene_set_.count(g) > 0; }
    std::vector<fs::path> content_files() const {
        std::vector<fs::path> out = {dir_ / "VERSION",
                                     dir_ / "drugs.tsv",
                                     dir_ / "genes.txt",
                                     dir_ / "fusion_variants.tsv",
                                     civic_dir() / "genes_civic.txt",
                                     civic_dir() / "drugs_civic.tsv"};
        for (auto b : {GenomeBuild::GRCh37, GenomeBuild::GRCh38}) {
            out.push_back(kb_.transcripts_path(b));
            out.push_back(dir_ / ("chromosome_arms." + to_string(b) + ".tsv"));
        }
        for (const auto& f : knowledge_files()) out.push_back(f);
        for (const auto& f : civic_files()) out.push_back(f);
        out.erase(std::remove_if(out.begin(), out.end(), [](const fs::path& p) { return !fs::exists(p); }), out.end());
        return out;
    }

    void read_version() {
        std::ifstream in(dir_ / "VERSION");
        if (!(in >> kb_.version))
            report((dir_ / "VERSION").string(), "missing or empty VERSION file", "write one line such as 2026.11-1");
    }

    // genes.txt, then the CIViC layer's genes_civic.txt (a gene in both is a problem: re-run the importer).
    void read_genes(const fs::path& path, bool curated) {
        TextLines in(path);
        if (!in.is_open()) throw InputError(path.string(), "cannot read the gene list");
        std::string line;
        while (in.next(line)) {
            if (line.empty() || line[0] == '#') continue;
            if (!gene_set_.insert(line).second) {
                report(in.where(),
                       "gene '" + line + "' is listed twice" +
                           (curated ? std::string() : " (in genes.txt and genes_civic.txt)"),
                       "re-run db/tools/import_civic.py, then db/tools/make_transcripts.py");
                continue;
            }
            kb_.genes.push_back(line);
        }
    }

    void read_drugs(const fs::path& path) {
        TextTable t(path, {"id", "name", "synonyms", "class", "generation", "targets"});
        while (t.next()) {
            try {
                detail::check_cells(t.header(), t.cells());
            } catch (const std::invalid_argument& e) {
                report(t.where(), e.what());
                continue;
            }
            Drug d{t.get("id"),
                   t.get("name"),
                   t.get("class"),
                   detail::split_list(t.get("synonyms")),
                   detail::split_list(t.get("targets")),
                   std::nullopt};
            if (!detail::is_drug_id(d.id)) {
                report(t.where(), "bad drug id '" + d.id + "'");
                continue;
            }
            if (d.name.empty() || d.drug_class.empty())
                report(t.where(), "drug '" + d.id + "' needs a name and a class");
            if (!t.get("generation").empty()) {
                try {
                    d.generation = std::stoi(t.get("generation"));
                } catch (const std::exception&) {
                    report(t.where(), "generation '" + t.get("generation") + "' is not a number");
                }
            }
            if (kb_.drugs.count(d.id)) report(t.where(), "duplicate drug id '" + d.id + "'");
            kb_.drugs.emplace(d.id, std::move(d));
        }
    }

    void read_entries(const fs::path& file, bool civic) {
        TextTable t(file, detail::entry_column_names());
        const SharedText name(rel(file));  // once per file: fs::relative is slow (issue 11); rows share it
        const detail::EntryColumns col = detail::entry_columns(*t.row().index);
        const detail::RowChecks checks{&gene_set_, &drug_ids_, &ids_};
        auto& entries = kb_.entries.held();
        if (index_input_) index_input_->tables.push_back({name.str(), civic, t.header()});
        while (t.next()) {
            // Parsed in place (no 560-byte move per row); taken back unless the row is loaded.
            KnowledgeEntry& e = entries.emplace_back();
            bool loaded = false;
            try {
                detail::check_cells(t.header(), t.cells());
                detail::parse_entry(t.row(), col, name, checks, civic, e);
                if ((e.status == EntryStatus::civic) != civic)
                    throw std::invalid_argument(civic ? "status '" + to_string(e.status) +
                                                            "' in the CIViC layer (its rows are status civic)"
                                                      : "status 'civic' is for the generated CIViC layer (db/civic/); "
                                                        "a curated row is verified or unverified");
                detail::check_restrictions(e);
                detail::check_sense(e, spans_);
                loaded = true;
                if (index_input_)
                    index_input_->rows.push_back(
                        {t.text(), static_cast<std::uint32_t>(index_input_->tables.size() - 1)});
            } catch (const detail::UnknownRestrict& e) {
                // Not loaded: it would match more than CIViC's variant. Annotate runs without it and
                // says so in the provenance; db check fails on it.
                if (problems_)
                    problems_->push_back({t.where(), e.what()});
                else
                    kb_.rows_not_loaded.push_back({t.where(), e.what()});
            } catch (const std::invalid_argument& e) {
                report(t.where(), e.what(),
                       "see db/README.md for the schema; run 'rvanno db check' to list every problem");
            }
            if (!loaded) entries.pop_back();
        }
    }

    // The tables that copy-number and fusion annotation read must exist and parse.
    void check_gene_level_tables() {
        for (auto b : {GenomeBuild::GRCh38, GenomeBuild::GRCh37}) {
            auto arms = dir_ / ("chromosome_arms." + to_string(b) + ".tsv");
            if (!fs::exists(arms))
                report(arms.string(), "chromosome arm table missing", "run db/tools/make_arms.py");
            else if (read_chromosome_arms(arms).size() != 48)
                report(arms.string(), "expected 48 arms (1p..Yq)", "run db/tools/make_arms.py");
        }
        auto variants = dir_ / "fusion_variants.tsv";
        if (!fs::exists(variants)) {
            report(variants.string(), "fusion variant table missing");
            return;
        }
        for (const auto& v : read_fusion_variants(variants)) {
            for (const auto& g : {v.gene5, v.gene3})
                if (!known_gene(g))
                    report(variants.string(),
                           "fusion variant '" + v.name + "' names gene '" + g + "', which is not in genes.txt");
        }
    }

    // Loading for a run needs only the rows of genes.txt (the genes rows may name); the whole-genome
    // rest of the table is read once per run by pipeline/RunTables. `rvanno db check` reads every row.
    void read_transcript_tables() {
        const std::set<std::string, std::less<>> genes(kb_.genes.begin(), kb_.genes.end());
        for (auto b : {GenomeBuild::GRCh38, GenomeBuild::GRCh37}) {
            auto path = kb_.transcripts_path(b);
            if (!fs::exists(path)) continue;
            try {
                tables_[b] = read_transcript_table(path, problems_ ? nullptr : &genes);
                detail::add_gene_spans(b, tables_[b], spans_);
            } catch (...) { table_errors_[b] = std::current_exception(); }
        }
    }

    void check_transcripts() {
        for (auto b : {GenomeBuild::GRCh38, GenomeBuild::GRCh37}) {
            auto path = kb_.transcripts_path(b);
            if (!fs::exists(path)) {
                report(path.string(), "transcript table missing", "run db/tools/make_transcripts.py");
                continue;
            }
            if (auto err = table_errors_.find(b); err != table_errors_.end()) std::rethrow_exception(err->second);
            std::set<std::string> have;
            for (const auto& tx : tables_[b])
                if (!have.insert(tx.gene).second)
                    report(path.string(), "gene '" + tx.gene + "' has more than one transcript",
                           "a gene has one MANE Select transcript; regenerate the tables with "
                           "db/tools/make_transcripts.py");
            for (const auto& g : kb_.genes)
                if (!have.count(g))
                    report(path.string(), "gene '" + g + "' of genes.txt has no transcript",
                           "regenerate the tables with db/tools/make_transcripts.py");
        }
    }
};

}  // namespace

KnowledgeBase load_knowledge_base(const fs::path& dir) { return Loader(dir, nullptr).run(); }

KnowledgeIndexWritten index_knowledge_base(const fs::path& dir) {
    detail::IndexInput input;
    const KnowledgeBase kb = Loader(dir, nullptr, &input).run();
    return write_knowledge_index(kb, input);
}

std::vector<DbProblem> check_knowledge_base(const fs::path& dir) {
    std::vector<DbProblem> problems;
    Loader(dir, &problems).run();
    return problems;
}

fs::path default_knowledge_base_dir() {
    if (const char* env = std::getenv("RVANNO_DB"); env && *env) return env;
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    std::vector<fs::path> candidates;
    if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share" / "rvanno" / "db");
    candidates.push_back(RVANNO_INSTALL_DB);
    candidates.push_back(RVANNO_SOURCE_DB);
    for (const auto& c : candidates)
        if (fs::exists(c / "VERSION")) return c;
    throw UserError("cannot find the bundled knowledge base",
                    "give --db DIR, set RVANNO_DB, or reinstall rvanno (looked in " + candidates.front().string() +
                        ", " RVANNO_INSTALL_DB ", " RVANNO_SOURCE_DB ")");
}

}  // namespace rvanno
