// The fusion tables that name both partners without strands: Hartwig LINX, cBioPortal
// structural variants, and the OncoKB annotator's fusion and SV inputs. The rules are at the
// top of sv/table_layouts.cpp.
#include <algorithm>

#include "base/strings.hpp"
#include "io/sv/table_layouts.hpp"
#include "rvanno/error.hpp"

namespace rvanno::sv {

namespace {

// The first of `columns` the row has a non-empty cell for.
std::string first_cell(const TableRow& r, std::initializer_list<const char*> columns) {
    for (const char* c : columns)
        if (!r.cell(c).empty()) return r.cell(c);
    return "";
}

// A breakpoint "chr:pos" from separate chromosome and position cells ("" if either is empty).
std::string breakpoint_text(const TableRow& r, const std::string& chrom, const std::string& pos) {
    const std::string& c = r.cell(chrom);
    const std::string& p = r.cell(pos);
    if (c.empty() || c == "NA" || p.empty() || p == "NA") return "";
    return c + ":" + p;
}

// Two genes from an OncoKB fusion name: "ALK-EML4 fusion", "EML4-ALK", "EML4--ALK".
std::pair<std::string, std::string> split_pair(const TableRow& r, std::string name) {
    const std::string l = lower(name);
    if (l.size() > 7 && l.substr(l.size() - 7) == " fusion") name = trim(name.substr(0, name.size() - 7));
    if (auto dd = name.find("--"); dd != std::string::npos) return {name.substr(0, dd), name.substr(dd + 2)};
    const auto parts = split(name, '-');
    if (parts.size() != 2 || parts[0].empty() || parts[1].empty())
        throw InputError(r.where, "Fusion '" + name + "' does not split into two genes at one '-'",
                         "write the pair as GENE1-GENE2 (or GENE1--GENE2 when a name contains '-')");
    return {parts[0], parts[1]};
}

}  // namespace

RowOutcome linx_row(const TableRow& r, Junction& j) {
    j.kind = "linx";
    j.id = r.cell("name");
    j.gene_a = gene_symbol(first_cell(r, {"genestart", "genenameup"}));
    j.gene_b = gene_symbol(first_cell(r, {"geneend", "genenamedown"}));
    if (j.gene_a.empty() && j.gene_b.empty()) {
        const auto u = j.id.find('_');  // "TMPRSS2_ERG"
        if (u == std::string::npos || u == 0 || u + 1 >= j.id.size())
            throw InputError(r.where, "no gene names (geneStart/geneEnd) and name '" + j.id + "' is not A_B",
                             "give the LINX fusion table as LINX wrote it");
        j.gene_a = j.id.substr(0, u);
        j.gene_b = j.id.substr(u + 1);
    }
    const std::string reported = lower(r.cell("reported"));
    if (reported != "true" && reported != "false")
        throw InputError(r.where, "reported '" + r.cell("reported") + "' is not true or false",
                         "LINX writes reported as true or false");
    const std::string type = r.cell("reportedtype");
    j.filter = reported == "true" ? "reported" : "not_reported";
    const std::string phased = r.cell("phased");
    if (phased == "INFRAME")
        j.caller_frame = "in-frame";
    else if (phased == "OUT_OF_FRAME")
        j.caller_frame = "out-of-frame";
    j.caller_note = "LINX reported=" + reported + (type.empty() ? "" : " (" + type + ")") + ", phased " +
                    (phased.empty() ? "?" : phased);
    const std::string up = r.cell("fusedexonup"), down = r.cell("fusedexondown");
    if (!up.empty() && !down.empty()) {
        j.caller_note += ", exon " + up + " -> exon " + down;
        const std::string tu = first_cell(r, {"transcriptstart", "transcriptup"});
        const std::string td = first_cell(r, {"transcriptend", "transcriptdown"});
        if (!tu.empty() && !td.empty()) j.caller_note += " on " + tu + "/" + td + " (LINX's transcripts, not MANE)";
    }
    j.a.keeps_left = true;
    j.b.keeps_left = false;
    return RowOutcome::junction;
}

RowOutcome cbioportal_row(const TableRow& r, Junction& j) {
    j.kind = "cbioportal";
    j.unordered = true;
    j.gene_a = gene_symbol(r.cell("Site1_Hugo_Symbol"));
    j.gene_b = gene_symbol(r.cell("Site2_Hugo_Symbol"));
    if (j.gene_a.empty() && j.gene_b.empty())
        throw InputError(r.where, "neither Site1_Hugo_Symbol nor Site2_Hugo_Symbol is given",
                         "rvanno matches genes by HGNC symbol; Entrez-only rows cannot be placed");
    if (!j.gene_a.empty() && j.gene_a == j.gene_b) return RowOutcome::not_a_fusion;  // intragenic
    if (!read_side(r, breakpoint_text(r, "Site1_Chromosome", "Site1_Position"), true, j.a) ||
        !read_side(r, breakpoint_text(r, "Site2_Chromosome", "Site2_Position"), false, j.b))
        return RowOutcome::nonprimary;
    for (const char* c : {"Annotation", "Event_Info"})
        if (j.id.empty() && r.cell(c) != "NA") j.id = r.cell(c);
    j.filter = r.cell("SV_Status") == "NA" ? "" : r.cell("SV_Status");
    j.caller_frame = frame_word(r.cell("Site2_Effect_On_Frame"));
    j.split_reads = r.count("Tumor_Split_Read_Count");
    j.spanning_reads = r.count("Tumor_Paired_End_Read_Count");
    return RowOutcome::junction;
}

RowOutcome oncokb_fusion_row(const TableRow& r, Junction& j) {
    j.kind = "oncokb";
    j.unordered = true;
    const std::string& name = r.cell("Fusion");
    if (lower(name).find("intragenic") != std::string::npos) return RowOutcome::not_a_fusion;
    auto [a, b] = split_pair(r, name);
    j.gene_a = gene_symbol(a);
    j.gene_b = gene_symbol(b);
    if (j.gene_a.empty() || j.gene_b.empty())
        throw InputError(r.where, "Fusion '" + name + "' names no gene on one side", "write it as GENE1-GENE2");
    if (j.gene_a == j.gene_b) return RowOutcome::not_a_fusion;
    j.id = name;
    j.caller_frame = frame_word(r.cell("Frame"));
    j.a.keeps_left = true;
    j.b.keeps_left = false;
    return RowOutcome::junction;
}

RowOutcome oncokb_sv_row(const TableRow& r, Junction& j) {
    j.kind = "oncokb";
    j.unordered = true;
    j.gene_a = gene_symbol(r.cell("GeneA"));
    j.gene_b = gene_symbol(r.cell("GeneB"));
    if (j.gene_a.empty() && j.gene_b.empty())
        throw InputError(r.where, "neither GeneA nor GeneB is given", "name at least one gene");
    if (j.gene_a == j.gene_b) return RowOutcome::not_a_fusion;  // intragenic (OncoKB: same gene)
    const std::string type = r.cell("Sv_Type");
    j.id = j.gene_a + "-" + j.gene_b;
    if (!type.empty()) j.caller_note = "OncoKB Sv_Type " + type;
    j.a.keeps_left = true;
    j.b.keeps_left = false;
    return RowOutcome::junction;
}

std::string genes_named(Layout l, const TableRow& r) {
    std::vector<std::string> cells;
    switch (l) {
        case Layout::arriba:
            cells = {r.cell("#gene1"), r.cell("gene2")};
            break;
        case Layout::star_fusion:
            cells = {r.cell("LeftGene"), r.cell("RightGene")};
            break;
        case Layout::pcgr:
        case Layout::oncokb_fusion: {
            std::string name = r.cell(l == Layout::pcgr ? "FusionGene" : "Fusion");
            for (const char* sep : {"--", "-", " "})
                for (std::size_t p; (p = name.find(sep)) != std::string::npos;)
                    name.replace(p, std::string(sep).size(), ",");
            cells = split(name, ',');
            break;
        }
        case Layout::list:
            cells = {r.cell("gene5"), r.cell("gene3")};
            break;
        case Layout::linx:
            cells = {first_cell(r, {"genestart", "genenameup"}), first_cell(r, {"geneend", "genenamedown"})};
            break;
        case Layout::cbioportal_sv:
            cells = {r.cell("Site1_Hugo_Symbol"), r.cell("Site2_Hugo_Symbol")};
            break;
        case Layout::oncokb_sv:
            cells = {r.cell("GeneA"), r.cell("GeneB")};
            break;
        case Layout::none:
            break;
    }
    std::vector<std::string> genes;
    for (const auto& c : cells)
        if (auto g = gene_symbol(c); !g.empty()) genes.push_back(g);
    return join(genes, ",");
}

}  // namespace rvanno::sv
