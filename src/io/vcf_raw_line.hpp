// What VcfReader reads of a raw VCF text line before vcf_parse, and what it cuts from the line so
// that vcf_parse does only the work whose result rvanno uses (stage 1, io/; private to src/io).
//
//   columns  the 8 fixed columns are split once; vcf_record_check.hpp checks them.
//   FILTER   a value other than "PASS" or "." is a FILTERed record whatever HTSlib makes of it
//            (HTSlib's PASS: no filter, or the one filter PASS), so without --include-filtered
//            such a record is counted (candidates, filtered, duplicates, GT phase prefixes) and
//            never parsed. "PASS;q10" is FILTERed too: it has two filters.
//   INFO     only the keys rvanno reads are kept (the annotation tags the header declares,
//            PCGR's TVAF/TDP); the rest is cut before vcf_parse, which spent about a fifth of a
//            panel run converting values nobody read. '.' when none is left.
//   QUAL     not reported: checked (vcf_record_check.hpp), then cut to '.' so that vcf_parse
//            does not convert it a second time.
//   samples  parsing only the chosen sample's column is HTSlib's own bcf_hdr_set_samples
//            (vcf_sample_values.hpp: keep_sample_columns).
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <htslib/kstring.h>

namespace rvanno {

using FixedColumns = std::array<std::string_view, 8>;  // CHROM POS ID REF ALT QUAL FILTER INFO

// The 8 fixed columns of `line` (views into it); false when it has fewer.
bool split_fixed_columns(std::string_view line, FixedColumns& columns);

// False when the FILTER value `filter` makes the record FILTERed for HTSlib's rule above; true
// for "PASS" and "." (and for anything HTSlib alone can judge, such as an empty column).
bool filter_may_pass(std::string_view filter);

// The alleles of a record as VcfReader's duplicate test keys them: "REF,ALT1,ALT2," ("REF," for
// ALT '.'), the same string it builds from a parsed record.
void duplicate_key(const FixedColumns& columns, std::string& key);

// Keeps only the INFO entries whose key is in `keys` in the INFO column of `line`, which starts
// at byte `begin` and is `length` bytes long; in place. '.' when none is left; "." and an empty
// column stay as they are.
void keep_info_keys(kstring_t* line, std::size_t begin, std::size_t length, const std::vector<std::string>& keys);

// Replaces the `length` bytes at `begin` (a column) with '.', in place.
void set_to_dot(kstring_t* line, std::size_t begin, std::size_t length);

// Where the FORMAT column (the 9th) starts when its first key is GT; npos otherwise. Shared by
// count_gt_phase_prefixes and strip_gt_phase_prefixes (vcf_record_check.hpp).
std::size_t gt_first_format_column(std::string_view line);

// How many VCF 4.4 GT phasing prefixes strip_gt_phase_prefixes would drop, without changing the line.
int count_gt_phase_prefixes(std::string_view line);

}  // namespace rvanno
