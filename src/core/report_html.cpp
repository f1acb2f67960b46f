// HTML form of the report: one self-contained file for a molecular tumour board (sections:
// docs/html_report.md). Inline CSS only, no script, nothing loaded from the network (a
// Content-Security-Policy forbids it); the only URLs are citation links (PubMed, doi.org),
// which are followed, never loaded. Every text value is HTML-escaped, whatever its origin
// (input files, knowledge base, command line). No timestamps: the same report gives the same
// bytes.
#include <algorithm>
#include <cctype>
#include <climits>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/report_format.hpp"
#include "core/report_html_style.hpp"
#include "rvanno/report.hpp"

namespace rvanno {
namespace {

using fmt::fixed;

// ---- text -------------------------------------------------------------------------------

// Escapes & < > " ' and replaces C0 control characters (except tab and newline) and DEL by
// U+FFFD, so that no input can open a tag, an attribute or an entity.
std::string esc(std::string_view s) {
    std::string r;
    r.reserve(s.size() + 16);
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '&': r += "&amp;"; break;
            case '<': r += "&lt;"; break;
            case '>': r += "&gt;"; break;
            case '"': r += "&quot;"; break;
            case '\'': r += "&#39;"; break;
            default:
                if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) r += "\xEF\xBF\xBD";
                else r += ch;
        }
    }
    return r;
}

std::string or_dash(const std::string& escaped) { return escaped.empty() ? "&#8212;" : escaped; }

std::string esc_join(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + esc(x);
    return s;
}

std::string ordinal(int n) {
    const int m100 = n % 100, m10 = n % 10;
    const char* suf = (m100 >= 11 && m100 <= 13) ? "th" : m10 == 1 ? "st" : m10 == 2 ? "nd" : m10 == 3 ? "rd" : "th";
    return std::to_string(n) + suf;
}

bool istarts(const std::string& s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) return false;
    return true;
}

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

// Percent-encodes a DOI for a doi.org URL (RFC 3986 path characters kept).
std::string doi_url_path(const std::string& doi) {
    static const char* hex = "0123456789ABCDEF";
    std::string r;
    for (char ch : doi) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || std::string_view("-._~/:;()").find(ch) != std::string_view::npos) {
            r += ch;
        } else {
            r += '%';
            r += hex[c >> 4];
            r += hex[c & 15];
        }
    }
    return r;
}

// "PMID:n" -> PubMed link, "DOI:10.x/y" -> doi.org link; anything else as escaped text.
std::string citation_html(const std::string& raw) {
    const std::string c = trim(raw);
    if (istarts(c, "PMID:")) {
        const std::string id = trim(c.substr(5));
        if (!id.empty() && id.size() <= 10 && std::all_of(id.begin(), id.end(), [](char x) { return x >= '0' && x <= '9'; }))
            return "<a href=\"https://pubmed.ncbi.nlm.nih.gov/" + id + "/\">PMID:" + id + "</a>";
    } else if (istarts(c, "DOI:")) {
        const std::string doi = trim(c.substr(4));
        if (doi.rfind("10.", 0) == 0 && doi.find('/') != std::string::npos)
            return "<a href=\"https://doi.org/" + esc(doi_url_path(doi)) + "\">DOI:" + esc(doi) + "</a>";
    }
    return esc(c);
}

std::string citations_html(const std::vector<std::string>& cs) {
    if (cs.empty()) return "&#8212;";
    std::string s;
    for (const auto& c : cs) s += (s.empty() ? "" : "<br>") + citation_html(c);
    return s;
}

// ---- badges -----------------------------------------------------------------------------

struct BadgeStyle {
    const char* css;
    const char* symbol;
    const char* label;
};

BadgeStyle verdict_style(VerdictCall c) {
    switch (c) {
        case VerdictCall::resistant: return {"v-res", "&#10006;", "RESISTANT"};
        case VerdictCall::reduced_sensitivity: return {"v-red", "&#9660;", "REDUCED SENSITIVITY"};
        case VerdictCall::sensitive: return {"v-sen", "&#10004;", "SENSITIVE"};
        case VerdictCall::conflicting: return {"v-con", "&#8644;", "CONFLICTING"};
        case VerdictCall::no_evidence: break;
    }
    return {"v-none", "&#9675;", "NO EVIDENCE"};
}

BadgeStyle effect_style(Effect e) {
    switch (e) {
        case Effect::resistance: return {"v-res", "&#10006;", "RESISTANCE"};
        case Effect::reduced_sensitivity: return {"v-red", "&#9660;", "REDUCED SENSITIVITY"};
        case Effect::sensitivity: return {"v-sen", "&#10004;", "SENSITIVITY"};
        case Effect::no_benefit: break;
    }
    return {"v-nob", "&#8709;", "NO BENEFIT"};
}

std::string badge(const BadgeStyle& b) {
    return std::string("<span class=\"badge ") + b.css + "\"><span class=\"sym\" aria-hidden=\"true\">" + b.symbol +
           "</span>" + b.label + "</span>";
}

const char* kLowConfidence = "<span class=\"lowconf\">&#9680; LOW CONFIDENCE</span>";
const char* kUnverified = "<span class=\"unverified\">&#10033; UNVERIFIED</span>";

