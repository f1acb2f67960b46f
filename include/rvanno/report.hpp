// What `rvanno annotate` produces, and its TSV and JSON forms (schemas: docs/output.md).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "rvanno/consequence.hpp"
#include "rvanno/matcher.hpp"

namespace rvanno {

struct Provenance {
    std::string rvanno_version, htslib_version;
    std::string kb_version, kb_md5;
    std::string genome_build, genome_build_reason;
    std::string command_line;
    std::vector<std::string> inputs;
    std::string sample;
    std::string fasta;   // "" when not given
};

// One ALT allele of one record in a knowledge-base gene, with its consequence and matches.
struct AlleleFinding {
    long record_number{0};
    std::string contig_name;          // as in the input
    std::int64_t pos{0};              // 0-based, after normalisation
    std::string ref, alt;
    std::string input_allele;         // "chr:pos:ref:alt" as written when normalisation changed it
    std::string filter, genotype;
    std::optional<double> vaf;
    std::optional<int> depth;
    Consequence csq;
    std::string protein_source;       // "rvanno" | "INFO/<tag>" | "" (no protein change)
    std::vector<Match> matches;
};

struct Counters {
    std::map<std::string, long> values;   // name -> count, printed sorted
};

struct Report {
    Provenance provenance;
    std::vector<AlleleFinding> findings;  // input order
    Counters counters;
};

extern const char* const kResearchUseNotice;

void write_tsv(const Report& r, std::ostream& out);
void write_json(const Report& r, std::ostream& out);

}  // namespace rvanno
