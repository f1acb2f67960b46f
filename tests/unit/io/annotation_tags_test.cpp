// Consequence tags written by VEP, SnpEff and bcftools csq are read by header Description and
// by field name. The headers and values below are real tool output (sources in each comment
// and in testdata/annotation_tags/README.md).
#include "io/annotation_tags.hpp"
#include "rvanno/annotation_tags.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;
using rvanno::AnnotatedConsequence;
using rvanno::AnnotationLayout;
using rvanno::AnnotationStyle;

namespace {

struct MiniVcf {
    std::map<std::string, std::string> descriptions;       // INFO ID -> Description
    std::vector<std::map<std::string, std::string>> info;  // per record: key -> value
    std::vector<std::string> alt, gene_tag;                // per record: ALT, INFO/GN
};

std::map<std::string, std::string> split_info(const std::string& info) {
    std::map<std::string, std::string> kv;
    std::size_t start = 0;
    while (start <= info.size()) {
        auto end = info.find(';', start);
        if (end == std::string::npos) end = info.size();
        const auto item = info.substr(start, end - start);
        const auto eq = item.find('=');
        if (eq != std::string::npos) kv[item.substr(0, eq)] = item.substr(eq + 1);
        start = end + 1;
    }
    return kv;
}

// Just enough VCF to get INFO Descriptions and INFO values; the test needs no HTSlib.
void add_line(MiniVcf& v, const std::string& line) {
    if (line.rfind("##INFO=<ID=", 0) == 0) {
        const auto id = line.substr(11, line.find(',') - 11);
        const auto d = line.find("Description=\"") + 13;
        v.descriptions[id] = line.substr(d, line.rfind('"') - d);
    } else if (!line.empty() && line[0] != '#') {
        std::vector<std::string> col;
        for (std::size_t s = 0, e; s <= line.size(); s = e + 1) {
            e = line.find('\t', s);
            if (e == std::string::npos) e = line.size();
            col.push_back(line.substr(s, e - s));
        }
        v.info.push_back(split_info(col.at(7)));
        v.alt.push_back(col.at(4));
        v.gene_tag.push_back(v.info.back()["GN"]);
    }
}

MiniVcf read_vcf(const fs::path& p) {
    MiniVcf v;
    std::ifstream in(p);
    for (std::string line; std::getline(in, line);) add_line(v, line);
    return v;
}

// Reads a gzipped VCF in place (records can be tens of kB, so lines are assembled in pieces).
MiniVcf read_vcf_gz(const fs::path& p) {
    MiniVcf v;
    gzFile f = gzopen(p.c_str(), "rb");
    std::string line;
    char buf[1 << 16];
    while (f && gzgets(f, buf, sizeof buf)) {
        line += buf;
        if (line.back() != '\n') continue;
        line.pop_back();
        add_line(v, line);
        line.clear();
    }
    if (f) gzclose(f);
    return v;
}

AnnotationLayout layout_of(const std::string& description) {
    auto l = rvanno::detect_annotation_layout(description);
    if (!l) throw std::runtime_error("no layout for: " + description);
    return *l;
}

const fs::path kData = fs::path(RVANNO_TESTDATA) / "annotation_tags";
const fs::path kCivic =
    fs::path(RVANNO_SHARED_DATA) / "civic/2024-08-01_via_rk-izak-DATA72000-IBE/01-Aug-2024-civic_accepted.vcf.gz";

// samtools/bcftools csq.c, bcf_hdr_printf for INFO/BCSQ (current wording, "Haplotype-aware" case).
const std::string kBcsqCurrent =
    "Haplotype-aware consequence annotation from BCFtools/csq. Format: '[*]consequence|gene|transcript|"
    "biotype[|strand|amino_acid_change|dna_change]' or, for consequences of variants split across "
    "multiple sites, a pointer to the record storing the consequences '@position'. '*' prefix indicates "
    "a consequence downstream from a stop ";
// Older bcftools wording, as quoted in lindenb/jvarkit BcfToolsPredictionParser.java.
const std::string kBcsqOld =
    "Haplotype-aware consequence annotation from BCFtools/csq, see "
    "http://samtools.github.io/bcftools/howtos/csq-calling.html for details. Format: "
    "Consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change";

}  // namespace

