// TSV forms of the report: findings, gene table, verdict table (columns: docs/output.md).
#include <algorithm>
#include <ostream>

#include "report/format.hpp"
#include "report/provenance.hpp"
#include "report/text_safety.hpp"
#include "report/writers.hpp"
#include "rvanno/report.hpp"

namespace rvanno {

namespace {

using fmt::fixed;
using fmt::join;
using text::tsv;
using text::tsv_join;

void write_provenance(const Provenance& p, std::ostream& out) {
    provenance::tsv_head(p, true, out);
    provenance::tsv_sample(p, "", out);
    provenance::tsv_fasta(p, out);
    provenance::tsv_tail(p, true, out);
}

// The finding-specific leading columns of a row, tab-terminated.
struct Lead {
    std::string finding, chrom, pos, ref, alt, filter, vaf, depth, gene, transcript, hgvs_c, hgvs_p, protein_change,
        consequence, location;
};

void write_rows(const std::string& sample, const std::string& tumor_type, const Lead& l,
                const std::vector<Match>& matches, std::ostream& out) {
    for (const auto& m : matches) {
        const KnowledgeEntry& e = *m.entry;
        for (const auto& drug : e.drugs) {
            out << tsv(sample) << '\t' << tsv(l.finding) << '\t' << tsv(l.chrom) << '\t' << tsv(l.pos) << '\t'
                << tsv(l.ref) << '\t' << tsv(l.alt) << '\t' << tsv(l.filter) << '\t' << tsv(l.vaf) << '\t'
                << tsv(l.depth) << '\t' << tsv(l.gene) << '\t' << tsv(l.transcript) << '\t' << tsv(l.hgvs_c) << '\t'
                << tsv(l.hgvs_p) << '\t' << tsv(l.protein_change) << '\t' << tsv(l.consequence) << '\t'
                << tsv(l.location) << '\t' << to_string(m.how) << '\t' << tsv(m.detail) << '\t' << tsv(e.id) << '\t'
                << tsv(e.alteration.empty() ? to_string(e.kind) : e.alteration) << '\t' << tsv(drug) << '\t'
                << to_string(e.effect) << '\t' << to_string(e.level) << '\t' << tsv(amp_tier(e, tumor_type)) << '\t'
                << tsv_join(e.diseases, ";") << '\t' << tsv(e.mechanism) << '\t' << status_name(e) << '\t'
                << tsv_join(e.citations, ";") << '\t' << tsv(e.notes) << '\t' << tsv(e.layer) << '\t'
                << tsv(e.civic().civic_id) << '\t' << tsv_join(e.civic().also_in_civic, ";") << '\n';
        }
    }
}

Lead lead(const AlleleFinding& f, const char* finding = "small_variant") {
    const auto& c = f.csq;
    return {finding,
            f.contig_name,
            std::to_string(f.pos + 1),
            f.ref,
            f.alt,
            f.filter,
            fixed(f.vaf),
            fmt::opt_int(f.depth),
            c.gene,
            c.transcript,
            c.hgvs_c,
            c.hgvs_p,
            c.protein_change,
            join(c.terms, "&"),
            fmt::exon_or_intron(c)};
}

Lead lead(const CopyNumberFinding& f) {
    const auto& g = f.cn;
    return {"copy_number",
            f.contig_name,
            std::to_string(f.gene_begin + 1),
            "",
            "",
            "",
            "",
            "",
            g.gene,
            g.transcript,
            "",
            "",
            "",
            to_string(g.cn_class) + (g.partial ? " (partial amplification)" : ""),
            fmt::cn_level(g) + (g.focal ? "; " + fmt::extent(g) : "") + fmt::cn_skipped_note(g)};
}

Lead lead(const FusionFinding& f) {
    const auto& u = f.fusion;
    const auto& bp = u.junction.a;
    return {"fusion",
            bp.contig_name,
            std::to_string(bp.pos + 1),
            "",
            "",
            u.junction.filter,
            "",
            fmt::opt_int(u.junction.split_reads),
            u.gene3,
            u.transcript3,
            "",
            "",
            "",
            fmt::partners(u) + (u.candidate ? " candidate fusion" : " fusion"),
            fmt::breakpoints(u)};
}

// A "no knowledge" row: the allele's columns, why it is listed, and nothing invented: no row, no
// drug, effect, level or tier.
void write_no_knowledge_row(const std::string& sample, const Lead& l, const std::string& detail, std::ostream& out) {
    out << tsv(sample) << '\t' << tsv(l.finding) << '\t' << tsv(l.chrom) << '\t' << tsv(l.pos) << '\t' << tsv(l.ref)
        << '\t' << tsv(l.alt) << '\t' << tsv(l.filter) << '\t' << tsv(l.vaf) << '\t' << tsv(l.depth) << '\t'
        << tsv(l.gene) << '\t' << tsv(l.transcript) << '\t' << tsv(l.hgvs_c) << '\t' << tsv(l.hgvs_p) << '\t'
        << tsv(l.protein_change) << '\t' << tsv(l.consequence) << '\t' << tsv(l.location) << "\t\t" << tsv(detail)
        << "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n";
}

}  // namespace

void write_tsv(const Report& r, std::ostream& out) {
    write_provenance(r.provenance, out);
    out << "sample\tfinding\tchrom\tpos\tref\talt\tfilter\tvaf\tdepth\tgene\ttranscript\thgvs_c\thgvs_p\t"
           "protein_change\tconsequence\tlocation\tmatch\tmatch_detail\tkb_id\talteration\tdrug\t"
           "effect\tevidence_level\tamp_tier\tdisease\tmechanism\tstatus\tcitations\tnotes\tlayer\tcivic_id\t"
           "also_in_civic\n";
    const auto& s = r.provenance.sample;
    const auto& t = r.context.tumor_type;
    for (const auto& f : r.findings) write_rows(s, t, lead(f), f.matches, out);
    for (const auto& f : r.copy_number) write_rows(s, t, lead(f), f.matches, out);
    for (const auto& f : r.fusions) write_rows(s, t, lead(f), f.matches, out);
    // Protein-altering alleles that matched no row, in any examined gene: listed, never dropped.
    const auto rows = fmt::knowledge_rows(r);
    for (const auto& f : r.findings)
        if (f.no_knowledge())
            write_no_knowledge_row(s, lead(f, "no_knowledge"), fmt::no_knowledge_detail(f, rows), out);
}

void write_gene_table_tsv(const Report& r, std::ostream& out) {
    write_provenance(r.provenance, out);
    out << "gene\ttranscript\tknowledge_rows\tsmall_variants\tsmall_variant_alleles\tmatched_small_variants\t"
           "no_knowledge_alleles\tcn_assessed\tcn_min\tcn_max\tcn_covered_fraction\tcn_class\t"
           "cn_partial_amplification\tcn_extent\tfusions\tcn_note\n";
    for (const auto& g : r.genes) {
        const bool examined = g.small_variant_alleles >= 0;
        out << tsv(g.gene) << '\t' << tsv(g.transcript) << '\t' << g.knowledge_rows << '\t'
            << (examined ? "examined" : "not_assessed") << '\t'
            << (examined ? std::to_string(g.small_variant_alleles) : "not_assessed") << '\t'
            << (examined ? std::to_string(g.matched_small_variants) : "") << '\t'
            << (examined ? std::to_string(g.no_knowledge_alleles) : "") << '\t';
        if (g.cn) {
            const auto& c = *g.cn;
            out << (!c.assessed               ? "no"
                    : c.skipped_lines.empty() ? "yes"
                                              : "partial")
                << '\t' << fixed(c.min_cn, 2) << '\t' << fixed(c.max_cn, 2) << '\t' << fixed(c.covered_fraction, 2)
                << '\t' << (c.assessed ? to_string(c.cn_class) : "") << '\t' << (c.partial ? "yes" : "") << '\t'
                << tsv(fmt::extent(c)) << '\t';
        } else {
            out << "not_assessed\t\t\t\t\t\t\t";
        }
        out << (g.fusions < 0 ? "not_assessed" : std::to_string(g.fusions)) << '\t';
        if (g.cn) {
            std::string note = g.cn->discrete_call ? fmt::cn_level(*g.cn) : "";
            const std::string skipped = fmt::cn_skipped_note(*g.cn);
            note += note.empty() && !skipped.empty() ? skipped.substr(2) : skipped;
            out << tsv(note);
        }
        out << '\n';
    }
}

void write_verdict_table_tsv(const Report& r, std::ostream& out) {
    write_provenance(r.provenance, out);
    out << "##tumor_type=" << tsv(r.context.tumor_type) << "\n##drivers=" << tsv_join(r.context.declared_drivers, ";")
        << (r.context.detected_drivers.empty() ? "" : " (detected: " + tsv_join(r.context.detected_drivers, ";") + ")")
        << "\n##therapy_history=" << tsv_join(r.context.therapy_history, ",") << "\n";
    out << "drug\tclass\tgeneration\tcall\tstrength\tlow_confidence\talready_given\thistory_position\t"
           "deciding_kb_ids\trule\tdecided_by_unverified\tdeciding_layers\n";
    for (const auto& v : r.verdicts) {
        std::vector<std::string> deciding, layers;
        for (const auto& e : v.evidence)
            if (e.applies && !e.superseded) {
                deciding.push_back(e.entry->id);
                if (std::find(layers.begin(), layers.end(), e.entry->layer) == layers.end())
                    layers.push_back(e.entry->layer);
            }
        out << tsv(v.drug) << '\t' << tsv(v.drug_class) << '\t' << (v.generation ? std::to_string(*v.generation) : "")
            << '\t' << to_string(v.call) << '\t' << (v.strength ? to_string(*v.strength) : "") << '\t'
            << (v.low_confidence ? "yes" : "") << '\t' << (v.already_given ? "yes" : "") << '\t'
            << (v.history_position ? std::to_string(*v.history_position) : "") << '\t' << tsv_join(deciding, ";")
            << '\t' << tsv(v.rule) << '\t' << (v.decided_by_unverified ? "yes" : "") << '\t' << tsv_join(layers, ";")
            << '\n';
    }
}

}  // namespace rvanno
