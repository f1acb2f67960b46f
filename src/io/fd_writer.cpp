// FdWriter (fd_writer.hpp).
#include "io/fd_writer.hpp"

#include <unistd.h>

#include <cerrno>

namespace rvanno {

FdWriter::~FdWriter() {
    if (owns_ && fd_ >= 0) ::close(fd_);
}

bool FdWriter::write_all(const char* p, std::size_t n) {
    while (n > 0) {
        const ssize_t w = ::write(fd_, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

bool FdWriter::write(const char* p, std::size_t n) {
    if (buffer_.size() + n > kSize && !flush()) return false;
    if (n >= kSize) return write_all(p, n);
    buffer_.insert(buffer_.end(), p, p + n);
    return true;
}

bool FdWriter::flush() {
    const bool ok = write_all(buffer_.data(), buffer_.size());
    buffer_.clear();
    return ok;
}

bool FdWriter::close() {
    bool ok = flush();
    if (owns_ && fd_ >= 0) {
        ok = ::close(fd_) == 0 && ok;
        fd_ = -1;
    }
    return ok;
}

}  // namespace rvanno
