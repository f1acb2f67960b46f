// The verdict rules' evidence items (interpret/verdict.cpp) and steps 2-3: compound rows (rule b)
// and on-target resistance over sensitivity (rule a).
// Private to src/interpret; the rules are written in verdict.cpp's essay.
#pragma once
#include <string>
#include <vector>

#include "rvanno/verdict.hpp"

namespace rvanno::detail {

// One row as evidence for one drug, with what the rules need besides the Evidence itself.
struct Item {
    Evidence ev;
    std::vector<std::string> parts;  // sorted "GENE:CHANGE" the row stands on (step 2)
    std::string set_aside;           // step 3: why it is set aside ("" = it is not)
    std::string base_why;            // why_not without the phase condition (rule g)
    bool phase_pending{false};       // applies but for a phase rvanno could not read (rule g)
    // Unverified rows that rule a or b would have let outrank this verified row, had they been
    // verified ("ID (effect, level)"): the status rule keeps this row counting (see verdict.cpp).
    std::vector<std::string> contested_by;
};
using Items = std::vector<Item>;

inline const KnowledgeEntry& row(const Item& i) { return *i.ev.entry; }
inline bool counts(const Item& i) { return i.ev.applies && !i.ev.superseded; }
inline bool is_resistance(Effect e) { return e == Effect::resistance || e == Effect::reduced_sensitivity; }
inline bool is_for(Effect e) { return e == Effect::sensitivity; }

// Step 2 (rule b): applying rows standing on a strict subset of an applying compound's
// alterations are superseded by it; an unverified compound supersedes only unverified rows.
void supersede(Items& items);

// Step 3 (rule a): driver sensitivity rows, and same-gene on-target sensitivity rows not standing
// on a co-occurring resistance allele, are set aside by applying on-target resistance; an
// unverified resistance row sets aside only unverified rows.
void set_aside_sensitivity(Items& items);

// "ID (effect, level)" for the row of `i`.
std::string row_words(const Item& i);

// The note that makes a call low-confidence when a verified row that decides it in the call's
// direction was kept from being superseded (rule b) or set aside (rule a) only because the rows
// that would have done so are unverified; "" when there is none.
std::string contested_by_unverified(const Items& items, VerdictCall call);

}  // namespace rvanno::detail
