#include "io/fasta_reference.hpp"

#include <htslib/faidx.h>

#include <cctype>
#include <cstdlib>

#include "base/strings.hpp"
#include "rvanno/error.hpp"
#include "rvanno/genome.hpp"

namespace rvanno {
namespace {

struct FaidxDestroy {
    void operator()(faidx_t* p) const noexcept { fai_destroy(p); }
};
struct MallocFree {
    void operator()(char* p) const noexcept { std::free(p); }
};
using SequenceBuffer = std::unique_ptr<char, MallocFree>;

}  // namespace

struct FastaReference::Index {
    std::unique_ptr<faidx_t, FaidxDestroy> fai;
};

FastaReference::FastaReference(const std::filesystem::path& path) : index_(std::make_unique<Index>()) {
    index_->fai.reset(fai_load(path.c_str()));
    if (!index_->fai)
        throw UserError("cannot open FASTA index for '" + path.string() + "'",
                        "index it with: samtools faidx " + path.string());
    // The first FASTA sequence claiming a canonical name wins; alt/decoy names map to none.
    const int n = faidx_nseq(index_->fai.get());
    for (int i = 0; i < n; ++i) {
        const std::string name = faidx_iseq(index_->fai.get(), i);
        if (auto canonical = canonical_contig(name)) fasta_name_.emplace(*canonical, name);
    }
}

FastaReference::~FastaReference() = default;
FastaReference::FastaReference(FastaReference&&) noexcept = default;
FastaReference& FastaReference::operator=(FastaReference&&) noexcept = default;

std::optional<std::string> FastaReference::fetch(const std::string& contig, std::int64_t begin,
                                                 std::int64_t end) const {
    faidx_t* fai = index_->fai.get();
    auto it = fasta_name_.find(contig);
    const std::string& name = it != fasta_name_.end() ? it->second : contig;
    const int length = faidx_seq_len(fai, name.c_str());
    if (length < 0 || begin < 0 || end < begin || end > length) return std::nullopt;
    if (begin == end) return std::string();
    hts_pos_t got = 0;
    // faidx takes an inclusive end and silently truncates at the contig end; checked above.
    SequenceBuffer seq(faidx_fetch_seq64(fai, name.c_str(), begin, end - 1, &got));
    if (!seq || got != end - begin) return std::nullopt;
    return upper(std::string_view(seq.get(), static_cast<std::size_t>(got)));
}

}  // namespace rvanno
