// HTML report, the gene sections: alterations without knowledge (VUS) and the genes assessed
// (knowledge-base genes one by one, the other examined genes compactly) with the hotspots.
#include <algorithm>
#include <cctype>
#include <map>

#include "report/format.hpp"
#include "report/html/text.hpp"
#include "report/html/writer.hpp"

namespace rvanno::html {

using fmt::fixed;

namespace {

// A whole-genome file can have thousands of protein-altering alleles without knowledge and
// thousands of genes with an allele; the report shows this many of each and counts the rest
// (the TSV, JSON and --gene-table outputs list every one).
constexpr std::size_t kMaxVusRows = 200;
constexpr std::size_t kMaxOtherGenes = 300;

std::string position(const AlleleFinding& f) {
    return esc(f.contig_name) + ":" + std::to_string(f.pos + 1) + " " + esc(f.ref) + "&gt;" + esc(f.alt);
}

std::string vaf_depth(const AlleleFinding& f) {
    return (f.vaf ? fixed(f.vaf, 3) : std::string("&#8212;")) + " &#183; " +
           (f.depth ? std::to_string(*f.depth) : std::string("&#8212;"));
}

// The provenance sentence of the genes examined, as a sentence of the report.
std::string examined_sentence(const std::string& examined) {
    std::string s = esc(examined);
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return "<p class=\"small muted\">" + s + ".</p>\n";
}

std::string consequence_text(const AlleleFinding& f) {
    const std::string loc = fmt::exon_or_intron(f.csq);
    return esc(fmt::join(f.csq.terms, ", ")) + (loc.empty() ? "" : " &#183; " + esc(loc));
}

}  // namespace

void Writer::vus() {
    section("vus", "6. Alterations without knowledge (VUS)", true);
    std::map<std::string, const GeneSummary*> genes;
    for (const auto& g : r_.genes) genes.emplace(g.gene, &g);
    std::vector<const AlleleFinding*> rows;
    for (const auto& f : r_.findings)
        if (f.no_knowledge()) rows.push_back(&f);
    // Genes with knowledge rows first (a row of theirs could have matched), input order within.
    auto has_rows = [&](const AlleleFinding* f) {
        auto it = genes.find(f->csq.gene);
        return it != genes.end() && it->second->knowledge_rows > 0;
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const AlleleFinding* a, const AlleleFinding* b) { return has_rows(a) && !has_rows(b); });
    o_ << "<p>Protein-altering alleles (or alleles of a loss-of-function class) in the examined genes that matched no "
          "knowledge-base row: variants of unknown significance <i>for this knowledge base</i>. Genes outside the "
          "knowledge base have no curated resistance knowledge: these alterations are listed so that they are "
          "seen, not interpreted; no drug, effect or evidence level is given for them.</p>\n";
    if (!r_.provenance.examined.empty()) o_ << examined_sentence(r_.provenance.examined);
    if (!r_.provenance.not_listed.empty())
        o_ << "<p class=\"small\"><b>Not every allele is listed here:</b> " << esc(r_.provenance.not_listed)
           << "</p>\n";
    if (rows.empty()) {
        empty(r_.provenance.inputs.empty()
                  ? "No small-variant input: no gene was examined for small variants."
                  : "No protein-altering allele without a knowledge-base row in the examined genes.");
        end_section();
        return;
    }
    o_ << "<table class=\"vus fixed\">\n<colgroup><col style=\"width:24%\"><col style=\"width:24%\"><col "
          "style=\"width:20%\"><col style=\"width:12%\"><col style=\"width:20%\"></colgroup>\n"
          "<thead><tr><th>Variant</th><th>Consequence</th><th>Position</th><th>VAF &#183; depth</th>"
          "<th>Knowledge</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < rows.size() && i < kMaxVusRows; ++i) {
        const AlleleFinding& f = *rows[i];
        o_ << "<tr><td>" << small_variant_title(f) << "<br><span class=\"muted small\">" << esc(f.csq.transcript)
           << "</span></td><td>" << consequence_text(f) << "</td><td class=\"mono small\">" << position(f)
           << "</td><td>" << vaf_depth(f) << "</td><td class=\"small\">"
           << (has_rows(&f) ? "knowledge-base gene; no row matches" : "no curated knowledge for the gene")
           << "</td></tr>\n";
    }
    o_ << "</tbody>\n</table>\n";
    if (rows.size() > kMaxVusRows)
        o_ << "<p><b>" << rows.size() - kMaxVusRows << " more</b> not shown here (" << rows.size()
           << " in all; the TSV and JSON outputs list every one).</p>\n";
    end_section();
}

