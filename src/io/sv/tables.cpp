// Fusion tables -> junctions. The format is recognised from the header line:
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
// The last three read as format "list" apart from STAR-Fusion ("star-fusion"). A row names
// the 5' partner in junction side a and the 3' partner in side b; tables without strands
// (PCGR, lists) get a.keeps_left = true, b.keeps_left = false, which annotation does not use
// for named partners. A breakpoint that is absent leaves that side's contig empty.
// Lines starting with '#' other than a header are comments; blank lines are skipped; CR LF
// line ends read as LF (base/text_table.hpp); any other text before the header, short rows
// and bad breakpoints are errors naming "path:line".
#include <charconv>
#include <functional>
#include <map>

#include "base/text_table.hpp"
#include "io/sv/breakend.hpp"
#include "io/sv/formats.hpp"
#include "rvanno/error.hpp"

namespace rvanno::sv {

namespace {

enum class Layout { none, arriba, star_fusion, pcgr, list };

Layout layout_of(const std::string& line) {
    auto first = line.substr(0, line.find('\t'));
    if (line.find('\t') == std::string::npos) return Layout::none;
    if (first == "#gene1") return Layout::arriba;
    if (first == "#FusionName") return Layout::star_fusion;
    if (first == "FusionGene") return Layout::pcgr;
    if (first == "gene5") return Layout::list;
    return Layout::none;
}

const std::map<Layout, std::vector<std::string>>& required_columns() {
    static const std::map<Layout, std::vector<std::string>> r = {
        {Layout::arriba,
         {"#gene1", "gene2", "strand1(gene/fusion)", "strand2(gene/fusion)", "breakpoint1", "breakpoint2"}},
        {Layout::star_fusion, {"#FusionName", "LeftGene", "LeftBreakpoint", "RightGene", "RightBreakpoint"}},
        {Layout::pcgr, {"FusionGene", "LeftBreakpoint", "RightBreakpoint"}},
        {Layout::list, {"gene5", "gene3"}},
    };
    return r;
}

class TableReader {
public:
    explicit TableReader(const std::string& path) : path_(path), lines_(path) {}
    SvInput read();

private:
    std::string path_;
    TextLines lines_;
    Layout layout_{Layout::none};
    std::map<std::string, std::size_t> index_;
    std::vector<std::string> cells_;
    SvInput out_;

