// RAII for HTSlib: file, header and record handles, a self-freeing kstring_t and a reusable
// bcf_get_* buffer. For src/io and the io tests; the rest of src/ uses io/'s plain values.
#pragma once
#include <htslib/bgzf.h>
#include <htslib/hts.h>
#include <htslib/kseq.h>
#include <htslib/kstring.h>
#include <htslib/vcf.h>

#include <cstdlib>
#include <memory>

namespace rvanno::hts {

struct FileClose {
    void operator()(htsFile* p) const noexcept { hts_close(p); }
};
struct HeaderDestroy {
    void operator()(bcf_hdr_t* p) const noexcept { bcf_hdr_destroy(p); }
};
struct RecordDestroy {
    void operator()(bcf1_t* p) const noexcept { bcf_destroy(p); }
};
struct BgzfClose {
    void operator()(BGZF* p) const noexcept { bgzf_close(p); }
};
using File = std::unique_ptr<htsFile, FileClose>;
using Bgzf = std::unique_ptr<BGZF, BgzfClose>;
using Header = std::unique_ptr<bcf_hdr_t, HeaderDestroy>;
using Record = std::unique_ptr<bcf1_t, RecordDestroy>;

// A kstring_t that frees itself.
struct KString {
    kstring_t s{0, 0, nullptr};
    KString() = default;
    KString(const KString&) = delete;
    KString& operator=(const KString&) = delete;
    ~KString() { std::free(s.s); }
};

// A buffer for bcf_get_{info,format}_* that is reused across records; HTSlib realloc()s it.
template <class T>
struct Buffer {
    T* data{nullptr};
    int size{0};
    Buffer() = default;
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
    ~Buffer() { std::free(data); }
};

}  // namespace rvanno::hts