std::string level_html(EvidenceLevel l) {
    return "<b>" + esc(to_string(l)) + "</b> &#183; <span class=\"nw\">" + esc(amp_tier(l)) + "</span>";
}

std::string status_html(const KnowledgeEntry& e) {
    return e.verified ? "<span class=\"verified\">verified</span>" : kUnverified;
}

std::string notes_html(const std::string& notes) {
    if (notes.empty()) return "&#8212;";
    std::string s;
    if (notes.find("CONFLICT") != std::string::npos) s += "<span class=\"conflict\">&#8644; CONFLICT</span> ";
    return s + esc(notes);
}

// ---- finding names ----------------------------------------------------------------------

std::string protein_text(const Consequence& c) {
    if (!c.hgvs_p.empty() && !c.protein_change.empty()) return c.hgvs_p + " (" + c.protein_change + ")";
    if (!c.hgvs_p.empty()) return c.hgvs_p;
    if (!c.protein_change.empty()) return "p." + c.protein_change;
    return "";
}

std::string small_variant_title(const AlleleFinding& f) {
    std::string s = "<span class=\"fnum\">" + esc(f.csq.gene) + "</span> " + esc(f.csq.hgvs_c);
    const std::string p = protein_text(f.csq);
    if (!p.empty()) s += " " + esc(p);
    return s;
}

std::string cn_number(const GeneCopyNumber& g) {
    if (!g.min_cn) return "CN not known";
    if (!g.max_cn || fixed(g.min_cn, 2) == fixed(g.max_cn, 2)) return "CN " + fixed(g.min_cn, 2);
    return "CN " + fixed(g.min_cn, 2) + "&#8211;" + fixed(g.max_cn, 2);
}

std::string cn_class_text(const GeneCopyNumber& g) {
    if (!g.assessed) return "not assessed (no segment over its exons)";
    return esc(to_string(g.cn_class)) + (g.partial ? " (partial amplification)" : "");
}

std::string extent_text(const GeneCopyNumber& g) {
    if (!g.focal) return "focality not determined";
    return esc(fmt::extent(g));
}

std::string fusion_name(const Fusion& u) {
    return esc(u.gene5.empty() ? "?" : u.gene5) + "::" + esc(u.gene3.empty() ? "?" : u.gene3) +
           (u.candidate ? " candidate fusion" : " fusion");
}

std::string frame_text(const Fusion& u) {
    std::string s = !u.in_frame ? "frame unknown" : *u.in_frame ? "in frame" : "out of frame";
    if (!u.frame_source.empty()) s += " (" + u.frame_source + ")";
    return esc(s);
}

std::string kinase_text(const Fusion& u) {
    if (!u.kinase_domain_retained) return "kinase domain: not determined";
    return *u.kinase_domain_retained ? "kinase domain retained" : "kinase domain NOT retained";
}

std::string caller_support(const Junction& j) {
    std::string s = "<b>" + esc(j.kind) + "</b>";
    if (!j.id.empty()) s += " id <code>" + esc(j.id) + "</code>";
    s += "<br>FILTER " + or_dash(esc(j.filter));
    if (j.split_reads) s += " &#183; split reads " + std::to_string(*j.split_reads);
    if (j.spanning_reads) s += " &#183; spanning pairs " + std::to_string(*j.spanning_reads);
    if (!j.caller_frame.empty()) s += " &#183; caller frame " + esc(j.caller_frame);
    s += "<br><span class=\"muted small\">" + esc(j.a.contig_name) + ":" + std::to_string(j.a.pos + 1) + " / " +
         esc(j.b.contig_name) + ":" + std::to_string(j.b.pos + 1) + " &#183; " + esc(j.source) + "</span>";
    return s;
}

// The strongest evidence of a finding: best level, then resistance before the other effects;
// every drug of the rows with that level and effect.
std::string strongest_effect(const std::vector<Match>& ms) {
    const KnowledgeEntry* best = nullptr;
    for (const auto& m : ms) {
        if (!m.entry) continue;
        if (!best || std::pair(m.entry->level, m.entry->effect) < std::pair(best->level, best->effect)) best = m.entry;
    }
    if (!best) return "&#8212;";
    std::vector<std::string> drugs;
    bool all_unverified = true;
    for (const auto& m : ms) {
        if (!m.entry || m.entry->level != best->level || m.entry->effect != best->effect) continue;
        if (m.entry->verified) all_unverified = false;
        for (const auto& d : m.entry->drugs)
            if (std::find(drugs.begin(), drugs.end(), d) == drugs.end()) drugs.push_back(d);
    }
    std::string s = badge(effect_style(best->effect)) + " " + esc_join(drugs, ", ") + "<br><span class=\"small\">level " +
                    level_html(best->level) + "</span>";
    if (all_unverified) s += " " + std::string(kUnverified);
    if (ms.size() > 1) s += "<br><span class=\"muted small\">" + std::to_string(ms.size()) + " evidence rows in total</span>";
    return s;
}

