// Stage 1, io/: takes a parsed VCF record and the reported sample's column; gives its VAF and
// depth from the caller's own counts when FORMAT AF/AD are absent (vcf_caller_counts.hpp).
#include "io/vcf_caller_counts.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <vector>

#include "io/hts.hpp"
#include "io/vcf_reader.hpp"
#include "io/vcf_sample_values.hpp"

namespace rvanno {

namespace {

// The chosen sample's values of an Integer FORMAT tag (-1 = missing); empty when absent.
std::vector<int> sample_ints_of(const bcf_hdr_t* hdr, bcf1_t* rec, int sample_index, const char* tag) {
    hts::Buffer<int32_t> ibuf;
    const int per = sample_int32(rec, format_tag_id(hdr, tag, BCF_HT_INT), sample_index, ibuf);
    if (per <= 0) return {};
    std::vector<int> v;
    for (int i = 0; i < per; ++i) {
        const int32_t x = ibuf.data[i];
        if (x == bcf_int32_vector_end) break;
        v.push_back(x == bcf_int32_missing || x < 0 ? -1 : x);
    }
    return v;
}

std::optional<double> alt_fraction(int alt, int ref) {
    const std::int64_t total = std::int64_t{alt} + ref;  // two counts up to INT32_MAX
    if (alt < 0 || ref < 0 || total == 0) return std::nullopt;
    return static_cast<double>(alt) / static_cast<double>(total);
}
}  // namespace

// Callers that write neither FORMAT/AF nor a per-allele AD: the VAF (and, when DP is absent,
// the depth) from their own counts. Returns the source, "" when none applies.
std::string vaf_from_caller_counts(const bcf_hdr_t* hdr, bcf1_t* rec, int sample_index, VariantRecord& out) {
    auto sample_ints = [&](const char* tag) { return sample_ints_of(hdr, rec, sample_index, tag); };
    const std::size_t n_alt = out.alts.size();
    // Strelka2 SNVs: tier-1 counts of each base in AU/CU/GU/TU (Number=2: tier 1, tier 2).
    auto tier1 = [&](char base) {
        const char tag[3] = {static_cast<char>(std::toupper(static_cast<unsigned char>(base))), 'U', '\0'};
        if (std::strchr("ACGT", tag[0]) == nullptr) return -1;
        auto v = sample_ints(tag);
        return v.empty() ? -1 : v[0];
    };
    if (out.ref.size() == 1) {
        const int ref = tier1(out.ref[0]);
        bool any = false;
        for (std::size_t a = 0; ref >= 0 && a < n_alt; ++a)
            if (out.alts[a].size() == 1)
                if (auto v = alt_fraction(tier1(out.alts[a][0]), ref)) {
                    out.vaf[a] = v;
                    any = true;
                }
        if (any) return "Strelka2 tier-1 AU/CU/GU/TU";
    }
    if (n_alt == 1) {
        // Strelka2 indels: tier-1 reads supporting REF (TAR) and the indel (TIR).
        const auto tar = sample_ints("TAR"), tir = sample_ints("TIR");
        if (!tar.empty() && !tir.empty())
            if (auto v = alt_fraction(tir[0], tar[0])) {
                out.vaf[0] = v;
                return "Strelka2 tier-1 TAR/TIR";
            }
        // VarScan: RD reference reads and AD (Number=1) variant reads.
        const auto rd = sample_ints("RD"), ad = sample_ints("AD");
        if (rd.size() == 1 && ad.size() == 1)
            if (auto v = alt_fraction(ad[0], rd[0])) {
                out.vaf[0] = v;
                return "VarScan FORMAT/RD,AD";
            }
    }
    // FreeBayes: RO reference observations, AO per ALT.
    const auto ro = sample_ints("RO"), ao = sample_ints("AO");
    if (ro.size() == 1 && ro[0] >= 0 && n_alt > 0 && ao.size() == n_alt) {
        std::int64_t total = ro[0];  // counts up to INT32_MAX each
        for (int x : ao) total += std::max(x, 0);
        bool any = false;
        for (std::size_t a = 0; a < n_alt && total > 0; ++a)
            if (ao[a] >= 0) {
                out.vaf[a] = static_cast<double>(ao[a]) / static_cast<double>(total);
                any = true;
            }
        // A total past INT_MAX is no read depth (as for AD in vcf_sample_values.cpp).
        if (!out.depth && total > 0 && total <= std::numeric_limits<int>::max()) out.depth = static_cast<int>(total);
        if (any) return "FreeBayes FORMAT/AO,RO";
    }
    return vaf_from_info(hdr, rec, out);
}

// PCGR: the tumour's VAF and depth in INFO TVAF/TDP (also in sites-only VCFs).
std::string vaf_from_info(const bcf_hdr_t* hdr, bcf1_t* r, VariantRecord& out) {
    hts::Buffer<float> info_fbuf;
    hts::Buffer<int32_t> ibuf;
    if (out.alts.size() != 1 || bcf_get_info_float(hdr, r, "TVAF", &info_fbuf.data, &info_fbuf.size) != 1 ||
        bcf_float_is_missing(info_fbuf.data[0]))
        return "";
    out.vaf[0] = info_fbuf.data[0];
    if (!out.depth && bcf_get_info_int32(hdr, r, "TDP", &ibuf.data, &ibuf.size) == 1 &&
        ibuf.data[0] != bcf_int32_missing && ibuf.data[0] >= 0)
        out.depth = ibuf.data[0];
    return "PCGR INFO/TVAF,TDP";
}

std::string describe_vaf_sources(const std::map<std::string, long>& sources) {
    bool other = false;
    for (const auto& [s, n] : sources) other = other || (s != "FORMAT/AF" && s != "FORMAT/AD");
    if (!other) return "";
    std::string d;
    for (const auto& [s, n] : sources) d += (d.empty() ? "" : "; ") + s + " (" + std::to_string(n) + " records)";
    return d;
}

}  // namespace rvanno
