// The comparison rules of src/interpret/compare.cpp on reports built by hand: keys, acquired / lost /
// persistent with the values before and after, "not assessed" sides, verdict changes and the
// order of the remaining options, and which alleles a sample carries.
#include "interpret/compare.hpp"
#include "match/carried.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace rvanno;

namespace {

KnowledgeEntry row(const std::string& id) {
    KnowledgeEntry e;
    e.id = id;
    return e;
}
const KnowledgeEntry kG1202R = row("ALK-G1202R-alectinib-2");
const KnowledgeEntry kMetAmp = row("MET-amp-alectinib-1");
const KnowledgeEntry kFusion = row("ALK-fusion-alectinib-NSCLC-1");

Report with_inputs(bool vcf, bool cnv, bool sv) {
    Report r;
    if (vcf) r.provenance.inputs = {"x.vcf"};
    if (cnv) r.provenance.cnv_inputs = {"x.cns"};
    if (sv) r.provenance.sv_inputs = {"x.sv.vcf"};
    return r;
}

AlleleFinding allele(const std::string& gene, const std::string& hgvs_c, const std::string& protein,
                     std::optional<double> vaf, const KnowledgeEntry* matched = nullptr) {
    AlleleFinding f;
    f.contig_name = "chr2";
    f.pos = 29220746;
    f.ref = "C";
    f.alt = "T";
    f.vaf = vaf;
    f.genotype = "0/1";
    f.csq.gene = gene;
    f.csq.hgvs_c = hgvs_c;
    f.csq.protein_change = protein;
    if (matched) f.matches.push_back({matched, MatchHow::hgvs_c, ""});
    return f;
}

CopyNumberFinding gene_cn(const std::string& gene, double cn, CnClass cls, const KnowledgeEntry* matched = nullptr) {
    CopyNumberFinding f;
    f.cn.gene = gene;
    f.cn.assessed = true;
    f.cn.min_cn = f.cn.max_cn = cn;
    f.cn.cn_class = cls;
    if (matched) f.matches.push_back({matched, MatchHow::amplification, ""});
    return f;
}

FusionFinding eml4_alk(int exon5 = 13) {
    FusionFinding f;
    f.fusion.gene5 = "EML4";
    f.fusion.gene3 = "ALK";
    f.fusion.exon5 = exon5;
    f.fusion.exon3 = 20;
    f.matches.push_back({&kFusion, MatchHow::fusion, ""});
    return f;
}

DrugVerdict verdict(const std::string& drug, VerdictCall call, std::optional<EvidenceLevel> strength,
                    std::optional<int> generation, bool low_confidence = false) {
    DrugVerdict v;
    v.drug = drug;
    v.drug_class = "ALK_TKI";
    v.generation = generation;
    v.call = call;
    v.strength = strength;
    v.low_confidence = low_confidence;
    v.rule = "rule for " + drug;
    return v;
}

const AlterationChange* find(const Comparison& c, const std::string& key) {
    for (const auto& a : c.alterations)
        if (a.key == key) return &a;
    return nullptr;
}

}  // namespace

// Why: the done-when case — a resistance mutation that appears at progression is "acquired",
// with its VAF after and nothing before, and the persistent fusion stays persistent.
TEST(Compare, new_mutation_is_acquired_and_shared_fusion_persistent) {
    Report base = with_inputs(true, false, true), prog = with_inputs(true, false, true);
    base.fusions.push_back(eml4_alk());
    prog.fusions.push_back(eml4_alk());
    prog.findings.push_back(allele("ALK", "c.3604G>A", "G1202R", 0.357, &kG1202R));
    auto c = compare_reports(base, prog, {});
    ASSERT_EQ(c.alterations.size(), 2u);
    const auto* g = find(c, "ALK p.G1202R");
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g->status, AlterationStatus::acquired);
    EXPECT_EQ(g->before.state, AlterationPresence::State::absent);
    EXPECT_EQ(g->after.state, AlterationPresence::State::present);
    EXPECT_DOUBLE_EQ(g->after.vaf.value_or(-1), 0.357);
    EXPECT_EQ(g->change, "absent -> VAF 0.3570");
    EXPECT_EQ(g->after.kb_ids, std::vector<std::string>{"ALK-G1202R-alectinib-2"});
    EXPECT_TRUE(g->note.empty());
    const auto* f = find(c, "EML4::ALK (EML4 exon 13 :: ALK exon 20)");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->status, AlterationStatus::persistent);
    EXPECT_EQ(f->change, "present -> present");
    EXPECT_EQ(c.alterations[0].key, "ALK p.G1202R");  // acquired before persistent
}

