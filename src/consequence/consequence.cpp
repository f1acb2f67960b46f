// Stage 2, consequence/: takes an allele (and, with --fasta, reference sequence) and a MANE
// transcript; gives its Consequence: HGVS c., exon/intron, SO terms and, when decidable, the
// protein change. Gene copy number (gene_copy_number.cpp) and fusions (fusion_annotation.cpp)
// are this stage's other two inputs.
//
// consequence_of(): trims the VCF allele, applies the HGVS 3' rule when sequence is
// available, then describes the change on the transcript (hgvs_c.cpp), finds what it
// touches (footprint.cpp) and, for changes inside the spliced CDS, translates
// (protein_change.cpp). Splice-site changes get no protein prediction: their effect on
// the mRNA is unknown.
#include "consequence/consequence.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "base/dna.hpp"
#include "base/protein_notation.hpp"
#include "consequence/footprint.hpp"
#include "consequence/hgvs_c.hpp"
#include "consequence/protein_change.hpp"
#include "consequence/transcript_map.hpp"

namespace rvanno {
namespace {

// The reference bases a VCF record states itself: REF at its position, nothing else.
class RecordBases final : public ReferenceSequence {
public:
    explicit RecordBases(const Allele& a) : begin_(a.pos), bases_(a.ref) {}
    std::optional<std::string> fetch(const std::string&, std::int64_t begin, std::int64_t end) const override {
        const auto size = static_cast<std::int64_t>(bases_.size());
        if (begin < begin_ || end > begin_ + size || begin > end) return std::nullopt;
        return bases_.substr(static_cast<std::size_t>(begin - begin_), static_cast<std::size_t>(end - begin));
    }

private:
    std::int64_t begin_;
    std::string bases_;
};

constexpr std::array<std::string_view, 17> kSeverity{"splice_donor_variant",
                                                     "splice_acceptor_variant",
                                                     "stop_gained",
                                                     "frameshift_variant",
                                                     "stop_lost",
                                                     "start_lost",
                                                     "inframe_insertion",
                                                     "inframe_deletion",
                                                     "missense_variant",
                                                     "protein_altering_variant",
                                                     "splice_region_variant",
                                                     "synonymous_variant",
                                                     "coding_sequence_variant",
                                                     "5_prime_UTR_variant",
                                                     "3_prime_UTR_variant",
                                                     "non_coding_transcript_exon_variant",
                                                     "intron_variant"};

std::size_t severity_rank(const std::string& term) {
    return static_cast<std::size_t>(std::find(kSeverity.begin(), kSeverity.end(), term) - kSeverity.begin());
}

void add_term(Consequence& c, const std::string& term) {
    if (std::find(c.terms.begin(), c.terms.end(), term) == c.terms.end()) c.terms.push_back(term);
}

bool has_term(const Consequence& c, std::string_view term) {
    return std::find(c.terms.begin(), c.terms.end(), term) != c.terms.end();
}

bool touches_transcript(const Edit& e, const Transcript& tx) {
    if (e.is_insertion()) return e.pos > tx.tx_begin && e.pos < tx.tx_end;
    return e.pos < tx.tx_end && e.end() > tx.tx_begin;
}

// The change in CDS coordinates and transcript orientation.
CodingEdit coding_edit(const Edit& e, const TranscriptMap& map) {
    const bool plus = map.transcript().strand == '+';
    const std::string ins = plus ? e.ins : reverse_complement(e.ins);
    if (e.is_insertion()) {
        const std::int64_t three = map.locate(plus ? e.pos : e.pos - 1).anchor - map.cds_first();
        return {three, three, ins};
    }
    const std::int64_t first = map.locate(plus ? e.pos : e.end() - 1).anchor;
    const std::int64_t last = map.locate(plus ? e.end() - 1 : e.pos).anchor;
    return {first - map.cds_first(), last + 1 - map.cds_first(), ins};
}

void add_location_terms(Consequence& c, const Footprint& f, bool coding) {
    if (f.donor) add_term(c, "splice_donor_variant");
    if (f.acceptor) add_term(c, "splice_acceptor_variant");
    if (f.splice_region) add_term(c, "splice_region_variant");
    if (f.intronic && !f.donor && !f.acceptor) add_term(c, "intron_variant");
    if (!coding && f.exonic) add_term(c, "non_coding_transcript_exon_variant");
    if (f.utr5) add_term(c, "5_prime_UTR_variant");
    if (f.utr3) add_term(c, "3_prime_UTR_variant");
}

// Frameshift and in-frame terms need only lengths, so they hold with or without sequence.
void add_length_terms(Consequence& c, const Edit& e) {
    const auto delta = static_cast<std::int64_t>(e.ins.size()) - static_cast<std::int64_t>(e.del.size());
    if (delta % 3 != 0)
        add_term(c, "frameshift_variant");
    else if (delta > 0)
        add_term(c, "inframe_insertion");
    else if (delta < 0)
        add_term(c, "inframe_deletion");
}

void add_protein_effect(Consequence& c, const CodingEdit& ce, const TranscriptMap& map, CachedReference& ref) {
    const bool plus = map.transcript().strand == '+';
    const CdsBases bases = [&](std::int64_t i) -> std::optional<char> {
        const std::int64_t t = map.cds_first() + i;
        if (i < 0 || t >= map.length()) return std::nullopt;
        auto b = ref.base(map.genomic_of(t));
        if (!b) return std::nullopt;
        return plus ? *b : complement(*b);
    };
    ProteinEffect p = protein_effect(ce, bases);
    c.hgvs_p = p.hgvs_p;
    c.protein_change = to_one_letter_protein_change(p.hgvs_p);
    c.ref_aa = p.ref_aa;
    for (const auto& t : p.terms) add_term(c, t);
}

void describe_coding(Consequence& c, const Edit& e, const Footprint& f, const TranscriptMap& map,
                     CachedReference* ref) {
    const CodingEdit ce = coding_edit(e, map);
    c.codon = static_cast<int>(std::max<std::int64_t>(ce.begin, 0) / 3 + 1);
    const bool whole_cds = f.exonic_only() && !f.utr5 && !f.utr3;
    if (whole_cds) add_length_terms(c, e);
    // A change reaching into the 5' UTR loses the start; one reaching past the stop into
    // the 3' UTR can still be translated.
    if (ref && f.exonic_only() && !f.utr5) add_protein_effect(c, ce, map, *ref);
    const bool known = !c.hgvs_p.empty() || has_term(c, "stop_lost");
    // Without a translation, any change of c.1-c.3 is taken to lose the start.
    if (!known && f.touches_start) add_term(c, "start_lost");
    if (!known && !has_term(c, "start_lost") && !has_term(c, "frameshift_variant") &&
        !has_term(c, "inframe_insertion") && !has_term(c, "inframe_deletion"))
        add_term(c, "coding_sequence_variant");
    c.protein_altering = !has_term(c, "synonymous_variant") && !(c.hgvs_p.size() > 1 && c.hgvs_p.back() == '=');
}

}  // namespace

void order_terms(Consequence& c) {
    // Each term's rank once (a comparison sort would look both up per comparison), then a
    // stable insertion sort: a consequence has a few terms.
    std::array<std::size_t, 32> rank{};
    if (c.terms.size() > rank.size()) {
        std::stable_sort(c.terms.begin(), c.terms.end(),
                         [](const auto& a, const auto& b) { return severity_rank(a) < severity_rank(b); });
    } else {
        for (std::size_t i = 0; i < c.terms.size(); ++i) rank[i] = severity_rank(c.terms[i]);
        for (std::size_t i = 1; i < c.terms.size(); ++i)
            for (std::size_t j = i; j > 0 && rank[j] < rank[j - 1]; --j) {
                std::swap(rank[j], rank[j - 1]);
                std::swap(c.terms[j], c.terms[j - 1]);
            }
    }
    c.loss_of_function = false;
    for (const char* lof :
         {"stop_gained", "frameshift_variant", "splice_donor_variant", "splice_acceptor_variant", "start_lost"})
        c.loss_of_function |= has_term(c, lof);
}

std::optional<Consequence> consequence_of(const Allele& allele, const Transcript& tx, const ReferenceSequence* ref) {
    return consequence_of(allele, TranscriptMap(tx), ref);
}

std::optional<Consequence> consequence_of(const Allele& allele, const TranscriptMap& map,
                                          const ReferenceSequence* ref) {
    const Transcript& tx = map.transcript();
    if (allele.contig != tx.contig || (allele.ref.empty() && allele.alt.empty())) return std::nullopt;
    Edit e = trim(allele);
    // Symbolic ("<DEL>") and spanning ('*') alleles are described by other code paths.
    const bool plain = (e.del + e.ins).find_first_not_of("ACGTN") == std::string::npos;
    const bool no_change = (e.del.empty() && e.ins.empty()) || !plain;
    const auto span_end = allele.pos + static_cast<std::int64_t>(allele.ref.size());
    if (no_change ? (allele.pos >= tx.tx_end || span_end <= tx.tx_begin) : !touches_transcript(e, tx))
        return std::nullopt;
    Consequence c;
    c.gene = tx.gene;
    c.transcript = tx.accession;
    c.exon_count = static_cast<int>(tx.exons.size());
    if (no_change) return c;

    std::optional<CachedReference> cache;
    if (ref) cache.emplace(*ref, tx.contig);
    // Without a FASTA the record's own REF bases are the only sequence known: the 3' rule is
    // applied as far as they reach (TGAT>T deletes GAT, not TGA, on a '+' transcript), so the c.
    // is the one a FASTA would give whenever the shift ends inside REF, and never a guess.
    std::optional<RecordBases> record;
    std::optional<CachedReference> within_ref;
    if (!cache) within_ref.emplace(record.emplace(allele), tx.contig);
    CachedReference& seq = cache ? *cache : *within_ref;
    e = shift_to_3prime(e, map, seq);
    c.hgvs_c = hgvs_c(e, map, is_duplication(e, map, seq));

    const Footprint f = footprint(e, map);
    c.exon = f.exon;
    c.intron = f.intron;
    add_location_terms(c, f, tx.is_coding());
    if (f.cds && !f.donor && !f.acceptor)
        describe_coding(c, e, f, map, cache ? &*cache : nullptr);
    else if (f.cds)
        c.protein_altering = true;  // a splice site and coding bases: the effect is unknown
    order_terms(c);
    return c;
}

}  // namespace rvanno
