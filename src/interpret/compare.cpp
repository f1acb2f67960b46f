// Baseline versus progression, alteration by alteration and drug by drug.
//
// Keys. An alteration is the same at both time points when its key is the same:
//   small variant  "GENE p.X123Y" when a protein change is known, else "GENE c.…", else
//                  "contig:pos:ref:alt" (canonical contig, 1-based pos): two c. changes that
//                  encode one protein change are one alteration;
//   copy number    "GENE class" (amplification, gain, loss, deep_deletion) for assessed genes
//                  not in the neutral class; a gain that became an amplification is a lost
//                  gain and an acquired amplification, each showing the CN at both times;
//   fusion         "G5::G3 (G5 exon n :: G3 exon m)" for junctions with at least one partner.
// Absent versus not assessed. A side without small-variant, copy-number or SV input did not
// look: the alteration is still "acquired"/"lost" (the other side is all there is), but its
// presence is `not_assessed` and `note` says so, so a reader never takes "acquired" for proven.
// Verdicts are taken as computed (compute_verdicts, same context on both sides); a drug that a
// side has no verdict for is `no_evidence` there.
#include "interpret/compare.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/strings.hpp"
#include "consequence/fusion_annotation.hpp"
#include "match/matcher.hpp"
#include "rvanno/genome.hpp"

