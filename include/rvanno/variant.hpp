// A VCF/BCF record as the rest of rvanno sees it: plain values, no HTSlib.
// Positions are 0-based (coordinates.hpp); contig is canonical, contig_name as in the file.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rvanno {

struct VariantRecord {
    long record_number{0};    // 1-based ordinal among the file's data records
    std::string contig_name;  // as written in the file, e.g. "chr2"
    std::string contig;       // canonical, e.g. "2"
    std::int64_t pos{0};      // 0-based
    std::string id, ref;
    std::vector<std::string> alts;  // every ALT as written (symbolic ones included)
    std::string filter;             // "PASS", "." or ';'-joined filter names
    // Values of the selected sample; vaf has one entry per ALT.
    std::vector<std::optional<double>> vaf;
    std::optional<int> depth;
    std::string genotype;  // e.g. "0/1", "0|1"; empty when absent
    std::optional<std::int64_t> phase_set;
    // Raw values of INFO tags whose header Description is a known consequence layout.
    std::vector<std::pair<std::string, std::string>> annotations;
    // MAF input only (io/maf_reader.hpp); VCF records leave these empty.
    bool unanchored{false};            // ref or the ALT may be "" (MAF '-'), no padding base
    std::string input_protein_change;  // the input's own protein change, e.g. "p.G12D"
    std::string input_protein_source;  // where it came from, e.g. "MAF HGVSp_Short"
    std::string input_transcript;      // its transcript (MAF Transcript_ID), "" if not given
};

}  // namespace rvanno
