#include "consequence/gene_copy_number.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace rvanno {
namespace {

constexpr double kArmLevelFraction = 0.98;  // GISTIC2.0 (Mermel 2011)

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

struct Valued {
    const CopyNumberSegment* seg;
    double cn;
};

std::int64_t overlap(std::int64_t b1, std::int64_t e1, std::int64_t b2, std::int64_t e2) {
    return std::max<std::int64_t>(0, std::min(e1, e2) - std::max(b1, b2));
}

std::int64_t exonic_length(const Transcript& tx) {
    std::int64_t n = 0;
    for (const auto& e : tx.exons) n += e.end - e.begin;
    return n;
}

// The run of consecutive segments (same contig, in position order) in class `cls` that
// contains segment index `i` of `sorted`.
std::pair<std::int64_t, std::int64_t> event_extent(const std::vector<Valued>& sorted, std::size_t i, CnClass cls,
                                                   const CnSettings& s) {
    std::size_t lo = i, hi = i;
    const auto& contig = sorted[i].seg->where.contig;
    while (lo > 0 && sorted[lo - 1].seg->where.contig == contig && classify_copy_number(sorted[lo - 1].cn, s) == cls)
        --lo;
    while (hi + 1 < sorted.size() && sorted[hi + 1].seg->where.contig == contig &&
           classify_copy_number(sorted[hi + 1].cn, s) == cls)
        ++hi;
    return {sorted[lo].seg->where.begin, sorted[hi].seg->where.end};
}

void add_focality(GeneCopyNumber& g, const Transcript& tx, const std::vector<Valued>& sorted,
                  const std::vector<ChromosomeArm>& arms, const CnSettings& s) {
    if (g.cn_class == CnClass::neutral) return;
    // the segment that set min_cn decides the event (it carries the gene's class)
    std::size_t anchor = sorted.size();
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const auto& w = sorted[i].seg->where;
        if (w.contig == tx.contig && w.begin < tx.tx_end && tx.tx_begin < w.end && sorted[i].cn == *g.min_cn)
            anchor = i;
    }
    if (anchor == sorted.size()) return;
    auto [b, e] = event_extent(sorted, anchor, g.cn_class, s);
    g.event_length = e - b;
    const std::int64_t mid = (tx.tx_begin + tx.tx_end) / 2;
    for (const auto& arm : arms) {
        if (arm.contig != tx.contig || mid < arm.begin || mid >= arm.end) continue;
        g.arm = arm.name;
        g.arm_fraction =
            static_cast<double>(overlap(b, e, arm.begin, arm.end)) / static_cast<double>(arm.end - arm.begin);
        g.focal = *g.arm_fraction < kArmLevelFraction;
    }
}

void set_class(GeneCopyNumber& g, const CnSettings& s) {
    g.cn_class = classify_copy_number(*g.min_cn, s);
    const double amp = s.thresholds.relative ? s.thresholds.amplification * s.ploidy : s.thresholds.amplification;
    g.partial = g.cn_class != CnClass::amplification && g.max_cn && *g.max_cn >= amp;
}

GeneCopyNumber from_segments(const Transcript& tx, const std::vector<Valued>& sorted,
                             const std::vector<ChromosomeArm>& arms, const CnSettings& s) {
    GeneCopyNumber g;
    g.gene = tx.gene;
    g.transcript = tx.accession;
    std::int64_t covered = 0;
    for (const auto& v : sorted) {
        const auto& w = v.seg->where;
        if (w.contig != tx.contig || !v.seg->gene.empty()) continue;
        std::int64_t here = 0;
        for (const auto& e : tx.exons) here += overlap(e.begin, e.end, w.begin, w.end);
        if (here == 0) continue;
        covered += here;
        g.min_cn = g.min_cn ? std::min(*g.min_cn, v.cn) : v.cn;
        g.max_cn = g.max_cn ? std::max(*g.max_cn, v.cn) : v.cn;
        g.sources.push_back(v.seg->source);
    }
    g.covered_fraction = std::min(1.0, static_cast<double>(covered) / static_cast<double>(exonic_length(tx)));
    g.assessed = g.min_cn.has_value();
    if (!g.assessed) return g;
    set_class(g, s);
    add_focality(g, tx, sorted, arms, s);
    return g;
}

// A cBioPortal discrete call (-2..2) gives the class, never a copy number; a copy number from
// another input, when there is one, keeps deciding the class. Two rows of one gene that
// disagree keep the stronger call (larger |call|) and both sources.
void add_discrete_call(GeneCopyNumber& g, const CopyNumberSegment& seg) {
    static constexpr CnClass kClass[] = {CnClass::deep_deletion, CnClass::loss, CnClass::neutral, CnClass::gain,
                                         CnClass::amplification};
    const int call = *seg.discrete;
    if (!g.discrete_call || std::abs(call) > std::abs(*g.discrete_call)) {
        g.discrete_call = call;
        if (!g.min_cn) g.cn_class = kClass[call + 2];
    }
    g.assessed = true;
    g.covered_fraction = 1.0;
    g.sources.push_back(seg.source);
}

}  // namespace

