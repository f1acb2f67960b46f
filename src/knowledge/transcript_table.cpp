#include "knowledge/transcript_table.hpp"

#include "base/strings.hpp"
#include "rvanno/transcript.hpp"

#include <charconv>

#include "io/text_table.hpp"
#include "rvanno/error.hpp"

namespace rvanno {
namespace {

std::int64_t to_int(const TextTable& t, std::string_view s, const char* what) {
    std::int64_t v{};
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v < 0)
        throw InputError(t.where(), std::string("bad ") + what + " '" + std::string(s) + "'",
                         "coordinates must be non-negative integers (0-based)");
    return v;
}

std::vector<std::int64_t> to_ints(const TextTable& t, std::string_view s, const char* what) {
    std::vector<std::int64_t> out;
    while (!s.empty()) {
        const auto comma = s.find(',');
        const auto f = s.substr(0, comma);
        if (!f.empty()) out.push_back(to_int(t, f, what));  // tolerate a trailing comma (UCSC style)
        if (comma == std::string_view::npos) break;
        s.remove_prefix(comma + 1);
    }
    return out;
}

}  // namespace

std::vector<Transcript> read_transcript_table(const std::filesystem::path& path,
                                              const std::set<std::string, std::less<>>* only) {
    TextTable t(path, {"gene", "accession", "protein", "contig", "strand", "tx_start", "tx_end", "cds_start", "cds_end",
                       "exon_starts", "exon_ends"});
    const auto col = [&](const char* name) { return t.column(name); };
    const std::size_t gene = col("gene"), accession = col("accession"), protein = col("protein"),
                      ensembl = col("ensembl"), contig = col("contig"), strand_col = col("strand"),
                      tx_start = col("tx_start"), tx_end = col("tx_end"), cds_start = col("cds_start"),
                      cds_end = col("cds_end"), exon_starts = col("exon_starts"), exon_ends = col("exon_ends");
    std::vector<Transcript> out;
    // The gene must be the first column for the unsplit filter; otherwise filter after splitting.
    const bool first = gene == 0;
    while (t.next(first ? only : nullptr)) {
        if (only && !first && !only->count(t.cell(gene))) continue;
        Transcript tx;
        tx.gene = t.cell(gene);
        tx.accession = t.cell(accession);
        tx.protein = t.cell(protein);
        tx.ensembl = t.cell(ensembl);  // optional column
        tx.contig = t.cell(contig);
        const auto& strand = t.cell(strand_col);
        if (strand != "+" && strand != "-")
            throw InputError(t.where(), "strand must be '+' or '-', not '" + strand + "'");
        tx.strand = strand[0];
        tx.tx_begin = to_int(t, t.cell(tx_start), "tx_start");
        tx.tx_end = to_int(t, t.cell(tx_end), "tx_end");
        tx.cds_begin = to_int(t, t.cell(cds_start), "cds_start");
        tx.cds_end = to_int(t, t.cell(cds_end), "cds_end");
        auto starts = to_ints(t, t.cell(exon_starts), "exon start");
        auto ends = to_ints(t, t.cell(exon_ends), "exon end");
        if (tx.gene.empty() || tx.accession.empty() || tx.contig.empty())
            throw InputError(t.where(), "gene, accession and contig must not be empty");
        if (starts.empty() || starts.size() != ends.size())
            throw InputError(t.where(), "exon_starts and exon_ends must list the same number of exons");
        tx.exons.reserve(starts.size());
        for (std::size_t i = 0; i < starts.size(); ++i) {
            if (ends[i] <= starts[i] || (i > 0 && starts[i] < ends[i - 1]))
                throw InputError(t.where(),
                                 "exon " + std::to_string(i + 1) + " is empty, reversed or overlaps the previous one",
                                 "exons must be ascending, 0-based half-open");
            tx.exons.push_back({starts[i], ends[i]});
        }
        if (tx.tx_begin != tx.exons.front().begin || tx.tx_end != tx.exons.back().end)
            throw InputError(t.where(), "tx_start/tx_end do not match the first/last exon");
        if (tx.cds_end < tx.cds_begin || (tx.is_coding() && (tx.cds_begin < tx.tx_begin || tx.cds_end > tx.tx_end)))
            throw InputError(t.where(), "CDS lies outside the transcript");
        out.push_back(std::move(tx));
    }
    return out;
}

}  // namespace rvanno
