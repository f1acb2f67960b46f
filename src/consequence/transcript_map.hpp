// A transcript's exons in transcript order and the mapping between genomic positions,
// spliced-transcript positions and HGVS c./n. positions. Private to src/consequence.
//
// "Transcript index" below is the 0-based position in the spliced transcript, counted from
// its 5' end (whatever the strand). Positions outside the transcript extrapolate: negative
// upstream, >= length() downstream, as HGVS numbers c.-N / c.*N beyond the ends.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "rvanno/transcript.hpp"

namespace rvanno {

// A genomic base described on the transcript.
struct TxPosition {
    std::int64_t anchor{};  // transcript index of the base, or of the nearest exonic base
    std::int64_t offset{};  // 0 exonic; +k k bases after the anchor's exon, -k before the next
    int exon{0};            // 1-based, transcript order, for exonic bases inside the transcript
    int intron{0};          // 1-based, transcript order, for intronic bases
};

enum class TxPart { utr5, cds, utr3 };

// Builds nothing: it reads the transcript's own exon vector in transcript order (reversed for
// '-'), so one per allele and transcript costs a few passes over the exons, no allocation.
class TranscriptMap {
public:
    explicit TranscriptMap(const Transcript& tx);

    TxPosition locate(std::int64_t genomic) const;
    std::int64_t genomic_of(std::int64_t tx_index) const;
    // "3604", "-12", "*5", "1088+1", "-30-5" (c. when coding, n. numbering otherwise).
    std::string hgvs_number(const TxPosition& p) const;
    const char* hgvs_prefix() const { return tx_.is_coding() ? "c." : "n."; }
    TxPart part(std::int64_t tx_index) const;

    const Transcript& transcript() const { return tx_; }
    std::int64_t length() const { return length_; }
    std::int64_t cds_first() const { return cds_first_; }  // transcript index of c.1
    std::int64_t cds_last() const { return cds_last_; }    // transcript index of the stop's 3rd base

private:
    const Transcript& tx_;
    std::int64_t length_{0};
    std::int64_t cds_first_{0}, cds_last_{-1};

    // Exon i in transcript order.
    const Exon& exon(std::size_t i) const {
        return tx_.strand == '-' ? tx_.exons[tx_.exons.size() - 1 - i] : tx_.exons[i];
    }
    // `first` is the transcript index of exon i's 5'-most base.
    std::int64_t index_in_exon(std::size_t i, std::int64_t first, std::int64_t genomic) const;
    TxPosition locate_outside(std::int64_t genomic) const;
    // `next_first`: the transcript index of the downstream exon's 5'-most base.
    TxPosition locate_intronic(std::size_t upstream, std::int64_t next_first, std::int64_t genomic) const;
};

}  // namespace rvanno
