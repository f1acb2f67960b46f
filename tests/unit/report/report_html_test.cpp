// write_html on a hand-built Report: every input-derived value is escaped, citations are
// linked (and are the only URLs), no script, the research-use notice and a greyscale-safe
// legend are there, sections come in the documented order, empty inputs say so, and the same
// report gives the same bytes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.hpp"
#include "report/writers.hpp"
#include "rvanno/report.hpp"

using namespace rvanno;

namespace {

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
    return n;
}

// Entries live as long as the fixture: matches point into them.
struct Fixture {
    std::vector<KnowledgeEntry> entries;
    Report report;

    Fixture() {
        entries.reserve(8);
        KnowledgeEntry ptpn1;
        ptpn1.id = "ALK-PTPN1-c1088p1GA-alectinib-1";
        ptpn1.gene = "PTPN1";
        ptpn1.kind = AlterationKind::hgvs_c;
        ptpn1.drugs = {"alectinib", "brigatinib"};
        ptpn1.effect = Effect::resistance;
        ptpn1.level = EvidenceLevel::C;
        ptpn1.diseases = {"IMT"};
        ptpn1.mechanism = "downstream";
        ptpn1.citations = {"PMID:34657149", "DOI:10.1182/blood.2020008136", "PMID:12<3"};
        ptpn1.verified = true;
        ptpn1.notes = "Index case: R&D <i>italics</i> CONFLICT: dates differ";
        ptpn1.file = "knowledge/alk.tsv";
        ptpn1.line = 12;
        entries.push_back(ptpn1);

        KnowledgeEntry lof = ptpn1;
        lof.id = "ALK-PTPN1-LOF-ALK_TKI-1";
        lof.kind = AlterationKind::lof;
        lof.drugs = {"ALK_TKI"};
        lof.level = EvidenceLevel::D;
        lof.verified = false;
        lof.notes = "class-level";
        lof.citations = {"DOI:10.1/x\"onmouseover=alert(1)"};
        entries.push_back(lof);

        KnowledgeEntry amp;
        amp.id = "ALK-amp-crizotinib-1";
        amp.gene = "ALK";
        amp.kind = AlterationKind::amplification;
        amp.drugs = {"crizotinib"};
        amp.effect = Effect::resistance;
        amp.level = EvidenceLevel::C;
        amp.verified = true;
        amp.citations = {"PMID:1"};
        amp.file = "knowledge/copy_number.tsv";
        entries.push_back(amp);

        KnowledgeEntry fus;
        fus.id = "ALK-fusion-crizotinib-1";
        fus.gene = "ALK";
        fus.kind = AlterationKind::fusion;
        fus.drugs = {"crizotinib"};
        fus.effect = Effect::sensitivity;
        fus.level = EvidenceLevel::A;
        fus.verified = true;
        fus.file = "knowledge/fusions.tsv";
        entries.push_back(fus);

        auto& p = report.provenance;
        p.rvanno_version = "0.1.0";
        p.htslib_version = "1.16";
        p.kb_version = "2026-12";
        p.kb_md5 = "0123456789abcdef0123456789abcdef";
        p.genome_build = "GRCh38";
        p.genome_build_reason = "##contig lengths";
        p.command_line = "rvanno annotate --sample '<script>alert(1)</script>' in.vcf && echo";
        p.inputs = {"dir<1>/input.vcf"};
        p.cnv_inputs = {"tumour&normal.cns"};
        p.sv_inputs = {"sv.vcf"};
        p.sample = "<script>alert(1)</script>";
        p.cn_settings = "absolute: amplification >= 5";

        AlleleFinding f;
        f.record_number = 3;
        f.contig_name = "chr20<x>";
        f.pos = 50579926;
        f.ref = "G";
        f.alt = "A";
        f.filter = "PASS\"quoted'";
        f.vaf = 0.475;
        f.depth = 40;
        f.csq.gene = "PTPN1";
        f.csq.transcript = "NM_002827.4";
        f.csq.hgvs_c = "c.1088+1G>A";
        f.csq.terms = {"splice_donor_variant"};
        f.csq.intron = 8;
        f.csq.exon_count = 10;
        f.matches = {Match{&entries[0], MatchHow::hgvs_c, "c.1088+1G>A"},
                     Match{&entries[1], MatchHow::lof, "splice_donor_variant"}};
        report.findings.push_back(f);

        AlleleFinding vus = f;
        vus.csq.gene = "MET";
        vus.csq.hgvs_c = "c.100A>G";
        vus.filter = "weird&filter";
        vus.matches.clear();
        report.findings.push_back(vus);

        // A protein-altering allele in a gene outside the knowledge base: listed as "no knowledge".
        AlleleFinding tp53 = f;
        tp53.csq = Consequence{};
        tp53.csq.gene = "TP53";
        tp53.csq.transcript = "NM_000546.6";
        tp53.csq.hgvs_c = "c.524G>A";
        tp53.csq.protein_change = "R175H";
        tp53.csq.terms = {"missense_variant"};
        tp53.csq.protein_altering = true;
        tp53.matches.clear();
        report.findings.push_back(tp53);
        report.provenance.examined = "small variants examined in 1001 of the 1001 genes of the GRCh38 transcript model";

        CopyNumberFinding cn;
        cn.cn.gene = "ALK";
        cn.cn.transcript = "NM_004304.5";
        cn.cn.assessed = true;
        cn.cn.min_cn = 8.0;
        cn.cn.max_cn = 8.0;
        cn.cn.covered_fraction = 1.0;
        cn.cn.cn_class = CnClass::amplification;
        cn.cn.focal = true;
        cn.cn.arm = "2p";
        cn.cn.arm_fraction = 0.018;
        cn.cn.event_length = 1730000;
        cn.contig_name = "chr2";
        cn.gene_begin = 29192773;
        cn.gene_end = 29921586;
        cn.matches = {Match{&entries[2], MatchHow::amplification, "CN 8.00 >= 5"}};
        report.copy_number.push_back(cn);

        FusionFinding fu;
        fu.fusion.gene5 = "EML4";
        fu.fusion.gene3 = "ALK";
        fu.fusion.exon5 = 13;
        fu.fusion.exon3 = 20;
        fu.fusion.in_frame = true;
        fu.fusion.frame_source = "rvanno (intron phases)";
        fu.fusion.kinase_domain_retained = true;
        fu.fusion.variant_name = "EML4-ALK v1";
        fu.fusion.junction.kind = "BND";
        fu.fusion.junction.id = "<MantaBND:1>";
        fu.fusion.junction.filter = "\"PASS'";
        fu.fusion.junction.split_reads = 12;
        fu.fusion.junction.a.contig_name = "chr2";
        fu.fusion.junction.b.contig_name = "chr2";
        fu.fusion.junction.source = "sv.vcf: records 1+2";
        fu.matches = {Match{&entries[3], MatchHow::fusion, "EML4::ALK"}};
        report.fusions.push_back(fu);

        GeneSummary met;
        met.gene = "MET";
        met.transcript = "NM_000245.4";
        met.small_variant_alleles = 0;
        GeneCopyNumber mcn;
        mcn.gene = "MET";
        mcn.assessed = true;
        mcn.min_cn = 2.0;
        mcn.max_cn = 2.0;
        mcn.cn_class = CnClass::neutral;
        met.cn = mcn;
        met.fusions = 0;
        met.kb_gene = true;
        met.knowledge_rows = 24;
        report.genes.push_back(met);
        GeneSummary alk;
        alk.gene = "ALK";
        alk.small_variant_alleles = 0;
        alk.cn = cn.cn;
        alk.fusions = 1;
        alk.kb_gene = true;
        alk.knowledge_rows = 120;
        report.genes.push_back(alk);
        GeneSummary other;  // outside the knowledge base: its allele is the TP53 "no knowledge" one
        other.gene = "TP53";
        other.transcript = "NM_000546.6";
        other.small_variant_alleles = 1;
        other.no_knowledge_alleles = 1;
        report.genes.push_back(other);

        report.context.tumor_type = "IMT<&>";
        report.context.declared_drivers = {"ALK fusion"};
        report.context.therapy_history = {"crizotinib", "alectinib", "brigatinib", "lorlatinib"};

        // Deliberately out of order: the matrix must put ALK TKIs first, by generation.
        DrugVerdict palbo;
        palbo.drug = "palbociclib";
        palbo.drug_class = "CDK4_6_inhibitor";
        palbo.call = VerdictCall::conflicting;
        palbo.rule = "equal levels both ways";
        report.verdicts.push_back(palbo);
        DrugVerdict lorl;
        lorl.drug = "lorlatinib";
        lorl.drug_class = "ALK_TKI";
        lorl.generation = 3;
        lorl.call = VerdictCall::reduced_sensitivity;
        lorl.strength = EvidenceLevel::C;
        lorl.low_confidence = true;
        lorl.rule = "downstream evidence <only>";
        lorl.already_given = true;
        lorl.history_position = 4;
        report.verdicts.push_back(lorl);
        DrugVerdict criz;
        criz.drug = "crizotinib";
        criz.drug_class = "ALK_TKI";
        criz.generation = 1;
        criz.call = VerdictCall::resistant;
        criz.strength = EvidenceLevel::C;
        criz.rule = "resistance row at the best level";
        criz.already_given = true;
        criz.history_position = 1;
        Evidence ev;
        ev.entry = &entries[2];
        ev.finding = "ALK amplification";
        ev.how = MatchHow::amplification;
        criz.evidence.push_back(ev);
        Evidence ev2 = ev;
        ev2.entry = &entries[3];
        ev2.applies = false;
        ev2.why_not = "needs tumour type <NSCLC>";
        criz.evidence.push_back(ev2);
        report.verdicts.push_back(criz);
        DrugVerdict alec;
        alec.drug = "alectinib";
        alec.drug_class = "ALK_TKI";
        alec.generation = 2;
        alec.call = VerdictCall::sensitive;
        report.verdicts.push_back(alec);
        DrugVerdict cerit;
        cerit.drug = "ceritinib";
        cerit.drug_class = "ALK_TKI";
        cerit.generation = 2;
        cerit.call = VerdictCall::no_evidence;
        report.verdicts.push_back(cerit);

        HotspotStatus h1;
        h1.gene = "ALK";
        h1.hotspot = "G1202";
        h1.kb_ids = "ALK-G1202R-alectinib-1;ALK-G1202R-brigatinib-1";
        h1.where = Region{"2", 29220745, 29220748};
        h1.contig_name = "chr2";
        h1.state = HotspotStatus::State::not_detected;
        h1.min_depth = 85;
        h1.depth_source = "gVCF";
        report.hotspots.push_back(h1);
        HotspotStatus h2 = h1;
        h2.hotspot = "L1196";
        h2.state = HotspotStatus::State::not_assessed;
        h2.min_depth.reset();
        h2.depth_source = "";
        report.hotspots.push_back(h2);

        report.counters.values = {{"records", 3}, {"alleles_matched", 1}};
    }

