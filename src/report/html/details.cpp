// HTML report, second half: evidence per finding, copy number, fusions, negatives, methods.
#include <algorithm>
#include <climits>
#include <map>
#include <set>

#include "report/format.hpp"
#include "report/html/style.hpp"
#include "report/html/text.hpp"
#include "report/html/writer.hpp"
#include "report/provenance.hpp"

namespace rvanno::html {

using fmt::fixed;

void Writer::section(const char* id, const char* title, bool new_page) {
    o_ << "<section id=\"" << id << "\"" << (new_page ? " class=\"page\"" : "") << ">\n<h2>" << title << "</h2>\n";
}

bool Writer::any_match() const {
    for (const auto& f : r_.findings)
        if (!f.matches.empty()) return true;
    for (const auto& f : r_.copy_number)
        if (!f.matches.empty()) return true;
    for (const auto& f : r_.fusions)
        if (!f.matches.empty()) return true;
    return false;
}

std::string Writer::evidence_item(const Evidence& ev) {
    std::string s = esc(ev.finding);
    if (ev.entry) {
        s += ": " + esc(spaced(to_string(ev.entry->effect))) + ", level " + esc(to_string(ev.entry->level)) +
             " <span class=\"mono muted\">" + esc(ev.entry->id) + "</span>";
        if (!ev.entry->verified) s += " " + status_html(*ev.entry);
    }
    if (!ev.applies) s += " &#8212; <i>not applied: " + or_dash(esc(ev.why_not)) + "</i>";
    if (ev.superseded) s += " &#8212; <i>superseded by " + or_dash(esc(ev.superseded_by)) + "</i>";
    return s;
}

void Writer::evidence_table(const std::vector<Match>& ms) {
    o_ << "<table class=\"evidence fixed\">\n<colgroup><col style=\"width:12%\"><col style=\"width:14%\"><col "
          "style=\"width:11%\">"
          "<col style=\"width:9%\"><col style=\"width:11%\"><col style=\"width:17%\"><col "
          "style=\"width:26%\"></colgroup>\n"
          "<thead><tr><th>Drug</th><th>Effect</th><th>Level &#183; AMP tier</th><th>Disease</th><th>Status</th>"
          "<th>Citations</th><th>Knowledge row &#183; match</th></tr></thead>\n";
    for (const auto& m : ms) {
        if (!m.entry) continue;
        const auto& e = *m.entry;
        std::string row =
            "<span class=\"mono\">" + esc(e.id) + "</span><br><span class=\"small\">" + esc(to_string(m.how));
        if (!m.detail.empty()) row += ": " + esc(m.detail);
        row += "</span>";
        if (m.amino_acid_unknown) row += "<br><span class=\"small\"><b>shown, not counted in the verdicts</b></span>";
        if (!e.requires_all.empty()) {
            std::vector<std::string> req;
            for (const auto& q : e.requires_all) req.push_back(q.gene + ":p." + q.protein_change);
            row += "<br><span class=\"small\">requires " + esc_join(req, ", ") + "</span>";
        }
        if (!e.mechanism.empty()) row += "<br><span class=\"small muted\">mechanism " + esc(e.mechanism) + "</span>";
        row += layer_html(e);
        row += "<br><span class=\"small muted\">" + esc(e.file.str()) + ":" + std::to_string(e.line) + "</span>";
        o_ << "<tbody class=\"keep\"><tr><td><b>" << esc_join(e.drugs, ", ") << "</b></td><td>"
           << badge(effect_style(e.effect)) << "</td><td>" << level_html(e.level, amp_tier(e, r_.context.tumor_type))
           << "</td><td>" << or_dash(esc_join(e.diseases, ", ")) << "</td><td>" << status_html(e)
           << "</td><td class=\"small wrap\">" << citations_html(e.citations) << "</td><td class=\"wrap\">" << row
           << "</td></tr>\n<tr class=\"notes\"><td colspan=\"7\" class=\"small\"><b>Notes:</b> " << notes_html(e.notes)
           << "</td></tr></tbody>\n";
    }
    o_ << "</table>\n";
}

void Writer::evidence() {
    section("evidence", "3. Evidence per finding", true);
    if (!any_match()) {
        empty("No evidence rows: no alteration matched.");
        end_section();
        return;
    }
    for (std::size_t i = 0; i < r_.findings.size(); ++i) {
        const auto& f = r_.findings[i];
        if (f.matches.empty()) continue;
        o_ << "<div class=\"finding-block\" id=\"ev-sv-" << i << "\">\n<h3>" << small_variant_title(f)
           << " <span class=\"muted small\">(small variant, " << esc(f.csq.transcript);
        if (!f.protein_source.empty()) o_ << "; protein change from " << esc(f.protein_source);
        if (!f.input_allele.empty()) o_ << "; written in the input as " << esc(f.input_allele);
        o_ << ")</span></h3>\n";
        evidence_table(f.matches);
        o_ << "</div>\n";
    }
    for (std::size_t i = 0; i < r_.copy_number.size(); ++i) {
        const auto& f = r_.copy_number[i];
        if (f.matches.empty()) continue;
        o_ << "<div class=\"finding-block\" id=\"ev-cn-" << i << "\">\n<h3><span class=\"fnum\">" << esc(f.cn.gene)
           << "</span> " << cn_class_text(f.cn) << " <span class=\"muted small\">(copy number, " << cn_number(f.cn)
           << ", " << extent_text(f.cn) << ")</span></h3>\n";
        evidence_table(f.matches);
        o_ << "</div>\n";
    }
    for (std::size_t i = 0; i < r_.fusions.size(); ++i) {
        const auto& f = r_.fusions[i];
        if (f.matches.empty()) continue;
        o_ << "<div class=\"finding-block\" id=\"ev-fu-" << i << "\">\n<h3>" << fusion_name(f.fusion)
           << " <span class=\"muted small\">(" << esc(fmt::breakpoints(f.fusion))
           << (f.fusion.variant_name.empty() ? "" : ", " + esc(f.fusion.variant_name)) << ")</span></h3>\n";
        evidence_table(f.matches);
        o_ << "</div>\n";
    }
    end_section();
}

void Writer::copy_number() {
    const auto& p = r_.provenance;
    section("copy-number", "4. Copy number", true);
    struct Row {
        const GeneCopyNumber* cn;
        const CopyNumberFinding* finding;
    };
    std::vector<Row> rows;
    std::set<std::string> seen;
    auto finding_of = [&](const std::string& gene) -> const CopyNumberFinding* {
        for (const auto& f : r_.copy_number)
            if (f.cn.gene == gene) return &f;
        return nullptr;
    };
    for (const auto& g : r_.genes)
        if (g.cn) {
            rows.push_back({&*g.cn, finding_of(g.gene)});
            seen.insert(g.gene);
        }
    for (const auto& f : r_.copy_number)
        if (seen.insert(f.cn.gene).second) rows.push_back({&f.cn, &f});
    if (rows.empty() && p.cnv_inputs.empty()) {
        empty("No copy-number input (--cnv not given): copy number was not assessed.");
        end_section();
        return;
    }
    o_ << "<p>Thresholds used: "
       << (p.cn_settings.empty() ? "<span class=\"muted\">not recorded</span>" : esc(p.cn_settings))
       << ".<br>Focal: the altered region covers less than 98% of the chromosome arm (GISTIC 2.0 rule); "
          "otherwise arm-level.</p>\n";
    if (rows.empty()) {
        empty("No knowledge-base gene was covered by the copy-number input.");
        end_section();
        return;
    }
    // Altered genes first, then neutral, then genes the segments did not cover; table order within.
    auto rank = [](const GeneCopyNumber& g) { return !g.assessed ? 2 : g.cn_class == CnClass::neutral ? 1 : 0; };
    std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return rank(*a.cn) < rank(*b.cn); });
    o_ << "<table class=\"cn fixed\">\n<colgroup><col style=\"width:9%\"><col style=\"width:15%\"><col "
          "style=\"width:18%\">"
          "<col style=\"width:7%\"><col style=\"width:7%\"><col style=\"width:8%\"><col style=\"width:14%\">"
          "<col style=\"width:14%\"><col "
          "style=\"width:8%\"></colgroup>\n<thead><tr><th>Gene</th><th>Transcript</th><th>Location</th><th>CN "
          "min</th><th>CN max</th>"
          "<th>Exons cov.</th><th>Class</th><th>Focal / arm-level</th><th>KB rows</th></tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        const auto& g = *row.cn;
        std::string loc = "&#8212;";
        if (row.finding && !row.finding->contig_name.empty())
            loc = esc(row.finding->contig_name) + ":" + std::to_string(row.finding->gene_begin + 1) + "&#8211;" +
                  std::to_string(row.finding->gene_end);
        const bool altered = g.assessed && g.cn_class != CnClass::neutral;
        o_ << "<tr><td><b>" << esc(g.gene) << "</b></td><td>" << or_dash(esc(g.transcript))
           << "</td><td class=\"small\">" << loc << "</td><td>" << or_dash(fixed(g.min_cn, 2)) << "</td><td>"
           << or_dash(fixed(g.max_cn, 2)) << "</td><td>" << fixed(g.covered_fraction * 100, 0) << "%</td><td>"
           << (altered ? "<b>" : "") << cn_class_text(g) << (altered ? "</b>" : "") << "</td><td class=\"small\">"
           << (g.focal ? esc(fmt::extent(g)) : "&#8212;") << "</td><td>"
           << (row.finding ? std::to_string(row.finding->matches.size()) : std::string("0")) << "</td></tr>\n";
    }
    o_ << "</tbody>\n</table>\n";
    end_section();
}

