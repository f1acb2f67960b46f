// Stage 4, interpret/: takes a sample's Report (findings with their matches) and its context;
// gives one DrugVerdict per drug the findings touch. The rules follow.
/*  Verdict rules
    =============

    A verdict says what all the evidence of one sample, taken together, means for one drug. It
    is built from the matches already in the report (small variants, compound rows, copy
    number, fusions) and the sample's context (--tumor-type, --driver, drivers detected in the
    report, --therapy-history). Nothing is matched again here, and no evidence is dropped: a
    row that does not decide is still listed under the drug, with the reason.

    Which drugs get a verdict
              Every drug a matched row names, expanded: a class row (drugs.tsv class `class`,
              e.g. ALK_TKI) stands for every member of the class. The drug's class (its
              drugs.tsv `class`; for a class row without members, the class itself) is then
              "touched", and EVERY member of a touched class gets a verdict, so that a drug
              without evidence shows as no_evidence next to its neighbours instead of being
              missing. Classes come ALK_TKI first, then by class id (byte order); drugs within a
              class by generation (drugs without one last), then id. A drug or class id that
              drugs.tsv does not know (only possible with a hand-made knowledge base) is its
              own one-drug class.

    Step 1    Context. A row whose `context` is not met (a required driver neither declared
              nor detected; a tumour-type limit that the sample's --tumor-type is not in, or
              no --tumor-type at all) does not apply: applies=false, why_not says what is
              missing and how to supply it. It never decides and never supersedes. Nor does a
              row matched only with its amino acid unknown (Match::amino_acid_unknown: a
              substitution at the row's codon whose protein change rvanno could not tell, see
              match/matcher.cpp): why_not is "amino acid unknown - give --fasta" (em dash in
              the output), and the row stands on no protein change. A row that one finding
              matched so and another finding matched for sure counts. Nor does a row of effect
              no_resistance (CIViC "Does Not Support" resistance: absence of evidence for
              resistance, not evidence of sensitivity): listed, why_not kNoResistance. A CIViC
              row (status civic) otherwise counts; in step 4 it ranks like an unverified row.
              When a driver is met (declared with --driver or detected in the report):
              verdict_context.cpp. A compound row that needs a phase (phase=cis|trans): rule g,
              verdict_phase.cpp.

    Step 2    Compound rows outrank their parts (rule b). Each applying compound row (one
              with `requires`) stands on a set of alterations: its own protein change and the
              required ones ("ALK:G1202R", "ALK:L1196M"). An applying row for the SAME drug
              that stands on a strict subset of that set (a single-alteration row matched by
              one of the member alleles, or a smaller compound) is superseded by it
              (superseded=true, superseded_by = the compound's id; the largest compound wins
              when several apply). Superseded rows do not decide. So G1202R + I1171N + L1196M
              is lorlatinib-resistant through ALK-G1202R_I1171N_L1196M-lorlatinib-1, not
              sensitive through the G1202R rows. Rows that stand on no protein change (copy
              number, fusions, lof/missense without a known change) are never superseded.
              The status rule holds here too: an UNVERIFIED compound supersedes only unverified
              rows, never a verified one (unverified evidence never outranks verified evidence,
              step 4). When such a verified row then decides a call that the unverified compound
              contradicts, the call is low_confidence and the rule text names the compound: the
              verified row was shown for fewer of the alterations, the compound's claim was not
              read. So G1202R + L1196M stays lorlatinib-sensitive through the verified G1202R row
              (D), flagged, because ALK-G1202R_L1196M-lorlatinib-1 (Yoda 2018) is unverified E.
              Step 3 (rule a) follows the same status rule: an unverified on-target resistance
              row sets aside only unverified sensitivity rows (driver or same-gene); a verified
              sensitivity row it would have set aside keeps counting and, if it then decides,
              the call is low_confidence with the same note (verdict_compound.cpp).

    Step 3    On-target resistance outranks driver sensitivity (rule a). When any applying,
              not superseded row for the drug has mechanism `on_target` and effect resistance
              or reduced_sensitivity, the drug's sensitivity rows of mechanism `driver` (the
              fusion or driver-mutation rows that make the drug the standard of care) are set
              aside whatever their level: they describe the tumour before the resistance
              mutation arose, and a level-A approval must not mask a level-C resistance
              mutation. They stay listed.
              The same holds inside one gene, at any level: an on_target sensitivity row is set
              aside when an applying, not superseded on_target resistance or
              reduced_sensitivity row of the SAME gene stands on a protein change that the
              sensitivity row does not stand on (a co-occurring alteration). So EGFR T790M +
              C797S is not osimertinib-sensitive through T790M's level-A approval: C797S's
              resistance rows decide; the rule text names the alterations and says that their
              phase (cis/trans) was not used by this rule (rows that need a phase: rule g). Rows
              standing on no protein change (copy number, fusions) do not trigger this
              same-gene rule, and a sensitivity row whose own alterations include every
              resistance allele is not set aside by it (same-alteration conflicts stay with
              step 4).

    Step 4    The strongest level decides (rules d, e). Status first (rule e, the status rule
              of db/README.md): when any applying, not superseded, not set-aside row for the
              drug is verified, unverified rows do not decide, whatever their level; those at
              or above the best verified level are named in the rule text as outranked
              ("verified rows outrank unverified rows of the same level" / "... at any
              level"), weaker ones as weaker evidence. Unverified rows decide only when no
              verified row counts, and the verdict is then decided_by_unverified: the rule text
              ends "decided by UNVERIFIED evidence only (rule e)", and every verdict format
              says so (TSV verdict table column decided_by_unverified, JSON field, HTML badge).
              Of the rows that may decide, the best evidence level (A > B > C > D > E) is
              found; only rows of that level decide. The deciding rows then give the call:
                all sensitivity                          -> sensitive
                resistance, reduced_sensitivity or       -> resistant if any row says
                no_benefit only                             resistance, else
                                                            reduced_sensitivity (no_benefit
                                                            counts against the drug but is
                                                            not proof of resistance)
                sensitivity AND any of the others        -> conflicting (never a silent pick)
              Opposite evidence at a weaker level does not make a conflict; the rule text
              names it as outranked. `strength` is the deciding level.
              `amp_tier` is the call's AMP tier for the sample's --tumor-type: Tier I-A if any
              deciding row's is, else the first deciding row's (amp_tier(row, tumour type):
              level A from another or an unknown tumour type is Tier II-C; db/README.md).

    Step 5    Bypass lowers confidence for the whole class (rule c). An applying, not
              superseded row of mechanism `bypass` or `downstream` with effect resistance or
              reduced_sensitivity shows a resistance route that does not depend on the drug's
              binding site, so it speaks against every drug of the class. Every member of
              that drug's class gets low_confidence=true, whatever its call; the row itself
              still counts in step 4 for the drug it names (a level-B bypass row can decide,
              or be outranked by level-A sensitivity). A sensitive call therefore stays
              sensitive but is flagged, and its rule text says which finding lowered it.
              Bypass/downstream rows (and ALK amplification) apply only with the driver the
              class targets (db/README.md: `driver=ALK fusion`, `driver=EGFR mutation`,
              `driver=BRAF V600`), so BRAF V600E, EGFR L858R or ALK amplification alone gives
              no ALK-TKI verdict and MET amplification alone no EGFR-TKI verdict (step 1).

    Step 6    No applicable evidence -> no_evidence (rule f), strength empty. The rule text
              says whether no row named the drug or which contexts were missing.

    The rule text is one sentence: the call, the deciding level and row ids, then each rule
    that changed the outcome (set aside, superseded, outranked, lowered confidence, not
    applying). `evidence` lists every row bearing on the drug in this order: deciding rows,
    other applying rows, rows set aside by rule a, superseded rows, rows that do not apply;
    within each group by level, verified first, then report order. A row matched by several
    findings is listed once, its findings joined with "; ".

    Therapy history (already_given, history_position): verdict_context.cpp.
*/
#include "rvanno/verdict.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "consequence/fusion_annotation.hpp"
#include "interpret/interpret.hpp"
#include "interpret/verdict_compound.hpp"
#include "interpret/verdict_context.hpp"
#include "interpret/verdict_decide.hpp"
#include "interpret/verdict_phase.hpp"

