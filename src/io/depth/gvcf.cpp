#include "io/depth/gvcf.hpp"

#include <htslib/tbx.h>

#include <cstring>
#include <filesystem>
#include <map>

#include "io/depth/provider.hpp"
#include "io/hts.hpp"
#include "rvanno/error.hpp"
#include "rvanno/genome.hpp"

namespace rvanno {
namespace {

struct TbxDestroy {
    void operator()(tbx_t* p) const noexcept { tbx_destroy(p); }
};
struct IdxDestroy {
    void operator()(hts_idx_t* p) const noexcept { hts_idx_destroy(p); }
};
struct ItrDestroy {
    void operator()(hts_itr_t* p) const noexcept { hts_itr_destroy(p); }
};
using Tbx = std::unique_ptr<tbx_t, TbxDestroy>;
using Idx = std::unique_ptr<hts_idx_t, IdxDestroy>;
using Itr = std::unique_ptr<hts_itr_t, ItrDestroy>;

bool is_reference_block(const bcf1_t* rec) {
    if (rec->n_allele <= 1) return true;  // ALT "." (Strelka2 blocks and single sites)
    for (int i = 1; i < rec->n_allele; ++i) {
        const char* a = rec->d.allele[i];
        if (std::strcmp(a, "<NON_REF>") != 0 && std::strcmp(a, "<*>") != 0) return false;
    }
    return true;
}

}  // namespace

struct GvcfDepth::Impl {
    std::string path;
    hts::File fp;
    hts::Header hdr;
    hts::Record rec{bcf_init()};
    bool is_bcf{false};
    Tbx tbx;                                     // VCF.gz
    Idx idx;                                     // BCF
    std::map<std::string, std::string> name_of;  // canonical -> name in the index
    hts::KString line;
    hts::Buffer<int32_t> ibuf;

    std::optional<int> format_int(const char* tag) {
        const int n = bcf_get_format_int32(hdr.get(), rec.get(), tag, &ibuf.data, &ibuf.size);
        if (n < 1) return std::nullopt;
        const int32_t v = ibuf.data[0];
        if (v == bcf_int32_missing || v == bcf_int32_vector_end || v < 0) return std::nullopt;
        return v;
    }

    // The interval and depth of the current record, or nullopt when it has no depth.
    std::optional<DepthInterval> interval() {
        if (bcf_unpack(rec.get(), BCF_UN_STR | BCF_UN_FMT) < 0)
            throw InputError(path + ": record at " + std::to_string(rec->pos + 1), "cannot be decoded",
                             "check the file with `bcftools view`");
        const bool block = is_reference_block(rec.get());
        std::optional<int> depth = block ? format_int("MIN_DP") : format_int("DP");
        if (!depth) depth = block ? format_int("DP") : format_int("DPI");
        if (!depth) return std::nullopt;
        // rlen already follows INFO/END for records that have it.
        const std::int64_t end = rec->pos + std::max<std::int64_t>(rec->rlen, 1);
        return DepthInterval{rec->pos, end, *depth};
    }
};

GvcfDepth::GvcfDepth(const std::string& path) : impl_(std::make_unique<Impl>()) {
    auto& m = *impl_;
    m.path = path;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw UserError("cannot open gVCF '" + path + "': no such file", "check the path");
    m.fp.reset(hts_open(path.c_str(), "r"));
    if (!m.fp) throw UserError("cannot open gVCF '" + path + "'", "check that it is readable");
    const htsFormat* fmt = hts_get_format(m.fp.get());
    if (fmt->category != variant_data || (fmt->format != vcf && fmt->format != bcf))
        throw UserError("'" + path + "' is not a VCF or BCF file", "give a bgzipped, indexed gVCF");
    m.is_bcf = fmt->format == bcf;
    if (!m.is_bcf && fmt->compression != bgzf)
        throw UserError("gVCF '" + path + "' is not bgzip-compressed, so it cannot be indexed",
                        "bgzip " + path + " && tabix -p vcf " + path + ".gz");
    m.hdr.reset(bcf_hdr_read(m.fp.get()));
    if (!m.hdr) throw InputError(path, "cannot read the VCF header", "the file must start with ##fileformat=VCFv4.x");
    const int samples = bcf_hdr_nsamples(m.hdr.get());
    if (samples != 1)
        throw UserError(
            "gVCF '" + path + "' has " + std::to_string(samples) + " samples; depth is read from a single-sample gVCF",
            "extract the sample with `bcftools view -s SAMPLE -Oz`, then `tabix -p vcf`");
    const char** names = nullptr;
    int n = 0;
    if (m.is_bcf) {
        m.idx.reset(bcf_index_load3(path.c_str(), nullptr, HTS_IDX_SILENT_FAIL));
        if (!m.idx) throw UserError("BCF '" + path + "' has no index (.csi)", "bcftools index " + path);
        names = bcf_index_seqnames(m.idx.get(), m.hdr.get(), &n);
    } else {
        m.tbx.reset(tbx_index_load3(path.c_str(), nullptr, HTS_IDX_SILENT_FAIL));
        if (!m.tbx) throw UserError("gVCF '" + path + "' has no index (.tbi or .csi)", "tabix -p vcf " + path);
        names = tbx_seqnames(m.tbx.get(), &n);
    }
    for (int i = 0; i < n; ++i)
        if (auto c = canonical_contig(names[i])) m.name_of.emplace(*c, names[i]);
    std::free(names);
}

GvcfDepth::~GvcfDepth() = default;

std::optional<int> GvcfDepth::min_depth(const Region& region) {
    auto& m = *impl_;
    const auto it = m.name_of.find(region.contig);
    if (it == m.name_of.end() || region.end <= region.begin) return std::nullopt;
    std::vector<DepthInterval> found;
    if (m.is_bcf) {
        const int rid = bcf_hdr_name2id(m.hdr.get(), it->second.c_str());
        if (rid < 0) return std::nullopt;
        Itr itr(bcf_itr_queryi(m.idx.get(), rid, region.begin, region.end));
        if (!itr) return std::nullopt;
        int r;
        while ((r = bcf_itr_next(m.fp.get(), itr.get(), m.rec.get())) >= 0)
            if (auto iv = m.interval()) found.push_back(*iv);
        if (r < -1) throw InputError(m.path, "read error in " + region.contig, "check the file with `bcftools view`");
    } else {
        const int tid = tbx_name2id(m.tbx.get(), it->second.c_str());
        if (tid < 0) return std::nullopt;
        Itr itr(tbx_itr_queryi(m.tbx.get(), tid, region.begin, region.end));
        if (!itr) return std::nullopt;
        int r;
        while ((r = tbx_itr_next(m.fp.get(), m.tbx.get(), itr.get(), &m.line.s)) >= 0) {
            if (vcf_parse(&m.line.s, m.hdr.get(), m.rec.get()) < 0)
                throw InputError(m.path + ": " + it->second, "cannot parse a record",
                                 "check the file with `bcftools view`");
            if (auto iv = m.interval()) found.push_back(*iv);
        }
        if (r < -1) throw InputError(m.path, "read error in " + region.contig, "check the file with `bcftools view`");
    }
    return depth_over(region.begin, region.end, std::move(found));
}

}  // namespace rvanno
