// Build detection from declared contig lengths and the ##reference line (base/genome.cpp).
// The value types (GenomeBuild, ContigDeclaration, BuildEvidence) are in rvanno/genome.hpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rvanno/genome.hpp"

namespace rvanno {

// The length of a ##contig line when it is a positive integer that fits 64 bits; nullopt for
// anything else (empty, non-numeric, trailing text, negative, zero, overflow).
std::optional<std::int64_t> parse_contig_length(std::string_view text);

// Length of a canonical primary contig in a build (from UCSC hg19/hg38 chrom sizes),
// or nullopt if unknown.
std::optional<std::int64_t> contig_length(GenomeBuild b, const std::string& canonical);

// Decides the build from ##contig lengths (primary contigs only) and, failing that, from a
// ##reference=... value (looks for GRCh38/hg38/GRCh37/hg19/b37 and NC_ versions).
BuildEvidence detect_build(const std::vector<ContigDeclaration>& contigs, const std::string& reference_line);

// Checks declared contig lengths against `chosen`; returns the names that contradict it.
std::vector<std::string> contigs_contradicting(GenomeBuild chosen, const std::vector<ContigDeclaration>& contigs);

}  // namespace rvanno
