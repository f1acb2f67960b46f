#include "consequence/hgvs_c.hpp"

#include <limits>

#include "base/dna.hpp"

namespace rvanno {
namespace {

struct Bounds {
    std::int64_t begin, end;
    bool contains(std::int64_t g) const { return g >= begin && g < end; }
};

// The exon, intron or flank of the transcript that holds genomic base `g`.
Bounds feature_of(std::int64_t g, const Transcript& tx) {
    constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    if (g < tx.tx_begin) return {kMin, tx.tx_begin};
    for (std::size_t i = 0; i < tx.exons.size(); ++i) {
        if (g < tx.exons[i].end) {
            if (g >= tx.exons[i].begin) return {tx.exons[i].begin, tx.exons[i].end};
            return {tx.exons[i - 1].end, tx.exons[i].begin};
        }
    }
    return {tx.tx_end, kMax};
}

}  // namespace

Edit shift_to_3prime(const Edit& e, const TranscriptMap& map, CachedReference& ref) {
    if (!e.is_indel()) return e;
    const Transcript& tx = map.transcript();
    const bool plus = tx.strand == '+';
    // The base on the 5' side of an insertion, or the first deleted base, fixes the feature.
    const std::int64_t anchor = e.is_insertion() ? (plus ? e.pos - 1 : e.pos) : e.pos;
    const Bounds f = feature_of(anchor, tx);
    if (e.is_deletion() && !f.contains(e.end() - 1)) return e;
    return plus ? shift_right(e, ref, f.end) : shift_left(e, ref, f.begin);
}

bool is_duplication(const Edit& e, const TranscriptMap& map, CachedReference& ref) {
    if (!e.is_insertion()) return false;
    const auto n = static_cast<std::int64_t>(e.ins.size());
    const bool plus = map.transcript().strand == '+';
    auto before = plus ? ref.bases(e.pos - n, e.pos) : ref.bases(e.pos, e.pos + n);
    return before && *before == e.ins;
}

std::string hgvs_c(const Edit& e, const TranscriptMap& map, bool duplication) {
    const bool plus = map.transcript().strand == '+';
    auto at = [&](std::int64_t g) { return map.hgvs_number(map.locate(g)); };
    // Genomic [b, end) written 5'->3' on the transcript: "X_Y", or "X" for one base.
    auto range = [&](std::int64_t b, std::int64_t end) {
        const std::int64_t first = plus ? b : end - 1, last = plus ? end - 1 : b;
        return first == last ? at(first) : at(first) + "_" + at(last);
    };
    auto seq = [&](const std::string& s) { return plus ? s : reverse_complement(s); };
    const std::string prefix = map.hgvs_prefix();
    if (e.del.size() == 1 && e.ins.size() == 1) return prefix + at(e.pos) + seq(e.del) + ">" + seq(e.ins);
    if (e.is_deletion()) return prefix + range(e.pos, e.end()) + "del";
    if (e.is_insertion()) {
        const auto n = static_cast<std::int64_t>(e.ins.size());
        if (duplication) return prefix + (plus ? range(e.pos - n, e.pos) : range(e.pos, e.pos + n)) + "dup";
        const std::int64_t five = plus ? e.pos - 1 : e.pos, three = plus ? e.pos : e.pos - 1;
        return prefix + at(five) + "_" + at(three) + "ins" + seq(e.ins);
    }
    return prefix + range(e.pos, e.end()) + "delins" + seq(e.ins);
}

}  // namespace rvanno
