// Fusion tables -> junctions, one layout each, recognised from the header line:
//
//   #gene1  gene2 ...        Arriba fusions.tsv. Arriba's documentation (output-files.md):
//                            gene1 "makes up the 5' end of the transcript and gene2 the 3' end";
//                            direction1/2 "downstream" = the partner is fused at a higher
//                            coordinate, so the breakpoint keeps its left side. Without
//                            direction columns the transcribed strand (after the '/' of
//                            strand1/2(gene/fusion)) gives it. split_reads1+2 -> split_reads,
//                            discordant_mates -> spanning_reads, confidence -> filter,
//                            reading_frame -> caller_frame. Intergenic names ("A(12),B(34)")
//                            name no gene and are left empty.
//   #FusionName ...          STAR-Fusion star-fusion.fusion_predictions(.abridged).tsv:
//                            LeftGene "SYMBOL^ENSG.." is the 5' partner, RightGene the 3' one;
//                            breakpoints "chr:pos:strand" with the gene's strand, so the left
//                            side keeps its left on '+', the right side keeps its right on '+'.
//                            JunctionReadCount -> split_reads, SpanningFragCount ->
//                            spanning_reads, PROT_FUSION_TYPE (when annotated) -> caller_frame.
//   FusionGene ...           PCGR fusion table: FusionGene "A--B" ("--B": unknown 5' partner,
//                            "A--": unknown 3' partner), LeftBreakpoint/RightBreakpoint chr:pos,
//                            SplitReads.
//   gene5  gene3 ...         rvanno's gene-pair list (testdata/sv/README.md): gene5, gene3
//                            (either may be empty), optional breakpoint5/breakpoint3 (chr:pos,
//                            1-based) and split_reads.
//   fivePrimeBreakendId ...  Hartwig LINX *.linx.fusion.tsv (hmftools linx README, "Fusions"):
//                            geneStart (older: GeneNameUp) is the 5' partner, geneEnd
//                            (GeneNameDown) the 3' one. The table has no positions, so rvanno
//                            cannot locate the breaks on its transcripts; LINX's own words are
//                            kept, not dressed up: phased INFRAME / OUT_OF_FRAME -> caller_frame
//                            (SKIPPED_EXONS: unknown), reported -> filter ("reported" or
//                            "not_reported"), and caller_note "LINX reported=false (NONE),
//                            phased SKIPPED_EXONS, exon 2 -> exon 4 on ENST.../ENST..." (LINX's
//                            exons are on its Ensembl transcripts, not MANE).
//   ... Site1_Hugo_Symbol .. cBioPortal data_structural_variants.txt / data_sv.txt:
//                            Site1/Site2 Hugo symbols and Site1/2_Chromosome + _Position
//                            (1-based). cBioPortal does not say which site is 5', so the pair
//                            is unordered (Junction::unordered); Site2_Effect_On_Frame ->
//                            caller_frame, Tumor_Split_Read_Count -> split_reads,
//                            Tumor_Paired_End_Read_Count -> spanning_reads, SV_Status ->
//                            filter, Annotation (else Event_Info) -> id. One sample per run (Sample_Id). A row
//                            with neither Hugo symbol (Entrez-only) is malformed for rvanno.
//   ... Fusion ...           OncoKB annotator / legacy cBioPortal fusion file: Fusion
//                            "ALK-EML4 fusion", "EML4-ALK", "EML4--ALK" (OncoKB writes either
//                            order): unordered; one junction per (sample, Fusion) although the
//                            file lists each fusion once per gene; "X-intragenic" is no fusion
//                            (skipped_other); Frame "in frame"/"out of frame" -> caller_frame.
//                            A name that does not split into exactly two genes is malformed.
//   ... GeneA  GeneB ...     OncoKB annotator SV file (Tumor_Sample_Barcode GeneA GeneB
//                            Sv_Type): unordered; GeneA = GeneB is intragenic (skipped_other).
// Tables without strands (all but Arriba and STAR-Fusion) get a.keeps_left = true,
// b.keeps_left = false, which annotation does not use for named partners. A breakpoint that is
// absent leaves that side's contig empty.
#include "io/sv/table_layouts.hpp"

#include <algorithm>
#include <charconv>

#include "base/strings.hpp"
#include "io/sv/breakend.hpp"
#include "rvanno/error.hpp"

