// Fuzz target `hgvs`: the bytes are one piece of HGVS or protein-change text, given to every
// parser of such text: protein notation (base/protein_notation: "p.Gly1202Arg", "G1202R"),
// c. positions (base/hgvs_c_position) and the genomic bases they name on a plus- and a
// minus-strand MANE transcript (interpret/hotspot_map), the knowledge-cell parsers of the
// alteration of every kind, `requires` and `context` (knowledge/knowledge_parse), and the
// VCF annotation-tag value parsers (io/annotation_tags: VEP CSQ, SnpEff ANN, BCSQ, whose
// HGVSc/HGVSp fields are then parsed as the pipeline parses them).
// Seeds: testdata/fuzz/hgvs/. Rule of a finding: tests/fuzz/fuzz_support.hpp; the knowledge
// parsers' own refusal is std::invalid_argument (knowledge/knowledge_parse.hpp).
#include <stdexcept>

#include "base/hgvs_c_position.hpp"
#include "base/protein_notation.hpp"
#include "fuzz_support.hpp"
#include "interpret/hotspot_map.hpp"
#include "io/annotation_tags.hpp"
#include "knowledge/knowledge_parse.hpp"
#include "knowledge/transcript_table.hpp"

namespace {

using namespace rvanno;

const std::vector<Transcript>& transcripts() {
    static const std::vector<Transcript> some = [] {
        std::vector<Transcript> out;
        for (const auto& tx : read_transcript_table(fuzz::bundled_kb().transcripts_path(GenomeBuild::GRCh38)))
            if (tx.gene == "ALK" || tx.gene == "EGFR" || tx.gene == "PTPN1") out.push_back(tx);  // -, +, +
        return out;
    }();
    return some;
}

const std::vector<AnnotationLayout>& layouts() {
    static const std::vector<AnnotationLayout> all = [] {
        std::vector<AnnotationLayout> out;
        for (const char* d :
             {"Consequence annotations from Ensembl VEP. Format: "
              "Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp",
              "Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | "
              "Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | "
              "CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO'",
              "Haplotype-aware consequence annotation from BCFtools/csq, see http://samtools.github.io/bcftools/howtos/"
              "csq-calling.html for details. Format: Consequence|gene|transcript|biotype|strand|amino_acid_change|"
              "dna_change"})
            if (auto l = detect_annotation_layout(d)) out.push_back(*l);
        if (out.size() != 3) fuzz::finding("an annotation layout of the harness is no longer recognised");
        return out;
    }();
    return all;
}

template <class F>
void knowledge_cell(F f) {
    try {
        f();
    } catch (const std::invalid_argument&) {}
}

void c_text(const std::string& s) {
    hgvs_c_position(s);
    for (const auto& tx : transcripts()) hgvs_c_bases(tx, s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string s(reinterpret_cast<const char*>(data), size);
    return fuzz::expect_only_user_errors([&] {
        to_one_letter_protein_change(s);
        c_text(s);
        for (std::size_t i = 0; i < s.size(); ++i) {  // a position may start anywhere
            std::size_t j = i;
            if (parse_c_position(s, j) && (j <= i || j > s.size())) fuzz::finding("parse_c_position moved badly");
        }
        for (auto kind :
             {AlterationKind::genomic, AlterationKind::hgvs_c, AlterationKind::hgvs_p, AlterationKind::codon,
              AlterationKind::range, AlterationKind::lof, AlterationKind::missense, AlterationKind::amplification,
              AlterationKind::deletion, AlterationKind::loss, AlterationKind::fusion})
            knowledge_cell([&] {
                KnowledgeEntry e;
                e.gene = "ALK";
                e.kind = kind;
                e.alteration = s;
                detail::parse_alteration(e);
            });
        knowledge_cell([&] { detail::parse_requires(s); });
        knowledge_cell([&] {
            KnowledgeEntry e;
            detail::parse_context(s, e);
        });
        detail::context_driver_gene(s);
        detail::is_citation(s);
        for (const auto& layout : layouts())
            for (const auto& a : parse_annotations(layout, s)) {
                to_one_letter_protein_change(a.hgvs_p);
                c_text(a.hgvs_c);
            }
    });
}
