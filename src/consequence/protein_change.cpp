// HGVS p. rules applied here (HGVS recommendations, protein section):
// * residues are numbered from the initiating Met = 1; the stop is "Ter";
// * a change of Met1 is written p.Met1? (the effect of a lost start cannot be predicted);
// * a change whose first altered residue is a stop is a nonsense variant, p.Arg123Ter,
//   also when it comes from an insertion, delins or frameshift;
// * deletions and insertions are shifted to the most C-terminal position (3' rule) and an
//   insertion that copies the residues just before it is a duplication;
// * frameshifts name the first changed residue and count to the new stop, which is 1 for the
//   changed residue (p.Arg97ProfsTer23); extensions count from the old stop (p.Ter110GlnextTer17).
#include "consequence/protein_change.hpp"

#include "base/codon_table.hpp"

namespace rvanno {
namespace {

class Translation {
public:
    Translation(const CodingEdit& e, const CdsBases& ref)
        : edit_(e), ref_(ref), delta_(static_cast<std::int64_t>(e.ins.size()) - (e.end - e.begin)) {}

    std::optional<char> ref_aa(std::int64_t k) const { return codon(k, false); }
    std::optional<char> alt_aa(std::int64_t k) const { return codon(k, true); }
    std::int64_t delta() const { return delta_; }

    // Residues [from, to) as a string, or nullopt if any is unknown.
    std::optional<std::string> residues(std::int64_t from, std::int64_t to, bool alt) const {
        std::string out;
        for (std::int64_t k = from; k < to; ++k) {
            auto aa = codon(k, alt);
            if (!aa) return std::nullopt;
            out += *aa;
        }
        return out;
    }

private:
    const CodingEdit& edit_;
    const CdsBases& ref_;
    std::int64_t delta_;

