// The one whole-file reader of the tests. Test-only.
#pragma once
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace rvanno::test {

// The bytes of `p` ("" when it cannot be read).
inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace rvanno::test
