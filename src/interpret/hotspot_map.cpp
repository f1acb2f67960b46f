#include "interpret/hotspot_map.hpp"

#include <algorithm>

#include "base/hgvs_c_position.hpp"
#include "consequence/transcript_map.hpp"

namespace rvanno {
namespace {

GenomicBases from_bases(const std::string& contig, std::vector<std::int64_t> bases) {
    GenomicBases out;
    out.bases = bases;
    std::sort(bases.begin(), bases.end());
    bases.erase(std::unique(bases.begin(), bases.end()), bases.end());
    for (std::int64_t b : bases) {
        if (!out.parts.empty() && out.parts.back().end == b)
            ++out.parts.back().end;
        else
            out.parts.push_back(Region{contig, b, b + 1});
    }
    out.span = Region{contig, bases.front(), bases.back() + 1};
    return out;
}

std::int64_t tx_index_of(const CPosition& p, const TranscriptMap& map) {
    if (p.region == '-') return map.cds_first() - p.number;
    if (p.region == '*') return map.cds_last() + p.number;
    return map.cds_first() + p.number - 1;
}

// The genomic base of a c. position; nullopt unless the forward mapping (locate +
// hgvs_number) gives the same position back, so that no coordinate is made up from an
// offset on an anchor that is not at an exon boundary.
std::optional<std::int64_t> genomic_of(const CPosition& p, const std::string& text, const TranscriptMap& map) {
    const bool plus = map.transcript().strand == '+';
    std::int64_t g = map.genomic_of(tx_index_of(p, map));
    g += plus ? p.offset : -p.offset;
    if (map.hgvs_number(map.locate(g)) != text) return std::nullopt;
    return g;
}

}  // namespace

std::optional<GenomicBases> residue_range_bases(const Transcript& tx, int first, int last) {
    if (!tx.is_coding() || first < 1 || last < first) return std::nullopt;
    const TranscriptMap map(tx);
    const std::int64_t begin = map.cds_first() + (static_cast<std::int64_t>(first) - 1) * 3;
    const std::int64_t end = map.cds_first() + static_cast<std::int64_t>(last) * 3;  // exclusive
    if (end - 1 > map.cds_last() || end > map.length()) return std::nullopt;
    std::vector<std::int64_t> bases;
    for (std::int64_t i = begin; i < end; ++i) bases.push_back(map.genomic_of(i));
    return from_bases(tx.contig, std::move(bases));
}

std::optional<GenomicBases> codon_bases(const Transcript& tx, int residue) {
    return residue_range_bases(tx, residue, residue);
}

std::string hgvs_c_position(const std::string& hgvs_c) {
    if (hgvs_c.rfind("c.", 0) != 0) return {};
    std::size_t i = 2;
    const auto a = parse_c_position(hgvs_c, i);
    if (!a) return {};
    if (i < hgvs_c.size() && hgvs_c[i] == '_') {
        ++i;
        if (!parse_c_position(hgvs_c, i)) return {};
    }
    return hgvs_c.substr(0, i);
}

std::optional<GenomicBases> hgvs_c_bases(const Transcript& tx, const std::string& hgvs_c) {
    if (!tx.is_coding() || hgvs_c.rfind("c.", 0) != 0) return std::nullopt;
    const TranscriptMap map(tx);
    std::size_t i = 2;
    const std::size_t a_from = i;
    const auto a = parse_c_position(hgvs_c, i);
    if (!a) return std::nullopt;
    const std::string a_text = hgvs_c.substr(a_from, i - a_from);
    std::optional<CPosition> b;
    std::string b_text;
    if (i < hgvs_c.size() && hgvs_c[i] == '_') {
        const std::size_t b_from = ++i;
        b = parse_c_position(hgvs_c, i);
        if (!b) return std::nullopt;
        b_text = hgvs_c.substr(b_from, i - b_from);
    }
    const auto ga = genomic_of(*a, a_text, map);
    if (!ga) return std::nullopt;
    if (!b) return from_bases(tx.contig, {*ga});
    const auto gb = genomic_of(*b, b_text, map);
    if (!gb) return std::nullopt;
    // Never expand a range wider than the transcript's genomic span (a bad knowledge row or a
    // hand-written c. range could otherwise ask for billions of bases).
    if ((*gb > *ga ? *gb - *ga : *ga - *gb) > tx.tx_end - tx.tx_begin) return std::nullopt;
    std::vector<std::int64_t> bases;
    if (a->offset == 0 && b->offset == 0) {
        // Both exonic: the bases between them in the spliced transcript.
        const std::int64_t ia = tx_index_of(*a, map), ib = tx_index_of(*b, map);
        if (ib < ia || ib - ia >= map.length()) return std::nullopt;
        for (std::int64_t k = ia; k <= ib; ++k) bases.push_back(map.genomic_of(k));
    } else {
        const bool plus = tx.strand == '+';
        if (plus ? *gb < *ga : *gb > *ga) return std::nullopt;
        for (std::int64_t g = *ga; plus ? g <= *gb : g >= *gb; g += plus ? 1 : -1) bases.push_back(g);
    }
    return from_bases(tx.contig, std::move(bases));
}

}  // namespace rvanno
