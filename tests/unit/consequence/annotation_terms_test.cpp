// The consequence names VEP, SnpEff and bcftools csq write, mapped onto rvanno's terms, and how
// an annotated class joins rvanno's own consequence (src/consequence/annotation_terms.cpp). The
// values are real tool output; each test names where it comes from.
#include "consequence/annotation_terms.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace rvanno;
namespace fs = std::filesystem;
using Terms = std::vector<std::string>;

namespace {

Terms vep(const std::string& s) { return annotation_terms(AnnotationStyle::vep, s).terms; }
Terms snpeff(const std::string& s) { return annotation_terms(AnnotationStyle::snpeff, s).terms; }
Terms bcsq(const std::string& s) { return annotation_terms(AnnotationStyle::bcsq, s).terms; }

// A CDS substitution as rvanno describes it without --fasta.
Consequence unknown_substitution() {
    Consequence c;
    c.hgvs_c = "c.34G>T";
    c.codon = 12;
    c.terms = {"coding_sequence_variant"};
    c.protein_altering = true;
    return c;
}

}  // namespace

// Why: VEP writes SO terms joined by '&' (bcftools test/split-vep.vcf has
// "missense_variant&splice_region_variant"-style values); each known term maps to itself, and
// location terms stay location terms.
TEST(AnnotationTerms, vep_so_terms_map_to_themselves) {
    EXPECT_EQ(vep("missense_variant"), Terms{"missense_variant"});
    EXPECT_EQ(vep("missense_variant&splice_region_variant"), (Terms{"missense_variant", "splice_region_variant"}));
    EXPECT_EQ(vep("stop_gained"), Terms{"stop_gained"});
    EXPECT_EQ(vep("frameshift_variant"), Terms{"frameshift_variant"});
    EXPECT_EQ(vep("splice_donor_variant&intron_variant"), (Terms{"splice_donor_variant", "intron_variant"}));
    EXPECT_EQ(vep("splice_acceptor_variant"), Terms{"splice_acceptor_variant"});
    EXPECT_EQ(vep("start_lost"), Terms{"start_lost"});
    EXPECT_EQ(vep("stop_lost"), Terms{"stop_lost"});
    EXPECT_EQ(vep("inframe_insertion"), Terms{"inframe_insertion"});
    EXPECT_EQ(vep("inframe_deletion"), Terms{"inframe_deletion"});
    EXPECT_EQ(vep("synonymous_variant"), Terms{"synonymous_variant"});
    EXPECT_EQ(vep("stop_retained_variant"), Terms{"synonymous_variant"}) << "p.(*123=): protein unchanged";
    EXPECT_EQ(vep("protein_altering_variant"), Terms{"protein_altering_variant"});
    EXPECT_EQ(vep("5_prime_UTR_variant"), Terms{"5_prime_UTR_variant"});
    // Not consequences of a MANE exon: nothing to take.
    EXPECT_TRUE(vep("downstream_gene_variant").empty());
    EXPECT_TRUE(vep("regulatory_region_variant").empty());
    EXPECT_TRUE(vep("").empty());
}

// Why: SnpEff's own SO spellings (its effect table: conservative_/disruptive_inframe_*, and
// combined '&' values) must reach the same classes as VEP's.
TEST(AnnotationTerms, snpeff_inframe_forms_and_combined_terms) {
    EXPECT_EQ(snpeff("disruptive_inframe_deletion"), Terms{"inframe_deletion"});
    EXPECT_EQ(snpeff("conservative_inframe_deletion"), Terms{"inframe_deletion"});
    EXPECT_EQ(snpeff("disruptive_inframe_insertion"), Terms{"inframe_insertion"});
    EXPECT_EQ(snpeff("conservative_inframe_insertion"), Terms{"inframe_insertion"});
    EXPECT_EQ(snpeff("stop_gained&splice_region_variant"), (Terms{"stop_gained", "splice_region_variant"}));
    EXPECT_EQ(snpeff("frameshift_variant&stop_gained"), (Terms{"frameshift_variant", "stop_gained"}));
    EXPECT_EQ(snpeff("5_prime_UTR_premature_start_codon_gain_variant"), Terms{"5_prime_UTR_variant"});
}

