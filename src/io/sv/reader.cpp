// read_structural_variants(): picks the reader from the file's content, not its name.
#include "io/sv/reader.hpp"

#include <array>
#include <filesystem>
#include <fstream>

#include "io/sv/formats.hpp"
#include "rvanno/error.hpp"
#include "rvanno/fusion.hpp"

namespace rvanno {

namespace {

// VCF/BCF (also bgzipped or gzipped) goes to HTSlib; everything else is read as a text table.
bool looks_like_vcf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::array<char, 16> head{};
    in.read(head.data(), head.size());
    auto n = static_cast<std::size_t>(in.gcount());
    std::string_view h(head.data(), n);
    if (h.rfind("\x1f\x8b", 0) == 0) return true;  // compressed: a VCF.gz or a BCF
    return h.rfind("##fileformat=VCF", 0) == 0 || h.rfind("BCF\2", 0) == 0;
}

}  // namespace

SvInput read_structural_variants(const std::filesystem::path& path) {
    const std::string p = path.string();
    if (!std::filesystem::exists(path)) throw UserError("cannot open '" + p + "': no such file", "check the path");
    if (std::filesystem::is_directory(path))
        throw UserError("'" + p + "' is a directory", "give an SV VCF/BCF or a fusion table");
    return looks_like_vcf(p) ? sv::read_sv_vcf(p) : sv::read_sv_table(p);
}

}  // namespace rvanno
