// One row of a knowledge table (db/knowledge/*.tsv, db/civic/*.tsv) into a KnowledgeEntry: the
// one parser for the loader (knowledge_base.cpp, every row) and the knowledge index
// (kb_index.cpp, a stored row when a run first needs it). Private to src/knowledge. Throws
// std::invalid_argument with a message fit for "file:line: <message>".
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/unique_strings.hpp"
#include "io/text_table.hpp"
#include "rvanno/knowledge.hpp"

namespace rvanno::detail {

// The columns every knowledge table has (db/README.md); `context` is optional.
const std::vector<std::string>& entry_column_names();

// Positions of those columns and of `context` in a table's header: once per file, not per cell.
struct EntryColumns {
    std::size_t id, gene, kind, alteration, hgvs_c, reqs, drugs, effect, level, disease, mechanism, citations, status,
        notes, context;
};
EntryColumns entry_columns(const std::map<std::string, std::size_t>& header_index);

// What a row is checked against while it is parsed: the genes and drugs of the knowledge base,
// and the ids seen so far (nullptr: not checked, for a row already checked when it was indexed).
struct RowChecks {
    const std::unordered_set<std::string>* genes{};
    const std::unordered_set<std::string_view>* drugs{};
    UniqueStrings* ids{};
};

// Every column of the row into `e` (file and line included), the CIViC columns when `civic`.
// Throws UnknownRestrict (civic_layer.hpp) for a match_restrict this rvanno does not know.
void parse_entry(const TableRow& t, const EntryColumns& col, const SharedText& file, const RowChecks& checks,
                 bool civic, KnowledgeEntry& e);

}  // namespace rvanno::detail
