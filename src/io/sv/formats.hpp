// The SV/fusion readers behind read_structural_variants() (private to src/io).
#pragma once
#include <string>

#include "io/table_skips.hpp"
#include "rvanno/fusion.hpp"

namespace rvanno::sv {

// SV VCF/BCF (Manta, Delly, GRIDSS, SvABA); the rules are at the top of sv/vcf.cpp.
SvInput read_sv_vcf(const std::string& path);

// Arriba, STAR-Fusion, PCGR, LINX, cBioPortal and OncoKB fusion tables and rvanno's gene-pair
// list; the rules are at the top of sv/table_layouts.cpp and sv/tables.cpp.
SvInput read_sv_table(const std::string& path, const TableReadOptions& options);

}  // namespace rvanno::sv
