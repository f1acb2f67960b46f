// Steps 4 to 6 of the verdict rules (interpret/verdict.cpp): the strongest level decides,
// verified before unverified, opposite directions at that level conflict; the bypass flag;
// and the one-sentence rule text naming every rule that shaped the call. Also to_string(VerdictCall).
#include "interpret/verdict_decide.hpp"

#include <algorithm>
#include <map>

#include "base/strings.hpp"

namespace rvanno {

std::string to_string(VerdictCall c) {
    switch (c) {
        case VerdictCall::resistant:
            return "resistant";
        case VerdictCall::reduced_sensitivity:
            return "reduced_sensitivity";
        case VerdictCall::sensitive:
            return "sensitive";
        case VerdictCall::conflicting:
            return "conflicting";
        case VerdictCall::no_evidence:
            return "no_evidence";
        case VerdictCall::phase_decides:
            return "phase_decides";
    }
    return "?";
}

}  // namespace rvanno

namespace rvanno::detail {
namespace {

// Evidence groups in the order they are listed under the drug.
enum class Group { deciding, other, set_aside, superseded, not_applying };

bool against(Effect e) { return e != Effect::sensitivity; }

std::string effect_words(Effect e) {
    switch (e) {
        case Effect::resistance:
            return "resistance";
        case Effect::reduced_sensitivity:
            return "reduced sensitivity";
        case Effect::sensitivity:
            return "sensitivity";
        case Effect::no_benefit:
            return "no benefit";
        case Effect::no_resistance:
            return "no resistance";
    }
    return "?";
}

class Decision {
public:
    Decision(std::vector<Evidence> ev, const std::vector<std::string>& aside)
        : ev_(std::move(ev)), group_(ev_.size()), aside_(aside) {
        aside_.resize(ev_.size());
        for (std::size_t i = 0; i < ev_.size(); ++i)
            group_[i] = !ev_[i].applies      ? Group::not_applying
                        : ev_[i].superseded  ? Group::superseded
                        : !aside_[i].empty() ? Group::set_aside
                                             : Group::other;
        // Status rule (rule e): when any verified row counts, only verified rows compete for the
        // best level; unverified rows at that level or above it do not decide.
        bool any_verified = false;
        for (std::size_t i = 0; i < ev_.size(); ++i)
            if (group_[i] == Group::other && ev_[i].entry->verified) any_verified = true;
        for (std::size_t i = 0; i < ev_.size(); ++i)
            if (group_[i] == Group::other && (ev_[i].entry->verified || !any_verified) && (!best_ || level(i) < *best_))
                best_ = level(i);
        if (!best_) return;
        for (std::size_t i = 0; i < ev_.size(); ++i) {
            if (group_[i] != Group::other || level(i) > *best_) continue;
            if (any_verified && !ev_[i].entry->verified) {
                unverified_outranked_.push_back(i);
                if (level(i) < *best_) unverified_above_ = true;
            } else {
                group_[i] = Group::deciding;
            }
        }
        decided_by_unverified_ = !any_verified;
    }

    bool decided_by_unverified() const { return decided_by_unverified_; }

    VerdictCall call() const {
        bool for_ = false, against_ = false, resistance = false;
        for (auto i : in(Group::deciding)) {
            auto e = ev_[i].entry->effect;
            (against(e) ? against_ : for_) = true;
            resistance = resistance || e == Effect::resistance;
        }
        if (for_ && against_) return VerdictCall::conflicting;
        if (for_) return VerdictCall::sensitive;
        if (against_) return resistance ? VerdictCall::resistant : VerdictCall::reduced_sensitivity;
        return VerdictCall::no_evidence;
    }

    std::optional<EvidenceLevel> best() const { return best_; }
    const std::vector<Evidence>& evidence() const { return ev_; }

    std::vector<std::size_t> in(Group g) const {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < ev_.size(); ++i)
            if (group_[i] == g) out.push_back(i);
        return out;
    }

    std::string rule(VerdictCall c, const std::string& drug, const std::string& klass,
                     const std::vector<std::string>& class_bypass) const {
        std::vector<std::string> parts = {main_clause(c, drug)};
        std::vector<std::pair<std::string, std::vector<std::size_t>>> by_reason;
        for (auto i : in(Group::set_aside)) {
            auto it =
                std::find_if(by_reason.begin(), by_reason.end(), [&](const auto& r) { return r.first == aside_[i]; });
            if (it == by_reason.end())
                by_reason.push_back({aside_[i], {i}});
            else
                it->second.push_back(i);
        }
        for (const auto& [why, rows] : by_reason) parts.push_back(why + ", so " + ids(rows) + not_deciding(rows));
        std::map<std::string, std::vector<std::size_t>> by_compound;
        for (auto i : in(Group::superseded)) by_compound[ev_[i].superseded_by].push_back(i);
        for (const auto& [compound, rows] : by_compound)
            parts.push_back("compound row " + compound + " outranks its single parts (rule b): " + ids(rows) +
                            " superseded");
        if (c != VerdictCall::conflicting && c != VerdictCall::no_evidence) {
            std::vector<std::size_t> weaker;
            for (auto i : in(Group::other))
                if (against(ev_[i].entry->effect) != (c != VerdictCall::sensitive) &&
                    std::find(unverified_outranked_.begin(), unverified_outranked_.end(), i) ==
                        unverified_outranked_.end())
                    weaker.push_back(i);
            if (!weaker.empty())
                parts.push_back("weaker opposite evidence outranked by the stronger level (rule d): " +
                                ids_levels(weaker));
        }
        if (!unverified_outranked_.empty())
            parts.push_back(std::string(unverified_above_
                                            ? "verified rows outrank unverified rows at any level (rule e)"
                                            : "verified rows outrank unverified rows of the same level (rule e)") +
                            ", so " + ids(unverified_outranked_) + not_deciding(unverified_outranked_));
        if (decided_by_unverified_ && c != VerdictCall::no_evidence)
            parts.push_back("decided by UNVERIFIED evidence only (rule e): no verified row applies");
        if (!class_bypass.empty())
            parts.push_back(std::string(c == VerdictCall::sensitive ? "sensitive but " : "") +
                            "low confidence for the whole " + klass +
                            " class (rule c): bypass/downstream resistance from " + join(class_bypass, ", "));
        if (auto n = in(Group::not_applying); !n.empty()) parts.push_back(not_applying(n));
        auto sentence = join(parts, "; ");
        return sentence + ".";
    }

private:
    std::vector<Evidence> ev_;
    std::vector<Group> group_;
    std::optional<EvidenceLevel> best_;
    std::vector<std::string> aside_;
    std::vector<std::size_t> unverified_outranked_;
    bool unverified_above_{false};  // an outranked unverified row had a better level than the deciding one
    bool decided_by_unverified_{false};