namespace rvanno {

namespace {

using detail::counts;
using detail::is_for;
using detail::is_resistance;
using detail::Item;
using detail::Items;
using detail::row;

// Step 1: why a matched row does not apply ("" = it applies).
const char* const kNoResistance = "no_resistance: evidence of no resistance is shown, never decides";
std::string why_not(const Match& m, const SampleContext& ctx) {
    if (m.amino_acid_unknown) return kAminoAcidUnknown;
    if (m.entry->effect == Effect::no_resistance) return kNoResistance;
    return detail::context_not_met(*m.entry, ctx);
}

class Collector {
public:
    Collector(const KnowledgeBase& kb, const SampleContext& ctx) : kb_(kb), ctx_(ctx) {}

    std::map<std::string, Items> by_drug;  // drug id -> its evidence
    std::set<std::string> classes;         // touched classes

    // The class a drug id belongs to: its drugs.tsv class, or itself for a class row.
    std::string class_of(const std::string& id) const {
        const Drug* d = kb_.drug(id);
        if (!d) return id;
        return d->is_class() ? d->id : d->drug_class;
    }
    // The drugs of a class; a class without members (or an unknown id) is its own member.
    std::vector<std::string> members(const std::string& klass) const {
        std::vector<std::string> out;
        for (const auto& [id, d] : kb_.drugs)
            if (!d.is_class() && d.drug_class == klass) out.push_back(id);
        if (out.empty()) out.push_back(klass);
        return out;
    }