void Writer::fusions() {
    const auto& p = r_.provenance;
    section("fusions", "5. Fusions and structural variants", false);
    if (r_.fusions.empty()) {
        empty(p.sv_inputs.empty() ? "No structural-variant input (--sv not given): fusions were not assessed."
                                  : "No junction in the structural-variant input touches a knowledge-base gene.");
        end_section();
        return;
    }
    o_ << "<table class=\"fusions fixed\">\n<colgroup><col style=\"width:15%\"><col style=\"width:17%\"><col "
          "style=\"width:17%\">"
          "<col style=\"width:14%\"><col style=\"width:29%\"><col style=\"width:8%\"></colgroup>\n"
          "<thead><tr><th>Fusion</th><th>Partners and exons</th><th>Frame &#183; kinase domain</th><th>Variant</th>"
          "<th>Caller support</th><th>KB rows</th></tr></thead>\n<tbody>\n";
    for (const auto& f : r_.fusions) {
        const auto& u = f.fusion;
        std::string partners = esc(fmt::breakpoints(u));
        if (!u.transcript5.empty() || !u.transcript3.empty())
            partners += "<br><span class=\"muted small\">" + or_dash(esc(u.transcript5)) + " / " +
                        or_dash(esc(u.transcript3)) + "</span>";
        std::string variant = u.variant_name.empty() ? "<span class=\"muted\">not determined</span>"
                                                     : "<b>" + esc(u.variant_name) + "</b>";
        if (!u.variant_source.empty())
            variant += "<br><span class=\"muted small\">" + esc(u.variant_source) + "</span>";
        o_ << "<tr><td><b>" << fusion_name(u) << "</b></td><td>" << partners << "</td><td>" << frame_text(u) << "<br>"
           << kinase_text(u) << "</td><td>" << variant << "</td><td class=\"small\">" << caller_support(u.junction)
           << "</td><td>" << f.matches.size() << "</td></tr>\n";
    }
    o_ << "</tbody>\n</table>\n";
    end_section();
}

