#include "pipeline/gene_summary.hpp"

#include <string_view>
#include <unordered_map>

#include "knowledge/row_index.hpp"

namespace rvanno::pipeline {

void summarise_genes(const TranscriptModel& model, const KnowledgeBase& kb, bool small, bool sv,
                     const VcfRegions& regions, const std::set<std::string>& named_by_skipped_sv_rows,
                     const UnlistedAlleles& unlisted, Report& r) {
    struct Tally {
        long alleles{0}, matched{0}, no_knowledge{0};
    };
    std::map<std::string, Tally> tally;
    for (const auto& f : r.findings) {
        auto& t = tally[f.csq.gene];
        ++t.alleles;
        t.matched += f.matches.empty() ? 0 : 1;
        t.no_knowledge += f.no_knowledge() ? 1 : 0;
    }
    for (const auto& [gene, n] : unlisted.by_gene) tally[gene].alleles += n;
    for (const auto& [gene, n] : unlisted.past_limit_by_gene) {
        tally[gene].alleles += n.alleles;
        tally[gene].no_knowledge += n.no_knowledge;
    }
    const RowIndex& rows = row_index(kb.entries);  // each gene's rows, without making them
    std::map<std::string, const CopyNumberFinding*> cn;
    for (const auto& f : r.copy_number) cn.emplace(f.cn.gene, &f);

    const RegionCoverage covering(regions);
    long examined = 0;
    for (const auto& tx : model.all()) {
        const bool read = small && (regions.empty() || covering.covers(tx.contig, tx.tx_begin, tx.tx_end));
        examined += read ? 1 : 0;
        const bool kb_gene = model.is_kb_gene(tx.gene);
        const auto t = tally.find(tx.gene);
        if (!kb_gene && t == tally.end()) continue;
        GeneSummary g{tx.gene, tx.accession, read ? 0 : -1, 0, std::nullopt, -1};
        if (read && t != tally.end()) {
            g.small_variant_alleles = t->second.alleles;
            g.matched_small_variants = t->second.matched;
            g.no_knowledge_alleles = t->second.no_knowledge;
        }
        if (kb_gene) {
            if (auto c = cn.find(tx.gene); c != cn.end()) g.cn = c->second->cn;
            if (sv) {
                g.fusions = 0;
                for (const auto& f : r.fusions)
                    g.fusions += (f.fusion.gene5 == g.gene || f.fusion.gene3 == g.gene) ? 1 : 0;
                if (g.fusions == 0 && named_by_skipped_sv_rows.count(g.gene)) g.fusions = -1;
            }
        }
        if (const GeneRows* n = rows.gene(tx.gene)) g.knowledge_rows = static_cast<long>(n->rows.size());
        g.kb_gene = kb_gene;
        r.genes.push_back(std::move(g));
    }
    if (small) r.counters.values["genes_examined"] = examined;
}

void count_examined(const TranscriptModel& model, const std::string& build, const UnlistedAlleles& unlisted,
                    Report& r) {
    auto& c = r.counters.values;
    long kb_alleles = 0, other = 0, no_knowledge = 0, not_listed = 0;
    for (const auto& f : r.findings) {
        (model.is_kb_gene(f.csq.gene) ? kb_alleles : other) += 1;
        no_knowledge += f.no_knowledge() ? 1 : 0;
    }
    for (const auto& [gene, n] : unlisted.by_gene) not_listed += n;
    c["alleles_in_knowledge_base_genes"] = kb_alleles + unlisted.past_limit_kb_genes;
    c["alleles_in_other_genes"] = other + not_listed + unlisted.past_limit_other_genes;
    c["alleles_no_knowledge"] = no_knowledge + unlisted.past_limit_no_knowledge;
    c["alleles_not_listed"] = not_listed;
    // Past --max-listed: present only when the limit was reached, so other outputs are unchanged.
    if (unlisted.past_limit_no_knowledge > 0) c["alleles_no_knowledge_not_listed"] = unlisted.past_limit_no_knowledge;
    if (unlisted.past_limit_unmatched > 0) c["alleles_unmatched_not_listed"] = unlisted.past_limit_unmatched;
    if (auto it = c.find("alleles_not_carried_by_sample"); it != c.end()) it->second += unlisted.not_carried;
    const long genes = static_cast<long>(model.all().size()), kb = static_cast<long>(model.kb().size());
    const long examined = c["genes_examined"];
    std::string s = "small variants examined in " + std::to_string(examined) + " of the " + std::to_string(genes) +
                    " genes of the " + build + " transcript model (" + std::to_string(kb) +
                    " knowledge-base genes and " + std::to_string(genes - kb) +
                    " other MANE Select genes, transcripts." + build + ".tsv)";
    if (examined < genes)
        s += "; the other " + std::to_string(genes - examined) + " are not covered whole by the regions";
    s += "; records outside every model gene, not examined: " + std::to_string(c["records_outside_model_genes"]);
    if (auto it = c.find("records_not_read_through_index"); it != c.end())
        s += " (" + std::to_string(it->second) +
             " of them never read: the file's index let rvanno read only the blocks holding model genes; record "
             "numbers count the records read)";
    r.provenance.examined = s;
}

}  // namespace rvanno::pipeline
