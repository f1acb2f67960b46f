// ##contig length lines of a VCF (stage 1, io/): read as HTSlib keeps them, and re-read as text
// for what HTSlib drops (declarations in vcf_reader.hpp).
#include <htslib/hts.h>

#include <string_view>

#include "base/genome.hpp"
#include "base/warning.hpp"
#include "io/hts.hpp"
#include "io/vcf_reader.hpp"

namespace rvanno {

std::optional<std::int64_t> declared_contig_length(const std::string& file, const std::string& id,
                                                   const std::string& length) {
    if (length.empty()) return std::nullopt;
    if (auto v = parse_contig_length(length)) return v;
    warn(file + ": ##contig=<ID=" + id + ",length=" + length +
         ">: length is not a positive integer; the contig is not used for build detection");
    return std::nullopt;
}

namespace {

// The value of `key` in a "##contig=<ID=chr2,length=123,...>" line ("" if absent).
std::string_view contig_field(std::string_view line, std::string_view key) {
    for (std::size_t at = line.find('<'); at != std::string_view::npos; at = line.find(',', at + 1)) {
        const std::string_view rest = line.substr(at + 1);
        if (rest.substr(0, key.size()) == key && rest.substr(key.size(), 1) == "=") {
            const std::string_view value = rest.substr(key.size() + 1);
            return value.substr(0, value.find_first_of(",>"));
        }
    }
    return {};
}

}  // namespace

void warn_about_contig_lengths(const std::string& path) {
    hts::File fp(hts_open(path.c_str(), "r"));
    if (!fp) return;
    hts::KString line;
    while (hts_getline(fp.get(), KS_SEP_LINE, &line.s) >= 0) {
        const std::string_view l(line.s.s, line.s.l);
        if (l.substr(0, 2) != "##") break;
        if (l.substr(0, 10) == "##contig=<")
            declared_contig_length(path, std::string(contig_field(l, "ID")), std::string(contig_field(l, "length")));
    }
}

}  // namespace rvanno
