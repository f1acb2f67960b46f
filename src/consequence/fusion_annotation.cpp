// Fusion annotation on the MANE transcripts of the run's build.
//
// 1. Partners. Junctions from fusion callers and lists (kind "arriba", "star-fusion", "list",
//    "linx", "cbioportal", "oncokb") keep the caller's names: gene5 = gene_a, gene3 = gene_b.
//    A junction marked unordered (cBioPortal, OncoKB: the input does not say which gene is
//    5') keeps the input's order with order_known = false: each named breakpoint is placed in
//    its gene (exon k, or intron k in intron5/intron3 alone, since the exon kept depends on the
//    unknown orientation), and rules 3 (by phases), 4 and 5 are not applied. Junctions from SV VCFs are read
//    from the transcripts whose span contains a breakend: a transcript can be the 5' partner
//    when the side its breakend keeps holds its 5' part ('+': keeps left; '-': keeps right),
//    and the 3' partner when the kept side holds its 3' part. Side a 5' with side b 3' (or the
//    reverse) is a sense fusion. When only one breakend is in a transcript, that side is the
//    5' or the 3' partner and the other partner is "" (unknown). Both breakends in the same
//    gene is an intragenic rearrangement, not a fusion: nothing is reported for it. Breakends
//    in different genes that give no sense reading (head-to-head, tail-to-tail) give one
//    Fusion with gene5 and gene3 empty, so the junction is still reported.
// 2. Exons, in transcript order (exon 1 is the 5'-most). The 5' partner breaking in intron k
//    keeps exons 1..k: exon5 = intron5 = k; breaking inside exon k: exon5 = k. The 3' partner
//    breaking in intron k resumes at exon k+1: intron3 = k, exon3 = k+1; inside exon k:
//    exon3 = k. A named partner is located only when its breakpoint lies in its transcript.
// 3. Frame. A "clean" break is intronic, or (as RNA callers report it) exactly on the splice
//    site: the last base of a 5' partner's exon, the first base of a 3' partner's exon. When
//    both breaks are clean and inside the CDS (coding bases on both sides of the join in both
//    transcripts), the fusion is in frame iff the CDS phase after the 5' partner's last kept
//    exon (coding bases of exons 1..exon5, mod 3) equals the phase before the 3' partner's
//    first kept exon (coding bases of exons 1..exon3-1, mod 3): frame_source "rvanno (intron
//    phases)". Otherwise the caller's reading frame is used when it says in-frame/INFRAME or
//    out-of-frame/FRAMESHIFT (frame_source "caller"); else in_frame stays unknown.
// 4. Kinase domain (only where an exon is sourced). ALK: fusions join the 5' partner to ALK
//    exon 20, which begins the part of ALK kept in EML4-ALK, the intracellular region with the
//    whole kinase domain: Soda et al., Nature 2007 (EML4-ALK); Takeuchi et al., Clin Cancer Res
//    2008;14(20):6618 ("all possible in-frame fusions of EML4 to exon 20 of ALK"); Shinmura et
//    al., Exp Ther Med 2010, doi:10.3892/etm_00000042 (EML4 "ligated to the intracellular
//    region" of ALK); Le, Varella-Garcia & Doebele, J Thorac Oncol 2012;7(12):e44,
//    doi:10.1097/JTO.0b013e31826bb94d ("the majority of ALK gene fusions occur at exon 20";
//    exon-19 fusions keep the transmembrane domain as well). So ALK as 3' partner from exon
//    20 or earlier retains it (true); a later start has no sourced answer (unknown).
// 5. Variant name: looked up by (gene5, exon5, gene3, exon3) in db/fusion_variants.tsv, only
//    for clean breaks (a break inside an exon fuses part of it, which the table does not name).
// 6. candidate: the junction came from an INV, DEL or DUP record and joins two named genes
//    (e.g. EML4-ALK by inv(2)(p21p23)): a fusion inferred from DNA, to be confirmed.
#include "consequence/fusion_annotation.hpp"

#include <algorithm>
#include <map>

#include "base/strings.hpp"
#include "consequence/fusion_annotation.hpp"

