// A genomic change with the shared bases trimmed away, and the shifting of indels within
// repeats. Used by left-normalisation (shift left, as bcftools norm) and by HGVS (shift
// towards the transcript's 3' end). Private to src/consequence.
#pragma once
#include <cstdint>
#include <string>

#include "consequence/cached_reference.hpp"
#include "rvanno/consequence.hpp"

namespace rvanno {

// `del` are the reference bases at [pos, pos + del.size()) replaced by `ins`. A pure
// insertion (del empty) sits between pos-1 and pos. Both strings are upper-case, genomic.
struct Edit {
    std::int64_t pos{};
    std::string del, ins;
    bool is_insertion() const { return del.empty() && !ins.empty(); }
    bool is_deletion() const { return ins.empty() && !del.empty(); }
    bool is_indel() const { return is_insertion() || is_deletion(); }
    std::int64_t end() const { return pos + static_cast<std::int64_t>(del.size()); }
};

// Upper-cases and trims the shared suffix, then the shared prefix (so a left-aligned VCF
// indel keeps its leftmost position).
Edit trim(const Allele& allele);

// Moves a pure indel right while the repeat allows it, keeping the edit inside [., limit).
Edit shift_right(Edit e, CachedReference& ref, std::int64_t limit);
// Moves a pure indel left while the repeat allows it, never starting before `limit`.
Edit shift_left(Edit e, CachedReference& ref, std::int64_t limit);

}  // namespace rvanno
