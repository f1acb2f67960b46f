// Hotspot table: codon / c. position -> genome on the MANE transcripts (known answers from
// /work/shared/knowledge/CHECKS.md and resistance-facts.md, not from this code), and
// assess_hotspots() on hand-built reports.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "interpret/hotspot_map.hpp"
#include "interpret/interpret.hpp"
#include "io/depth/provider.hpp"
#include "knowledge/knowledge_base.hpp"
#include "knowledge/transcript_table.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/transcript.hpp"
#include "support/alk_g1202r.hpp"

namespace fs = std::filesystem;
using rvanno::GenomicBases;
using rvanno::HotspotStatus;
using rvanno::Region;
using rvanno::Transcript;

namespace {

const std::vector<Transcript>& transcripts(const std::string& build) {
    static const auto t38 = rvanno::read_transcript_table(fs::path(RVANNO_DB) / "transcripts.GRCh38.tsv");
    static const auto t37 = rvanno::read_transcript_table(fs::path(RVANNO_DB) / "transcripts.GRCh37.tsv");
    return build == "GRCh38" ? t38 : t37;
}

const Transcript& tx(const std::string& build, const std::string& gene) {
    for (const auto& t : transcripts(build))
        if (t.gene == gene) return t;
    throw std::runtime_error("no transcript for " + gene);
}

const rvanno::KnowledgeBase& kb() {
    static const auto k = rvanno::load_knowledge_base(RVANNO_DB);
    return k;
}

// A depth source with fixed answers that records what it was asked.
class FakeDepth : public rvanno::DepthProvider {
public:
    std::vector<std::pair<Region, int>> known;
    std::vector<Region> asked;
    std::optional<int> min_depth(const Region& r) override {
        asked.push_back(r);
        for (const auto& [k, d] : known)
            if (k == r) return d;
        return std::nullopt;
    }
    std::string name() const override { return "fake"; }
};

rvanno::AlleleFinding alk_g1202r() {
    rvanno::AlleleFinding f = rvanno::test::alk_g1202r_finding();  // chr2:29220747 C>T (CHECKS.md)
    f.csq.codon = 1202;
    f.csq.protein_altering = true;
    return f;
}

rvanno::SampleContext alk_fusion() {
    rvanno::SampleContext c;
    c.detected_drivers = {"ALK fusion"};
    return c;
}

const HotspotStatus* find(const std::vector<HotspotStatus>& v, const std::string& gene, const std::string& hotspot) {
    for (const auto& h : v)
        if (h.gene == gene && h.hotspot == hotspot) return &h;
    return nullptr;
}

}  // namespace

// ---- codon / c. position -> genome -----------------------------------------------------

// Why: '-' strand - c.3604 (first base of G1202) is chr2:29220747 (CHECKS.md), so the codon is
// 29220747, 29220746, 29220745 in transcript order, 0-based [29220744, 29220747).
TEST(HotspotMap, AlkG1202OnGrch38MinusStrand) {
    const auto b = rvanno::codon_bases(tx("GRCh38", "ALK"), 1202);
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(b->bases, (std::vector<std::int64_t>{29220746, 29220745, 29220744}));
    EXPECT_EQ(b->span, (Region{"2", 29220744, 29220747}));
    EXPECT_FALSE(b->split());
}

// Why: more CHECKS.md answers on '-': c.3586 (L1196) = chr2:29220765, c.3512 (I1171, 2nd
// base) = 29222347, c.3806 (G1269, 2nd base) = 29209816.
TEST(HotspotMap, MoreAlkCodonsFromChecks) {
    const Transcript& alk = tx("GRCh38", "ALK");
    EXPECT_EQ(rvanno::codon_bases(alk, 1196)->span, (Region{"2", 29220762, 29220765}));
    EXPECT_EQ(rvanno::codon_bases(alk, 1171)->bases[1], 29222347 - 1);
    EXPECT_EQ(rvanno::codon_bases(alk, 1269)->bases[1], 29209816 - 1);
    // GRCh37: the fact sheet's G1202R coordinate 2:29443613 is c.3604.
    EXPECT_EQ(rvanno::codon_bases(tx("GRCh37", "ALK"), 1202)->bases[0], 29443613 - 1);
}