// Why: a real VEP header (bcftools test/split-vep.vcf) is recognised from its Description alone.
TEST(AnnotationLayout, vep_header_from_bcftools_test_file) {
    const auto vcf = read_vcf(kData / "vep_bcftools_split_vep.vcf");
    const auto l = layout_of(vcf.descriptions.at("CSQ"));
    EXPECT_EQ(l.style, AnnotationStyle::vep);
    ASSERT_EQ(l.fields.size(), 84u);
    EXPECT_EQ(l.fields[0], "Allele");
    EXPECT_EQ(l.fields[11], "HGVSp");
    EXPECT_EQ(l.fields[83], "gnomAD2.1_AF_sas");
}

// Why: SnpEff quotes its names and pads '|' with spaces; both header variants seen in the wild must work.
TEST(AnnotationLayout, snpeff_header_with_and_without_trailing_space) {
    const auto vcf = read_vcf(kData / "snpeff_docs_chr22.vcf");
    const auto with_space = layout_of(vcf.descriptions.at("ANN"));
    EXPECT_EQ(with_space.style, AnnotationStyle::snpeff);
    ASSERT_EQ(with_space.fields.size(), 16u);
    EXPECT_EQ(with_space.fields[9], "HGVS.c");
    EXPECT_EQ(with_space.fields[11], "cDNA.pos / cDNA.length");
    EXPECT_EQ(with_space.fields[15], "ERRORS / WARNINGS / INFO");
    // Same names without the space before the closing quote (genozip's vcf.h quotes it so).
    auto d = vcf.descriptions.at("ANN");
    d.pop_back();
    EXPECT_EQ(layout_of(d).fields, with_space.fields);
}

// Why: bcftools has worded its BCSQ Description differently over the years; both are BCSQ, not VEP.
TEST(AnnotationLayout, bcsq_old_and_current_wording) {
    for (const auto& d : {kBcsqOld, kBcsqCurrent}) {
        const auto l = layout_of(d);
        EXPECT_EQ(l.style, AnnotationStyle::bcsq);
        EXPECT_EQ(l.fields.size(), 7u);
        EXPECT_EQ(l.fields[5], "amino_acid_change");
    }
    EXPECT_EQ(layout_of("Local consequence annotation from BCFtools/csq. Format: x").style, AnnotationStyle::bcsq);
}

// Why: free-text Descriptions and SnpEff's old EFF layout are not tags rvanno can read.
TEST(AnnotationLayout, unrelated_descriptions_are_not_recognised) {
    EXPECT_EQ(rvanno::detect_annotation_layout("Approximate read depth"), std::nullopt);
    EXPECT_EQ(rvanno::detect_annotation_layout(""), std::nullopt);
    EXPECT_EQ(rvanno::detect_annotation_layout(
                  "Predicted effects for this variant.Format: 'Effect ( Effect_Impact | Functional_Class | "
                  "Codon_Change | Amino_Acid_Change| Amino_Acid_Length | Gene_Name | Transcript_BioType | "
                  "Gene_Coding | Transcript_ID | Exon_Rank  | Genotype [ | ERRORS | WARNINGS ] )' "),
              std::nullopt);
}

// Why: fields are taken by name, HGVS prefixes are stripped, and empty SYMBOL/HGVSc stay empty.
TEST(ParseAnnotations, vep_record_from_bcftools_test_file) {
    const auto vcf = read_vcf(kData / "vep_bcftools_split_vep.vcf");
    const auto got = rvanno::parse_annotations(layout_of(vcf.descriptions.at("CSQ")), vcf.info.at(0).at("CSQ"));
    ASSERT_EQ(got.size(), 7u);
    EXPECT_EQ(got[0].allele, "T");
    EXPECT_EQ(got[0].consequence, "non_coding_transcript_exon_variant");
    EXPECT_EQ(got[0].gene, "WASH7P");
    EXPECT_EQ(got[0].transcript, "ENST00000423562");
    EXPECT_EQ(got[0].hgvs_c, "n.1568T>A");
    EXPECT_EQ(got[0].hgvs_p, "");
    EXPECT_EQ(got[2].gene, "DDX11L1");
    EXPECT_EQ(got[2].consequence, "downstream_gene_variant");
    EXPECT_EQ(got[2].hgvs_c, "");
    EXPECT_EQ(got[6].gene, "");
    EXPECT_EQ(got[6].transcript, "ENSR00000000002");
}

