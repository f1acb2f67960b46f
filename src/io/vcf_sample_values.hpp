// Reading the reported sample's values of a VCF record (private to src/io; used by VcfReader).
#pragma once
#include <htslib/vcf.h>

#include <string>

#include "io/hts.hpp"
#include "io/vcf_reader.hpp"
#include "rvanno/variant.hpp"

namespace rvanno {

// bcf_get_* buffers reused across records.
struct SampleValueBuffers {
    hts::Buffer<float> f;
    hts::Buffer<int32_t> i;
};

// Fills out.vaf (one per ALT), out.depth, out.genotype and out.phase_set of column
// `sample_index` (-1: no sample column; PCGR INFO TVAF/TDP are tried), counting the VAF's
// source in counters.vaf_sources. FORMAT/AD counts that sum past 32 bits are not used as the
// depth: counted in counters.format_values_out_of_range and told once, naming `where`
// ("FILE: record N").
void read_sample_values(const bcf_hdr_t* hdr, bcf1_t* rec, int sample_index, const std::string& where,
                        SampleValueBuffers& buffers, ReaderCounters& counters, VariantRecord& out);

}  // namespace rvanno
