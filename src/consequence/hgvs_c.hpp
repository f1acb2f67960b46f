// HGVS c./n. descriptions of a genomic change on one transcript. Private to src/consequence.
#pragma once
#include <string>

#include "consequence/allele_edit.hpp"
#include "consequence/cached_reference.hpp"
#include "consequence/transcript_map.hpp"

namespace rvanno {

// Applies the HGVS 3' rule: a pure indel in a repeat moves towards the transcript's 3' end,
// but not out of the exon or intron it lies in (an indel spanning both stays put).
Edit shift_to_3prime(const Edit& e, const TranscriptMap& map, CachedReference& ref);

// True when the (already 3'-shifted) insertion repeats the bases just 5' of it.
bool is_duplication(const Edit& e, const TranscriptMap& map, CachedReference& ref);

// "c.3604G>A", "c.1088+1G>A", "c.10_12del", "c.9_10insTTT", "c.7_9dup", "c.4_5delinsAT".
std::string hgvs_c(const Edit& e, const TranscriptMap& map, bool duplication);

}  // namespace rvanno
