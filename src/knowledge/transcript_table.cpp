#include "knowledge/transcript_table.hpp"

#include "base/strings.hpp"
#include "rvanno/transcript.hpp"

#include <charconv>

#include "io/text_table.hpp"
#include "rvanno/error.hpp"

namespace rvanno {
namespace {

std::int64_t to_int(const TextTable& t, const std::string& s, const char* what) {
    std::int64_t v{};
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v < 0)
        throw InputError(t.where(), std::string("bad ") + what + " '" + s + "'",
                         "coordinates must be non-negative integers (0-based)");
    return v;
}

std::vector<std::int64_t> to_ints(const TextTable& t, const std::string& s, const char* what) {
    std::vector<std::int64_t> out;
    for (const auto& f : split(s, ',')) {
        if (f.empty()) continue;  // tolerate a trailing comma (UCSC style)
        out.push_back(to_int(t, f, what));
    }
    return out;
}

}  // namespace

std::vector<Transcript> read_transcript_table(const std::filesystem::path& path) {
    TextTable t(path, {"gene", "accession", "protein", "contig", "strand", "tx_start", "tx_end", "cds_start", "cds_end",
                       "exon_starts", "exon_ends"});
    std::vector<Transcript> out;
    while (t.next()) {
        Transcript tx;
        tx.gene = t.get("gene");
        tx.accession = t.get("accession");
        tx.protein = t.get("protein");
        tx.ensembl = t.get("ensembl");  // optional column
        tx.contig = t.get("contig");
        const auto& strand = t.get("strand");
        if (strand != "+" && strand != "-")
            throw InputError(t.where(), "strand must be '+' or '-', not '" + strand + "'");
        tx.strand = strand[0];
        tx.tx_begin = to_int(t, t.get("tx_start"), "tx_start");
        tx.tx_end = to_int(t, t.get("tx_end"), "tx_end");
        tx.cds_begin = to_int(t, t.get("cds_start"), "cds_start");
        tx.cds_end = to_int(t, t.get("cds_end"), "cds_end");
        auto starts = to_ints(t, t.get("exon_starts"), "exon start");
        auto ends = to_ints(t, t.get("exon_ends"), "exon end");
        if (tx.gene.empty() || tx.accession.empty() || tx.contig.empty())
            throw InputError(t.where(), "gene, accession and contig must not be empty");
        if (starts.empty() || starts.size() != ends.size())
            throw InputError(t.where(), "exon_starts and exon_ends must list the same number of exons");
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
