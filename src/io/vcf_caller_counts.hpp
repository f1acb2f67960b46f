// VAF and depth of the reported sample for callers that write neither FORMAT/AF nor a
// per-allele FORMAT/AD: Strelka2 tier-1 counts (SNVs AU/CU/GU/TU, indels TAR/TIR), VarScan
// RD/AD (Number=1), FreeBayes RO/AO, PCGR INFO TVAF/TDP. VcfReader calls these only when
// FORMAT AF/AD gave nothing, so files with AF/AD read exactly as before.
#pragma once
#include <htslib/vcf.h>

#include <string>

#include "rvanno/variant.hpp"

namespace rvanno {

// Fills out.vaf (and out.depth when still unset) of column `sample_index` from the caller's
// counts; returns the source ("Strelka2 tier-1 TAR/TIR", ...), "" when none applies.
std::string vaf_from_caller_counts(const bcf_hdr_t* hdr, bcf1_t* rec, int sample_index, VariantRecord& out);

// PCGR's INFO TVAF/TDP (no sample column needed); returns "PCGR INFO/TVAF,TDP" or "".
std::string vaf_from_info(const bcf_hdr_t* hdr, bcf1_t* rec, VariantRecord& out);

}  // namespace rvanno
