#include "io/hts_info.hpp"

#include <htslib/hfile.h>
#include <htslib/hts.h>
#include <htslib/hts_log.h>

#include "rvanno/error.hpp"

namespace rvanno {

std::string htslib_version() { return hts_version(); }

void set_htslib_log(bool verbose) { hts_set_log_level(verbose ? HTS_LOG_WARNING : HTS_LOG_OFF); }

std::string htslib_message_hint() {
    return hts_get_log_level() == HTS_LOG_OFF ? "run again with --verbose to see HTSlib's own message"
                                              : "see HTSlib's message above";
}

bool is_vcf_or_bcf_file(const std::filesystem::path& path, const std::string& expected) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw UserError("cannot open '" + path.string() + "': no such file", "check the path");
    if (std::filesystem::is_directory(path, ec))
        throw UserError("cannot read '" + path.string() + "': it is a directory", "give " + expected);
    // hts_detect_format, unlike hts_open, does not refuse content it cannot classify; it looks
    // inside gzip/BGZF compression.
    hFILE* h = hopen(path.string().c_str(), "r");
    if (!h) throw UserError("cannot open '" + path.string() + "'", "check that the file is readable");
    htsFormat f{};
    const int ret = hts_detect_format(h, &f);
    hclose_abruptly(h);
    if (ret < 0) throw UserError("cannot read '" + path.string() + "'", "check that the file is readable");
    return f.category == variant_data && (f.format == vcf || f.format == bcf);
}

}  // namespace rvanno
