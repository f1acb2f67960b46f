// Phase of alleles from the VCF genotype (stage 3, match/). The rules:
/*  Phase rules
    ===========

    Each allele carries its record's GT and FORMAT/PS for the chosen sample and its own GT allele
    number (1 = the record's first ALT). Its haplotypes are the GT positions holding that number
    (0|1 -> haplotype 2; 1|0 -> haplotype 1; 1|1 -> both).

    cis      The two alleles share a haplotype: both GTs are phased ('|' throughout) in the same
             phase set and their haplotypes overlap; or either allele is on every haplotype of
             its GT (1/1, 1|1, phased or not: a homozygous ALT lies on every copy, so the other
             allele shares one with it).
    trans    Both GTs phased in the same phase set, each allele on some haplotype, none shared.
    unknown  Anything else: a GT missing (MAF input, no FORMAT/GT, a VCF without samples), a GT
             with a no-call, an unphased heterozygous GT (0/1), phased GTs in different phase
             sets, or one with a PS and one without.

    Phase set: FORMAT/PS when the record has it. A phased GT without PS is taken to belong to
    the one phase set of all PS-less phased genotypes of its contig, as the VCF specification
    (4.2, 4.3: "all phased genotypes that do not contain a PS subfield are assumed to belong to
    the same phased set") says; read-backed phasers (WhatsHap, HapCUT2, GATK's Mutect2 and
    HaplotypeCaller) write PS, so a PS-less phased GT usually comes from a whole-chromosome
    (statistical or trio) phasing. The why text says which convention decided.

    A compound match is in cis with its partners when it is in cis with every `requires` partner;
    in trans when in trans with every one; unknown otherwise. Against one partner: cis if any
    allele carrying the partner's change is in cis with it, else trans if any is in trans, else
    unknown. */
#include "match/phase.hpp"

#include <algorithm>

#include "base/strings.hpp"