    EvidenceLevel level(std::size_t i) const { return ev_[i].entry->level; }

    std::string ids(const std::vector<std::size_t>& rows) const {
        std::vector<std::string> v;
        for (auto i : rows) v.push_back(ev_[i].entry->id);
        return join(v, ", ");
    }
    static const char* not_deciding(const std::vector<std::size_t>& rows) {
        return rows.size() == 1 ? " does not decide" : " do not decide";
    }
    std::string ids_levels(const std::vector<std::size_t>& rows) const {
        std::vector<std::string> v;
        for (auto i : rows)
            v.push_back(ev_[i].entry->id + " (" + to_string(level(i)) + ", " + effect_words(ev_[i].entry->effect) +
                        ")");
        return join(v, ", ");
    }

    std::string main_clause(VerdictCall c, const std::string& drug) const {
        auto deciding = in(Group::deciding);
        std::string lv = best_ ? to_string(*best_) : "";
        switch (c) {
            case VerdictCall::conflicting: {
                std::vector<std::size_t> pro, con;
                for (auto i : deciding) (against(ev_[i].entry->effect) ? con : pro).push_back(i);
                return "Conflicting (rule d): the strongest applicable evidence, level " + lv +
                       ", disagrees: " + ids_effects(con) + " against sensitivity from " + ids(pro) +
                       "; rvanno does not pick a side";
            }
            case VerdictCall::no_evidence:
                return ev_.empty() ? "No evidence (rule f): no matched row names " + drug +
                                         " (listed because another drug of its class has evidence)"
                                   : "No evidence (rule f): no matched row for " + drug + " applies to this sample";
            default:
                break;
        }
        const char* name = c == VerdictCall::sensitive   ? "Sensitive"
                           : c == VerdictCall::resistant ? "Resistant"
                                                         : "Reduced sensitivity";
        return std::string(name) + ": the strongest applicable evidence, level " + lv + ", shows " +
               ids_effects(deciding);
    }

    // "resistance from A, B and reduced sensitivity from C"
    std::string ids_effects(const std::vector<std::size_t>& rows) const {
        std::vector<std::string> v;
        for (Effect e : {Effect::resistance, Effect::reduced_sensitivity, Effect::no_benefit, Effect::sensitivity}) {
            std::vector<std::size_t> of;
            for (auto i : rows)
                if (ev_[i].entry->effect == e) of.push_back(i);
            if (!of.empty()) v.push_back(effect_words(e) + " from " + ids(of));
        }
        return join(v, " and ");
    }

    std::string not_applying(const std::vector<std::size_t>& rows) const {
        std::vector<std::pair<std::string, std::vector<std::size_t>>> by_reason;
        for (auto i : rows) {
            auto it = std::find_if(by_reason.begin(), by_reason.end(),
                                   [&](const auto& r) { return r.first == ev_[i].why_not; });
            if (it == by_reason.end())
                by_reason.push_back({ev_[i].why_not, {i}});
            else
                it->second.push_back(i);
        }
        std::vector<std::string> v;
        for (const auto& [why, rows_] : by_reason) v.push_back(ids(rows_) + " [" + why + "]");
        return "not applying to this sample: " + join(v, ", ");
    }
};

}  // namespace

DrugVerdict decide(const std::string& drug, const std::string& klass, std::vector<Evidence> evidence,
                   const std::vector<std::string>& set_aside, const std::vector<std::string>& class_bypass,
                   const std::string& tumor_type) {
    Decision d(std::move(evidence), set_aside);
    DrugVerdict v;
    v.drug = drug;
    v.drug_class = klass;
    v.call = d.call();
    if (v.call != VerdictCall::no_evidence) {
        v.strength = d.best();
        v.decided_by_unverified = d.decided_by_unverified();
        // The tier of the call: Tier I-A when a deciding row is, else the first deciding row's.
        for (auto i : d.in(Group::deciding)) {
            auto t = amp_tier(*d.evidence()[i].entry, tumor_type);
            if (v.amp_tier.empty() || t == amp_tier(EvidenceLevel::A)) v.amp_tier = t;
        }
    }
    v.low_confidence = !class_bypass.empty();
    v.rule = d.rule(v.call, drug, klass, class_bypass);
    for (Group g : {Group::deciding, Group::other, Group::set_aside, Group::superseded, Group::not_applying}) {
        auto rows = d.in(g);
        std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
            const auto& ea = *d.evidence()[a].entry;
            const auto& eb = *d.evidence()[b].entry;
            if (ea.level != eb.level) return ea.level < eb.level;
            return ea.verified && !eb.verified;
        });
        for (auto i : rows) v.evidence.push_back(d.evidence()[i]);
    }
    return v;
}

}  // namespace rvanno::detail
