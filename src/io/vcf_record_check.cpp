// Record checks (rules at the top of vcf_record_check.hpp).
#include "io/vcf_record_check.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <vector>

#include "base/warning.hpp"
#include "io/vcf_raw_line.hpp"
#include "io/vcf_reader.hpp"
#include "rvanno/error.hpp"

namespace rvanno {

namespace {

constexpr long kWarnings = 5;  // record problems told one by one; the rest are counted

bool is_base(char c) {
    switch (c) {
        case 'A':
        case 'C':
        case 'G':
        case 'T':
        case 'N':
        case 'a':
        case 'c':
        case 'g':
        case 't':
        case 'n':
            return true;
        default:
            return false;
    }
}

bool all_bases(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!is_base(c)) return false;
    return true;
}

// A shown value: printable ASCII as is, anything else as \xHH, at most 40 bytes.
std::string shown(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < s.size() && i < 40; ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7f) {
            out += s[i];
        } else {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    if (s.size() > 40) out += "...";
    return out;
}

bool is_symbolic_or_breakend(std::string_view a) {
    if (a.size() >= 2 && a.front() == '<' && a.back() == '>') return true;
    if (a.find_first_of("[]") != std::string_view::npos) return true;
    return a.size() >= 2 && (a.front() == '.' || a.back() == '.');
}

}  // namespace

std::string check_alleles(std::string_view ref, std::string_view alt) {
    if (!all_bases(ref)) return "REF '" + shown(ref) + "' is not a sequence of A, C, G, T, N";
    if (alt == ".") return "";
    for (std::size_t at = 0;;) {  // each ','-separated ALT, without building a list
        const auto comma = alt.find(',', at);
        const auto a = alt.substr(at, comma == std::string_view::npos ? comma : comma - at);
        if (!(a == "*" || is_symbolic_or_breakend(a) || all_bases(a)))
            return "ALT '" + shown(a) + "' is not a sequence of A, C, G, T, N, nor '*', '.', <ID> or a breakend";
        if (comma == std::string_view::npos) return "";
        at = comma + 1;
    }
}

std::string check_text_record(std::string_view line) {
    FixedColumns columns;
    if (!split_fixed_columns(line, columns))
        return "fewer than the 8 fixed VCF columns (the line is cut short or not tab-separated)";
    return check_fixed_columns(columns);
}

std::string check_fixed_columns(const FixedColumns& columns) {
    if (auto p = check_alleles(columns[3], columns[4]); !p.empty()) return p;
    const std::string_view qual = columns[5];
    if (qual != ".") {
        double v = 0;
        auto [end, ec] = std::from_chars(qual.data(), qual.data() + qual.size(), v);
        if (ec != std::errc() || end != qual.data() + qual.size() || !std::isfinite(v))
            return "QUAL '" + shown(qual) + "' is not a number or '.'";
    }
    return "";
}

int strip_gt_phase_prefixes(kstring_t* line) {
    std::string_view l(line->s, line->l);
    if (count_gt_phase_prefixes(l) == 0) return 0;  // the common case: no copy
    // FORMAT is the 9th column; the samples follow.
    const std::size_t at = gt_first_format_column(l);
    if (at == std::string_view::npos) return 0;
    std::string out(l.substr(0, at));
    int stripped = 0;
    std::size_t col = at;
    bool format = true;
    while (col <= l.size()) {
        auto end = l.find('\t', col);
        std::string_view cell = l.substr(col, end == std::string_view::npos ? std::string_view::npos : end - col);
        if (!format && cell.size() >= 2 && (cell[0] == '/' || cell[0] == '|') && cell[1] != ':') {
            cell.remove_prefix(1);
            ++stripped;
        }
        out.append(cell);
        if (end == std::string_view::npos) break;
        out += '\t';
        col = end + 1;
        format = false;
    }
    if (stripped == 0) return 0;
    std::memcpy(line->s, out.data(), out.size());
    line->l = out.size();
    line->s[line->l] = '\0';
    return stripped;
}

bool DuplicateRecords::seen(std::string_view chrom, std::int64_t pos, std::string_view alleles) {
    if (pos != pos_ || chrom != chrom_) {
        chrom_.assign(chrom);
        pos_ = pos;
        used_ = 0;
        many_.clear();
    }
    for (std::size_t i = 0; i < used_; ++i)
        if (alleles_[i] == alleles) return true;
    if (used_ < kFew) {
        if (used_ == alleles_.size()) alleles_.emplace_back();
        alleles_[used_++].assign(alleles);  // reuses the string's storage: no allocation per record
        return false;
    }
    return !many_.emplace(alleles).second;
}

void RecordSkips::skip(const std::string& where, const std::string& problem, const std::string& counter) {
    if (strict_)
        throw InputError(where, problem, "fix or remove the record, or run without --strict to skip it with a warning");
    if (warned_ < kWarnings)
        warn(where + ": " + problem + "; record skipped (counted in " + counter + ")");
    else if (warned_ == kWarnings)
        warn("further skipped records are counted in the provenance, not shown");
    ++warned_;
}

std::string describe_record_problems(const ReaderCounters& c) {
    std::string out;
    auto add = [&](long n, const char* one, const char* many) {
        if (n <= 0) return;
        out += (out.empty() ? "small variants: " : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
    };
    add(c.invalid_records, "invalid record skipped", "invalid records skipped");
    add(c.duplicate_records, "duplicate record skipped", "duplicate records skipped");
    add(c.gt_phase_prefixes, "VCF 4.4 GT phasing prefix dropped", "VCF 4.4 GT phasing prefixes dropped");
    add(c.format_values_out_of_range, "FORMAT/AD sum past 32 bits not used as depth",
        "FORMAT/AD sums past 32 bits not used as depth");
    return out;
}

}  // namespace rvanno
