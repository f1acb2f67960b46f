// Reading the reported sample's values of a VCF record (private to src/io; used by VcfReader).
//
// FORMAT tags are resolved to header ids once (FormatIds), not by name per record, and only the
// chosen column is converted (bcf_get_format_* convert every sample's values). A text VCF's
// other columns are not even parsed: keep_sample_columns (HTSlib's bcf_hdr_set_samples).
#pragma once
#include <htslib/vcf.h>

#include <functional>
#include <string>
#include <vector>

#include "io/hts.hpp"
#include "io/vcf_reader.hpp"
#include "rvanno/variant.hpp"

namespace rvanno {

// bcf_get_* buffers reused across records.
struct SampleValueBuffers {
    hts::Buffer<float> f;
    hts::Buffer<int32_t> i;
};

// The header id of FORMAT `tag` when the header declares it with `type` (BCF_HT_INT, BCF_HT_REAL;
// BCF_HT_STR for GT, whose values BCF holds as integers), else -1: bcf_get_format_* give
// nothing for it either. Tags HTSlib adds while parsing (undeclared ones) are Strings.
int format_tag_id(const bcf_hdr_t* hdr, const char* tag, int type);

// The FORMAT tags read_sample_values reads, resolved once per header.
struct FormatIds {
    int af{-1}, ad{-1}, dp{-1}, gt{-1}, ps{-1};
};
FormatIds resolve_format_ids(const bcf_hdr_t* hdr);

// The values of FORMAT tag `id` (format_tag_id) in column `column` of `rec` (its index among the
// columns the record holds), as bcf_get_format_int32 / bcf_get_format_float give that column's
// part of their array: HTSlib's missing and vector-end codes, vector-end padding. Returns the
// number of values per sample, < 0 when the record does not have the tag.
int sample_int32(bcf1_t* rec, int id, int column, hts::Buffer<int32_t>& out);
int sample_float(bcf1_t* rec, int id, int column, hts::Buffer<float>& out);

// Makes HTSlib parse only `columns` (0-based, header order) of a text VCF's samples; returns
// each one's index among the columns parsed records then hold. Leaves the header as it is and
// returns `columns` when that would drop nothing, or a name cannot be passed to HTSlib (a ',').
std::vector<int> keep_sample_columns(bcf_hdr_t* hdr, const std::vector<int>& columns);

// Fills out.vaf (one per ALT), out.depth, out.genotype and out.phase_set of column
// `column` (-1: no sample column; PCGR INFO TVAF/TDP are tried), counting the VAF's
// source in counters.vaf_sources. FORMAT/AD counts that sum past 32 bits are not used as the
// depth: counted in counters.format_values_out_of_range and told once, naming where()
// ("FILE: record N"; built only then).
void read_sample_values(const bcf_hdr_t* hdr, const FormatIds& ids, bcf1_t* rec, int column,
                        const std::function<std::string()>& where, SampleValueBuffers& buffers,
                        ReaderCounters& counters, VariantRecord& out);

}  // namespace rvanno
