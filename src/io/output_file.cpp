#include "io/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <stdexcept>
#include <streambuf>
#include <vector>

#include "rvanno/error.hpp"

namespace fs = std::filesystem;

namespace rvanno {

// A buffered std::streambuf over a file descriptor that remembers the first write error.
struct OutputFile::Buffer : std::streambuf {
    explicit Buffer(int fd) : fd(fd), data(1 << 16) { setp(data.data(), data.data() + data.size()); }
    int fd;
    int error{0};
    std::vector<char> data;

    bool drain() {
        const char* p = pbase();
        std::size_t n = static_cast<std::size_t>(pptr() - pbase());
        while (n > 0 && error == 0) {
            const ssize_t w = ::write(fd, p, n);
            if (w < 0) {
                if (errno == EINTR) continue;
                error = errno;
                break;
            }
            p += w;
            n -= static_cast<std::size_t>(w);
        }
        setp(data.data(), data.data() + data.size());
        return error == 0;
    }
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }
};

namespace {

bool is_standard_output(const std::string& path) {
    return path == "-" || path == "/dev/stdout" || path == "/dev/fd/1" || path == "/proc/self/fd/1";
}

std::string cannot_write(const std::string& path, int err) {
    return "cannot write '" + path + "': " + std::strerror(err);
}

const char* const kWritableHint = "check that its directory exists and is writable";

}  // namespace

std::string random_suffix(std::size_t n) {
    static const char* const kChars = "0123456789abcdefghijklmnopqrstuvwxyz";
    static thread_local std::mt19937_64 gen{std::random_device{}() ^ (static_cast<std::uint64_t>(::getpid()) << 32)};
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += kChars[gen() % 36];
    return s;
}

OutputKind output_kind(const std::string& path) {
    if (is_standard_output(path)) return OutputKind::standard_output;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) return OutputKind::direct;
    return OutputKind::replace;
}

std::string replaced_file(const std::string& path) {
    fs::path p = path;
    for (int depth = 0; depth < 40; ++depth) {  // follow the chain, also to a target not yet there
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) break;
        std::error_code ec;
        const fs::path target = fs::read_symlink(p, ec);
        if (ec) break;
        p = target.is_absolute() ? target : p.parent_path() / target;
    }
    if (p == fs::path(path)) return path;
    std::error_code ec;
    auto resolved = fs::weakly_canonical(p, ec);
    return ec ? p.string() : resolved.string();
}

OutputFile::OutputFile(const std::string& path) : path_(path) {
    const OutputKind kind = output_kind(path_);
    if (kind == OutputKind::standard_output) {
        kind_ = Kind::standard_output;
        return;
    }
    if (kind == OutputKind::direct) {
        kind_ = Kind::direct;
        fd_ = ::open(path_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd_ < 0) throw UserError(cannot_write(path_, errno), kWritableHint);
    } else {
        struct stat st {};
        if (::stat(path_.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
            throw UserError("cannot write '" + path_ + "': it is a directory", "give a file name");
        dest_ = replaced_file(path_);
        auto dir = fs::path(dest_).parent_path();
        if (dir.empty()) dir = ".";
        fd_ = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
        if (fd_ < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
            // No O_TMPFILE here: a fresh random name, never through an existing file or symlink.
            for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
                named_ = dest_ + ".rvanno-tmp-" + random_suffix(10);
                fd_ = ::open(named_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
                if (fd_ < 0 && errno != EEXIST) break;
            }
            if (fd_ < 0) named_.clear();
        }
        if (fd_ < 0) throw UserError(cannot_write(path_, errno), kWritableHint);
    }
    buffer_ = std::make_unique<Buffer>(fd_);
    stream_ = std::make_unique<std::ostream>(buffer_.get());
}

OutputFile::~OutputFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!named_.empty() && !published_) ::unlink(named_.c_str());
}

std::ostream& OutputFile::stream() { return kind_ == Kind::standard_output ? std::cout : *stream_; }

void OutputFile::finish() {
    if (finished_) return;
    if (kind_ == Kind::standard_output) {
        std::cout.flush();
        if (!std::cout) throw UserError("cannot write to standard output");
        finished_ = true;
        return;
    }
    stream_->flush();
    if (buffer_->error != 0 || !*stream_)
        throw UserError("error while writing '" + path_ + "': " + std::strerror(buffer_->error ? buffer_->error : EIO),
                        "is the disk full?");
    finished_ = true;
}

void OutputFile::publish() {
    if (published_) return;
    if (!finished_) throw std::logic_error("OutputFile::publish before finish");
    if (kind_ != Kind::temporary) {
        published_ = true;
        return;
    }
    std::string from = named_;
    if (from.empty()) {
        // Give the unnamed file a fresh random name beside the target, then rename it over the
        // target (linkat cannot replace an existing file). linkat never follows a planted name.
        const std::string proc = "/proc/self/fd/" + std::to_string(fd_);
        for (int attempt = 0; attempt < 100 && from.empty(); ++attempt) {
            const std::string name = dest_ + ".rvanno-tmp-" + random_suffix(10);
            int rc = ::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW);
            if (rc != 0 && errno == ENOENT) rc = ::linkat(fd_, "", AT_FDCWD, name.c_str(), AT_EMPTY_PATH);
            if (rc == 0)
                from = name;
            else if (errno != EEXIST)
                throw UserError(cannot_write(path_, errno), kWritableHint);
        }
        if (from.empty()) throw UserError(cannot_write(path_, EEXIST), kWritableHint);
    }
    if (::rename(from.c_str(), dest_.c_str()) != 0) {
        const int err = errno;
        ::unlink(from.c_str());
        named_.clear();
        throw UserError("cannot rename the finished output to '" + path_ + "': " + std::strerror(err));
    }
    named_.clear();
    published_ = true;
}

void OutputFile::commit() {
    finish();
    publish();
}

}  // namespace rvanno
