// The knowledge index: reading a knowledge base from it (layout and when it is used:
// knowledge/kb_index.hpp).
#include "knowledge/kb_index.hpp"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <map>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "base/strings.hpp"
#include "base/warning.hpp"
#include "build_config.hpp"
#include "knowledge/kb_index_format.hpp"
#include "knowledge/knowledge_row.hpp"
#include "knowledge/row_index.hpp"
#include "rvanno/error.hpp"

namespace fs = std::filesystem;

namespace rvanno {
namespace {

using namespace detail::kb_index;

// ----------------------------------------------------------------------------- reading
struct Unreadable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The index file, open: its head (everything but the rows' text) read into memory, the rows'
// text read a row at a time when a row is made (pread). Not mapped: the kernel maps a file's
// page cache in large folios, so a mapping read in a few places counted most of the file as
// resident.
struct IndexFile {
    int fd{-1};
    std::string head;  // bytes [0, tail_at): the parts and the keys' text
    std::uint64_t tail_at{0}, tail_size{0};
    IndexFile(const IndexFile&) = delete;
    IndexFile& operator=(const IndexFile&) = delete;
    explicit IndexFile(const fs::path& path) {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw Unreadable("cannot open it");
        struct stat st {};
        if (::fstat(fd, &st) != 0) throw Unreadable("cannot read it");
        const auto size = static_cast<std::uint64_t>(st.st_size);
        std::uint64_t prefix[4] = {0, 0, 0, 0};
        if (!read_at(prefix, sizeof prefix, 0)) throw Unreadable("it ends early (truncated?)");
        tail_at = prefix[0];
        tail_size = prefix[1];
        if (tail_at < sizeof prefix || tail_at > size || tail_size != size - tail_at)
            throw Unreadable("its size is wrong (truncated?)");
        head.resize(static_cast<std::size_t>(tail_at));
        if (!read_at(head.data(), head.size(), 0)) throw Unreadable("cannot read it");
        if (crc(0, head.data() + kPrefix, head.size() - kPrefix) != prefix[3])
            throw Unreadable("it is damaged (its checksum does not match)");
    }
    ~IndexFile() {
        if (fd >= 0) ::close(fd);
    }
    bool read_at(void* to, std::size_t n, std::uint64_t at) const {
        auto* p = static_cast<char*>(to);
        while (n > 0) {
            const auto got = ::pread(fd, p, n, static_cast<off_t>(at));
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) return false;
            p += got;
            n -= static_cast<std::size_t>(got);
            at += static_cast<std::uint64_t>(got);
        }
        return true;
    }
};

struct Cursor {
    const char* p;
    const char* end;
    void need(std::size_t n) const {
        if (static_cast<std::size_t>(end - p) < n) throw Unreadable("it ends early (truncated?)");
    }
    template <class T>
    T get() {
        need(sizeof(T));
        T v;
        std::memcpy(&v, p, sizeof v);
        p += sizeof v;
        return v;
    }
    std::string str() {
        const auto n = get<std::uint32_t>();
        need(n);
        std::string s(p, n);
        p += n;
        return s;
    }
    std::uint32_t count(std::size_t each) {
        const auto n = get<std::uint32_t>();
        need(static_cast<std::size_t>(n) * each);  // a damaged count cannot make a huge vector
        return n;
    }
    const char* skip(std::size_t n) {
        need(n);
        const char* at = p;
        p += n;
        return at;
    }
};

class StoredRows : public KnowledgeRows::Source {
public:
    struct Table {
        SharedText name;
        bool civic{false};
        std::vector<std::string> header;
        std::map<std::string, std::size_t> index;
        detail::EntryColumns columns{};
        std::string where;  // the table's path, for a message
    };
    std::shared_ptr<const IndexFile> file;
    std::size_t rows{0};
    std::uint64_t texts_at{0}, texts_size{0};  // in the file; the row records are before them
    std::vector<Table> tables;
    std::unordered_map<std::uint32_t, std::vector<std::string>> also_in_civic;
    std::unordered_set<std::string> genes;
    std::vector<std::string> drug_ids;
    std::unordered_set<std::string_view> drugs;  // views into drug_ids
    fs::path path;

    std::size_t size() const override { return rows; }

