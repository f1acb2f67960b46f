// Raw VCF text lines before vcf_parse (rules at the top of vcf_raw_line.hpp).
#include "io/vcf_raw_line.hpp"

#include <algorithm>
#include <cstring>

namespace rvanno {

bool split_fixed_columns(std::string_view line, FixedColumns& columns) {
    std::size_t at = 0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (at > line.size()) return false;
        const auto tab = line.find('\t', at);
        columns[i] = line.substr(at, tab == std::string_view::npos ? std::string_view::npos : tab - at);
        if (tab == std::string_view::npos) return i + 1 == columns.size();
        at = tab + 1;
    }
    return true;
}

bool filter_may_pass(std::string_view filter) { return filter.empty() || filter == "PASS" || filter == "."; }

void duplicate_key(const FixedColumns& columns, std::string& key) {
    key.assign(columns[3]);
    key += ',';
    if (columns[4] == ".") return;
    key.append(columns[4]);
    key += ',';
}

void keep_info_keys(kstring_t* line, std::size_t begin, std::size_t length, const std::vector<std::string>& keys) {
    std::string_view info(line->s + begin, length);
    if (info.empty() || info == ".") return;
    char* out = line->s + begin;  // writes never pass the read position
    std::size_t written = 0;
    // Most lines hold none of the few wanted keys anywhere: then INFO is '.' at once.
    bool any = false;
    for (const auto& k : keys) any = any || info.find(k) != std::string_view::npos;
    for (std::size_t at = 0; any && at <= info.size();) {
        auto end = info.find(';', at);
        if (end == std::string_view::npos) end = info.size();
        const std::string_view entry = info.substr(at, end - at);
        const std::string_view key = entry.substr(0, entry.find('='));
        bool wanted = false;
        for (const auto& k : keys) wanted = wanted || (!key.empty() && key == k);
        if (wanted) {
            if (written) out[written++] = ';';
            std::memmove(out + written, entry.data(), entry.size());
            written += entry.size();
        }
        at = end + 1;
    }
    if (written == 0) out[written++] = '.';
    if (written == length) return;
    const std::size_t tail = line->l - (begin + length);
    std::memmove(out + written, line->s + begin + length, tail);
    line->l = begin + written + tail;
    line->s[line->l] = '\0';
}

void set_to_dot(kstring_t* line, std::size_t begin, std::size_t length) {
    if (length == 0 || begin + length > line->l) return;
    line->s[begin] = '.';
    std::memmove(line->s + begin + 1, line->s + begin + length, line->l - (begin + length));
    line->l -= length - 1;
    line->s[line->l] = '\0';
}

std::size_t gt_first_format_column(std::string_view l) {
    std::size_t at = 0;
    for (int tab = 0; tab < 8; ++tab) {
        at = l.find('\t', at);
        if (at == std::string_view::npos) return std::string_view::npos;
        ++at;
    }
    if (l.substr(at, 2) != "GT" || (l.size() > at + 2 && l[at + 2] != ':' && l[at + 2] != '\t'))
        return std::string_view::npos;
    return at;
}

int count_gt_phase_prefixes(std::string_view l) {
    const std::size_t at = gt_first_format_column(l);
    if (at == std::string_view::npos) return 0;
    int n = 0;
    for (auto tab = l.find('\t', at); tab != std::string_view::npos; tab = l.find('\t', tab + 1)) {
        const std::string_view cell = l.substr(tab + 1, 2);
        if (cell.size() == 2 && (cell[0] == '/' || cell[0] == '|') && cell[1] != ':' && cell[1] != '\t') ++n;
    }
    return n;
}

}  // namespace rvanno
