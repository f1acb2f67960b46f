// MANE Select transcript models (db/transcripts.<build>.tsv), as plain values.
// All coordinates are genomic, 0-based half-open (see coordinates.hpp); exons are stored in
// ascending genomic order whatever the strand. Exon *numbers* follow transcript order
// (exon 1 is the 5'-most exon of the transcript, i.e. the last one in `exons` on '-').
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rvanno {

struct Exon {
    std::int64_t begin{};  // genomic, 0-based inclusive
    std::int64_t end{};    // genomic, 0-based exclusive
};

struct Transcript {
    std::string gene;                     // HGNC symbol, e.g. "ALK"
    std::string accession;                // RefSeq with version, e.g. "NM_004304.5"
    std::string protein;                  // e.g. "NP_004295.2" (may be empty)
    std::string contig;                   // canonical bare contig name, e.g. "2"
    char strand{'+'};                     // '+' or '-'
    std::int64_t tx_begin{}, tx_end{};    // span of all exons
    std::int64_t cds_begin{}, cds_end{};  // genomic span of the CDS incl. the stop codon;
                                          // cds_begin == cds_end for non-coding transcripts
    std::vector<Exon> exons;              // ascending genomic order, non-overlapping
    std::string ensembl{};                // MANE Ensembl twin, e.g. "ENST00000389048.8" (may be empty)
    bool is_coding() const { return cds_end > cds_begin; }
};

}  // namespace rvanno