namespace rvanno::sv {

namespace {

bool has(const std::vector<std::string>& h, const char* name) { return std::find(h.begin(), h.end(), name) != h.end(); }

RowOutcome arriba_row(const TableRow& r, Junction& j) {
    j.kind = "arriba";
    j.gene_a = gene_symbol(r.cell("#gene1"));
    j.gene_b = gene_symbol(r.cell("gene2"));
    auto keeps_left = [&](const std::string& direction, const std::string& strands, bool five_prime) {
        if (direction == "downstream") return true;
        if (direction == "upstream") return false;
        auto slash = strands.find('/');
        char transcribed = slash == std::string::npos || slash + 1 >= strands.size() ? '.' : strands[slash + 1];
        if (transcribed == '+') return five_prime;
        if (transcribed == '-') return !five_prime;
        return five_prime;
    };
    const bool ka = keeps_left(r.cell("direction1"), r.cell("strand1(gene/fusion)"), true);
    const bool kb = keeps_left(r.cell("direction2"), r.cell("strand2(gene/fusion)"), false);
    if (!read_side(r, r.cell("breakpoint1"), ka, j.a) || !read_side(r, r.cell("breakpoint2"), kb, j.b))
        return RowOutcome::nonprimary;
    auto s1 = r.count("split_reads1"), s2 = r.count("split_reads2");
    if (s1 || s2) j.split_reads = s1.value_or(0) + s2.value_or(0);
    j.spanning_reads = r.count("discordant_mates");
    j.filter = r.cell("confidence");
    j.caller_frame = r.cell("reading_frame") == "." ? "" : r.cell("reading_frame");
    return RowOutcome::junction;
}

RowOutcome star_fusion_row(const TableRow& r, Junction& j) {
    j.kind = "star-fusion";
    j.id = r.cell("#FusionName");
    j.gene_a = gene_symbol(r.cell("LeftGene"));
    j.gene_b = gene_symbol(r.cell("RightGene"));
    const std::string& l = r.cell("LeftBreakpoint");
    const std::string& rb = r.cell("RightBreakpoint");
    const bool ka = !(l.size() > 2 && l.substr(l.size() - 2) == ":-");
    const bool kb = rb.size() > 2 && rb.substr(rb.size() - 2) == ":-";
    if (!read_side(r, l, ka, j.a) || !read_side(r, rb, kb, j.b)) return RowOutcome::nonprimary;
    j.split_reads = r.count("JunctionReadCount");
    j.spanning_reads = r.count("SpanningFragCount");
    const std::string& frame = r.cell("PROT_FUSION_TYPE");
    j.caller_frame = frame == "." ? "" : frame;
    return RowOutcome::junction;
}

RowOutcome pcgr_row(const TableRow& r, Junction& j) {
    j.kind = "list";
    const std::string& name = r.cell("FusionGene");
    auto dash = name.find("--");
    if (dash == std::string::npos || name.find("--", dash + 2) != std::string::npos || name == "--")
        throw InputError(r.where, "FusionGene '" + name + "' is not GENE5--GENE3",
                         "write the partners as A--B; leave one side empty if unknown (--B)");
    j.id = name;
    j.gene_a = name.substr(0, dash);
    j.gene_b = name.substr(dash + 2);
    if (!read_side(r, r.cell("LeftBreakpoint"), true, j.a) || !read_side(r, r.cell("RightBreakpoint"), false, j.b))
        return RowOutcome::nonprimary;
    j.split_reads = r.count("SplitReads");
    return RowOutcome::junction;
}

RowOutcome list_row(const TableRow& r, Junction& j) {
    j.kind = "list";
    j.gene_a = gene_symbol(r.cell("gene5"));
    j.gene_b = gene_symbol(r.cell("gene3"));
    if (j.gene_a.empty() && j.gene_b.empty())
        throw InputError(r.where, "neither gene5 nor gene3 is given", "name at least one partner");
    j.id = j.gene_a + "::" + j.gene_b;
    if (!read_side(r, r.cell("breakpoint5"), true, j.a) || !read_side(r, r.cell("breakpoint3"), false, j.b))
        return RowOutcome::nonprimary;
    j.split_reads = r.count("split_reads");
    return RowOutcome::junction;
}

}  // namespace

std::string gene_symbol(std::string s) {
    s = s.substr(0, s.find('^'));                                                         // STAR-Fusion: SYMBOL^ENSG...
    if (s == "." || s == "NA" || s.find_first_of(",()") != std::string::npos) return "";  // Arriba intergenic
    return s;
}

bool read_side(const TableRow& r, const std::string& text, bool keeps_left, Breakend& out) {
    out.keeps_left = keeps_left;
    auto bp = parse_breakpoint(text, r.where);
    if (!bp) return true;
    switch (classify_contig(bp->contig_name)) {
        case ContigClass::primary:
            break;
        case ContigClass::other_assembly_part:
            return false;
        case ContigClass::unknown:
            throw InputError(r.where, "unknown contig '" + bp->contig_name + "' in breakpoint '" + text + "'",
                             "use human primary contig names such as chr2 or 2");
    }
    out.contig = bp->contig;
    out.contig_name = bp->contig_name;
    out.pos = bp->pos;
    return true;
}

std::string frame_word(const std::string& s) {
    const std::string l = lower(s);
    if (l == "in frame" || l == "in-frame" || l == "inframe") return "in-frame";
    if (l == "out of frame" || l == "out-of-frame" || l == "frameshift") return "out-of-frame";
    return "";
}

const std::string& TableRow::cell(const std::string& column) const {
    static const std::string empty;
    auto it = index.find(column);
    return it == index.end() || it->second >= cells.size() ? empty : cells[it->second];
}

std::optional<int> TableRow::count(const std::string& column) const {
    const std::string& s = cell(column);
    if (s.empty() || s == "." || s == "NA") return std::nullopt;
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v < 0)
        throw InputError(where, "column '" + column + "' holds '" + s + "', not a read count",
                         "counts are whole numbers >= 0");
    return v;
}

