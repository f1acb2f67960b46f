// rvanno batch: the one-sample pipeline over a cohort (sample sheet or multi-sample VCF), one
// report per sample plus two cohort tables (alterations x samples, drugs x samples).
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <sstream>

#include "cli/batch_options.hpp"
#include "cli/commands.hpp"
#include "cli/context_options.hpp"
#include "io/maf_reader.hpp"
#include "io/output_file.hpp"
#include "io/output_set.hpp"
#include "io/sample_sheet.hpp"
#include "io/vcf_reader.hpp"
#include "knowledge/knowledge_base.hpp"
#include "pipeline/cohort.hpp"
#include "report/cohort.hpp"
#include "report/format.hpp"
#include "report/text_safety.hpp"
#include "report/writers.hpp"
#include "rvanno/error.hpp"

namespace rvanno::cli {
namespace {

const std::vector<std::string> kCohortStems = {"cohort_alterations", "cohort_verdicts"};

using Job = pipeline::CohortJob;

std::vector<Job> jobs_from_sheet(const BatchOptions& o, const KnowledgeBase& kb) {
    std::vector<Job> jobs;
    for (const auto& row : read_sample_sheet(o.sheet)) {
        auto drivers = o.drivers;
        drivers.insert(drivers.end(), row.drivers.begin(), row.drivers.end());
        Job j{row.sample, {row.vcf, row.vcf_sample, row.cnv, row.sv, row.cnv_sample, row.sv_sample}, {}};
        try {
            j.context = parse_sample_context(row.tumor_type.empty() ? o.tumor_type : row.tumor_type, drivers,
                                             row.therapy_history.empty() ? o.therapy_history : row.therapy_history, kb);
        } catch (const UsageError& e) { throw InputError(row.where, e.what(), e.hint()); }
        jobs.push_back(std::move(j));
    }
    return jobs;
}

std::vector<Job> jobs_from_vcf(const BatchOptions& o, const KnowledgeBase& kb) {
    const SampleContext context = parse_sample_context(o.tumor_type, o.drivers, o.therapy_history, kb);
    // A MAF (by its header) gives one report per Tumor_Sample_Barcode, as a VCF per sample column.
    VcfReaderOptions header_only;
    header_only.choose_sample = false;
    const auto samples = is_maf(o.vcf) ? maf_samples(o.vcf) : VcfReader(o.vcf, header_only).header().samples;
    if (samples.empty())
        throw UserError("'" + o.vcf + "' has no sample columns", "batch writes one report per sample column");
    std::vector<Job> jobs;
    for (const auto& s : samples) jobs.push_back({s, {o.vcf, s, {}, {}, {}, {}}, context});
    return jobs;
}

void make_output_dir(const std::string& dir) {
    std::error_code ec;
    if (std::filesystem::is_directory(dir)) return;
    if (std::filesystem::exists(dir))
        throw UserError("'" + dir + "' exists and is not a directory", "give a directory with -o");
    std::filesystem::create_directory(dir, ec);
    if (ec)
        throw UserError("cannot create the output directory '" + dir + "': " + ec.message(),
                        "its parent directory must exist");
}

// Every file the run reads: no report or cohort table may replace one of them.
std::vector<std::string> inputs(const BatchOptions& o, const std::vector<Job>& jobs) {
    std::vector<std::string> in = {o.sheet, o.vcf, o.fasta,
                                   o.db.empty() ? default_knowledge_base_dir().string() : o.db};
    if (!o.fasta.empty()) in.push_back(o.fasta + ".fai");
    for (const auto& j : jobs) {
        in.push_back(j.inputs.vcf);
        in.insert(in.end(), j.inputs.cnv.begin(), j.inputs.cnv.end());
        in.insert(in.end(), j.inputs.sv.begin(), j.inputs.sv.end());
    }
    return in;
}

// Sample reports are put into place as each sample finishes (a cohort can have more samples
// than a process has file descriptors); the two cohort tables are committed together.
void write_report(const Report& r, const std::string& path, const std::string& format) {
    OutputFile out(path);
    if (format == "json")
        write_json(r, out.stream());
    else if (format == "html") {
        std::ostringstream html;  // input bytes are not always UTF-8; the file must be
        write_html(r, html);
        out.stream() << text::repair_utf8(html.str());
    } else
        write_tsv(r, out.stream());
    out.commit();
}

}  // namespace

int batch(const std::vector<std::string>& args, const std::string& command_line) {
    auto parsed = parse_batch_options(args);
    if (!parsed) return 0;  // --help
    const BatchOptions& o = *parsed;
    const KnowledgeBase kb =
        load_knowledge_base(o.db.empty() ? default_knowledge_base_dir() : std::filesystem::path(o.db));
    const VcfRegions regions = input_regions("batch", o);  // a bad -R file fails before the output directory exists
    pipeline::RunTables tables(kb);
    const std::vector<Job> jobs = o.sheet.empty() ? jobs_from_vcf(o, kb) : jobs_from_sheet(o, kb);
    std::vector<std::string> names;
    for (const auto& j : jobs) names.push_back(j.name);
    const auto stems = output_stems(names, kCohortStems);
    make_output_dir(o.output);
    const auto out_path = [&](const std::string& file) { return (std::filesystem::path(o.output) / file).string(); };
    OutputSet outputs(inputs(o, jobs));
    for (std::size_t i = 0; i < jobs.size(); ++i) outputs.check(out_path(stems[i] + "." + o.format), "sample report");
    for (const auto& stem : kCohortStems) outputs.check(out_path(stem + ".tsv"), "cohort table");
    const bool progress = ::isatty(STDERR_FILENO) == 1;
    const auto cohort = pipeline::run_cohort(
        jobs, run_settings(o, o, o, make_cn_thresholds(o.cn, "batch"), regions), tables, command_line,
        [&](std::size_t i, const Report& r) { write_report(r, out_path(stems[i] + "." + o.format), o.format); },
        [&](std::size_t i) {
            if (progress) std::cerr << "[" << i + 1 << "/" << jobs.size() << "] " << jobs[i].name << " ...\n";
        });
    const std::string input_line = o.sheet.empty() ? "##input=" + o.vcf : "##sample_sheet=" + o.sheet;
    write_cohort_alterations(cohort, input_line, outputs.open(out_path("cohort_alterations.tsv"), "cohort table"));
    write_cohort_verdicts(cohort, input_line, outputs.open(out_path("cohort_verdicts.tsv"), "cohort table"));
    outputs.commit();
    if (!o.quiet)
        std::cerr << "rvanno: " << jobs.size()
                  << " sample report(s), cohort_alterations.tsv and cohort_verdicts.tsv written to " << o.output
                  << "\n";
    return 0;
}

}  // namespace rvanno::cli
