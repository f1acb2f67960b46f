#include "report/text_safety.hpp"

#include <utility>
#include <vector>

namespace rvanno::text {

std::string tsv(std::string_view s) {
    std::size_t i = 0;
    for (; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f || c == '\\') break;
    }
    if (i == s.size()) return std::string(s);
    static const char* const kHex = "0123456789ABCDEF";
    std::string r(s.substr(0, i));
    for (; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '\\':
                r += "\\\\";
                break;
            case '\t':
                r += "\\t";
                break;
            case '\n':
                r += "\\n";
                break;
            case '\r':
                r += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    r += "\\x";
                    r += kHex[c >> 4];
                    r += kHex[c & 0xf];
                } else {
                    r += static_cast<char>(c);
                }
        }
    }
    return r;
}

namespace {

// Length of the well-formed sequence starting at s[i] (1..4), or 0 when it is ill-formed;
// `bad` is then the length of its maximal subpart (>= 1), replaced by one U+FFFD.
std::size_t sequence(std::string_view s, std::size_t i, std::size_t& bad) {
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

}  // namespace

bool valid_utf8(std::string_view s) {
    std::size_t bad;
    for (std::size_t i = 0; i < s.size();) {
        const auto n = sequence(s, i, bad);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string repair_utf8(std::string_view s) {
    if (valid_utf8(s)) return std::string(s);
    std::string r;
    r.reserve(s.size() + 8);
    std::size_t bad;
    for (std::size_t i = 0; i < s.size();) {
        const auto n = sequence(s, i, bad);
        if (n == 0) {
            r += "\xEF\xBF\xBD";
            i += bad;
        } else {
            r.append(s.substr(i, n));
            i += n;
        }
    }
    return r;
}

std::size_t repair_utf8(nlohmann::ordered_json& j) {
    std::size_t changed = 0;
    if (j.is_string()) {
        auto& s = j.get_ref<std::string&>();
        if (!valid_utf8(s)) {
            s = repair_utf8(s);
            ++changed;
        }
    } else if (j.is_array()) {
        for (auto& x : j) changed += repair_utf8(x);
    } else if (j.is_object()) {
        bool bad_key = false;
        for (auto it = j.begin(); it != j.end(); ++it) {
            changed += repair_utf8(it.value());
            bad_key = bad_key || !valid_utf8(it.key());
        }
        if (bad_key) {  // keys cannot be changed in place: rebuild the object in its order
            nlohmann::ordered_json o = nlohmann::ordered_json::object();
            for (auto it = j.begin(); it != j.end(); ++it) {
                if (!valid_utf8(it.key())) ++changed;
                o[repair_utf8(it.key())] = std::move(it.value());
            }
            j = std::move(o);
        }
    }
    return changed;
}

}  // namespace rvanno::text
