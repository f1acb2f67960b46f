// Build sanity for fusion tables that name their partner genes (Arriba, STAR-Fusion, PCGR, gene
// lists): the breakpoints must lie in or near the named genes in the run's build. A GRCh37 table
// read as GRCh38 otherwise gives wrong exons (ALK exon 5 instead of exon 20) with exit 0.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "knowledge/transcript_index.hpp"
#include "rvanno/fusion.hpp"

namespace rvanno {

// How far outside a named gene's transcript span a breakpoint may lie and still count as "near"
// (intergenic breakpoints of read-through and promoter-swap fusions).
inline constexpr std::int64_t kNamedGeneMargin = 100'000;

struct NamedGeneFit {
    long checked{0};      // breakends whose named gene has a transcript in the tables
    long fit_chosen{0};   // of those, in or near the gene in the run's build
    long fit_other{0};    // ... in the other build
    std::string example;  // "ALK at 2:29446394" (1-based), a breakend that does not fit the run's build
};

// Counts, over the junctions of a fusion table, each breakend whose gene is named and has a
// transcript in the run's build (every gene of the whole-genome model, looked up by name).
NamedGeneFit fit_named_genes(const SvInput& input, const TranscriptIndex& chosen, const TranscriptIndex& other);

// True when the file fits the other build better than the run's: some named breakends lie away
// from their genes in the run's build, and more of them lie in or near them in the other build.
// (A breakend can land inside a long gene such as ALK on the wrong build, so "most misfit" is
// not required; a file on the right build fits every named gene it has.)
bool suggests_other_build(const NamedGeneFit& f);

}  // namespace rvanno
