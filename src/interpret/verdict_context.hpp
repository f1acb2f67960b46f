// The sample-context side of the verdicts: whether a knowledge row's `context` column is met,
// and where a drug stands in the therapy history. Private to src/interpret (rules: verdict.cpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rvanno/knowledge.hpp"
#include "rvanno/verdict.hpp"

namespace rvanno::detail {

// Why `e` does not apply to a sample with `context`, or "" when every condition holds.
// Example: "needs an ALK fusion (not found; declare it with --driver \"ALK fusion\")".
std::string context_not_met(const KnowledgeEntry& e, const SampleContext& context);

// The display name of a class: "ALK tyrosine kinase inhibitors (class)" in drugs.tsv reads
// "ALK tyrosine kinase inhibitors"; the id when drugs.tsv has no such class row.
std::string class_display_name(const KnowledgeBase& kb, const std::string& klass);

// 1-based position of the first --therapy-history item naming `drug` by id, name or synonym
// (case-insensitive, surrounding blanks ignored), or nothing.
std::optional<int> history_position(const Drug& drug, const std::vector<std::string>& history);

}  // namespace rvanno::detail