namespace rvanno {

namespace {

struct KinaseDomainStart {
    const char* gene;
    int first_exon;  // a 3' partner kept from this exon or earlier keeps the whole domain
};
constexpr KinaseDomainStart kKinaseDomains[] = {{"ALK", 20}};  // sources: rule 4 above

struct Site {
    int exon{0}, intron{0};                         // one of them non-zero, transcript order
    bool at_exon_start{false}, at_exon_end{false};  // transcript-order 5' / 3' base of the exon
};

std::optional<Site> locate(const Transcript& tx, const Breakend& b) {
    if (b.contig.empty() || b.contig != tx.contig || b.pos < tx.tx_begin || b.pos >= tx.tx_end) return std::nullopt;
    const int n = static_cast<int>(tx.exons.size());
    const bool plus = tx.strand == '+';
    for (int i = 0; i < n; ++i) {
        const Exon& e = tx.exons[static_cast<std::size_t>(i)];
        if (b.pos >= e.begin && b.pos < e.end) {
            Site s;
            s.exon = plus ? i + 1 : n - i;
            s.at_exon_start = b.pos == (plus ? e.begin : e.end - 1);
            s.at_exon_end = b.pos == (plus ? e.end - 1 : e.begin);
            return s;
        }
        if (i + 1 < n && b.pos >= e.end && b.pos < tx.exons[static_cast<std::size_t>(i) + 1].begin) {
            Site s;
            s.intron = plus ? i + 1 : n - i - 1;
            return s;
        }
    }
    return std::nullopt;
}

// Coding bases in exons 1..k (transcript order), k = 0..n.
std::vector<std::int64_t> cumulative_cds(const Transcript& tx) {
    std::vector<std::int64_t> per;
    for (const auto& e : tx.exons)
        per.push_back(std::max<std::int64_t>(0, std::min(e.end, tx.cds_end) - std::max(e.begin, tx.cds_begin)));
    if (tx.strand == '-') std::reverse(per.begin(), per.end());
    std::vector<std::int64_t> cum{0};
    for (auto v : per) cum.push_back(cum.back() + v);
    return cum;
}

// CDS phase at the join after exon k (coding bases of exons 1..k, mod 3) when coding bases lie
// on both sides of it.
std::optional<int> phase_after_exon(const Transcript& tx, int k) {
    if (!tx.is_coding() || k < 0 || k > static_cast<int>(tx.exons.size())) return std::nullopt;
    auto cum = cumulative_cds(tx);
    auto c = cum[static_cast<std::size_t>(k)];
    if (c <= 0 || c >= cum.back()) return std::nullopt;
    return static_cast<int>(c % 3);
}

std::optional<bool> caller_frame(const std::string& s) {
    const std::string l = lower(s);
    if (l == "in-frame" || l == "inframe" || l == "in_frame") return true;
    if (l == "out-of-frame" || l == "frameshift" || l == "out_of_frame") return false;
    return std::nullopt;
}

struct Partner {
    std::string gene;
    const Transcript* tx{nullptr};
    std::optional<Site> site;
};

bool is_named_kind(const Junction& j) {
    return j.kind == "arriba" || j.kind == "star-fusion" || j.kind == "list" || j.kind == "linx" ||
           j.kind == "cbioportal" || j.kind == "oncokb" || j.unordered;
}

class FusionAnnotator {
public:
    FusionAnnotator(const std::vector<Transcript>& transcripts, const std::vector<FusionVariant>& variants)
        : transcripts_(transcripts), variants_(variants) {
        for (const auto& tx : transcripts_) by_gene_.emplace(tx.gene, &tx);
    }
    void annotate(const Junction& j, std::vector<Fusion>& out) const {
        if (is_named_kind(j)) return out.push_back(named(j));
        auto ha = hits(j.a), hb = hits(j.b);
        if (ha.empty() && hb.empty()) return;
        if (ha.empty() || hb.empty()) {
            const Breakend& b = ha.empty() ? j.b : j.a;
            for (const Transcript* t : ha.empty() ? hb : ha) {
                Partner p{t->gene, t, locate(*t, b)};
                out.push_back(five_prime_side(*t, b) ? build(j, p, {}) : build(j, {}, p));
            }
            return;
        }
        bool any_pair = false, any_sense = false;
        for (const Transcript* ta : ha)
            for (const Transcript* tb : hb) {
                if (ta->gene == tb->gene) continue;
                any_pair = true;
                Partner pa{ta->gene, ta, locate(*ta, j.a)}, pb{tb->gene, tb, locate(*tb, j.b)};
                if (five_prime_side(*ta, j.a) && !five_prime_side(*tb, j.b)) {
                    out.push_back(build(j, pa, pb));
                    any_sense = true;
                } else if (five_prime_side(*tb, j.b) && !five_prime_side(*ta, j.a)) {
                    out.push_back(build(j, pb, pa));
                    any_sense = true;
                }
            }
        if (any_pair && !any_sense) out.push_back(build(j, {}, {}));
    }

private:
    const std::vector<Transcript>& transcripts_;
    const std::vector<FusionVariant>& variants_;
    std::map<std::string, const Transcript*> by_gene_;

    std::vector<const Transcript*> hits(const Breakend& b) const {
        std::vector<const Transcript*> out;
        for (const auto& tx : transcripts_)
            if (!b.contig.empty() && tx.contig == b.contig && b.pos >= tx.tx_begin && b.pos < tx.tx_end)
                out.push_back(&tx);
        return out;
    }
    // The kept side of `b` holds the 5' part of `tx` (else its 3' part).
    static bool five_prime_side(const Transcript& tx, const Breakend& b) { return (tx.strand == '+') == b.keeps_left; }

