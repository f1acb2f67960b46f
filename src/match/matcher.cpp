// Stage 3, match/: takes one finding (an allele with its consequence, a gene's copy number, a
// fusion) and the knowledge rows of its gene; gives a Match for every row it meets, each
// saying how it matched. The rules follow.
/*  Matching rules
    ==============

    rvanno matches one ALT allele at a time against the knowledge rows of the genes whose MANE
    Select transcript the allele touches. Every row that matches is reported, together with
    *how* it matched; a row is reported at most once per allele: by its genomic allele when it
    has one for the run's build, otherwise by the route its kind defines (for hgvs_p rows the
    protein change first, then the listed c. alleles).

    The routes:

    genomic   The row names an allele per build (GRCh38:2:29220747:C:T). It matches when the
              allele, after splitting and (with --fasta) left-normalisation, is identical on
              the run's build. Rows must therefore be written left-normalised.
    hgvs_c    The row names a c. change (c.1088+1G>A), or a hgvs_p row lists the c. alleles
              known to encode its protein change in its `hgvs_c` column. It matches when rvanno's
              own HGVS c. on the MANE transcript is the identical string. This is what lets a
              raw VCF match protein-level rows without a reference FASTA. The listed c. alleles
              are only consulted when the allele's protein change is unknown: a known, different
              protein change is never overruled by them.
    hgvs_p    The row names a protein change (p.G1202R = p.Gly1202Arg). It matches when the
              allele's protein change is identical. The protein change comes from rvanno's own
              translation (needs --fasta) or, failing that, from VEP/SnpEff/BCSQ annotation on
              the same MANE transcript already in the VCF (or a MAF's HGVSp_Short).
              Amino acid unknown: a substitution (SNV/MNV) whose protein change is not known but
              whose codon is, in the row's first residue, and whose class does not rule the row
              out (a missense row needs missense or an unknown class, a stop row stop_gained or
              an unknown class) is matched with amino_acid_unknown set and the detail "amino
              acid unknown - give --fasta" (an em dash in the output), unless the genetic code
              rules it out: for an SNV, every codon of the row's reference residue with the
              SNV's reference base at its codon position is changed as the SNV says, and the
              row's amino acid must be among the results (GGN changed at its first base to T
              gives C, W or a stop, so c.3604G>T is never shown as G1202R). It is shown in every
              output but never decides a verdict (interpret/verdict.cpp, step 1), never stands
              for the row's protein change and never completes a compound row. Indels without
              a protein change are not matched this way: without the reference they are not
              normalised, so their codon is not reliable (they are counted in
              coding_alleles_without_protein_change instead).
    codon     The row names a residue (G1202). It matches any protein-altering change of that
              codon and never a synonymous one (p.G1202=, p.(Gly1202=), p.G1202G or a
              synonymous_variant class, whatever its source). The reference amino acid must
              agree when it is known. The class comes from rvanno (with --fasta; or from lengths
              and positions: a frameshift or in-frame indel in the codon) or from VEP, SnpEff or
              BCSQ annotation (missense_variant, stop_gained, ...). A substitution in the codon
              whose class is not known (coding_sequence_variant: no --fasta, no annotation) is
              matched as "amino acid unknown - give --fasta", as above: shown, not counted;
              not even that when the row names its reference residue and the SNV is synonymous
              in every codon of it (Q61: CAA/CAG with the third base A>G stays Gln).
    range     As codon, for any residue in an inclusive range.
    lof       Gene-level loss of function: stop gained, frameshift, splice donor/acceptor
              (+1/+2, -1/-2) or start lost (order_terms() in consequence/consequence.hpp is the
              one definition). The terms are rvanno's own or, where rvanno could not tell the
              class (no --fasta), those VEP, SnpEff or bcftools csq wrote on the MANE transcript
              (consequence/annotation_terms.cpp maps their names), so an annotated stop_gained
              counts exactly as rvanno's own would.
    missense  Gene-level: any missense_variant, from rvanno's translation, from annotation, or
              implied by a known protein change (G12C from a MAF, or the protein change of a c.
              allele the knowledge base lists).
    restrict  A CIViC-layer row may narrow its kind (match_restrict: deletion, insertion,
              frameshift, exon_skipping=N, fusion=A::B, fusion_exons=eX-eY): the route above must
              match AND the allele must meet the restriction (match/restrict.hpp states each).
    compound  A row with `requires` (G1202R + L1196M) matches only when its own alteration
              matches an allele of the sample AND every required protein change is also
              observed in the same sample. The phase (cis/trans/unknown) of the match with its
              partners is then read from the genotype (match/phase.cpp) and written in the detail;
              rows that need a phase are judged in interpret/verdict_phase.cpp (rule g).

    Which rows are tested: in a run, only those the gene's row index (knowledge/row_index.hpp) names
    as candidates for the allele, in table order; the result is the one testing every row gives.

    Copy-number, deletion and fusion rows never match small variants. They match gene-level
    findings instead (match_copy_number, match_fusion):

    amplification  The gene's class is amplification under the run's thresholds (printed in the
              output), judged on its minimum copy number over the exons; or, when the row has
              its own cut-off (cn>=N, studies define MET amplification differently), the
              minimum copy number reaches that cut-off whatever the run's thresholds. A
              partial amplification (only some exons) never matches; it is shown in the gene
              table.
    deletion  The gene is deeply deleted (some exon has no copy left).
    loss      The gene is lost: heterozygous loss or deep deletion.
              A gene known only by a discrete call (cBioPortal CNA: 2, -2, -1) has that call's
              class and matches these three by class; a row with its own cut-off (cn>=N) is not
              matched, since a call is not a copy number. The detail names the call.
    fusion    The fusion's 5' and 3' partners equal the row's (`*` = any), and the exons when
              the row restricts them (match_restrict fusion_exons, match/restrict.hpp). Candidate fusions
              (an inversion or deletion joining the genes) and fusions that drop the kinase
              domain still match, and the detail says so. A pair given without order (OncoKB
              "ALK-EML4", cBioPortal Site1/Site2) matches a row in either reading; the detail
              names the reading ("matched reading ALK as the 3' partner") so no orientation is
              claimed that the input did not give. What the caller said and rvanno did not
              recompute (LINX reported=false, phased) is appended to the detail.
*/
#include "match/matcher.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "base/codon_table.hpp"
#include "base/strings.hpp"
#include "consequence/annotation_terms.hpp"
#include "consequence/gene_copy_number.hpp"
#include "match/restrict.hpp"

