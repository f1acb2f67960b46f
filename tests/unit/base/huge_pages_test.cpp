// advise_huge_pages (src/base/huge_pages.hpp), used on the knowledge base's entries array: it
// marks exactly the whole 2 MB pages inside the range for huge pages (the kernel's VmFlags "hg"
// in /proc/self/smaps), leaves the contents alone, and gives no advice where no whole 2 MB page
// fits. Skipped where the kernel has no transparent huge pages (the advice is then refused).
#include <gtest/gtest.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "base/huge_pages.hpp"

namespace {

constexpr std::size_t kHuge = std::size_t{1} << 21;

// The VmFlags line of the mapping of /proc/self/smaps that contains `addr` ("" if none).
std::string vm_flags_at(const void* addr) {
    const auto a = reinterpret_cast<std::uintptr_t>(addr);
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool inside = false;
    while (std::getline(smaps, line)) {
        std::uintptr_t lo = 0, hi = 0;
        char dash = 0;
        std::istringstream head(line);
        if (head >> std::hex >> lo >> dash >> hi && dash == '-' && line.find(':') > line.find(' ')) {
            inside = lo <= a && a < hi;
            continue;
        }
        if (inside && line.rfind("VmFlags:", 0) == 0) return line;
    }
    return "";
}

bool has_flag(const std::string& flags, const char* flag) {
    return (flags + " ").find(std::string(" ") + flag + " ") != std::string::npos;
}

struct Mapping {  // an anonymous mapping of 3 huge pages (so 2 MB alignment fits inside)
    std::size_t size = 3 * kHuge;
    void* base = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ~Mapping() {
        if (base != MAP_FAILED) ::munmap(base, size);
    }
};

}  // namespace

TEST(HugePages, AdvisesTheWholeHugePagesInsideAndKeepsTheContents) {
    Mapping m;
    ASSERT_NE(m.base, MAP_FAILED);
    auto* bytes = static_cast<unsigned char*>(m.base);
    std::memset(bytes, 0x5a, m.size);
    const auto first = (reinterpret_cast<std::uintptr_t>(bytes) + kHuge - 1) & ~(kHuge - 1);
    auto* aligned = reinterpret_cast<unsigned char*>(first);
    if (!rvanno::advise_huge_pages(bytes, m.size)) GTEST_SKIP() << "no transparent huge pages on this kernel";
    EXPECT_TRUE(has_flag(vm_flags_at(aligned), "hg")) << vm_flags_at(aligned);
    if (aligned != bytes) {  // the partial page before the first 2 MB boundary is left alone
        EXPECT_FALSE(has_flag(vm_flags_at(bytes), "hg")) << vm_flags_at(bytes);
    }
    for (std::size_t i = 0; i < m.size; i += 4096) ASSERT_EQ(bytes[i], 0x5a) << "byte " << i << " changed";
}

TEST(HugePages, NoAdviceWithoutAWholeHugePage) {
    Mapping m;
    ASSERT_NE(m.base, MAP_FAILED);
    auto* bytes = static_cast<unsigned char*>(m.base);
    EXPECT_FALSE(rvanno::advise_huge_pages(bytes + 4096, kHuge - 8192));  // no 2 MB boundary pair inside
    EXPECT_FALSE(rvanno::advise_huge_pages(nullptr, 4 * kHuge));
    EXPECT_FALSE(rvanno::advise_huge_pages(bytes, 0));
    EXPECT_FALSE(has_flag(vm_flags_at(bytes + 4096), "hg"));
}
