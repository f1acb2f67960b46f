// JSON form of the report (schema: docs/output.md, "rvanno-annotate/1").
#include <nlohmann/json.hpp>

#include <map>
#include <ostream>
#include <string>
#include <type_traits>
#include <unordered_map>

#include "base/strings.hpp"
#include "consequence/gene_copy_number.hpp"
#include "report/format.hpp"
#include "report/json_stream.hpp"
#include "report/json_values.hpp"
#include "report/provenance.hpp"
#include "report/text_safety.hpp"
#include "report/writers.hpp"
#include "rvanno/error.hpp"
#include "rvanno/report.hpp"

namespace rvanno {
namespace {

using json = nlohmann::ordered_json;
using report_json::DocWriter;
using report_json::SpillFile;
using namespace report_json;

json gene_cn_json(const GeneCopyNumber& g) {
    return {{"assessed", g.assessed},
            {"min_cn", opt(g.min_cn, 2)},
            {"max_cn", opt(g.max_cn, 2)},
            {"covered_fraction", std::stod(fmt::fixed(g.covered_fraction, 2))},
            {"class", g.assessed ? json(to_string(g.cn_class)) : json()},
            {"partial_amplification", g.partial},
            {"focal", opt(g.focal)},
            {"arm", opt(g.arm)},
            {"arm_fraction", opt(g.arm_fraction)},
            {"event_length", opt(g.event_length)},
            {"sources", g.sources},
            {"discrete_call", g.discrete_call ? json(*g.discrete_call) : json()},
            {"level_source",
             g.discrete_call ? json(describe_discrete_call(*g.discrete_call) + ", not a copy number") : json()},
            {"skipped_input_lines", g.skipped_lines}};
}

json copy_number_json(const CopyNumberFinding& f, const std::string& tumor_type) {
    json j = {{"gene", f.cn.gene},
              {"transcript", f.cn.transcript},
              {"chrom", f.contig_name},
              {"start", f.gene_begin + 1},
              {"end", f.gene_end}};
    j.update(gene_cn_json(f.cn));
    j["matches"] = matches_json(f.matches, tumor_type);
    return j;
}

// null when the input gave no breakpoint for this side (gene-only lists, LINX, OncoKB).
json breakend_json(const Breakend& b) {
    if (b.contig.empty()) return json();
    return {{"chrom", b.contig_name}, {"pos", b.pos + 1}, {"keeps", b.keeps_left ? "left" : "right"}};
}

json fusion_json(const FusionFinding& f, const std::string& tumor_type) {
    const auto& u = f.fusion;
    return {{"gene5", opt(u.gene5)},
            {"gene3", opt(u.gene3)},
            {"transcript5", opt(u.transcript5)},
            {"transcript3", opt(u.transcript3)},
            {"exon5", opt(u.exon5)},
            {"intron5", opt(u.intron5)},
            {"exon3", opt(u.exon3)},
            {"intron3", opt(u.intron3)},
            {"in_frame", opt(u.in_frame)},
            {"frame_source", opt(u.frame_source)},
            {"kinase_domain_retained", opt(u.kinase_domain_retained)},
            {"variant", opt(u.variant_name)},
            {"variant_source", opt(u.variant_source)},
            {"candidate", u.candidate},
            {"order_known", u.order_known},
            {"caller",
             {{"kind", u.junction.kind},
              {"id", u.junction.id},
              {"filter", u.junction.filter},
              {"split_reads", opt(u.junction.split_reads)},
              {"spanning_reads", opt(u.junction.spanning_reads)},
              {"frame", opt(u.junction.caller_frame)},
              {"note", opt(u.junction.caller_note)},
              {"source", u.junction.source},
              {"breakend_a", breakend_json(u.junction.a)},
              {"breakend_b", breakend_json(u.junction.b)}}},
            {"matches", matches_json(f.matches, tumor_type)}};
}

json gene_summary_json(const GeneSummary& g) {
    const bool examined = g.small_variant_alleles >= 0;
    json j = {{"gene", g.gene},
              {"transcript", g.transcript},
              {"knowledge_base_gene", g.kb_gene},
              {"knowledge_rows", g.knowledge_rows},
              {"small_variants", examined ? "examined" : "not_assessed"},
              {"small_variant_alleles", examined ? json(g.small_variant_alleles) : json("not_assessed")},
              {"matched_small_variants", examined ? json(g.matched_small_variants) : json()},
              {"no_knowledge_alleles", examined ? json(g.no_knowledge_alleles) : json()},
              {"copy_number", g.cn ? gene_cn_json(*g.cn) : json("not_assessed")},
              {"fusions", g.fusions < 0 ? json("not_assessed") : json(g.fusions)}};
    return j;
}

json evidence_json(const Evidence& e) {
    return {{"kb_id", e.entry->id},
            {"finding", e.finding},
            {"how", to_string(e.how)},
            {"effect", to_string(e.entry->effect)},
            {"evidence_level", to_string(e.entry->level)},
            {"mechanism", e.entry->mechanism},
            {"status", status_name(*e.entry)},
            {"layer", e.entry->layer},
            {"citations", e.entry->citations},
            {"applies", e.applies},
            {"why_not", opt(e.why_not)},
            {"superseded_by", e.superseded ? json(e.superseded_by) : json()}};
}

json verdict_json(const DrugVerdict& v) {
    json ev = json::array();
    for (const auto& e : v.evidence) ev.push_back(evidence_json(e));
    return {{"drug", v.drug},
            {"class", v.drug_class},
            {"class_name", v.class_name},
            {"generation", opt(v.generation)},
            {"call", to_string(v.call)},
            {"strength", v.strength ? json(to_string(*v.strength)) : json()},
            {"low_confidence", v.low_confidence},
            {"decided_by_unverified", v.decided_by_unverified},
            {"rule", v.rule},
            {"already_given", v.already_given},
            {"history_position", opt(v.history_position)},
            {"evidence", ev}};
}

json hotspot_json(const HotspotStatus& h) {
    return {{"gene", h.gene},
            {"hotspot", h.hotspot},
            {"kb_ids", h.kb_ids},
            {"chrom", h.contig_name},
            {"start", h.where.begin + 1},
            {"end", h.where.end},
            {"state", to_string(h.state)},
            {"min_depth", opt(h.min_depth)},
            {"depth_source", opt(h.depth_source)}};
}

json context_json(const SampleContext& c) {
    return {{"tumor_type", opt(c.tumor_type)},
            {"declared_drivers", c.declared_drivers},
            {"detected_drivers", c.detected_drivers},
            {"therapy_history", c.therapy_history}};
}

// The report's arrays, each element built by itself (repaired: input text is bytes, JSON is
// UTF-8, ill-formed sequences become U+FFFD; docs/output.md, "Text in outputs").
struct Arrays {
    const Report& r;
    const std::string& tumor_type;
    std::map<std::string, long> rows;
    // No row matched: the protein-altering alleles of any examined gene ("no knowledge", with
    // why), and the other alleles of the knowledge-base genes (elsewhere those are only counted).
    template <class Emit>
    void no_knowledge(Emit emit) const {
        for (const auto& f : r.findings)
            if (f.no_knowledge()) {
                json j = finding_json(f, tumor_type);
                j["detail"] = fmt::no_knowledge_detail(f, rows);
                emit(std::move(j));
            }
    }
    template <class Emit>
    void unmatched(Emit emit) const {
        for (const auto& f : r.findings)
            if (f.matches.empty() && !f.no_knowledge()) emit(finding_json(f, tumor_type));
    }
    template <class Emit>
    void copy_number(Emit emit) const {
        for (const auto& f : r.copy_number)
            if (!f.matches.empty()) emit(copy_number_json(f, tumor_type));
    }
    template <class Emit>
    void fusions(Emit emit) const {
        for (const auto& f : r.fusions) emit(fusion_json(f, tumor_type));
    }
    template <class Emit>
    void genes(Emit emit) const {
        for (const auto& g : r.genes) emit(gene_summary_json(g));
    }
    template <class Emit>
    void verdicts(Emit emit) const {
        for (const auto& v : r.verdicts) emit(verdict_json(v));
    }
    template <class Emit>
    void hotspots(Emit emit) const {
        for (const auto& h : r.hotspots) emit(hotspot_json(h));
    }
    // Calls `each(name, producer)` for every array, in document order.
    template <class Each>
    void all(Each each) const {
        each("no_knowledge", [this](auto emit) { no_knowledge(emit); });
        each("unmatched_in_knowledge_base_genes", [this](auto emit) { unmatched(emit); });
        each("copy_number", [this](auto emit) { copy_number(emit); });
        each("fusions", [this](auto emit) { fusions(emit); });
        each("genes", [this](auto emit) { genes(emit); });
        each("context", nullptr);
        each("verdicts", [this](auto emit) { verdicts(emit); });
        each("hotspots", [this](auto emit) { hotspots(emit); });
    }
};

}  // namespace

void write_json(const Report& r, std::ostream& out) {
    json head;
    head["schema"] = "rvanno-annotate/1";
    head["notice"] = kResearchUseNotice;
    head["provenance"] = provenance::json(r.provenance, true);
    head["sample"] = r.provenance.sample;
    json counters = json::object();
    for (const auto& [k, v] : r.counters.values) counters[k] = v;
    head["counters"] = counters;
    json context = context_json(r.context);
    // Tiers depend on the sample's tumour type (amp_tier of a row).
    const Arrays arrays{r, r.context.tumor_type, fmt::knowledge_rows(r)};
    // The provenance, written first, says how many strings were repaired in the whole document:
    // the arrays are built, repaired and written once, into a spill file, then copied behind it.
    std::size_t replaced = text::repair_utf8(head) + text::repair_utf8(context);
    SpillFile spill;
    DocWriter body(spill.stream(), false);
    FindingText finding_text(r.context.tumor_type);
    body.array_of_text("findings", [&](auto emit) {
        for (const auto& f : r.findings)
            if (!f.matches.empty()) emit(finding_text(f, replaced));
    });
    arrays.all([&](const char* key, auto producer) {
        if constexpr (std::is_same_v<decltype(producer), std::nullptr_t>)
            body.value(key, context);
        else
            body.array(key, [&](auto emit) {
                producer([&](json j) {
                    replaced += text::repair_utf8(j);
                    emit(j);
                });
            });
    });
    if (replaced) head["provenance"]["replaced_invalid_utf8"] = replaced;
    DocWriter doc(out);
    for (const auto& [key, value] : head.items()) doc.value(key.c_str(), value);
    spill.copy_to(out);
    doc.close();
}

}  // namespace rvanno
