// `rvanno compare` output: TSV blocks and JSON (docs/compare_and_batch.md).
#include "report/compare.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/format.hpp"
#include "report/provenance.hpp"
#include "report/text_safety.hpp"
#include "report/writers.hpp"

using Json = nlohmann::ordered_json;

namespace rvanno {
namespace {

using text::tsv;
using text::tsv_join;

std::string yes_no(bool b) { return b ? "yes" : "no"; }
std::string level(std::optional<EvidenceLevel> l) { return l ? to_string(*l) : ""; }
std::string value(const AlterationChange& c, const AlterationPresence& p) {
    if (c.finding == "small_variant") return fmt::fixed(p.vaf, 4);
    if (c.finding == "copy_number") return fmt::fixed(p.cn, 2);
    return "";
}

void write_tsv_provenance(const Report& base, const Report& prog, const SampleContext& ctx, std::ostream& out) {
    provenance::tsv_head(prog.provenance, true, out);
    provenance::tsv_sample(base.provenance, "baseline_", out);
    provenance::tsv_sample(prog.provenance, "progression_", out);
    provenance::tsv_fasta(prog.provenance, out);
    provenance::tsv_context(ctx, out);
    provenance::tsv_tail(prog.provenance, false, out);
}

}  // namespace

void write_compare_tsv(const Report& base, const Report& prog, const Comparison& c, std::ostream& out) {
    write_tsv_provenance(base, prog, prog.context, out);
    out << "section\talteration\tfinding\tgene\tstatus\tbefore\tafter\tvalue_before\tvalue_after\tchange\tkb_"
           "ids\tnote\n";
    for (const auto& a : c.alterations) {
        auto ids = a.before.kb_ids;
        for (const auto& id : a.after.kb_ids)
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        out << "alteration\t" << tsv(a.key) << '\t' << tsv(a.finding) << '\t' << tsv(a.gene) << '\t'
            << to_string(a.status) << '\t' << to_string(a.before.state) << '\t' << to_string(a.after.state) << '\t'
            << value(a, a.before) << '\t' << value(a, a.after) << '\t' << tsv(a.change) << '\t' << tsv_join(ids, ";")
            << '\t' << tsv(a.note) << '\n';
    }
    out << "section\tdrug\tdrug_class\tgeneration\tcall_before\tcall_after\tchanged\tstrength_before\tstrength_after"
           "\tlow_confidence\tgiven\thistory_position\trule\n";
    for (const auto& v : c.verdicts)
        out << "verdict\t" << tsv(v.drug) << '\t' << tsv(v.drug_class) << '\t'
            << (v.generation ? std::to_string(*v.generation) : "") << '\t' << to_string(v.before) << '\t'
            << to_string(v.after) << '\t' << yes_no(v.changed()) << '\t' << level(v.strength_before) << '\t'
            << level(v.strength_after) << '\t' << yes_no(v.low_confidence_after) << '\t' << yes_no(v.given) << '\t'
            << (v.history_position ? std::to_string(*v.history_position) : "") << '\t' << tsv(v.rule_after) << '\n';
    out << "section\trank\tdrug\tdrug_class\tgeneration\tcall\tstrength\tlow_confidence\tcall_before"
           "\tsilent_on_acquired\trule\n";
    for (const auto& r : c.remaining)
        out << "remaining_option\t" << r.rank << '\t' << tsv(r.drug) << '\t' << tsv(r.drug_class) << '\t'
            << (r.generation ? std::to_string(*r.generation) : "") << '\t' << to_string(r.call) << '\t'
            << level(r.strength) << '\t' << yes_no(r.low_confidence) << '\t' << to_string(r.call_before) << '\t'
            << tsv_join(r.silent_on_acquired, ";") << '\t' << tsv(r.rule) << '\n';
}

namespace {

template <class T>
Json opt(const std::optional<T>& v) {
    return v ? Json(*v) : Json();
}
Json opt_number(std::optional<double> v, int digits) { return v ? Json(std::stod(fmt::fixed(v, digits))) : Json(); }
Json opt_level(std::optional<EvidenceLevel> l) { return l ? Json(to_string(*l)) : Json(); }

// The report's own JSON (as 'rvanno annotate -f json' writes it) without schema and notice.
Json report_parts(const Report& r) {
    std::ostringstream s;
    write_json(r, s);
    Json j = Json::parse(s.str());
    j.erase("schema");
    j.erase("notice");
    Json verdicts = Json::array();
    for (const auto& v : r.verdicts)
        verdicts.push_back({{"drug", v.drug},
                            {"class", v.drug_class},
                            {"generation", opt(v.generation)},
                            {"call", to_string(v.call)},
                            {"strength", opt_level(v.strength)},
                            {"low_confidence", v.low_confidence},
                            {"rule", v.rule}});
    if (!j.contains("verdicts")) j["verdicts"] = verdicts;
    return j;
}

Json presence_json(const AlterationChange& c, const AlterationPresence& p) {
    Json j = {{"state", to_string(p.state)}};
    if (c.finding == "small_variant") {
        j["vaf"] = opt_number(p.vaf, 4);
        j["depth"] = opt(p.depth);
    }
    if (c.finding == "copy_number") {
        j["cn"] = opt_number(p.cn, 2);
        j["class"] = p.cn_class.empty() ? Json() : Json(p.cn_class);
    }
    j["kb_ids"] = p.kb_ids;
    return j;
}

}  // namespace

void write_compare_json(const Report& base, const Report& prog, const Comparison& c, std::ostream& out) {
    const auto& p = prog.provenance;
    const auto& ctx = prog.context;
    Json doc;
    doc["schema"] = "rvanno-compare/1";
    doc["notice"] = kResearchUseNotice;
    doc["provenance"] = provenance::json(p, false);
    doc["context"] = {{"tumor_type", ctx.tumor_type.empty() ? Json() : Json(ctx.tumor_type)},
                      {"declared_drivers", ctx.declared_drivers},
                      {"detected_drivers", ctx.detected_drivers},
                      {"therapy_history", ctx.therapy_history}};
    doc["baseline"] = report_parts(base);
    doc["progression"] = report_parts(prog);
    Json alterations = Json::array();
    for (const auto& a : c.alterations)
        alterations.push_back({{"key", a.key},
                               {"finding", a.finding},
                               {"gene", a.gene},
                               {"status", to_string(a.status)},
                               {"before", presence_json(a, a.before)},
                               {"after", presence_json(a, a.after)},
                               {"change", a.change},
                               {"note", a.note.empty() ? Json() : Json(a.note)}});
    doc["alterations"] = alterations;
    Json verdicts = Json::array();
    for (const auto& v : c.verdicts)
        verdicts.push_back({{"drug", v.drug},
                            {"class", v.drug_class},
                            {"generation", opt(v.generation)},
                            {"before", {{"call", to_string(v.before)}, {"strength", opt_level(v.strength_before)}}},
                            {"after",
                             {{"call", to_string(v.after)},
                              {"strength", opt_level(v.strength_after)},
                              {"low_confidence", v.low_confidence_after},
                              {"rule", v.rule_after}}},
                            {"changed", v.changed()},
                            {"given", v.given},
                            {"history_position", opt(v.history_position)}});
    doc["verdicts"] = verdicts;
    Json remaining = Json::array();
    for (const auto& r : c.remaining)
        remaining.push_back({{"rank", r.rank},
                             {"drug", r.drug},
                             {"class", r.drug_class},
                             {"generation", opt(r.generation)},
                             {"call", to_string(r.call)},
                             {"strength", opt_level(r.strength)},
                             {"low_confidence", r.low_confidence},
                             {"call_before", to_string(r.call_before)},
                             {"silent_on_acquired", r.silent_on_acquired},
                             {"rule", r.rule}});
    doc["remaining_options"] = remaining;
    // As in write_json: ill-formed UTF-8 becomes U+FFFD and is counted in the provenance (the
    // baseline and progression parts carry their own counts).
    if (const auto replaced = text::repair_utf8(doc)) doc["provenance"]["replaced_invalid_utf8"] = replaced;
    out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace rvanno