namespace rvanno {

std::string to_string(AlterationStatus s) {
    switch (s) {
        case AlterationStatus::acquired:
            return "acquired";
        case AlterationStatus::lost:
            return "lost";
        case AlterationStatus::persistent:
            return "persistent";
    }
    return "?";
}

std::string to_string(AlterationPresence::State s) {
    switch (s) {
        case AlterationPresence::State::present:
            return "present";
        case AlterationPresence::State::absent:
            return "absent";
        case AlterationPresence::State::not_assessed:
            return "not_assessed";
    }
    return "?";
}

namespace {

using State = AlterationPresence::State;

// The matched rows' ids; a row matched only with its amino acid unknown (match/matcher.cpp) is
// marked so, since it is shown but counts in no verdict.
std::vector<std::string> kb_ids(const std::vector<Match>& matches) {
    std::vector<std::string> ids;
    for (const auto& m : matches) {
        if (!m.entry) continue;
        const std::string id = m.entry->id + (m.amino_acid_unknown ? " (amino acid unknown)" : "");
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return ids;
}

std::string small_variant_key(const AlleleFinding& f) {
    if (!f.csq.gene.empty() && !f.csq.protein_change.empty()) return f.csq.gene + " p." + f.csq.protein_change;
    if (!f.csq.gene.empty() && !f.csq.hgvs_c.empty()) return f.csq.gene + " " + f.csq.hgvs_c;
    auto contig = canonical_contig(f.contig_name);
    return contig.value_or(f.contig_name) + ":" + std::to_string(f.pos + 1) + ":" + f.ref + ":" + f.alt;
}

std::string fusion_key(const Fusion& u) { return partners(u) + " (" + breakpoints(u) + ")"; }

// Adds `a` under its key, merging duplicates of one side (two alleles, one protein change).
// `index` maps (key, finding) to its place in `out`: every examined gene's protein-altering
// alleles are keyed, thousands in a whole genome, so no scan per allele.
using KeyIndex = std::map<std::pair<std::string, std::string>, std::size_t>;
void add(std::vector<KeyedAlteration>& out, KeyIndex& index, KeyedAlteration a) {
    if (auto it = index.find({a.key, a.finding}); it != index.end()) {
        auto& x = out[it->second];
        for (auto& id : a.presence.kb_ids)
            if (std::find(x.presence.kb_ids.begin(), x.presence.kb_ids.end(), id) == x.presence.kb_ids.end())
                x.presence.kb_ids.push_back(id);
        if (a.presence.vaf && (!x.presence.vaf || *a.presence.vaf > *x.presence.vaf)) {
            x.presence.vaf = a.presence.vaf;
            x.presence.depth = a.presence.depth;
        }
        return;
    }
    index.emplace(std::pair{a.key, a.finding}, out.size());
    out.push_back(std::move(a));
}

bool has_small_variant_input(const Report& r) { return !r.provenance.inputs.empty(); }
bool has_copy_number_input(const Report& r) { return !r.provenance.cnv_inputs.empty(); }
bool has_sv_input(const Report& r) { return !r.provenance.sv_inputs.empty(); }

const GeneCopyNumber* gene_cn(const Report& r, const std::string& gene) {
    for (const auto& f : r.copy_number)
        if (f.cn.gene == gene) return &f.cn;
    return nullptr;
}

// The presence of an alteration that `r` does not list: absent, or not assessed (and why).
std::pair<AlterationPresence, std::string> missing_in(const Report& r, const KeyedAlteration& a, const char* side) {
    AlterationPresence p;
    const std::string s(side);
    if (a.finding == "small_variant" && !has_small_variant_input(r)) {
        p.state = State::not_assessed;
        return {p, s + " had no small-variant input: absence not assessed"};
    }
    // A side that listed only part of its alleles without a match (--max-listed) may have
    // counted this one without listing it. Matched alleles, and those a compound row needs, are
    // always listed (pipeline/allele_keeping.hpp): their absence stays a fact.
    if (a.finding == "small_variant" && a.presence.kb_ids.empty() && !r.provenance.not_listed.empty()) {
        p.state = State::not_assessed;
        return {p, s + " listed only part of its alleles without a match (--max-listed): absence not assessed"};
    }
    if (a.finding == "fusion" && !has_sv_input(r)) {
        p.state = State::not_assessed;
        return {p, s + " had no SV/fusion input: absence not assessed"};
    }
    if (a.finding == "copy_number") {
        const GeneCopyNumber* g = has_copy_number_input(r) ? gene_cn(r, a.gene) : nullptr;
        if (!g) {
            p.state = State::not_assessed;
            return {p, s + " had no copy-number input: absence not assessed"};
        }
        if (!g->assessed) {
            p.state = State::not_assessed;
            return {p, s + ": no copy-number segment covers " + a.gene};
        }
        p.cn = g->min_cn;
        p.cn_class = to_string(g->cn_class);
    }
    return {p, ""};
}

std::string describe(const std::string& finding, const AlterationPresence& p) {
    if (p.state == State::not_assessed) return "not assessed";
    if (finding == "copy_number" && p.cn) return "CN " + fixed(p.cn, 2) + " (" + p.cn_class + ")";
    if (p.state == State::absent) return "absent";
    if (finding == "small_variant" && p.vaf) return "VAF " + fixed(p.vaf, 4);
    return "present";
}

int status_rank(AlterationStatus s) {
    return s == AlterationStatus::acquired ? 0 : s == AlterationStatus::lost ? 1 : 2;
}
int finding_rank(const std::string& f) { return f == "small_variant" ? 0 : f == "copy_number" ? 1 : 2; }

std::vector<AlterationChange> compare_alterations(const Report& before, const Report& after) {
    const auto a = keyed_alterations(before), b = keyed_alterations(after);
    std::map<std::pair<std::string, std::string>, const KeyedAlteration*> in_a, in_b;
    for (const auto& x : a) in_a.emplace(std::pair{x.key, x.finding}, &x);
    for (const auto& y : b) in_b.emplace(std::pair{y.key, y.finding}, &y);
    std::vector<AlterationChange> out;
    for (const auto& x : a) {
        AlterationChange c{x.key, x.finding, x.gene, AlterationStatus::persistent, x.presence, {}, "", ""};
        if (auto it = in_b.find({x.key, x.finding}); it != in_b.end())
            c.after = it->second->presence;
        else {
            c.status = AlterationStatus::lost;
            std::tie(c.after, c.note) = missing_in(after, x, "progression");
        }
        out.push_back(std::move(c));
    }
    for (const auto& y : b) {
        if (in_a.count({y.key, y.finding})) continue;
        AlterationChange c{y.key, y.finding, y.gene, AlterationStatus::acquired, {}, y.presence, "", ""};
        std::tie(c.before, c.note) = missing_in(before, y, "baseline");
        out.push_back(std::move(c));
    }
    for (auto& c : out) c.change = describe(c.finding, c.before) + " -> " + describe(c.finding, c.after);
    std::stable_sort(out.begin(), out.end(), [](const AlterationChange& x, const AlterationChange& y) {
        if (status_rank(x.status) != status_rank(y.status)) return status_rank(x.status) < status_rank(y.status);
        if (finding_rank(x.finding) != finding_rank(y.finding))
            return finding_rank(x.finding) < finding_rank(y.finding);
        return x.key < y.key;
    });
    return out;
}

const DrugVerdict* verdict_for(const Report& r, const std::string& drug) {
    for (const auto& v : r.verdicts)
        if (v.drug == drug) return &v;
    return nullptr;
}

std::optional<int> history_position(const std::vector<std::string>& history, const std::string& drug) {
    for (std::size_t i = 0; i < history.size(); ++i)
        if (history[i] == drug) return static_cast<int>(i) + 1;
    return std::nullopt;
}

std::vector<VerdictChange> compare_verdicts(const Report& before, const Report& after,
                                            const std::vector<std::string>& history) {
    std::vector<VerdictChange> out;
    auto add_drug = [&](const DrugVerdict& v) {
        for (const auto& c : out)
            if (c.drug == v.drug) return;
        VerdictChange c{v.drug,
                        v.drug_class,
                        v.generation,
                        VerdictCall::no_evidence,
                        VerdictCall::no_evidence,
                        std::nullopt,
                        std::nullopt,
                        false,
                        "",
                        false,
                        history_position(history, v.drug)};
        c.given = c.history_position.has_value();
        if (const auto* b = verdict_for(before, v.drug)) {
            c.before = b->call;
            c.strength_before = b->strength;
        }
        if (const auto* p = verdict_for(after, v.drug)) {
            c.after = p->call;
            c.strength_after = p->strength;
            c.low_confidence_after = p->low_confidence;
            c.rule_after = p->rule;
        }
        out.push_back(std::move(c));
    };
    for (const auto& v : after.verdicts) add_drug(v);
    for (const auto& v : before.verdicts) add_drug(v);
    return out;
}

int call_rank(VerdictCall c) {
    switch (c) {
        case VerdictCall::sensitive:
            return 0;
        case VerdictCall::conflicting:
        case VerdictCall::phase_decides:
            return 1;
        case VerdictCall::reduced_sensitivity:
            return 2;
        case VerdictCall::no_evidence:
            return 3;
        case VerdictCall::resistant:
            return 4;
    }
    return 5;
}

// The drugs each matched row of `r` names, by row id.
std::map<std::string, std::vector<std::string>> row_drugs(const Report& r) {
    std::map<std::string, std::vector<std::string>> out;
    auto add_matches = [&](const std::vector<Match>& ms) {
        for (const auto& m : ms)
            if (m.entry) out[m.entry->id] = m.entry->drugs;
    };
    for (const auto& f : r.findings) add_matches(f.matches);
    for (const auto& f : r.copy_number) add_matches(f.matches);
    for (const auto& f : r.fusions) add_matches(f.matches);
    return out;
}

// Acquired alterations whose rows bear on the option's class (a row names the class, the drug
// or a drug of the same class) while none of the drug's evidence comes from them.
std::vector<std::string> silent_on_acquired(const RemainingOption& o, const Report& prog,
                                            const std::vector<AlterationChange>& alterations) {
    const auto drugs_of = row_drugs(prog);
    const DrugVerdict* v = verdict_for(prog, o.drug);
    auto same_class = [&](const std::string& d) {
        if (d == o.drug || d == o.drug_class) return true;
        const DrugVerdict* other = verdict_for(prog, d);
        return other && !o.drug_class.empty() && other->drug_class == o.drug_class;
    };
    std::vector<std::string> out;
    for (const auto& a : alterations) {
        if (a.status != AlterationStatus::acquired) continue;
        bool bears = false, addressed = false;
        for (const auto& id : a.after.kb_ids) {
            if (auto it = drugs_of.find(id); it != drugs_of.end())
                bears = bears || std::any_of(it->second.begin(), it->second.end(), same_class);
            if (v)
                for (const auto& e : v->evidence) addressed = addressed || (e.entry && e.entry->id == id);
        }
        if (bears && !addressed) out.push_back(a.key);
    }
    return out;
}

}  // namespace

bool remaining_option_order(const RemainingOption& a, const RemainingOption& b) {
    if (call_rank(a.call) != call_rank(b.call)) return call_rank(a.call) < call_rank(b.call);
    // EvidenceLevel A < B < ... (A strongest); no strength sorts after E.
    const int sa = a.strength ? static_cast<int>(*a.strength) : 99,
              sb = b.strength ? static_cast<int>(*b.strength) : 99;
    if (sa != sb) return sa < sb;
    const int ga = a.generation.value_or(-1), gb = b.generation.value_or(-1);
    if (ga != gb) return ga > gb;
    if (a.low_confidence != b.low_confidence) return !a.low_confidence;
    return a.drug < b.drug;
}

std::vector<KeyedAlteration> keyed_alterations(const Report& r) {
    std::vector<KeyedAlteration> out;
    KeyIndex index;
    for (const auto& f : r.findings) {
        AlterationPresence p{State::present, f.vaf, std::nullopt, f.depth, "", kb_ids(f.matches)};
        add(out, index, {small_variant_key(f), "small_variant", f.csq.gene, std::move(p)});
    }
    for (const auto& f : r.copy_number) {
        if (!f.cn.assessed || f.cn.cn_class == CnClass::neutral) continue;
        AlterationPresence p{State::present,           std::nullopt,     f.cn.min_cn, std::nullopt,
                             to_string(f.cn.cn_class), kb_ids(f.matches)};
        add(out, index, {f.cn.gene + " " + to_string(f.cn.cn_class), "copy_number", f.cn.gene, std::move(p)});
    }
    for (const auto& f : r.fusions) {
        if (f.fusion.gene5.empty() && f.fusion.gene3.empty()) continue;
        AlterationPresence p{State::present, std::nullopt, std::nullopt, std::nullopt, "", kb_ids(f.matches)};
        add(out, index,
            {fusion_key(f.fusion), "fusion", f.fusion.gene3.empty() ? f.fusion.gene5 : f.fusion.gene3, std::move(p)});
    }
    return out;
}

Comparison compare_reports(const Report& baseline, const Report& progression,
                           const std::vector<std::string>& therapy_history) {
    Comparison c;
    c.alterations = compare_alterations(baseline, progression);
    c.verdicts = compare_verdicts(baseline, progression, therapy_history);
    for (const auto& v : c.verdicts) {
        if (v.given || !verdict_for(progression, v.drug)) continue;
        c.remaining.push_back({0,
                               v.drug,
                               v.drug_class,
                               v.generation,
                               v.after,
                               v.before,
                               v.strength_after,
                               v.low_confidence_after,
                               v.rule_after,
                               {}});
        c.remaining.back().silent_on_acquired = silent_on_acquired(c.remaining.back(), progression, c.alterations);
    }
    std::stable_sort(c.remaining.begin(), c.remaining.end(), remaining_option_order);
    for (std::size_t i = 0; i < c.remaining.size(); ++i) c.remaining[i].rank = static_cast<int>(i) + 1;
    return c;
}

}  // namespace rvanno
