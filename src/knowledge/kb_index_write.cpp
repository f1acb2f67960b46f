// The knowledge index: writing it, and the tables' stamps (knowledge/kb_index.hpp).
#include "knowledge/kb_index.hpp"

#include <sys/stat.h>

#include <ctime>

#include "build_config.hpp"
#include "io/output_file.hpp"
#include "knowledge/kb_index_format.hpp"
#include "knowledge/row_index.hpp"
#include "rvanno/error.hpp"

namespace fs = std::filesystem;

namespace rvanno {
namespace {

using namespace detail::kb_index;

// ----------------------------------------------------------------------------- writing
struct Writer {
    std::string out, keys, records, texts;
    template <class T>
    static void put_to(std::string& to, T v) {
        to.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    template <class T>
    void put(T v) {
        put_to(out, v);
    }
    void str(std::string_view s) {
        put(static_cast<std::uint32_t>(s.size()));
        out.append(s);
    }
    static std::uint64_t pooled(std::string& pool, std::string_view s) {
        const auto at = pool.size();
        pool.append(s);
        return at;
    }
    void rows(const std::vector<std::uint32_t>& v) {
        put(static_cast<std::uint32_t>(v.size()));
        for (auto r : v) put(r);
    }
    template <class K>
    void keyed(const GeneRows::Keyed<K>& v) {
        put(static_cast<std::uint32_t>(v.size()));
        for (const auto& [k, r] : v) {
            put(k);
            put(r);
        }
    }
    void keyed_text(const GeneRows::Keyed<std::string_view>& v) {
        put(static_cast<std::uint32_t>(v.size()));
        for (const auto& [k, r] : v) {
            put(pooled(keys, k));
            put(static_cast<std::uint32_t>(k.size()));
            put(r);
        }
    }
};

}  // namespace

KnowledgeIndexWritten write_knowledge_index(const KnowledgeBase& kb, const detail::IndexInput& input) {
    if (input.rows.size() != kb.entries.size())
        throw std::logic_error("knowledge index: the kept row texts do not match the rows");
    const auto index = build_row_index(kb.entries);
    Writer w;
    w.out.append(kMagic, sizeof kMagic);
    w.put(kByteOrder);
    w.put(kFormat);
    w.str(RVANNO_VERSION);
    w.str(kb.content_md5);
    w.put<std::uint8_t>(input.stamps.trusted);
    w.put(static_cast<std::uint32_t>(input.stamps.files.size()));
    for (const auto& f : input.stamps.files) {
        w.str(f.name);
        for (const auto v : {f.size, f.inode, f.device}) w.put(v);
        for (const auto v : {f.mtime_ns, f.ctime_ns}) w.put(v);
    }
    w.str(kb.version);
    w.put<std::int64_t>(kb.curated_rows);
    w.put<std::int64_t>(kb.civic_rows);
    w.put<std::int64_t>(kb.civic_merged);
    w.str(kb.civic_release);
    w.put(static_cast<std::uint32_t>(kb.conflicts.size()));
    for (const auto& c : kb.conflicts) {
        w.str(c.curated_id);
        w.str(c.civic_id);
        w.put<std::uint8_t>(c.merged);
        w.str(c.what);
    }
    w.put(static_cast<std::uint32_t>(kb.rows_not_loaded.size()));
    for (const auto& n : kb.rows_not_loaded) {
        w.str(n.where);
        w.str(n.what);
    }
    w.put(static_cast<std::uint32_t>(input.tables.size()));
    for (const auto& t : input.tables) {
        w.str(t.name);
        w.put<std::uint8_t>(t.civic);
        w.put(static_cast<std::uint32_t>(t.header.size()));
        for (const auto& h : t.header) w.str(h);
    }
    w.put(static_cast<std::uint32_t>(input.rows.size()));
    for (std::size_t i = 0; i < input.rows.size(); ++i) {
        const auto& r = input.rows[i];
        Writer::put_to(w.records, r.table);
        Writer::put_to(w.records, static_cast<std::uint32_t>(r.text.size()));
        Writer::put_to<std::int64_t>(w.records, kb.entries[i].line);
        Writer::put_to(w.records, Writer::pooled(w.texts, r.text));
        const std::uint32_t sum =
            crc(crc(0, w.records.data() + w.records.size() - 24, 24), r.text.data(), r.text.size());
        Writer::put_to(w.records, sum);
        Writer::put_to(w.records, std::uint32_t{0});
    }
    std::vector<std::uint32_t> also;
    for (std::uint32_t i = 0; i < kb.entries.size(); ++i)
        if (kb.entries[i].layer != "civic" && !kb.entries[i].civic().also_in_civic.empty()) also.push_back(i);
    w.put(static_cast<std::uint32_t>(also.size()));
    for (auto i : also) {
        w.put(i);
        const auto& items = kb.entries[i].civic().also_in_civic;
        w.put(static_cast<std::uint32_t>(items.size()));
        for (const auto& s : items) w.str(s);
    }
    for (const auto& f : index->facts) {
        w.put(static_cast<std::uint8_t>(f.kind));
        w.put(static_cast<std::uint8_t>(f.effect));
        w.put<std::uint8_t>(f.on_target);
        w.put<std::uint8_t>(f.compound);
    }
    w.rows(index->compound);
    w.put(static_cast<std::uint32_t>(index->drivers.size()));
    for (const auto& d : index->drivers) w.str(d);
    w.put(static_cast<std::uint32_t>(index->genes.size()));
    for (const auto& [gene, g] : index->genes) {
        w.str(gene);
        w.rows(g.rows);
        w.keyed(g.by_pos);
        w.keyed_text(g.by_c);
        w.keyed_text(g.by_listed_c);
        w.keyed_text(g.by_p);
        w.keyed(g.by_residue);
        w.rows(g.ranges);
        w.rows(g.lof);
        w.rows(g.missense);
        w.rows(g.always);
    }
    const fs::path path = kb.directory / kKnowledgeIndexName;
    // Whole or not at all (io/output_file.hpp: an unnamed temporary, linked into place; a killed
    // run leaves nothing). Its errors name the file and say what to do.
    OutputFile file(path.string());
    std::ostream& f = file.stream();
    // [tail_at, tail_size, keys_size, head CRC], the parts, the keys' text; then the tail, read a
    // row at a time: the row records, the rows' text.
    const std::uint64_t keys_size = w.keys.size(), tail_at = kPrefix + w.out.size() + keys_size,
                        tail_size = w.records.size() + w.texts.size(),
                        head_crc = crc(crc(0, w.out.data(), w.out.size()), w.keys.data(), w.keys.size());
    for (const std::uint64_t v : {tail_at, tail_size, keys_size, head_crc})
        f.write(reinterpret_cast<const char*>(&v), 8);
    for (const std::string* part : {&w.out, &w.keys, &w.records, &w.texts})
        f.write(part->data(), static_cast<std::streamsize>(part->size()));
    file.commit();
    return {path, kb.entries.size(), fs::file_size(path)};
}

namespace detail {
FileStamps stamp_files(const fs::path& dir, const std::vector<fs::path>& files) {
    FileStamps out;
    struct timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const std::int64_t racy = (static_cast<std::int64_t>(now.tv_sec) - kRacySeconds) * 1000000000LL + now.tv_nsec;
    out.trusted = true;
    for (const auto& f : files) {
        struct stat st {};
        if (::stat(f.c_str(), &st) != 0) {
            out.trusted = false;
            continue;
        }
        FileStamp s;
        s.name = fs::relative(f, dir).generic_string();
        s.size = static_cast<std::uint64_t>(st.st_size);
        s.inode = static_cast<std::uint64_t>(st.st_ino);
        s.device = static_cast<std::uint64_t>(st.st_dev);
        s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
        s.ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1000000000LL + st.st_ctim.tv_nsec;
        if (s.ctime_ns >= racy || s.mtime_ns >= racy) out.trusted = false;
        out.files.push_back(std::move(s));
    }
    return out;
}
}  // namespace detail

bool unchanged_since_indexed(const fs::path& dir, const std::vector<fs::path>& files, const StoredKnowledge& stored) {
    if (!stored.stamps.trusted || stored.stamps.files.size() != files.size()) return false;
    const auto now = detail::stamp_files(dir, files);
    return now.files == stored.stamps.files;
}

}  // namespace rvanno
