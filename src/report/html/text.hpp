// Text helpers of the HTML report: escaping, citation links, badges and short descriptions of
// findings. Private to src/report/html/. Every function returns HTML-safe text.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "rvanno/report.hpp"

namespace rvanno::html {

// Escapes & < > " ' and replaces C0 control characters (except tab and newline) and DEL by
// U+FFFD, so that no input can open a tag, an attribute or an entity.
std::string esc(std::string_view s);
std::string or_dash(const std::string& escaped);
std::string esc_join(const std::vector<std::string>& v, const char* sep);
std::string ordinal(int n);
bool istarts(const std::string& s, std::string_view prefix);
// Percent-encodes a DOI for a doi.org URL (RFC 3986 path characters kept).
std::string doi_url_path(const std::string& doi);
// "PMID:n" -> PubMed link, "DOI:10.x/y" -> doi.org link; anything else as escaped text.
std::string citation_html(const std::string& raw);
std::string citations_html(const std::vector<std::string>& cs);
struct BadgeStyle {
    const char* css;
    const char* symbol;
    const char* label;
};

BadgeStyle verdict_style(VerdictCall c);
BadgeStyle effect_style(Effect e);
std::string badge(const BadgeStyle& b);
extern const char* const kLowConfidence;
extern const char* const kUnverified;
extern const char* const kCivic;  // the CIViC-layer badge of a row (status civic)
// "<br>CIViC layer: EID12 (rating 4/5; ...)" for a civic row, "<br>also in CIViC: EID1, AID7" for a
// curated row that CIViC rows were merged into; "" otherwise.
std::string layer_html(const KnowledgeEntry& e);
std::string level_html(EvidenceLevel l, const std::string& tier);
std::string status_html(const KnowledgeEntry& e);
std::string notes_html(const std::string& notes);
std::string protein_text(const Consequence& c);
std::string small_variant_title(const AlleleFinding& f);
std::string cn_number(const GeneCopyNumber& g);
std::string cn_class_text(const GeneCopyNumber& g);
std::string extent_text(const GeneCopyNumber& g);
std::string fusion_name(const Fusion& u);
std::string frame_text(const Fusion& u);
std::string kinase_text(const Fusion& u);
std::string caller_support(const Junction& j);
// The strongest evidence of a finding: best level, then resistance before the other effects;
// every drug of the rows with that level and effect.
std::string strongest_effect(const std::vector<Match>& ms, const std::string& tumor_type);
std::string spaced(const std::string& id);

}  // namespace rvanno::html
