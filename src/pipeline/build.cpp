// The genome build of a run: --genome, else the first input that reveals one; every input
// that reveals a build must agree with it.
#include <string>
#include <vector>

#include "pipeline/sample.hpp"
#include "rvanno/error.hpp"

namespace rvanno::pipeline {

std::pair<GenomeBuild, std::string> decide_build(const std::string& genome_option,
                                                 const std::vector<BuildClue>& clues) {
    std::optional<GenomeBuild> chosen = genome_option.empty() ? std::nullopt : parse_genome_build(genome_option);
    std::string reason = chosen ? "given with --genome" : "";
    for (const auto& clue : clues) {
        if (chosen && *chosen != clue.build)
            throw UserError(clue.what + " is " + to_string(clue.build) + " but the run is " + to_string(*chosen) +
                                " (" + reason + ")",
                            "all inputs must be on one build; check --genome and the files");
        if (!chosen) {
            chosen = clue.build;
            reason = clue.reason;
        }
    }
    if (!chosen)
        throw UserError("cannot tell the genome build of the inputs (no ##contig lengths or ##reference)",
                        "give --genome GRCh38 or --genome GRCh37");
    return {*chosen, reason};
}

}  // namespace rvanno::pipeline
