// The knowledge base (db/): evidence statements, drugs and genes, as plain values (loaded by
// src/knowledge/knowledge_base.hpp). Two layers: the hand-curated rows of db/knowledge/ and, under
// them, the CIViC layer generated into db/civic/ (db/tools/import_civic.py); where both cover the
// same statement the curated row wins (the overlay, db/README.md "Layers"). Schema and allowed
// values: db/README.md. A KnowledgeBase owns its entries; matches point into it, so it must
// outlive every Match made from it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
// no_resistance (CIViC "Does Not Support" resistance): evidence that the alteration does NOT
// confer resistance. Shown, never decides a verdict (interpret/verdict.cpp, step 1).
enum class Effect { resistance, reduced_sensitivity, sensitivity, no_benefit, no_resistance };
// `status` column (db/README.md "Status"): verified / unverified (curated rows; read by us or
// not yet) / civic (taken from CIViC as curated there, not re-read by us). Only verified rows
// outrank others in verdict step 4; civic ranks like unverified.
enum class EntryStatus { verified, unverified, civic };
enum class EvidenceLevel { A, B, C, D, E };

std::string to_string(AlterationKind k);
std::string to_string(Effect e);
std::string to_string(EntryStatus s);
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

// A narrowing of a row that its kind cannot express (CIViC layer `match_restrict`, db/README.md):
// the matcher applies it on top of the kind's route (src/match/restrict.hpp).
struct MatchRestrict {
    enum class Kind {
        deletion,       // the allele is an in-frame deletion (net loss of a multiple of 3 bases)
        insertion,      // an in-frame insertion or duplication (net gain of a multiple of 3 bases)
        frameshift,     // a frameshift (net length change not a multiple of 3)
        exon_skipping,  // exon_skipping=N: a splice allele at exon N's boundaries, nothing else
        fusion,         // fusion=A::B: the driver fusion (context) has these partners
        fusion_exons    // fusion_exons=eX-eY: the 5' partner keeps exons 1..X, the 3' resumes at Y
    };
    Kind kind{};
    int exon{0};               // exon_skipping
    std::string gene5, gene3;  // fusion
    int exon5{0}, exon3{0};    // fusion_exons
    std::string text;          // as written, e.g. "fusion=BCR::ABL1"
};

// A text that many values share, e.g. the table name of 100k knowledge rows: one heap copy for
// all of them, not one per row (issue 10). Reads as a const std::string& ("" when never set).
class SharedText {
public:
    SharedText() = default;
    SharedText(std::string s) : text_(std::make_shared<const std::string>(std::move(s))) {}  // NOLINT: implicit
    SharedText(const char* s) : SharedText(std::string(s)) {}                                // NOLINT: implicit
    const std::string& str() const { return text_ ? *text_ : empty(); }
    operator const std::string&() const { return str(); }  // NOLINT: implicit, reads as a string
    friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }

private:
    static const std::string& empty() {
        static const std::string e;
        return e;
    }
    std::shared_ptr<const std::string> text_;
};

// A value that most holders leave empty, kept on the heap so that it costs a pointer until
// written: get() reads it (a shared empty T when never written), set() allocates it; a copy
// copies the value. (KnowledgeEntry's CIViC columns: 8 bytes instead of 208 on a curated row.)
template <class T>
class Boxed {
public:
    Boxed() = default;
    Boxed(const Boxed& o) : value_(o.value_ ? std::make_unique<T>(*o.value_) : nullptr) {}
    Boxed(Boxed&&) noexcept = default;
    Boxed& operator=(const Boxed& o) {
        if (this != &o) value_ = o.value_ ? std::make_unique<T>(*o.value_) : nullptr;
        return *this;
    }
    Boxed& operator=(Boxed&&) noexcept = default;
    ~Boxed() = default;
    const T& get() const { return value_ ? *value_ : empty(); }
    T& set() {
        if (!value_) value_ = std::make_unique<T>();
        return *value_;
    }

private:
    static const T& empty() {
        static const T e{};
        return e;
    }
    std::unique_ptr<T> value_;
};

