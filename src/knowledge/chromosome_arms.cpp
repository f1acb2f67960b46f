// db/chromosome_arms.<build>.tsv: contig, arm, start, end (0-based half-open), one row per arm.
#include "knowledge/chromosome_arms.hpp"

#include <stdexcept>

#include "io/text_table.hpp"
#include "rvanno/error.hpp"

namespace rvanno {

std::vector<ChromosomeArm> read_chromosome_arms(const std::filesystem::path& path) {
    TextTable t(path, {"contig", "arm", "start", "end"});
    std::vector<ChromosomeArm> out;
    while (t.next()) {
        try {
            out.push_back({t.get("contig"), t.get("arm"), std::stoll(t.get("start")), std::stoll(t.get("end"))});
        } catch (const std::exception&) {
            throw InputError(t.where(), "start/end must be integers", "regenerate with db/tools/make_arms.py");
        }
    }
    return out;
}

}  // namespace rvanno
