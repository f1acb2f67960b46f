// The per-drug decision of the verdict rules (steps 4 to 6 of interpret/verdict.cpp) and the
// sentence that explains it. Private to src/interpret.
#pragma once
#include <string>
#include <vector>

#include "rvanno/verdict.hpp"

namespace rvanno::detail {

// The verdict for `drug` of class `klass` from its evidence after steps 1-3 (applies,
// superseded and, per row, `set_aside` by rule a: the reason in words, "" = not set aside). `class_bypass` names the bypass/downstream
// resistance findings of the class ("MET amplification (MET-amp-lorlatinib-1)"); non-empty
// means low confidence; `tumor_type` places the call's AMP tier. Evidence comes back ordered:
// deciding rows first.
DrugVerdict decide(const std::string& drug, const std::string& klass, std::vector<Evidence> evidence,
                   const std::vector<std::string>& set_aside, const std::vector<std::string>& class_bypass,
                   const std::string& tumor_type);

}  // namespace rvanno::detail
