// Fusion annotation (stage 2, consequence/): junctions to partners, exons, frame and variant
// name on the MANE transcripts; and a fusion's breakpoints as text, for the comparison and
// the report writers.
#pragma once
#include <string>
#include <vector>

#include "rvanno/fusion.hpp"

namespace rvanno {

// Names the partners, exons/introns, frame, kinase-domain retention and (EML4-ALK) variant of
// each junction on `transcripts` (the MANE table of the run's build); input order. A junction
// gives one Fusion per sense reading of the transcripts its breakends hit; none when neither
// breakend is in a transcript; one with gene5 and gene3 empty when genes are hit but no sense
// fusion can be read. Breakends with an empty contig (gene-only list rows) are not located.
// The rules are written out at the top of consequence/fusion_annotation.cpp.
std::vector<Fusion> annotate_fusions(const std::vector<Junction>& junctions,
                                     const std::vector<Transcript>& transcripts);

// As above, also naming variants found in `variants` (variant_name, variant_source).
std::vector<Fusion> annotate_fusions(const std::vector<Junction>& junctions, const std::vector<Transcript>& transcripts,
                                     const std::vector<FusionVariant>& variants);

// "EML4::ALK", "?::ALK" for an unknown 5' partner, "ALK-EML4 (5'/3' order not given)" for a
// pair given without order: the one spelling of a fusion's partners in every output.
std::string partners(const Fusion& f);

// "EML4 exon 13 :: ALK exon 20", with "intron k" for an intronic break and "?" for an unknown
// partner.
std::string breakpoints(const Fusion& f);

}  // namespace rvanno