std::string spaced(const std::string& id) {
    std::string s = id;
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

// ---- sections ---------------------------------------------------------------------------

class Writer {
public:
    Writer(const Report& r, std::ostream& out) : r_(r), o_(out) {}

    void write() {
        const auto& p = r_.provenance;
        o_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
           << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           << "<meta name=\"generator\" content=\"rvanno " << esc(p.rvanno_version) << "\">\n"
           << "<title>rvanno resistance report &#8212; " << or_dash(esc(p.sample)) << "</title>\n"
           << "<style>" << html::kStyle << "</style>\n</head>\n<body>\n";
        header();
        notice();
        key_findings();
        matrix();
        evidence();
        copy_number();
        fusions();
        negatives();
        methods();
        o_ << "<footer>" << esc(kResearchUseNotice) << " Generated by rvanno " << esc(p.rvanno_version)
           << "; knowledge base " << esc(p.kb_version) << " (MD5 <span class=\"mono\">" << esc(p.kb_md5)
           << "</span>).</footer>\n</body>\n</html>\n";
    }

private:
    const Report& r_;
    std::ostream& o_;

    void section(const char* id, const char* title, bool new_page) {
        o_ << "<section id=\"" << id << "\"" << (new_page ? " class=\"page\"" : "") << ">\n<h2>" << title << "</h2>\n";
    }
    void end_section() { o_ << "</section>\n"; }
    void empty(const std::string& html_text) { o_ << "<p class=\"empty\">" << html_text << "</p>\n"; }

    static std::string list_or(const std::vector<std::string>& v, const char* none) {
        if (v.empty()) return std::string("<span class=\"muted\">") + none + "</span>";
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : "<br>") + std::string("<span class=\"wrap\">") + esc(x) + "</span>";
        return s;
    }

    void header() {
        const auto& p = r_.provenance;
        const auto& c = r_.context;
        o_ << "<header>\n<h1>Resistance-variant report: <span class=\"wrap\">" << or_dash(esc(p.sample)) << "</span></h1>\n"
           << "<p class=\"subtitle\">rvanno " << esc(p.rvanno_version) << " &#183; knowledge base " << esc(p.kb_version)
           << " &#183; genome build " << esc(p.genome_build) << "</p>\n<table class=\"kv\">\n";
        o_ << "<tr><th>Sample</th><td class=\"wrap\">" << or_dash(esc(p.sample)) << "</td></tr>\n";
        o_ << "<tr><th>Tumour type</th><td>"
           << (c.tumor_type.empty() ? "<span class=\"muted\">not given (context-dependent rows not applied)</span>"
                                    : esc(c.tumor_type))
           << "</td></tr>\n";
        std::string drivers;
        for (const auto& d : c.declared_drivers) drivers += (drivers.empty() ? "" : "<br>") + esc(d) + " <span class=\"muted\">(declared)</span>";
        for (const auto& d : c.detected_drivers) drivers += (drivers.empty() ? "" : "<br>") + esc(d) + " <span class=\"muted\">(detected in this sample)</span>";
        o_ << "<tr><th>Drivers</th><td>" << (drivers.empty() ? "<span class=\"muted\">none declared or detected</span>" : drivers)
           << "</td></tr>\n";
        o_ << "<tr><th>Therapy history</th><td>";
        if (c.therapy_history.empty()) {
            o_ << "<span class=\"muted\">not given</span>";
        } else {
            o_ << "<ol class=\"history\">";
            for (const auto& d : c.therapy_history) o_ << "<li>" << esc(d) << "</li>";
            o_ << "</ol>";
        }
        o_ << "</td></tr>\n";
        o_ << "<tr><th>Small-variant input</th><td>" << list_or(p.inputs, "none") << "</td></tr>\n"
           << "<tr><th>Copy-number input</th><td>" << list_or(p.cnv_inputs, "none") << "</td></tr>\n"
           << "<tr><th>Structural-variant input</th><td>" << list_or(p.sv_inputs, "none") << "</td></tr>\n"
           << "<tr><th>Genome build</th><td>" << or_dash(esc(p.genome_build))
           << (p.genome_build_reason.empty() ? "" : " <span class=\"muted\">(" + esc(p.genome_build_reason) + ")</span>")
           << "</td></tr>\n</table>\n</header>\n";
    }

    void notice() {
        o_ << "<div class=\"notice\" role=\"note\"><strong>&#9888; RESEARCH USE ONLY &#8212; NOT A MEDICAL DEVICE.</strong> "
           << esc(kResearchUseNotice) << "</div>\n";
    }

    bool any_match() const {
        for (const auto& f : r_.findings)
            if (!f.matches.empty()) return true;
        for (const auto& f : r_.copy_number)
            if (!f.matches.empty()) return true;
        for (const auto& f : r_.fusions)
            if (!f.matches.empty()) return true;
        return false;
    }

    void key_findings() {
        section("key-findings", "1. Key findings: alterations that matched the knowledge base", false);
        if (!any_match()) {
            empty("No alteration in this sample matched a knowledge-base row. Genes assessed without an alteration "
                  "are listed in section 6.");
            end_section();
            return;
        }
        o_ << "<table class=\"keyfindings fixed\">\n<colgroup><col style=\"width:22%\"><col style=\"width:11%\">"
              "<col style=\"width:35%\"><col style=\"width:32%\"></colgroup>\n"
              "<thead><tr><th>Alteration</th><th>Type</th><th>Details</th><th>Strongest effect</th></tr></thead>\n<tbody>\n";
        for (std::size_t i = 0; i < r_.findings.size(); ++i) {
            const auto& f = r_.findings[i];
            if (f.matches.empty()) continue;
            const auto& c = f.csq;
            std::string d = esc(fmt::join(c.terms, ", "));
            const std::string loc = fmt::exon_or_intron(c);
            if (!loc.empty()) d += " &#183; " + esc(loc);
            d += " &#183; " + esc(c.transcript) + "<br><span class=\"mono\">" + esc(f.contig_name) + ":" +
                 std::to_string(f.pos + 1) + " " + esc(f.ref) + "&gt;" + esc(f.alt) + "</span>";
            if (f.vaf) d += " &#183; VAF " + fixed(f.vaf, 3);
            if (f.depth) d += " &#183; depth " + std::to_string(*f.depth);
            d += " &#183; FILTER " + or_dash(esc(f.filter));
            o_ << "<tr><td><a href=\"#ev-sv-" << i << "\">" << small_variant_title(f) << "</a></td><td>small variant</td><td>"
               << d << "</td><td>" << strongest_effect(f.matches) << "</td></tr>\n";
        }
        for (std::size_t i = 0; i < r_.copy_number.size(); ++i) {
            const auto& f = r_.copy_number[i];
            if (f.matches.empty()) continue;
            const auto& g = f.cn;
            std::string d = cn_number(g);
            if (g.min_cn && g.max_cn) d += " <span class=\"muted\">(min " + fixed(g.min_cn, 2) + ", max " + fixed(g.max_cn, 2) + ")</span>";
            d += "<br>" + extent_text(g);
            o_ << "<tr><td><a href=\"#ev-cn-" << i << "\"><span class=\"fnum\">" << esc(g.gene) << "</span> "
               << (g.assessed ? esc(to_string(g.cn_class)) : std::string("copy number")) << "</a></td><td>copy number</td><td>"
               << cn_class_text(g) << " &#183; " << d << "</td><td>" << strongest_effect(f.matches) << "</td></tr>\n";
        }
        for (std::size_t i = 0; i < r_.fusions.size(); ++i) {
            const auto& f = r_.fusions[i];
            if (f.matches.empty()) continue;
            const auto& u = f.fusion;
            std::string d = esc(fmt::breakpoints(u));
            if (!u.variant_name.empty()) d += " &#183; <b>" + esc(u.variant_name) + "</b>";
            d += "<br>" + frame_text(u) + " &#183; " + kinase_text(u);
            o_ << "<tr><td><a href=\"#ev-fu-" << i << "\"><span class=\"fnum\">" << fusion_name(u)
               << "</span></a></td><td>fusion</td><td>" << d << "</td><td>" << strongest_effect(f.matches) << "</td></tr>\n";
        }
        o_ << "</tbody>\n</table>\n";
        end_section();
    }

    void legend() {
        const BadgeStyle nob = effect_style(Effect::no_benefit);
        const std::vector<std::pair<std::string, std::string>> items = {
            {badge(verdict_style(VerdictCall::resistant)), "not expected to work (dense hatch)"},
            {badge(verdict_style(VerdictCall::reduced_sensitivity)), "expected to work less well (sparse hatch)"},
            {badge(verdict_style(VerdictCall::sensitive)), "expected to work (plain)"},
            {badge(verdict_style(VerdictCall::conflicting)), "evidence of equal strength both ways (cross-hatch, double border)"},
            {badge(verdict_style(VerdictCall::no_evidence)), "nothing in this sample bears on the drug: not a negative result"},
            {badge(nob), "evidence rows only: no clinical benefit shown (dotted border)"},
            {kLowConfidence, "low confidence, e.g. only bypass or class-level evidence"},
            {"<span class=\"given\">&#8635; ALREADY GIVEN (2nd line)</span>", "in the therapy history, at that position"},
        };
        o_ << "<table class=\"legend keep\" aria-label=\"Legend\">\n<thead><tr><th colspan=\"4\">Legend</th></tr></thead>\n<tbody>\n";
        for (std::size_t i = 0; i < items.size(); i += 2) {
            o_ << "<tr>";
            for (std::size_t k = i; k < i + 2 && k < items.size(); ++k)
                o_ << "<td class=\"mark\">" << items[k].first << "</td><td>" << items[k].second << "</td>";
            o_ << "</tr>\n";
        }
        o_ << "<tr><td class=\"mark\">Strength</td><td colspan=\"3\">evidence level A&#8211;E (CIViC scale: A validated, "
              "B clinical, C case study, D preclinical, E inferential) &#183; AMP/ASCO/CAP 2017 tier of the deciding evidence</td></tr>\n"
              "</tbody>\n</table>\n";
    }

    std::vector<const DrugVerdict*> ordered_verdicts() const {
        std::map<std::string, std::size_t> first;
        for (std::size_t i = 0; i < r_.verdicts.size(); ++i) first.emplace(r_.verdicts[i].drug_class, i);
        std::vector<const DrugVerdict*> v;
        for (const auto& d : r_.verdicts) v.push_back(&d);
        std::stable_sort(v.begin(), v.end(), [&](const DrugVerdict* a, const DrugVerdict* b) {
            auto key = [&](const DrugVerdict* d) {
                const long cls = d->drug_class == "ALK_TKI" ? -1L : static_cast<long>(first.at(d->drug_class));
                return std::pair(cls, d->generation.value_or(INT_MAX));
            };
            return key(a) < key(b);
        });
        return v;
    }

    static std::string evidence_item(const Evidence& ev) {
        std::string s = esc(ev.finding);
        if (ev.entry) {
            s += ": " + esc(spaced(to_string(ev.entry->effect))) + ", level " + esc(to_string(ev.entry->level)) +
                 " <span class=\"mono muted\">" + esc(ev.entry->id) + "</span>";
            if (!ev.entry->verified) s += " " + std::string(kUnverified);
        }
        if (!ev.applies) s += " &#8212; <i>not applied: " + or_dash(esc(ev.why_not)) + "</i>";
        if (ev.superseded) s += " &#8212; <i>superseded by " + or_dash(esc(ev.superseded_by)) + "</i>";
        return s;
    }

    void matrix() {
        section("matrix", "2. Per-drug matrix", true);
        legend();
        if (r_.verdicts.empty()) {
            empty("No drug verdicts: no alteration in this sample bears on a drug of the knowledge base.");
            end_section();
            return;
        }
        o_ << "<table class=\"matrix fixed\">\n<colgroup><col style=\"width:13%\"><col style=\"width:17%\"><col style=\"width:10%\">"
              "<col style=\"width:17%\"><col style=\"width:43%\"></colgroup>\n"
              "<thead><tr><th>Drug</th><th>Verdict</th><th>Strength</th><th>Confidence / history</th>"
              "<th>Rule and evidence</th></tr></thead>\n<tbody>\n";
        std::string cls;
        bool first_row = true;
        for (const DrugVerdict* d : ordered_verdicts()) {
            if (first_row || d->drug_class != cls) {
                cls = d->drug_class;
                first_row = false;
                o_ << "<tr class=\"group\"><th colspan=\"5\">" << or_dash(esc(d->class_name.empty() ? cls : d->class_name))
                   << "</th></tr>\n";
            }
            o_ << "<tr><td><b>" << esc(d->drug) << "</b>";
            if (d->generation) o_ << "<br><span class=\"muted small\">" << ordinal(*d->generation) << " generation</span>";
            o_ << "</td><td class=\"verdict\">" << badge(verdict_style(d->call)) << "</td><td>"
               << (d->strength ? level_html(*d->strength) : std::string("&#8212;")) << "</td><td>";
            std::string conf;
            if (d->low_confidence) conf += kLowConfidence;
            if (d->already_given) {
                conf += std::string(conf.empty() ? "" : "<br>") + "<span class=\"given\">&#8635; ALREADY GIVEN";
                if (d->history_position) conf += " (" + ordinal(*d->history_position) + " line)";
                conf += "</span>";
            }
            o_ << (conf.empty() ? "&#8212;" : conf) << "</td><td class=\"rule\">" << or_dash(esc(d->rule));
            if (!d->evidence.empty()) {
                o_ << "<ul class=\"evidence\">";
                for (const auto& ev : d->evidence)
                    o_ << "<li" << (ev.applies && !ev.superseded ? "" : " class=\"not-applied\"") << ">" << evidence_item(ev) << "</li>";
                o_ << "</ul>";
            }
            o_ << "</td></tr>\n";
        }
        o_ << "</tbody>\n</table>\n";
        std::vector<std::string> unjudged;
        for (const auto& h : r_.context.therapy_history) {
            const bool seen = std::any_of(r_.verdicts.begin(), r_.verdicts.end(), [&](const DrugVerdict& d) { return d.drug == h; });
            if (!seen && std::find(unjudged.begin(), unjudged.end(), h) == unjudged.end()) unjudged.push_back(h);
        }
        if (!unjudged.empty())
            o_ << "<p class=\"small\">Therapy-history drugs without a row above (no evidence in this sample bears on them): "
               << esc_join(unjudged, ", ") << ".</p>\n";
        end_section();
    }

    // One row group per knowledge row: its facts, then its notes across the whole width (notes
    // run to paragraphs; a narrow column would stretch every row over half a page).
    void evidence_table(const std::vector<Match>& ms) {
        o_ << "<table class=\"evidence fixed\">\n<colgroup><col style=\"width:12%\"><col style=\"width:14%\"><col style=\"width:11%\">"
              "<col style=\"width:9%\"><col style=\"width:11%\"><col style=\"width:17%\"><col style=\"width:26%\"></colgroup>\n"
              "<thead><tr><th>Drug</th><th>Effect</th><th>Level &#183; AMP tier</th><th>Disease</th><th>Status</th>"
              "<th>Citations</th><th>Knowledge row &#183; match</th></tr></thead>\n";
        for (const auto& m : ms) {
            if (!m.entry) continue;
            const auto& e = *m.entry;
            std::string row = "<span class=\"mono\">" + esc(e.id) + "</span><br><span class=\"small\">" + esc(to_string(m.how));
            if (!m.detail.empty()) row += ": " + esc(m.detail);
            row += "</span>";
            if (!e.requires_all.empty()) {
                std::vector<std::string> req;
                for (const auto& q : e.requires_all) req.push_back(q.gene + ":p." + q.protein_change);
                row += "<br><span class=\"small\">requires " + esc_join(req, ", ") + "</span>";
            }
            if (!e.mechanism.empty()) row += "<br><span class=\"small muted\">mechanism " + esc(e.mechanism) + "</span>";
            row += "<br><span class=\"small muted\">" + esc(e.file) + ":" + std::to_string(e.line) + "</span>";
            o_ << "<tbody class=\"keep\"><tr><td><b>" << esc_join(e.drugs, ", ") << "</b></td><td>" << badge(effect_style(e.effect))
               << "</td><td>" << level_html(e.level) << "</td><td>" << or_dash(esc_join(e.diseases, ", ")) << "</td><td>"
               << status_html(e) << "</td><td class=\"small wrap\">" << citations_html(e.citations) << "</td><td class=\"wrap\">"
               << row << "</td></tr>\n<tr class=\"notes\"><td colspan=\"7\" class=\"small\"><b>Notes:</b> "
               << notes_html(e.notes) << "</td></tr></tbody>\n";
        }
        o_ << "</table>\n";
    }

    void evidence() {
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
            o_ << "<div class=\"finding-block\" id=\"ev-cn-" << i << "\">\n<h3><span class=\"fnum\">" << esc(f.cn.gene) << "</span> "
               << cn_class_text(f.cn) << " <span class=\"muted small\">(copy number, " << cn_number(f.cn) << ", "
               << extent_text(f.cn) << ")</span></h3>\n";
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

    void copy_number() {
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
        o_ << "<p>Thresholds used: " << (p.cn_settings.empty() ? "<span class=\"muted\">not recorded</span>" : esc(p.cn_settings))
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
        o_ << "<table class=\"cn fixed\">\n<colgroup><col style=\"width:9%\"><col style=\"width:15%\"><col style=\"width:18%\">"
              "<col style=\"width:7%\"><col style=\"width:7%\"><col style=\"width:8%\"><col style=\"width:14%\">"
              "<col style=\"width:14%\"><col style=\"width:8%\"></colgroup>\n<thead><tr><th>Gene</th><th>Transcript</th><th>Location</th><th>CN min</th><th>CN max</th>"
              "<th>Exons cov.</th><th>Class</th><th>Focal / arm-level</th><th>KB rows</th></tr></thead>\n<tbody>\n";
        for (const auto& row : rows) {
            const auto& g = *row.cn;
            std::string loc = "&#8212;";
            if (row.finding && !row.finding->contig_name.empty())
                loc = esc(row.finding->contig_name) + ":" + std::to_string(row.finding->gene_begin + 1) + "&#8211;" +
                      std::to_string(row.finding->gene_end);
            const bool altered = g.assessed && g.cn_class != CnClass::neutral;
            o_ << "<tr><td><b>" << esc(g.gene) << "</b></td><td>" << or_dash(esc(g.transcript)) << "</td><td class=\"small\">" << loc
               << "</td><td>" << or_dash(fixed(g.min_cn, 2)) << "</td><td>" << or_dash(fixed(g.max_cn, 2)) << "</td><td>"
               << fixed(g.covered_fraction * 100, 0) << "%</td><td>" << (altered ? "<b>" : "") << cn_class_text(g)
               << (altered ? "</b>" : "") << "</td><td class=\"small\">" << (g.focal ? esc(fmt::extent(g)) : "&#8212;")
               << "</td><td>" << (row.finding ? std::to_string(row.finding->matches.size()) : std::string("0")) << "</td></tr>\n";
        }
        o_ << "</tbody>\n</table>\n";
        end_section();
    }

    void fusions() {
        const auto& p = r_.provenance;
        section("fusions", "5. Fusions and structural variants", false);
        if (r_.fusions.empty()) {
            empty(p.sv_inputs.empty() ? "No structural-variant input (--sv not given): fusions were not assessed."
                                      : "No junction in the structural-variant input touches a knowledge-base gene.");
            end_section();
            return;
        }
        o_ << "<table class=\"fusions fixed\">\n<colgroup><col style=\"width:15%\"><col style=\"width:17%\"><col style=\"width:17%\">"
              "<col style=\"width:14%\"><col style=\"width:29%\"><col style=\"width:8%\"></colgroup>\n"
              "<thead><tr><th>Fusion</th><th>Partners and exons</th><th>Frame &#183; kinase domain</th><th>Variant</th>"
              "<th>Caller support</th><th>KB rows</th></tr></thead>\n<tbody>\n";
        for (const auto& f : r_.fusions) {
            const auto& u = f.fusion;
            std::string partners = esc(fmt::breakpoints(u));
            if (!u.transcript5.empty() || !u.transcript3.empty())
                partners += "<br><span class=\"muted small\">" + or_dash(esc(u.transcript5)) + " / " + or_dash(esc(u.transcript3)) + "</span>";
            std::string variant = u.variant_name.empty() ? "<span class=\"muted\">not determined</span>" : "<b>" + esc(u.variant_name) + "</b>";
            if (!u.variant_source.empty()) variant += "<br><span class=\"muted small\">" + esc(u.variant_source) + "</span>";
            o_ << "<tr><td><b>" << fusion_name(u) << "</b></td><td>" << partners << "</td><td>" << frame_text(u) << "<br>"
               << kinase_text(u) << "</td><td>" << variant << "</td><td class=\"small\">" << caller_support(u.junction)
               << "</td><td>" << f.matches.size() << "</td></tr>\n";
        }
        o_ << "</tbody>\n</table>\n";
        end_section();
    }

    static std::string gene_sentence(const GeneSummary& g, bool& altered, bool& assessed) {
        std::vector<std::string> parts;
        altered = false;
        assessed = false;
        if (g.cn) {
            if (g.cn->assessed) {
                assessed = true;
                parts.push_back(cn_number(*g.cn) + " " + esc(to_string(g.cn->cn_class)) + (g.cn->partial ? " (partial amplification)" : ""));
                if (g.cn->cn_class != CnClass::neutral) altered = true;
            } else {
                parts.push_back("copy number not covered by the input");
            }
        } else {
            parts.push_back("copy number not assessed");
        }
        if (g.small_variant_alleles < 0) {
            parts.push_back("small variants not assessed");
        } else {
            assessed = true;
            if (g.small_variant_alleles == 0) parts.push_back("no small variant");
            else {
                parts.push_back(std::to_string(g.small_variant_alleles) + " small-variant allele(s), " +
                                std::to_string(g.matched_small_variants) + " matched");
                if (g.matched_small_variants > 0) altered = true;
            }
        }
        if (g.fusions < 0) {
            parts.push_back("fusions not assessed");
        } else {
            assessed = true;
            parts.push_back(g.fusions == 0 ? "no fusion" : std::to_string(g.fusions) + " fusion(s)");
            if (g.fusions > 0) altered = true;
        }
        std::string s;
        for (const auto& x : parts) s += (s.empty() ? "" : ", ") + x;
        return s;
    }

    void negatives() {
        section("negatives", "6. Genes assessed and hotspots", true);
        o_ << "<h3>Genes of the knowledge base</h3>\n";
        if (r_.genes.empty()) {
            empty("No per-gene summary in this report.");
        } else {
            // Every gene once: the negatives as a compact list, the rest (altered, not assessed) as a table.
            std::vector<std::string> negative;
            std::string rows;
            for (const auto& g : r_.genes) {
                bool altered = false, assessed = false;
                const std::string s = gene_sentence(g, altered, assessed);
                if (assessed && !altered) {
                    negative.push_back("<b>" + esc(g.gene) + "</b>: " + s);
                    continue;
                }
                rows += "<tr><td><b>" + esc(g.gene) + "</b></td><td>" + or_dash(esc(g.transcript)) + "</td><td>" + s + "</td><td>" +
                        (altered ? "<b>alteration found</b>" : "<span class=\"hs-na\">NOT ASSESSED</span>") + "</td></tr>\n";
            }
            if (!negative.empty()) {
                o_ << "<p><b>Assessed, no alteration found</b> (" << negative.size() << " genes):</p>\n<ul class=\"plain negatives\">";
                for (const auto& n : negative) o_ << "<li>" << n << "</li>";
                o_ << "</ul>\n";
            } else {
                empty("No knowledge-base gene was assessed without an alteration.");
            }
            if (!rows.empty())
                o_ << "<p><b>Altered or not assessed:</b></p>\n<table class=\"genes fixed\">\n<colgroup><col style=\"width:11%\">"
                      "<col style=\"width:15%\"><col style=\"width:56%\"><col style=\"width:18%\"></colgroup>\n<thead><tr>"
                      "<th>Gene</th><th>Transcript</th><th>Assessed</th><th>Result</th></tr></thead>\n<tbody>\n"
                   << rows << "</tbody>\n</table>\n";
        }
        std::vector<const AlleleFinding*> unmatched;
        for (const auto& f : r_.findings)
            if (f.matches.empty()) unmatched.push_back(&f);
        if (!unmatched.empty()) {
            o_ << "<h3>Other variants in knowledge-base genes (no knowledge-base row matched)</h3>\n"
                  "<table class=\"vus\">\n<thead><tr><th>Variant</th><th>Consequence</th><th>Position</th><th>FILTER</th>"
                  "<th>VAF &#183; depth</th></tr></thead>\n<tbody>\n";
            for (const auto* f : unmatched) {
                o_ << "<tr><td>" << small_variant_title(*f) << "</td><td>" << esc(fmt::join(f->csq.terms, ", "))
                   << (fmt::exon_or_intron(f->csq).empty() ? "" : " &#183; " + esc(fmt::exon_or_intron(f->csq)))
                   << "</td><td class=\"mono small\">" << esc(f->contig_name) << ":" << f->pos + 1 << " " << esc(f->ref)
                   << "&gt;" << esc(f->alt) << "</td><td>" << or_dash(esc(f->filter)) << "</td><td>"
                   << (f->vaf ? fixed(f->vaf, 3) : std::string("&#8212;")) << " &#183; "
                   << (f->depth ? std::to_string(*f->depth) : std::string("&#8212;")) << "</td></tr>\n";
            }
            o_ << "</tbody>\n</table>\n";
        }
        o_ << "<h3>Resistance hotspots of the driver genes</h3>\n";
        if (r_.hotspots.empty()) {
            empty("No hotspot table: no driver was declared or detected, or no hotspot is known for it.");
        } else {
            o_ << "<table class=\"hotspots\">\n<thead><tr><th>Gene</th><th>Hotspot</th><th>Status</th><th>Lowest depth</th>"
                  "<th>Depth source</th><th>Position</th><th>Knowledge rows</th></tr></thead>\n<tbody>\n";
            for (const auto& h : r_.hotspots) {
                std::string state;
                switch (h.state) {
                    case HotspotStatus::State::detected: state = "<span class=\"hs-det\">&#9679; DETECTED</span>"; break;
                    case HotspotStatus::State::not_detected:
                        state = "not detected" + (h.min_depth ? " at depth " + std::to_string(*h.min_depth) : std::string());
                        break;
                    case HotspotStatus::State::not_assessed:
                        state = "<span class=\"hs-na\">NOT ASSESSED</span> <span class=\"small\">(no depth information)</span>";
                        break;
                }
                const std::string contig = h.contig_name.empty() ? h.where.contig : h.contig_name;
                o_ << "<tr><td><b>" << esc(h.gene) << "</b></td><td>" << esc(h.hotspot) << "</td><td>" << state << "</td><td>"
                   << (h.min_depth ? std::to_string(*h.min_depth) : std::string("&#8212;")) << "</td><td>"
                   << or_dash(esc(h.depth_source)) << "</td><td class=\"mono small\">"
                   << (contig.empty() ? std::string("&#8212;")
                                      : esc(contig) + ":" + std::to_string(h.where.begin + 1) + "&#8211;" + std::to_string(h.where.end))
                   << "</td><td class=\"small wrap\">" << or_dash(esc(h.kb_ids)) << "</td></tr>\n";
            }
            o_ << "</tbody>\n</table>\n";
        }
        end_section();
    }

    void methods() {
        const auto& p = r_.provenance;
        section("methods", "7. Methods, versions and provenance", true);
        o_ << "<p>Small variants are annotated on the MANE Select transcript of each knowledge-base gene by rvanno's own "
              "consequence engine (HGVS c., and HGVS p. from the reference sequence or existing annotation) and matched "
              "against the curated knowledge base by genomic allele, HGVS c., protein change, codon, residue range or "
              "variant class (loss of function, missense). Gene-level copy number is the minimum and maximum over the "
              "transcript's exons, classed with the thresholds below. Fusions are annotated on MANE transcripts "
              "(partners, exons, frame from intron phases, kinase-domain retention, named variants). Per-drug verdicts "
              "follow the documented rules (the rule text is given per drug). Evidence levels are CIViC-scale A&#8211;E "
              "with the AMP/ASCO/CAP 2017 tier. Positions are 1-based.</p>\n<table class=\"kv\">\n";
        auto kv = [&](const char* k, const std::string& v_html) { o_ << "<tr><th>" << k << "</th><td>" << v_html << "</td></tr>\n"; };
        kv("rvanno version", or_dash(esc(p.rvanno_version)));
        kv("HTSlib version", or_dash(esc(p.htslib_version)));
        kv("Knowledge base version", or_dash(esc(p.kb_version)));
        kv("Knowledge base MD5", "<span class=\"mono wrap\">" + or_dash(esc(p.kb_md5)) + "</span>");
        kv("Genome build", or_dash(esc(p.genome_build)) +
                               (p.genome_build_reason.empty() ? "" : " (" + esc(p.genome_build_reason) + ")"));
        kv("Reference FASTA", p.fasta.empty() ? "<span class=\"muted\">not given</span>" : "<span class=\"wrap\">" + esc(p.fasta) + "</span>");
        kv("Small-variant input", list_or(p.inputs, "none"));
        kv("Copy-number input", list_or(p.cnv_inputs, "none"));
        kv("Structural-variant input", list_or(p.sv_inputs, "none"));
        kv("Copy-number thresholds", p.cn_settings.empty() ? "<span class=\"muted\">not applicable</span>" : esc(p.cn_settings));
        std::string counters;
        for (const auto& [k, v] : r_.counters.values) counters += (counters.empty() ? "" : "<br>") + esc(k) + " = " + std::to_string(v);
        kv("Counters", counters.empty() ? "&#8212;" : "<span class=\"small\">" + counters + "</span>");
        kv("Command line", "<pre class=\"cmd\">" + or_dash(esc(p.command_line)) + "</pre>");
        o_ << "</table>\n";
        end_section();
    }
};

}  // namespace

void write_html(const Report& r, std::ostream& out) { Writer(r, out).write(); }

}  // namespace rvanno
