// The HTML report writer: one method per section (definitions in findings.cpp and details.cpp
// beside it). Private to src/report/html/.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "report/writers.hpp"
#include "rvanno/report.hpp"

namespace rvanno::html {

class Writer {
public:
    Writer(const Report& r, std::ostream& out) : r_(r), o_(out) {}

    void write();

private:
    const Report& r_;
    std::ostream& o_;
    void section(const char* id, const char* title, bool new_page);
    void end_section() { o_ << "</section>\n"; }
    void empty(const std::string& html_text) { o_ << "<p class=\"empty\">" << html_text << "</p>\n"; }

    static std::string list_or(const std::vector<std::string>& v, const char* none);
    void header();
    void notice();
    bool any_match() const;
    void key_findings();
    void legend();
    std::vector<const DrugVerdict*> ordered_verdicts() const;
    static std::string evidence_item(const Evidence& ev);
    void matrix();

    // One row group per knowledge row: its facts, then its notes across the whole width (notes
    // run to paragraphs; a narrow column would stretch every row over half a page).
    void evidence_table(const std::vector<Match>& ms);
    void evidence();
    void copy_number();
    void fusions();
    void vus();
    static std::string gene_sentence(const GeneSummary& g, bool& altered, bool& assessed);
    void other_genes();
    void hotspots();
    void negatives();
    void methods();
};

}  // namespace rvanno::html