// Why: VEP writes synonymous HGVSp as "p.Gly299%3D" (Ensembl/ensembl-vep issue #1652, VEP 111 output).
TEST(ParseAnnotations, vep_hgvsp_is_url_decoded_and_prefix_stripped) {
    const auto vcf = read_vcf(kData / "vep_bcftools_split_vep.vcf");
    const auto l = layout_of(vcf.descriptions.at("CSQ"));  // first 12 fields equal VEP 111's default
    const auto got = rvanno::parse_annotations(
        l,
        "A|synonymous_variant|LOW|MRPL39|ENSG00000154719|Transcript|ENST00000307301|protein_coding|8/11||"
        "ENST00000307301.7:c.897C>T|ENSP00000305682.7:p.Gly299%3D|939|897|299|G|ggC/ggT|||-1||HGNC|14027|");
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].hgvs_c, "c.897C>T");
    EXPECT_EQ(got[0].hgvs_p, "p.Gly299=");
    EXPECT_EQ(got[0].transcript, "ENST00000307301");
}

// Why: SnpEff's ANN uses other column names (Annotation, Gene_Name, Feature_ID, HGVS.c/p).
TEST(ParseAnnotations, snpeff_records_from_snpeff_docs) {
    const auto vcf = read_vcf(kData / "snpeff_docs_chr22.vcf");
    const auto l = layout_of(vcf.descriptions.at("ANN"));
    const auto first = rvanno::parse_annotations(l, vcf.info.at(0).at("ANN"));
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].allele, "T");
    EXPECT_EQ(first[0].consequence, "missense_variant");
    EXPECT_EQ(first[0].gene, "CCT8L2");
    EXPECT_EQ(first[0].transcript, "ENST00000359963");
    EXPECT_EQ(first[0].hgvs_c, "c.1406G>A");
    EXPECT_EQ(first[0].hgvs_p, "p.Gly469Glu");
    EXPECT_EQ(first[1].hgvs_c, "n.*397G>A");
    EXPECT_EQ(first[1].hgvs_p, "");
    const auto second = rvanno::parse_annotations(l, vcf.info.at(1).at("ANN"));
    ASSERT_EQ(second.size(), 3u);
    EXPECT_EQ(second[0].consequence, "stop_gained");
    EXPECT_EQ(second[0].hgvs_p, "p.Trp20*");
    EXPECT_EQ(second[2].transcript, "ENST00000382760");
}

// Why: bcftools writes "49K>49*" (position on both sides); rvanno's matcher wants "p.K49*".
// Values: samtools/bcftools test/csq/ENST00000000000/upstream-stop.cmd.out.
TEST(ParseAnnotations, bcsq_substitutions_become_one_letter_protein_changes) {
    const auto l = layout_of(kBcsqCurrent);
    auto got =
        rvanno::parse_annotations(l, "stop_gained|WBGene00016561|C41D11.1e.1|protein_coding|+|49K>49*|6723A>T+6725G>A");
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].consequence, "stop_gained");
    EXPECT_EQ(got[0].gene, "WBGene00016561");
    EXPECT_EQ(got[0].transcript, "C41D11.1e.1");
    EXPECT_EQ(got[0].hgvs_p, "p.K49*");
    EXPECT_EQ(got[0].hgvs_c, "");  // dna_change is genomic, not c. notation
    EXPECT_EQ(got[0].allele, "");
    got = rvanno::parse_annotations(l, "*missense|WBGene00016561|C41D11.1e.1|protein_coding|+|259D>259Y|7395G>T");
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].consequence, "*missense");  // '*': downstream of a stop on the same haplotype
    EXPECT_EQ(got[0].hgvs_p, "p.D259Y");
}

