// Parsing of single knowledge-table cells into typed values. Private to src/knowledge.
// Each parser throws std::invalid_argument with a message fit for "file:line: <message>".
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.hpp"
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
// The driver a `driver=` condition names: "ALK fusion" (driver=<GENE> fusion), "EGFR mutation"
// (driver=<GENE> mutation) or "BRAF V600" (driver=<GENE> <residue>: one upper-case amino-acid
// letter and a residue number); GENE: [A-Za-z0-9][A-Za-z0-9.-]*. "" for any other text.
std::string context_driver(std::string_view cond);
// The GENE of such a condition, "" for any other text.
std::string context_driver_gene(std::string_view cond);
// Fills the kind-specific fields of `e` from e.alteration.
void parse_alteration(KnowledgeEntry& e);
std::vector<RequiredAlteration> parse_requires(const std::string& s);
// Fills e.required_drivers, e.tumor_types and e.required_phase from a `context` cell:
// `driver=...` (context_driver), `tumor_type=<CODE>[,<CODE>]` and `phase=cis|trans`,
// ';'-separated. Gene names and the phase condition's sense (a compound row, partners in its own
// gene) are checked by the caller.
void parse_context(const std::string& s, KnowledgeEntry& e);
std::vector<std::string> split_list(const std::string& s);  // ';'-separated, trimmed, no empties
// The same items, each given to f(std::string_view) without a vector or a string per item (the
// genomic alteration and context of 100k rows).
template <class F>
void for_each_item(std::string_view s, F&& f) {
    std::size_t start = 0;
    while (start <= s.size()) {
        auto p = s.find(';', start);
        if (p == std::string_view::npos) p = s.size();
        const auto item = s.substr(start, p - start);
        if (const auto b = item.find_first_not_of(kBlanks); b != std::string_view::npos)
            f(item.substr(b, item.find_last_not_of(kBlanks) - b + 1));
        start = p + 1;
    }
}

}  // namespace rvanno::detail
