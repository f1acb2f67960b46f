// Text spellings only the report writers use: optional integers, a consequence's exon or
// intron, a gene copy number's extent. Numbers and lists come from base/strings.hpp and a
// fusion's breakpoints from consequence/fusion_annotation.hpp; they are named in fmt:: too, so
// writers can say fmt::fixed, fmt::join and fmt::breakpoints. Private to src/report and src/cli.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "base/strings.hpp"
#include "consequence/fusion_annotation.hpp"
#include "consequence/gene_copy_number.hpp"
#include "rvanno/consequence.hpp"
#include "rvanno/copy_number.hpp"
#include "rvanno/report.hpp"

namespace rvanno::fmt {

using rvanno::breakpoints;
using rvanno::fixed;
using rvanno::join;
using rvanno::partners;

inline std::string opt_int(std::optional<int> v) { return v ? std::to_string(*v) : ""; }
inline std::string exon_or_intron(const Consequence& c) {
    if (c.exon) return "exon " + std::to_string(c.exon) + "/" + std::to_string(c.exon_count);
    if (c.intron) return "intron " + std::to_string(c.intron) + "/" + std::to_string(c.exon_count - 1);
    return "";
}
// "CN min 8.00 max 8.00", or for a discrete call "cBioPortal discrete call 2 (high-level
// amplification), not a copy number".
inline std::string cn_level(const GeneCopyNumber& g) {
    if (g.discrete_call && !g.min_cn) return describe_discrete_call(*g.discrete_call) + ", not a copy number";
    return "CN min " + fixed(g.min_cn, 2) + " max " + fixed(g.max_cn, 2);
}
// "; partial: malformed input line(s) f.cns:12 skipped over this gene" or "".
inline std::string cn_skipped_note(const GeneCopyNumber& g) {
    if (g.skipped_lines.empty()) return "";
    return "; partial: malformed input line(s) " + join(g.skipped_lines, ", ") + " skipped over this gene";
}
// "focal 2p (3.1% of the arm, 1.2 Mb)" / "arm-level 2p" / ""
inline std::string extent(const GeneCopyNumber& g) {
    if (!g.focal) return "";
    std::string s = (*g.focal ? "focal " : "arm-level ") + g.arm;
    if (g.arm_fraction) s += " (" + fixed(*g.arm_fraction * 100, 1) + "% of the arm";
    if (g.event_length) s += ", " + fixed(static_cast<double>(*g.event_length) / 1e6, 2) + " Mb";
    return s + ")";
}

// The knowledge-base rows per gene of the report's gene summary (once per report: a whole
// genome has thousands of "no knowledge" findings).
inline std::map<std::string, long> knowledge_rows(const Report& r) {
    std::map<std::string, long> out;
    for (const auto& g : r.genes) out.emplace(g.gene, g.knowledge_rows);
    return out;
}
// Why a "no knowledge" finding (AlleleFinding::no_knowledge) is listed, from its gene's row
// count: "no knowledge: TP53 has no knowledge-base rows (no curated resistance knowledge)".
inline std::string no_knowledge_detail(const AlleleFinding& f, const std::map<std::string, long>& rows_by_gene) {
    const auto it = rows_by_gene.find(f.csq.gene);
    const long rows = it == rows_by_gene.end() ? 0 : it->second;
    // Without a protein change (no --fasta, no annotation) rows that need one could not be
    // tried: say so, so "no knowledge" is not read as "no row applies".
    const std::string unknown = rows > 0 && f.csq.protein_change.empty()
                                    ? " as far as can be told: its protein change is unknown (give --fasta)"
                                    : "";
    return rows == 0 ? "no knowledge: " + f.csq.gene + " has no knowledge-base rows (no curated resistance knowledge)"
                     : "no knowledge: none of the " + std::to_string(rows) + " knowledge-base rows of " + f.csq.gene +
                           " matches this allele" + unknown;
}

}  // namespace rvanno::fmt
