// read_structural_variants(): picks the reader from the file's content, not its name.
#include "io/sv/reader.hpp"

#include "io/hts_info.hpp"
#include "io/sv/formats.hpp"
#include "rvanno/error.hpp"
#include "rvanno/fusion.hpp"

namespace rvanno {

// VCF/BCF (also bgzipped or gzipped) goes to HTSlib; everything else, compressed or not, is read
// as a text table.
SvInput read_structural_variants(const std::filesystem::path& path, const TableReadOptions& options) {
    const std::string p = path.string();
    // "-" (stdin) is read as a table: detecting a VCF would consume what the table reader needs.
    if (p != "-" && is_vcf_or_bcf_file(path, "an SV VCF/BCF or a fusion table")) return sv::read_sv_vcf(p);
    return sv::read_sv_table(p, options);
}

}  // namespace rvanno