namespace rvanno {

std::string to_string(Phase p) {
    switch (p) {
        case Phase::cis:
            return "cis";
        case Phase::trans:
            return "trans";
        case Phase::unknown:
            break;
    }
    return "unknown";
}

namespace {

struct Genotype {
    std::vector<std::string> alleles;  // "0", "1", "." per haplotype
    bool phased{false};                // every separator is '|' (and at least two haplotypes)
};

Genotype parse_gt(const std::string& gt) {
    Genotype g;
    bool any_unphased = false;
    std::string cur;
    for (char c : gt) {
        if (c == '/' || c == '|') {
            any_unphased = any_unphased || c == '/';
            g.alleles.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!gt.empty()) g.alleles.push_back(cur);
    g.phased = g.alleles.size() >= 2 && !any_unphased;
    return g;
}

// 1-based haplotype numbers holding `allele`.
std::vector<int> haplotypes(const Genotype& g, int allele) {
    std::vector<int> out;
    const std::string want = std::to_string(allele);
    for (std::size_t i = 0; i < g.alleles.size(); ++i)
        if (g.alleles[i] == want) out.push_back(static_cast<int>(i) + 1);
    return out;
}

std::string hap_words(const std::vector<int>& h) {
    std::vector<std::string> v;
    for (int i : h) v.push_back(std::to_string(i));
    return (h.size() == 1 ? "haplotype " : "haplotypes ") + join(v, "+");
}

bool has_no_call(const Genotype& g) {
    return std::any_of(g.alleles.begin(), g.alleles.end(), [](const std::string& a) { return a == "." || a.empty(); });
}

std::string ps_words(const AlleleFinding& f) { return f.phase_set ? "PS " + std::to_string(*f.phase_set) : "no PS"; }

}  // namespace

PhaseCall phase_between(const AlleleFinding& a, const AlleleFinding& b) {
    if (a.genotype.empty() || b.genotype.empty() || a.gt_allele <= 0 || b.gt_allele <= 0)
        return {Phase::unknown, "no genotype (GT) to read the phase from"};
    const Genotype ga = parse_gt(a.genotype), gb = parse_gt(b.genotype);
    const auto ha = haplotypes(ga, a.gt_allele), hb = haplotypes(gb, b.gt_allele);
    const bool a_all = !has_no_call(ga) && ga.alleles.size() >= 2 && ha.size() == ga.alleles.size();
    const bool b_all = !has_no_call(gb) && gb.alleles.size() >= 2 && hb.size() == gb.alleles.size();
    if (a_all || b_all)
        return {Phase::cis, "GT " + (a_all ? a.genotype : b.genotype) + ": homozygous, on every haplotype"};
    if (ha.empty() || hb.empty() || has_no_call(ga) || has_no_call(gb))
        return {Phase::unknown, "GT " + a.genotype + " and " + b.genotype + " (an allele not called)"};
    if (!ga.phased || !gb.phased)
        return {Phase::unknown, "unphased genotype (GT " + a.genotype + " and " + b.genotype + ")"};
    if (a.contig_name != b.contig_name) return {Phase::unknown, "different contigs"};
    if (a.phase_set != b.phase_set)
        return {Phase::unknown, "phased in different phase sets (" + ps_words(a) + " and " + ps_words(b) + ")"};
    const std::string set =
        a.phase_set ? "PS " + std::to_string(*a.phase_set) : "phased without PS, one phase set by the VCF convention";
    std::vector<int> shared;
    std::set_intersection(ha.begin(), ha.end(), hb.begin(), hb.end(), std::back_inserter(shared));
    if (!shared.empty()) return {Phase::cis, set + ": both on " + hap_words(shared)};
    return {Phase::trans, set + ": on " + hap_words(ha) + " and " + hap_words(hb)};
}

PhaseCall compound_phase(const AlleleFinding& f, const KnowledgeEntry& e, const std::vector<AlleleFinding>& findings) {
    std::vector<PhaseCall> per;
    for (const auto& r : e.requires_all) {
        std::vector<PhaseCall> calls;
        for (const auto& p : findings) {
            if (&p == &f || p.csq.gene != r.gene) continue;
            bool carries = p.csq.protein_change == r.protein_change;
            for (const auto& m : p.matches)
                carries = carries || (m.entry && m.entry->kind == AlterationKind::hgvs_p && !m.amino_acid_unknown &&
                                      m.entry->gene == r.gene && m.entry->protein_change == r.protein_change);
            if (carries) calls.push_back(phase_between(f, p));
        }
        const std::string who = r.gene + " p." + r.protein_change;
        auto pick = [&](Phase want) {
            return std::find_if(calls.begin(), calls.end(), [&](const PhaseCall& c) { return c.phase == want; });
        };
        if (auto c = pick(Phase::cis); c != calls.end())
            per.push_back({Phase::cis, "with " + who + ": " + c->why});
        else if (auto t = pick(Phase::trans); t != calls.end())
            per.push_back({Phase::trans, "with " + who + ": " + t->why});
        else
            per.push_back({Phase::unknown,
                           "with " + who + ": " + (calls.empty() ? "partner allele not found" : calls.front().why)});
    }
    if (per.empty()) return {};
    PhaseCall out{per.front().phase, ""};
    for (const auto& p : per) {
        if (p.phase != out.phase) out.phase = Phase::unknown;
        out.why += (out.why.empty() ? "" : "; ") + p.why;
    }
    return out;
}

std::string describe_compound_phases(const std::vector<AlleleFinding>& findings) {
    long n = 0, cis = 0, trans = 0;
    for (const auto& f : findings)
        for (const auto& m : f.matches)
            if (!m.phase.empty()) {
                ++n;
                cis += m.phase == "cis";
                trans += m.phase == "trans";
            }
    if (n == 0) return "";
    return std::to_string(n) + " compound match" + (n == 1 ? "" : "es") + ": " + std::to_string(cis) + " cis, " +
           std::to_string(trans) + " trans, " + std::to_string(n - cis - trans) +
           " unknown (phase from the genotype: GT phased with '|' and FORMAT/PS; a phased GT without PS counts as one "
           "phase set per contig, VCF 4.2/4.3; rows that need a phase decide only when it is known)";
}

void set_compound_phase(Match& m, const AlleleFinding& f, const std::vector<AlleleFinding>& findings) {
    if (!m.entry || m.entry->requires_all.empty()) return;
    const auto call = compound_phase(f, *m.entry, findings);
    m.phase = to_string(call.phase);
    m.phase_why = call.why;
    const std::string marker = " in the same sample";
    if (auto at = m.detail.find(marker); at != std::string::npos) m.detail.resize(at + marker.size());
    m.detail += " (phase " + m.phase + ": " + m.phase_why + ")";
}

}  // namespace rvanno
