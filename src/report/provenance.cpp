#include "report/provenance.hpp"

#include <algorithm>

#include "report/format.hpp"
#include "report/text_safety.hpp"
#include "report/writers.hpp"

namespace rvanno {

const char* const kResearchUseNotice =
    "For research use only. rvanno is not a medical device; its output is not a diagnosis or a "
    "treatment recommendation and must be reviewed by qualified professionals.";

namespace provenance {

namespace {
constexpr std::size_t kShownSkippedLines = 20;  // '##skipped_input_line=' lines; JSON lists all
}  // namespace

using text::tsv;
using text::tsv_join;

// Every value of a '##' line is an escaped TSV field (text::tsv), so no input byte can end
// the line or start a column.
void tsv_head(const Provenance& p, bool with_reason, std::ostream& out) {
    out << "##rvanno_version=" << tsv(p.rvanno_version) << "\n"
        << "##htslib_version=" << tsv(p.htslib_version) << "\n"
        << "##knowledge_base_version=" << tsv(p.kb_version) << "\n"
        << "##knowledge_base_md5=" << tsv(p.kb_md5) << "\n";
    if (!p.kb_layers.empty()) out << "##knowledge_layers=" << tsv(p.kb_layers) << "\n";
    if (!p.kb_civic.empty()) out << "##knowledge_civic=" << tsv(p.kb_civic) << "\n";
    if (!p.kb_rows_not_loaded.empty())
        out << "##knowledge_rows_not_loaded=" << p.kb_rows_not_loaded.size() << " ("
            << tsv(p.kb_rows_not_loaded.front()) << (p.kb_rows_not_loaded.size() > 1 ? "; ..." : "") << ")\n";
    out << "##genome_build=" << tsv(p.genome_build);
    if (with_reason) out << " (" << tsv(p.genome_build_reason) << ")";
    out << "\n";
}

std::string no_fasta_hint(const Provenance& p) {
    if (p.coding_alleles_without_protein_change.value_or(0) == 0 || !p.fasta.empty()) return "";
    return " (no reference FASTA was used: give --fasta or set RVANNO_FASTA for their HGVS p.)";
}

void tsv_sample(const Provenance& p, const std::string& prefix, std::ostream& out) {
    out << "##" << prefix << "sample=" << tsv(p.sample) << "\n";
    if (!p.sample_rule.empty()) out << "##" << prefix << "sample_rule=" << tsv(p.sample_rule) << "\n";
    if (!p.vaf_source.empty()) out << "##" << prefix << "vaf_source=" << tsv(p.vaf_source) << "\n";
    for (const auto& i : p.inputs) out << "##" << prefix << "input=" << tsv(i) << "\n";
    if (!p.regions.empty()) out << "##" << prefix << "regions=" << tsv(p.regions) << "\n";
    if (!p.input_format.empty()) out << "##" << prefix << "input_format=" << tsv(p.input_format) << "\n";
    if (!p.examined.empty()) out << "##" << prefix << "examined=" << tsv(p.examined) << "\n";
    if (!p.phase.empty()) out << "##" << prefix << "phase=" << tsv(p.phase) << "\n";
    if (!p.not_listed.empty()) out << "##" << prefix << "not_listed=" << tsv(p.not_listed) << "\n";
    for (const auto& i : p.cnv_inputs) out << "##" << prefix << "cnv_input=" << tsv(i) << "\n";
    for (const auto& i : p.sv_inputs) out << "##" << prefix << "sv_input=" << tsv(i) << "\n";
    if (!p.cn_settings.empty()) out << "##" << prefix << "copy_number_thresholds=" << tsv(p.cn_settings) << "\n";
    if (!p.input_problems.empty()) out << "##" << prefix << "input_problems=" << tsv(p.input_problems) << "\n";
    if (!p.skipped_input_lines.empty()) {
        std::string counts;
        for (const auto& [kind, n] : p.skipped_input_lines)
            counts += (counts.empty() ? "" : ",") + kind + ":" + std::to_string(n);
        out << "##" << prefix << "skipped_input_lines=" << counts << "\n";
        const std::size_t shown = std::min<std::size_t>(kShownSkippedLines, p.skipped_input_line_list.size());
        for (std::size_t i = 0; i < shown; ++i)
            out << "##" << prefix << "skipped_input_line=" << tsv(p.skipped_input_line_list[i]) << "\n";
        if (p.skipped_input_line_list.size() > shown)
            out << "##" << prefix << "skipped_input_line=... and " << p.skipped_input_line_list.size() - shown
                << " more\n";
    }
    // The FASTA of this sample (its ##reference may differ from the other side's in compare).
    if (!prefix.empty() && !p.fasta.empty()) out << "##" << prefix << "reference_fasta=" << tsv(p.fasta) << "\n";
    if (!p.fasta_source.empty()) out << "##" << prefix << "reference_fasta_source=" << tsv(p.fasta_source) << "\n";
    if (!p.fasta_note.empty()) out << "##" << prefix << "reference_fasta_note=" << tsv(p.fasta_note) << "\n";
    if (p.coding_alleles_without_protein_change)
        out << "##" << prefix << "coding_alleles_without_protein_change=" << *p.coding_alleles_without_protein_change
            << no_fasta_hint(p) << "\n";
}

void tsv_fasta(const Provenance& p, std::ostream& out) {
    if (!p.fasta.empty()) out << "##reference_fasta=" << tsv(p.fasta) << "\n";
}

void tsv_context(const SampleContext& c, std::ostream& out) {
    out << "##tumor_type=" << tsv(c.tumor_type) << "\n##declared_drivers=" << tsv_join(c.declared_drivers, ",")
        << "\n##detected_drivers=" << tsv_join(c.detected_drivers, ",")
        << "\n##therapy_history=" << tsv_join(c.therapy_history, ",") << "\n";
}

void tsv_tail(const Provenance& p, bool coordinates, std::ostream& out) {
    out << "##command=" << tsv(p.command_line) << "\n";
    if (coordinates) out << "##coordinates=pos is 1-based (VCF style); HGVS and exons on the MANE Select transcript\n";
    out << "##notice=" << kResearchUseNotice << "\n";
}

nlohmann::ordered_json json(const Provenance& p, bool with_inputs) {
    using Json = nlohmann::ordered_json;
    Json j = {{"rvanno_version", p.rvanno_version},
              {"htslib_version", p.htslib_version},
              {"knowledge_base",
               {{"version", p.kb_version},
                {"md5", p.kb_md5},
                {"layers", p.kb_layers},
                {"civic", p.kb_civic},
                {"rows_not_loaded", p.kb_rows_not_loaded}}},
              {"genome_build", {{"name", p.genome_build}, {"reason", p.genome_build_reason}}}};
    if (with_inputs) {
        j["inputs"] = p.inputs;
        if (!p.sample_rule.empty()) j["sample_rule"] = p.sample_rule;
        if (!p.vaf_source.empty()) j["vaf_source"] = p.vaf_source;
        if (!p.regions.empty()) j["regions"] = p.regions;
        if (!p.input_format.empty()) j["input_format"] = p.input_format;
        if (!p.input_problems.empty()) j["input_problems"] = p.input_problems;
        if (!p.examined.empty()) j["examined"] = p.examined;
        if (!p.phase.empty()) j["phase"] = p.phase;
        if (!p.not_listed.empty()) j["not_listed"] = p.not_listed;
        j["cnv_inputs"] = p.cnv_inputs;
        j["sv_inputs"] = p.sv_inputs;
        j["copy_number_thresholds"] = p.cn_settings.empty() ? Json() : Json(p.cn_settings);
        j["reference_fasta"] = p.fasta.empty() ? Json() : Json(p.fasta);
        if (!p.skipped_input_lines.empty())
            j["skipped_input_lines"] = {{"counts", p.skipped_input_lines}, {"lines", p.skipped_input_line_list}};
        if (!p.fasta_source.empty()) j["reference_fasta_source"] = p.fasta_source;
        if (!p.fasta_note.empty()) j["reference_fasta_note"] = p.fasta_note;
        if (p.coding_alleles_without_protein_change)
            j["coding_alleles_without_protein_change"] = *p.coding_alleles_without_protein_change;
    }
    j["command"] = p.command_line;
    return j;
}

// Escaped like TSV fields: a newline in the command line would end the header line.
std::vector<std::string> vcf_header_lines(const Provenance& p) {
    std::vector<std::string> lines{
        "##rvanno_version=" + tsv(p.rvanno_version),
        "##rvanno_knowledge_base=" + tsv(p.kb_version) + " (md5 " + tsv(p.kb_md5) + ")",
        "##rvanno_knowledge_layers=" + tsv(p.kb_layers) + (p.kb_civic.empty() ? "" : " (" + tsv(p.kb_civic) + ")") +
            (p.kb_rows_not_loaded.empty()
                 ? ""
                 : "; " + std::to_string(p.kb_rows_not_loaded.size()) + " rows not loaded (unknown match_restrict)"),
        "##rvanno_genome_build=" + tsv(p.genome_build), "##rvanno_command=" + tsv(p.command_line)};
    if (!p.regions.empty()) lines.insert(lines.end() - 1, "##rvanno_regions=" + tsv(p.regions));
    if (!p.input_problems.empty()) lines.insert(lines.end() - 1, "##rvanno_input_problems=" + tsv(p.input_problems));
    if (!p.sample_rule.empty())
        lines.insert(lines.end() - 1, "##rvanno_sample=" + tsv(p.sample) + " (" + tsv(p.sample_rule) + ")");
    if (!p.examined.empty()) lines.insert(lines.end() - 1, "##rvanno_examined=" + tsv(p.examined));
    return lines;
}

}  // namespace provenance
}  // namespace rvanno
