#include "consequence/transcript_map.hpp"

namespace rvanno {

TranscriptMap::TranscriptMap(const Transcript& tx) : tx_(tx) {
    for (const auto& e : tx.exons) length_ += e.end - e.begin;
    if (tx.is_coding()) {
        const bool plus = tx.strand == '+';
        cds_first_ = locate(plus ? tx.cds_begin : tx.cds_end - 1).anchor;
        cds_last_ = locate(plus ? tx.cds_end - 1 : tx.cds_begin).anchor;
    }
}

std::int64_t TranscriptMap::index_in_exon(std::size_t i, std::int64_t first, std::int64_t genomic) const {
    const Exon& e = exon(i);
    return first + (tx_.strand == '+' ? genomic - e.begin : e.end - 1 - genomic);
}

TxPosition TranscriptMap::locate(std::int64_t genomic) const {
    if (genomic < tx_.tx_begin || genomic >= tx_.tx_end) return locate_outside(genomic);
    const std::size_t n = tx_.exons.size();
    std::int64_t first = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Exon& e = exon(i);
        if (genomic >= e.begin && genomic < e.end)
            return {index_in_exon(i, first, genomic), 0, static_cast<int>(i) + 1, 0};
        first += e.end - e.begin;
        if (i + 1 == n) break;
        // Between this exon and the next one in transcript order: intronic.
        const Exon& next = exon(i + 1);
        const bool in_gap =
            tx_.strand == '+' ? genomic >= e.end && genomic < next.begin : genomic < e.begin && genomic >= next.end;
        if (in_gap) return locate_intronic(i, first, genomic);
    }
    return locate_outside(genomic);  // unreachable for a well-formed transcript
}

TxPosition TranscriptMap::locate_outside(std::int64_t genomic) const {
    const bool before = tx_.strand == '+' ? genomic < tx_.tx_begin : genomic >= tx_.tx_end;
    if (before) return {tx_.strand == '+' ? genomic - tx_.tx_begin : tx_.tx_end - 1 - genomic, 0, 0, 0};
    const std::int64_t beyond = tx_.strand == '+' ? genomic - tx_.tx_end : tx_.tx_begin - 1 - genomic;
    return {length_ + beyond, 0, 0, 0};
}

// HGVS: bases in the 5' half of an intron count from the upstream exon (+k), those in the
// 3' half from the downstream exon (-k); the middle base of an odd-length intron takes +.
TxPosition TranscriptMap::locate_intronic(std::size_t upstream, std::int64_t next_first, std::int64_t genomic) const {
    const Exon& up = exon(upstream);
    const Exon& down = exon(upstream + 1);
    const bool plus = tx_.strand == '+';
    const std::int64_t length = plus ? down.begin - up.end : up.begin - down.end;
    const std::int64_t from_up = plus ? genomic - up.end + 1 : up.begin - genomic;
    const std::int64_t from_down = length + 1 - from_up;
    const int intron = static_cast<int>(upstream) + 1;
    if (from_up <= from_down) return {next_first - 1, from_up, 0, intron};
    return {next_first, -from_down, 0, intron};
}

std::int64_t TranscriptMap::genomic_of(std::int64_t tx_index) const {
    const bool plus = tx_.strand == '+';
    if (tx_index < 0) return plus ? tx_.tx_begin + tx_index : tx_.tx_end - 1 - tx_index;
    if (tx_index >= length_) {
        const std::int64_t beyond = tx_index - length_;
        return plus ? tx_.tx_end + beyond : tx_.tx_begin - 1 - beyond;
    }
    // The last exon whose 5'-most base is at or before tx_index (0 <= tx_index < length_).
    const std::size_t n = tx_.exons.size();
    std::size_t i = 0;
    std::int64_t first = 0;
    while (i + 1 < n) {
        const std::int64_t next_first = first + (exon(i).end - exon(i).begin);
        if (next_first > tx_index) break;
        first = next_first;
        ++i;
    }
    const std::int64_t into = tx_index - first;
    return plus ? exon(i).begin + into : exon(i).end - 1 - into;
}

TxPart TranscriptMap::part(std::int64_t tx_index) const {
    if (tx_index < cds_first_) return TxPart::utr5;
    return tx_index <= cds_last_ ? TxPart::cds : TxPart::utr3;
}

std::string TranscriptMap::hgvs_number(const TxPosition& p) const {
    std::string out;
    const std::int64_t a = p.anchor;
    if (tx_.is_coding()) {
        if (a < cds_first_)
            out = "-" + std::to_string(cds_first_ - a);
        else if (a <= cds_last_)
            out = std::to_string(a - cds_first_ + 1);
        else
            out = "*" + std::to_string(a - cds_last_);
    } else {
        if (a < 0)
            out = "-" + std::to_string(-a);
        else if (a < length_)
            out = std::to_string(a + 1);
        else
            out = "*" + std::to_string(a - length_ + 1);
    }
    if (p.offset > 0) out += "+" + std::to_string(p.offset);
    if (p.offset < 0) out += std::to_string(p.offset);
    return out;
}

}  // namespace rvanno
