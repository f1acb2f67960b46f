// The reported sample's VAF, depth, genotype and phase set of one VCF record (stage 1, io/):
// FORMAT AF, AD, DP, GT, PS, then the callers' own counts (vcf_caller_counts.hpp).
#include "io/vcf_sample_values.hpp"

#include <cstdint>
#include <limits>

#include "base/warning.hpp"
#include "io/vcf_caller_counts.hpp"

namespace rvanno {

void read_sample_values(const bcf_hdr_t* hdr_const, bcf1_t* rec, int sample_index, const std::string& where,
                        SampleValueBuffers& b, ReaderCounters& counters, VariantRecord& out) {
    auto* hdr = const_cast<bcf_hdr_t*>(hdr_const);  // bcf_get_* take a non-const header
    auto& fbuf = b.f;
    auto& ibuf = b.i;

    out.vaf.assign(out.alts.size(), std::nullopt);
    if (sample_index < 0) {
        if (auto source = vaf_from_info(hdr, rec, out); !source.empty()) ++counters.vaf_sources[source];
        return;
    }
    bcf1_t* r = rec;
    const int ns = bcf_hdr_nsamples(hdr);
    std::string source;  // of the VAF
    int n = bcf_get_format_float(hdr, r, "AF", &fbuf.data, &fbuf.size);
    if (n > 0 && n % ns == 0) {
        int per = n / ns;
        for (int a = 0; a < per && a < static_cast<int>(out.alts.size()); ++a) {
            float v = fbuf.data[sample_index * per + a];
            if (!bcf_float_is_missing(v) && !bcf_float_is_vector_end(v)) {
                out.vaf[a] = v;
                source = "FORMAT/AF";
            }
        }
    }
    n = bcf_get_format_int32(hdr, r, "AD", &ibuf.data, &ibuf.size);
    std::optional<int> ad_sum;
    if (n > 0 && n % ns == 0) {
        int per = n / ns;
        const int32_t* ad = ibuf.data + sample_index * per;
        std::int64_t sum = 0;  // 64 bits: a sum of int32 counts past 2^31 must not wrap
        bool any = false;
        for (int i = 0; i < per; ++i)
            if (ad[i] != bcf_int32_missing && ad[i] != bcf_int32_vector_end && ad[i] >= 0) {
                sum += ad[i];
                any = true;
            }
        if (any && sum <= std::numeric_limits<int>::max()) ad_sum = static_cast<int>(sum);
        if (any && sum > std::numeric_limits<int>::max() && counters.format_values_out_of_range++ == 0)
            warn(where + " (" + out.contig_name + ":" + std::to_string(out.pos + 1) + "): FORMAT/AD sums to " +
                 std::to_string(sum) +
                 " reads, past what a depth can be; not used as the depth (counted in format_values_out_of_range)");
        for (int a = 1; a < per && a <= static_cast<int>(out.alts.size()); ++a)
            if (!out.vaf[a - 1] && sum > 0 && ad[a] != bcf_int32_missing && ad[a] != bcf_int32_vector_end &&
                ad[a] >= 0) {
                out.vaf[a - 1] = static_cast<double>(ad[a]) / sum;
                if (source.empty()) source = "FORMAT/AD";
            }
    }
    n = bcf_get_format_int32(hdr, r, "DP", &ibuf.data, &ibuf.size);
    if (n == ns && ibuf.data[sample_index] != bcf_int32_missing && ibuf.data[sample_index] >= 0)
        out.depth = ibuf.data[sample_index];
    if (!out.depth) out.depth = ad_sum;
    if (source.empty()) source = vaf_from_caller_counts(hdr, r, sample_index, out);
    if (!source.empty()) ++counters.vaf_sources[source];
    n = bcf_get_genotypes(hdr, r, &ibuf.data, &ibuf.size);
    if (n > 0 && n % ns == 0) {
        int per = n / ns;
        const int32_t* gt = ibuf.data + sample_index * per;
        for (int i = 0; i < per && gt[i] != bcf_int32_vector_end; ++i) {
            if (i) out.genotype += bcf_gt_is_phased(gt[i]) ? '|' : '/';
            out.genotype += bcf_gt_is_missing(gt[i]) ? "." : std::to_string(bcf_gt_allele(gt[i]));
        }
    }
    n = bcf_get_format_int32(hdr, r, "PS", &ibuf.data, &ibuf.size);
    if (n == ns && ibuf.data[sample_index] != bcf_int32_missing) out.phase_set = ibuf.data[sample_index];
}

}  // namespace rvanno
