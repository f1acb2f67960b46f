#include "consequence/allele_edit.hpp"

#include "base/strings.hpp"

namespace rvanno {

Edit trim(const Allele& allele) {
    Edit e{allele.pos, upper(allele.ref), upper(allele.alt)};
    while (!e.del.empty() && !e.ins.empty() && e.del.back() == e.ins.back()) {
        e.del.pop_back();
        e.ins.pop_back();
    }
    std::size_t n = 0;
    while (n < e.del.size() && n < e.ins.size() && e.del[n] == e.ins[n]) ++n;
    e.del.erase(0, n);
    e.ins.erase(0, n);
    e.pos += static_cast<std::int64_t>(n);
    return e;
}

// Rotating the indel's sequence by one base while stepping keeps it the same change:
// deleting (or inserting) "CA" before "C" equals deleting "AC" one base later.
Edit shift_right(Edit e, CachedReference& ref, std::int64_t limit) {
    if (!e.is_indel()) return e;
    std::string& seq = e.is_deletion() ? e.del : e.ins;
    while (true) {
        const std::int64_t next = e.is_deletion() ? e.end() : e.pos;
        if (next >= limit) break;
        auto b = ref.base(next);
        if (!b || *b != seq.front()) break;
        seq = seq.substr(1) + *b;
        ++e.pos;
    }
    return e;
}

Edit shift_left(Edit e, CachedReference& ref, std::int64_t limit) {
    if (!e.is_indel()) return e;
    std::string& seq = e.is_deletion() ? e.del : e.ins;
    while (e.pos > limit) {
        auto b = ref.base(e.pos - 1);
        if (!b || *b != seq.back()) break;
        seq = *b + seq.substr(0, seq.size() - 1);
        --e.pos;
    }
    return e;
}

}  // namespace rvanno
