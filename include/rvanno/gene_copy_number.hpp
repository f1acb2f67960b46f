// Values for gene-level copy number: chromosome arms (for focality) and the run's copy-number
// settings. The computation is in src/consequence/gene_copy_number.hpp.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "rvanno/copy_number.hpp"
#include "rvanno/transcript.hpp"

namespace rvanno {

struct ChromosomeArm {
    std::string contig, name;  // "2", "2p"
    std::int64_t begin{}, end{};
};

struct CnSettings {
    CnThresholds thresholds;
    double ploidy{2.0};            // for log2 conversion and relative thresholds
    std::optional<double> purity;  // for log2 conversion
};

}  // namespace rvanno
