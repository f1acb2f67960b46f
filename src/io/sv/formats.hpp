// The SV/fusion readers behind read_structural_variants() (private to src/io).
#pragma once
#include <string>

#include "rvanno/fusion.hpp"

namespace rvanno::sv {

// SV VCF/BCF (Manta, Delly, GRIDSS, SvABA); the rules are at the top of sv/vcf.cpp.
SvInput read_sv_vcf(const std::string& path);

// Arriba fusions.tsv, STAR-Fusion fusion_predictions.tsv, PCGR fusion tables and rvanno's
// gene-pair list; the rules are at the top of sv/tables.cpp.
SvInput read_sv_table(const std::string& path);

}  // namespace rvanno::sv