    KnowledgeEntry make(std::size_t i) const override {
        char r[kRowRecord];
        if (!file->read_at(r, kRowRecord, file->tail_at + i * kRowRecord))
            throw damaged("cannot read row " + std::to_string(i + 1));
        std::uint32_t table = 0, length = 0;
        std::int64_t line = 0;
        std::uint64_t offset = 0;
        std::memcpy(&table, r, 4);
        std::memcpy(&length, r + 4, 4);
        std::memcpy(&line, r + 8, 8);
        std::memcpy(&offset, r + 16, 8);
        std::uint32_t sum = 0;
        std::memcpy(&sum, r + 24, 4);
        if (table >= tables.size() || offset > texts_size || length > texts_size - offset)
            throw damaged("row " + std::to_string(i + 1) + " points outside the file");
        const Table& t = tables[table];
        std::string bytes(length, '\0');
        if (!file->read_at(bytes.data(), length, texts_at + offset))
            throw damaged("cannot read row " + std::to_string(i + 1));
        if (crc(crc(0, r, 24), bytes.data(), bytes.size()) != sum)
            throw damaged("row " + std::to_string(i + 1) + " is damaged (its checksum does not match)");
        const std::vector<std::string> cells = split(bytes, '\t');  // as TextTable splits a row
        const TableRow row{&t.header, &t.index, &cells, &t.where, static_cast<long>(line)};
        KnowledgeEntry e;
        try {
            detail::parse_entry(row, t.columns, t.name, {&genes, &drugs, nullptr}, t.civic, e);
        } catch (const std::invalid_argument& err) {  // it was loaded when the index was written
            throw damaged(row.where() + ": " + err.what());
        }
        if (auto also = also_in_civic.find(static_cast<std::uint32_t>(i)); also != also_in_civic.end())
            e.set_civic().also_in_civic = also->second;
        return e;
    }

private:
    UserError damaged(const std::string& what) const {
        return UserError("knowledge index '" + path.string() + "' does not fit its tables: " + what,
                         "remake it with 'rvanno db index " + path.parent_path().string() + "', or delete it");
    }
};

template <class K>
void read_keyed(Cursor& c, GeneRows::Keyed<K>& out) {
    const auto n = c.count(sizeof(K) + 4);
    out.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        const auto k = c.get<K>();
        out.emplace_back(k, c.get<std::uint32_t>());
    }
}

void read_rows(Cursor& c, std::vector<std::uint32_t>& out) {
    const auto n = c.count(4);
    out.resize(n);
    if (n) std::memcpy(out.data(), c.skip(std::size_t{n} * 4), std::size_t{n} * 4);
}

}  // namespace

namespace {
std::string not_used(const KnowledgeBase& kb, const std::string& why) {
    return "knowledge index '" + (kb.directory / kKnowledgeIndexName).string() + "' not used: " + why +
           "; the tables are read instead (slower with many rows): remake it with 'rvanno db index " +
           kb.directory.string() + "'";
}
}  // namespace