    void add(const Match& m, const std::string& finding, std::vector<std::string> parts) {
        if (!m.entry) return;
        std::sort(parts.begin(), parts.end());
        parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
        for (const auto& named : m.entry->drugs) {
            const Drug* d = kb_.drug(named);
            classes.insert(class_of(named));
            auto expanded = d && d->is_class() ? members(named) : std::vector<std::string>{named};
            for (const auto& drug : expanded) add_one(drug, m, finding, parts);
        }
    }

private:
    const KnowledgeBase& kb_;
    const SampleContext& ctx_;

    void add_one(const std::string& drug, const Match& m, const std::string& finding,
                 const std::vector<std::string>& parts) {
        auto& items = by_drug[drug];
        auto same = std::find_if(items.begin(), items.end(), [&](const Item& i) { return i.ev.entry == m.entry; });
        if (same != items.end()) {
            if (same->ev.finding.find(finding) == std::string::npos) same->ev.finding += "; " + finding;
            if (!same->ev.applies) {  // a sure match, or one in the phase the row needs, counts
                Item again = item(m, finding, parts);
                if (again.ev.applies || (again.phase_pending && !same->phase_pending)) {
                    std::swap(same->ev.why_not, again.ev.why_not);
                    same->ev.applies = again.ev.applies;
                    same->ev.phase = again.ev.phase;
                    same->base_why = again.base_why;
                    same->phase_pending = again.phase_pending;
                }
            }
            std::vector<std::string> merged;
            std::set_union(same->parts.begin(), same->parts.end(), parts.begin(), parts.end(),
                           std::back_inserter(merged));
            same->parts = std::move(merged);
            return;
        }
        items.push_back(item(m, finding, parts));
    }

