#include "report/text_safety.hpp"

#include <utility>
#include <vector>

#include "base/text_scan.hpp"

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

std::string repair_utf8(std::string_view s) {
    if (is_valid_utf8(s)) return std::string(s);
    std::string r;
    r.reserve(s.size() + 8);
    std::size_t bad;
    for (std::size_t i = 0; i < s.size();) {
        const auto n = utf8_sequence(s, i, bad);
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
        if (!is_valid_utf8(s)) {
            s = repair_utf8(s);
            ++changed;
        }
    } else if (j.is_array()) {
        for (auto& x : j) changed += repair_utf8(x);
    } else if (j.is_object()) {
        bool bad_key = false;
        for (auto it = j.begin(); it != j.end(); ++it) {
            changed += repair_utf8(it.value());
            bad_key = bad_key || !is_valid_utf8(it.key());
        }
        if (bad_key) {  // keys cannot be changed in place: rebuild the object in its order
            nlohmann::ordered_json o = nlohmann::ordered_json::object();
            for (auto it = j.begin(); it != j.end(); ++it) {
                if (!is_valid_utf8(it.key())) ++changed;
                o[repair_utf8(it.key())] = std::move(it.value());
            }
            j = std::move(o);
        }
    }
    return changed;
}

}  // namespace rvanno::text
