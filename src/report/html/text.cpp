#include "report/html/text.hpp"

#include <algorithm>
#include <cctype>
#include <climits>

#include "base/strings.hpp"
#include "report/format.hpp"

namespace rvanno::html {

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
            case '&':
                r += "&amp;";
                break;
            case '<':
                r += "&lt;";
                break;
            case '>':
                r += "&gt;";
                break;
            case '"':
                r += "&quot;";
                break;
            case '\'':
                r += "&#39;";
                break;
            default:
                if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
                    r += "\xEF\xBF\xBD";
                else
                    r += ch;
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
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
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
        if (!id.empty() && id.size() <= 10 &&
            std::all_of(id.begin(), id.end(), [](char x) { return x >= '0' && x <= '9'; }))
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

BadgeStyle verdict_style(VerdictCall c) {
    switch (c) {
        case VerdictCall::resistant:
            return {"v-res", "&#10006;", "RESISTANT"};
        case VerdictCall::reduced_sensitivity:
            return {"v-red", "&#9660;", "REDUCED SENSITIVITY"};
        case VerdictCall::sensitive:
            return {"v-sen", "&#10004;", "SENSITIVE"};
        case VerdictCall::conflicting:
            return {"v-con", "&#8644;", "CONFLICTING"};
        case VerdictCall::phase_decides:
            return {"v-con", "&#8645;", "PHASE DECIDES"};
        case VerdictCall::no_evidence:
            break;
    }
    return {"v-none", "&#9675;", "NO EVIDENCE"};
}

BadgeStyle effect_style(Effect e) {
    switch (e) {
        case Effect::resistance:
            return {"v-res", "&#10006;", "RESISTANCE"};
        case Effect::reduced_sensitivity:
            return {"v-red", "&#9660;", "REDUCED SENSITIVITY"};
        case Effect::sensitivity:
            return {"v-sen", "&#10004;", "SENSITIVITY"};
        case Effect::no_resistance:
            return {"v-nob", "&#8856;", "NO RESISTANCE"};
        case Effect::no_benefit:
            break;
    }
    return {"v-nob", "&#8709;", "NO BENEFIT"};
}

std::string badge(const BadgeStyle& b) {
    return std::string("<span class=\"badge ") + b.css + "\"><span class=\"sym\" aria-hidden=\"true\">" + b.symbol +
           "</span>" + b.label + "</span>";
}

const char* const kLowConfidence = "<span class=\"lowconf\">&#9680; LOW CONFIDENCE</span>";
const char* const kUnverified = "<span class=\"unverified\">&#10033; UNVERIFIED</span>";
const char* const kCivic =
    "<span class=\"unverified civic\" title=\"CIViC-curated, not re-read by rvanno's curators\">CIViC layer</span>";

std::string level_html(EvidenceLevel l, const std::string& tier) {
    return "<b>" + esc(to_string(l)) + "</b> &#183; <span class=\"nw\">" + esc(tier) + "</span>";
}

std::string status_html(const KnowledgeEntry& e) {
    if (e.status == EntryStatus::civic) return kCivic;
    return e.verified ? "<span class=\"verified\">verified</span>" : kUnverified;
}

std::string layer_html(const KnowledgeEntry& e) {
    std::string s;
    if (e.layer == "civic") {
        std::vector<std::string> facts;
        if (!e.civic().civic_rating.empty()) facts.push_back("rating " + e.civic().civic_rating + "/5");
        if (!e.civic().civic_disease.empty()) facts.push_back(e.civic().civic_disease);
        if (!e.civic().civic_amp_tier.empty()) facts.push_back(e.civic().civic_amp_tier);
        if (!e.civic().nct_ids.empty()) facts.push_back(e.civic().nct_ids);
        for (const auto& r : e.civic().restrictions) facts.push_back("match_restrict " + r.text);
        s = "<br><span class=\"small\">CIViC layer: " + esc(e.civic().civic_id) +
            (facts.empty() ? "" : " (" + esc(join(facts, "; ")) + ")") + "</span>";
    }
    if (!e.civic().also_in_civic.empty())
        s += "<br><span class=\"small\">also in CIViC: " + esc(join(e.civic().also_in_civic, ", ")) + "</span>";
    return s;
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
    if (!g.min_cn && g.discrete_call) return esc(fmt::cn_level(g));  // a call, never a copy number
    if (!g.min_cn) return "CN not known";
    if (!g.max_cn || fixed(g.min_cn, 2) == fixed(g.max_cn, 2)) return "CN " + fixed(g.min_cn, 2);
    return "CN " + fixed(g.min_cn, 2) + "&#8211;" + fixed(g.max_cn, 2);
}

std::string cn_class_text(const GeneCopyNumber& g) {
    const std::string skipped = g.skipped_lines.empty() ? "" : " &#8212; " + esc(fmt::cn_skipped_note(g).substr(2));
    if (!g.assessed) return "not assessed (no segment over its exons)" + skipped;
    return esc(to_string(g.cn_class)) + (g.partial ? " (partial amplification)" : "") +
           (g.discrete_call && !g.min_cn ? " (" + esc(fmt::cn_level(g)) + ")" : "") + skipped;
}

std::string extent_text(const GeneCopyNumber& g) {
    if (!g.focal) return "focality not determined";
    return esc(fmt::extent(g));
}

std::string fusion_name(const Fusion& u) {
    return esc(fmt::partners(u)) + (u.candidate ? " candidate fusion" : " fusion");
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
std::string strongest_effect(const std::vector<Match>& ms, const std::string& tumor_type) {
    const KnowledgeEntry* best = nullptr;
    for (const auto& m : ms) {
        if (!m.entry || m.amino_acid_unknown) continue;  // shown in the evidence, never an effect
        if (!best || std::pair(m.entry->level, m.entry->effect) < std::pair(best->level, best->effect)) best = m.entry;
    }
    if (!best)
        return ms.empty() ? "&#8212;"
                          : "<span class=\"muted\">" + esc(kAminoAcidUnknown) + ": " + std::to_string(ms.size()) +
                                " row(s) at this codon, not counted</span>";
    std::vector<std::string> drugs;
    bool all_unverified = true;
    for (const auto& m : ms) {
        if (!m.entry || m.amino_acid_unknown || m.entry->level != best->level || m.entry->effect != best->effect)
            continue;
        if (m.entry->verified) all_unverified = false;
        for (const auto& d : m.entry->drugs)
            if (std::find(drugs.begin(), drugs.end(), d) == drugs.end()) drugs.push_back(d);
    }
    std::string s = badge(effect_style(best->effect)) + " " + esc_join(drugs, ", ") +
                    "<br><span class=\"small\">level " + level_html(best->level, amp_tier(*best, tumor_type)) +
                    "</span>";
    if (all_unverified) s += " " + std::string(kUnverified);
    if (ms.size() > 1)
        s += "<br><span class=\"muted small\">" + std::to_string(ms.size()) + " evidence rows in total</span>";
    return s;
}

std::string spaced(const std::string& id) {
    std::string s = id;
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

}  // namespace rvanno::html
