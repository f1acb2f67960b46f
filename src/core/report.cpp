#include "rvanno/report.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace rvanno {

const char* const kResearchUseNotice =
    "For research use only. rvanno is not a medical device; its output is not a diagnosis or a "
    "treatment recommendation and must be reviewed by qualified professionals.";

namespace {

std::string fixed(std::optional<double> v) {
    if (!v) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", *v);
    return buf;
}
std::string opt_int(std::optional<int> v) { return v ? std::to_string(*v) : ""; }
std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}
std::string exon_or_intron(const Consequence& c) {
    if (c.exon) return "exon " + std::to_string(c.exon) + "/" + std::to_string(c.exon_count);
    if (c.intron) return "intron " + std::to_string(c.intron) + "/" + std::to_string(c.exon_count - 1);
    return "";
}

void write_provenance_tsv(const Provenance& p, std::ostream& out) {
    out << "##rvanno_version=" << p.rvanno_version << "\n"
        << "##htslib_version=" << p.htslib_version << "\n"
        << "##knowledge_base_version=" << p.kb_version << "\n"
        << "##knowledge_base_md5=" << p.kb_md5 << "\n"
        << "##genome_build=" << p.genome_build << " (" << p.genome_build_reason << ")\n"
        << "##sample=" << p.sample << "\n";
    for (const auto& i : p.inputs) out << "##input=" << i << "\n";
    if (!p.fasta.empty()) out << "##reference_fasta=" << p.fasta << "\n";
    out << "##command=" << p.command_line << "\n"
        << "##coordinates=pos is 1-based (VCF style); HGVS on the MANE Select transcript\n"
        << "##notice=" << kResearchUseNotice << "\n";
}

}  // namespace

void write_tsv(const Report& r, std::ostream& out) {
    write_provenance_tsv(r.provenance, out);
    out << "sample\tchrom\tpos\tref\talt\tfilter\tvaf\tdepth\tgene\ttranscript\thgvs_c\thgvs_p\t"
           "protein_change\tconsequence\tlocation\tmatch\tmatch_detail\tkb_id\talteration\tdrug\t"
           "effect\tevidence_level\tamp_tier\tdisease\tmechanism\tstatus\tcitations\tnotes\n";
    for (const auto& f : r.findings) {
        for (const auto& m : f.matches) {
            const KnowledgeEntry& e = *m.entry;
            for (const auto& drug : e.drugs) {
                out << r.provenance.sample << '\t' << f.contig_name << '\t' << f.pos + 1 << '\t' << f.ref
                    << '\t' << f.alt << '\t' << f.filter << '\t' << fixed(f.vaf) << '\t'
                    << opt_int(f.depth) << '\t' << f.csq.gene << '\t' << f.csq.transcript << '\t'
                    << f.csq.hgvs_c << '\t' << f.csq.hgvs_p << '\t' << f.csq.protein_change << '\t'
                    << join(f.csq.terms, "&") << '\t' << exon_or_intron(f.csq) << '\t'
                    << to_string(m.how) << '\t' << m.detail << '\t' << e.id << '\t'
                    << (e.alteration.empty() ? to_string(e.kind) : e.alteration) << '\t' << drug << '\t'
                    << to_string(e.effect) << '\t' << to_string(e.level) << '\t' << amp_tier(e.level)
                    << '\t' << join(e.diseases, ";") << '\t' << e.mechanism << '\t'
                    << (e.verified ? "verified" : "unverified") << '\t' << join(e.citations, ";")
                    << '\t' << e.notes << '\n';
            }
        }
    }
}

void write_json(const Report& r, std::ostream& out) {
    using json = nlohmann::ordered_json;
    const auto& p = r.provenance;
    json doc;
    doc["schema"] = "rvanno-annotate/1";
    doc["notice"] = kResearchUseNotice;
    doc["provenance"] = {{"rvanno_version", p.rvanno_version}, {"htslib_version", p.htslib_version},
                         {"knowledge_base", {{"version", p.kb_version}, {"md5", p.kb_md5}}},
                         {"genome_build", {{"name", p.genome_build}, {"reason", p.genome_build_reason}}},
                         {"inputs", p.inputs}, {"reference_fasta", p.fasta.empty() ? json() : json(p.fasta)},
                         {"command", p.command_line}};
    doc["sample"] = p.sample;
    json counters = json::object();
    for (const auto& [k, v] : r.counters.values) counters[k] = v;
    doc["counters"] = counters;
    json findings = json::array();
    for (const auto& f : r.findings) {
        if (f.matches.empty()) continue;
        const auto& c = f.csq;
        json csq = {{"gene", c.gene}, {"transcript", c.transcript}, {"hgvs_c", c.hgvs_c},
                    {"hgvs_p", c.hgvs_p.empty() ? json() : json(c.hgvs_p)},
                    {"protein_change", c.protein_change.empty() ? json() : json(c.protein_change)},
                    {"protein_change_source", f.protein_source.empty() ? json() : json(f.protein_source)},
                    {"terms", c.terms}, {"exon", c.exon ? json(c.exon) : json()},
                    {"intron", c.intron ? json(c.intron) : json()}, {"exon_count", c.exon_count},
                    {"codon", c.codon ? json(*c.codon) : json()}, {"loss_of_function", c.loss_of_function}};
        json matches = json::array();
        for (const auto& m : f.matches) {
            const auto& e = *m.entry;
            matches.push_back({{"how", to_string(m.how)}, {"detail", m.detail}, {"kb_id", e.id},
                               {"gene", e.gene}, {"kind", to_string(e.kind)}, {"alteration", e.alteration},
                               {"requires", [&] { json a = json::array(); for (auto& q : e.requires_all) a.push_back(q.gene + ":p." + q.protein_change); return a; }()},
                               {"drugs", e.drugs}, {"effect", to_string(e.effect)},
                               {"evidence_level", to_string(e.level)}, {"amp_tier", amp_tier(e.level)},
                               {"disease", e.diseases}, {"mechanism", e.mechanism},
                               {"status", e.verified ? "verified" : "unverified"}, {"citations", e.citations},
                               {"notes", e.notes}, {"source", e.file + ":" + std::to_string(e.line)}});
        }
        findings.push_back({{"record", f.record_number}, {"chrom", f.contig_name}, {"pos", f.pos + 1},
                            {"ref", f.ref}, {"alt", f.alt},
                            {"input_allele", f.input_allele.empty() ? json() : json(f.input_allele)},
                            {"filter", f.filter}, {"genotype", f.genotype.empty() ? json() : json(f.genotype)},
                            {"vaf", f.vaf ? json(std::stod(fixed(f.vaf))) : json()},
                            {"depth", f.depth ? json(*f.depth) : json()}, {"consequence", csq},
                            {"matches", matches}});
    }
    doc["findings"] = findings;
    out << doc.dump(2) << "\n";
}

}  // namespace rvanno