void Writer::hotspots() {
    o_ << "<h3>Resistance hotspots of the driver genes</h3>\n";
    if (r_.hotspots.empty()) {
        empty("No hotspot table: no driver was declared or detected, or no hotspot is known for it.");
    } else {
        o_ << "<table class=\"hotspots\">\n<thead><tr><th>Gene</th><th>Hotspot</th><th>Status</th><th>Lowest depth</th>"
              "<th>Depth source</th><th>Position</th><th>Knowledge rows</th></tr></thead>\n<tbody>\n";
        for (const auto& h : r_.hotspots) {
            std::string state;
            switch (h.state) {
                case HotspotStatus::State::detected:
                    state = "<span class=\"hs-det\">&#9679; DETECTED</span>";
                    break;
                case HotspotStatus::State::not_detected:
                    state =
                        "not detected" + (h.min_depth ? " at depth " + std::to_string(*h.min_depth) : std::string());
                    break;
                case HotspotStatus::State::not_assessed:
                    state =
                        "<span class=\"hs-na\">NOT ASSESSED</span> <span class=\"small\">(no depth information)</span>";
                    break;
            }
            const std::string contig = h.contig_name.empty() ? h.where.contig : h.contig_name;
            o_ << "<tr><td><b>" << esc(h.gene) << "</b></td><td>" << esc(h.hotspot) << "</td><td>" << state
               << "</td><td>" << (h.min_depth ? std::to_string(*h.min_depth) : std::string("&#8212;")) << "</td><td>"
               << or_dash(esc(h.depth_source)) << "</td><td class=\"mono small\">"
               << (contig.empty() ? std::string("&#8212;")
                                  : esc(contig) + ":" + std::to_string(h.where.begin + 1) + "&#8211;" +
                                        std::to_string(h.where.end))
               << "</td><td class=\"small wrap\">" << or_dash(esc(h.kb_ids)) << "</td></tr>\n";
        }
        o_ << "</tbody>\n</table>\n";
    }
}

