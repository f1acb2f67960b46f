// db/fusion_variants.tsv, the named fusion variants at exon level (stage knowledge/).
#pragma once
#include <filesystem>
#include <vector>

#include "rvanno/fusion.hpp"

namespace rvanno {

// Reads db/fusion_variants.tsv. Throws UserError if unreadable, InputError("file:line", ...)
// on a malformed row.
std::vector<FusionVariant> read_fusion_variants(const std::filesystem::path& path);

}  // namespace rvanno
