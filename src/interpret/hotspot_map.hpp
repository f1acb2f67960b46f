// Inverse of TranscriptMap for the hotspot table: a residue (codon) or an HGVS c. position on
// a MANE transcript -> the genomic bases that encode it. Private to src/interpret.
//
// A codon's three bases are consecutive in the spliced CDS but need not be in the genome: a
// codon split by an intron has its bases in two exons. `parts` then holds one interval per
// exon (ascending genomic order) and `span` runs from the first to the last base, intron
// included; depth must be asked of `parts`, never of `span`.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rvanno/coordinates.hpp"
#include "rvanno/transcript.hpp"

namespace rvanno {

struct GenomicBases {
    std::vector<std::int64_t> bases;  // 0-based genomic positions, transcript order (5'->3')
    std::vector<Region> parts;        // maximal runs of adjacent bases, ascending genomic order
    Region span;                      // [lowest base, highest base + 1)
    bool split() const { return parts.size() > 1; }
};

// The three bases of codon `residue` (1-based) of a coding transcript, or nullopt when the
// transcript is non-coding or the residue lies outside its CDS (the stop codon counts as inside).
std::optional<GenomicBases> codon_bases(const Transcript& tx, int residue);

// The genomic bases of the residues first..last (inclusive, 1-based), or nullopt as above.
std::optional<GenomicBases> residue_range_bases(const Transcript& tx, int first, int last);

// The bases named by the position part of an HGVS c. description on `tx`: "c.1088+1G>A" ->
// the one intronic base c.1088+1; "c.10_12del" -> c.10..c.12; "c.-12C>T", "c.*5del" and
// "c.100-2A>G" are understood. nullopt for anything else (n. numbering, p., malformed) or a
// non-coding transcript.
std::optional<GenomicBases> hgvs_c_bases(const Transcript& tx, const std::string& hgvs_c);

// "c.1088+1G>A" -> "c.1088+1", "c.10_12del" -> "c.10_12"; empty when not a c. description.
std::string hgvs_c_position(const std::string& hgvs_c);

}  // namespace rvanno