// Why: a mutation that disappears is "lost"; one at both times is "persistent" with its VAF change.
TEST(Compare, lost_and_persistent_small_variants_carry_both_vafs) {
    Report base = with_inputs(true, false, false), prog = with_inputs(true, false, false);
    base.findings.push_back(allele("ALK", "c.3586C>A", "L1196M", 0.30));
    base.findings.push_back(allele("PTPN1", "c.1088+1G>A", "", 0.10));
    prog.findings.push_back(allele("PTPN1", "c.1088+1G>A", "", 0.45));
    auto c = compare_reports(base, prog, {});
    const auto* lost = find(c, "ALK p.L1196M");
    ASSERT_NE(lost, nullptr);
    EXPECT_EQ(lost->status, AlterationStatus::lost);
    EXPECT_EQ(lost->change, "VAF 0.3000 -> absent");
    const auto* kept = find(c, "PTPN1 c.1088+1G>A");  // no protein change: keyed by HGVS c.
    ASSERT_NE(kept, nullptr);
    EXPECT_EQ(kept->status, AlterationStatus::persistent);
    EXPECT_DOUBLE_EQ(kept->before.vaf.value_or(-1), 0.10);
    EXPECT_DOUBLE_EQ(kept->after.vaf.value_or(-1), 0.45);
    EXPECT_EQ(kept->change, "VAF 0.1000 -> VAF 0.4500");
}

// Why: two c. changes that encode the same protein change are one alteration (keyed by protein),
// and an allele without gene or c. falls back to chrom:pos:ref:alt on the canonical contig.
TEST(Compare, keys_prefer_protein_change_then_hgvs_c_then_position) {
    Report base = with_inputs(true, false, false), prog = with_inputs(true, false, false);
    base.findings.push_back(allele("ALK", "c.3604G>A", "G1202R", 0.2));
    prog.findings.push_back(allele("ALK", "c.3604G>C", "G1202R", 0.3));
    prog.findings.push_back(allele("", "", "", std::nullopt));
    auto c = compare_reports(base, prog, {});
    ASSERT_EQ(c.alterations.size(), 2u);
    ASSERT_NE(find(c, "ALK p.G1202R"), nullptr);
    EXPECT_EQ(find(c, "ALK p.G1202R")->status, AlterationStatus::persistent);
    const auto* pos = find(c, "2:29220747:C:T");
    ASSERT_NE(pos, nullptr);
    EXPECT_EQ(pos->change, "absent -> present");
}

// Why: copy number is keyed by gene + class, and each side shows the gene's CN even when the gene
// is not in that class there (a gain that became an amplification: lost gain, acquired amp).
TEST(Compare, copy_number_keyed_by_gene_and_class_with_cn_both_sides) {
    Report base = with_inputs(false, true, false), prog = with_inputs(false, true, false);
    base.copy_number.push_back(gene_cn("MET", 3.5, CnClass::gain));
    prog.copy_number.push_back(gene_cn("MET", 12, CnClass::amplification, &kMetAmp));
    base.copy_number.push_back(gene_cn("ERBB2", 8, CnClass::amplification));
    prog.copy_number.push_back(gene_cn("ERBB2", 16, CnClass::amplification));
    base.copy_number.push_back(gene_cn("ALK", 2, CnClass::neutral));
    prog.copy_number.push_back(gene_cn("ALK", 2, CnClass::neutral));
    auto c = compare_reports(base, prog, {});
    ASSERT_EQ(c.alterations.size(), 3u);  // neutral genes are not alterations
    const auto* amp = find(c, "MET amplification");
    ASSERT_NE(amp, nullptr);
    EXPECT_EQ(amp->status, AlterationStatus::acquired);
    EXPECT_DOUBLE_EQ(amp->before.cn.value_or(-1), 3.5);
    EXPECT_EQ(amp->change, "CN 3.50 (gain) -> CN 12.00 (amplification)");
    const auto* gain = find(c, "MET gain");
    ASSERT_NE(gain, nullptr);
    EXPECT_EQ(gain->status, AlterationStatus::lost);
    const auto* erbb2 = find(c, "ERBB2 amplification");
    ASSERT_NE(erbb2, nullptr);
    EXPECT_EQ(erbb2->status, AlterationStatus::persistent);
    EXPECT_EQ(erbb2->change, "CN 8.00 (amplification) -> CN 16.00 (amplification)");
}

