// Loading and checking the knowledge base directory db/ (stage knowledge/).
#pragma once
#include <filesystem>
#include <vector>

#include "knowledge/kb_index.hpp"
#include "rvanno/knowledge.hpp"

namespace rvanno {

// Loads and validates a knowledge-base directory. Throws InputError for the first problem. Reads
// the rows from DIR/knowledge.index when it fits the tables (knowledge/kb_index.hpp).
KnowledgeBase load_knowledge_base(const std::filesystem::path& dir);

// Loads `dir` from its tables and writes DIR/knowledge.index (rvanno db index).
KnowledgeIndexWritten index_knowledge_base(const std::filesystem::path& dir);

// Validates without stopping at the first problem (rvanno db check): cited rows, known
// genes (also present in both transcript tables), known drugs, allowed values, unique ids.
std::vector<DbProblem> check_knowledge_base(const std::filesystem::path& dir);

// The knowledge base found without a flag: $RVANNO_DB, else the installed share/rvanno/db,
// else the source tree's db/ (development builds). Throws UserError when none exists.
std::filesystem::path default_knowledge_base_dir();

}  // namespace rvanno
