// Rule g of the verdict rules (the others: interpret/verdict.cpp).
/*  Rule g    Phase. A compound row whose context says `phase=cis` or `phase=trans` applies
              only when its own allele and every `requires` partner were found in that phase
              (match/phase.cpp reads it from the VCF genotype: GT phased with '|', FORMAT/PS).
              Found in the other phase: the row does not apply ("needs ... in cis (found in
              trans: PS 55181378: on haplotype 1 and haplotype 2)"). Phase unknown (unphased
              GT, different phase sets, MAF input, no GT): the row does not apply either, but it
              is pending, and the drug is judged twice more, once as if the alleles were in
              cis (the pending cis rows apply, steps 2-5 run again) and once as if in trans.
                both phases give the call made without the pending rows -> that call stands;
                                                         the rule text adds that the phase is
                                                         unknown and does not change the call
                both phases give the same other call  -> that call "whatever the phase", at
                                                         the weaker of the two levels
                the phases give different calls        -> phase_decides: no call; the rule text
                                                         names each phase's call with its rows
                                                         ("in cis: resistant (level D: ...); in
                                                         trans: sensitive (...)") and why the
                                                         phase is unknown
              So EGFR T790M + C797S unphased is osimertinib- and erlotinib-resistant whatever the
              phase, while the erlotinib + osimertinib combination is phase_decides
              (Niederst 2015, DOI 10.1158/1078-0432.CCR-15-0560). */
#include "interpret/verdict_phase.hpp"

#include <algorithm>

#include "base/strings.hpp"

namespace rvanno::detail {

std::string with_phase(const std::string& base_why, const Match& m, bool& pending) {
    pending = false;
    const KnowledgeEntry& e = *m.entry;
    if (e.required_phase.empty() || m.phase == e.required_phase) return base_why;
    std::vector<std::string> partners;
    for (const auto& r : e.requires_all) partners.push_back(r.gene + " p." + r.protein_change);
    const std::string self = e.protein_change.empty() ? e.alteration : e.gene + " p." + e.protein_change;
    std::string why = "needs " + self + " in " + e.required_phase + " with " + join(partners, " and ") + " (";
    if (m.phase == "unknown" || m.phase.empty()) {
        why += "phase unknown: " + m.phase_why + ")";
        pending = base_why.empty();
    } else {
        why += "found in " + m.phase + ": " + m.phase_why + ")";
    }
    return base_why.empty() ? why : base_why + "; " + why;
}

namespace {

// "resistant (level D: resistance from A, B)" from a verdict's call and main clause.
std::string outcome(const DrugVerdict& v) {
    std::string s = to_string(v.call);
    if (v.call == VerdictCall::no_evidence) return s;
    std::string from;
    if (auto at = v.rule.find(", shows "); at != std::string::npos) {
        from = v.rule.substr(at + 8);
        from = from.substr(0, std::min(from.find("; "), from.find_last_of('.')));
    }
    return s + " (level " + (v.strength ? to_string(*v.strength) : std::string("?")) +
           (from.empty() ? "" : ": " + from) + ")";
}

std::string pending_words(const std::vector<PendingPhase>& pending) {
    std::vector<std::string> findings, rows;
    for (const auto& p : pending) {
        // p.why is with_phase()'s "needs ... (phase unknown: REASON)": keep REASON.
        std::string reason = p.why;
        if (auto at = reason.find("phase unknown: "); at != std::string::npos) reason = reason.substr(at + 15);
        if (!reason.empty() && reason.back() == ')') reason.pop_back();
        std::string f = p.finding + " (" + reason + ")";
        if (std::find(findings.begin(), findings.end(), f) == findings.end()) findings.push_back(f);
        rows.push_back(p.id + " [" + p.phase + "]");
    }
    return "the phase of " + join(findings, ", ") + " is unknown, so " + join(rows, ", ") +
           (rows.size() == 1 ? " does" : " do") + " not decide";
}

}  // namespace

DrugVerdict resolve_phase(DrugVerdict base, const std::vector<PendingPhase>& pending,
                          const std::function<DrugVerdict(const std::string&)>& evaluate) {
    if (pending.empty()) return base;
    const DrugVerdict cis = evaluate("cis"), trans = evaluate("trans");
    const std::string both = "in cis: " + outcome(cis) + "; in trans: " + outcome(trans);
    std::string sentence =
        base.rule.empty() || base.rule.back() != '.' ? base.rule : base.rule.substr(0, base.rule.size() - 1);
    if (cis.call == trans.call && cis.call == base.call) {
        base.rule =
            sentence + "; " + pending_words(pending) + "; either phase gives the same call (rule g: " + both + ").";
        return base;
    }
    if (cis.call == trans.call) {
        const DrugVerdict& weaker = cis.strength > trans.strength ? cis : trans;  // nullopt < any level
        base.call = cis.call;
        base.strength = weaker.strength;
        base.amp_tier = weaker.amp_tier;
        base.decided_by_unverified = cis.decided_by_unverified || trans.decided_by_unverified;
        base.rule = std::string(to_string(cis.call)) + " whatever the phase (rule g): " + both + "; " +
                    pending_words(pending) + "; without them: " + sentence + ".";
        base.rule[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(base.rule[0])));
        return base;
    }
    base.call = VerdictCall::phase_decides;
    base.strength.reset();
    base.amp_tier.clear();
    base.decided_by_unverified = false;
    base.rule = "Phase decides (rule g): " + both + "; " + pending_words(pending) +
                " and rvanno makes no call (phase the alleles: a read-backed phased VCF, GT with '|' and FORMAT/PS); "
                "without them: " +
                sentence + ".";
    return base;
}

}  // namespace rvanno::detail