// Why: a side that had no input of a kind cannot show an alteration absent; the change is still
// listed (it is all we know) but the side is "not_assessed" and the note says why.
TEST(Compare, side_without_input_is_not_assessed_and_noted) {
    Report base = with_inputs(false, false, true), prog = with_inputs(true, true, true);
    base.fusions.push_back(eml4_alk());
    prog.fusions.push_back(eml4_alk());
    prog.findings.push_back(allele("ALK", "c.3604G>A", "G1202R", 0.357));
    prog.copy_number.push_back(gene_cn("MET", 12, CnClass::amplification));
    auto c = compare_reports(base, prog, {});
    const auto* g = find(c, "ALK p.G1202R");
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g->status, AlterationStatus::acquired);
    EXPECT_EQ(g->before.state, AlterationPresence::State::not_assessed);
    EXPECT_EQ(g->note, "baseline had no small-variant input: absence not assessed");
    EXPECT_EQ(g->change, "not assessed -> VAF 0.3570");
    const auto* m = find(c, "MET amplification");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->before.state, AlterationPresence::State::not_assessed);
    EXPECT_NE(m->note.find("no copy-number input"), std::string::npos);
}

// Why: a side that listed only part of its alleles without a match (--max-listed) may have
// counted an allele without listing it: an unmatched allele it does not list is not_assessed
// there, not lost; a matched allele (always listed) absent there is still lost.
TEST(Compare, side_past_its_listing_limit_does_not_prove_an_unmatched_allele_absent) {
    Report base = with_inputs(true, false, false), prog = with_inputs(true, false, false);
    base.findings.push_back(allele("ALK", "c.3604G>A", "G1202R", 0.3, &kG1202R));
    base.findings.push_back(allele("TP53", "c.743G>A", "R248Q", 0.4));
    prog.provenance.not_listed = "at most 1 alleles listed per list (--max-listed 1): ...";
    auto c = compare_reports(base, prog, {});
    const auto* vus = find(c, "TP53 p.R248Q");
    ASSERT_NE(vus, nullptr);
    EXPECT_EQ(vus->status, AlterationStatus::lost);
    EXPECT_EQ(vus->after.state, AlterationPresence::State::not_assessed);
    EXPECT_NE(vus->note.find("--max-listed"), std::string::npos) << vus->note;
    const auto* matched = find(c, "ALK p.G1202R");
    ASSERT_NE(matched, nullptr);
    EXPECT_EQ(matched->after.state, AlterationPresence::State::absent);
    EXPECT_EQ(matched->note, "");
}

// Why: fusions with other exons are other alterations (a new breakpoint is not the same fusion).
TEST(Compare, fusion_key_includes_exons) {
    Report base = with_inputs(false, false, true), prog = with_inputs(false, false, true);
    base.fusions.push_back(eml4_alk(13));
    prog.fusions.push_back(eml4_alk(6));
    FusionFinding none;  // a junction in no sense fusion: not an alteration
    prog.fusions.push_back(none);
    auto c = compare_reports(base, prog, {});
    ASSERT_EQ(c.alterations.size(), 2u);
    EXPECT_EQ(c.alterations[0].status, AlterationStatus::acquired);
    EXPECT_EQ(c.alterations[0].key, "EML4::ALK (EML4 exon 6 :: ALK exon 20)");
    EXPECT_EQ(c.alterations[1].status, AlterationStatus::lost);
}