    Item item(const Match& m, const std::string& finding, const std::vector<std::string>& parts) const {
        Item i;
        i.ev.entry = m.entry;
        i.ev.finding = finding;
        i.ev.how = m.how;
        i.ev.phase = m.phase;
        i.base_why = why_not(m, ctx_);
        i.ev.why_not = detail::with_phase(i.base_why, m, i.phase_pending);
        i.ev.applies = i.ev.why_not.empty();
        i.parts = parts;
        return i;
    }
};

void collect(const Report& report, Collector& c) {
    for (const auto& f : report.findings) {
        for (const auto& m : f.matches) {
            if (!m.entry) continue;
            std::string change = f.csq.protein_change;
            if (change.empty() && m.entry->kind == AlterationKind::hgvs_p && !m.amino_acid_unknown)
                change = m.entry->protein_change;
            std::vector<std::string> parts;
            std::string finding = f.csq.gene + " " + (change.empty() ? f.csq.hgvs_c : "p." + change);
            if (!change.empty()) parts.push_back(m.entry->gene + ":" + change);
            for (const auto& r : m.entry->requires_all) {
                parts.push_back(r.gene + ":" + r.protein_change);
                finding += " + " + r.gene + " p." + r.protein_change;
            }
            c.add(m, finding, std::move(parts));
        }
    }
    for (const auto& cn : report.copy_number)
        for (const auto& m : cn.matches) {
            const char* what = m.how == MatchHow::deletion ? " deep deletion"
                               : m.how == MatchHow::loss   ? " loss"
                                                           : " amplification";
            c.add(m, cn.cn.gene + what, {});
        }
    for (const auto& f : report.fusions)
        for (const auto& m : f.matches) { c.add(m, partners(f.fusion) + " fusion", {}); }
}

// Step 5: a class's bypass/downstream resistance, row ids by finding, in report order.
using Bypass = std::vector<std::pair<std::string, std::vector<std::string>>>;

void add_bypass(const Items& items, Bypass& out) {
    for (const auto& i : items) {
        if (!counts(i) || !(row(i).mechanism == "bypass" || row(i).mechanism == "downstream") ||
            !is_resistance(row(i).effect))
            continue;
        auto f = std::find_if(out.begin(), out.end(), [&](const auto& b) { return b.first == i.ev.finding; });
        if (f == out.end()) f = out.insert(out.end(), {i.ev.finding, {}});
        if (std::find(f->second.begin(), f->second.end(), row(i).id) == f->second.end()) f->second.push_back(row(i).id);
    }
}

// "MET amplification (MET-amp-alectinib-1, MET-amp-lorlatinib-1)"
std::vector<std::string> described(const Bypass& b) {
    std::vector<std::string> out;
    for (const auto& [finding, ids] : b) {
        std::string s = finding + " (";
        for (std::size_t k = 0; k < ids.size(); ++k) s += (k ? ", " : "") + ids[k];
        out.push_back(s + ")");
    }
    return out;
}

}  // namespace

std::vector<DrugVerdict> compute_verdicts(const Report& report, const KnowledgeBase& kb, const SampleContext& context) {
    Collector c(kb, context);
    collect(report, c);
    const std::map<std::string, Items> before_steps = c.by_drug;  // rule g judges again from here

    std::map<std::string, Bypass> class_bypass;
    for (auto& [drug, items] : c.by_drug) {
        detail::supersede(items);
        detail::set_aside_sensitivity(items);
        add_bypass(items, class_bypass[c.class_of(drug)]);
    }

    std::vector<std::string> classes(c.classes.begin(), c.classes.end());
    std::stable_partition(classes.begin(), classes.end(), [](const std::string& k) { return k == "ALK_TKI"; });

    std::vector<DrugVerdict> out;
    for (const auto& klass : classes) {
        auto drugs = c.members(klass);
        std::sort(drugs.begin(), drugs.end(), [&](const std::string& a, const std::string& b) {
            const Drug* da = kb.drug(a);
            const Drug* db = kb.drug(b);
            auto ga = da ? da->generation : std::nullopt;
            auto gb = db ? db->generation : std::nullopt;
            if (ga.has_value() != gb.has_value()) return ga.has_value();
            if (ga != gb) return *ga < *gb;
            return a < b;
        });
        auto bypass = described(class_bypass[klass]);
        for (const auto& drug : drugs) {
            auto judge = [&](const Items& items) {  // steps 4-6
                std::vector<Evidence> evidence;
                std::vector<std::string> aside;
                for (const auto& i : items) evidence.push_back(i.ev), aside.push_back(i.set_aside);
                return detail::decide(drug, klass, std::move(evidence), aside, bypass, context.tumor_type);
            };
            std::vector<detail::PendingPhase> pending;  // rule g
            for (const auto& i : c.by_drug[drug])
                if (i.phase_pending) pending.push_back({row(i).id, row(i).required_phase, i.ev.finding, i.ev.why_not});
            auto v = detail::resolve_phase(judge(c.by_drug[drug]), pending, [&](const std::string& phase) {
                Items s = before_steps.at(drug);  // the drug has items: it has pending rows
                for (auto& i : s)
                    if (i.phase_pending && row(i).required_phase == phase) i.ev.applies = true, i.ev.why_not.clear();
                detail::supersede(s);
                detail::set_aside_sensitivity(s);
                return judge(s);
            });
            if (auto note = detail::contested_by_unverified(c.by_drug[drug], v.call); !note.empty()) {
                v.low_confidence = true;
                v.rule += note;
            }
            v.class_name = detail::class_display_name(kb, klass);
            if (const Drug* d = kb.drug(drug)) {
                v.generation = d->generation;
                v.history_position = detail::history_position(*d, context.therapy_history);
            } else if (auto p = std::find(context.therapy_history.begin(), context.therapy_history.end(), drug);
                       p != context.therapy_history.end()) {
                v.history_position = static_cast<int>(p - context.therapy_history.begin()) + 1;
            }
            v.already_given = v.history_position.has_value();
            out.push_back(std::move(v));
        }
    }
    return out;
}

}  // namespace rvanno
