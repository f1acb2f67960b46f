// Names of the copy-number enums and the log2-ratio to absolute copy-number conversion.
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <utility>

#include "consequence/gene_copy_number.hpp"
#include "rvanno/copy_number.hpp"

namespace rvanno {

namespace {

constexpr std::array<std::pair<CnvFormat, const char*>, 11> kFormatNames{{
    {CnvFormat::vcf, "vcf"},
    {CnvFormat::cnvkit_cns, "cnvkit_cns"},
    {CnvFormat::cnvkit_call, "cnvkit_call"},
    {CnvFormat::gatk_seg, "gatk_seg"},
    {CnvFormat::generic_seg, "generic_seg"},
    {CnvFormat::purple_somatic, "purple_somatic"},
    {CnvFormat::purple_gene, "purple_gene"},
    {CnvFormat::pcgr_allelic, "pcgr_allelic"},
    {CnvFormat::pcgr_log2, "pcgr_log2"},
    {CnvFormat::cbioportal_cna, "cbioportal_cna"},
    {CnvFormat::plain, "plain"},
}};

// Short names a person is likely to type for --cnv-format.
constexpr std::array<std::pair<const char*, CnvFormat>, 7> kAliases{{
    {"bcf", CnvFormat::vcf},
    {"cns", CnvFormat::cnvkit_cns},
    {"call_cns", CnvFormat::cnvkit_call},
    {"seg", CnvFormat::generic_seg},
    {"purple", CnvFormat::purple_somatic},
    {"pcgr", CnvFormat::pcgr_allelic},
    {"cna", CnvFormat::cbioportal_cna},
}};

}  // namespace

std::string to_string(CnvFormat f) {
    for (const auto& [format, name] : kFormatNames)
        if (format == f) return name;
    return "unknown";
}

// Case-insensitive; '-' and '.' count as '_' ("cnvkit-call", "call.cns").
std::optional<CnvFormat> parse_cnv_format(const std::string& s) {
    std::string key = s;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return c == '-' || c == '.' ? '_' : static_cast<char>(std::tolower(c)); });
    for (const auto& [format, name] : kFormatNames)
        if (key == name) return format;
    for (const auto& [alias, format] : kAliases)
        if (key == alias) return format;
    return std::nullopt;
}

// CNVkit cnvlib/call.py, _log2_ratio_to_absolute(log2_ratio, ref_copies, expect_copies, purity):
//   if purity and purity < 1.0: n = (ref_copies * 2**log2 - expect_copies * (1 - purity)) / purity
//   else:                       n = ref_copies * 2**log2        (_log2_ratio_to_absolute_pure)
// with ref_copies = expect_copies = ploidy on autosomes (_reference_expect_copies). As in CNVkit,
// a purity of 0 or >= 1 means "no purity rescaling"; unlike CNVkit (which rounds and clips in
// do_call), the result is not rounded here, only floored at 0.
double copy_number_from_log2(double log2, std::optional<double> purity, double ploidy) {
    const double pure = ploidy * std::exp2(log2);
    if (!purity || !(*purity > 0.0 && *purity < 1.0)) return std::max(0.0, pure);
    const double p = *purity;
    return std::max(0.0, (pure - ploidy * (1.0 - p)) / p);
}

std::string to_string(CnClass c) {
    switch (c) {
        case CnClass::deep_deletion:
            return "deep_deletion";
        case CnClass::loss:
            return "loss";
        case CnClass::neutral:
            return "neutral";
        case CnClass::gain:
            return "gain";
        case CnClass::amplification:
            return "amplification";
    }
    return "unknown";
}

}  // namespace rvanno
