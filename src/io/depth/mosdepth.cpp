#include "io/depth/mosdepth.hpp"

#include <htslib/tbx.h>

#include <charconv>
#include <filesystem>
#include <map>
#include <string_view>

#include "io/depth/provider.hpp"
#include "io/hts.hpp"
#include "rvanno/error.hpp"
#include "rvanno/genome.hpp"

namespace rvanno {
namespace {

struct TbxDestroy {
    void operator()(tbx_t* p) const noexcept { tbx_destroy(p); }
};
struct ItrDestroy {
    void operator()(hts_itr_t* p) const noexcept { hts_itr_destroy(p); }
};
using Tbx = std::unique_ptr<tbx_t, TbxDestroy>;
using Itr = std::unique_ptr<hts_itr_t, ItrDestroy>;

template <class T>
bool to_number(std::string_view s, T& out) {
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

struct MosdepthDepth::Impl {
    std::string path;
    hts::File fp;
    Tbx tbx;
    std::map<std::string, std::string> name_of;  // canonical -> name in the index
    hts::KString line;

    DepthInterval parse(std::string_view text) const {
        std::string_view cols[4];
        std::size_t n = 0, from = 0;
        while (n < 4) {
            const std::size_t tab = text.find('\t', from);
            cols[n++] = text.substr(from, tab == std::string_view::npos ? std::string_view::npos : tab - from);
            if (tab == std::string_view::npos) break;
            from = tab + 1;
        }
        DepthInterval iv;
        double fdepth = 0;
        const bool ok = n == 4 && to_number(cols[1], iv.begin) && to_number(cols[2], iv.end) && iv.begin >= 0 &&
                        iv.end > iv.begin &&
                        (to_number(cols[3], iv.depth) || (to_number(cols[3], fdepth) && fdepth >= 0));
        if (!ok)
            throw InputError(path + ": line '" + std::string(text.substr(0, 80)) + "'",
                             "not a mosdepth per-base line (chrom, start, end, depth)",
                             "give the <prefix>.per-base.bed.gz that mosdepth wrote");
        if (iv.depth == 0 && fdepth > 0) iv.depth = static_cast<int>(fdepth);  // floor, never rounds up
        if (iv.depth < 0) throw InputError(path + ": line '" + std::string(text.substr(0, 80)) + "'", "negative depth");
        return iv;
    }
};

MosdepthDepth::MosdepthDepth(const std::string& path) : impl_(std::make_unique<Impl>()) {
    auto& m = *impl_;
    m.path = path;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw UserError("cannot open depth file '" + path + "': no such file", "check the path");
    m.fp.reset(hts_open(path.c_str(), "r"));
    if (!m.fp) throw UserError("cannot open depth file '" + path + "'", "check that it is readable");
    const htsFormat* fmt = hts_get_format(m.fp.get());
    if (fmt->compression != bgzf)
        throw UserError("depth file '" + path + "' is not bgzip-compressed, so it cannot be indexed",
                        "give mosdepth's <prefix>.per-base.bed.gz (bgzipped, with .csi), or a gVCF");
    m.tbx.reset(tbx_index_load3(path.c_str(), nullptr, HTS_IDX_SILENT_FAIL));
    if (!m.tbx)
        throw UserError("depth file '" + path + "' has no index (.csi or .tbi)",
                        "mosdepth writes <prefix>.per-base.bed.gz.csi next to it; or run `tabix -p bed " + path + "`");
    int n = 0;
    const char** names = tbx_seqnames(m.tbx.get(), &n);
    for (int i = 0; i < n; ++i)
        if (auto c = canonical_contig(names[i])) m.name_of.emplace(*c, names[i]);
    std::free(names);
}

MosdepthDepth::~MosdepthDepth() = default;

std::optional<int> MosdepthDepth::min_depth(const Region& region) {
    auto& m = *impl_;
    const auto it = m.name_of.find(region.contig);
    if (it == m.name_of.end() || region.end <= region.begin) return std::nullopt;
    const int tid = tbx_name2id(m.tbx.get(), it->second.c_str());
    if (tid < 0) return std::nullopt;
    Itr itr(tbx_itr_queryi(m.tbx.get(), tid, region.begin, region.end));
    if (!itr) return std::nullopt;
    std::vector<DepthInterval> found;
    int r;
    while ((r = tbx_itr_next(m.fp.get(), m.tbx.get(), itr.get(), &m.line.s)) >= 0)
        found.push_back(m.parse(std::string_view(m.line.s.s, m.line.s.l)));
    if (r < -1) throw InputError(m.path, "read error in " + it->second, "check the file with `tabix`");
    return depth_over(region.begin, region.end, std::move(found));
}

}  // namespace rvanno
