// Stage 3, match/: the CIViC layer's match restrictions (rules: match/restrict.hpp).
#include "match/restrict.hpp"

#include <algorithm>
#include <string>

#include "base/strings.hpp"

namespace rvanno {
namespace {

using K = MatchRestrict::Kind;

const MatchRestrict* find(const KnowledgeEntry& e, K kind) {
    for (const auto& r : e.civic().restrictions)
        if (r.kind == kind) return &r;
    return nullptr;
}

bool has_term(const Consequence& c, const char* term) {
    return std::find(c.terms.begin(), c.terms.end(), term) != c.terms.end();
}

// Allele length without the VCF padding base; a MAF's "-" is an empty allele.
long length(const std::string& s) { return s == "-" ? 0 : static_cast<long>(s.size()); }

// The net length change of the allele (alt - ref).
long net_change(const Allele& a) { return length(a.alt) - length(a.ref); }

// c.N+k (donor side of exon N's intron) or c.N-k (acceptor side); 0 for neither. The sign
// follows a digit, so c.-12 (5' UTR) is neither.
int intron_side(const std::string& hgvs_c) {
    for (std::size_t i = 3; i < hgvs_c.size(); ++i)
        if ((hgvs_c[i] == '+' || hgvs_c[i] == '-') && hgvs_c[i - 1] >= '0' && hgvs_c[i - 1] <= '9')
            return hgvs_c[i] == '+' ? 1 : -1;
    return 0;
}

std::optional<Match> exon_skipping(const Consequence& c, const KnowledgeEntry& e, int n) {
    const bool splice = has_term(c, "splice_donor_variant") || has_term(c, "splice_acceptor_variant") ||
                        has_term(c, "splice_region_variant");
    if (!splice) return std::nullopt;
    const int side = intron_side(c.hgvs_c);
    const bool at = c.exon == n || (c.intron == n && side > 0) || (c.intron == n - 1 && side < 0);
    if (!at) return std::nullopt;
    return Match{&e, MatchHow::range,
                 c.hgvs_c + " (" + c.terms.front() + ") at an exon " + std::to_string(n) +
                     " boundary: exon_skipping=" + std::to_string(n)};
}

}  // namespace

std::optional<Match> apply_allele_restrictions(const Allele& a, const Consequence& c, const KnowledgeEntry& e,
                                               std::optional<Match> route) {
    if (const auto* r = find(e, K::exon_skipping)) return exon_skipping(c, e, r->exon);
    if (!route) return route;
    const long d = net_change(a);
    for (const auto& r : e.civic().restrictions) {
        bool ok = true;
        switch (r.kind) {
            case K::deletion:
                ok = d < 0 && d % 3 == 0;
                break;
            case K::insertion:
                ok = d > 0 && d % 3 == 0;
                break;
            case K::frameshift:
                ok = d % 3 != 0 || has_term(c, "frameshift_variant");
                break;
            default:
                continue;
        }
        if (!ok) return std::nullopt;
        route->detail += (route->detail.empty() ? "" : "; ") + std::string("match_restrict ") + r.text + " met";
    }
    return route;
}

bool restriction_replaces_route(const KnowledgeEntry& e) { return find(e, K::exon_skipping) != nullptr; }

bool fusion_exons_allowed(const Fusion& f, const KnowledgeEntry& e, std::string& detail) {
    const auto* r = find(e, K::fusion_exons);
    if (!r) return true;
    const std::string want = "e" + std::to_string(r->exon5) + "-e" + std::to_string(r->exon3);
    if (f.order_known && f.exon5 && f.exon3) {
        if (*f.exon5 != r->exon5 || *f.exon3 != r->exon3) return false;
        detail += "; exons " + want + " confirmed";
    } else {
        detail += "; exons " + want + " (fusion_exons) not checked: the input gives no breakpoint exons";
    }
    return true;
}

void apply_fusion_partner_restrictions(std::vector<AlleleFinding>& findings,
                                       const std::vector<FusionFinding>& fusions) {
    for (auto& f : findings) {
        std::vector<Match> kept;
        for (auto& m : f.matches) {
            const auto* r = m.entry ? find(*m.entry, K::fusion) : nullptr;
            if (!r) {
                kept.push_back(std::move(m));
                continue;
            }
            const std::string want = r->gene5 + "::" + r->gene3;
            const Fusion* same = nullptr;
            bool other_known = false, unknown = false;
            for (const auto& ff : fusions) {
                const Fusion& x = ff.fusion;
                const bool with3 = x.gene3 == r->gene3 || (!x.order_known && x.gene5 == r->gene3);
                if (!with3) continue;
                const std::string& five = x.gene3 == r->gene3 ? x.gene5 : x.gene3;
                if (five.empty())
                    unknown = true;
                else if (five == r->gene5)
                    same = same ? same : &x;
                else
                    other_known = true;
            }
            std::string note;
            if (same)
                note = "fusion partner " + want + " confirmed";
            else if (other_known && !unknown)
                continue;  // the sample's r->gene3 fusions have other partners
            else if (unknown)
                note = "fusion partner " + want + " not checked (a " + r->gene3 +
                       " fusion of the input has no known 5' partner)";
            else
                note = "fusion partner " + want + " not checked (no " + r->gene3 + " fusion in the input)";
            m.detail += (m.detail.empty() ? "" : "; ") + note;
            kept.push_back(std::move(m));
        }
        f.matches = std::move(kept);
    }
}

}  // namespace rvanno
