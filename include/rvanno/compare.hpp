// Two reports of one patient side by side (baseline and progression): which alterations were
// acquired, lost or persisted, how each drug's verdict changed, and which drugs not yet given
// remain, best first: the value types. The functions are in src/interpret/compare.hpp.
// Rules and keys: docs/compare_and_batch.md.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"
#include "rvanno/verdict.hpp"

namespace rvanno {

enum class AlterationStatus { acquired, lost, persistent };
std::string to_string(AlterationStatus s);

// One alteration as one report sees it.
struct AlterationPresence {
    enum class State { present, absent, not_assessed } state{State::absent};
    std::optional<double> vaf;  // small variants: FORMAT AF (else AD-derived)
    std::optional<double> cn;   // copy number: the gene's minimum CN over its exons, known
                                // even when the gene is not in this class on this side
    std::optional<int> depth;
    std::string cn_class;             // copy number: the gene's class on this side
    std::vector<std::string> kb_ids;  // knowledge rows this side's finding matched
};
std::string to_string(AlterationPresence::State s);

// An alteration of either report and what happened to it.
struct AlterationChange {
    std::string key;      // "ALK p.G1202R", "PTPN1 c.1088+1G>A", "2:29220747:C:T",
                          // "MET amplification", "EML4::ALK (EML4 exon 13 :: ALK exon 20)"
    std::string finding;  // "small_variant" | "copy_number" | "fusion"
    std::string gene;     // gene of the alteration (fusions: the 3' partner)
    AlterationStatus status{AlterationStatus::persistent};
    AlterationPresence before, after;
    std::string change;  // "absent -> VAF 0.3570", "CN 6.00 -> 12.00", "present -> absent"
    std::string note;    // e.g. "baseline had no small-variant input: absence not assessed"
};

// One drug's call at both time points (a drug missing from a side's verdicts: no_evidence).
struct VerdictChange {
    std::string drug, drug_class;
    std::optional<int> generation;
    VerdictCall before{VerdictCall::no_evidence}, after{VerdictCall::no_evidence};
    std::optional<EvidenceLevel> strength_before, strength_after;
    bool low_confidence_after{false};
    std::string rule_after;
    bool given{false};                    // named in --therapy-history
    std::optional<int> history_position;  // 1-based, first mention
    bool changed() const { return before != after; }
};

// A drug of the progression's verdicts that was not given, in recommendation order.
struct RemainingOption {
    int rank{0};  // 1 = listed first
    std::string drug, drug_class;
    std::optional<int> generation;
    VerdictCall call{VerdictCall::no_evidence}, call_before{VerdictCall::no_evidence};
    std::optional<EvidenceLevel> strength;
    bool low_confidence{false};
    std::string rule;
    // Acquired alterations with knowledge rows about this drug's class but none about this
    // drug: its call does not speak to them (e.g. a first-line sensitivity row for a drug with
    // no data on the acquired resistance mutation). Keys as in AlterationChange.
    std::vector<std::string> silent_on_acquired;
};

struct Comparison {
    std::vector<AlterationChange> alterations;  // acquired, lost, persistent; then finding type, key
    std::vector<VerdictChange> verdicts;        // progression's verdict order, then baseline-only drugs
    std::vector<RemainingOption> remaining;     // recommendation order (remaining_option_order)
};

// The alterations of one report as the comparison keys them, each with its presence; used
// for the cohort table of `rvanno batch` (keyed_alterations() in src/interpret/compare.hpp).
struct KeyedAlteration {
    std::string key, finding, gene;
    AlterationPresence presence;
};

}  // namespace rvanno
