// to_one_letter_protein_change(): the knowledge base and the reports compare protein
// changes in one spelling, the 1-letter form without "p." ("G1202R", "R123*", "T1151dup").
#include "base/protein_notation.hpp"

#include <string_view>

#include "base/codon_table.hpp"
#include "base/text_scan.hpp"
#include "rvanno/consequence.hpp"

namespace rvanno {
namespace {

std::string strip_wrapping(std::string s) {
    if (s.rfind("p.", 0) == 0) s.erase(0, 2);
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
    return s;
}

// Replaces every 3-letter residue ("Gly", "Ter") by its letter; lower-case keywords
// (del, ins, dup, fs, ext) and 1-letter residues pass through.
std::string shorten_residues(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i + 2 < s.size() && std::isupper(static_cast<unsigned char>(s[i])) &&
            std::islower(static_cast<unsigned char>(s[i + 1])) && std::islower(static_cast<unsigned char>(s[i + 2]))) {
            if (auto aa = one_letter(s.substr(i, 3))) {
                out += *aa;
                i += 2;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

bool is_residue(char c) { return is_ascii_upper(c) || c == '*'; }

// "[A-Z*]\d+" at s[i]; advances i past it.
bool scan_residue_position(std::string_view s, std::size_t& i) {
    if (i >= s.size() || !is_residue(s[i])) return false;
    const std::size_t from = ++i;
    while (i < s.size() && is_ascii_digit(s[i])) ++i;
    return i > from;
}

bool is_count(std::string_view s) { return s == "?" || all_digits(s); }  // "(\d+|\?)"

// The change after the position(s):
// =|\?|[A-Z*]|del|dup|ins[A-Z*]+|delins[A-Z*]+|[A-Z*]?fs(\*(\d+|\?))?|[A-Z*]ext\*(\d+|\?)
bool is_change(std::string_view r) {
    if (r == "=" || r == "?" || r == "del" || r == "dup") return true;
    if (r.size() == 1 && is_residue(r[0])) return true;
    if (r.rfind("delins", 0) == 0) return all_chars(r.substr(6), is_residue);
    if (r.rfind("ins", 0) == 0) return all_chars(r.substr(3), is_residue);
    const std::size_t f = !r.empty() && is_residue(r[0]) ? 1 : 0;
    if (r.substr(f, 2) == "fs") {
        const auto tail = r.substr(f + 2);
        return tail.empty() || (tail[0] == '*' && is_count(tail.substr(1)));
    }
    return r.size() > 5 && is_residue(r[0]) && r.substr(1, 4) == "ext*" && is_count(r.substr(5));
}

// [A-Z*]\d+(_[A-Z*]\d+)? followed by a change, the whole string.
bool is_one_letter_change(std::string_view s) {
    std::size_t i = 0;
    if (!scan_residue_position(s, i)) return false;
    if (i < s.size() && s[i] == '_' && !scan_residue_position(s, ++i)) return false;
    return is_change(s.substr(i));
}

}  // namespace

std::string to_one_letter_protein_change(const std::string& hgvs_p) {
    if (hgvs_p.size() > kMaxProteinChangeLength) return {};
    const std::string s = shorten_residues(strip_wrapping(hgvs_p));
    return is_one_letter_change(s) ? s : std::string();
}

}  // namespace rvanno
