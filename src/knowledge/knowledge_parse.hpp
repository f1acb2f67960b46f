// Parsing of single knowledge-table cells into typed values. Private to src/knowledge.
// Each parser throws std::invalid_argument with a message fit for "file:line: <message>".
#pragma once
#include <string>
#include <vector>

#include "rvanno/knowledge.hpp"

namespace rvanno::detail {

AlterationKind parse_kind(const std::string& s);
Effect parse_effect(const std::string& s);
EvidenceLevel parse_level(const std::string& s);
void parse_mechanism(const std::string& s);
void parse_citation(const std::string& s);
// Fills the kind-specific fields of `e` from e.alteration.
void parse_alteration(KnowledgeEntry& e);
std::vector<RequiredAlteration> parse_requires(const std::string& s);
// Fills e.required_drivers and e.tumor_types from a `context` cell:
// `driver=<GENE> fusion` and/or `tumor_type=<CODE>[,<CODE>]`, ';'-separated. Gene names are
// checked by the caller (they must be in genes.txt).
void parse_context(const std::string& s, KnowledgeEntry& e);
std::vector<std::string> split_list(const std::string& s);  // ';'-separated, trimmed, no empties

}  // namespace rvanno::detail