    std::optional<char> alt_base(std::int64_t i) const {
        if (i < edit_.begin) return ref_(i);
        const auto n = static_cast<std::int64_t>(edit_.ins.size());
        if (i < edit_.begin + n) return edit_.ins[static_cast<std::size_t>(i - edit_.begin)];
        return ref_(i - delta_);
    }
    std::optional<char> codon(std::int64_t k, bool alt) const {
        std::string c;
        for (std::int64_t i = 3 * k; i < 3 * k + 3; ++i) {
            auto b = alt ? alt_base(i) : ref_(i);
            if (!b) return std::nullopt;
            c += *b;
        }
        return translate_codon(c);
    }
};

std::string residue(char aa, std::int64_t k) { return three_letter(aa) + std::to_string(k + 1); }

std::string three_letters(const std::string& aas) {
    std::string out;
    for (char aa : aas) out += three_letter(aa);
    return out;
}

// Index of the first stop at or after residue `from` in the changed protein, if any.
std::optional<std::int64_t> next_alt_stop(const Translation& t, std::int64_t from) {
    for (std::int64_t k = from;; ++k) {
        auto aa = t.alt_aa(k);
        if (!aa) return std::nullopt;
        if (*aa == '*') return k;
    }
}

ProteinEffect extension(const Translation& t, std::int64_t k, char new_aa) {
    auto stop = next_alt_stop(t, k + 1);
    return {"p." + residue('*', k) + three_letter(new_aa) + "extTer" + (stop ? std::to_string(*stop - k) : "?"),
            {"stop_lost"},
            '*'};
}

// Verdicts that decide the whole description from the first changed residue.
std::optional<ProteinEffect> first_residue_rules(const Translation& t, std::int64_t k, char ref, char alt) {
    if (k == 0 && ref == 'M') return ProteinEffect{"p.Met1?", {"start_lost"}, ref};
    if (alt == '*') return ProteinEffect{"p." + residue(ref, k) + "Ter", {"stop_gained"}, ref};
    if (ref == '*') return extension(t, k, alt);
    return std::nullopt;
}

ProteinEffect frameshift(const Translation& t, std::int64_t k) {
    for (;; ++k) {
        auto ref = t.ref_aa(k), alt = t.alt_aa(k);
        if (!ref || !alt) return {};
        if (*ref != *alt) break;
        if (*ref == '*') return {"p." + residue('*', k) + "=", {}, '*'};
    }
    const char ref = *t.ref_aa(k), alt = *t.alt_aa(k);
    if (auto rule = first_residue_rules(t, k, ref, alt)) return *rule;
    auto stop = next_alt_stop(t, k + 1);
    return {
        "p." + residue(ref, k) + three_letter(alt) + "fsTer" + (stop ? std::to_string(*stop - k + 1) : "?"), {}, ref};
}

ProteinEffect deletion(const Translation& t, std::int64_t s, std::int64_t n) {
    for (auto next = t.ref_aa(s + n), first = t.ref_aa(s); next && first && *next == *first && *first != '*';
         ++s, next = t.ref_aa(s + n), first = t.ref_aa(s)) {}
    std::string p = "p." + residue(*t.ref_aa(s), s);
    if (n > 1) p += "_" + residue(*t.ref_aa(s + n - 1), s + n - 1);
    return {p + "del", {}, t.ref_aa(s)};
}

// `ins` goes between residues s-1 and s.
ProteinEffect insertion(const Translation& t, std::int64_t s, std::string ins) {
    for (auto next = t.ref_aa(s); next && *next == ins.front() && *next != '*'; ++s, next = t.ref_aa(s))
        ins = ins.substr(1) + ins.front();
    const auto n = static_cast<std::int64_t>(ins.size());
    if (s >= n && t.residues(s - n, s, false) == ins) {
        std::string p = "p." + residue(ins.front(), s - n);
        if (n > 1) p += "_" + residue(ins.back(), s - 1);
        return {p + "dup", {}, t.ref_aa(s - n)};
    }
    auto before = t.ref_aa(s - 1), after = t.ref_aa(s);
    if (!before || !after) return {};
    return {"p." + residue(*before, s - 1) + "_" + residue(*after, s) + "ins" + three_letters(ins), {}, before};
}

ProteinEffect nonsense(char ref, std::int64_t k) { return {"p." + residue(ref, k) + "Ter", {"stop_gained"}, ref}; }

ProteinEffect substitution(std::int64_t s, const std::string& r, const std::string& a) {
    ProteinEffect out{"p." + residue(r.front(), s), {}, r.front()};
    if (r.size() == 1 && a.size() == 1) {
        out.hgvs_p += three_letter(a.front());
        out.terms = {"missense_variant"};
        return out;
    }
    if (r.size() > 1) out.hgvs_p += "_" + residue(r.back(), s + static_cast<std::int64_t>(r.size()) - 1);
    out.hgvs_p += "delins" + three_letters(a);
    if (a.find('*') != std::string::npos) out.terms = {"stop_gained"};
    return out;
}

// r/a: the reference and changed residues from residue s on, shared ends trimmed away.
ProteinEffect in_frame_change(const Translation& t, std::int64_t s, const std::string& r, const std::string& a) {
    if (r.empty() && a.empty()) {
        auto aa = t.ref_aa(s);
        if (!aa) return {};
        return {"p." + residue(*aa, s) + "=", {"synonymous_variant"}, aa};
    }
    if (r.empty()) {
        auto at = t.ref_aa(s);
        if (!at) return {};
        if (a.front() == '*') return nonsense(*at, s);
        ProteinEffect out = insertion(t, s, a);
        if (a.back() == '*') out.terms = {"stop_gained"};  // e.g. p.Pro6_Gly7insTrpTer
        return out;
    }
    if (s == 0 && r.front() == 'M') return {"p.Met1?", {"start_lost"}, 'M'};
    if (!a.empty() && a.front() == '*') return nonsense(r.front(), s);
    if (r.front() == '*') {
        auto next = t.alt_aa(s);
        if (!next) return {"", {"stop_lost"}, '*'};
        if (*next == '*') return {"p." + residue('*', s) + "=", {}, '*'};
        return extension(t, s, *next);
    }
    if (r.find('*') != std::string::npos && a.find('*') == std::string::npos)
        return {"", {"stop_lost"}, r.front()};  // the stop is lost further along: no p.
    if (a.empty()) return deletion(t, s, static_cast<std::int64_t>(r.size()));
    return substitution(s, r, a);
}

ProteinEffect in_frame(const Translation& t, const CodingEdit& e) {
    const std::int64_t k0 = e.begin / 3;
    const std::int64_t ref_end = e.end > e.begin ? (e.end - 1) / 3 + 1 : (e.begin % 3 == 0 ? k0 : k0 + 1);
    auto r = t.residues(k0, ref_end, false);
    auto a = t.residues(k0, ref_end + t.delta() / 3, true);
    if (!r || !a) return {};
    if (auto stop = a->find('*'); stop != std::string::npos) a->resize(stop + 1);
    std::int64_t s = k0;
    while (!r->empty() && !a->empty() && r->front() == a->front()) {
        if (r->front() == '*') {
            r->clear();
            a->clear();
            break;
        }  // nothing after a kept stop
        r->erase(0, 1);
        a->erase(0, 1);
        ++s;
    }
    while (!r->empty() && !a->empty() && r->back() == a->back()) {
        r->pop_back();
        a->pop_back();
    }
    if (r->empty() && a->empty()) s = k0;  // synonymous: name the first affected codon
    ProteinEffect out = in_frame_change(t, s, *r, *a);
    if (out.terms.empty() && t.delta() == 0 && !out.hgvs_p.empty())
        out.terms = {"missense_variant"};  // a multi-residue substitution
    return out;
}

}  // namespace

ProteinEffect protein_effect(const CodingEdit& edit, const CdsBases& ref) {
    const Translation t(edit, ref);
    ProteinEffect out = t.delta() % 3 != 0 ? frameshift(t, edit.begin / 3) : in_frame(t, edit);
    out.ref_aa = t.ref_aa(edit.begin / 3);  // the residue of the first affected codon
    return out;
}

}  // namespace rvanno
