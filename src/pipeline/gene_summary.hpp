// The per-gene summary of a sample (Report::genes) and the run-level facts about what was
// examined: which genes count as examined for small variants, the allele counters and the
// provenance sentence. A gene is "examined" only if it really was: it is in the run's transcript
// model and, with -r/-R, the regions cover its transcript whole.
#pragma once
#include <map>
#include <set>
#include <string>

#include "io/vcf_regions.hpp"
#include "knowledge/transcript_index.hpp"
#include "pipeline/allele_keeping.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"

namespace rvanno::pipeline {

// Fills r.genes: every knowledge-base gene of the model (table order), plus every other model
// gene with at least one allele; copy number and fusions only for the knowledge-base genes
// (the only genes they are computed on). Call after drop_alleles_not_carried.
// A knowledge-base gene with no fusion found but named by a skipped fusion-table row
// (`named_by_skipped_sv_rows`) reads fusions not assessed, not "0".
void summarise_genes(const TranscriptModel& model, const KnowledgeBase& kb, bool small, bool sv,
                     const VcfRegions& regions, const std::set<std::string>& named_by_skipped_sv_rows,
                     const UnlistedAlleles& unlisted, Report& r);

// The allele counters (alleles_in_knowledge_base_genes, alleles_in_other_genes,
// alleles_no_knowledge, alleles_not_listed, genes_examined, ...) and provenance.examined, from
// the summary: call after summarise_genes.
void count_examined(const TranscriptModel& model, const std::string& build, const UnlistedAlleles& unlisted, Report& r);

}  // namespace rvanno::pipeline