std::string describe_discrete_call(int call) {
    switch (call) {
        case -2:
            return "cBioPortal discrete call -2 (deep deletion)";
        case -1:
            return "cBioPortal discrete call -1 (shallow loss)";
        case 0:
            return "cBioPortal discrete call 0 (diploid)";
        case 1:
            return "cBioPortal discrete call 1 (gain)";
        case 2:
            return "cBioPortal discrete call 2 (high-level amplification)";
    }
    return "cBioPortal discrete call " + std::to_string(call);
}

void mark_skipped_lines(std::vector<GeneCopyNumber>& genes, const std::vector<Transcript>& transcripts,
                        const std::vector<SkippedLine>& skipped) {
    for (std::size_t i = 0; i < genes.size() && i < transcripts.size(); ++i) {
        const auto& tx = transcripts[i];
        for (const auto& s : skipped) {
            bool hit = !s.gene.empty() && s.gene == tx.gene;
            if (s.region && s.region->contig == tx.contig)
                for (const auto& e : tx.exons) hit = hit || overlap(e.begin, e.end, s.region->begin, s.region->end) > 0;
            if (hit) genes[i].skipped_lines.push_back(s.where);
        }
    }
}

std::string describe(const CnSettings& s) {
    const auto& t = s.thresholds;
    std::string unit = t.relative ? "x ploidy" : "";
    std::string out = std::string(t.relative ? "relative" : "absolute") +
                      ": amplification>=" + number(t.amplification) + unit + " gain>=" + number(t.gain) + unit +
                      " loss<=" + number(t.loss) + unit + " deep_deletion<" + number(t.deep_deletion) + "; ploidy " +
                      number(s.ploidy) + "; purity " +
                      (s.purity ? number(*s.purity) : std::string("not given (log2 taken as pure tumour)"));
    return out;
}

std::string amplification_threshold(const CnSettings& s) {
    const auto& t = s.thresholds;
    if (!t.relative) return number(t.amplification);
    return number(t.amplification * s.ploidy) + " (" + number(t.amplification) + "x ploidy " + number(s.ploidy) + ")";
}

std::optional<double> segment_copy_number(const CopyNumberSegment& seg, const CnSettings& s) {
    if (seg.copy_number) return seg.copy_number;
    if (seg.log2) return copy_number_from_log2(*seg.log2, s.purity, s.ploidy);
    return std::nullopt;
}

CnClass classify_copy_number(double cn, const CnSettings& s) {
    const auto& t = s.thresholds;
    const double k = t.relative ? s.ploidy : 1.0;
    if (cn < t.deep_deletion) return CnClass::deep_deletion;
    if (cn <= t.loss * k) return CnClass::loss;
    if (cn >= t.amplification * k) return CnClass::amplification;
    if (cn >= t.gain * k) return CnClass::gain;
    return CnClass::neutral;
}

std::vector<GeneCopyNumber> gene_copy_numbers(const std::vector<CopyNumberSegment>& segments,
                                              const std::vector<Transcript>& transcripts,
                                              const std::vector<ChromosomeArm>& arms, const CnSettings& settings) {
    std::vector<Valued> sorted;
    for (const auto& seg : segments)
        if (auto cn = segment_copy_number(seg, settings)) sorted.push_back({&seg, *cn});
    std::stable_sort(sorted.begin(), sorted.end(), [](const Valued& a, const Valued& b) {
        return std::tie(a.seg->where.contig, a.seg->where.begin) < std::tie(b.seg->where.contig, b.seg->where.begin);
    });
    std::vector<GeneCopyNumber> out;
    for (const auto& tx : transcripts) {
        GeneCopyNumber g = from_segments(tx, sorted, arms, settings);
        for (const auto& seg : segments)
            if (seg.discrete && seg.gene == tx.gene) add_discrete_call(g, seg);
        for (const auto& v : sorted) {
            if (v.seg->gene != tx.gene) continue;  // gene-level table row (PURPLE gene file)
            g.min_cn = g.min_cn ? std::min(*g.min_cn, v.cn) : v.cn;
            g.max_cn = g.max_cn ? std::max(*g.max_cn, v.cn) : v.cn;
            g.covered_fraction = 1.0;
            g.assessed = true;
            g.sources.push_back(v.seg->source);
            set_class(g, settings);
        }
        out.push_back(std::move(g));
    }
    return out;
}

}  // namespace rvanno