// CIViC layer columns kept for the reports (db/tools/README.md): set on civic rows; on curated
// rows only also_in_civic can be.
struct CivicColumns {
    std::string civic_id;                     // "EID12" / "AID7"
    std::string civic_rating;                 // "1".."5" or ""
    std::string civic_disease;                // CIViC's disease name (diseases holds the project code)
    std::string nct_ids;                      // ';'-separated NCT ids
    std::string civic_amp_tier;               // assertions: "Tier I - Level A"
    std::vector<MatchRestrict> restrictions;  // `match_restrict`, parsed
    // Curated rows: the CIViC items (civic_id) of the civic rows merged into this row by the
    // overlay (same gene, alteration, drug and a shared citation), e.g. {"EID123", "AID7"}.
    std::vector<std::string> also_in_civic;
};

// A fusion or amplification row's own fields (KnowledgeEntry::gene_level): kept beside the entry,
// since most rows are of the small-variant kinds.
struct GeneLevelFields {
    std::string fusion5, fusion3;           // kind == fusion: partners, "*" = any
    std::optional<double> min_copy_number;  // kind == amplification with cn>=N
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
    std::vector<std::string> hgvs_c_alleles;       // `hgvs_c` column
    std::vector<RequiredAlteration> requires_all;  // compound rows
    std::vector<std::string> drugs;
    Effect effect{};
    EvidenceLevel level{};
    std::vector<std::string> diseases;
    std::string mechanism;
    std::vector<std::string> citations;
    bool verified{false};  // status == EntryStatus::verified
    EntryStatus status{EntryStatus::unverified};
    std::string notes;
    // Optional `context` column: conditions the sample must meet for the row to apply, all of
    // them (evaluated per sample by compute_verdicts; see db/README.md).
    std::vector<std::string> required_drivers;  // "ALK fusion": declared (--driver) or detected
    std::vector<std::string> tumor_types;       // OncoTree-style codes; the sample's must be one
    // "cis" or "trans" (phase=...): a compound row whose own allele must lie in that phase with
    // every `requires` partner (same gene); "" = phase not required. Rules: interpret/verdict.cpp.
    std::string required_phase;
    SharedText file;  // for messages: "knowledge/alk.tsv" (one copy per table, not per row)
    long line{0};
    std::string layer{"curated"};  // "curated" (db/knowledge/) or "civic" (db/civic/)

    // The CIViC columns (empty on a curated row that no civic row was merged into).
    const CivicColumns& civic() const { return civic_.get(); }
    CivicColumns& set_civic() { return civic_.set(); }  // allocates them on first use
    // The fields of the gene-level kinds (fusion partners, amplification cut-off): empty on the
    // rows of every other kind.
    const GeneLevelFields& gene_level() const { return gene_level_.get(); }
    GeneLevelFields& set_gene_level() { return gene_level_.set(); }  // allocates them on first use

private:
    Boxed<CivicColumns> civic_;
    Boxed<GeneLevelFields> gene_level_;
};

struct RowIndex;  // src/knowledge/row_index.hpp

// The rows of a knowledge base in table order (curated rows, then the civic rows not merged into
// them). Either held, as the loader read them (or a test pushed them), or stored: made from the
// knowledge index (src/knowledge/kb_index.hpp) when first read, so that a run with 100k rows
// parses the few it matches (issue 10). Either way a row, once there, stays where it is: matches
// point at it. Reading a stored row makes it, so this is not for several threads at once.
class KnowledgeRows {
public:
    // Makes row i of a stored knowledge base.
    struct Source {
        virtual ~Source() = default;
        virtual std::size_t size() const = 0;
        virtual KnowledgeEntry make(std::size_t i) const = 0;
    };
    KnowledgeRows() = default;
    KnowledgeRows(std::vector<KnowledgeEntry> held) : held_(std::move(held)) {}  // NOLINT: implicit
    KnowledgeRows(std::shared_ptr<const Source> stored, std::shared_ptr<const RowIndex> index);
    KnowledgeRows(KnowledgeRows&&) noexcept = default;
    KnowledgeRows& operator=(KnowledgeRows&&) noexcept = default;
    KnowledgeRows(const KnowledgeRows&) = delete;
    KnowledgeRows& operator=(const KnowledgeRows&) = delete;
    ~KnowledgeRows();

    std::size_t size() const { return stored_ ? made_.size() : held_.size(); }
    bool empty() const { return size() == 0; }
    const KnowledgeEntry& operator[](std::size_t i) const {
        if (!stored_) return held_[i];
        if (!made_[i]) make(i);
        return *made_[i];
    }
    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = KnowledgeEntry;
        using difference_type = std::ptrdiff_t;
        using pointer = const KnowledgeEntry*;
        using reference = const KnowledgeEntry&;
        const_iterator() = default;
        const_iterator(const KnowledgeRows* rows, std::size_t i) : rows_(rows), i_(i) {}
        reference operator*() const { return (*rows_)[i_]; }
        pointer operator->() const { return &(*rows_)[i_]; }
        const_iterator& operator++() {
            ++i_;
            return *this;
        }
        const_iterator operator++(int) {
            auto old = *this;
            ++i_;
            return old;
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.i_ == b.i_; }