// Why: bcftools csq has its own short names (csq.c csq_strings[]); '*' marks a consequence after a
// stop gained earlier on the same haplotype, "@POS" a consequence stored at another record
// (both forms from bcftools test/csq/ENST00000000000/upstream-stop.cmd.out).
TEST(AnnotationTerms, bcsq_names_and_haplotype_forms) {
    EXPECT_EQ(bcsq("missense"), Terms{"missense_variant"});
    EXPECT_EQ(bcsq("stop_gained"), Terms{"stop_gained"});
    EXPECT_EQ(bcsq("frameshift"), Terms{"frameshift_variant"});
    EXPECT_EQ(bcsq("splice_acceptor&splice_donor"), (Terms{"splice_acceptor_variant", "splice_donor_variant"}));
    EXPECT_EQ(bcsq("start_lost"), Terms{"start_lost"});
    EXPECT_EQ(bcsq("stop_lost"), Terms{"stop_lost"});
    EXPECT_EQ(bcsq("inframe_insertion"), Terms{"inframe_insertion"});
    EXPECT_EQ(bcsq("inframe_deletion"), Terms{"inframe_deletion"});
    EXPECT_EQ(bcsq("inframe_altering"), Terms{"protein_altering_variant"});
    EXPECT_EQ(bcsq("synonymous"), Terms{"synonymous_variant"});
    EXPECT_EQ(bcsq("missense&NMD_transcript"), Terms{"missense_variant"});
    EXPECT_EQ(bcsq("intron"), Terms{"intron_variant"});
    // SO spellings are not bcftools names (and vice versa).
    EXPECT_TRUE(bcsq("missense_variant").empty());
    EXPECT_TRUE(vep("missense").empty());

    const auto after_stop = annotation_terms(AnnotationStyle::bcsq, "*missense");
    EXPECT_TRUE(after_stop.after_upstream_stop);
    EXPECT_EQ(after_stop.terms, Terms{"missense_variant"});
    const auto pointer = annotation_terms(AnnotationStyle::bcsq, "@6723");
    EXPECT_TRUE(pointer.at_other_record);
    EXPECT_TRUE(pointer.terms.empty());
    EXPECT_FALSE(annotation_terms(AnnotationStyle::vep, "*missense_variant").after_upstream_stop);
}

// Why: CIViC's own VCF (read as VEP-like) capitalises SO terms and uses SO child terms
// ("Frameshift_Truncation", "Minus_1_Frameshift_Variant"); every protein-level term it writes must
// reach its class. Read in place from ../shared; skipped when it is absent.
TEST(AnnotationTerms, civic_vcf_terms_reach_their_classes) {
    const auto civic =
        fs::path(RVANNO_SHARED_DATA) / "civic/2024-08-01_via_rk-izak-DATA72000-IBE/01-Aug-2024-civic_accepted.vcf.gz";
    if (!fs::exists(civic)) GTEST_SKIP() << "../shared is absent";
    std::map<std::string, long> seen;  // CIViC term -> count, over every CSQ entry
    gzFile f = gzopen(civic.c_str(), "rb");
    std::string line;
    char buf[1 << 16];
    while (f && gzgets(f, buf, sizeof buf)) {
        line += buf;
        if (line.back() != '\n') continue;
        if (line[0] != '#') {
            for (auto at = line.find("CSQ="); at != std::string::npos; at = line.find(",", at + 1)) {
                const auto bar = line.find('|', at);
                const auto end = line.find('|', bar + 1);
                if (bar == std::string::npos || end == std::string::npos) break;
                std::string field = line.substr(bar + 1, end - bar - 1);
                for (std::size_t s = 0, e; s <= field.size(); s = e + 1) {
                    e = field.find('&', s);
                    if (e == std::string::npos) e = field.size();
                    ++seen[field.substr(s, e - s)];
                }
            }
        }
        line.clear();
    }
    if (f) gzclose(f);
    const std::map<std::string, std::string> want{{"Missense_Variant", "missense_variant"},
                                                  {"Non_Conservative_Missense_Variant", "missense_variant"},
                                                  {"Stop_Gained", "stop_gained"},
                                                  {"Frameshift_Truncation", "frameshift_variant"},
                                                  {"Frameshift_Elongation", "frameshift_variant"},
                                                  {"Minus_1_Frameshift_Variant", "frameshift_variant"},
                                                  {"Plus_1_Frameshift_Variant", "frameshift_variant"},
                                                  {"Frameshift_Variant", "frameshift_variant"},
                                                  {"Splice_Donor_Variant", "splice_donor_variant"},
                                                  {"Splice_Acceptor_Variant", "splice_acceptor_variant"},
                                                  {"Inframe_Deletion", "inframe_deletion"},
                                                  {"Conservative_Inframe_Deletion", "inframe_deletion"},
                                                  {"Inframe_Insertion", "inframe_insertion"},
                                                  {"Disruptive_Inframe_Insertion", "inframe_insertion"},
                                                  {"Synonymous_Variant", "synonymous_variant"},
                                                  {"Stop_Lost", "stop_lost"},
                                                  {"Start_Lost", "start_lost"}};
    for (const auto& [civic_term, term] : want) {
        EXPECT_GT(seen[civic_term], 0) << civic_term << " is in the file";
        EXPECT_EQ(vep(civic_term), Terms{term}) << civic_term;
    }
    // A functional label is not a consequence: it gives no class.
    EXPECT_GT(seen["Loss_Of_Function_Variant"], 0);
    EXPECT_TRUE(vep("Loss_Of_Function_Variant").empty());
}

