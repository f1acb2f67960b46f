// Reading copy-number files (stage 1, io/): every supported table and VCF to CopyNumberInput.
#pragma once
#include <filesystem>
#include <optional>

#include "io/table_skips.hpp"
#include "rvanno/copy_number.hpp"

namespace rvanno {

// Reads one copy-number file. The format is detected from the content (header columns, VCF
// magic) unless `format` is given; tables may be plain, gzip or bgzip (CR LF reads as LF).
// Throws InputError("file:line", ...) for a malformed header or text before it. Malformed data
// rows (END before START, non-numeric values, unknown contigs, wrong column count) are skipped
// with a warning into `skipped_lines`, or thrown with options.strict (io/table_skips.hpp). A
// multi-sample SEG or cBioPortal CNA is read for options.sample and refused without it.
// Segments on contigs that are not primary (alt, decoy) are skipped and counted.
CopyNumberInput read_copy_number(const std::filesystem::path& path, std::optional<CnvFormat> format = {},
                                 const TableReadOptions& options = {});

}  // namespace rvanno