// Why: '+' strand - EGFR c.2369 (T790M) is GRCh37 chr7:55249071 (resistance-facts F075), so
// T790 = c.2368-2370 = 55249070-55249072, 0-based [55249069, 55249072).
TEST(HotspotMap, EgfrT790OnGrch37PlusStrand) {
    const auto b = rvanno::codon_bases(tx("GRCh37", "EGFR"), 790);
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(b->bases, (std::vector<std::int64_t>{55249069, 55249070, 55249071}));
    EXPECT_EQ(b->span, (Region{"7", 55249069, 55249072}));
}

// Why: no KB residue has a split codon (checked over every hgvs_p/codon row), so split codons
// are pinned on neighbours found by an independent computation over the same transcript
// table (a Python walk of the CDS bases): ALK codon 1172 (GRCh38, '-') is c.3514-3515 at
// chr2:29222345-29222344 and c.3516 at chr2:29220835, across intron 20/21; EGFR codon 901
// (GRCh38, '+') is c.2701 at chr7:55192841 and c.2702-2703 at chr7:55198717-55198718.
TEST(HotspotMap, CodonSplitByAnIntronHasTwoParts) {
    const auto alk = rvanno::codon_bases(tx("GRCh38", "ALK"), 1172);
    ASSERT_TRUE(alk.has_value());
    ASSERT_TRUE(alk->split());
    ASSERT_EQ(alk->parts.size(), 2u);
    EXPECT_EQ(alk->parts[0], (Region{"2", 29220834, 29220835}));
    EXPECT_EQ(alk->parts[1], (Region{"2", 29222343, 29222345}));
    EXPECT_EQ(alk->span, (Region{"2", 29220834, 29222345}));
    EXPECT_EQ(alk->bases, (std::vector<std::int64_t>{29222344, 29222343, 29220834}));

    const auto egfr = rvanno::codon_bases(tx("GRCh38", "EGFR"), 901);
    ASSERT_TRUE(egfr.has_value());
    ASSERT_EQ(egfr->parts.size(), 2u);
    EXPECT_EQ(egfr->parts[0], (Region{"7", 55192840, 55192841}));
    EXPECT_EQ(egfr->parts[1], (Region{"7", 55198716, 55198718}));
}

// Why: ALK has 1,620 codons plus the stop (CHECKS.md); past the stop nothing is made up.
TEST(HotspotMap, ResiduesOutsideTheCdsHaveNoCoordinates) {
    const Transcript& alk = tx("GRCh38", "ALK");
    EXPECT_TRUE(rvanno::codon_bases(alk, 1621).has_value());
    EXPECT_FALSE(rvanno::codon_bases(alk, 1622).has_value());
    EXPECT_FALSE(rvanno::codon_bases(alk, 0).has_value());
}

// Why: the hgvs_c rows' positions - PTPN1 c.1088+1 is chr20:50579927 (GRCh38) and
// chr20:49196464 (GRCh37), CHECKS.md; an offset from a base that is not at an exon edge is
// not a valid position and gets no coordinate.
TEST(HotspotMap, HgvsCPositions) {
    const auto b38 = rvanno::hgvs_c_bases(tx("GRCh38", "PTPN1"), "c.1088+1G>A");
    ASSERT_TRUE(b38.has_value());
    EXPECT_EQ(b38->span, (Region{"20", 50579926, 50579927}));
    EXPECT_EQ(rvanno::hgvs_c_bases(tx("GRCh37", "PTPN1"), "c.1088+1G>A")->span, (Region{"20", 49196463, 49196464}));
    EXPECT_EQ(rvanno::hgvs_c_bases(tx("GRCh38", "ALK"), "c.3604G>A")->span, (Region{"2", 29220746, 29220747}));
    EXPECT_EQ(rvanno::hgvs_c_bases(tx("GRCh38", "ALK"), "c.3604_3606del")->span, (Region{"2", 29220744, 29220747}));
    EXPECT_FALSE(rvanno::hgvs_c_bases(tx("GRCh38", "PTPN1"), "c.1087+1G>A").has_value());
    EXPECT_FALSE(rvanno::hgvs_c_bases(tx("GRCh38", "PTPN1"), "p.G1202R").has_value());
    EXPECT_EQ(rvanno::hgvs_c_position("c.1088+1G>A"), "c.1088+1");
    EXPECT_EQ(rvanno::hgvs_c_position("c.10_12del"), "c.10_12");
}

