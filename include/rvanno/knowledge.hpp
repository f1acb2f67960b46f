// The curated knowledge base (db/): evidence statements, drugs and genes, as plain values
// (loaded by src/knowledge/knowledge_base.hpp). Schema and allowed values: db/README.md. A
// KnowledgeBase owns its entries; matches point into it, so it must outlive every Match made
// from it.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rvanno/genome.hpp"

namespace rvanno {

enum class AlterationKind {
    genomic,
    hgvs_c,
    hgvs_p,
    codon,
    range,
    lof,
    missense,
    amplification,
    deletion,
    loss,
    fusion
};
enum class Effect { resistance, reduced_sensitivity, sensitivity, no_benefit };
enum class EvidenceLevel { A, B, C, D, E };

std::string to_string(AlterationKind k);
std::string to_string(Effect e);
std::string to_string(EvidenceLevel l);
// AMP/ASCO/CAP 2017 tier and level for a CIViC-scale evidence level, e.g. "Tier I-A".
std::string amp_tier(EvidenceLevel l);

struct GenomicAllele {
    GenomeBuild build{};
    std::string contig;  // canonical
    std::int64_t pos{};  // 0-based
    std::string ref, alt;
};

struct RequiredAlteration {
    std::string gene;
    std::string protein_change;  // 1-letter, no "p.", e.g. "L1196M"
};

struct KnowledgeEntry {
    std::string id, gene;
    AlterationKind kind{};
    std::string alteration;                        // as written in the table
    std::vector<GenomicAllele> alleles;            // kind == genomic
    std::string hgvs_c;                            // kind == hgvs_c
    std::string protein_change;                    // kind == hgvs_p, 1-letter without "p."
    int codon{0};                                  // kind == codon: residue number
    char codon_ref_aa{0};                          // kind == codon: reference amino acid
    int range_begin{0}, range_end{0};              // kind == range, inclusive residues
    std::optional<double> min_copy_number;         // kind == amplification with cn>=N
    std::string fusion5, fusion3;                  // kind == fusion: partners, "*" = any
    std::vector<std::string> hgvs_c_alleles;       // `hgvs_c` column
    std::vector<RequiredAlteration> requires_all;  // compound rows
    std::vector<std::string> drugs;
    Effect effect{};
    EvidenceLevel level{};
    std::vector<std::string> diseases;
    std::string mechanism;
    std::vector<std::string> citations;
    bool verified{false};
    std::string notes;
    // Optional `context` column: conditions the sample must meet for the row to apply, all of
    // them (evaluated per sample by compute_verdicts; see db/README.md).
    std::vector<std::string> required_drivers;  // "ALK fusion": declared (--driver) or detected
    std::vector<std::string> tumor_types;       // OncoTree-style codes; the sample's must be one
    // "cis" or "trans" (phase=...): a compound row whose own allele must lie in that phase with
    // every `requires` partner (same gene); "" = phase not required. Rules: interpret/verdict.cpp.
    std::string required_phase;
    std::string file;  // for messages: "knowledge/alk.tsv"
    long line{0};
};

struct Drug {
    std::string id, name, drug_class;
    std::vector<std::string> synonyms, targets;
    std::optional<int> generation;
    bool is_class() const { return drug_class == "class"; }
};

struct KnowledgeBase {
    std::filesystem::path directory;
    std::string version;      // db/VERSION
    std::string content_md5;  // over every table, see content_files()
    std::vector<KnowledgeEntry> entries;
    std::map<std::string, Drug> drugs;
    std::vector<std::string> genes;  // db/genes.txt order

    std::vector<const KnowledgeEntry*> entries_for_gene(const std::string& gene) const;
    const Drug* drug(const std::string& id) const;
    std::filesystem::path transcripts_path(GenomeBuild b) const;
};

// The tier of one row for a sample of `tumor_type` ("" = unknown): amp_tier(level), except
// that a level-A row whose diseases do not include the tumour type is Tier II-C (flagged
// "tumour type unknown" when there is none). Rules: db/README.md.
std::string amp_tier(const KnowledgeEntry& e, const std::string& tumor_type);

struct DbProblem {
    std::string where;  // "file:line"
    std::string what;
};

}  // namespace rvanno
