// Genome builds and contig names. Files name contigs "chr2", "2" or "NC_000002.12";
// inside rvanno every contig is the canonical bare name ("2", "X", "Y", "MT").
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rvanno {

enum class GenomeBuild { GRCh37, GRCh38 };

std::string to_string(GenomeBuild b);  // "GRCh37" / "GRCh38"
std::optional<GenomeBuild> parse_genome_build(
    const std::string& s);  // GRCh38, hg38, b38, GRCh37, hg19, b37 (case-insensitive)

// Canonical bare name for a primary-assembly contig name in any of the supported styles
// ("chr2", "2", "NC_000002.12", "NC_000002.11", "chrM", "MT", "chrX", "NC_000023.11"),
// or nullopt for anything else (alt/random/decoy contigs, unknown names).
std::optional<std::string> canonical_contig(const std::string& name);

// The build a RefSeq NC_ accession belongs to ("NC_000002.12" -> GRCh38), if it is one.
std::optional<GenomeBuild> build_of_refseq_accession(const std::string& name);

struct ContigDeclaration {
    std::string name;                    // as written in the file
    std::optional<std::int64_t> length;  // from ##contig=<...,length=N>
};

struct BuildEvidence {
    std::optional<GenomeBuild> build;         // nullopt: undecidable (no lengths, no reference line)
    std::string reason;                       // human-readable, e.g. "##contig lengths match GRCh38 (24 of 24)"
    std::vector<std::string> contradictions;  // contigs whose length fits neither / the other build
};

}  // namespace rvanno
