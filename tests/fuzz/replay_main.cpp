// The replay driver: links one harness (<target>_fuzz.cpp) without libFuzzer and feeds it every
// file of the directories given (testdata/fuzz/<target>/), in name order, so the seed corpus and
// every crash ever found run as an ordinary ctest case (Fuzz.replay_<target>) in the Release and
// the ASan/UBSan build. A finding aborts (or the sanitizer stops the run) right after the
// "replay: FILE" line that names the input.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        if (fs::is_directory(argv[i])) {
            for (const auto& e : fs::directory_iterator(argv[i]))
                if (e.is_regular_file() && e.path().filename() != "README.md") files.push_back(e.path());
        } else {
            files.emplace_back(argv[i]);
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::fprintf(stderr, "replay: no input files (usage: %s DIR|FILE...)\n", argv[0]);
        return 1;
    }
    for (const auto& f : files) {
        std::fprintf(stderr, "replay: %s\n", f.string().c_str());
        std::ifstream in(f, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "replay: cannot read %s\n", f.string().c_str());
            return 1;
        }
        const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        // A copy of exactly `size` bytes on the heap, as libFuzzer gives it: ASan sees a read past the end.
        std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
        static std::uint8_t none = 0;  // libFuzzer never passes a null pointer, even for no bytes
        LLVMFuzzerTestOneInput(data.empty() ? &none : data.data(), data.size());
    }
    std::printf("replay: %zu inputs, no finding\n", files.size());
    return 0;
}
