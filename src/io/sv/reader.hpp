// Reading structural-variant and fusion-caller files (stage 1, io/) to junctions.
#pragma once
#include <filesystem>

#include "rvanno/fusion.hpp"

namespace rvanno {

// Reads an SV VCF/BCF (Manta, Delly, GRIDSS/GRIPSS, SvABA: BND pairs joined by MATEID/PARID,
// INV, DEL, DUP, TRA with CHR2/END), an Arriba fusions.tsv, a STAR-Fusion
// star-fusion.fusion_predictions.tsv, or rvanno's gene-pair list. Format from the content.
// Throws InputError("file:line", ...) on malformed content.
SvInput read_structural_variants(const std::filesystem::path& path);

}  // namespace rvanno
