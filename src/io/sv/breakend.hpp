// Pieces shared by the SV/fusion readers (private to src/io): the VCF breakend ALT notation,
// contig classes, and "chr:pos[:strand]" breakpoints of fusion tables.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace rvanno::sv {

// A breakend ALT as in the VCF 4.x specification, section 5.4 (breakends):
//   t[p[  this base keeps its left side; joined after it: the piece extending RIGHT of p
//   t]p]  this base keeps its left side; joined after it: the reverse complement of the
//         piece extending LEFT of p
//   ]p]t  this base keeps its right side; joined before it: the piece extending LEFT of p
//   [p[t  this base keeps its right side; joined before it: the reverse complement of the
//         piece extending RIGHT of p
// `t` may carry inserted bases after (t[p[, t]p]) or before (]p]t, [p[t) the REF base; the
// breakend itself stays at POS. The mate base p is kept on the side its piece extends to.
struct BreakendAlt {
    std::string mate_contig;   // as written (angle brackets of <ctg> names removed)
    std::int64_t mate_pos{0};  // 0-based
    bool keeps_left{true};     // the record's own base: sequence up to POS is kept
    bool mate_keeps_left{true};
};

// nullopt if `alt` contains no '[' or ']'; throws InputError(where, ...) if it does but is not
// one of the four forms.
std::optional<BreakendAlt> parse_breakend_alt(std::string_view alt, const std::string& where);

// "G." or ".G" (a single breakend, VCF 4.x section 5.4.9): no mate exists.
bool is_single_breakend(std::string_view alt);

enum class ContigClass { primary, other_assembly_part, unknown };

// primary: canonical_contig() knows it. other_assembly_part: alt, decoy, unplaced, HLA, EBV or
// random contigs ("chr1_KI270706v1_random", "chrUn_...", "GL000192.1", "hs37d5", "HLA-A*01:01").
ContigClass classify_contig(const std::string& name);

struct Breakpoint {
    std::string contig;       // canonical, or as written for declared non-human contigs
    std::string contig_name;  // as written
    std::int64_t pos{0};      // 0-based
    char strand{'.'};         // '+', '-' or '.' when not given
};

// "chr2:42522694" or "chr2:42522694:+" (1-based position). nullopt for "", "." or "NA";
// throws InputError(where, ...) for any other text that is not of this form.
std::optional<Breakpoint> parse_breakpoint(std::string_view text, const std::string& where);

}  // namespace rvanno::sv
