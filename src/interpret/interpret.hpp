// Stage 4, INTERPRET: takes a sample's Report (findings with matches) and its SampleContext,
// gives per-drug verdicts and hotspot statuses. Interpretation over a whole sample: per-drug verdicts (with compound and conditional rows
// evaluated against the sample's context) and the hotspot table of coverage-aware negatives.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "rvanno/hotspot.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"
#include "rvanno/transcript.hpp"
#include "rvanno/verdict.hpp"

namespace rvanno {

// Drivers found in the report itself (e.g. "ALK fusion" for a matched ALK fusion whose row's
// mechanism is `driver`), to be put in SampleContext::detected_drivers.
std::vector<std::string> detect_drivers(const Report& report);

// One DrugVerdict per drug of every drug class touched by the report's matches, classes in a
// fixed order (ALK TKIs first), drugs by generation then name. Rules: src/interpret/verdict.cpp.
std::vector<DrugVerdict> compute_verdicts(const Report& report, const KnowledgeBase& kb, const SampleContext& context);

// The resistance hotspots of the genes that matter for the sample's drivers (declared or
// detected), each "detected" (a matching small variant is in the report), "not_detected" with
// the depth there, or "not_assessed" when `depth` is null or knows nothing of the position.
std::vector<HotspotStatus> assess_hotspots(const Report& report, const KnowledgeBase& kb,
                                           const std::vector<Transcript>& transcripts, const SampleContext& context,
                                           DepthProvider* depth);

// Every hotspot of the knowledge base, in every gene (assess_hotspots picks the drivers' genes
// per sample): whether a finding would read `detected` at one of them. The small-variant step
// keeps such an allele in the report even past its listing limit (pipeline/small_variants.hpp),
// since assess_hotspots reads the report's findings.
class HotspotWatch {
public:
    HotspotWatch(const KnowledgeBase& kb, const std::vector<Transcript>& transcripts);
    bool changes_any(const AlleleFinding& f) const;

private:
    struct Impl;
    std::shared_ptr<const Impl> impl_;
};

// Whether finding `f` shows the small-variant driver `driver` ("EGFR mutation": a matched
// driver/on-target sensitivity row of the gene; "BRAF V600": a protein-altering change at that
// residue), as detect_drivers reads it.
bool shows_driver(const AlleleFinding& f, const std::string& driver);

}  // namespace rvanno
