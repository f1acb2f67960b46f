// JSON values of the report's findings and matches (report/json.cpp writes the document), and
// FindingText, which writes a finding with matches without building its matches as JSON.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "report/format.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"

namespace rvanno::report_json {

using json = nlohmann::ordered_json;

inline json opt(const std::string& s) { return s.empty() ? json() : json(s); }
inline json opt(std::optional<double> v, int digits = 4) { return v ? json(std::stod(fmt::fixed(v, digits))) : json(); }
template <class T>
inline json opt(const std::optional<T>& v) {
    return v ? json(*v) : json();
}

json row_json(const KnowledgeEntry& e, const std::string& tumor_type);
json match_json(const Match& m, const std::string& tumor_type);
json matches_json(const std::vector<Match>& ms, const std::string& tumor_type);
json finding_head_json(const AlleleFinding& f);  // a finding's fields before its matches
json finding_json(const AlleleFinding& f, const std::string& tumor_type);

// The dump(2) text of a finding with matches, as finding_json's dump gives it, with each
// knowledge row's fields dumped once per report, not once per match (a panel's report has tens
// of thousands of matches of a few hundred rows). `replaced` counts the strings repaired to
// UTF-8, each use of a row's fields included, as a dump of the whole document would.
class FindingText {
public:
    explicit FindingText(const std::string& tumor_type) : tumor_type_(tumor_type) {}
    std::string operator()(const AlleleFinding& f, std::size_t& replaced);

private:
    const std::string& tumor_type_;
    std::unordered_map<const KnowledgeEntry*, std::pair<std::string, std::size_t>> rows_;
    std::string match_text(const Match& m, std::size_t& replaced);
};

}  // namespace rvanno::report_json
