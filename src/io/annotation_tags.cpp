// Readers for VEP CSQ, SnpEff ANN and bcftools BCSQ values already present in a VCF.
//
// How each tool is recognised (from the INFO Description only):
//  * BCSQ:   "... consequence annotation from BCFtools/csq ..." (bcftools writes "Haplotype-aware" or
//            "Local", and older and newer versions differ in the text after "Format:"); the fields are
//            positional: consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change.
//  * SnpEff: "Functional annotations: '<names separated by ' | '>'".
//  * VEP:    "... Format: <names separated by '|'>" where the names include Allele and Consequence.
//            CIViC's own VCF uses this schema ("Consequence annotations from CIViC. Format: Allele|
//            Consequence|SYMBOL|...|HGVSc|HGVSp|..."), so it reads as VEP too.
#include "io/annotation_tags.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "base/strings.hpp"
#include "io/text_table.hpp"

namespace rvanno {
namespace {

constexpr std::string_view kBcsqFields[] = {"consequence",       "gene",      "transcript", "biotype", "strand",
                                            "amino_acid_change", "dna_change"};

std::vector<std::string> split_names(std::string_view list) {
    std::vector<std::string> names;
    for (const auto& n : split(list, '|')) names.push_back(trim(n, kWhitespace));
    return names;
}

bool has_name(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::optional<AnnotationLayout> bcsq_layout(std::string_view d) {
    if (d.find("consequence annotation from BCFtools/csq") == std::string_view::npos) return std::nullopt;
    AnnotationLayout l{AnnotationStyle::bcsq, {}};
    for (auto f : kBcsqFields) l.fields.emplace_back(f);
    return l;
}

std::optional<AnnotationLayout> snpeff_layout(std::string_view d) {
    const auto at = d.find("Functional annotations:");
    if (at == std::string_view::npos) return std::nullopt;
    d.remove_prefix(at + std::string_view("Functional annotations:").size());
    const auto open = d.find('\'');
    if (open != std::string_view::npos) d.remove_prefix(open + 1);
    d = d.substr(0, d.find('\''));
    auto names = split_names(d);
    if (!has_name(names, "Allele") || !has_name(names, "Annotation")) return std::nullopt;
    return AnnotationLayout{AnnotationStyle::snpeff, std::move(names)};
}

std::optional<AnnotationLayout> vep_layout(std::string_view d) {
    const auto at = d.find("Format:");
    if (at == std::string_view::npos) return std::nullopt;
    auto list = trim(d.substr(at + std::string_view("Format:").size()), kWhitespace);
    while (!list.empty() && (list.back() == '"' || list.back() == '\'')) list.pop_back();
    auto names = split_names(list);
    if (!has_name(names, "Allele") || !has_name(names, "Consequence")) return std::nullopt;
    return AnnotationLayout{AnnotationStyle::vep, std::move(names)};
}

std::size_t field_count(std::string_view entry) {
    return static_cast<std::size_t>(std::count(entry.begin(), entry.end(), '|')) + 1;
}

// How many comma-split pieces from `i` on make one entry of `nfields` fields. CIViC's VCF has
// bare commas inside a field ("Diffuse_Midline_Glioma,_H3_K27M-mutant_(DOID_0080684)"); a short
// piece is rejoined with the following ones only if that gives exactly the declared field count,
// so a merely truncated entry followed by a complete one stays two entries.
std::size_t pieces_in_entry(const std::vector<std::string>& pieces, std::size_t i, std::size_t nfields) {
    std::size_t fields = field_count(pieces[i]);
    for (std::size_t j = i + 1; fields < nfields && j < pieces.size(); ++j) {
        fields += field_count(pieces[j]) - 1;
        if (fields == nfields) return j - i + 1;
    }
    return 1;
}

std::vector<std::string> split_entries(std::string_view value, std::size_t nfields) {
    const auto pieces = split(value, ',');
    if (nfields == 0) return pieces;
    std::vector<std::string> entries;
    for (std::size_t i = 0; i < pieces.size();) {
        const std::size_t n = pieces_in_entry(pieces, i, nfields);
        std::string entry = pieces[i];
        for (std::size_t k = 1; k < n; ++k) entry += "," + pieces[i + k];
        entries.push_back(std::move(entry));
        i += n;
    }
    return entries;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// VEP percent-encodes characters that are special in VCF, e.g. synonymous "p.Gly299%3D".
std::string url_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

// "ENST00000389048.8:c.3604G>A" -> "c.3604G>A"; the transcript is reported in its own field.
std::string clean_hgvs(std::string_view s) {
    const auto colon = s.find(':');
    if (colon != std::string_view::npos) s.remove_prefix(colon + 1);
    return url_decode(s);
}

struct PositionedResidue {
    std::string position;
    char residue{};
};

// "1202G" -> {1202, 'G'}; one residue letter or '*' (stop) after the position.
std::optional<PositionedResidue> parse_residue(std::string_view t) {
    std::size_t digits = 0;
    while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
    if (digits == 0 || t.size() != digits + 1) return std::nullopt;
    const char r = t.back();
    if (!(std::isupper(static_cast<unsigned char>(r)) || r == '*')) return std::nullopt;
    return PositionedResidue{std::string(t.substr(0, digits)), r};
}

// bcftools writes a substitution as "1202G>1202R" (position repeated on both sides, see
// csq.c's "5TY>5I" example); that becomes "p.G1202R". A synonymous change is written without
// the '>' part ("13V": csq.c prints the alternate side only when the change is not
// synonymous); that becomes "p.V13=". Anything else (indels, multi-residue changes) is kept
// as bcftools wrote it.
std::string bcsq_protein_change(const std::string& s) {
    const auto gt = s.find('>');
    if (gt == std::string::npos) {
        const auto same = parse_residue(s);
        return same ? "p." + std::string(1, same->residue) + same->position + "=" : s;
    }
    const auto ref = parse_residue(std::string_view(s).substr(0, gt));
    const auto alt = parse_residue(std::string_view(s).substr(gt + 1));
    if (!ref || !alt || ref->position != alt->position) return s;
    return "p." + std::string(1, ref->residue) + ref->position + std::string(1, alt->residue);
}

std::string cell(const std::vector<std::string>& cells, std::size_t i) {
    return i < cells.size() ? cells[i] : std::string();
}

// dna_change is genomic ("6723A>T+6725G>A"), not c. notation, so hgvs_c stays empty; it is
// kept to tell which ALT of a multi-allelic record the entry is for. "@6723" (the consequence
// of a change split across records is stored at 6723) is kept as an entry with that
// consequence and nothing else: it names no transcript, so it never stands for one.
AnnotatedConsequence parse_bcsq_entry(const std::string& entry) {
    const auto cells = split(entry, '|');
    AnnotatedConsequence a;
    a.consequence = cell(cells, 0);  // a leading '*' (downstream of a stop) is kept on purpose
    if (a.consequence.rfind('@', 0) == 0) return a;
    a.gene = cell(cells, 1);
    a.transcript = cell(cells, 2);
    a.hgvs_p = bcsq_protein_change(cell(cells, 5));
    a.dna_change = cell(cells, 6);
    return a;
}

AnnotatedConsequence parse_named_entry(const AnnotationLayout& layout, const std::string& entry) {
    const auto cells = split(entry, '|');
    const auto column = [&](std::string_view name) {
        const auto it = std::find(layout.fields.begin(), layout.fields.end(), name);
        return cell(cells, static_cast<std::size_t>(it - layout.fields.begin()));
    };
    const bool vep = layout.style == AnnotationStyle::vep;
    AnnotatedConsequence a;
    a.allele = column("Allele");
    a.consequence = column(vep ? "Consequence" : "Annotation");
    a.gene = column(vep ? "SYMBOL" : "Gene_Name");
    a.transcript = column(vep ? "Feature" : "Feature_ID");
    a.hgvs_c = clean_hgvs(column(vep ? "HGVSc" : "HGVS.c"));
    a.hgvs_p = clean_hgvs(column(vep ? "HGVSp" : "HGVS.p"));
    return a;
}

}  // namespace

std::optional<AnnotationLayout> detect_annotation_layout(const std::string& description) {
    // BCSQ first: its Description also contains "Format:", but names no Allele column.
    if (auto l = bcsq_layout(description)) return l;
    if (auto l = snpeff_layout(description)) return l;
    return vep_layout(description);
}

std::vector<AnnotatedConsequence> parse_annotations(const AnnotationLayout& layout, const std::string& value) {
    std::vector<AnnotatedConsequence> out;
    if (value.empty() || value == ".") return out;
    const bool bcsq = layout.style == AnnotationStyle::bcsq;
    for (const auto& entry : split_entries(value, bcsq ? 0 : layout.fields.size())) {
        if (entry.empty()) continue;
        out.push_back(bcsq ? parse_bcsq_entry(entry) : parse_named_entry(layout, entry));
    }
    return out;
}

}  // namespace rvanno
