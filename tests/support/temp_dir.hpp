// The one scratch directory of the tests: created fresh (per process and name), removed with
// everything in it when the object goes. Test-only.
#pragma once
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace rvanno::test {

class TempDir {
public:
    explicit TempDir(const std::string& name) : path_(make_path(name)) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    std::vector<std::string> entries() const {
        std::vector<std::string> out;
        for (const auto& e : std::filesystem::directory_iterator(path_)) out.push_back(e.path().filename().string());
        return out;
    }

private:
    static std::filesystem::path make_path(const std::string& name) {
        static std::atomic<int> counter{0};
        return std::filesystem::temp_directory_path() /
               ("rvanno_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" + name);
    }
    std::filesystem::path path_;
};

}  // namespace rvanno::test