// Why (issue 11): c.-55552662_2del was expanded base by base (0.9 GB, 3 s; wider ends in
// std::bad_alloc). A range wider than the transcript's genomic span is never expanded.
TEST(HotspotMap, RangesWiderThanTheTranscriptAreNotExpanded) {
    const Transcript& alk = tx("GRCh38", "ALK");
    EXPECT_FALSE(rvanno::hgvs_c_bases(alk, "c.-55552662_2del").has_value());
    EXPECT_FALSE(rvanno::hgvs_c_bases(alk, "c.1_*999999999del").has_value());
    EXPECT_FALSE(rvanno::hgvs_c_bases(alk, "c.-999999999999_*999999999999del").has_value());
    const auto whole = rvanno::hgvs_c_bases(alk, "c.1_4863del");  // the whole CDS still maps
    ASSERT_TRUE(whole.has_value());
    EXPECT_EQ(whole->bases.size(), 4863u);
}

// ---- assess_hotspots -------------------------------------------------------------------

// Why: the index scenario - ALK fusion driver, G1202R in the report (detected), L1196 in a
// gVCF block of MIN_DP 250 (not_detected 250), C1156 in a gap of the gVCF (not_assessed).
TEST(AssessHotspots, AlkFusionWithGvcf) {
    rvanno::Report report;
    report.findings.push_back(alk_g1202r());
    auto depth = rvanno::open_depth((fs::path(RVANNO_TESTDATA) / "depth" / "gatk.g.vcf.gz").string());
    const auto hs = rvanno::assess_hotspots(report, kb(), transcripts("GRCh38"), alk_fusion(), depth.get());

    const HotspotStatus* g1202 = find(hs, "ALK", "G1202");
    ASSERT_NE(g1202, nullptr);
    EXPECT_EQ(g1202->state, HotspotStatus::State::detected);
    EXPECT_EQ(g1202->where, (Region{"2", 29220744, 29220747}));
    EXPECT_EQ(g1202->contig_name, "2");
    EXPECT_NE(g1202->kb_ids.find("ALK-G1202R-crizotinib-1"), std::string::npos);

    const HotspotStatus* l1196 = find(hs, "ALK", "L1196");
    ASSERT_NE(l1196, nullptr);
    EXPECT_EQ(l1196->state, HotspotStatus::State::not_detected);
    EXPECT_EQ(l1196->min_depth, 250);
    EXPECT_EQ(l1196->depth_source, "gVCF");

    const HotspotStatus* c1156 = find(hs, "ALK", "C1156");
    ASSERT_NE(c1156, nullptr);
    EXPECT_EQ(c1156->state, HotspotStatus::State::not_assessed);
    EXPECT_EQ(c1156->min_depth, std::nullopt);
    EXPECT_EQ(to_string(c1156->state), "not_assessed");
}

// Why: which rows make hotspots - only ALK (no ROS1/NTRK3 via shared drugs, no PTPN1
// downstream rows), only on-target resistance/reduced-sensitivity rows, one per residue,
// sorted by residue.
TEST(AssessHotspots, AlkFusionHotspotSetAndOrder) {
    const auto hs = rvanno::assess_hotspots(rvanno::Report{}, kb(), transcripts("GRCh38"), alk_fusion(), nullptr);
    ASSERT_FALSE(hs.empty());
    std::set<std::string> names;
    for (const auto& h : hs) {
        EXPECT_EQ(h.gene, "ALK");
        names.insert(h.hotspot);
        std::stringstream ids(h.kb_ids);
        for (std::string id; std::getline(ids, id, ';');) {
            auto e = std::find_if(kb().entries.begin(), kb().entries.end(), [&](const auto& x) { return x.id == id; });
            ASSERT_NE(e, kb().entries.end()) << id;
            EXPECT_EQ(e->mechanism, "on_target") << id;
            EXPECT_TRUE(e->effect == rvanno::Effect::resistance || e->effect == rvanno::Effect::reduced_sensitivity)
                << id;
        }
    }
    EXPECT_EQ(names.size(), hs.size());  // one hotspot per residue
    for (const char* r : {"G1202", "L1196", "C1156", "I1171", "F1174", "L1198", "G1269"})
        EXPECT_TRUE(names.count(r)) << r;
    for (std::size_t i = 1; i < hs.size(); ++i)
        EXPECT_LT(std::stoi(hs[i - 1].hotspot.substr(1)), std::stoi(hs[i].hotspot.substr(1)));
}

