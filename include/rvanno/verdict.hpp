// Per-drug verdicts: what the combined evidence of one sample says about each drug, and the
// documented rule that decided it (rules: src/interpret/verdict.cpp's opening essay).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rvanno/knowledge.hpp"
#include "rvanno/match.hpp"

namespace rvanno {

// phase_decides: the call depends on the phase (cis/trans) of alleles whose phase is unknown
// (rule g, src/interpret/verdict_phase.cpp); no call is made.
enum class VerdictCall { resistant, reduced_sensitivity, sensitive, conflicting, no_evidence, phase_decides };
std::string to_string(VerdictCall c);

// The sample's clinical context, which conditional knowledge rows are evaluated against.
struct SampleContext {
    std::string tumor_type;                     // --tumor-type, OncoTree-style code; "" = unknown
    std::vector<std::string> declared_drivers;  // --driver, e.g. "ALK fusion"
    std::vector<std::string> detected_drivers;  // found in the sample, e.g. "ALK fusion" (a matched driver fusion)
    std::vector<std::string> therapy_history;   // --therapy-history, drug ids in the order given
};

// One match as evidence for one drug, after the context was checked.
struct Evidence {
    const KnowledgeEntry* entry{nullptr};
    std::string finding;  // "ALK p.G1202R", "MET amplification", "EML4::ALK fusion"
    MatchHow how{};
    bool applies{true};  // false: the row's context is not met (then `why_not` says why)
    std::string why_not;
    bool superseded{false};  // true: outranked by a compound row (then `superseded_by` names it)
    std::string superseded_by;
    std::string phase;  // compound rows: the phase found ("cis", "trans", "unknown"); "" otherwise
};

struct DrugVerdict {
    std::string drug;        // drug id
    std::string drug_class;  // class id, e.g. ALK_TKI
    std::string class_name;  // display name of the class row in drugs.tsv, e.g.
                             // "ALK tyrosine kinase inhibitors"; the id when there is none
    std::optional<int> generation;
    VerdictCall call{VerdictCall::no_evidence};
    std::optional<EvidenceLevel> strength;  // best level among the deciding evidence
    std::string amp_tier;                   // AMP tier of the call for the sample's tumour type, e.g.
                                            // "Tier II-C (level A in NSCLC, not in IMT)"; "" = no call
    bool low_confidence{false};             // e.g. bypass evidence against the class
    bool decided_by_unverified{false};      // the deciding rows are all unverified (no verified row applies)
    std::string rule;                       // the documented rule that decided the call, in words
    std::vector<Evidence> evidence;         // every row bearing on this drug, deciding ones first
    bool already_given{false};              // in --therapy-history
    std::optional<int> history_position;    // 1-based position in --therapy-history
};

}  // namespace rvanno
