// JSON values of findings and matches (report/json_values.hpp).
#include "report/json_values.hpp"

#include "base/strings.hpp"
#include "report/json_stream.hpp"
#include "report/text_safety.hpp"

namespace rvanno::report_json {
namespace {

std::string dumped(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

// The CIViC columns of a civic-layer row (db/tools/README.md); null for a curated row.
json civic_json(const KnowledgeEntry& e) {
    if (e.layer != "civic") return json();
    std::vector<std::string> restrict;
    for (const auto& r : e.civic().restrictions) restrict.push_back(r.text);
    return {{"id", e.civic().civic_id},
            {"rating", e.civic().civic_rating.empty() ? json() : json(std::stoi(e.civic().civic_rating))},
            {"disease", e.civic().civic_disease},
            {"nct_ids", e.civic().nct_ids.empty() ? std::vector<std::string>{} : split(e.civic().nct_ids, ';')},
            {"amp_tier", opt(e.civic().civic_amp_tier)},
            {"match_restrict", restrict}};
}

json match_own_json(const Match& m) {
    return {{"how", to_string(m.how)}, {"detail", m.detail}, {"amino_acid_unknown", m.amino_acid_unknown}};
}

json consequence_json(const AlleleFinding& f) {
    const auto& c = f.csq;
    return {{"gene", c.gene},
            {"transcript", c.transcript},
            {"hgvs_c", c.hgvs_c},
            {"hgvs_p", opt(c.hgvs_p)},
            {"protein_change", opt(c.protein_change)},
            {"protein_change_source", opt(f.protein_source)},
            {"class_source", opt(f.class_source)},
            {"terms", c.terms},
            {"exon", c.exon ? json(c.exon) : json()},
            {"intron", c.intron ? json(c.intron) : json()},
            {"exon_count", c.exon_count},
            {"codon", opt(c.codon)},
            {"loss_of_function", c.loss_of_function}};
}

}  // namespace

// A match's knowledge-row fields, the same for every allele that matched the row.
json row_json(const KnowledgeEntry& e, const std::string& tumor_type) {
    json requires_all = json::array();
    for (const auto& q : e.requires_all) requires_all.push_back(q.gene + ":p." + q.protein_change);
    return {{"kb_id", e.id},
            {"gene", e.gene},
            {"kind", to_string(e.kind)},
            {"alteration", e.alteration},
            {"requires", requires_all},
            {"drugs", e.drugs},
            {"effect", to_string(e.effect)},
            {"evidence_level", to_string(e.level)},
            {"amp_tier", amp_tier(e, tumor_type)},
            {"disease", e.diseases},
            {"mechanism", e.mechanism},
            {"status", status_name(e)},
            {"citations", e.citations},
            {"notes", e.notes},
            {"source", e.file.str() + ":" + std::to_string(e.line)},
            {"layer", e.layer},
            {"civic", civic_json(e)},
            {"also_in_civic", e.civic().also_in_civic}};
}

json match_json(const Match& m, const std::string& tumor_type) {
    json j = match_own_json(m);
    json row = row_json(*m.entry, tumor_type);
    for (auto& [key, value] : row.items()) j.emplace(key, std::move(value));
    return j;
}

json matches_json(const std::vector<Match>& ms, const std::string& tumor_type) {
    json a = json::array();
    for (const auto& m : ms) a.push_back(match_json(m, tumor_type));
    return a;
}

// A finding's fields before its matches.
json finding_head_json(const AlleleFinding& f) {
    return {{"record", f.record_number},
            {"chrom", f.contig_name},
            {"pos", f.pos + 1},
            {"ref", f.ref},
            {"alt", f.alt},
            {"input_allele", opt(f.input_allele)},
            {"filter", f.filter},
            {"genotype", opt(f.genotype)},
            {"vaf", opt(f.vaf)},
            {"depth", opt(f.depth)},
            {"consequence", consequence_json(f)}};
}

json finding_json(const AlleleFinding& f, const std::string& tumor_type) {
    json j = finding_head_json(f);
    j.emplace("matches", matches_json(f.matches, tumor_type));
    return j;
}

std::string FindingText::operator()(const AlleleFinding& f, std::size_t& replaced) {
    json head = finding_head_json(f);
    replaced += text::repair_utf8(head);
    std::string s = dumped(head);
    s.resize(s.size() - 2);  // "\n}"
    s += ",\n  \"matches\": ";
    if (f.matches.empty()) return s + "[]\n}";
    for (std::size_t i = 0; i < f.matches.size(); ++i) {
        s += i ? ",\n    " : "[\n    ";
        append_indented(s, match_text(f.matches[i], replaced), 4);
    }
    return s + "\n  ]\n}";
}

std::string FindingText::match_text(const Match& m, std::size_t& replaced) {
    // match_own_json's dump, written out: three keys per match, tens of thousands of matches.
    json detail(m.detail);
    replaced += text::repair_utf8(detail);
    std::string s = "{\n  \"how\": \"" + to_string(m.how) + "\",\n  \"detail\": " + dumped(detail) +
                    ",\n  \"amino_acid_unknown\": " + (m.amino_acid_unknown ? "true" : "false");
    auto it = rows_.find(m.entry);
    if (it == rows_.end()) {
        json row = row_json(*m.entry, tumor_type_);
        const std::size_t n = text::repair_utf8(row);
        std::string t = dumped(row);
        it = rows_.emplace(m.entry, std::pair{t.substr(2, t.size() - 4), n}).first;  // without "{\n", "\n}"
    }
    replaced += it->second.second;
    return s + ",\n" + it->second.first + "\n}";
}

}  // namespace rvanno::report_json
