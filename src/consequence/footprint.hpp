// Which parts of a transcript a change touches: exons, introns, UTRs, CDS and the splice
// sites around each intron. Private to src/consequence; the SO terms are chosen from this.
#pragma once
#include "consequence/allele_edit.hpp"
#include "consequence/transcript_map.hpp"

namespace rvanno {

struct Footprint {
    bool donor{}, acceptor{};  // intronic +1/+2, -1/-2
    bool splice_region{};      // exonic 1-3 bases or intronic 3-8 bases from a splice site
    bool intronic{}, exonic{}, outside{};
    bool utr5{}, utr3{}, cds{};
    bool touches_start{};    // changes one of c.1..c.3
    int exon{0}, intron{0};  // 5'-most touched, 1-based transcript order, 0 if none
    // Lies wholly in the spliced transcript, so its effect on the mRNA is known.
    bool exonic_only() const { return exonic && !intronic && !outside && !splice_boundary; }
    bool splice_boundary{};  // an insertion between an exonic and an intronic base
};

// For a deletion/substitution the bases [pos, end); for an insertion the point between
// pos-1 and pos, which only counts as inside a feature when both neighbours are.
Footprint footprint(const Edit& e, const TranscriptMap& map);

}  // namespace rvanno
