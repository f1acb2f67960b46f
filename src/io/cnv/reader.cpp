// read_copy_number: detect the format (VCF magic via HTSlib, else the table header) and read.

#include "io/cnv/reader.hpp"

#include "io/cnv/internal.hpp"
#include "rvanno/error.hpp"

namespace rvanno {

namespace cnv {

bool is_gzip_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[2] = {0, 0};
    in.read(magic, 2);
    return in.gcount() == 2 && static_cast<unsigned char>(magic[0]) == 0x1f &&
           static_cast<unsigned char>(magic[1]) == 0x8b;
}

}  // namespace cnv

namespace {

void read_table(const std::filesystem::path& path, std::optional<CnvFormat> format, CopyNumberInput& out) {
    if (cnv::is_gzip_file(path))
        throw UserError("'" + path.string() + "' is compressed; compressed copy-number tables are not read",
                        "decompress it first, e.g. gzip -dc FILE > FILE.tsv (VCF.gz/BCF are read as they are)");
    cnv::LineReader in(path);
    const cnv::TableHeader header = cnv::read_table_header(in, format);
    out.format = header.format;
    out.sample = header.sample;
    cnv::read_table_rows(in, header, out);
    if (header.format == CnvFormat::purple_somatic || header.format == CnvFormat::purple_gene)
        cnv::read_purple_purity_beside(path, out);
}

}  // namespace

CopyNumberInput read_copy_number(const std::filesystem::path& path, std::optional<CnvFormat> format) {
    CopyNumberInput out;
    out.path = path.string();
    const bool vcf = cnv::is_vcf_file(path);
    if (format == CnvFormat::vcf || (!format && vcf)) {
        out.format = CnvFormat::vcf;
        cnv::read_vcf_copy_number(path, out);
        return out;
    }
    if (vcf)
        throw UserError("'" + out.path + "' is a VCF/BCF file, not " + to_string(*format),
                        "leave the copy-number format to be detected, or give 'vcf'");
    read_table(path, format, out);
    return out;
}

}  // namespace rvanno
