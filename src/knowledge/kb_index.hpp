// The knowledge index, DIR/knowledge.index (issue 10): a knowledge base's rows, already checked,
// with their row index (knowledge/row_index.hpp), in one file keyed by the tables' content MD5.
// `rvanno db index DIR` writes it; loading DIR uses it when it is there and fits, and a run then
// parses only the rows it reads (their line is kept in the file), instead of every row.
//
// It fits when it was written by this rvanno (the same version and file format) for tables
// with the same content MD5 as now (the MD5 every output is stamped with). Otherwise it is
// ignored with a warning that says why and how to remake it, and the tables are read as
// without it: an index never changes an answer, only the time to get it. `rvanno db check`
// always reads the tables.
//
// Hashing 14 MB of tables would cost a 100k-row run more than the rest of its start, so the
// index also records each table's stamp (name, size, inode, modification and change times),
// taken before the tables were hashed. When every table's stamp is the same now, the MD5 the
// index recorded is taken without hashing again, as git trusts its index: a file written since
// has a new change time, which no program can set back (touch and cp -p set the modification
// time only). A table changed less than kRacySeconds before it was stamped could be changed
// again within the same tick of a coarse file-system clock; then the stamps are not trusted
// and every load hashes the tables.
//
// Layout (native byte order and sizes, checked by the head; kb_index_format.hpp): a 32-byte
// prefix (where the tail starts, its size, the size of the keys' text, the head's CRC-32); the
// head, read whole: magic, byte order, format, version, MD5 and the tables' stamps, the knowledge
// base's counts, conflicts and rows not loaded, the tables' names and headers, the row count,
// the curated rows' also_in_civic, the rows' facts, the compound rows, the drivers, each gene's
// index, then the keys' text the index points into; the tail, read a row at a time: one fixed
// record per row (table, text length, line, text offset, CRC-32 of the record and the text), then
// the rows' text. Every read is bounds-checked and the head and each row checksummed: a damaged
// file is set aside, a damaged row is an error, never a crash or another row.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "rvanno/knowledge.hpp"

namespace rvanno {

inline constexpr const char* kKnowledgeIndexName = "knowledge.index";

namespace detail {
// What the loader keeps, for the index, of each row it loads: the line as read, and its table.
struct IndexTable {
    std::string name;  // "knowledge/alk.tsv"
    bool civic{false};
    std::vector<std::string> header;
};
struct IndexRowText {
    std::string text;
    std::uint32_t table{0};
};
// A table's stamp: what changes when it is written.
struct FileStamp {
    std::string name;  // relative to the knowledge base
    std::uint64_t size{0}, inode{0}, device{0};
    std::int64_t mtime_ns{0}, ctime_ns{0};
    bool operator==(const FileStamp&) const = default;
};
inline constexpr int kRacySeconds = 2;
// The stamps of `files`, and whether each was changed more than kRacySeconds before now.
struct FileStamps {
    std::vector<FileStamp> files;
    bool trusted{false};
};
FileStamps stamp_files(const std::filesystem::path& dir, const std::vector<std::filesystem::path>& files);

struct IndexInput {
    std::vector<IndexTable> tables;
    std::vector<IndexRowText> rows;  // as kb.entries, after the overlay
    FileStamps stamps;               // of the tables hashed for kb.content_md5, taken before
};
}  // namespace detail

struct KnowledgeIndexWritten {
    std::filesystem::path path;
    std::size_t rows{0};
    std::uintmax_t bytes{0};
};
// Writes `kb` (loaded from its tables, with `input` kept by the loader) to
// kb.directory/knowledge.index, through a temporary file. Throws UserError when it cannot.
KnowledgeIndexWritten write_knowledge_index(const KnowledgeBase& kb, const detail::IndexInput& input);

// A knowledge base as the index holds it: its rows (made when read, with their row index), the
// counts, conflicts and rows not loaded, and the content MD5 of the tables it was written for.
struct StoredKnowledge {
    KnowledgeRows rows;
    long curated_rows{0}, civic_rows{0}, civic_merged{0};
    std::string civic_release;
    std::vector<LayerConflict> conflicts;
    std::vector<DbProblem> rows_not_loaded;
    std::string content_md5;
    detail::FileStamps stamps;
};
// Reads kb.directory/knowledge.index, given kb's directory, version, genes and drugs already
// read (the tables' MD5 may still be computing: use_knowledge_index compares it). Nothing when
// there is no index; nothing, with a warning, when it cannot be read or another rvanno wrote it.
std::optional<StoredKnowledge> read_knowledge_index(const KnowledgeBase& kb);
// Whether the tables `files` of `dir` are as they were when `stored` was written: trusted stamps,
// every one the same now (then stored.content_md5 is theirs).
bool unchanged_since_indexed(const std::filesystem::path& dir, const std::vector<std::filesystem::path>& files,
                             const StoredKnowledge& stored);
// Takes `stored` into kb when it was written for kb.content_md5; else warns, leaves kb as it
// is and returns false.
bool use_knowledge_index(KnowledgeBase& kb, StoredKnowledge&& stored);

}  // namespace rvanno
