// db/fusion_variants.tsv: named fusion variants at exon level (schema in the file's header).
#include "knowledge/fusion_variants.hpp"

#include <charconv>

#include "io/text_table.hpp"
#include "rvanno/error.hpp"
#include "rvanno/fusion.hpp"

namespace rvanno {

namespace {

int exon_number(const TextTable& t, const std::string& column) {
    const std::string& s = t.get(column);
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || p != s.data() + s.size() || v < 1)
        throw InputError(t.where(), "column '" + column + "' holds '" + s + "', not an exon number",
                         "exon numbers are whole numbers >= 1 in MANE transcript order");
    return v;
}

}  // namespace

std::vector<FusionVariant> read_fusion_variants(const std::filesystem::path& path) {
    TextTable t(path, {"gene5", "exon5", "gene3", "exon3", "name", "citation"});
    std::vector<FusionVariant> out;
    while (t.next()) {
        FusionVariant v{t.get("gene5"),          exon_number(t, "exon5"), t.get("gene3"),
                        exon_number(t, "exon3"), t.get("name"),           t.get("citation")};
        if (v.gene5.empty() || v.gene3.empty() || v.name.empty())
            throw InputError(t.where(), "gene5, gene3 and name must not be empty",
                             "see the schema at the top of the file");
        if (v.citation.empty())
            throw InputError(t.where(), "variant '" + v.name + "' has no citation",
                             "every row must cite the source it was checked against");
        for (const auto& w : out)
            if (w.gene5 == v.gene5 && w.exon5 == v.exon5 && w.gene3 == v.gene3 && w.exon3 == v.exon3)
                throw InputError(t.where(), "exon pair already named '" + w.name + "'", "one name per exon pair");
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace rvanno