// Why: no depth source -> nothing can be called not_detected, but a finding is still detected.
TEST(AssessHotspots, WithoutDepthEverythingElseIsNotAssessed) {
    rvanno::Report report;
    report.findings.push_back(alk_g1202r());
    const auto hs = rvanno::assess_hotspots(report, kb(), transcripts("GRCh38"), alk_fusion(), nullptr);
    ASSERT_FALSE(hs.empty());
    for (const auto& h : hs) {
        if (h.hotspot == "G1202") {
            EXPECT_EQ(h.state, HotspotStatus::State::detected);
        } else {
            EXPECT_EQ(h.state, HotspotStatus::State::not_assessed) << h.hotspot;
            EXPECT_EQ(h.min_depth, std::nullopt);
            EXPECT_EQ(h.depth_source, "");
        }
    }
}

// Why: without a driver there is no gene to look at, hence no hotspot table.
TEST(AssessHotspots, NoDriverNoHotspots) {
    rvanno::Report report;
    report.findings.push_back(alk_g1202r());
    EXPECT_TRUE(rvanno::assess_hotspots(report, kb(), transcripts("GRCh38"), {}, nullptr).empty());
}

// Why: a declared driver counts like a detected one; a synonymous change at the residue
// does not make it detected; depth 0 is "nothing assessed", not "not detected".
TEST(AssessHotspots, DeclaredDriverSynonymousAndZeroDepth) {
    rvanno::Report report;
    auto syn = alk_g1202r();
    syn.csq.protein_altering = false;
    syn.csq.protein_change = "";
    report.findings.push_back(syn);
    rvanno::SampleContext ctx;
    ctx.declared_drivers = {"EML4::ALK fusion"};
    FakeDepth depth;
    depth.known = {{Region{"2", 29220744, 29220747}, 0}, {Region{"2", 29220762, 29220765}, 31}};
    const auto hs = rvanno::assess_hotspots(report, kb(), transcripts("GRCh38"), ctx, &depth);
    const HotspotStatus* g1202 = find(hs, "ALK", "G1202");
    ASSERT_NE(g1202, nullptr);
    EXPECT_EQ(g1202->state, HotspotStatus::State::not_assessed);
    EXPECT_EQ(g1202->min_depth, 0);
    const HotspotStatus* l1196 = find(hs, "ALK", "L1196");
    ASSERT_NE(l1196, nullptr);
    EXPECT_EQ(l1196->state, HotspotStatus::State::not_detected);
    EXPECT_EQ(l1196->min_depth, 31);
    EXPECT_EQ(l1196->depth_source, "fake");
}

// Why: a split codon's depth is asked of its two exonic parts, never of the intron between
// them. No KB residue is split, so a synthetic codon row (ALK codon 1172, reference amino
// acid written as X because it was not looked up) stands in for one.
TEST(AssessHotspots, SplitCodonDepthIsAskedOfBothParts) {
    rvanno::KnowledgeBase k;
    rvanno::KnowledgeEntry e;
    e.id = "SYNTHETIC-ALK-1172";
    e.gene = "ALK";
    e.kind = rvanno::AlterationKind::codon;
    e.codon = 1172;
    e.codon_ref_aa = 'X';
    e.effect = rvanno::Effect::resistance;
    e.mechanism = "on_target";
    k.entries.push_back(e);
    k.genes = {"ALK"};
    FakeDepth depth;
    depth.known = {{Region{"2", 29220834, 29220835}, 90}, {Region{"2", 29222343, 29222345}, 70}};
    const auto hs = rvanno::assess_hotspots(rvanno::Report{}, k, transcripts("GRCh38"), alk_fusion(), &depth);
    ASSERT_EQ(hs.size(), 1u);
    EXPECT_EQ(hs[0].hotspot, "X1172");
    EXPECT_EQ(hs[0].where, (Region{"2", 29220834, 29222345}));
    EXPECT_EQ(hs[0].state, HotspotStatus::State::not_detected);
    EXPECT_EQ(hs[0].min_depth, 70);
    EXPECT_EQ(depth.asked.size(), 2u);
}