    std::string where() const { return lines_.where(); }
    bool read_line(std::string& l);
    void read_header();
    const std::string& cell(const std::string& column) const;
    std::optional<int> count(const std::string& column) const;
    // false: the row is skipped (a breakpoint on an alt/decoy contig)
    bool side(const std::string& text, bool keeps_left, Breakend& out);
    void row();
    void arriba_row(Junction& j);
    void star_fusion_row(Junction& j);
    void pcgr_row(Junction& j);
    void list_row(Junction& j);
};

bool TableReader::read_line(std::string& l) {
    if (!lines_.next(l)) return false;
    if (l.find('\0') != std::string::npos)
        throw InputError(where(), "binary data in a text table",
                         "give an SV VCF/BCF or a fusion table (Arriba, STAR-Fusion, PCGR, rvanno list)");
    return true;
}

void TableReader::read_header() {
    std::string l;
    long first_text = 0;
    std::string first_text_line;
    while (read_line(l)) {
        if (l.empty()) continue;
        Layout lay = layout_of(l);
        if (lay != Layout::none) {
            if (first_text)
                throw InputError(lines_.where(first_text),
                                 "text before the table header (line " + std::to_string(lines_.line()) + ")",
                                 "remove the lines before the header; comments must start with '#'");
            layout_ = lay;
            auto header = split(l, '\t');
            for (std::size_t i = 0; i < header.size(); ++i) index_.emplace(header[i], i);
            for (const auto& c : required_columns().at(lay))
                if (!index_.count(c))
                    throw InputError(where(), "header lacks the column '" + c + "'",
                                     "see testdata/sv/README.md for the columns each format needs");
            return;
        }
        if (l[0] == '#') continue;
        if (!first_text) {
            first_text = lines_.line();
            first_text_line = l;
        }
        if (lines_.line() - first_text > 50) break;
    }
    if (first_text)
        throw InputError(lines_.where(first_text), "not a recognised SV or fusion file",
                         "expected a VCF/BCF, an Arriba or STAR-Fusion table, a PCGR fusion table or a list with the "
                         "header 'gene5<TAB>gene3'");
    throw InputError(path_, "empty file: no header and no rows", "give an SV VCF/BCF or a fusion table");
}

const std::string& TableReader::cell(const std::string& column) const {
    static const std::string empty;
    auto it = index_.find(column);
    return it == index_.end() || it->second >= cells_.size() ? empty : cells_[it->second];
}

std::optional<int> TableReader::count(const std::string& column) const {
    const std::string& s = cell(column);
    if (s.empty() || s == "." || s == "NA") return std::nullopt;
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v < 0)
        throw InputError(where(), "column '" + column + "' holds '" + s + "', not a read count",
                         "counts are whole numbers >= 0");
    return v;
}

bool TableReader::side(const std::string& text, bool keeps_left, Breakend& out) {
    out.keeps_left = keeps_left;
    auto bp = parse_breakpoint(text, where());
    if (!bp) return true;
    switch (classify_contig(bp->contig_name)) {
        case ContigClass::primary:
            break;
        case ContigClass::other_assembly_part:
            return false;
        case ContigClass::unknown:
            throw InputError(where(), "unknown contig '" + bp->contig_name + "' in breakpoint '" + text + "'",
                             "use human primary contig names such as chr2 or 2");
    }
    out.contig = bp->contig;
    out.contig_name = bp->contig_name;
    out.pos = bp->pos;
    return true;
}

std::string gene_symbol(std::string s) {
    s = s.substr(0, s.find('^'));                                            // STAR-Fusion: SYMBOL^ENSG...
    if (s == "." || s.find_first_of(",()") != std::string::npos) return "";  // Arriba intergenic
    return s;
}

void TableReader::arriba_row(Junction& j) {
    j.kind = "arriba";
    j.gene_a = gene_symbol(cell("#gene1"));
    j.gene_b = gene_symbol(cell("gene2"));
    auto keeps_left = [&](const std::string& direction, const std::string& strands, bool five_prime) {
        if (direction == "downstream") return true;
        if (direction == "upstream") return false;
        auto slash = strands.find('/');
        char transcribed = slash == std::string::npos || slash + 1 >= strands.size() ? '.' : strands[slash + 1];
        if (transcribed == '+') return five_prime;
        if (transcribed == '-') return !five_prime;
        return five_prime;
    };
    bool ka = keeps_left(cell("direction1"), cell("strand1(gene/fusion)"), true);
    bool kb = keeps_left(cell("direction2"), cell("strand2(gene/fusion)"), false);
    if (!side(cell("breakpoint1"), ka, j.a) || !side(cell("breakpoint2"), kb, j.b)) {
        j.kind.clear();
        return;
    }
    auto s1 = count("split_reads1"), s2 = count("split_reads2");
    if (s1 || s2) j.split_reads = s1.value_or(0) + s2.value_or(0);
    j.spanning_reads = count("discordant_mates");
    j.filter = cell("confidence");
    j.caller_frame = cell("reading_frame") == "." ? "" : cell("reading_frame");
}

void TableReader::star_fusion_row(Junction& j) {
    j.kind = "star-fusion";
    j.id = cell("#FusionName");
    j.gene_a = gene_symbol(cell("LeftGene"));
    j.gene_b = gene_symbol(cell("RightGene"));
    const std::string& l = cell("LeftBreakpoint");
    const std::string& r = cell("RightBreakpoint");
    bool ka = !(l.size() > 2 && l.substr(l.size() - 2) == ":-");
    bool kb = r.size() > 2 && r.substr(r.size() - 2) == ":-";
    if (!side(l, ka, j.a) || !side(r, kb, j.b)) {
        j.kind.clear();
        return;
    }
    j.split_reads = count("JunctionReadCount");
    j.spanning_reads = count("SpanningFragCount");
    const std::string& frame = cell("PROT_FUSION_TYPE");
    j.caller_frame = frame == "." ? "" : frame;
}

void TableReader::pcgr_row(Junction& j) {
    j.kind = "list";
    const std::string& name = cell("FusionGene");
    auto dash = name.find("--");
    if (dash == std::string::npos || name.find("--", dash + 2) != std::string::npos || name == "--")
        throw InputError(where(), "FusionGene '" + name + "' is not GENE5--GENE3",
                         "write the partners as A--B; leave one side empty if unknown (--B)");
    j.id = name;
    j.gene_a = name.substr(0, dash);
    j.gene_b = name.substr(dash + 2);
    if (!side(cell("LeftBreakpoint"), true, j.a) || !side(cell("RightBreakpoint"), false, j.b)) {
        j.kind.clear();
        return;
    }
    j.split_reads = count("SplitReads");
}

void TableReader::list_row(Junction& j) {
    j.kind = "list";
    j.gene_a = cell("gene5") == "." ? "" : cell("gene5");
    j.gene_b = cell("gene3") == "." ? "" : cell("gene3");
    if (j.gene_a.empty() && j.gene_b.empty())
        throw InputError(where(), "neither gene5 nor gene3 is given", "name at least one partner");
    j.id = j.gene_a + "::" + j.gene_b;
    if (!side(cell("breakpoint5"), true, j.a) || !side(cell("breakpoint3"), false, j.b)) {
        j.kind.clear();
        return;
    }
    j.split_reads = count("split_reads");
}

void TableReader::row() {
    std::size_t needed = 0;
    for (const auto& c : required_columns().at(layout_)) needed = std::max(needed, index_.at(c) + 1);
    if (cells_.size() < needed)
        throw InputError(where(),
                         "row has " + std::to_string(cells_.size()) + " columns but the header needs at least " +
                             std::to_string(needed),
                         "check for missing or merged tab characters");
    Junction j;
    j.source = where();
    switch (layout_) {
        case Layout::arriba:
            arriba_row(j);
            break;
        case Layout::star_fusion:
            star_fusion_row(j);
            break;
        case Layout::pcgr:
            pcgr_row(j);
            break;
        case Layout::list:
            list_row(j);
            break;
        case Layout::none:
            break;
    }
    if (j.kind.empty()) {
        ++out_.skipped_nonprimary;
        return;
    }
    out_.junctions.push_back(std::move(j));
}

SvInput TableReader::read() {
    if (!lines_.is_open()) throw UserError("cannot open '" + path_ + "'", "check that the file exists and is readable");
    read_header();
    out_.path = path_;
    out_.format = layout_ == Layout::arriba ? "arriba" : layout_ == Layout::star_fusion ? "star-fusion" : "list";
    std::string l;
    while (read_line(l)) {
        if (l.empty() || l[0] == '#') continue;
        cells_ = split(l, '\t');
        row();
    }
    if (lines_.bad()) throw InputError(where(), "read error", "check that the file is readable");
    return std::move(out_);
}

}  // namespace

SvInput read_sv_table(const std::string& path) { return TableReader(path).read(); }

}  // namespace rvanno::sv
