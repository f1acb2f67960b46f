// Structural variants and gene fusions, as plain values. Breakpoints are 0-based positions of
// the last base kept on each side of the junction (coordinates.hpp).
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "rvanno/genome.hpp"
#include "rvanno/skipped.hpp"
#include "rvanno/transcript.hpp"

namespace rvanno {

// One side of a junction: the base at `pos` is joined to the other side, and the retained
// sequence lies to the left of pos (`keeps_left`) or to the right of it.
struct Breakend {
    std::string contig;       // canonical
    std::string contig_name;  // as written
    std::int64_t pos{0};      // 0-based
    bool keeps_left{true};    // true: sequence up to and including pos is kept (joined on its right)
};

// A junction between two breakends, as read from a caller (before gene annotation).
struct Junction {
    Breakend a, b;
    std::string kind;    // "BND", "INV", "DEL", "DUP", "TRA", "arriba", "star-fusion", "list"
    std::string id;      // caller id(s), e.g. "MantaBND:1:0:1:0:0:0:0+MantaBND:...:1"
    std::string filter;  // FILTER / confidence as written
    std::optional<int> split_reads, spanning_reads;
    std::string gene_a, gene_b;  // partner names when the caller gives them (Arriba, lists)
    // The input names the two genes but not which is 5' and which 3' (OncoKB "ALK-EML4 fusion",
    // GeneA/GeneB): gene_a and gene_b are then in the input's order, not transcript order.
    bool unordered{false};
    std::string caller_frame;  // e.g. Arriba "in-frame"/"out-of-frame", "" if none
    std::string caller_note;   // what the caller says that rvanno does not recompute (LINX: reported, exons)
    std::string source;        // "file:line" or "file: records N+M"
};

struct SvInput {
    std::string path;
    std::string format;                // "vcf", "arriba", "star-fusion", "list", "linx", "cbioportal_sv", "oncokb"
    std::string sample;                // the sample chosen in a multi-sample table ("" = none named)
    std::optional<GenomeBuild> build;  // when the file reveals it
    std::vector<Junction> junctions;
    long unpaired_breakends{0};              // BND records whose mate was not found (counted, reported)
    long skipped_nonprimary{0};              // records/rows with a breakend on an alt, decoy or unplaced contig
    long skipped_other{0};                   // records that describe no junction (INS, CNV, no orientation)
    std::vector<SkippedLine> skipped_lines;  // malformed data rows, skipped with a warning
};

// A fusion after annotation on the MANE transcripts of the knowledge-base genes.
struct Fusion {
    std::string gene5, gene3;  // 5' and 3' partner; "" when unknown
    // false: the input named the two genes without saying which is 5' (Junction::unordered);
    // gene5/gene3 are then the input's order, exons/frame-by-phase/variant are not read, and
    // matching tries both readings and says so.
    bool order_known{true};
    std::string transcript5, transcript3;
    std::optional<int> exon5, intron5;  // where the 5' partner breaks (last exon kept / intron)
    std::optional<int> exon3, intron3;  // where the 3' partner resumes
    std::optional<bool> in_frame;       // when decidable (both breaks in introns with known phases, or caller says)
    std::string frame_source;           // "rvanno (intron phases)" | "caller" | ""
    std::optional<bool> kinase_domain_retained;  // for kinase 3' partners with a known domain start
    std::string variant_name;                    // e.g. "EML4-ALK v1", "" when not determinable
    std::string variant_source;                  // citation of the variant table
    bool candidate{false};                       // inferred from an INV/DEL joining the genes
    Junction junction;
};

// One row of db/fusion_variants.tsv: a named fusion variant at exon level (MANE exon numbers).
struct FusionVariant {
    std::string gene5;
    int exon5{0};  // last exon of the 5' partner kept
    std::string gene3;
    int exon3{0};          // first exon of the 3' partner kept
    std::string name;      // e.g. "EML4-ALK v1"
    std::string citation;  // the checked source(s)
};

}  // namespace rvanno
