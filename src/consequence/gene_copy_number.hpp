// Gene-level copy number from segments (stage 2, consequence/): per knowledge-base gene, the
// minimum and maximum copy number over the exons of its MANE transcript, the share of exonic
// bases covered, the class and whether the event is focal.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rvanno/copy_number.hpp"
#include "rvanno/gene_copy_number.hpp"
#include "rvanno/transcript.hpp"

namespace rvanno {

// Absolute copy number from a log2 copy ratio (CNVkit's rescaling, cnvlib/call.py):
//   without purity:  n = ploidy * 2^log2
//   with purity p:   n = (ploidy * 2^log2 - ploidy * (1 - p)) / p, floored at 0
double copy_number_from_log2(double log2, std::optional<double> purity, double ploidy);

// "absolute: amplification>=5 gain>=3 loss<=1 deep_deletion<0.5" — printed in every output.
std::string describe(const CnSettings& s);

// The effective amplification threshold as text: "5" (absolute) or "6 (3x ploidy 2)".
std::string amplification_threshold(const CnSettings& s);

// Copy number of a segment: its absolute value, else converted from log2; nullopt if neither.
std::optional<double> segment_copy_number(const CopyNumberSegment& s, const CnSettings& settings);

CnClass classify_copy_number(double cn, const CnSettings& settings);

// "cBioPortal discrete call 2 (high-level amplification)": how a discrete call is printed, so
// no output shows it as a copy number.
std::string describe_discrete_call(int call);

// Adds to each gene the skipped malformed input lines (io/table_skips.hpp) whose span overlaps
// its exons, or whose gene-level row named it: that gene's copy number is then only partly
// assessed, and every output says so. `genes` is in `transcripts` order.
void mark_skipped_lines(std::vector<GeneCopyNumber>& genes, const std::vector<Transcript>& transcripts,
                        const std::vector<SkippedLine>& skipped);

// One GeneCopyNumber per transcript, in `transcripts` order. `segments` may come from several
// files and need not be sorted. Gene-level rows (PURPLE gene table: segment.gene set) are used
// for their gene directly; a discrete call (cBioPortal CNA: segment.discrete) sets the class
// and discrete_call, never min_cn/max_cn. Focality: the contiguous run of segments in the gene's class around
// the gene, measured against the arm holding the gene's midpoint; focal when it covers < 98%
// of the arm (GISTIC2.0, Mermel et al. 2011, doi:10.1186/gb-2011-12-4-r41).
std::vector<GeneCopyNumber> gene_copy_numbers(const std::vector<CopyNumberSegment>& segments,
                                              const std::vector<Transcript>& transcripts,
                                              const std::vector<ChromosomeArm>& arms, const CnSettings& settings);

}  // namespace rvanno