// Why: the class of a protein change written elsewhere (a MAF's HGVSp_Short, the knowledge base's
// listed allele): G12C missense, R130* stop_gained, Q61= and Q61Q synonymous.
TEST(AnnotationTerms, class_of_a_one_letter_protein_change) {
    EXPECT_EQ(terms_of_protein_change("G12C"), Terms{"missense_variant"});
    EXPECT_EQ(terms_of_protein_change("R130*"), Terms{"stop_gained"});
    EXPECT_EQ(terms_of_protein_change("Q61="), Terms{"synonymous_variant"});
    EXPECT_EQ(terms_of_protein_change("Q61Q"), Terms{"synonymous_variant"});
    EXPECT_EQ(terms_of_protein_change("*189Qext*?"), Terms{});
    EXPECT_TRUE(terms_of_protein_change("N292Kfs*6").empty()) << "frameshifts: rvanno's own length terms";
    EXPECT_TRUE(terms_of_protein_change("E746_A750del").empty());
    EXPECT_TRUE(terms_of_protein_change("").empty());
}

// Why: without --fasta rvanno has no class for a CDS substitution; the annotation's is taken, and
// a stop_gained from annotation makes it loss of function exactly as rvanno's own would.
TEST(AnnotationTerms, class_is_adopted_when_rvanno_could_not_tell) {
    auto c = unknown_substitution();
    c.terms.push_back("splice_region_variant");
    EXPECT_EQ(merge_annotated_class(c, {"missense_variant", "splice_region_variant"}), ClassMerge::adopted);
    EXPECT_EQ(c.terms, (Terms{"missense_variant", "splice_region_variant"}));
    EXPECT_FALSE(c.loss_of_function);
    EXPECT_TRUE(c.protein_altering);

    c = unknown_substitution();
    EXPECT_EQ(merge_annotated_class(c, {"stop_gained"}), ClassMerge::adopted);
    EXPECT_TRUE(c.loss_of_function);

    c = unknown_substitution();
    EXPECT_EQ(merge_annotated_class(c, {"synonymous_variant"}), ClassMerge::adopted);
    EXPECT_FALSE(c.protein_altering);
    EXPECT_TRUE(is_synonymous(c));

    c = unknown_substitution();
    EXPECT_EQ(merge_annotated_class(c, {"intron_variant"}), ClassMerge::none) << "no protein-level class";
    EXPECT_TRUE(protein_class_unknown(c));
}

// Why: what rvanno knows from positions and lengths (a substitution is no frameshift; a splice
// site is where its transcript model says) beats an annotation that says otherwise, and rvanno's
// own class (with --fasta) always stays: agreement and disagreement are reported, nothing changes.
TEST(AnnotationTerms, rvanno_class_stays_and_disagreement_is_reported) {
    auto c = unknown_substitution();
    EXPECT_EQ(merge_annotated_class(c, {"frameshift_variant"}), ClassMerge::disagreed);
    EXPECT_EQ(c.terms, Terms{"coding_sequence_variant"});
    EXPECT_EQ(merge_annotated_class(c, {"splice_donor_variant"}), ClassMerge::disagreed);

    Consequence mine;
    mine.terms = {"missense_variant"};
    mine.protein_change = "G12C";
    EXPECT_EQ(merge_annotated_class(mine, {"missense_variant", "splice_region_variant"}), ClassMerge::agreed);
    EXPECT_EQ(merge_annotated_class(mine, {"synonymous_variant"}), ClassMerge::disagreed);
    EXPECT_EQ(merge_annotated_class(mine, {"stop_gained"}), ClassMerge::disagreed);
    EXPECT_EQ(mine.terms, Terms{"missense_variant"});

    Consequence frameshift;
    frameshift.terms = {"frameshift_variant"};
    frameshift.loss_of_function = true;
    EXPECT_EQ(merge_annotated_class(frameshift, {"frameshift_variant", "stop_gained"}), ClassMerge::agreed)
        << "both loss of function";
}
