// One knowledge-table row into a KnowledgeEntry (knowledge/knowledge_row.hpp).
#include "knowledge/knowledge_row.hpp"

#include <stdexcept>

#include "knowledge/civic_layer.hpp"
#include "knowledge/knowledge_parse.hpp"

namespace rvanno::detail {

const std::vector<std::string>& entry_column_names() {
    static const std::vector<std::string> names = {"id",        "gene",      "kind",   "alteration",     "hgvs_c",
                                                   "requires",  "drugs",     "effect", "evidence_level", "disease",
                                                   "mechanism", "citations", "status", "notes"};
    return names;
}

EntryColumns entry_columns(const std::map<std::string, std::size_t>& header_index) {
    const auto c = [&header_index](const char* name) {
        auto it = header_index.find(name);
        return it == header_index.end() ? TextTable::kNoColumn : it->second;
    };
    return {c("id"),        c("gene"),      c("kind"),   c("alteration"),     c("hgvs_c"),
            c("requires"),  c("drugs"),     c("effect"), c("evidence_level"), c("disease"),
            c("mechanism"), c("citations"), c("status"), c("notes"),          c("context")};
}

void parse_entry(const TableRow& t, const EntryColumns& col, const SharedText& file, const RowChecks& checks,
                 bool civic, KnowledgeEntry& e) {
    const auto known_gene = [&checks](const std::string& g) { return checks.genes->count(g) > 0; };
    e.file = file;
    e.line = t.line;
    e.id = t.cell(col.id);
    e.gene = t.cell(col.gene);
    if (!is_entry_id(e.id)) throw std::invalid_argument("bad id '" + e.id + "'");
    if (checks.ids && !checks.ids->insert(e.id)) throw std::invalid_argument("duplicate id '" + e.id + "'");
    if (!known_gene(e.gene)) throw std::invalid_argument("gene '" + e.gene + "' is not in genes.txt");
    e.kind = parse_kind(t.cell(col.kind));
    e.alteration = t.cell(col.alteration);
    parse_alteration(e);
    e.hgvs_c_alleles = split_list(t.cell(col.hgvs_c));
    for (const auto& c : e.hgvs_c_alleles)
        if (c.rfind("c.", 0) != 0) throw std::invalid_argument("hgvs_c '" + c + "' must start with 'c.'");
    e.requires_all = parse_requires(t.cell(col.reqs));
    for (const auto& r : e.requires_all)
        if (!known_gene(r.gene))
            throw std::invalid_argument("requires names gene '" + r.gene + "', which is not in genes.txt");
    e.drugs = split_list(t.cell(col.drugs));
    if (e.drugs.empty()) throw std::invalid_argument("no drug named");
    for (const auto& d : e.drugs)
        if (!checks.drugs->count(d)) throw std::invalid_argument("unknown drug '" + d + "' (not in drugs.tsv)");
    e.effect = parse_effect(t.cell(col.effect));
    e.level = parse_level(t.cell(col.level));
    e.diseases = split_list(t.cell(col.disease));
    if (e.diseases.empty()) throw std::invalid_argument("no disease context (use 'any' if none)");
    e.mechanism = t.cell(col.mechanism);
    parse_mechanism(e.mechanism);
    e.citations = split_list(t.cell(col.citations));
    if (e.citations.empty()) throw std::invalid_argument("row is not cited: every row needs a PMID or DOI");
    for (const auto& c : e.citations) parse_citation(c);
    e.status = parse_status(t.cell(col.status));
    e.verified = e.status == EntryStatus::verified;
    e.notes = t.cell(col.notes);
    parse_context(t.cell(col.context), e);  // optional column: "" when absent
    for (const auto& d : e.required_drivers) {
        auto gene = d.substr(0, d.find(' '));
        if (!known_gene(gene))
            throw std::invalid_argument("context names driver gene '" + gene + "', which is not in genes.txt");
    }
    if (!e.required_phase.empty()) {
        if (e.requires_all.empty())
            throw std::invalid_argument("context phase=" + e.required_phase +
                                        " needs a compound row: the phase is that of the row's allele with its "
                                        "`requires` partners");
        for (const auto& r : e.requires_all)
            if (r.gene != e.gene)
                throw std::invalid_argument("context phase=" + e.required_phase + " names a partner in another gene (" +
                                            r.gene + "); phase is only defined within one gene");
    }
    if (civic) read_civic_columns(t, e);
}

}  // namespace rvanno::detail
