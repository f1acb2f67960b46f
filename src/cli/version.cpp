#include "build_config.hpp"
#include "cli/commands.hpp"
#include "io/hts_info.hpp"
#include "knowledge/knowledge_base.hpp"
#include "rvanno/error.hpp"
#include "rvanno/knowledge.hpp"

namespace rvanno::cli {

std::string version_text() {
    std::string s = "rvanno " RVANNO_VERSION "\nHTSlib " + htslib_version() + "\n";
    try {
        auto dir = default_knowledge_base_dir();
        auto kb = load_knowledge_base(dir);
        s += "knowledge base " + kb.version + " (md5 " + kb.content_md5 + ", " + std::to_string(kb.entries.size()) +
             " rows) at " + dir.string() + "\n";
    } catch (const UserError& e) { s += std::string("knowledge base: unavailable (") + e.what() + ")\n"; }
    s += "License: MIT (LICENSE); knowledge base CC0 1.0 (db/LICENSE), imported rows from CIViC (CC0)\n";
    return s;
}

}  // namespace rvanno::cli