    Partner named_partner(const std::string& gene, const Breakend& b) const {
        Partner p{gene, nullptr, std::nullopt};
        auto it = by_gene_.find(gene);
        if (!gene.empty() && it != by_gene_.end()) {
            p.tx = it->second;
            p.site = locate(*p.tx, b);
        }
        return p;
    }
    Fusion named(const Junction& j) const {
        if (j.unordered) return unordered(j, named_partner(j.gene_a, j.a), named_partner(j.gene_b, j.b));
        return build(j, named_partner(j.gene_a, j.a), named_partner(j.gene_b, j.b));
    }
    static Fusion unordered(const Junction& j, const Partner& a, const Partner& b) {
        Fusion f;
        f.junction = j;
        f.order_known = false;
        f.gene5 = a.gene;
        f.gene3 = b.gene;
        if (a.tx) f.transcript5 = a.tx->accession;
        if (b.tx) f.transcript3 = b.tx->accession;
        if (a.site && a.site->exon) f.exon5 = a.site->exon;
        if (a.site && a.site->intron) f.intron5 = a.site->intron;
        if (b.site && b.site->exon) f.exon3 = b.site->exon;
        if (b.site && b.site->intron) f.intron3 = b.site->intron;
        f.in_frame = caller_frame(j.caller_frame);
        if (f.in_frame) f.frame_source = "caller";
        return f;
    }

    Fusion build(const Junction& j, const Partner& p5, const Partner& p3) const;
};

Fusion FusionAnnotator::build(const Junction& j, const Partner& p5, const Partner& p3) const {
    Fusion f;
    f.junction = j;
    f.gene5 = p5.gene;
    f.gene3 = p3.gene;
    if (p5.tx) f.transcript5 = p5.tx->accession;
    if (p3.tx) f.transcript3 = p3.tx->accession;
    bool clean5 = false, clean3 = false;
    if (p5.site) {
        f.exon5 = p5.site->exon ? p5.site->exon : p5.site->intron;
        if (p5.site->intron) f.intron5 = p5.site->intron;
        clean5 = p5.site->intron || p5.site->at_exon_end;
    }
    if (p3.site) {
        f.exon3 = p3.site->exon ? p3.site->exon : p3.site->intron + 1;
        if (p3.site->intron) f.intron3 = p3.site->intron;
        clean3 = p3.site->intron || p3.site->at_exon_start;
    }
    if (clean5 && clean3) {
        auto ph5 = phase_after_exon(*p5.tx, *f.exon5);
        auto ph3 = phase_after_exon(*p3.tx, *f.exon3 - 1);
        if (ph5 && ph3) {
            f.in_frame = *ph5 == *ph3;
            f.frame_source = "rvanno (intron phases)";
        }
    }
    if (!f.in_frame) {
        f.in_frame = caller_frame(j.caller_frame);
        if (f.in_frame) f.frame_source = "caller";
    }
    for (const auto& k : kKinaseDomains)
        if (f.gene3 == k.gene && f.exon3 && *f.exon3 <= k.first_exon) f.kinase_domain_retained = true;
    if (clean5 && clean3)
        for (const auto& v : variants_)
            if (v.gene5 == f.gene5 && v.exon5 == *f.exon5 && v.gene3 == f.gene3 && v.exon3 == *f.exon3) {
                f.variant_name = v.name;
                f.variant_source = v.citation;
            }
    f.candidate = (j.kind == "INV" || j.kind == "DEL" || j.kind == "DUP") && !f.gene5.empty() && !f.gene3.empty();
    return f;
}

}  // namespace

std::vector<Fusion> annotate_fusions(const std::vector<Junction>& junctions, const std::vector<Transcript>& transcripts,
                                     const std::vector<FusionVariant>& variants) {
    FusionAnnotator a(transcripts, variants);
    std::vector<Fusion> out;
    for (const auto& j : junctions) a.annotate(j, out);
    return out;
}

std::string partners(const Fusion& f) {
    auto name = [](const std::string& g) { return g.empty() ? std::string("?") : g; };
    if (!f.order_known) return name(f.gene5) + "-" + name(f.gene3) + " (5'/3' order not given)";
    return name(f.gene5) + "::" + name(f.gene3);
}

std::string breakpoints(const Fusion& f) {
    auto part = [](const std::string& g, std::optional<int> exon, std::optional<int> intron) {
        if (g.empty()) return std::string("?");
        if (exon) return g + " exon " + std::to_string(*exon);
        if (intron) return g + " intron " + std::to_string(*intron);
        return g;
    };
    if (!f.order_known)
        return part(f.gene5, f.exon5, f.intron5) + " / " + part(f.gene3, f.exon3, f.intron3) +
               " (5'/3' order not given)";
    return part(f.gene5, f.exon5, f.intron5) + " :: " + part(f.gene3, f.exon3, f.intron3);
}

std::vector<Fusion> annotate_fusions(const std::vector<Junction>& junctions,
                                     const std::vector<Transcript>& transcripts) {
    return annotate_fusions(junctions, transcripts, {});
}

}  // namespace rvanno