    std::string html() const {
        std::ostringstream s;
        write_html(report, s);
        return s.str();
    }
};

}  // namespace

TEST(ReportHtml, EscapesEveryInputDerivedField) {
    Fixture fx;
    const std::string h = fx.html();
    EXPECT_NE(h.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(lower(h).find("<script"), std::string::npos);
    EXPECT_EQ(h.find("alert(1)</script"), std::string::npos);
    EXPECT_NE(h.find("R&amp;D &lt;i&gt;italics&lt;/i&gt;"), std::string::npos);  // note with & and a tag
    EXPECT_NE(h.find("PASS&quot;quoted&#39;"), std::string::npos);               // filter with " and '
    EXPECT_NE(h.find("chr20&lt;x&gt;"), std::string::npos);                      // contig
    EXPECT_NE(h.find("&lt;MantaBND:1&gt;"), std::string::npos);                  // caller id
    EXPECT_NE(h.find("&quot;PASS&#39;"), std::string::npos);                     // SV filter
    EXPECT_NE(h.find("IMT&lt;&amp;&gt;"), std::string::npos);                    // tumour type
    EXPECT_NE(h.find("tumour&amp;normal.cns"), std::string::npos);               // input path
    EXPECT_NE(h.find("dir&lt;1&gt;/input.vcf"), std::string::npos);
    EXPECT_NE(h.find("weird&amp;filter"), std::string::npos);                  // unmatched variant's filter
    EXPECT_NE(h.find("needs tumour type &lt;NSCLC&gt;"), std::string::npos);   // verdict evidence
    EXPECT_NE(h.find("downstream evidence &lt;only&gt;"), std::string::npos);  // rule text
    EXPECT_NE(h.find("&amp;&amp; echo"), std::string::npos);                   // command line
    EXPECT_EQ(h.find("<i>italics"), std::string::npos);
    EXPECT_EQ(h.find("<x>"), std::string::npos);
    EXPECT_EQ(h.find("<NSCLC>"), std::string::npos);
}

TEST(ReportHtml, ControlCharactersCannotBreakOut) {
    Fixture fx;
    fx.report.provenance.sample = std::string("a\x01") + "b\x1b[0m";
    const std::string h = fx.html();
    EXPECT_EQ(h.find('\x01'), std::string::npos);
    EXPECT_EQ(h.find('\x1b'), std::string::npos);
}

TEST(ReportHtml, CitationsAreLinkedAndAreTheOnlyUrls) {
    Fixture fx;
    const std::string h = fx.html();
    EXPECT_NE(h.find("<a href=\"https://pubmed.ncbi.nlm.nih.gov/34657149/\">PMID:34657149</a>"), std::string::npos);
    EXPECT_NE(h.find("<a href=\"https://doi.org/10.1182/blood.2020008136\">DOI:10.1182/blood.2020008136</a>"),
              std::string::npos);
    // A malformed PMID stays text; a hostile DOI is percent-encoded and cannot leave the attribute.
    EXPECT_NE(h.find("PMID:12&lt;3"), std::string::npos);
    EXPECT_EQ(h.find("pubmed.ncbi.nlm.nih.gov/12"), std::string::npos);
    EXPECT_NE(h.find("href=\"https://doi.org/10.1/x%22onmouseover%3Dalert(1)\""), std::string::npos);
    EXPECT_EQ(h.find("\"onmouseover"), std::string::npos);
    // Every URL is a citation link; nothing else refers to the network.
    const std::string l = lower(h);
    std::size_t n = 0;
    for (auto p = l.find("http"); p != std::string::npos; p = l.find("http", p + 1)) {
        ++n;
        auto at = [&](std::string_view prefix) { return l.compare(p, prefix.size(), prefix) == 0; };
        const bool pubmed = at("https://pubmed.ncbi.nlm.nih.gov/"), doi = at("https://doi.org/"),
                   csp = at("http-equiv");
        EXPECT_TRUE(pubmed || doi || csp) << "unexpected reference at " << p << ": " << l.substr(p, 60);
    }
    EXPECT_GE(n, 4u);
    EXPECT_EQ(l.find("src="), std::string::npos);
    EXPECT_EQ(l.find("@import"), std::string::npos);
    EXPECT_EQ(l.find("url("), std::string::npos);
    EXPECT_EQ(l.find("<link"), std::string::npos);
    EXPECT_EQ(l.find("<img"), std::string::npos);
    EXPECT_EQ(l.find("<iframe"), std::string::npos);
    EXPECT_EQ(l.find("javascript:"), std::string::npos);
    EXPECT_NE(h.find("default-src 'none'"), std::string::npos);
}

TEST(ReportHtml, NoticeLegendAndGreyscaleLabels) {
    Fixture fx;
    const std::string h = fx.html();
    const auto notice = h.find("RESEARCH USE ONLY &#8212; NOT A MEDICAL DEVICE");
    ASSERT_NE(notice, std::string::npos);
    EXPECT_LT(notice, h.find("id=\"key-findings\""));
    EXPECT_NE(h.find("For research use only. rvanno is not a medical device"), std::string::npos);
    EXPECT_NE(h.find("Legend"), std::string::npos);
    // Text label and symbol for every call, so the matrix reads without colour.
    for (const char* label :
         {"&#10006;</span>RESISTANT", "&#9660;</span>REDUCED SENSITIVITY", "&#10004;</span>SENSITIVE",
          "&#8644;</span>CONFLICTING", "&#9675;</span>NO EVIDENCE", "&#8709;</span>NO BENEFIT"}) {
        EXPECT_NE(h.find(label), std::string::npos) << label;
    }
    EXPECT_NE(h.find("LOW CONFIDENCE"), std::string::npos);
    EXPECT_NE(h.find("ALREADY GIVEN (1st line)"), std::string::npos);
    EXPECT_NE(h.find("ALREADY GIVEN (4th line)"), std::string::npos);
    EXPECT_NE(h.find("UNVERIFIED"), std::string::npos);
    EXPECT_NE(h.find("&#8644; CONFLICT</span>"), std::string::npos);
    // Patterns in the style sheet besides colour.
    EXPECT_NE(h.find("repeating-linear-gradient"), std::string::npos);
    EXPECT_NE(h.find("print-color-adjust: exact"), std::string::npos);
    EXPECT_NE(h.find("size: A4"), std::string::npos);
}

TEST(ReportHtml, SectionsInOrderAndMatrixAlkTkisFirstByGeneration) {
    Fixture fx;
    const std::string h = fx.html();
    std::vector<std::size_t> at;
    for (const char* id :
         {"<header>", "class=\"notice\"", "id=\"key-findings\"", "id=\"matrix\"", "id=\"evidence\"",
          "id=\"copy-number\"", "id=\"fusions\"", "id=\"vus\"", "id=\"negatives\"", "id=\"methods\""}) {
        at.push_back(h.find(id));
        EXPECT_NE(at.back(), std::string::npos) << id;
    }
    EXPECT_TRUE(std::is_sorted(at.begin(), at.end()));
    const auto m = h.find("<table class=\"matrix");
    ASSERT_NE(m, std::string::npos);
    const auto criz = h.find("<b>crizotinib</b>", m), alec = h.find("<b>alectinib</b>", m),
               cer = h.find("<b>ceritinib</b>", m), lorl = h.find("<b>lorlatinib</b>", m),
               palbo = h.find("<b>palbociclib</b>", m);
    EXPECT_LT(criz, alec);
    EXPECT_LT(alec, cer);
    EXPECT_LT(cer, lorl);
    EXPECT_LT(lorl, palbo);
    EXPECT_NE(h.find("<tr class=\"group\"><th colspan=\"5\">ALK_TKI</th></tr>"), std::string::npos);
    EXPECT_NE(h.find("not applied: needs tumour type"), std::string::npos);
}

TEST(ReportHtml, KeyFindingsCopyNumberFusionNegativesHotspotsMethods) {
    Fixture fx;
    const std::string h = fx.html();
    const auto key = h.find("id=\"key-findings\""), matrix = h.find("id=\"matrix\"");
    const std::string kf = h.substr(key, matrix - key);
    EXPECT_NE(kf.find("PTPN1</span> c.1088+1G&gt;A"), std::string::npos);
    EXPECT_NE(kf.find("RESISTANCE</span> alectinib, brigatinib"), std::string::npos);  // strongest: level C
    EXPECT_NE(kf.find("ALK</span> amplification"), std::string::npos);
    EXPECT_NE(kf.find("CN 8.00"), std::string::npos);
    EXPECT_NE(kf.find("focal 2p"), std::string::npos);
    EXPECT_NE(kf.find("EML4::ALK fusion"), std::string::npos);
    EXPECT_NE(kf.find("EML4 exon 13 :: ALK exon 20"), std::string::npos);
    EXPECT_NE(kf.find("EML4-ALK v1"), std::string::npos);
    EXPECT_EQ(kf.find("c.100A&gt;G"), std::string::npos);  // unmatched: not a key finding
    EXPECT_NE(h.find("absolute: amplification &gt;= 5"), std::string::npos);
    EXPECT_NE(h.find("kinase domain retained"), std::string::npos);
    EXPECT_NE(h.find("split reads 12"), std::string::npos);
    EXPECT_NE(h.find("<b>MET</b>: CN 2.00 neutral, no small variant, no fusion"), std::string::npos);
    EXPECT_NE(h.find("c.100A&gt;G"), std::string::npos);  // listed among the other variants
    // Issue 8: the TP53 allele is in the VUS section, said to have no curated knowledge, with no
    // drug or effect; TP53 is among the other genes examined, not among the knowledge-base genes.
    const auto vus = h.find("id=\"vus\""), genes = h.find("id=\"negatives\"");
    ASSERT_NE(vus, std::string::npos);
    const std::string v = h.substr(vus, genes - vus);
    EXPECT_NE(v.find("6. Alterations without knowledge (VUS)"), std::string::npos);
    EXPECT_NE(v.find("TP53</span> c.524G&gt;A p.R175H"), std::string::npos) << v;
    EXPECT_NE(v.find("no curated knowledge for the gene"), std::string::npos);
    EXPECT_NE(v.find("Genes outside the knowledge base have no curated resistance knowledge"), std::string::npos);
    EXPECT_EQ(v.find("RESISTANCE"), std::string::npos);
    EXPECT_EQ(v.find("c.100A&gt;G"), std::string::npos);  // MET c.100A>G alters no protein: not a VUS
    const std::string g = h.substr(genes, h.find("id=\"methods\"") - genes);
    EXPECT_NE(g.find("Other genes examined for small variants"), std::string::npos);
    EXPECT_NE(g.find("<b>TP53</b> 1, 1 without knowledge"), std::string::npos) << g;
    EXPECT_EQ(g.find("<b>TP53</b>: "), std::string::npos);  // not in the knowledge-base gene list
    EXPECT_NE(h.find("Small variants examined in 1001 of the 1001 genes"), std::string::npos);
    EXPECT_NE(h.find("not detected at depth 85"), std::string::npos);
    EXPECT_NE(h.find("NOT ASSESSED</span> <span class=\"small\">(no depth information)"), std::string::npos);
    EXPECT_NE(h.find("0123456789abcdef0123456789abcdef"), std::string::npos);
    EXPECT_NE(h.find("alleles_matched = 1"), std::string::npos);
    EXPECT_NE(h.find("HTSlib version"), std::string::npos);
}

TEST(ReportHtml, DeterministicAndBalanced) {
    Fixture fx;
    const std::string a = fx.html(), b = fx.html();
    EXPECT_EQ(a, b);
    EXPECT_EQ(count(a, "<table"), count(a, "</table>"));
    EXPECT_EQ(count(a, "<section"), count(a, "</section>"));
    EXPECT_EQ(count(a, "<tr"), count(a, "</tr>"));
    EXPECT_EQ(count(a, "<td"), count(a, "</td>"));
    EXPECT_EQ(count(a, "<a "), count(a, "</a>"));
    EXPECT_EQ(a.rfind("</html>\n"), a.size() - 8);
}

// Why (issue 8): a whole-genome sample can have thousands of alleles without knowledge; the
// report shows the first 200 and counts the rest instead of growing without bound.
TEST(ReportHtml, VusListIsCappedAndTheRestCounted) {
    Report r;
    r.provenance.inputs = {"wgs.vcf.gz"};
    for (int i = 0; i < 250; ++i) {
        AlleleFinding f;
        f.csq.gene = "GENE" + std::to_string(i);
        f.csq.hgvs_c = "c." + std::to_string(i + 1) + "A>G";
        f.csq.protein_altering = true;
        r.findings.push_back(f);
    }
    std::ostringstream s;
    write_html(r, s);
    const std::string h = s.str();
    EXPECT_NE(h.find("GENE199</span>"), std::string::npos);
    EXPECT_EQ(h.find("GENE200</span>"), std::string::npos);
    EXPECT_NE(h.find("<b>50 more</b> not shown here (250 in all; the TSV and JSON outputs list every one)"),
              std::string::npos);
}

TEST(ReportHtml, EmptyReportSaysWhatWasNotAssessed) {
    Report r;
    r.provenance.sample = "S1";
    std::ostringstream s;
    write_html(r, s);
    const std::string h = s.str();
    EXPECT_NE(h.find("No alteration in this sample matched"), std::string::npos);
    EXPECT_NE(h.find("No drug verdicts"), std::string::npos);
    EXPECT_NE(h.find("No copy-number input"), std::string::npos);
    EXPECT_NE(h.find("No structural-variant input"), std::string::npos);
    EXPECT_NE(h.find("No hotspot table"), std::string::npos);
    EXPECT_NE(h.find("Legend"), std::string::npos);
    EXPECT_NE(h.find("RESEARCH USE ONLY"), std::string::npos);
    EXPECT_EQ(count(h, "<table"), count(h, "</table>"));
}
