// A buffered writer on a file descriptor, for plain bytes (the annotated VCF's uncompressed
// spill and plain-VCF output). Not an hFILE: HTSlib's descriptor backend buffers st_blksize
// (4 KB) and calls fdatasync on every hflush, which the spill copy would do once per held record.
#pragma once
#include <cstddef>
#include <vector>

namespace rvanno {

class FdWriter {
public:
    // `owns`: close the descriptor in close() or the destructor.
    FdWriter(int fd, bool owns) : fd_(fd), owns_(owns) { buffer_.reserve(kSize); }
    ~FdWriter();
    FdWriter(const FdWriter&) = delete;
    FdWriter& operator=(const FdWriter&) = delete;
    int fd() const { return fd_; }
    // False on a write error (errno set).
    bool write(const char* p, std::size_t n);
    bool flush();
    bool close();  // flush, then close when owned

private:
    static constexpr std::size_t kSize = 1 << 20;
    int fd_;
    bool owns_;
    std::vector<char> buffer_;
    bool write_all(const char* p, std::size_t n);
};

}  // namespace rvanno
