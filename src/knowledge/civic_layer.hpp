// The CIViC layer's own columns (db/civic/*.tsv, written by db/tools/import_civic.py; columns:
// db/tools/README.md): the CIViC extras kept on a KnowledgeEntry for the reports, the
// `match_restrict` grammar, and the release named in the generated files' header. Private to
// src/knowledge; parsers throw std::invalid_argument with a message fit for "file:line: <message>".
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "rvanno/knowledge.hpp"

namespace rvanno::detail {

// A match_restrict value this rvanno does not know: the row is not loaded (it would match more
// than CIViC's variant), and `rvanno db check` reports it.
struct UnknownRestrict : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// `match_restrict`: ';'-separated deletion | insertion | frameshift | exon_skipping=N |
// fusion=<5'>::<3'> | fusion_exons=e<X>-e<Y>. Throws UnknownRestrict for any other value and
// std::invalid_argument for a known one that is malformed.
std::vector<MatchRestrict> parse_match_restrict(const std::string& s);

// Fills the CIViC columns of `e` from a civic-layer row (layer, civic_id, civic_rating,
// civic_disease, nct_ids, amp_tier, match_restrict). The `layer` cell must say "civic".
void read_civic_columns(const TableRow& t, KnowledgeEntry& e);

// The restrictions fit the row: deletion/insertion/frameshift/exon_skipping on rows matched by
// small variants; fusion=A::B on such a row whose context requires a B fusion; fusion_exons on a
// fusion row naming both partners.
void check_restrictions(const KnowledgeEntry& e);

// "01-Aug-2024" from the "# CIViC release 01-Aug-2024 ..." header line of a generated file; ""
// when the file has none.
std::string civic_release(const std::filesystem::path& file);

}  // namespace rvanno::detail
