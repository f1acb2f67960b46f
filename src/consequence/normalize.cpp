// Left-normalisation as `bcftools norm -f` does it: trim the bases the alleles share, slide a
// pure indel left through its repeat, then put back one padding base (VCF requires it).

#include "consequence/normalize.hpp"

#include "base/strings.hpp"
#include "consequence/allele_edit.hpp"

namespace rvanno {
namespace {

bool is_plain_sequence(const std::string& s) { return !s.empty() && s.find_first_not_of("ACGTN") == std::string::npos; }

// Without reference sequence only what the alleles themselves show can be trimmed:
// shared suffix, then shared prefix, never leaving an allele empty.
Allele trim_keeping_padding(Allele a) {
    while (a.ref.size() > 1 && a.alt.size() > 1 && a.ref.back() == a.alt.back()) {
        a.ref.pop_back();
        a.alt.pop_back();
    }
    while (a.ref.size() > 1 && a.alt.size() > 1 && a.ref[0] == a.alt[0]) {
        a.ref.erase(0, 1);
        a.alt.erase(0, 1);
        ++a.pos;
    }
    return a;
}

// Re-adds the padding base VCF needs for an indel: the base before it, or the base after
// it when the indel starts at the first base of the contig.
std::optional<Allele> with_padding(const Edit& e, const std::string& contig, CachedReference& ref) {
    if (!e.del.empty() && !e.ins.empty()) return Allele{contig, e.pos, e.del, e.ins};
    if (e.pos > 0) {
        auto b = ref.base(e.pos - 1);
        if (!b) return std::nullopt;
        return Allele{contig, e.pos - 1, *b + e.del, *b + e.ins};
    }
    auto b = ref.base(e.end());
    if (!b) return std::nullopt;
    return Allele{contig, e.pos, e.del + *b, e.ins + *b};
}

}  // namespace

Allele left_normalize(const Allele& allele, const ReferenceSequence& ref) {
    Allele upcased{allele.contig, allele.pos, upper(allele.ref), upper(allele.alt)};
    if (upcased.ref == upcased.alt || !is_plain_sequence(upcased.ref) || !is_plain_sequence(upcased.alt))
        return upcased;  // symbolic, '*' or no-change alleles have nothing to normalise
    CachedReference cache(ref, allele.contig);
    const Edit shifted = shift_left(trim(upcased), cache, 0);
    if (auto padded = with_padding(shifted, allele.contig, cache)) return *padded;
    return trim_keeping_padding(upcased);
}

std::optional<bool> ref_matches(const Allele& allele, const ReferenceSequence& ref) {
    const auto len = static_cast<std::int64_t>(allele.ref.size());
    auto seq = ref.fetch(allele.contig, allele.pos, allele.pos + len);
    if (!seq || seq->size() != allele.ref.size()) return std::nullopt;
    return upper(*seq) == upper(allele.ref);
}

}  // namespace rvanno
