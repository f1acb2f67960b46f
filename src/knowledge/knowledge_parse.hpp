// Parsing of single knowledge-table cells into typed values. Private to src/knowledge.
// Each parser throws std::invalid_argument with a message fit for "file:line: <message>".
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rvanno/knowledge.hpp"

namespace rvanno::detail {

AlterationKind parse_kind(const std::string& s);
Effect parse_effect(const std::string& s);
EvidenceLevel parse_level(const std::string& s);
EntryStatus parse_status(const std::string& s);
void parse_mechanism(const std::string& s);
// PMID:[1-9][0-9]{0,8} or DOI:10.[0-9]{4,9}/<no white space>+
bool is_citation(std::string_view s);
void parse_citation(const std::string& s);
bool is_entry_id(std::string_view s);  // [A-Za-z0-9_.-]+
bool is_drug_id(std::string_view s);   // [A-Za-z0-9_.+-]+
// The GENE of "driver=GENE fusion" (GENE: [A-Za-z0-9][A-Za-z0-9.-]*), "" for any other text.
std::string context_driver_gene(std::string_view cond);
// Fills the kind-specific fields of `e` from e.alteration.
void parse_alteration(KnowledgeEntry& e);
std::vector<RequiredAlteration> parse_requires(const std::string& s);
// Fills e.required_drivers and e.tumor_types from a `context` cell:
// `driver=<GENE> fusion` and/or `tumor_type=<CODE>[,<CODE>]`, ';'-separated. Gene names are
// checked by the caller (they must be in genes.txt).
void parse_context(const std::string& s, KnowledgeEntry& e);
std::vector<std::string> split_list(const std::string& s);  // ';'-separated, trimmed, no empties

}  // namespace rvanno::detail
