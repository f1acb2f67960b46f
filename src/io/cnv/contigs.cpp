// Contig names in copy-number files: primary contigs are kept, the reference's extra contigs
// (alt haplotypes, _random, decoys, unplaced, HLA, EBV) are skipped, anything else is an error.
//
// Why not skip unknown names too: a file with contigs named "chr01" or "Chromosome2" would
// otherwise load with no segments and look like a copy-neutral genome.
#include <algorithm>
#include <array>
#include <cctype>

#include "base/strings.hpp"
#include "io/cnv/internal.hpp"
#include "rvanno/error.hpp"

namespace rvanno::cnv {

namespace {

// Names from the UCSC hg19/hg38, GRCh37 (b37, hs37d5) and GRCh38 analysis-set FASTAs.
bool is_extra_contig(const std::string& name) {
    const std::string n = lower(name);
    constexpr std::array<const char*, 13> parts{"_alt",   "_random", "_decoy", "_fix", "_hap", "chrun",    "decoy",
                                                "hs37d5", "hs38d1",  "ebv",    "hla-", "hla_", "nc_007605"};
    for (const char* p : parts)
        if (n.find(p) != std::string::npos) return true;
    // Unplaced scaffolds: GL000192.1, KI270302.1, JH636055.1, NT_113878.1, NW_..., Un_...
    constexpr std::array<const char*, 6> prefixes{"gl", "ki", "jh", "nt_", "nw_", "un_"};
    for (const char* p : prefixes) {
        const std::string_view pre(p);
        if (n.rfind(pre, 0) == 0 && n.size() > pre.size() &&
            (pre.back() == '_' || std::isdigit(static_cast<unsigned char>(n[pre.size()]))))
            return true;
    }
    return false;
}

}  // namespace

std::optional<std::string> primary_contig(const std::string& name, const std::string& where, bool numeric_sex) {
    if (auto c = canonical_contig(name)) return c;
    // DNAcopy/IGV SEG files often number the sex chromosomes; CNVkit's import-seg "-c human"
    // preset reads 23 as X, 24 as Y and 25 as M.
    if (numeric_sex) {
        if (name == "23") return std::string("X");
        if (name == "24") return std::string("Y");
        if (name == "25") return std::string("MT");
    }
    if (is_extra_contig(name)) return std::nullopt;
    throw InputError(where, "unknown contig '" + name + "'",
                     "rvanno reads 1-22, X, Y, MT (with or without 'chr') and RefSeq NC_ names; "
                     "alt, random, decoy and unplaced contigs are skipped");
}

}  // namespace rvanno::cnv
