// Reading copy-number files (stage 1, io/): every supported table and VCF to CopyNumberInput.
#pragma once
#include <filesystem>
#include <optional>

#include "rvanno/copy_number.hpp"

namespace rvanno {

// Reads one copy-number file. The format is detected from the content (header columns, VCF
// magic) unless `format` is given. Throws InputError("file:line", ...) for malformed content:
// missing columns, END before START, non-numeric values, unknown contigs, text before the
// header (CR LF line ends read as LF). Segments on contigs that are not primary (alt, decoy)
// are skipped.
CopyNumberInput read_copy_number(const std::filesystem::path& path, std::optional<CnvFormat> format = {});

}  // namespace rvanno