// Why: the board reads "alectinib: sensitive -> resistant"; a drug one side has no verdict for
// is no_evidence there, and the therapy history marks the drugs given.
TEST(Compare, verdict_changes_per_drug) {
    Report base, prog;
    base.verdicts = {verdict("crizotinib", VerdictCall::sensitive, EvidenceLevel::A, 1),
                     verdict("alectinib", VerdictCall::sensitive, EvidenceLevel::A, 2)};
    prog.verdicts = {verdict("alectinib", VerdictCall::resistant, EvidenceLevel::B, 2),
                     verdict("lorlatinib", VerdictCall::sensitive, EvidenceLevel::A, 3)};
    auto c = compare_reports(base, prog, {"crizotinib", "alectinib"});
    ASSERT_EQ(c.verdicts.size(), 3u);
    EXPECT_EQ(c.verdicts[0].drug, "alectinib");
    EXPECT_EQ(c.verdicts[0].before, VerdictCall::sensitive);
    EXPECT_EQ(c.verdicts[0].after, VerdictCall::resistant);
    EXPECT_TRUE(c.verdicts[0].changed());
    EXPECT_TRUE(c.verdicts[0].given);
    EXPECT_EQ(c.verdicts[0].history_position, 2);
    EXPECT_EQ(c.verdicts[1].drug, "lorlatinib");
    EXPECT_EQ(c.verdicts[1].before, VerdictCall::no_evidence);
    EXPECT_FALSE(c.verdicts[1].given);
    EXPECT_EQ(c.verdicts[2].drug, "crizotinib");  // baseline-only drug last
    EXPECT_EQ(c.verdicts[2].after, VerdictCall::no_evidence);
    ASSERT_EQ(c.remaining.size(), 1u);
    EXPECT_EQ(c.remaining[0].drug, "lorlatinib");
    EXPECT_EQ(c.remaining[0].rank, 1);
}

// Why: remaining options are ordered by call (sensitive, conflicting, reduced, no evidence,
// resistant), then strength, then later generation, then confident first; given drugs are left out.
TEST(Compare, remaining_options_order) {
    Report base, prog;
    prog.verdicts = {verdict("crizotinib", VerdictCall::resistant, EvidenceLevel::A, 1),
                     verdict("ceritinib", VerdictCall::resistant, EvidenceLevel::B, 2),
                     verdict("brigatinib", VerdictCall::no_evidence, std::nullopt, 2),
                     verdict("ensartinib", VerdictCall::sensitive, EvidenceLevel::A, 2),
                     verdict("lorlatinib", VerdictCall::sensitive, EvidenceLevel::A, 3),
                     verdict("drug_b", VerdictCall::sensitive, EvidenceLevel::C, 3),
                     verdict("drug_c", VerdictCall::sensitive, EvidenceLevel::A, 3, true),
                     verdict("drug_d", VerdictCall::conflicting, EvidenceLevel::A, 1),
                     verdict("drug_e", VerdictCall::reduced_sensitivity, EvidenceLevel::B, 2)};
    auto c = compare_reports(base, prog, {"crizotinib"});
    std::vector<std::string> order;
    for (const auto& r : c.remaining) order.push_back(r.drug);
    EXPECT_EQ(order, (std::vector<std::string>{"lorlatinib", "drug_c", "ensartinib", "drug_b", "drug_d", "drug_e",
                                               "brigatinib", "ceritinib"}));
}

// Why: a multi-sample VCF lists every allele in every sample's report: a reference genotype or
// a VAF of 0 means not carried, and so does a no-call without VAF; an ALT allele, a half call or
// no FORMAT values at all must not drop a variant.
TEST(Compare, is_carried_reads_genotype_then_vaf) {
    auto f = allele("ALK", "c.3604G>A", "G1202R", 0.3);
    EXPECT_TRUE(is_carried(f));
    for (const char* gt : {"0/0", "0|0", "0"}) {
        f.genotype = gt;
        EXPECT_FALSE(is_carried(f)) << gt;  // even with VAF 0.3: the genotype call decides
    }
    f.genotype = "./.";
    EXPECT_TRUE(is_carried(f));  // no-call, but a measured VAF
    f.genotype = "0/1";
    f.vaf = 0.0;
    EXPECT_FALSE(is_carried(f));
    f.vaf.reset();
    for (const char* gt : {"./.", "."}) {
        f.genotype = gt;
        EXPECT_FALSE(is_carried(f)) << gt;
    }
    for (const char* gt : {"0/.", "1", "0|1", "0/2", ""}) {
        f.genotype = gt;
        EXPECT_TRUE(is_carried(f)) << gt;
    }
}

