#include "consequence/footprint.hpp"

#include <algorithm>

namespace rvanno {
namespace {

struct Span {
    std::int64_t begin, end;
    bool overlaps(std::int64_t b, std::int64_t e) const { return std::max(begin, b) < std::min(end, e); }
};

void keep_first(int& slot, int number) {
    if (slot == 0 || number < slot) slot = number;
}

void mark_exon(Footprint& f, const TranscriptMap& map, std::size_t gi, Span s) {
    const Transcript& tx = map.transcript();
    const Exon& ex = tx.exons[gi];
    const std::size_t n = tx.exons.size();
    const bool plus = tx.strand == '+';
    if (!s.overlaps(ex.begin, ex.end)) return;
    f.exonic = true;
    keep_first(f.exon, static_cast<int>(plus ? gi + 1 : n - gi));
    if (tx.is_coding()) {
        const Span in{std::max(s.begin, ex.begin), std::min(s.end, ex.end)};
        f.cds |= in.overlaps(tx.cds_begin, tx.cds_end);
        const bool low = in.begin<tx.cds_begin, high = in.end> tx.cds_end;
        f.utr5 |= plus ? low : high;
        f.utr3 |= plus ? high : low;
    }
    // Exonic bases next to an intron belong to the splice region.
    if (gi > 0 && s.overlaps(ex.begin, ex.begin + 3)) f.splice_region = true;
    if (gi + 1 < n && s.overlaps(ex.end - 3, ex.end)) f.splice_region = true;
}

void mark_intron(Footprint& f, const TranscriptMap& map, std::size_t gi, Span s) {
    const Transcript& tx = map.transcript();
    const std::int64_t lo = tx.exons[gi].end, hi = tx.exons[gi + 1].begin;
    if (!s.overlaps(lo, hi)) return;
    const bool plus = tx.strand == '+';
    f.intronic = true;
    keep_first(f.intron, static_cast<int>(plus ? gi + 1 : tx.exons.size() - 1 - gi));
    const Span in{std::max(s.begin, lo), std::min(s.end, hi)};
    const bool low_site = in.overlaps(lo, lo + 2), high_site = in.overlaps(hi - 2, hi);
    (plus ? f.donor : f.acceptor) |= low_site;
    (plus ? f.acceptor : f.donor) |= high_site;
    if (in.overlaps(lo + 2, lo + 8) || in.overlaps(hi - 8, hi - 2)) f.splice_region = true;
}

Footprint footprint_of_span(Span s, const TranscriptMap& map) {
    const Transcript& tx = map.transcript();
    Footprint f;
    f.outside = s.begin < tx.tx_begin || s.end > tx.tx_end;
    for (std::size_t gi = 0; gi < tx.exons.size(); ++gi) {
        mark_exon(f, map, gi, s);
        if (gi + 1 < tx.exons.size()) mark_intron(f, map, gi, s);
    }
    if (tx.is_coding())
        for (std::int64_t k = 0; k < 3; ++k) {
            const std::int64_t g = map.genomic_of(map.cds_first() + k);
            f.touches_start |= g >= s.begin && g < s.end;
        }
    return f;
}

// An insertion lies in a site or region only when both of its neighbours do; one at an
// exon/intron junction, or between a splice site and its region, is splice_region.
Footprint footprint_of_point(std::int64_t pos, const TranscriptMap& map) {
    const Footprint a = footprint_of_span({pos - 1, pos}, map);
    const Footprint b = footprint_of_span({pos, pos + 1}, map);
    Footprint f;
    f.outside = a.outside || b.outside;
    f.exonic = a.exonic && b.exonic;
    f.intronic = a.intronic && b.intronic;
    f.splice_boundary = (a.exonic && b.intronic) || (a.intronic && b.exonic);
    f.donor = a.donor && b.donor;
    f.acceptor = a.acceptor && b.acceptor;
    auto near_site = [](const Footprint& x) { return x.splice_region || x.donor || x.acceptor; };
    f.splice_region = f.splice_boundary || (near_site(a) && near_site(b) && !f.donor && !f.acceptor);
    if (f.exonic) {
        f.cds = a.cds && b.cds;
        f.utr5 = !f.cds && (a.utr5 || b.utr5);
        f.utr3 = !f.cds && (a.utr3 || b.utr3);
        f.touches_start = a.touches_start && b.touches_start;
    }
    f.exon = a.exon && b.exon ? std::min(a.exon, b.exon) : std::max(a.exon, b.exon);
    f.intron = std::max(a.intron, b.intron);
    return f;
}

}  // namespace

Footprint footprint(const Edit& e, const TranscriptMap& map) {
    if (e.is_insertion()) return footprint_of_point(e.pos, map);
    return footprint_of_span({e.pos, e.end()}, map);
}

}  // namespace rvanno