    private:
        const KnowledgeRows* rows_{};
        std::size_t i_{0};
    };
    // Every row; on a stored knowledge base this makes every row (db info, tests), so a run
    // reads the index instead (src/knowledge/row_index.hpp).
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size()}; }

    // The held rows, to fill (the loader, tests); forgets the row index kept so far. Throws
    // std::logic_error on a stored knowledge base.
    std::vector<KnowledgeEntry>& held();
    void push_back(KnowledgeEntry e) { held().push_back(std::move(e)); }
    bool stored() const { return stored_ != nullptr; }
    std::size_t made() const;  // rows made so far from the store (all of them when held)

    // The row index kept with the rows (src/knowledge/row_index.hpp reads and fills it).
    const std::shared_ptr<const RowIndex>& kept_index() const { return index_; }
    void keep_index(std::shared_ptr<const RowIndex> index) const { index_ = std::move(index); }

private:
    void make(std::size_t i) const;
    std::vector<KnowledgeEntry> held_;
    std::shared_ptr<const Source> stored_;
    mutable std::vector<std::unique_ptr<KnowledgeEntry>> made_;
    mutable std::shared_ptr<const RowIndex> index_;
};

struct DbProblem {
    std::string where;  // "file:line"
    std::string what;
};

struct Drug {
    std::string id, name, drug_class;
    std::vector<std::string> synonyms, targets;
    std::optional<int> generation;
    bool is_class() const { return drug_class == "class"; }
};

// Two rows of different layers about the same gene, alteration and drug with opposite
// directions (resistance, reduced_sensitivity or no_benefit against sensitivity). Listed by
// `rvanno db check`; not a failure.
struct LayerConflict {
    std::string curated_id, civic_id;  // row ids
    bool merged{false};                // same source: the civic row was merged into the curated one
    std::string what;                  // "ALK p.G1202R, crizotinib: resistance (curated) vs sensitivity (CIViC)"
};

struct KnowledgeBase {
    std::filesystem::path directory;
    std::string version;                // db/VERSION
    std::string content_md5;            // over every table, see content_files()
    KnowledgeRows entries;              // curated rows, then the civic rows not merged into them
    std::map<std::string, Drug> drugs;  // drugs.tsv, then db/civic/drugs_civic.tsv
    std::vector<std::string> genes;     // db/genes.txt order, then db/civic/genes_civic.txt
    // Layers: rows loaded per layer, the CIViC release ("" without db/civic/), civic rows merged
    // into curated rows, conflicts between the layers, and rows not loaded because their
    // match_restrict is unknown to this rvanno (where: "file:line"; `rvanno db check` fails on them).
    long curated_rows{0}, civic_rows{0}, civic_merged{0};
    std::string civic_release;  // e.g. "01-Aug-2024"
    std::vector<LayerConflict> conflicts;
    std::vector<DbProblem> rows_not_loaded;

    // The rows of `gene`, or those of one of `kinds`, table order (made from the store if stored).
    std::vector<const KnowledgeEntry*> entries_for_gene(const std::string& gene) const;
    std::vector<const KnowledgeEntry*> entries_for_gene(const std::string& gene,
                                                        std::initializer_list<AlterationKind> kinds) const;
    const Drug* drug(const std::string& id) const;
    std::filesystem::path transcripts_path(GenomeBuild b) const;
    // "curated:419;civic:2500" (the provenance's knowledge_layers).
    std::string layers() const;
};

// The row's status as printed: "civic" for the CIViC layer, else "verified" / "unverified" by
// KnowledgeEntry::verified (the one flag the verdict rules read).
std::string status_name(const KnowledgeEntry& e);

// The tier of one row for a sample of `tumor_type` ("" = unknown): amp_tier(level), except
// that a level-A row whose diseases do not include the tumour type is Tier II-C (flagged
// "tumour type unknown" when there is none). Rules: db/README.md.
std::string amp_tier(const KnowledgeEntry& e, const std::string& tumor_type);

}  // namespace rvanno
