// Opening one sample's inputs (pipeline/inputs.hpp).
#include "pipeline/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "base/strings.hpp"
#include "base/warning.hpp"
#include "io/cnv/reader.hpp"
#include "io/sv/reader.hpp"
#include "rvanno/error.hpp"

namespace rvanno::pipeline {

std::unique_ptr<VcfReader> open_vcf(const SampleInputs& o, const RunSettings& p, std::vector<int> also_samples) {
    VcfReaderOptions options;
    options.sample = o.vcf_sample;
    options.include_filtered = p.include_filtered;
    options.threads = p.threads;
    options.regions = p.regions;
    options.strict = p.strict;
    options.targets_through_index = p.targets_through_index;
    options.also_samples = std::move(also_samples);
    options.vcf_stream = p.vcf_stream;
    return std::make_unique<VcfReader>(o.vcf, options);
}

Inputs open_inputs(const SampleInputs& o, const RunSettings& p) {
    Inputs in;
    if (!o.vcf.empty() && is_maf(o.vcf)) {  // by its header, not its name
        if (!p.regions.empty())
            throw UsageError("'" + o.vcf + "' is a MAF: -r/-R read an indexed VCF/BCF",
                             "drop -r/-R (a MAF is read whole), or convert the MAF to an indexed VCF");
        in.maf = std::make_unique<MafReader>(o.vcf, MafReaderOptions{o.vcf_sample, p.include_filtered});
    } else if (!o.vcf.empty()) {
        in.vcf = open_vcf(o, p);
    }
    auto fmt = p.cnv_format.empty() ? std::nullopt : parse_cnv_format(p.cnv_format);
    for (const auto& f : o.cnv) in.cnv.push_back(read_copy_number(f, fmt, {o.cnv_sample, p.strict}));
    for (const auto& f : o.sv) in.sv.push_back(read_structural_variants(f, {o.sv_sample, p.strict}));
    return in;
}

FastaChoice choose_fasta(const SampleInputs& o, const RunSettings& p, const Inputs& in) {
    FastaChoice c;
    if (!p.fasta.empty()) {
        c.path = p.fasta;
        c.source = p.fasta_source.empty() ? "--fasta" : p.fasta_source;
        c.label = c.source == "--fasta" ? "--fasta" : c.source + " ('" + c.path + "')";
        c.reference = std::make_unique<FastaReference>(c.path);
        return c;
    }
    if (!in.vcf || in.vcf->header().reference_line.empty()) return c;
    std::string named = in.vcf->header().reference_line;
    if (named.rfind("file://", 0) == 0) named.erase(0, 7);
    std::error_code ec;
    if (named.find("://") != std::string::npos || !std::filesystem::is_regular_file(named, ec)) {
        c.note = "the ##reference of '" + o.vcf + "' names '" + named + "', which " +
                 (named.find("://") != std::string::npos ? "is not a local file" : "was not found") +
                 ": no FASTA used (give --fasta or RVANNO_FASTA for HGVS p.)";
        return c;
    }
    try {
        c.reference = std::make_unique<FastaReference>(named);
    } catch (const UserError& e) {
        c.note = "the ##reference of '" + o.vcf + "' names '" + named + "', which could not be indexed (" + e.what() +
                 "): no FASTA used";
        return c;
    }
    c.path = named;
    c.source = "##reference";
    c.label = "the FASTA its ##reference names ('" + named + "')";
    return c;
}

// The genes that skipped fusion-table rows name (SkippedLine::gene: "A,B").
std::set<std::string> genes_of_skipped_sv_rows(const Inputs& in) {
    std::set<std::string> out;
    for (const auto& s : in.sv)
        for (const auto& l : s.skipped_lines)
            for (const auto& g : split(l.gene, ',')) out.insert(g);
    return out;
}

std::string sample_name(const Inputs& in) {
    if (in.vcf) return in.vcf->header().sample;
    if (in.maf) return in.maf->header().sample;
    for (const auto& c : in.cnv)
        if (!c.sample.empty()) return c.sample;
    for (const auto& s : in.sv)
        if (!s.sample.empty()) return s.sample;
    return "";
}

// What the tables' skipped malformed lines were, for the provenance (io/table_skips.hpp).
void note_skipped_lines(const Inputs& in, Provenance& p) {
    auto add = [&](const char* kind, const std::vector<SkippedLine>& lines) {
        p.skipped_input_lines[kind] += static_cast<long>(lines.size());
        for (const auto& l : lines) p.skipped_input_line_list.push_back(l.where + ": " + l.problem);
    };
    if (!in.cnv.empty()) p.skipped_input_lines["cnv"] = 0;
    if (!in.sv.empty()) p.skipped_input_lines["sv"] = 0;
    for (const auto& c : in.cnv) add("cnv", c.skipped_lines);
    for (const auto& s : in.sv) add("sv", s.skipped_lines);
    // An input that gave nothing usable (an SNV VCF given as --cnv, a table of comments) is not
    // an input with nothing found: told on stderr and in the provenance (issue 11).
    auto empty = [&](const std::string& path, const std::string& what, long other, long contigs) {
        std::string text = "'" + path + "' gave no usable " + what;
        if (other + contigs == 0) text += " (it has no data records)";
        if (other > 0) text += " (" + std::to_string(other) + " record(s) describe none)";
        if (contigs > 0) text += " (" + std::to_string(contigs) + " on alt, decoy or unplaced contigs)";
        warn(text + "; check that it is the right file for this option");
        p.input_problems += (p.input_problems.empty() ? "" : "; ") + text;
    };
    for (const auto& c : in.cnv)
        if (c.segments.empty()) empty(c.path, "copy-number segment", c.skipped_not_cnv, c.skipped_contigs);
    for (const auto& s : in.sv)
        if (s.junctions.empty())
            empty(s.path, "junction or fusion", s.skipped_other + s.unpaired_breakends, s.skipped_nonprimary);
}

// Fusions were assessed when an SV input gave junctions, or had no records at all (the caller
// found none). One whose records were all unusable (an SNV VCF given as --sv) assessed nothing.
bool sv_assessed(const Inputs& in) {
    return std::any_of(in.sv.begin(), in.sv.end(), [](const SvInput& s) {
        return !s.junctions.empty() || s.skipped_other + s.unpaired_breakends + s.skipped_nonprimary == 0;
    });
}

}  // namespace rvanno::pipeline