std::optional<StoredKnowledge> read_knowledge_index(const KnowledgeBase& kb) {
    const fs::path path = kb.directory / kKnowledgeIndexName;
    if (!fs::exists(path)) return std::nullopt;
    try {
        auto file = std::make_shared<const IndexFile>(path);
        std::uint64_t keys_size = 0;
        std::memcpy(&keys_size, file->head.data() + 16, 8);
        if (keys_size > file->head.size() - kPrefix) throw Unreadable("its size is wrong (truncated?)");
        const char* keys_at = file->head.data() + file->head.size() - keys_size;
        Cursor c{file->head.data() + kPrefix, keys_at};
        if (std::memcmp(c.skip(sizeof kMagic), kMagic, sizeof kMagic) != 0)
            throw Unreadable("it is not a knowledge index");
        if (c.get<std::uint32_t>() != kByteOrder) throw Unreadable("it was written on a machine of another byte order");
        if (const auto f = c.get<std::uint32_t>(); f != kFormat)
            throw Unreadable("it has file format " + std::to_string(f) + ", this rvanno reads " +
                             std::to_string(kFormat));
        if (const auto v = c.str(); v != RVANNO_VERSION)
            throw Unreadable("it was written by rvanno " + v + ", this is rvanno " RVANNO_VERSION);
        StoredKnowledge got;
        got.content_md5 = c.str();
        got.stamps.trusted = c.get<std::uint8_t>() != 0;
        for (auto n = c.count(44); n > 0; --n) {
            detail::FileStamp f;
            f.name = c.str();
            f.size = c.get<std::uint64_t>();
            f.inode = c.get<std::uint64_t>();
            f.device = c.get<std::uint64_t>();
            f.mtime_ns = c.get<std::int64_t>();
            f.ctime_ns = c.get<std::int64_t>();
            got.stamps.files.push_back(std::move(f));
        }
        if (const auto v = c.str(); v != kb.version) throw Unreadable("it names version " + v);
        got.curated_rows = c.get<std::int64_t>();
        got.civic_rows = c.get<std::int64_t>();
        got.civic_merged = c.get<std::int64_t>();
        got.civic_release = c.str();
        for (auto n = c.count(13); n > 0; --n) {
            LayerConflict k;
            k.curated_id = c.str();
            k.civic_id = c.str();
            k.merged = c.get<std::uint8_t>() != 0;
            k.what = c.str();
            got.conflicts.push_back(std::move(k));
        }
        for (auto n = c.count(8); n > 0; --n) {
            DbProblem p;
            p.where = c.str();
            p.what = c.str();
            got.rows_not_loaded.push_back(std::move(p));
        }
        auto rows = std::make_shared<StoredRows>();
        rows->path = path;
        for (auto n = c.count(9); n > 0; --n) {
            StoredRows::Table t;
            t.name = SharedText(c.str());
            t.civic = c.get<std::uint8_t>() != 0;
            for (auto k = c.count(4); k > 0; --k) t.header.push_back(c.str());
            for (std::size_t i = 0; i < t.header.size(); ++i) t.index.emplace(t.header[i], i);
            t.columns = detail::entry_columns(t.index);
            t.where = (kb.directory / t.name.str()).string();
            rows->tables.push_back(std::move(t));
        }
        rows->rows = c.get<std::uint32_t>();
        if (file->tail_size / kRowRecord < rows->rows) throw Unreadable("it ends early (truncated?)");
        rows->texts_at = file->tail_at + rows->rows * kRowRecord;
        rows->texts_size = file->tail_size - rows->rows * kRowRecord;
        for (auto n = c.count(8); n > 0; --n) {
            const auto row = c.get<std::uint32_t>();
            auto& items = rows->also_in_civic[row];
            for (auto k = c.count(4); k > 0; --k) items.push_back(c.str());
        }
        auto index = std::make_shared<RowIndex>();
        index->facts.resize(rows->rows);
        for (auto& f : index->facts) {
            const auto kind = c.get<std::uint8_t>(), effect = c.get<std::uint8_t>();
            if (kind > static_cast<std::uint8_t>(AlterationKind::fusion) ||
                effect > static_cast<std::uint8_t>(Effect::no_resistance))
                throw Unreadable("a row's kind or effect is out of range");
            f = {static_cast<AlterationKind>(kind), static_cast<Effect>(effect), c.get<std::uint8_t>() != 0,
                 c.get<std::uint8_t>() != 0};
        }
        read_rows(c, index->compound);
        for (auto n = c.count(4); n > 0; --n) index->drivers.push_back(c.str());
        const std::string_view pool(keys_at, keys_size);
        const auto text = [&pool](std::uint64_t off, std::uint32_t len) {
            if (off > pool.size() || len > pool.size() - off) throw Unreadable("a key points outside the file");
            return pool.substr(off, len);
        };
        const auto keyed_text = [&](GeneRows::Keyed<std::string_view>& out) {
            const auto n = c.count(16);
            out.reserve(n);
            for (std::uint32_t i = 0; i < n; ++i) {
                const auto off = c.get<std::uint64_t>();
                const auto len = c.get<std::uint32_t>();
                out.emplace_back(text(off, len), c.get<std::uint32_t>());
            }
        };
        for (auto n = c.count(4); n > 0; --n) {
            std::string gene = c.str();
            GeneRows g;
            read_rows(c, g.rows);
            read_keyed(c, g.by_pos);
            keyed_text(g.by_c);
            keyed_text(g.by_listed_c);
            keyed_text(g.by_p);
            read_keyed(c, g.by_residue);
            read_rows(c, g.ranges);
            read_rows(c, g.lof);
            read_rows(c, g.missense);
            read_rows(c, g.always);
            for (auto r : g.rows)
                if (r >= rows->rows) throw Unreadable("a gene's row is out of range");
            const auto local = [&g](std::uint32_t i) {
                if (i >= g.rows.size()) throw Unreadable("a gene's key points past its rows");
            };
            for (const auto& v : {&g.ranges, &g.lof, &g.missense, &g.always})
                for (auto i : *v) local(i);
            for (const auto& [k, i] : g.by_pos) local(i);
            for (const auto& v : {&g.by_c, &g.by_listed_c, &g.by_p})
                for (const auto& [k, i] : *v) local(i);
            for (const auto& [k, i] : g.by_residue) local(i);
            index->genes.emplace(std::move(gene), std::move(g));
        }
        for (auto r : index->compound)
            if (r >= rows->rows) throw Unreadable("a compound row is out of range");
        if (c.p != c.end) throw Unreadable("it has bytes after its last part");
        rows->genes.insert(kb.genes.begin(), kb.genes.end());
        for (const auto& [id, d] : kb.drugs) rows->drug_ids.push_back(id);
        for (const auto& id : rows->drug_ids) rows->drugs.insert(id);
        rows->file = file;
        index->keys = file;
        got.rows = KnowledgeRows(std::move(rows), std::move(index));
        return got;
    } catch (const Unreadable& e) {
        warn(not_used(kb, e.what()));
        return std::nullopt;
    }
}

bool use_knowledge_index(KnowledgeBase& kb, StoredKnowledge&& stored) {
    if (stored.content_md5 != kb.content_md5) {
        warn(not_used(kb, "it was written for tables of content MD5 " + stored.content_md5 + ", the tables now have " +
                              kb.content_md5));
        return false;
    }
    kb.entries = std::move(stored.rows);
    kb.curated_rows = stored.curated_rows;
    kb.civic_rows = stored.civic_rows;
    kb.civic_merged = stored.civic_merged;
    kb.civic_release = std::move(stored.civic_release);
    kb.conflicts = std::move(stored.conflicts);
    kb.rows_not_loaded = std::move(stored.rows_not_loaded);
    return true;
}

}  // namespace rvanno
