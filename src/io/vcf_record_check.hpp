// Checks of the VCF records rvanno examines that HTSlib 1.16 does not make (stage 1, io/).
//
// Only records inside the examined genes get here (the others are skipped unparsed). A record
// that fails a check is skipped with a warning naming file:record and the problem, and counted
// (ReaderCounters::invalid_records, duplicate_records) so the provenance and the summary say how
// many; under --strict the first one is an InputError. One bad record never stops a run.
//
//   REF      one or more of A C G T N (either case). HTSlib takes REF "C,A" as REF C with an
//            extra ALT A, and keeps REF "B"; both would be annotated as something else.
//   ALT      ',' separated; each '*', '.', a symbolic <...>, a breakend (has '[' or ']', or
//            starts or ends with '.'), or one or more of A C G T N. "A T" or IUPAC codes are
//            refused: they are no sequence rvanno can translate.
//   QUAL     '.' or a finite number (text input; BCF stores a float).
//   columns  at least the 8 fixed ones (HTSlib 1.16 accepts lines cut short).
//   duplicate  the same CHROM, POS, REF and ALT as an earlier record: skipped, so one variant is
//            not reported twice.
//
// VCF 4.4 phasing prefixes on GT ("|0/1", "/0/0") are not errors: HTSlib 1.16 cannot parse
// them, so the prefix is dropped before parsing (an explicit phase of the first allele, which
// 4.4 adds, is not kept) and counted in ReaderCounters::gt_phase_prefixes.
#pragma once
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <htslib/kstring.h>

namespace rvanno {

// The problem with a tab-separated text record's fixed columns ("" when none).
std::string check_text_record(std::string_view line);
// The same for columns already split (split_fixed_columns, vcf_raw_line.hpp): REF, ALT, QUAL.
std::string check_fixed_columns(const std::array<std::string_view, 8>& columns);

// The problem with the alleles REF and ALT ("" when none); `alt` is the ALT column as written.
std::string check_alleles(std::string_view ref, std::string_view alt);

// Drops VCF 4.4 GT phasing prefixes in place when FORMAT starts with GT; returns how many.
int strip_gt_phase_prefixes(kstring_t* line);

// Records seen at the current position, to find duplicates among them (a sorted VCF puts
// duplicates next to each other; an unsorted one may let a duplicate through, never a false one).
class DuplicateRecords {
public:
    // True when (chrom, pos, alleles) was seen since the position last changed.
    bool seen(std::string_view chrom, std::int64_t pos, std::string_view alleles);

private:
    std::string chrom_;
    std::int64_t pos_{-1};
    static constexpr std::size_t kFew = 16;
    std::vector<std::string> alleles_;  // the first used_ are this position's; the rest kept for reuse
    std::size_t used_{0};
    std::set<std::string, std::less<>> many_;  // past kFew records at one position
};

// Skips: a warning for the first few, a count for all; throws InputError under strict.
class RecordSkips {
public:
    explicit RecordSkips(bool strict) : strict_(strict) {}
    // `where` is "FILE: record N (chr:pos)"; `counter` names the provenance counter.
    void skip(const std::string& where, const std::string& problem, const std::string& counter);

private:
    bool strict_;
    long warned_{0};
};

}  // namespace rvanno