// Why: dropped alleles must also leave the per-gene table and the counters, or the report
// would contradict itself.
TEST(Compare, drop_alleles_not_carried_recounts) {
    Report r = with_inputs(true, false, false);
    r.findings.push_back(allele("ALK", "c.3604G>A", "G1202R", 0.0, &kG1202R));
    r.findings.push_back(allele("ALK", "c.3586C>A", "L1196M", 0.3));
    r.genes.push_back({"ALK", "NM_004304.5", 2, 1, std::nullopt, -1});
    r.counters.values["alleles_matched"] = 1;
    EXPECT_EQ(drop_alleles_not_carried(r), 1);
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].csq.protein_change, "L1196M");
    EXPECT_EQ(r.genes[0].small_variant_alleles, 1);
    EXPECT_EQ(r.genes[0].matched_small_variants, 0);
    EXPECT_EQ(r.counters.values["alleles_matched"], 0);
    EXPECT_EQ(r.counters.values["alleles_not_carried_by_sample"], 1);
}

// Why: a drug can stay "sensitive" only because nothing is known about it for the new mutation
// (ensartinib after G1202R); the option must say that its call is silent on that alteration.
TEST(Compare, remaining_option_flags_acquired_alterations_its_call_is_silent_on) {
    KnowledgeEntry alectinib_row = row("ALK-G1202R-alectinib-2"), lorlatinib_row = row("ALK-G1202R-lorlatinib-1");
    alectinib_row.drugs = {"alectinib"};
    lorlatinib_row.drugs = {"lorlatinib"};
    Report base = with_inputs(true, false, false), prog = with_inputs(true, false, false);
    auto g = allele("ALK", "c.3604G>A", "G1202R", 0.357, &alectinib_row);
    g.matches.push_back({&lorlatinib_row, MatchHow::hgvs_c, ""});
    prog.findings.push_back(g);
    auto lorlatinib = verdict("lorlatinib", VerdictCall::sensitive, EvidenceLevel::A, 3);
    lorlatinib.evidence.push_back({&lorlatinib_row, "ALK p.G1202R", MatchHow::hgvs_c, true, "", false, "", ""});
    auto ensartinib = verdict("ensartinib", VerdictCall::sensitive, EvidenceLevel::A, 2);
    ensartinib.evidence.push_back({&kFusion, "EML4::ALK fusion", MatchHow::fusion, true, "", false, "", ""});
    auto other_class = verdict("osimertinib", VerdictCall::no_evidence, std::nullopt, 3);
    other_class.drug_class = "EGFR_TKI";
    prog.verdicts = {verdict("alectinib", VerdictCall::resistant, EvidenceLevel::B, 2), lorlatinib, ensartinib,
                     other_class};
    auto c = compare_reports(base, prog, {"alectinib"});
    ASSERT_EQ(c.remaining.size(), 3u);
    EXPECT_EQ(c.remaining[0].drug, "lorlatinib");
    EXPECT_TRUE(c.remaining[0].silent_on_acquired.empty());
    EXPECT_EQ(c.remaining[1].drug, "ensartinib");
    EXPECT_EQ(c.remaining[1].silent_on_acquired, std::vector<std::string>{"ALK p.G1202R"});
    EXPECT_EQ(c.remaining[2].drug, "osimertinib");
    EXPECT_TRUE(c.remaining[2].silent_on_acquired.empty());  // the rows are about ALK TKIs only
}

// Why: compound rows were matched against the whole file; in a multi-sample VCF a sample with
// G1202R alone must not keep the G1202R+L1196M compound match because another sample has L1196M.
TEST(Compare, dropping_a_companion_allele_drops_the_compound_match) {
    KnowledgeEntry single = row("ALK-G1202R-lorlatinib-1"), compound = row("ALK-G1202R_L1196M-lorlatinib-1");
    compound.requires_all = {{"ALK", "L1196M"}};
    Report r = with_inputs(true, false, false);
    auto g = allele("ALK", "c.3604G>A", "G1202R", 0.4, &single);
    g.matches.push_back({&compound, MatchHow::compound, ""});
    auto l = allele("ALK", "c.3586C>A", "L1196M", 0.0);
    r.findings = {g, l};
    EXPECT_EQ(drop_alleles_not_carried(r), 1);
    ASSERT_EQ(r.findings.size(), 1u);
    ASSERT_EQ(r.findings[0].matches.size(), 1u);
    EXPECT_EQ(r.findings[0].matches[0].entry->id, "ALK-G1202R-lorlatinib-1");
    Report both = with_inputs(true, false, false);  // the companion carried: the compound match stays
    l.vaf = 0.3;
    both.findings = {g, l};
    EXPECT_EQ(drop_alleles_not_carried(both), 0);
    EXPECT_EQ(both.findings[0].matches.size(), 2u);
}