// Why: "@6723" only points at the record holding the compound consequence: it is kept (so the
// pipeline can say the class lies elsewhere) but names no gene, transcript or change, so it can
// never stand for a transcript's consequence.
TEST(ParseAnnotations, bcsq_at_references_name_no_transcript) {
    const auto l = layout_of(kBcsqOld);
    auto got = rvanno::parse_annotations(l, "@6723");
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].consequence, "@6723");
    EXPECT_EQ(got[0].transcript, "");
    EXPECT_EQ(got[0].hgvs_p, "");
    EXPECT_EQ(got[0].dna_change, "");
    // The reference and a real entry joined in one value (both from upstream-stop.cmd.out).
    got = rvanno::parse_annotations(l, "@6723,*missense|WBGene00016561|C41D11.1e.1|protein_coding|+|259D>259Y|7395G>T");
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].consequence, "@6723");
    EXPECT_EQ(got[1].hgvs_p, "p.D259Y");
    EXPECT_EQ(got[1].dna_change, "7395G>T");
}

// Why: csq.c prints only the reference side of a synonymous change (hap_add_csq writes the '>'
// side only "if ( !(csq->type.type & CSQ_SYNONYMOUS_VARIANT) )"); read as p.Q61=, it is
// recognisably synonymous, so a codon row can never match it. The value is written here in that
// format for KRAS c.183A>G (GRCh37 12:25380275 T>C, the third base of codon 61: CIViC's VCF has
// c.183A>C at that position).
TEST(ParseAnnotations, bcsq_synonymous_change_becomes_an_equals_sign) {
    const auto l = layout_of(kBcsqCurrent);
    const auto got = rvanno::parse_annotations(l, "synonymous|KRAS|ENST00000311936|protein_coding|-|61Q|25380275T>C");
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].hgvs_p, "p.Q61=");
    EXPECT_EQ(got[0].dna_change, "25380275T>C");
}

// Why: multi-residue changes have no simple one-letter form and must reach the user unchanged.
TEST(ParseAnnotations, bcsq_other_changes_are_kept_raw) {
    const auto l = layout_of(kBcsqOld);
    // "5TY>5I" is csq.c's own example of a variant string (with a biotype added to fill the column).
    auto got = rvanno::parse_annotations(l, "inframe_deletion|XYZ|ENST01|protein_coding|+|5TY>5I|121ACG>A+124TA>T");
    EXPECT_EQ(got.at(0).hgvs_p, "5TY>5I");
    // Non-coding entries have only four fields (bcftools test/csq/ENSCAFT00000047742/test.txt).
    got = rvanno::parse_annotations(l, "splice_acceptor&splice_donor|DUSP3|ENSCAFT00000047742|protein_coding");
    EXPECT_EQ(got.at(0).consequence, "splice_acceptor&splice_donor");
    EXPECT_EQ(got.at(0).gene, "DUSP3");
    EXPECT_EQ(got.at(0).hgvs_p, "");
    EXPECT_EQ(rvanno::parse_annotations(l, "missense|G|T|protein_coding|+|1202G>1203R|x").at(0).hgvs_p,
              "1202G>1203R");  // positions differ: not a substitution
}

// Why: truncated or odd values come from hand-edited files; they must give empty fields, never a crash.
TEST(ParseAnnotations, malformed_values_never_crash) {
    const auto vep = layout_of(
        "Consequence annotations from Ensembl VEP. Format: Allele|Consequence|SYMBOL|"
        "Feature|HGVSc|HGVSp");
    const auto short_entry = rvanno::parse_annotations(vep, "T|missense_variant");
    ASSERT_EQ(short_entry.size(), 1u);
    EXPECT_EQ(short_entry[0].consequence, "missense_variant");
    EXPECT_EQ(short_entry[0].gene, "");
    EXPECT_TRUE(rvanno::parse_annotations(vep, "").empty());
    EXPECT_TRUE(rvanno::parse_annotations(vep, ".").empty());
    EXPECT_EQ(rvanno::parse_annotations(vep, "A|x|G1|T1|c.1A>G|p.M1?,,C|y").size(), 2u);
    EXPECT_EQ(rvanno::parse_annotations(vep, "A|x|G|T|%|ENSP:p.%4").at(0).hgvs_p, "p.%4");
    const std::vector<AnnotationLayout> layouts{vep, layout_of(kBcsqOld),
                                                AnnotationLayout{AnnotationStyle::snpeff, {}}};
    for (const auto& l : layouts)
        for (const char* v : {"|||", ",,,", "@", "|", "a|b|c|d|e|f|g|h|i|j|k|l|m", ">", "1>", "1G>", "%%%"})
            EXPECT_NO_THROW(rvanno::parse_annotations(l, v)) << v;
}