namespace rvanno {

std::string to_string(MatchHow h) {
    switch (h) {
        case MatchHow::genomic:
            return "genomic";
        case MatchHow::hgvs_c:
            return "hgvs_c";
        case MatchHow::hgvs_p:
            return "hgvs_p";
        case MatchHow::codon:
            return "codon";
        case MatchHow::range:
            return "range";
        case MatchHow::lof:
            return "class:lof";
        case MatchHow::missense:
            return "class:missense";
        case MatchHow::compound:
            return "compound";
        case MatchHow::amplification:
            return "class:amplification";
        case MatchHow::deletion:
            return "class:deep_deletion";
        case MatchHow::loss:
            return "class:loss";
        case MatchHow::fusion:
            return "fusion";
    }
    return "?";
}

namespace {

bool has_term(const Consequence& c, const char* term) {
    return std::find(c.terms.begin(), c.terms.end(), term) != c.terms.end();
}

std::optional<Match> genomic_match(const Allele& a, GenomeBuild build, const KnowledgeEntry& e) {
    for (const auto& g : e.alleles)
        if (g.build == build && g.contig == a.contig && g.pos == a.pos && g.ref == a.ref && g.alt == a.alt)
            return Match{
                &e, MatchHow::genomic,
                to_string(build) + ":" + g.contig + ":" + std::to_string(g.pos + 1) + ":" + g.ref + ":" + g.alt};
    return std::nullopt;
}

std::string in_codon(const Consequence& c) { return c.hgvs_c + " in codon " + std::to_string(c.codon.value_or(0)); }

Match amino_acid_unknown(const KnowledgeEntry& e, MatchHow how, const Consequence& c) {
    return Match{&e, how, in_codon(c) + ": " + kAminoAcidUnknown, true};
}

// What a CDS SNV ("c.181C>A", transcript strand) can do to a residue whose reference amino acid
// is `ref_aa`, knowing no sequence: the amino acids it gives, over every codon of ref_aa with the
// SNV's reference base at the SNV's codon position. Empty: no codon of ref_aa fits (the row
// describes another residue); nullopt: not a plain CDS SNV, or no ref_aa to go by.
std::optional<std::string> possible_residues(const std::string& hgvs_c, char ref_aa) {
    std::size_t i = 2;
    long n = 0;
    while (i < hgvs_c.size() && std::isdigit(static_cast<unsigned char>(hgvs_c[i])) && n < 100000000)
        n = n * 10 + (hgvs_c[i++] - '0');
    if (!ref_aa || hgvs_c.rfind("c.", 0) != 0 || n == 0 || hgvs_c.size() != i + 3 || hgvs_c[i + 1] != '>')
        return std::nullopt;
    const char from = hgvs_c[i], to = hgvs_c[i + 2];
    const auto k = static_cast<std::size_t>((n - 1) % 3);
    std::string out;
    for (const char* a = "ACGT"; *a; ++a)
        for (const char* b = "ACGT"; *b; ++b)
            for (const char* c = "ACGT"; *c; ++c) {
                std::string codon{*a, *b, *c};
                if (codon[k] != from || translate_codon(codon) != ref_aa) continue;
                codon[k] = to;
                if (const char aa = translate_codon(codon); out.find(aa) == std::string::npos) out += aa;
            }
    return out;
}

// A substitution (same length REF and ALT) whose protein change is not known.
bool unknown_substitution(const Allele& a, const Consequence& c) {
    return c.protein_change.empty() && c.codon && a.ref.size() == a.alt.size() && !is_synonymous(c);
}

std::optional<Match> protein_match(const Allele& a, const Consequence& c, const KnowledgeEntry& e) {
    if (!c.protein_change.empty() && c.protein_change == e.protein_change)
        return Match{&e, MatchHow::hgvs_p, "p." + c.protein_change};
    if (!c.protein_change.empty()) return std::nullopt;  // a known, different change wins
    for (const auto& h : e.hgvs_c_alleles)
        if (h == c.hgvs_c) return Match{&e, MatchHow::hgvs_c, h + " encodes p." + e.protein_change};
    const auto [residue, to] = first_residue(e.protein_change);
    if (!unknown_substitution(a, c) || *c.codon != residue || to == '\0') return std::nullopt;
    if (!protein_class_unknown(c) && !has_term(c, to == '*' ? "stop_gained" : "missense_variant")) return std::nullopt;
    const auto can_give = possible_residues(c.hgvs_c, e.protein_change.front());
    if (can_give && can_give->find(to) == std::string::npos) return std::nullopt;  // c.3604G>T is never G1202R
    return amino_acid_unknown(e, MatchHow::hgvs_p, c);
}

// Codon and range rows: any protein-altering change of a residue in [first, last], never a
// synonymous one; a substitution of unknown class is an amino-acid-unknown match.
std::optional<Match> residue_match(const Allele& a, const Consequence& c, const KnowledgeEntry& e, MatchHow how,
                                   int first, int last, char ref_aa) {
    if (!c.codon || *c.codon < first || *c.codon > last || !c.protein_altering || is_synonymous(c)) return std::nullopt;
    if (ref_aa && c.ref_aa && *c.ref_aa != ref_aa) return std::nullopt;
    if (!c.protein_change.empty()) return Match{&e, how, "p." + c.protein_change};
    if (!protein_class_unknown(c)) return Match{&e, how, in_codon(c) + ": " + c.terms.front()};
    if (!unknown_substitution(a, c)) return std::nullopt;
    // Q61 and c.183A>G: CAA/CAG -> CAG/CAA, both Gln: synonymous whatever the codon is.
    const auto can_give = possible_residues(c.hgvs_c, ref_aa);
    if (can_give && can_give->find_first_not_of(ref_aa) == std::string::npos) return std::nullopt;
    return amino_acid_unknown(e, how, c);
}

// The route of the row's kind (the rules above), before any match restriction.
std::optional<Match> route_match(const Allele& allele, GenomeBuild build, const Consequence& c,
                                 const KnowledgeEntry& e) {
    if (auto m = genomic_match(allele, build, e)) return m;
    switch (e.kind) {
        case AlterationKind::hgvs_c:
            if (c.hgvs_c == e.hgvs_c) return Match{&e, MatchHow::hgvs_c, c.hgvs_c};
            break;
        case AlterationKind::hgvs_p:
            return protein_match(allele, c, e);
        case AlterationKind::codon:
            return residue_match(allele, c, e, MatchHow::codon, e.codon, e.codon, e.codon_ref_aa);
        case AlterationKind::range:
            return residue_match(allele, c, e, MatchHow::range, e.range_begin, e.range_end, 0);
        case AlterationKind::lof:
            if (c.loss_of_function) return Match{&e, MatchHow::lof, c.terms.empty() ? "" : c.terms.front()};
            break;
        case AlterationKind::missense:
            if (has_term(c, "missense_variant"))
                return Match{&e, MatchHow::missense,
                             c.protein_change.empty() ? c.hgvs_c + ": missense_variant" : "p." + c.protein_change};
            break;
        default:
            break;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Match> match_entry(const Allele& allele, GenomeBuild build, const Consequence& c,
                                 const KnowledgeEntry& e) {
    if (e.civic().restrictions.empty()) return route_match(allele, build, c, e);
    return apply_allele_restrictions(allele, c, e, route_match(allele, build, c, e));
}

std::vector<Match> match_allele(const Allele& allele, GenomeBuild build, const Consequence& csq,
                                const std::vector<const KnowledgeEntry*>& entries) {
    std::vector<Match> out;
    for (const KnowledgeEntry* e : entries) {
        if (!e->requires_all.empty()) continue;
        if (auto m = match_entry(allele, build, csq, *e)) out.push_back(*m);
    }
    return out;
}

std::vector<std::string> observed_protein_changes(const std::vector<AlleleFinding>& findings) {
    std::vector<std::string> observed;
    for (const auto& f : findings) {
        if (!f.csq.protein_change.empty()) observed.push_back(f.csq.gene + ":" + f.csq.protein_change);
        for (const auto& m : f.matches)
            if (m.entry && m.entry->kind == AlterationKind::hgvs_p && !m.amino_acid_unknown)
                observed.push_back(m.entry->gene + ":" + m.entry->protein_change);
    }
    return observed;
}

bool requirements_met(const KnowledgeEntry& e, const std::vector<std::string>& observed) {
    for (const auto& r : e.requires_all)
        if (std::find(observed.begin(), observed.end(), r.gene + ":" + r.protein_change) == observed.end())
            return false;
    return true;
}

}  // namespace rvanno

namespace rvanno {
namespace {

// A gene known only by a discrete call (cBioPortal CNA) matches by its class; a row with its
// own copy-number cut-off cannot be checked against a call and does not match.
std::optional<Match> discrete_match(const GeneCopyNumber& g, const KnowledgeEntry& e) {
    const std::string value = describe_discrete_call(*g.discrete_call) + ", not a copy number";
    if (e.kind == AlterationKind::amplification && !e.gene_level().min_copy_number &&
        g.cn_class == CnClass::amplification)
        return Match{&e, MatchHow::amplification, value};
    if (e.kind == AlterationKind::deletion && g.cn_class == CnClass::deep_deletion)
        return Match{&e, MatchHow::deletion, value};
    if (e.kind == AlterationKind::loss && (g.cn_class == CnClass::deep_deletion || g.cn_class == CnClass::loss))
        return Match{&e, MatchHow::loss, value};
    return std::nullopt;
}

std::optional<Match> copy_number_match(const GeneCopyNumber& g, const std::string& thresholds,
                                       const KnowledgeEntry& e) {
    if (!g.min_cn) return discrete_match(g, e);
    const std::string value = "min CN " + fixed(*g.min_cn, 2) + " (max " + fixed(*g.max_cn, 2) + ")";
    const std::string where = g.focal ? (*g.focal ? ", focal" : ", arm-level") + std::string(" ") + g.arm : "";
    switch (e.kind) {
        case AlterationKind::amplification:
            if (e.gene_level().min_copy_number) {
                if (*g.min_cn >= *e.gene_level().min_copy_number)
                    return Match{&e, MatchHow::amplification,
                                 value + " >= this row's cut-off " + fixed(*e.gene_level().min_copy_number, 2) + where};
                return std::nullopt;
            }
            if (g.cn_class == CnClass::amplification)
                return Match{&e, MatchHow::amplification, value + " >= amplification threshold " + thresholds + where};
            return std::nullopt;
        case AlterationKind::deletion:
            if (g.cn_class == CnClass::deep_deletion)
                return Match{&e, MatchHow::deletion, value + " is a deep deletion" + where};
            return std::nullopt;
        case AlterationKind::loss:
            if (g.cn_class == CnClass::deep_deletion || g.cn_class == CnClass::loss)
                return Match{&e, MatchHow::loss, value + " is " + to_string(g.cn_class) + where};
            return std::nullopt;
        default:
            return std::nullopt;
    }
}

bool partner_matches(const std::string& want, const std::string& have) { return want == "*" || want == have; }

// `read_as_3prime`: for a pair given without order, the gene this match reads as the 3' partner.
std::string fusion_detail(const Fusion& f, const std::string& read_as_3prime) {
    std::string d;
    if (!f.order_known) {
        const std::string& other = read_as_3prime == f.gene3 ? f.gene5 : f.gene3;
        d = f.gene5 + "-" + f.gene3 + " as given, without 5'/3' order: matched reading " + read_as_3prime +
            " as the 3' partner" + (other.empty() ? "" : " (" + other + " 5')");
    } else {
        d = f.gene5.empty() ? "unknown 5' partner" : f.gene5;
        d += "::" + f.gene3;
    }
    if (!f.variant_name.empty()) d += ", " + f.variant_name;
    if (f.in_frame) d += *f.in_frame ? ", in frame" : ", OUT OF FRAME";
    if (f.kinase_domain_retained)
        d += *f.kinase_domain_retained ? ", kinase domain retained" : ", kinase domain NOT retained";
    if (f.candidate) d += ", candidate (inferred from " + f.junction.kind + ")";
    if (!f.junction.caller_note.empty()) d += "; " + f.junction.caller_note;
    return d;
}

}  // namespace

std::vector<Match> match_copy_number(const GeneCopyNumber& cn, const std::string& thresholds,
                                     const std::vector<const KnowledgeEntry*>& entries) {
    std::vector<Match> out;
    if (!cn.assessed || (!cn.min_cn && !cn.discrete_call)) return out;
    for (const KnowledgeEntry* e : entries)
        if (e->gene == cn.gene)
            if (auto m = copy_number_match(cn, thresholds, *e)) out.push_back(*m);
    return out;
}

std::vector<Match> match_fusion(const Fusion& f, const std::vector<const KnowledgeEntry*>& entries) {
    std::vector<Match> out;
    auto fits = [](const KnowledgeEntry& e, const std::string& g5, const std::string& g3) {
        return !g3.empty() && partner_matches(e.gene_level().fusion3, g3) &&
               (e.gene_level().fusion5 == "*" || (!g5.empty() && e.gene_level().fusion5 == g5));
    };
    for (const KnowledgeEntry* e : entries) {
        if (e->kind != AlterationKind::fusion) continue;
        Match m{e, MatchHow::fusion, ""};
        if (fits(*e, f.gene5, f.gene3))
            m.detail = fusion_detail(f, f.order_known ? "" : f.gene3);
        else if (!f.order_known && fits(*e, f.gene3, f.gene5))
            m.detail = fusion_detail(f, f.gene5);
        else
            continue;
        if (fusion_exons_allowed(f, *e, m.detail)) out.push_back(std::move(m));
    }
    return out;
}

std::vector<Match> match_allele(const Allele& allele, GenomeBuild build, const Consequence& csq, const GeneRows& rows,
                                const KnowledgeRows& entries) {
    std::vector<std::uint32_t> picked;
    rows.candidates(allele, csq, picked);
    std::vector<Match> out;
    for (const auto i : picked)
        if (auto m = match_entry(allele, build, csq, entries[rows.rows[i]])) out.push_back(std::move(*m));
    return out;
}

}  // namespace rvanno
