// An allele and its consequence on one transcript (HGVS c., exon/intron, splice, codon and,
// with reference sequence, HGVS p.), as plain values. The engine that computes them is
// src/consequence/consequence.hpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rvanno/reference.hpp"
#include "rvanno/transcript.hpp"

namespace rvanno {

// One ALT allele, VCF-style but 0-based: ref/alt share the same first base for indels
// (the VCF padding base), upper-case, ref never empty.
struct Allele {
    std::string contig;  // canonical
    std::int64_t pos{};  // 0-based position of ref[0]
    std::string ref, alt;
};

struct Consequence {
    std::string gene, transcript;    // "PTPN1", "NM_002827.4"
    std::string hgvs_c;              // "c.1088+1G>A", "c.3604G>A", "c.-12C>T", "c.*5del"
    std::string hgvs_p;              // 3-letter, "p.Gly1202Arg"; empty when not computable
    std::string protein_change;      // 1-letter without "p.", "G1202R"; empty when unknown
    std::vector<std::string> terms;  // Sequence Ontology terms, most severe first:
                                     // splice_donor_variant, splice_acceptor_variant,
                                     // stop_gained, frameshift_variant, stop_lost,
                                     // start_lost, inframe_insertion, inframe_deletion,
                                     // missense_variant, protein_altering_variant,
                                     // splice_region_variant, synonymous_variant,
                                     // coding_sequence_variant, 5_prime_UTR_variant,
                                     // 3_prime_UTR_variant, intron_variant
    int exon{0};                     // 1-based exon number in transcript order, 0 if none
    int intron{0};                   // 1-based intron number, 0 if none
    int exon_count{0};
    std::optional<int> codon;      // first affected codon (1-based) for CDS changes
    std::optional<char> ref_aa;    // reference amino acid of `codon`, when known
    bool loss_of_function{false};  // stop_gained, frameshift, splice ±1/±2, start_lost
    bool protein_altering{false};  // changes the protein sequence (when known), or may
                                   // (CDS change whose effect is unknown without FASTA)
};

}  // namespace rvanno
