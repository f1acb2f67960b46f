// The verdict rules of src/interpret/verdict.cpp (context, compound, on-target, bypass, conflict,
// level, verified, class expansion and order, therapy history) and the `context` column.
// Reports are built by hand from the real db/ rows (load_knowledge_base(RVANNO_DB)) so each
// rule is checked on the evidence a patient's report would actually carry; the rules that the
// shipped rows cannot isolate use a hand-made knowledge base.
#include "interpret/interpret.hpp"
#include "knowledge/knowledge_base.hpp"
#include "match/matcher.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "knowledge/knowledge_parse.hpp"
#include "rvanno/match.hpp"
#include "rvanno/report.hpp"

using namespace rvanno;

namespace {

const KnowledgeBase& db() {
    static const KnowledgeBase kb = load_knowledge_base(RVANNO_DB);
    return kb;
}

// A small-variant finding of the real db with every row a matcher would report for it: the
// single rows of the protein change and the compound rows whose other parts are in `observed`.
AlleleFinding variant(const std::string& gene, const std::string& change,
                      const std::vector<std::string>& observed = {}) {
    AlleleFinding f;
    f.csq.gene = gene;
    f.csq.protein_change = change;
    f.csq.hgvs_p = "p." + change;
    std::vector<std::string> all = observed;
    all.push_back(gene + ":" + change);
    for (const auto* e : db().entries_for_gene(gene)) {
        if (e->kind != AlterationKind::hgvs_p || e->protein_change != change) continue;
        if (e->requires_all.empty())
            f.matches.push_back({e, MatchHow::hgvs_p, "p." + change});
        else if (requirements_met(*e, all))
            f.matches.push_back({e, MatchHow::compound, "p." + change});
    }
    return f;
}

FusionFinding fusion(const std::string& gene5, const std::string& gene3) {
    FusionFinding f;
    f.fusion.gene5 = gene5;
    f.fusion.gene3 = gene3;
    f.matches = match_fusion(f.fusion, db().entries_for_gene(gene3));
    return f;
}

// MET amplification above every cut-off: all MET amplification rows.
CopyNumberFinding met_amplification() {
    CopyNumberFinding c;
    c.cn.gene = "MET";
    c.cn.min_cn = 12;
    for (const auto* e : db().entries_for_gene("MET"))
        if (e->kind == AlterationKind::amplification) c.matches.push_back({e, MatchHow::amplification, "cn 12"});
    return c;
}

const DrugVerdict& verdict(const std::vector<DrugVerdict>& v, const std::string& drug) {
    for (const auto& d : v)
        if (d.drug == drug) return d;
    throw std::runtime_error("no verdict for " + drug);
}

const Evidence* evidence(const DrugVerdict& v, const std::string& id) {
    for (const auto& e : v.evidence)
        if (e.entry->id == id) return &e;
    return nullptr;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

SampleContext alk_declared() {
    SampleContext c;
    c.declared_drivers = {"ALK fusion"};
    return c;
}

std::vector<std::string> drug_order(const std::vector<DrugVerdict>& v, const std::string& klass) {
    std::vector<std::string> out;
    for (const auto& d : v)
        if (d.drug_class == klass) out.push_back(d.drug);
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The end-to-end rule checks on the shipped knowledge base

// G1202R is the index case: second-generation TKIs fail, lorlatinib is the documented option.
TEST(Verdict, g1202r_alone_is_lorlatinib_sensitive_and_resistant_to_the_others) {
    Report r;
    r.findings = {variant("ALK", "G1202R")};
    auto v = compute_verdicts(r, db(), alk_declared());

    EXPECT_EQ(verdict(v, "lorlatinib").call, VerdictCall::sensitive);
    // Status rule (issue 9 part 3): the verified D row (ALK-G1202R-lorlatinib-2) decides, not the
    // unverified C row (ALK-G1202R-lorlatinib-3) that decided before.
    EXPECT_EQ(verdict(v, "lorlatinib").strength, EvidenceLevel::D);
    EXPECT_EQ(verdict(v, "lorlatinib").evidence.front().entry->id, "ALK-G1202R-lorlatinib-2");
    for (const char* d : {"crizotinib", "ceritinib", "alectinib", "brigatinib"}) {
        EXPECT_EQ(verdict(v, d).call, VerdictCall::resistant) << d << ": " << verdict(v, d).rule;
    }
    EXPECT_EQ(verdict(v, "alectinib").strength, EvidenceLevel::B);
    EXPECT_EQ(verdict(v, "ensartinib").call, VerdictCall::no_evidence);
    EXPECT_FALSE(verdict(v, "ensartinib").strength.has_value());
    EXPECT_FALSE(verdict(v, "lorlatinib").low_confidence);
    // Deciding rows first: alectinib's level-B row leads its evidence.
    ASSERT_FALSE(verdict(v, "alectinib").evidence.empty());
    EXPECT_EQ(verdict(v, "alectinib").evidence.front().entry->id, "ALK-G1202R-alectinib-2");
    EXPECT_EQ(verdict(v, "alectinib").evidence.front().finding, "ALK p.G1202R");
}

// Rule b: the compound row, not G1202R alone, speaks for a G1202R + L1196M tumour.
TEST(Verdict, compound_row_outranks_its_single_parts) {
    // G1202R + I1171N + L1196M: the verified compound (C) supersedes every single-mutation row.
    Report r;
    r.findings = {variant("ALK", "G1202R", {"ALK:I1171N", "ALK:L1196M"}),
                  variant("ALK", "I1171N", {"ALK:G1202R", "ALK:L1196M"}),
                  variant("ALK", "L1196M", {"ALK:G1202R", "ALK:I1171N"})};
    auto v = compute_verdicts(r, db(), alk_declared());

    const auto& lorl = verdict(v, "lorlatinib");
    EXPECT_EQ(lorl.call, VerdictCall::resistant) << lorl.rule;
    EXPECT_EQ(lorl.strength, EvidenceLevel::C);
    EXPECT_FALSE(lorl.low_confidence) << lorl.rule;
    ASSERT_FALSE(lorl.evidence.empty());
    EXPECT_EQ(lorl.evidence.front().entry->id, "ALK-G1202R_I1171N_L1196M-lorlatinib-1");
    EXPECT_EQ(lorl.evidence.front().how, MatchHow::compound);
    for (const char* id : {"ALK-G1202R-lorlatinib-1", "ALK-G1202R-lorlatinib-2", "ALK-G1202R-lorlatinib-3",
                           "ALK-I1171N_L1196M-lorlatinib-1", "ALK-G1202R_L1196M-lorlatinib-1"}) {
        const Evidence* e = evidence(lorl, id);
        ASSERT_NE(e, nullptr) << id;
        EXPECT_TRUE(e->superseded) << id;
        EXPECT_EQ(e->superseded_by, "ALK-G1202R_I1171N_L1196M-lorlatinib-1") << id;
    }
    // Only the compound's own drug is affected: crizotinib still rests on both single mutations.
    EXPECT_FALSE(evidence(verdict(v, "crizotinib"), "ALK-G1202R-crizotinib-1")->superseded);
}

// The status rule inside rule b (guide: unverified evidence never outranks verified evidence).
// The G1202R + L1196M compound row (Yoda 2018) is unverified E: it supersedes the unverified
// G1202R rows, never the verified ALK-G1202R-lorlatinib-2 (D), which decides; the call is
// low-confidence and names the compound, so the contradiction is not silent.
TEST(Verdict, unverified_compound_never_supersedes_a_verified_row) {
    Report r;
    r.findings = {variant("ALK", "G1202R", {"ALK:L1196M"}), variant("ALK", "L1196M", {"ALK:G1202R"})};
    auto v = compute_verdicts(r, db(), alk_declared());

    const auto& lorl = verdict(v, "lorlatinib");
    EXPECT_EQ(lorl.call, VerdictCall::sensitive) << lorl.rule;
    EXPECT_EQ(lorl.strength, EvidenceLevel::D);
    EXPECT_TRUE(lorl.low_confidence) << lorl.rule;
    EXPECT_TRUE(contains(lorl.rule, "UNVERIFIED row(s) ALK-G1202R_L1196M-lorlatinib-1 (resistance, E)")) << lorl.rule;
    EXPECT_FALSE(evidence(lorl, "ALK-G1202R-lorlatinib-2")->superseded);
    for (const char* id : {"ALK-G1202R-lorlatinib-1", "ALK-G1202R-lorlatinib-3"})
        EXPECT_EQ(evidence(lorl, id)->superseded_by, "ALK-G1202R_L1196M-lorlatinib-1") << id;
    // Alectinib: G1202R resistance outranks the co-occurring L1196M sensitivity (rule a, same
    // gene, since issue 9 part 3; before, as weaker evidence by level), and the text says so.
    EXPECT_EQ(verdict(v, "alectinib").call, VerdictCall::resistant);
    EXPECT_TRUE(contains(verdict(v, "alectinib").rule,
                         "on-target resistance from ALK p.G1202R outranks on-target sensitivity from a co-occurring "
                         "ALK alteration"))
        << verdict(v, "alectinib").rule;
    EXPECT_TRUE(contains(verdict(v, "alectinib").rule, "so ALK-L1196M-alectinib-1 does not decide"))
        << verdict(v, "alectinib").rule;
}

// A kinase mutation means resistance only on top of an ALK fusion; without one it must not
// produce a call, and the report must say what is missing.
TEST(Verdict, on_target_rows_need_the_fusion_driver) {
    Report r;
    r.findings = {variant("ALK", "G1202R")};
    auto without = compute_verdicts(r, db(), SampleContext{});
    for (const auto& d : without) {
        EXPECT_EQ(d.call, VerdictCall::no_evidence) << d.drug;
        for (const auto& e : d.evidence) {
            EXPECT_FALSE(e.applies) << e.entry->id;
            EXPECT_EQ(e.why_not, "needs an ALK fusion (not found; declare it with --driver \"ALK fusion\")");
        }
    }
    EXPECT_TRUE(contains(verdict(without, "alectinib").rule, "needs an ALK fusion"))
        << verdict(without, "alectinib").rule;

    auto with = compute_verdicts(r, db(), alk_declared());
    EXPECT_TRUE(evidence(verdict(with, "alectinib"), "ALK-G1202R-alectinib-2")->applies);
    EXPECT_EQ(verdict(with, "alectinib").call, VerdictCall::resistant);

    // The fusion may be declared with its partner and in any case.
    SampleContext partner;
    partner.declared_drivers = {"eml4::alk Fusion"};
    EXPECT_EQ(verdict(compute_verdicts(r, db(), partner), "alectinib").call, VerdictCall::resistant);
    // Another gene's fusion is not enough.
    SampleContext ros1;
    ros1.declared_drivers = {"ROS1 fusion"};
    EXPECT_EQ(verdict(compute_verdicts(r, db(), ros1), "alectinib").call, VerdictCall::no_evidence);
}

// A fusion in the report is its own driver: detect_drivers finds it, no --driver needed.
TEST(Verdict, detect_drivers_names_matched_driver_fusions_by_their_3prime_gene) {
    Report r;
    r.fusions = {fusion("EML4", "ALK"), fusion("EML4", "ALK"), fusion("ALK", "EML4")};
    EXPECT_EQ(detect_drivers(r), std::vector<std::string>{"ALK fusion"});
    Report none;
    none.findings = {variant("ALK", "G1202R")};
    EXPECT_TRUE(detect_drivers(none).empty());
}

// Rule a: an approval-level fusion row must not hide an acquired on-target resistance.
TEST(Verdict, on_target_resistance_outranks_fusion_sensitivity) {
    Report r;
    r.fusions = {fusion("EML4", "ALK")};
    r.findings = {variant("ALK", "G1202R")};
    SampleContext c;
    c.detected_drivers = detect_drivers(r);
    auto v = compute_verdicts(r, db(), c);

    const auto& alec = verdict(v, "alectinib");
    EXPECT_EQ(alec.call, VerdictCall::resistant) << alec.rule;
    EXPECT_EQ(alec.strength, EvidenceLevel::B);
    EXPECT_TRUE(contains(alec.rule, "rule a")) << alec.rule;
    const Evidence* fusion_row = evidence(alec, "ALK-fusion-alectinib-NSCLC-1");
    ASSERT_NE(fusion_row, nullptr);
    EXPECT_TRUE(fusion_row->applies);
    EXPECT_EQ(fusion_row->finding, "EML4::ALK fusion");

    // Lorlatinib has no on-target resistance here: the fusion's level-A row decides.
    EXPECT_EQ(verdict(v, "lorlatinib").call, VerdictCall::sensitive);
    EXPECT_EQ(verdict(v, "lorlatinib").strength, EvidenceLevel::A);
    // Ensartinib has only the fusion row.
    EXPECT_EQ(verdict(v, "ensartinib").call, VerdictCall::sensitive);
}

// Rule c: MET amplification is a resistance route for every ALK TKI, so none is called with
// full confidence, but the level-A sensitivity is not turned into resistance.
TEST(Verdict, bypass_lowers_confidence_for_the_whole_class) {
    Report r;
    r.fusions = {fusion("EML4", "ALK")};
    r.copy_number = {met_amplification()};
    SampleContext c;
    c.detected_drivers = detect_drivers(r);
    auto v = compute_verdicts(r, db(), c);

    EXPECT_EQ(drug_order(v, "ALK_TKI").size(), 6u);  // the six approved ALK TKIs (tool compounds are their own class)
    for (const auto& d : v) {
        if (d.drug_class != "ALK_TKI") continue;
        EXPECT_TRUE(d.low_confidence) << d.drug;
        EXPECT_TRUE(contains(d.rule, "bypass/downstream resistance from MET amplification (MET-amp-")) << d.rule;
        EXPECT_TRUE(contains(d.rule, "MET-amp-lorlatinib-1)")) << d.rule;
    }
    const auto& lorl = verdict(v, "lorlatinib");
    EXPECT_EQ(lorl.call, VerdictCall::sensitive);
    EXPECT_EQ(lorl.strength, EvidenceLevel::A);
    EXPECT_TRUE(contains(lorl.rule, "sensitive but low confidence for the whole ALK_TKI class")) << lorl.rule;
    EXPECT_TRUE(contains(lorl.rule, "MET-amp-lorlatinib-1 (B, resistance)")) << lorl.rule;
    // The MET inhibitors are not ALK TKIs: their confidence is untouched.
    EXPECT_EQ(verdict(v, "capmatinib").call, VerdictCall::sensitive);
    EXPECT_FALSE(verdict(v, "capmatinib").low_confidence);
    // Without the fusion the ALK-TKI bypass rows do not apply (since issue 9 part 3 they carry
    // driver=ALK fusion: the evidence is from ALK-rearranged tumours), so they neither decide nor
    // lower the class's confidence.
    Report alone;
    alone.copy_number = {met_amplification()};
    auto w = compute_verdicts(alone, db(), SampleContext{});
    EXPECT_EQ(verdict(w, "lorlatinib").call, VerdictCall::no_evidence) << verdict(w, "lorlatinib").rule;
    EXPECT_FALSE(verdict(w, "ensartinib").low_confidence);
}

// Rule d on the shipped rows: E1210K has one brigatinib-sensitive and one brigatinib-
// resistant row at level D, both unverified, and the report must show the disagreement.
TEST(Verdict, equal_level_opposite_evidence_is_conflicting) {
    Report r;
    r.findings = {variant("ALK", "E1210K")};
    auto v = compute_verdicts(r, db(), alk_declared());
    const auto& b = verdict(v, "brigatinib");
    EXPECT_EQ(b.call, VerdictCall::conflicting) << b.rule;
    EXPECT_EQ(b.strength, EvidenceLevel::E);  // both E1210K rows are unverified: E since 2026-12
    EXPECT_TRUE(
        contains(b.rule, "resistance from ALK-E1210K-brigatinib-2 against sensitivity from ALK-E1210K-brigatinib-1"))
        << b.rule;
}

// Rules d, e and f on a hand-made knowledge base, where every level and status is chosen.
TEST(Verdict, level_then_verified_status_decides_and_equal_rows_conflict) {
    KnowledgeBase kb;
    kb.drugs["X_TKI"] = Drug{"X_TKI", "X inhibitors (class)", "class", {}, {}, std::nullopt};
    kb.drugs["xa"] = Drug{"xa", "Xa", "X_TKI", {}, {}, 1};
    auto make = [](std::string id, Effect effect, EvidenceLevel level, bool verified) {
        KnowledgeEntry e;
        e.id = std::move(id);
        e.gene = "ALK";
        e.kind = AlterationKind::hgvs_p;
        e.protein_change = "G1202R";
        e.drugs = {"xa"};
        e.effect = effect;
        e.level = level;
        e.verified = verified;
        e.mechanism = "on_target";
        return e;
    };
    auto run = [&](std::vector<KnowledgeEntry> rows) {
        kb.entries = std::move(rows);
        AlleleFinding f;
        f.csq.gene = "ALK";
        f.csq.protein_change = "G1202R";
        for (const auto& e : kb.entries) f.matches.push_back({&e, MatchHow::hgvs_p, ""});
        Report r;
        r.findings = {f};
        return verdict(compute_verdicts(r, kb, SampleContext{}), "xa");
    };
    using E = Effect;
    using L = EvidenceLevel;

    auto same = run({make("res", E::resistance, L::C, true), make("sens", E::sensitivity, L::C, true)});
    EXPECT_EQ(same.call, VerdictCall::conflicting);
    EXPECT_EQ(same.strength, L::C);

    auto stronger = run({make("res", E::resistance, L::D, true), make("sens", E::sensitivity, L::C, true)});
    EXPECT_EQ(stronger.call, VerdictCall::sensitive);
    EXPECT_TRUE(contains(stronger.rule,
                         "weaker opposite evidence outranked by the stronger level (rule d): res (D, resistance)"))
        << stronger.rule;
    EXPECT_EQ(stronger.evidence.front().entry->id, "sens");

    auto verified = run({make("res", E::resistance, L::C, false), make("sens", E::sensitivity, L::C, true)});
    EXPECT_EQ(verified.call, VerdictCall::sensitive);
    EXPECT_TRUE(contains(verified.rule, "(rule e), so res does not decide")) << verified.rule;

    auto reduced = run({make("nb", E::no_benefit, L::B, true), make("rs", E::reduced_sensitivity, L::B, true)});
    EXPECT_EQ(reduced.call, VerdictCall::reduced_sensitivity);
    auto resistant = run({make("nb", E::no_benefit, L::B, true), make("r", E::resistance, L::B, true)});
    EXPECT_EQ(resistant.call, VerdictCall::resistant);
}

// F1174L rows from neuroblastoma apply only to a neuroblastoma, and only when that is said.
TEST(Verdict, tumour_type_limited_rows_need_the_tumour_type) {
    Report r;
    r.findings = {variant("ALK", "F1174L")};
    auto unknown = compute_verdicts(r, db(), SampleContext{});
    const Evidence* nb = evidence(verdict(unknown, "lorlatinib"), "ALK-F1174L-lorlatinib-1");
    ASSERT_NE(nb, nullptr);
    EXPECT_FALSE(nb->applies);
    EXPECT_EQ(nb->why_not, "limited to NB (give --tumor-type)");
    EXPECT_EQ(verdict(unknown, "lorlatinib").call, VerdictCall::no_evidence);

    SampleContext neuroblastoma;
    neuroblastoma.tumor_type = "nb";
    auto v = compute_verdicts(r, db(), neuroblastoma);
    EXPECT_EQ(verdict(v, "lorlatinib").call, VerdictCall::sensitive);
    EXPECT_EQ(verdict(v, "alectinib").call, VerdictCall::sensitive);
    // Crizotinib: the clinical no-benefit row (C) outranks the cell-line rows (D).
    EXPECT_EQ(verdict(v, "crizotinib").call, VerdictCall::reduced_sensitivity) << verdict(v, "crizotinib").rule;
    EXPECT_EQ(verdict(v, "crizotinib").strength, EvidenceLevel::C);
    // The fusion-context F1174L row still needs its fusion.
    EXPECT_FALSE(evidence(verdict(v, "crizotinib"), "ALK-F1174L-crizotinib-1")->applies);

    SampleContext lung;
    lung.tumor_type = "NSCLC";
    auto w = compute_verdicts(r, db(), lung);
    EXPECT_EQ(evidence(verdict(w, "lorlatinib"), "ALK-F1174L-lorlatinib-1")->why_not,
              "limited to NB (the sample's tumour type is NSCLC)");
}

// A drug already given is marked, whether the history names its id or a brand or code name.
TEST(Verdict, therapy_history_marks_drugs_by_id_and_synonym) {
    Report r;
    r.findings = {variant("ALK", "G1202R")};
    auto c = alk_declared();
    c.therapy_history = {"crizotinib", "ALECENSA", " pf-06463922 "};
    auto v = compute_verdicts(r, db(), c);
    EXPECT_TRUE(verdict(v, "crizotinib").already_given);
    EXPECT_EQ(verdict(v, "crizotinib").history_position, 1);
    EXPECT_EQ(verdict(v, "alectinib").history_position, 2);
    EXPECT_EQ(verdict(v, "lorlatinib").history_position, 3);
    EXPECT_FALSE(verdict(v, "brigatinib").already_given);
    EXPECT_FALSE(verdict(v, "brigatinib").history_position.has_value());
}

// A class row speaks for every member; members come by generation, then id.
TEST(Verdict, class_rows_expand_to_every_member_in_generation_order) {
    Report r;
    AlleleFinding lof;
    lof.csq.gene = "PTPN1";
    lof.csq.hgvs_c = "c.100C>T";
    for (const auto* e : db().entries_for_gene("PTPN1"))
        if (e->kind == AlterationKind::lof) lof.matches.push_back({e, MatchHow::lof, "stop_gained"});
    r.findings = {lof};
    // The PTPN1 row against ALK TKIs needs the ALK fusion (issue 9 part 3).
    auto v = compute_verdicts(r, db(), alk_declared());

    // tae684 (NVP-TAE684, a preclinical tool compound of the CIViC layer) is its own one-drug class
    // (db/tools/import_civic.py), so the ALK TKI list is the six approved drugs.
    EXPECT_EQ(drug_order(v, "ALK_TKI"), (std::vector<std::string>{"crizotinib", "alectinib", "brigatinib", "ceritinib",
                                                                  "ensartinib", "lorlatinib"}));
    for (const auto& d : v) {
        if (d.drug_class != "ALK_TKI") continue;
        EXPECT_EQ(d.call, VerdictCall::resistant) << d.drug;
        EXPECT_TRUE(d.low_confidence) << d.drug;  // downstream resistance
        ASSERT_NE(evidence(d, "ALK-PTPN1-LOF-ALK_TKI-1"), nullptr) << d.drug;
        EXPECT_EQ(evidence(d, "ALK-PTPN1-LOF-ALK_TKI-1")->finding, "PTPN1 c.100C>T");
    }
    EXPECT_EQ(verdict(v, "crizotinib").generation, 1);
    // A class without members is its own entry.
    EXPECT_EQ(verdict(v, "SHP2_inhibitor").drug_class, "SHP2_inhibitor");
    EXPECT_EQ(verdict(v, "SHP2_inhibitor").call, VerdictCall::sensitive);
}

// ALK TKIs lead the list even when another class sorts earlier and comes first in the report.
TEST(Verdict, classes_come_alk_tki_first_then_by_id) {
    KnowledgeBase kb;
    kb.drugs["ALK_TKI"] = Drug{"ALK_TKI", "ALK TKIs (class)", "class", {}, {}, std::nullopt};
    kb.drugs["crizotinib"] = Drug{"crizotinib", "Crizotinib", "ALK_TKI", {}, {}, 1};
    kb.drugs["aaa"] = Drug{"aaa", "Aaa", "AAA_inhibitor", {}, {}, std::nullopt};
    kb.drugs["zzz"] = Drug{"zzz", "Zzz", "ZZZ_inhibitor", {}, {}, std::nullopt};
    for (const char* d : {"zzz", "aaa", "crizotinib"}) {
        KnowledgeEntry e;
        e.id = std::string("row-") + d;
        e.gene = "MET";
        e.kind = AlterationKind::amplification;
        e.drugs = {d};
        e.mechanism = "driver";
        kb.entries.push_back(e);
    }
    CopyNumberFinding cn;
    cn.cn.gene = "MET";
    for (const auto& e : kb.entries) cn.matches.push_back({&e, MatchHow::amplification, ""});
    Report r;
    r.copy_number = {cn};
    auto v = compute_verdicts(r, kb, SampleContext{});
    std::vector<std::string> classes;
    for (const auto& d : v) classes.push_back(d.drug_class);
    EXPECT_EQ(classes, (std::vector<std::string>{"ALK_TKI", "AAA_inhibitor", "ZZZ_inhibitor"}));
    EXPECT_EQ(verdict(v, "aaa").evidence.front().finding, "MET amplification");
}

// ---------------------------------------------------------------------------------------------
// The `context` column

// The curated contexts: fusion-driven kinase rows need their fusion, NB driver rows the
// tumour type, and rows outside the kinase (PTPN1) or in files without the column none.
TEST(VerdictContext, shipped_rows_carry_the_curated_context) {
    auto row = [](const std::string& id) -> const KnowledgeEntry& {
        for (const auto& e : db().entries)
            if (e.id == id) return e;
        throw std::runtime_error("no row " + id);
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(row("ALK-G1202R-lorlatinib-1").required_drivers, V{"ALK fusion"});
    EXPECT_EQ(row("ALK-G1202R_L1196M-lorlatinib-1").required_drivers, V{"ALK fusion"});
    EXPECT_EQ(row("ALK-F1174L-lorlatinib-1").tumor_types, V{"NB"});
    EXPECT_TRUE(row("ALK-F1174L-lorlatinib-1").required_drivers.empty());
    // PTPN1 loss is downstream resistance of an ALK-driven tumour (issue 9 part 3).
    EXPECT_EQ(row("ALK-PTPN1-LOF-ALK_TKI-1").required_drivers, V{"ALK fusion"});
    EXPECT_TRUE(row("ALK-PTPN1-LOF-SHP2_inhibitor-1").required_drivers.empty());
    EXPECT_EQ(row("ROS1-G2032R-crizotinib-1").required_drivers, V{"ROS1 fusion"});
    EXPECT_EQ(row("NTRK1-G595R-entrectinib-1").required_drivers, V{"NTRK1 fusion"});
    EXPECT_EQ(row("NTRK3-G623R-entrectinib-1").required_drivers, V{"NTRK3 fusion"});
    EXPECT_EQ(row("RET-G810-RET_TKI-1").required_drivers, V{"RET fusion"});
    EXPECT_TRUE(row("ALK-fusion-alectinib-NSCLC-1").required_drivers.empty());
    EXPECT_TRUE(row("MET-amp-lorlatinib-1").tumor_types.empty());
    EXPECT_EQ(row("MET-amp-lorlatinib-1").required_drivers, V{"ALK fusion"});
    // EGFR-TKI bypass rows need an EGFR-mutant tumour, BRAF/MEK-inhibitor rows a BRAF V600 one
    // (issue 9 part 3, driver forms beyond "<GENE> fusion").
    for (const char* id :
         {"MET-amp-osimertinib-1", "MET-amp-erlotinib-1", "ERBB2-amp-osimertinib-1", "MET-amp-rociletinib-1"})
        EXPECT_EQ(row(id).required_drivers, V{"EGFR mutation"}) << id;
    for (const char* id :
         {"NRAS-Q61-vemurafenib-1", "MAP2K1-Q56P-selumetinib-1", "NF1-lof-vemurafenib-1", "PTEN-del-vemurafenib-1"})
        EXPECT_EQ(row(id).required_drivers, V{"BRAF V600"}) << id;
    EXPECT_EQ(row("EGFR-C797S_T790M-cis-EGFR_TKI-1").required_phase, "cis");
    EXPECT_EQ(row("EGFR-C797S_T790M-trans-combination-1").required_phase, "trans");
    // ALK amplification is gain of the rearranged allele: it needs the ALK fusion (issue 9 part 4).
    for (const char* id : {"ALK-amp-crizotinib-1", "ALK-amp-crizotinib-2", "ALK-amp-crizotinib-3"})
        EXPECT_EQ(row(id).required_drivers, V{"ALK fusion"}) << id;
    // Every curated on-target kinase row of the five fusion genes is conditional (a curation rule
    // of db/README.md; the CIViC layer carries only the context its profile states).
    for (const auto& e : db().entries) {
        if (e.layer != "curated") continue;
        bool kinase = e.gene == "ALK" || e.gene == "ROS1" || e.gene == "NTRK1" || e.gene == "NTRK3" || e.gene == "RET";
        if (kinase && e.kind != AlterationKind::fusion && e.kind != AlterationKind::amplification) {
            EXPECT_FALSE(e.required_drivers.empty() && e.tumor_types.empty()) << e.id;
        }
    }
}

// The cell grammar: both conditions, lists, and a clear message for anything else.
TEST(VerdictContext, parse_context_accepts_the_documented_conditions_only) {
    KnowledgeEntry e;
    detail::parse_context("driver=ALK fusion; tumor_type=NB,NSCLC", e);
    EXPECT_EQ(e.required_drivers, std::vector<std::string>{"ALK fusion"});
    EXPECT_EQ(e.tumor_types, (std::vector<std::string>{"NB", "NSCLC"}));

    KnowledgeEntry empty;
    detail::parse_context("", empty);
    EXPECT_TRUE(empty.required_drivers.empty() && empty.tumor_types.empty());

    KnowledgeEntry forms;
    detail::parse_context("driver=EGFR mutation;driver=BRAF V600;phase=trans", forms);
    EXPECT_EQ(forms.required_drivers, (std::vector<std::string>{"EGFR mutation", "BRAF V600"}));
    EXPECT_EQ(forms.required_phase, "trans");

    for (const char* bad :
         {"driver=ALK", "driver=ALK mutations", "driver=BRAF v600", "driver=BRAF V", "driver=BRAF 600",
          "tumour_type=NB", "tumor_type=", "tumor_type=NB,", "tumor_type=NB;tumor_type=IMT",
          "driver=ALK fusion;driver=ALK fusion", "phase=both", "phase=cis;phase=trans", "phase=CIS"}) {
        KnowledgeEntry x;
        EXPECT_THROW(detail::parse_context(bad, x), std::invalid_argument) << bad;
    }
}

// ---------------------------------------------------------------------------------------------
// Issue 9 part 3: same-gene on-target resistance, driver context of bypass rows, tumour-type
// tiers, the status rule, NRAS Q61K

// Rule a, same gene at any level. Known answer: Yu et al. 2015 (PMID 26181354, the KB's
// EGFR-C797S-osimertinib-2) and Thress et al. 2015 (PMID 25939061, EGFR-C797S-osimertinib-1):
// T790M-positive NSCLC acquiring C797S on osimertinib progressed. T790M's level-A osimertinib
// approval (AURA3, EGFR-T790M-osimertinib-1) must not make the sample osimertinib-sensitive;
// C797S decides. The findings carry no genotype, so the phase is unknown: the phase rows of
// Niederst et al. 2015 (DOI 10.1158/1078-0432.CCR-15-0560, egfr_phase.tsv) do not decide, and as
// both phases give osimertinib resistance the call stands and the rule text says so (rule g).
TEST(Verdict, egfr_t790m_plus_c797s_is_not_osimertinib_sensitive) {
    Report r;
    r.findings = {variant("EGFR", "T790M", {"EGFR:C797S"}), variant("EGFR", "C797S", {"EGFR:T790M"})};
    auto v = compute_verdicts(r, db(), SampleContext{});
    const auto& osi = verdict(v, "osimertinib");
    EXPECT_EQ(osi.call, VerdictCall::resistant) << osi.rule;
    EXPECT_EQ(osi.strength, EvidenceLevel::B);
    EXPECT_EQ(osi.evidence.front().entry->id, "EGFR-C797S-osimertinib-1");
    EXPECT_TRUE(contains(osi.rule,
                         "on-target resistance from EGFR p.C797S outranks on-target sensitivity from a "
                         "co-occurring EGFR alteration at any level (rule a"))
        << osi.rule;
    EXPECT_TRUE(contains(osi.rule, "whatever the phase of EGFR p.C797S, EGFR p.T790M")) << osi.rule;
    EXPECT_TRUE(contains(osi.rule, "either phase gives the same call (rule g: in cis: resistant")) << osi.rule;
    // The combination depends on the phase: no call (Niederst 2015: cis resistant, trans sensitive).
    const auto& combo = verdict(v, "erlotinib+osimertinib");
    EXPECT_EQ(combo.call, VerdictCall::phase_decides) << combo.rule;
    EXPECT_TRUE(contains(combo.rule, "in cis: resistant (level E")) << combo.rule;
    EXPECT_TRUE(contains(combo.rule, "in trans: sensitive (level E")) << combo.rule;
    EXPECT_TRUE(contains(osi.rule,
                         "EGFR-T790M-osimertinib-1, EGFR-T790M-osimertinib-2, EGFR-T790M-osimertinib-3 do "
                         "not decide"))
        << osi.rule;
    // T790M alone stays the level-A osimertinib indication.
    Report t790m;
    t790m.findings = {variant("EGFR", "T790M")};
    auto w = compute_verdicts(t790m, db(), SampleContext{});
    EXPECT_EQ(verdict(w, "osimertinib").call, VerdictCall::sensitive);
    EXPECT_EQ(verdict(w, "osimertinib").strength, EvidenceLevel::A);
}

// Bypass rows need their driver. Known answers from the KB's own ALK-context rows: Sui et al.
// 2021 (PMID 33663128, BRAF-V600E-lorlatinib-1) and Doebele et al. 2012 (PMID 22235099,
// EGFR-L858R-crizotinib-1, ALK-amp-crizotinib-1) saw these alterations in ALK-rearranged NSCLC;
// BRAF V600E, EGFR L858R or ALK amplification alone is not an ALK-TKI verdict.
TEST(Verdict, bypass_and_amplification_rows_need_the_driver) {
    Report braf;
    braf.findings = {variant("BRAF", "V600E")};
    auto v = compute_verdicts(braf, db(), SampleContext{});
    EXPECT_EQ(verdict(v, "lorlatinib").call, VerdictCall::no_evidence) << verdict(v, "lorlatinib").rule;
    EXPECT_FALSE(verdict(v, "lorlatinib").low_confidence);
    EXPECT_TRUE(contains(verdict(v, "lorlatinib").rule, "needs an ALK fusion")) << verdict(v, "lorlatinib").rule;
    auto with_fusion = compute_verdicts(braf, db(), alk_declared());
    EXPECT_EQ(verdict(with_fusion, "lorlatinib").call, VerdictCall::resistant);

    Report egfr;
    egfr.findings = {variant("EGFR", "L858R")};
    auto w = compute_verdicts(egfr, db(), SampleContext{});
    EXPECT_NE(verdict(w, "crizotinib").call, VerdictCall::resistant) << verdict(w, "crizotinib").rule;
    EXPECT_EQ(verdict(w, "crizotinib").call, VerdictCall::no_evidence);

    CopyNumberFinding amp;
    amp.cn.gene = "ALK";
    amp.cn.min_cn = 10;
    for (const auto* e : db().entries_for_gene("ALK"))
        if (e->kind == AlterationKind::amplification) amp.matches.push_back({e, MatchHow::amplification, ""});
    ASSERT_FALSE(amp.matches.empty());
    Report cn;
    cn.copy_number = {amp};
    auto x = compute_verdicts(cn, db(), SampleContext{});
    EXPECT_EQ(verdict(x, "crizotinib").call, VerdictCall::no_evidence) << verdict(x, "crizotinib").rule;
}

// Tumour-type tiers. Known answer: the index patient's ALK-rearranged IMT (Cochin et al. 2025,
// doi:10.3389/fonc.2024.1505257): alectinib's level-A row is an NSCLC approval
// (ALK-fusion-alectinib-NSCLC-1), so for --tumor-type IMT it is Tier II-C, while crizotinib's
// IMT approval (ALK-fusion-crizotinib-IMT-4) stays Tier I-A.
TEST(Verdict, level_a_from_another_tumour_type_is_tier_two) {
    Report r;
    r.fusions = {fusion("EML4", "ALK")};
    SampleContext c;
    c.detected_drivers = detect_drivers(r);
    c.tumor_type = "IMT";
    auto v = compute_verdicts(r, db(), c);
    EXPECT_EQ(verdict(v, "alectinib").strength, EvidenceLevel::A);
    EXPECT_EQ(verdict(v, "alectinib").amp_tier, "Tier II-C (level A in NSCLC, not in IMT)");
    EXPECT_EQ(verdict(v, "crizotinib").amp_tier, "Tier I-A");
    c.tumor_type = "nsclc";
    EXPECT_EQ(verdict(compute_verdicts(r, db(), c), "alectinib").amp_tier, "Tier I-A");
    c.tumor_type.clear();
    EXPECT_EQ(verdict(compute_verdicts(r, db(), c), "alectinib").amp_tier,
              "Tier II-C (tumour type unknown; Tier I-A only in NSCLC)");

    KnowledgeEntry e;
    e.level = EvidenceLevel::A;
    e.diseases = {"any"};
    EXPECT_EQ(amp_tier(e, ""), "Tier I-A");
    e.diseases = {"NSCLC"};
    e.level = EvidenceLevel::B;
    EXPECT_EQ(amp_tier(e, "IMT"), "Tier II-C");
}

// Status rule: an unverified row never decides over verified ones, at any level. Known answer
// from the KB: KIT D820Y, sunitinib: KIT-D820Y-sunitinib-2 (unverified B, no_benefit, GIST)
// (INTRIGUE ctDNA) against KIT-D820Y-sunitinib-1 (verified D, sensitivity; Ashida et al. 2009,
// PMID 19035443, CIViC EID2888: SM3 melanoma cells). The verified row decides; a call resting on
// unverified rows says so.
TEST(Verdict, unverified_rows_never_outrank_verified_rows) {
    Report r;
    r.findings = {variant("KIT", "D820Y")};
    auto v = compute_verdicts(r, db(), SampleContext{});
    const auto& s = verdict(v, "sunitinib");
    EXPECT_EQ(s.call, VerdictCall::sensitive) << s.rule;
    EXPECT_EQ(s.strength, EvidenceLevel::D);
    EXPECT_FALSE(s.decided_by_unverified);
    EXPECT_TRUE(contains(s.rule,
                         "verified rows outrank unverified rows at any level (rule e), so "
                         "KIT-D820Y-sunitinib-2 does not decide"))
        << s.rule;

    // MET amplification in an ALK-driven tumour: alectinib has only the unverified per-drug
    // attribution MET-amp-alectinib-1 (Dagogo-Jack 2020 reports second-generation TKIs as a group).
    Report met;
    met.copy_number = {met_amplification()};
    auto w = compute_verdicts(met, db(), alk_declared());
    const auto& a = verdict(w, "alectinib");
    EXPECT_EQ(a.call, VerdictCall::resistant) << a.rule;
    EXPECT_TRUE(a.decided_by_unverified);
    EXPECT_TRUE(contains(a.rule, "decided by UNVERIFIED evidence only (rule e)")) << a.rule;
    EXPECT_FALSE(verdict(w, "lorlatinib").decided_by_unverified) << "MET-amp-lorlatinib-1 is verified";
}

// Known answer: NRAS Q61K is NOT selumetinib-resistant. Atefi et al. 2011 (PMID 22194965,
// CIViC EID1475): NRAS Q61K with BRAF V600E gave vemurafenib resistance but sensitivity to
// AZD6244 (selumetinib) in vitro; the row NRAS-Q61K-selumetinib-1 was corrected to sensitivity.
TEST(Verdict, nras_q61k_is_not_selumetinib_resistant) {
    Report r;
    r.findings = {variant("NRAS", "Q61K")};
    SampleContext braf;  // the rows need the setting they were shown in: BRAF V600 (issue 9 part 3)
    braf.declared_drivers = {"BRAF V600E"};
    auto v = compute_verdicts(r, db(), braf);
    const auto& s = verdict(v, "selumetinib");
    EXPECT_NE(s.call, VerdictCall::resistant) << s.rule;
    EXPECT_EQ(s.call, VerdictCall::sensitive) << s.rule;
    EXPECT_EQ(s.evidence.front().entry->id, "NRAS-Q61K-selumetinib-1");
    // Without a BRAF V600 driver (declared or a codon-600 finding) the rows do not apply.
    // (CIViC's own NRAS-mutant rows, shown in NRAS-driven tumours, still apply: the call may rest
    // on them, never on the curated BRAF-V600 rows.)
    auto none = compute_verdicts(r, db(), SampleContext{});
    const Evidence* curated = evidence(verdict(none, "selumetinib"), "NRAS-Q61K-selumetinib-1");
    ASSERT_NE(curated, nullptr);
    EXPECT_FALSE(curated->applies);
    EXPECT_TRUE(contains(curated->why_not, "BRAF V600")) << curated->why_not;
    r.findings.push_back(variant("BRAF", "V600E"));  // detected: a BRAF codon-600 change
    r.findings.back().csq.protein_altering = true;
    SampleContext detected;
    detected.detected_drivers = detect_drivers(r);
    EXPECT_EQ(detected.detected_drivers, std::vector<std::string>{"BRAF V600"});
    auto found = compute_verdicts(r, db(), detected);
    EXPECT_EQ(verdict(found, "selumetinib").call, VerdictCall::sensitive) << verdict(found, "selumetinib").rule;
}
