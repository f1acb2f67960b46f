// Reads the records of an open VCF.gz/BCF that overlap VcfRegions, through its index; shared
// by VcfReader and the annotated-VCF writer, so both see the same records in the same order
// (the writer finds its findings by record ordinal). Private to src/io (HTSlib types).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "io/hts.hpp"
#include "io/vcf_regions.hpp"

#include <htslib/tbx.h>

namespace rvanno {

// False when an index beside `path` (.csi, .tbi) is older than the data: it may point into the
// wrong blocks (HTSlib only warns, and its warnings are hidden by default).
bool index_is_current(const std::string& path);

class RegionCursor {
public:
    // `fp` is open for reading and its header `hdr` is read. Loads the index of `path`; throws
    // UserError when the input is stdin or has no index, or a region names a contig that
    // neither the header nor the index knows.
    RegionCursor(htsFile* fp, const bcf_hdr_t* hdr, const std::string& path, const VcfRegions& regions);
    ~RegionCursor();
    RegionCursor(const RegionCursor&) = delete;
    RegionCursor& operator=(const RegionCursor&) = delete;

    // VCF.gz: the next raw line in the regions. >= 0 a line, -1 end, < -1 read error.
    int next_line(kstring_t* line);
    // BCF: the next record in the regions (still packed). Same return values.
    int next_record(bcf1_t* rec);
    // Records in the whole file by the index's own counts (bcftools index -n); 0 when the index
    // does not carry them.
    long indexed_records() const;
    // Compressed bytes of the file the regions' index chunks cover (overlapping chunks of
    // neighbouring regions counted once per region): what reading them costs, to set against
    // the file's size.
    std::int64_t compressed_bytes_in_regions() const;

private:
    struct Span {
        int tid;
        std::int64_t beg, end;
    };
    htsFile* fp_;
    std::string path_;
    bool text_;
    struct TbxFree {
        void operator()(tbx_t* p) const noexcept { tbx_destroy(p); }
    };
    struct IdxFree {
        void operator()(hts_idx_t* p) const noexcept { hts_idx_destroy(p); }
    };
    struct ItrFree {
        void operator()(hts_itr_t* p) const noexcept { hts_itr_destroy(p); }
    };
    // Owned even when the constructor throws (a bad region after the index was loaded).
    std::unique_ptr<tbx_t, TbxFree> tbx_;
    std::unique_ptr<hts_idx_t, IdxFree> idx_;
    std::unique_ptr<hts_itr_t, ItrFree> itr_;
    std::vector<Span> spans_;
    std::size_t next_span_{0};
    int tid_{-1};
    std::int64_t prev_end_{-1};  // end of the previous span on the same contig, -1 = none

    void resolve(const bcf_hdr_t* hdr, const VcfRegions& regions);
    bool open_next_span();
    bool seen_before(std::int64_t pos) const { return pos < prev_end_; }
};

}  // namespace rvanno
