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

using json = nlohmann::ordered_json;

json optional_string(const std::string& s) { return s.empty() ? json() : json(s); }

json match_json(const Match& m) {
    const auto& e = *m.entry;
    json requires_all = json::array();
    for (const auto& q : e.requires_all) requires_all.push_back(q.gene + ":p." + q.protein_change);
    return {{"how", to_string(m.how)}, {"detail", m.detail}, {"kb_id", e.id}, {"gene", e.gene},
            {"kind", to_string(e.kind)}, {"alteration", e.alteration}, {"requires", requires_all},
            {"drugs", e.drugs}, {"effect", to_string(e.effect)}, {"evidence_level", to_string(e.level)},
            {"amp_tier", amp_tier(e.level)}, {"disease", e.diseases}, {"mechanism", e.mechanism},
            {"status", e.verified ? "verified" : "unverified"}, {"citations", e.citations},
            {"notes", e.notes}, {"source", e.file + ":" + std::to_string(e.line)}};
}

json consequence_json(const AlleleFinding& f) {
    const auto& c = f.csq;
    return {{"gene", c.gene}, {"transcript", c.transcript}, {"hgvs_c", c.hgvs_c},
            {"hgvs_p", optional_string(c.hgvs_p)}, {"protein_change", optional_string(c.protein_change)},
            {"protein_change_source", optional_string(f.protein_source)}, {"terms", c.terms},
            {"exon", c.exon ? json(c.exon) : json()}, {"intron", c.intron ? json(c.intron) : json()},
            {"exon_count", c.exon_count}, {"codon", c.codon ? json(*c.codon) : json()},
            {"loss_of_function", c.loss_of_function}};
}

json finding_json(const AlleleFinding& f) {
    json matches = json::array();
    for (const auto& m : f.matches) matches.push_back(match_json(m));
    return {{"record", f.record_number}, {"chrom", f.contig_name}, {"pos", f.pos + 1}, {"ref", f.ref},
            {"alt", f.alt}, {"input_allele", optional_string(f.input_allele)}, {"filter", f.filter},
            {"genotype", optional_string(f.genotype)}, {"vaf", f.vaf ? json(std::stod(fixed(f.vaf))) : json()},
            {"depth", f.depth ? json(*f.depth) : json()}, {"consequence", consequence_json(f)},
            {"matches", matches}};
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
    const auto& p = r.provenance;
    json doc;
    doc["schema"] = "rvanno-annotate/1";
    doc["notice"] = kResearchUseNotice;
    doc["provenance"] = {{"rvanno_version", p.rvanno_version}, {"htslib_version", p.htslib_version},
                         {"knowledge_base", {{"version", p.kb_version}, {"md5", p.kb_md5}}},
                         {"genome_build", {{"name", p.genome_build}, {"reason", p.genome_build_reason}}},
                         {"inputs", p.inputs}, {"reference_fasta", optional_string(p.fasta)},
                         {"command", p.command_line}};
    doc["sample"] = p.sample;
    json counters = json::object();
    for (const auto& [k, v] : r.counters.values) counters[k] = v;
    doc["counters"] = counters;
    json findings = json::array(), unmatched = json::array();
    for (const auto& f : r.findings) (f.matches.empty() ? unmatched : findings).push_back(finding_json(f));
    doc["findings"] = findings;
    doc["unmatched_in_knowledge_base_genes"] = unmatched;
    out << doc.dump(2) << "\n";
}

}  // namespace rvanno
