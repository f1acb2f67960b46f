// ALK c.3604G>A p.G1202R on GRCh38 as a finding (chr2:29220747 C>T on NM_004304.5, the
// coordinate ../shared/knowledge/CHECKS.md verified against the transcript model), and a
// knowledge row of the ALK gene: for tests that need a matched finding without running the
// pipeline. One copy, so the coordinate is written once. Test-only.
#pragma once
#include <string>

#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"

namespace rvanno::test {

// No record number, no matches; pos is 0-based.
inline AlleleFinding alk_g1202r_finding() {
    AlleleFinding f;
    f.contig_name = "chr2";
    f.pos = 29220746;
    f.ref = "C";
    f.alt = "T";
    f.csq.gene = "ALK";
    f.csq.transcript = "NM_004304.5";
    f.csq.hgvs_c = "c.3604G>A";
    f.csq.protein_change = "G1202R";
    return f;
}

// A row of the ALK gene about one drug.
inline KnowledgeEntry alk_row(const std::string& id, const std::string& drug, Effect effect, EvidenceLevel level,
                              bool verified = false) {
    KnowledgeEntry e;
    e.verified = verified;
    e.id = id;
    e.gene = "ALK";
    e.drugs = {drug};
    e.effect = effect;
    e.level = level;
    return e;
}

}  // namespace rvanno::test
