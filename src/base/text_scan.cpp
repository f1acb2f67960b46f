#include "base/text_scan.hpp"

#include <cstdint>
#include <cstring>

namespace rvanno {

std::size_t utf8_sequence(std::string_view s, std::size_t i, std::size_t& bad) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    bad = 1;
    if (c < 0x80) return 1;
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xbf;  // allowed range of the second byte
    if (c >= 0xc2 && c <= 0xdf)
        n = 2;
    else if (c == 0xe0) {
        n = 3;
        lo = 0xa0;
    } else if (c == 0xed) {
        n = 3;
        hi = 0x9f;
    } else if (c >= 0xe1 && c <= 0xef)
        n = 3;
    else if (c == 0xf0) {
        n = 4;
        lo = 0x90;
    } else if (c == 0xf4) {
        n = 4;
        hi = 0x8f;
    } else if (c >= 0xf1 && c <= 0xf3)
        n = 4;
    else
        return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if (i + k >= s.size()) {
            bad = k;
            return 0;
        }
        const unsigned char x = b(i + k);
        const unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xbf;
        if (x < l || x > h) {
            bad = k;
            return 0;
        }
    }
    return n;
}

bool is_valid_utf8(std::string_view s) {
    std::size_t bad;
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII, most text: no call per byte, 8 at a time
            std::uint64_t w;
            while (i + 8 <= s.size() && (std::memcpy(&w, s.data() + i, 8), (w & 0x8080808080808080u) == 0)) i += 8;
            if (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
            continue;
        }
        const auto n = utf8_sequence(s, i, bad);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

}  // namespace rvanno