Layout layout_of(const std::vector<std::string>& h) {
    if (h.size() < 2) return Layout::none;
    const std::string& first = h.front();
    if (first == "#gene1") return Layout::arriba;
    if (first == "#FusionName") return Layout::star_fusion;
    if (first == "FusionGene") return Layout::pcgr;
    if (first == "gene5") return Layout::list;
    if (lower(first) == "fiveprimebreakendid") return Layout::linx;
    if (has(h, "Site1_Hugo_Symbol") && has(h, "Site2_Hugo_Symbol")) return Layout::cbioportal_sv;
    if (has(h, "Fusion") && has(h, "Tumor_Sample_Barcode")) return Layout::oncokb_fusion;
    if (has(h, "GeneA") && has(h, "GeneB")) return Layout::oncokb_sv;
    return Layout::none;
}

const std::vector<std::string>& required_columns(Layout l) {
    static const std::map<Layout, std::vector<std::string>> r = {
        {Layout::arriba,
         {"#gene1", "gene2", "strand1(gene/fusion)", "strand2(gene/fusion)", "breakpoint1", "breakpoint2"}},
        {Layout::star_fusion, {"#FusionName", "LeftGene", "LeftBreakpoint", "RightGene", "RightBreakpoint"}},
        {Layout::pcgr, {"FusionGene", "LeftBreakpoint", "RightBreakpoint"}},
        {Layout::list, {"gene5", "gene3"}},
        {Layout::linx, {"fiveprimebreakendid", "name", "reported", "phased"}},  // LINX: lower-cased
        {Layout::cbioportal_sv, {"Site1_Hugo_Symbol", "Site2_Hugo_Symbol"}},
        {Layout::oncokb_fusion, {"Tumor_Sample_Barcode", "Fusion"}},
        {Layout::oncokb_sv, {"GeneA", "GeneB"}},
        {Layout::none, {}},
    };
    return r.at(l);
}

std::string format_name(Layout l) {
    switch (l) {
        case Layout::arriba:
            return "arriba";
        case Layout::star_fusion:
            return "star-fusion";
        case Layout::linx:
            return "linx";
        case Layout::cbioportal_sv:
            return "cbioportal_sv";
        case Layout::oncokb_fusion:
        case Layout::oncokb_sv:
            return "oncokb";
        default:
            return "list";
    }
}

std::string sample_column(Layout l) {
    switch (l) {
        case Layout::cbioportal_sv:
            return "Sample_Id";
        case Layout::oncokb_fusion:
        case Layout::oncokb_sv:
            return "Tumor_Sample_Barcode";
        default:
            return "";
    }
}

RowOutcome read_row(Layout l, const TableRow& r, Junction& j) {
    j.source = r.where;
    switch (l) {
        case Layout::arriba:
            return arriba_row(r, j);
        case Layout::star_fusion:
            return star_fusion_row(r, j);
        case Layout::pcgr:
            return pcgr_row(r, j);
        case Layout::list:
            return list_row(r, j);
        case Layout::linx:
            return linx_row(r, j);
        case Layout::cbioportal_sv:
            return cbioportal_row(r, j);
        case Layout::oncokb_fusion:
            return oncokb_fusion_row(r, j);
        case Layout::oncokb_sv:
            return oncokb_sv_row(r, j);
        case Layout::none:
            break;
    }
    return RowOutcome::not_a_fusion;
}

}  // namespace rvanno::sv