void Writer::methods() {
    const auto& p = r_.provenance;
    section("methods", "8. Methods, versions and provenance", true);
    o_ << "<p>Small variants are annotated on the MANE Select transcript of every gene of the transcript model (the "
          "knowledge-base genes and the other MANE Select genes whose model could be verified) by rvanno's own "
          "consequence engine (HGVS c., and HGVS p. from the reference sequence or existing annotation) and matched "
          "against the curated knowledge base by genomic allele, HGVS c., protein change, codon, residue range or "
          "variant class (loss of function, missense). Gene-level copy number is the minimum and maximum over the "
          "transcript's exons, classed with the thresholds below. Fusions are annotated on MANE transcripts "
          "(partners, exons, frame from intron phases, kinase-domain retention, named variants). Per-drug verdicts "
          "follow the documented rules (the rule text is given per drug). Evidence levels are CIViC-scale A&#8211;E "
          "with the AMP/ASCO/CAP 2017 tier. Positions are 1-based.</p>\n<table class=\"kv\">\n";
    auto kv = [&](const char* k, const std::string& v_html) {
        o_ << "<tr><th>" << k << "</th><td>" << v_html << "</td></tr>\n";
    };
    kv("rvanno version", or_dash(esc(p.rvanno_version)));
    kv("HTSlib version", or_dash(esc(p.htslib_version)));
    kv("Knowledge base version", or_dash(esc(p.kb_version)));
    kv("Knowledge base MD5", "<span class=\"mono wrap\">" + or_dash(esc(p.kb_md5)) + "</span>");
    kv("Knowledge layers", or_dash(esc(p.kb_layers)) + (p.kb_civic.empty() ? "" : " (" + esc(p.kb_civic) + ")") +
                               (p.kb_rows_not_loaded.empty() ? ""
                                                             : "<br>rows not loaded (unknown match_restrict): " +
                                                                   esc(join(p.kb_rows_not_loaded, "; "))));
    kv("Genome build",
       or_dash(esc(p.genome_build)) + (p.genome_build_reason.empty() ? "" : " (" + esc(p.genome_build_reason) + ")"));
    kv("Reference FASTA",
       (p.fasta.empty() ? "<span class=\"muted\">not given</span>"
                        : "<span class=\"wrap\">" + esc(p.fasta) + "</span>" +
                              (p.fasta_source.empty() ? "" : " (from " + esc(p.fasta_source) + ")")) +
           (p.fasta_note.empty() ? "" : "<br><span class=\"small wrap\">" + esc(p.fasta_note) + "</span>"));
    if (p.coding_alleles_without_protein_change)
        kv("Coding alleles without a protein change",
           std::to_string(*p.coding_alleles_without_protein_change) + esc(provenance::no_fasta_hint(p)));
    kv("Small-variant input", list_or(p.inputs, "none"));
    kv("Copy-number input", list_or(p.cnv_inputs, "none"));
    kv("Structural-variant input", list_or(p.sv_inputs, "none"));
    kv("Genes examined", p.examined.empty() ? "<span class=\"muted\">no small-variant input</span>" : esc(p.examined));
    if (!p.phase.empty()) kv("Phase of compound matches", esc(p.phase));
    if (!p.not_listed.empty()) kv("Alleles counted, not listed", esc(p.not_listed));
    kv("Copy-number thresholds",
       p.cn_settings.empty() ? "<span class=\"muted\">not applicable</span>" : esc(p.cn_settings));
    std::string counters;
    for (const auto& [k, v] : r_.counters.values)
        counters += (counters.empty() ? "" : "<br>") + esc(k) + " = " + std::to_string(v);
    kv("Counters", counters.empty() ? "&#8212;" : "<span class=\"small\">" + counters + "</span>");
    kv("Command line", "<pre class=\"cmd\">" + or_dash(esc(p.command_line)) + "</pre>");
    o_ << "</table>\n";
    end_section();
}
}  // namespace rvanno::html
