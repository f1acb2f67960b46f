// read_copy_number: detect the format (VCF magic via HTSlib, else the table header) and read.
// Tables go through the one table reader (io/text_table.hpp): plain, gzip or bgzip.

#include "io/cnv/reader.hpp"

#include "io/cnv/internal.hpp"
#include "io/hts_info.hpp"
#include "rvanno/error.hpp"

namespace rvanno {

namespace {

void read_table(const std::filesystem::path& path, std::optional<CnvFormat> format, const TableReadOptions& options,
                CopyNumberInput& out) {
    cnv::LineReader in(path);
    const cnv::TableHeader header = cnv::read_table_header(in, format);
    out.format = header.format;
    out.sample = header.sample;
    if (header.format == CnvFormat::cbioportal_cna)
        cnv::read_cna_rows(in, header, options, out);
    else
        cnv::read_table_rows(in, header, options, out);
    if (header.format == CnvFormat::purple_somatic || header.format == CnvFormat::purple_gene)
        cnv::read_purple_purity_beside(path, out);
}

}  // namespace

CopyNumberInput read_copy_number(const std::filesystem::path& path, std::optional<CnvFormat> format,
                                 const TableReadOptions& options) {
    CopyNumberInput out;
    out.path = path.string();
    // "-" (stdin) is read as a table: detecting a VCF would consume what the table reader needs.
    const bool vcf = path != "-" && is_vcf_or_bcf_file(path, "a copy-number file");
    if (format == CnvFormat::vcf || (!format && vcf)) {
        out.format = CnvFormat::vcf;
        cnv::read_vcf_copy_number(path, out);
        return out;
    }
    if (vcf)
        throw UserError("'" + out.path + "' is a VCF/BCF file, not " + to_string(*format),
                        "leave the copy-number format to be detected, or give 'vcf'");
    read_table(path, format, options, out);
    return out;
}

}  // namespace rvanno
