// Test-only UTF-8 well-formedness check (Unicode table 3-7), independent of src/.
#pragma once
#include <string_view>

namespace rvanno::test {

inline bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        unsigned char lo = 0x80, hi = 0xbf;
        if (c < 0x80)
            n = 1;
        else if (c >= 0xc2 && c <= 0xdf)
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
            return false;
        if (i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k) {
            const auto x = static_cast<unsigned char>(s[i + k]);
            if (x < (k == 1 ? lo : 0x80) || x > (k == 1 ? hi : 0xbf)) return false;
        }
        i += n;
    }
    return true;
}

}  // namespace rvanno::test
