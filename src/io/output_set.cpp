#include "io/output_set.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "rvanno/error.hpp"

namespace fs = std::filesystem;

namespace rvanno {

namespace {

bool regular_id(const std::string& path, struct stat& st) {
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string absolute_lexical(const std::string& path) {
    std::error_code ec;
    auto p = fs::weakly_canonical(path, ec);
    return ec ? fs::absolute(path).lexically_normal().string() : p.string();
}

}  // namespace

OutputSet::OutputSet(const std::vector<std::string>& inputs) {
    for (const auto& in : inputs) {
        if (in.empty() || in == "-") continue;
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            for (auto it = fs::recursive_directory_iterator(in, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec)) {
                struct stat st {};
                if (regular_id(it->path().string(), st)) inputs_.push_back({st.st_dev, st.st_ino, it->path().string()});
            }
            continue;
        }
        struct stat st {};
        if (regular_id(in, st)) inputs_.push_back({st.st_dev, st.st_ino, in});
    }
}

OutputSet::~OutputSet() {
    for (const auto& s : staged_) {
        std::error_code ec;
        fs::remove_all(s.dir, ec);
    }
}

void OutputSet::check(const std::string& path, const std::string& what) {
    if (path.empty()) return;
    const OutputKind kind = output_kind(path);
    if (kind == OutputKind::standard_output) return;
    for (const auto& c : checked_)
        if (c.first == path && c.second == what) return;  // checked before, e.g. by open()
    struct stat st {};
    if (kind == OutputKind::replace && regular_id(path, st)) {
        for (const auto& in : inputs_)
            if (in.dev == st.st_dev && in.ino == st.st_ino)
                throw UserError("output '" + path + "' (" + what + ") is the same file as the input '" + in.path + "'",
                                "rvanno never overwrites its input: choose another output path");
    }
    for (const auto& [other, other_what] : checked_) {
        struct stat a {
        }, b{};
        const bool same = (regular_id(path, a) && regular_id(other, b))
                              ? (a.st_dev == b.st_dev && a.st_ino == b.st_ino)
                              : kind == OutputKind::replace && output_kind(other) == OutputKind::replace &&
                                    absolute_lexical(replaced_file(path)) == absolute_lexical(replaced_file(other));
        if (same)
            throw UserError(
                "output '" + path + "' (" + what + ") is the same file as '" + other + "' (" + other_what + ")",
                "give each output its own path");
    }
    if (kind == OutputKind::replace) {
        const auto dir = fs::path(replaced_file(path)).parent_path();
        if (!dir.empty() && !fs::is_directory(dir))
            throw UserError("cannot write '" + path + "': directory '" + dir.string() + "' does not exist",
                            "create the directory or choose another output path");
    }
    checked_.emplace_back(path, what);
}

std::ostream& OutputSet::open(const std::string& path, const std::string& what) {
    check(path, what);
    files_.push_back(std::make_unique<OutputFile>(path));
    return files_.back()->stream();
}

std::string OutputSet::stage(const std::string& path) {
    const OutputKind kind = output_kind(path);
    if (kind == OutputKind::standard_output) return path;
    const bool copy = kind == OutputKind::direct;
    const std::string target = copy ? path : replaced_file(path);
    std::string pattern;
    if (copy) {
        const char* tmp = std::getenv("TMPDIR");
        pattern = (tmp && *tmp ? std::string(tmp) : std::string("/tmp")) + "/rvanno.rvanno-tmp-XXXXXX";
    } else {
        pattern = target + ".rvanno-tmp-XXXXXX";
    }
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data()))
        throw UserError("cannot write '" + path + "': " + std::strerror(errno),
                        "check that its directory exists and is writable");
    const std::string dir = buf.data();
    const auto name = fs::path(target).filename().string();
    staged_.push_back({target, dir, (fs::path(dir) / (name.empty() ? "output" : name)).string(), copy});
    return staged_.back().file;
}

void OutputSet::commit() {
    for (auto& f : files_) f->finish();
    for (const auto& s : staged_)
        if (!fs::is_regular_file(s.file)) throw UserError("the output '" + s.target + "' was not written");
    for (auto& f : files_) f->publish();
    for (auto& s : staged_) {
        if (s.copy) {
            OutputFile out(s.target);  // a device or FIFO: written directly
            std::ifstream in(s.file, std::ios::binary);
            if (in.peek() != std::ifstream::traits_type::eof()) out.stream() << in.rdbuf();
            out.commit();
        } else if (::rename(s.file.c_str(), s.target.c_str()) != 0) {
            throw UserError("cannot rename the finished output to '" + s.target + "': " + std::strerror(errno));
        }
        std::error_code ec;
        fs::remove_all(s.dir, ec);
    }
    staged_.clear();
}

}  // namespace rvanno