std::string Writer::gene_sentence(const GeneSummary& g, bool& altered, bool& assessed) {
    std::vector<std::string> parts;
    altered = false;
    assessed = false;
    if (g.cn) {
        if (g.cn->assessed) {
            assessed = true;
            parts.push_back(cn_number(*g.cn) + " " + esc(to_string(g.cn->cn_class)) +
                            (g.cn->partial ? " (partial amplification)" : ""));
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
        if (g.small_variant_alleles == 0)
            parts.push_back("no small variant");
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

void Writer::other_genes() {
    std::vector<const GeneSummary*> other;
    for (const auto& g : r_.genes)
        if (!g.kb_gene) other.push_back(&g);
    o_ << "<h3>Other genes examined for small variants</h3>\n";
    if (!r_.provenance.examined.empty()) o_ << examined_sentence(r_.provenance.examined);
    if (other.empty()) {
        empty("No allele in a gene outside the knowledge base.");
        return;
    }
    o_ << "<p>" << other.size()
       << " genes outside the knowledge base have alleles (copy number and fusions are assessed for the "
          "knowledge-base genes only):</p>\n<p class=\"small\">";
    for (std::size_t i = 0; i < other.size() && i < kMaxOtherGenes; ++i) {
        const GeneSummary& g = *other[i];
        o_ << (i ? "; " : "") << "<b>" << esc(g.gene) << "</b> ";
        if (g.small_variant_alleles < 0)
            o_ << "<span class=\"hs-na\">NOT ASSESSED</span>";
        else
            o_ << g.small_variant_alleles
               << (g.no_knowledge_alleles ? ", " + std::to_string(g.no_knowledge_alleles) + " without knowledge"
                                          : std::string());
    }
    o_ << "</p>\n";
    if (other.size() > kMaxOtherGenes)
        o_ << "<p>and <b>" << other.size() - kMaxOtherGenes << " more</b> (--gene-table lists every gene).</p>\n";
}

void Writer::negatives() {
    section("negatives", "7. Genes assessed and hotspots", true);
    o_ << "<h3>Genes of the knowledge base</h3>\n";
    std::vector<const GeneSummary*> kb_genes;
    for (const auto& g : r_.genes)
        if (g.kb_gene) kb_genes.push_back(&g);
    if (kb_genes.empty()) {
        empty("No per-gene summary in this report.");
    } else {
        // Every gene once: the negatives as a compact list, the rest (altered, not assessed) as a table.
        std::vector<std::string> negative;
        std::string rows;
        for (const auto* gp : kb_genes) {
            const auto& g = *gp;
            bool altered = false, assessed = false;
            const std::string s = gene_sentence(g, altered, assessed);
            if (assessed && !altered) {
                negative.push_back("<b>" + esc(g.gene) + "</b>: " + s);
                continue;
            }
            rows += "<tr><td><b>" + esc(g.gene) + "</b></td><td>" + or_dash(esc(g.transcript)) + "</td><td>" + s +
                    "</td><td>" + (altered ? "<b>alteration found</b>" : "<span class=\"hs-na\">NOT ASSESSED</span>") +
                    "</td></tr>\n";
        }
        if (!negative.empty()) {
            o_ << "<p><b>Assessed, no alteration found</b> (" << negative.size()
               << " genes):</p>\n<ul class=\"plain negatives\">";
            for (const auto& n : negative) o_ << "<li>" << n << "</li>";
            o_ << "</ul>\n";
        } else {
            empty("No knowledge-base gene was assessed without an alteration.");
        }
        if (!rows.empty())
            o_ << "<p><b>Altered or not assessed:</b></p>\n<table class=\"genes fixed\">\n<colgroup><col "
                  "style=\"width:11%\">"
                  "<col style=\"width:15%\"><col style=\"width:56%\"><col style=\"width:18%\"></colgroup>\n<thead><tr>"
                  "<th>Gene</th><th>Transcript</th><th>Assessed</th><th>Result</th></tr></thead>\n<tbody>\n"
               << rows << "</tbody>\n</table>\n";
    }
    if (!r_.provenance.inputs.empty()) other_genes();
    std::vector<const AlleleFinding*> unmatched;
    for (const auto& f : r_.findings)
        if (f.matches.empty() && !f.no_knowledge()) unmatched.push_back(&f);
    if (!unmatched.empty()) {
        o_ << "<h3>Other variants in knowledge-base genes (not protein-altering; no knowledge-base row matched)</h3>\n"
              "<table class=\"vus\">\n<thead><tr><th>Variant</th><th>Consequence</th><th>Position</th><th>FILTER</th>"
              "<th>VAF &#183; depth</th></tr></thead>\n<tbody>\n";
        for (const auto* f : unmatched)
            o_ << "<tr><td>" << small_variant_title(*f) << "</td><td>" << consequence_text(*f)
               << "</td><td class=\"mono small\">" << position(*f) << "</td><td>" << or_dash(esc(f->filter))
               << "</td><td>" << vaf_depth(*f) << "</td></tr>\n";
        o_ << "</tbody>\n</table>\n";
    }
    hotspots();
    end_section();
}

}  // namespace rvanno::html
