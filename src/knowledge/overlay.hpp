// The overlay of the two knowledge layers (db/README.md "Layers"): curated rows win where they
// cover the same statement as a CIViC row, and rows of the two layers that disagree are listed.
// Private to src/knowledge.
#pragma once
#include <vector>

#include "rvanno/knowledge.hpp"

namespace rvanno::detail {

// kb.entries holds the curated rows, then the civic rows (layer "civic"), in that order (relied on). A civic row with the
// same overlay key as a curated row (gene, kind, alteration, requires, the civic drug among the
// curated row's drugs or classes) that shares a citation with it is merged: removed from
// kb.entries, its civic_id appended to the curated row's also_in_civic, kb.civic_merged counted.
// Every curated/civic pair with the same key and opposite directions (resistance,
// reduced_sensitivity or no_benefit against sensitivity) goes to kb.conflicts, merged or not.
// Sets kb.curated_rows and kb.civic_rows to the rows left. Returns, per row before the merge,
// whether it was merged away (the knowledge index drops the same rows' text).
std::vector<bool> apply_overlay(KnowledgeBase& kb);

}  // namespace rvanno::detail
