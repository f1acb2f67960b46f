// Stage 5, REPORT: takes a finished Report (findings, matches, verdicts, hotspots) and gives
// its TSV, JSON and HTML forms (columns and schemas: docs/output.md, docs/html_report.md).
// Compare and cohort writers: src/report/compare.hpp, src/report/cohort.hpp.
#pragma once
#include <ostream>

#include "rvanno/report.hpp"

namespace rvanno {

extern const char* const kResearchUseNotice;

// TSV: one row per (match, drug) for every finding type (column `finding`).
void write_tsv(const Report& r, std::ostream& out);
// The per-gene table (copy number, small variants, fusions), with the same provenance lines.
void write_gene_table_tsv(const Report& r, std::ostream& out);
// The per-drug verdicts: one row per drug, with the deciding rule and rows.
void write_verdict_table_tsv(const Report& r, std::ostream& out);
void write_json(const Report& r, std::ostream& out);
// One self-contained HTML file for a tumour board (inline CSS, no script, nothing loaded;
// every input-derived value escaped). Sections: docs/html_report.md.
void write_html(const Report& r, std::ostream& out);

}  // namespace rvanno