// Why: CIViC's CSQ names VEP's columns, so rvanno reads it as VEP-like (39 fields, HGVSp present).
TEST(CivicVcf, csq_header_is_vep_like) {
    if (!fs::exists(kCivic)) GTEST_SKIP() << "shared data absent: " << kCivic;
    const auto vcf = read_vcf_gz(kCivic);
    const auto l = layout_of(vcf.descriptions.at("CSQ"));
    EXPECT_EQ(l.style, AnnotationStyle::vep);
    ASSERT_EQ(l.fields.size(), 39u);
    EXPECT_EQ(l.fields[2], "SYMBOL");
    EXPECT_EQ(l.fields[3], "Entrez Gene ID");
    EXPECT_EQ(l.fields[7], "HGVSp");
}

// Why: CIViC leaves bare commas in disease names; rejoining must keep every entry on its own variant.
TEST(CivicVcf, every_entry_belongs_to_its_record) {
    if (!fs::exists(kCivic)) GTEST_SKIP() << "shared data absent: " << kCivic;
    const auto vcf = read_vcf_gz(kCivic);
    const auto l = layout_of(vcf.descriptions.at("CSQ"));
    ASSERT_EQ(vcf.info.size(), 804u);  // record count stated in shared/data/SOURCES.md
    for (std::size_t i = 0; i < vcf.info.size(); ++i)
        for (const auto& a : rvanno::parse_annotations(l, vcf.info[i].at("CSQ"))) {
            // VEP convention: an indel's Allele drops the padding base shared with REF ("-" if empty).
            const auto& alt = vcf.alt[i];
            EXPECT_TRUE(a.allele == alt || a.allele == alt.substr(1) || a.allele == "-")
                << "record " << i << ": " << a.allele << " vs ALT " << alt;
            EXPECT_EQ(a.gene, vcf.gene_tag[i]) << "record " << i;
        }
}

// Why: known answers from two CIViC records (ALK R1275Q; ACVR1 G328V, whose value has bare commas).
TEST(CivicVcf, known_records) {
    if (!fs::exists(kCivic)) GTEST_SKIP() << "shared data absent: " << kCivic;
    auto vcf = read_vcf_gz(kCivic);
    const auto l = layout_of(vcf.descriptions.at("CSQ"));
    std::vector<AnnotatedConsequence> alk, acvr1;
    for (std::size_t i = 0; i < vcf.info.size(); ++i) {
        if (vcf.info[i]["VT"] == "R1275Q" && vcf.gene_tag[i] == "ALK")
            alk = rvanno::parse_annotations(l, vcf.info[i]["CSQ"]);
        if (vcf.info[i]["VT"] == "G328V" && vcf.gene_tag[i] == "ACVR1")
            acvr1 = rvanno::parse_annotations(l, vcf.info[i]["CSQ"]);
    }
    ASSERT_FALSE(alk.empty());
    EXPECT_EQ(alk[0].consequence, "Missense_Variant");  // CIViC's capitalisation, kept as written
    EXPECT_EQ(alk[0].transcript, "ENST00000389048.3");
    EXPECT_EQ(alk[0].hgvs_c, "c.3824G>A");
    EXPECT_EQ(alk[0].hgvs_p, "");  // CIViC leaves HGVSp empty
    EXPECT_EQ(acvr1.size(), 4u);   // three evidence items and one assertion
}
