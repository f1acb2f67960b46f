// Writers of `rvanno compare`: the TSV (three blocks: alteration, verdict, remaining_option)
// and the JSON (schema rvanno-compare/1). Formats: docs/compare_and_batch.md.
#pragma once
#include <ostream>

#include "rvanno/compare.hpp"
#include "rvanno/report.hpp"

namespace rvanno {

// Both reports carry their verdicts; the context is the progression's (the same for both).
void write_compare_tsv(const Report& baseline, const Report& progression, const Comparison& c, std::ostream& out);
void write_compare_json(const Report& baseline, const Report& progression, const Comparison& c, std::ostream& out);

}  // namespace rvanno
