// The reported sample's VAF, depth, genotype and phase set of one VCF record (stage 1, io/):
// FORMAT AF, AD, DP, GT, PS, then the callers' own counts (vcf_caller_counts.hpp).
#include "io/vcf_sample_values.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "base/warning.hpp"
#include "io/vcf_caller_counts.hpp"

namespace rvanno {

namespace {

// One column's values of `fmt` converted as bcf_get_format_values converts them.
template <class T, class Convert>
int column_values(const bcf_fmt_t* fmt, int column, hts::Buffer<T>& out, Convert convert) {
    if (!fmt || !fmt->p || column < 0) return -3;
    if (out.size < fmt->n) {
        void* p = std::realloc(out.data, sizeof(T) * static_cast<std::size_t>(std::max(fmt->n, 1)));
        if (!p) return -4;
        out.data = static_cast<T*>(p);
        out.size = fmt->n;
    }
    const std::uint8_t* src = fmt->p + static_cast<std::size_t>(column) * fmt->size;
    if (!convert(fmt->type, src, fmt->n, out.data)) return -2;
    return fmt->n;
}

// HTSlib's integer conversion: missing and vector-end of the stored width become int32's; after
// a vector end the rest is vector end.
template <class S>
void ints(const std::uint8_t* src, int n, int32_t* dst, S missing, S end) {
    int j = 0;
    for (; j < n; ++j) {
        S v;
        std::memcpy(&v, src + j * sizeof(S), sizeof(S));
        if (v == missing) {
            dst[j] = bcf_int32_missing;
        } else if (v == end) {
            break;
        } else {
            dst[j] = v;
        }
    }
    for (; j < n; ++j) dst[j] = bcf_int32_vector_end;
}

}  // namespace

int format_tag_id(const bcf_hdr_t* hdr, const char* tag, int type) {
    const int id = bcf_hdr_id2int(hdr, BCF_DT_ID, tag);
    if (!bcf_hdr_idinfo_exists(hdr, BCF_HL_FMT, id)) return -1;
    return static_cast<int>(bcf_hdr_id2type(hdr, BCF_HL_FMT, id)) == type ? id : -1;
}

FormatIds resolve_format_ids(const bcf_hdr_t* hdr) {
    return {format_tag_id(hdr, "AF", BCF_HT_REAL), format_tag_id(hdr, "AD", BCF_HT_INT),
            format_tag_id(hdr, "DP", BCF_HT_INT), format_tag_id(hdr, "GT", BCF_HT_STR),
            format_tag_id(hdr, "PS", BCF_HT_INT)};
}

int sample_int32(bcf1_t* rec, int id, int column, hts::Buffer<int32_t>& out) {
    if (id < 0) return -1;
    return column_values(bcf_get_fmt_id(rec, id), column, out,
                         [](int type, const std::uint8_t* src, int n, int32_t* dst) {
                             switch (type) {
                                 case BCF_BT_INT8:
                                     ints<int8_t>(src, n, dst, bcf_int8_missing, bcf_int8_vector_end);
                                     return true;
                                 case BCF_BT_INT16:
                                     ints<int16_t>(src, n, dst, bcf_int16_missing, bcf_int16_vector_end);
                                     return true;
                                 case BCF_BT_INT32:
                                     ints<int32_t>(src, n, dst, bcf_int32_missing, bcf_int32_vector_end);
                                     return true;
                                 default:
                                     return false;
                             }
                         });
}

int sample_float(bcf1_t* rec, int id, int column, hts::Buffer<float>& out) {
    if (id < 0) return -1;
    return column_values(bcf_get_fmt_id(rec, id), column, out,
                         [](int type, const std::uint8_t* src, int n, float* dst) {
                             if (type != BCF_BT_FLOAT) return false;
                             int j = 0;
                             for (; j < n; ++j) {
                                 std::uint32_t bits;
                                 std::memcpy(&bits, src + j * 4, 4);
                                 if (bits == bcf_float_vector_end) break;
                                 std::memcpy(&dst[j], &bits, 4);  // missing stays HTSlib's missing NaN
                             }
                             for (; j < n; ++j) bcf_float_set_vector_end(dst[j]);
                             return true;
                         });
}

std::vector<int> keep_sample_columns(bcf_hdr_t* hdr, const std::vector<int>& columns) {
    const int ns = bcf_hdr_nsamples(hdr);
    std::vector<int> sorted = columns;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    if (static_cast<int>(sorted.size()) >= ns) return columns;
    std::string list;
    for (int c : sorted) {
        // HTSlib splits the list at ',' and reads a leading '^' as "all but".
        if (c < 0 || c >= ns || std::strchr(hdr->samples[c], ',') || hdr->samples[c][0] == '^') return columns;
        (list += list.empty() ? "" : ",") += hdr->samples[c];
    }
    // A NULL list keeps no sample ("-" would keep all).
    if (bcf_hdr_set_samples(hdr, list.empty() ? nullptr : list.c_str(), 0) != 0) return columns;
    std::vector<int> out;
    for (int c : columns)
        out.push_back(static_cast<int>(std::lower_bound(sorted.begin(), sorted.end(), c) - sorted.begin()));
    return out;
}

void read_sample_values(const bcf_hdr_t* hdr, const FormatIds& ids, bcf1_t* rec, int sample_index,
                        const std::function<std::string()>& where, SampleValueBuffers& b, ReaderCounters& counters,
                        VariantRecord& out) {
    auto& fbuf = b.f;
    auto& ibuf = b.i;

    out.vaf.assign(out.alts.size(), std::nullopt);
    if (sample_index < 0) {
        if (auto source = vaf_from_info(hdr, rec, out); !source.empty()) ++counters.vaf_sources[source];
        return;
    }
    bcf1_t* r = rec;
    std::string source;  // of the VAF
    int per = sample_float(r, ids.af, sample_index, fbuf);
    if (per > 0) {
        for (int a = 0; a < per && a < static_cast<int>(out.alts.size()); ++a) {
            float v = fbuf.data[a];
            if (!bcf_float_is_missing(v) && !bcf_float_is_vector_end(v)) {
                out.vaf[a] = v;
                source = "FORMAT/AF";
            }
        }
    }
    per = sample_int32(r, ids.ad, sample_index, ibuf);
    std::optional<int> ad_sum;
    if (per > 0) {
        const int32_t* ad = ibuf.data;
        std::int64_t sum = 0;  // 64 bits: a sum of int32 counts past 2^31 must not wrap
        bool any = false;
        for (int i = 0; i < per; ++i)
            if (ad[i] != bcf_int32_missing && ad[i] != bcf_int32_vector_end && ad[i] >= 0) {
                sum += ad[i];
                any = true;
            }
        if (any && sum <= std::numeric_limits<int>::max()) ad_sum = static_cast<int>(sum);
        if (any && sum > std::numeric_limits<int>::max() && counters.format_values_out_of_range++ == 0)
            warn(where() + " (" + out.contig_name + ":" + std::to_string(out.pos + 1) + "): FORMAT/AD sums to " +
                 std::to_string(sum) +
                 " reads, past what a depth can be; not used as the depth (counted in format_values_out_of_range)");
        for (int a = 1; a < per && a <= static_cast<int>(out.alts.size()); ++a)
            if (!out.vaf[a - 1] && sum > 0 && ad[a] != bcf_int32_missing && ad[a] != bcf_int32_vector_end &&
                ad[a] >= 0) {
                out.vaf[a - 1] = static_cast<double>(ad[a]) / sum;
                if (source.empty()) source = "FORMAT/AD";
            }
    }
    per = sample_int32(r, ids.dp, sample_index, ibuf);
    if (per == 1 && ibuf.data[0] != bcf_int32_missing && ibuf.data[0] >= 0) out.depth = ibuf.data[0];
    if (!out.depth) out.depth = ad_sum;
    if (source.empty()) source = vaf_from_caller_counts(hdr, r, sample_index, out);
    if (!source.empty()) ++counters.vaf_sources[source];
    per = sample_int32(r, ids.gt, sample_index, ibuf);
    if (per > 0) {
        const int32_t* gt = ibuf.data;
        for (int i = 0; i < per && gt[i] != bcf_int32_vector_end; ++i) {
            if (i) out.genotype += bcf_gt_is_phased(gt[i]) ? '|' : '/';
            out.genotype += bcf_gt_is_missing(gt[i]) ? "." : std::to_string(bcf_gt_allele(gt[i]));
        }
    }
    per = sample_int32(r, ids.ps, sample_index, ibuf);
    if (per == 1 && ibuf.data[0] != bcf_int32_missing) out.phase_set = ibuf.data[0];
}

}  // namespace rvanno
