// Reading structural-variant and fusion-caller files (stage 1, io/) to junctions.
#pragma once
#include <filesystem>

#include "io/table_skips.hpp"
#include "rvanno/fusion.hpp"

namespace rvanno {

// Reads an SV VCF/BCF (Manta, Delly, GRIDSS/GRIPSS, SvABA: BND pairs joined by MATEID/PARID,
// INV, DEL, DUP, TRA with CHR2/END), or a fusion table (plain, gzip or bgzip): Arriba
// fusions.tsv, STAR-Fusion star-fusion.fusion_predictions.tsv, PCGR, Hartwig LINX
// .linx.fusion.tsv, cBioPortal data_structural_variants.txt, OncoKB fusion/SV files or
// rvanno's gene-pair list. Format from the content. Throws InputError("file:line", ...) on a
// malformed header or VCF record; malformed table rows are skipped with a warning, or refused
// with options.strict (io/table_skips.hpp); a multi-sample table is read for options.sample.
SvInput read_structural_variants(const std::filesystem::path& path, const TableReadOptions& options = {});

}  // namespace rvanno
