// rvanno batch: the one-sample pipeline over a cohort (sample sheet or multi-sample VCF), one
// report per sample plus two cohort tables (alterations x samples, drugs x samples).
#include <unistd.h>

#include <boost/program_options.hpp>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/context_options.hpp"
#include "cli/option_parsing.hpp"
#include "knowledge/knowledge_base.hpp"
#include "pipeline/sample.hpp"
#include "io/sample_sheet.hpp"
#include "report/format.hpp"
#include "io/output_file.hpp"
#include "io/vcf_reader.hpp"
#include "rvanno/compare.hpp"
#include "rvanno/error.hpp"
#include "rvanno/interpret.hpp"

namespace po = boost::program_options;

namespace rvanno::cli {
namespace {

const char* const kUsageHead =
    "Usage: rvanno batch [options] (--sample-sheet SHEET | MULTI.vcf) -o OUTDIR\n"
    "\n"
    "Annotates every sample of a cohort as 'rvanno annotate' would, with verdicts, and writes\n"
    "OUTDIR/<sample>.tsv|json|html (the sample name with characters other than A-Z a-z 0-9 . _ -\n"
    "replaced by '_'; names that would collide are refused) plus two cohort tables:\n"
    "  cohort_alterations.tsv  one row per alteration (keys as in 'rvanno compare'), one column\n"
    "                          per sample: VAF, copy number, \"present\", \"\" (absent) or\n"
    "                          \"not_assessed\" (the sample has no input of that kind)\n"
    "  cohort_verdicts.tsv     one row per drug, one column per sample: the verdict call\n"
    "The inputs are a sample sheet or a multi-sample VCF/BCF (one report per sample column; an\n"
    "allele with genotype 0/0 or VAF 0 in a sample is not that sample's).\n"
    "\n"
    "Input:\n"
    "      --sample-sheet FILE   TSV with the header sample, vcf, cnv, sv, tumor_type, driver\n"
    "                            (optional columns: vcf_sample, therapy_history); cnv, sv and\n"
    "                            driver may list several entries separated by ','; paths are\n"
    "                            relative to the sheet's directory; empty cells allowed\n"
    "  -g, --genome BUILD        GRCh38 or GRCh37 [detected from the first sample; every\n"
    "                            sample must be on that build]\n"
    "      --include-filtered    also report non-PASS records [off]\n"
    "      --fasta FILE          reference FASTA of the same build [none]\n"
    "      --cnv-format FMT      format of every CNV file, as for annotate [detected]\n"
    "\n"
    "Copy number (purity and ploidy are taken from each sample's files):\n"
    "      --cn-thresholds MODE  absolute or relative [absolute]\n"
    "      --amp-cn X  --gain-cn X  --loss-cn X  --deep-deletion-cn X\n"
    "                            as for annotate [5, 3, 1, 0.5 absolute; 3, 1.5, 0.5, 0.5\n"
    "                            relative]\n"
    "\n";

const char* const kUsageTail =
    "                            (for every sample; a sheet's tumor_type and therapy_history\n"
    "                            cells replace these for their row, its driver cell adds to\n"
    "                            --driver)\n"
    "\n"
    "Knowledge base:\n"
    "  -d, --db DIR              knowledge base directory [$RVANNO_DB, else bundled]\n"
    "\n"
    "Output:\n"
    "  -o, --output DIR          output directory, created if missing (required)\n"
    "  -f, --format FMT          per-sample reports as tsv, json or html [tsv]\n"
    "\n"
    "General:\n"
    "      --threads N           extra BGZF decompression threads [0]\n"
    "  -q, --quiet               no summary line on stderr [off]\n"
    "  -h, --help                print this help and exit\n"
    "\n"
    "Every file is written whole or not at all. The first sample that fails stops the batch;\n"
    "the message names it, and the reports written before it stay. A progress line\n"
    "\"[3/12] SAMPLE ...\" goes to stderr when it is a terminal. Formats: docs/compare_and_batch.md.\n"
    "Exit status: 0 done, 1 input or runtime error, 2 usage error.\n"
    "\n"
    "Example:\n"
    "  rvanno batch --sample-sheet cohort/samples.tsv -f json -o cohort/reports\n"
    "  rvanno batch --tumor-type NSCLC -o reports cohort.vcf.gz\n";

const char* const kSeeHelp = "see 'rvanno batch --help'";
const std::vector<std::string> kCohortStems = {"cohort_alterations", "cohort_verdicts"};

struct BatchOptions {
    std::string sheet, vcf, genome, fasta, cnv_format, db, output, format = "tsv";
    std::string tumor_type, therapy_history;
    std::vector<std::string> drivers;
    bool include_filtered = false, quiet = false;
    int threads = 0;
    CnThresholdOptions cn;
};

std::optional<BatchOptions> parse(const std::vector<std::string>& args) {
    BatchOptions o;
    bool help = false;
    po::options_description d;
    d.add_options()("help,h", po::bool_switch(&help))("sample-sheet", po::value(&o.sheet))("genome,g", po::value(&o.genome))(
        "include-filtered", po::bool_switch(&o.include_filtered))("fasta", po::value(&o.fasta))(
        "cnv-format", po::value(&o.cnv_format))("cn-thresholds", po::value(&o.cn.mode))("amp-cn", po::value<double>())(
        "gain-cn", po::value<double>())("loss-cn", po::value<double>())("deep-deletion-cn", po::value<double>())(
        "tumor-type", po::value(&o.tumor_type))("driver", po::value(&o.drivers)->composing())(
        "therapy-history", po::value(&o.therapy_history))("db,d", po::value(&o.db))("output,o", po::value(&o.output))(
        "format,f", po::value(&o.format))("threads", po::value(&o.threads))("quiet,q", po::bool_switch(&o.quiet))(
        "input", po::value(&o.vcf));
    po::positional_options_description pos;
    pos.add("input", 1);
    const auto vm = parse_command_line("batch", args, d, pos);
    if (help) {
        std::cout << kUsageHead << kContextOptionsHelp << kUsageTail;
        return std::nullopt;
    }
    o.cn = {o.cn.mode, optional_number(vm, "amp-cn"), optional_number(vm, "gain-cn"), optional_number(vm, "loss-cn"), optional_number(vm, "deep-deletion-cn")};
    if (o.sheet.empty() == o.vcf.empty())
        throw UsageError("batch: give either --sample-sheet FILE or one multi-sample VCF/BCF", kSeeHelp);
    if (o.vcf == "-") throw UsageError("batch: the VCF is read once per sample, so it cannot be standard input", kSeeHelp);
    if (o.output.empty()) throw UsageError("batch: -o OUTDIR is required", kSeeHelp);
    if (o.format != "tsv" && o.format != "json" && o.format != "html")
        throw UsageError("batch: unknown --format '" + o.format + "' (expected: tsv, json or html)", kSeeHelp);
    if (o.threads < 0 || o.threads > 64) throw UsageError("batch: --threads must be 0..64", kSeeHelp);
    if (!o.genome.empty() && !parse_genome_build(o.genome))
        throw UsageError("batch: unknown --genome '" + o.genome + "' (expected: GRCh38 or GRCh37)", kSeeHelp);
    if (!o.cnv_format.empty() && !parse_cnv_format(o.cnv_format))
        throw UsageError("batch: unknown --cnv-format '" + o.cnv_format + "'", kSeeHelp);
    return o;
}

struct Job {
    std::string name;
    SampleInputs inputs;
    SampleContext context;
};

std::vector<Job> jobs_from_sheet(const BatchOptions& o, const KnowledgeBase& kb) {
    std::vector<Job> jobs;
    for (const auto& row : read_sample_sheet(o.sheet)) {
        auto drivers = o.drivers;
        drivers.insert(drivers.end(), row.drivers.begin(), row.drivers.end());
        Job j{row.sample, {row.vcf, row.vcf_sample, row.cnv, row.sv}, {}};
        try {
            j.context = parse_sample_context(row.tumor_type.empty() ? o.tumor_type : row.tumor_type, drivers,
                                             row.therapy_history.empty() ? o.therapy_history : row.therapy_history, kb);
        } catch (const UsageError& e) {
            throw InputError(row.where, e.what(), e.hint());
        }
        jobs.push_back(std::move(j));
    }
    return jobs;
}

std::vector<Job> jobs_from_vcf(const BatchOptions& o, const KnowledgeBase& kb) {
    const SampleContext context = parse_sample_context(o.tumor_type, o.drivers, o.therapy_history, kb);
    const auto samples = VcfReader(o.vcf, {}).header().samples;
    if (samples.empty())
        throw UserError("'" + o.vcf + "' has no sample columns", "batch writes one report per sample column");
    std::vector<Job> jobs;
    for (const auto& s : samples) jobs.push_back({s, {o.vcf, s, {}, {}}, context});
    return jobs;
}

void make_output_dir(const std::string& dir) {
    std::error_code ec;
    if (std::filesystem::is_directory(dir)) return;
    if (std::filesystem::exists(dir)) throw UserError("'" + dir + "' exists and is not a directory", "give a directory with -o");
    std::filesystem::create_directory(dir, ec);
    if (ec) throw UserError("cannot create the output directory '" + dir + "': " + ec.message(), "its parent directory must exist");
}

// What the cohort tables need of one sample's report.
struct SampleSummary {
    std::string name;
    bool small{false}, cnv{false}, sv{false};
    std::vector<KeyedAlteration> alterations;
    std::vector<DrugVerdict> verdicts;  // evidence cleared
};

Report run_job(const Job& job, const PipelineSettings& settings, const KnowledgeBase& kb, const std::string& command_line) {
    try {
        Report r = annotate_sample(job.inputs, settings, kb, command_line);
        r.provenance.sample = job.name;
        SampleContext context = job.context;
        context.detected_drivers = detect_drivers(r);
        r.context = context;
        r.verdicts = compute_verdicts(r, kb, context);
        return r;
    } catch (const UsageError& e) {
        throw UsageError("sample '" + job.name + "': " + e.what(), e.hint());
    } catch (const UserError& e) {
        throw UserError("sample '" + job.name + "': " + e.what(), e.hint());
    }
}

void write_report(const Report& r, const std::string& path, const std::string& format) {
    OutputFile out(path);
    if (format == "json") write_json(r, out.stream());
    else if (format == "html") write_html(r, out.stream());
    else write_tsv(r, out.stream());
    out.commit();
}

void write_provenance(const Report& first, const BatchOptions& o, std::size_t n, const char* cells, std::ostream& out) {
    const auto& p = first.provenance;
    out << "##rvanno_version=" << p.rvanno_version << "\n##htslib_version=" << p.htslib_version
        << "\n##knowledge_base_version=" << p.kb_version << "\n##knowledge_base_md5=" << p.kb_md5
        << "\n##genome_build=" << p.genome_build << "\n"
        << (o.sheet.empty() ? "##input=" + o.vcf : "##sample_sheet=" + o.sheet) << "\n##samples=" << n
        << "\n##cells=" << cells << "\n##command=" << p.command_line << "\n##notice=" << kResearchUseNotice << "\n";
}

std::string cell(const KeyedAlteration& a) {
    if (a.finding == "small_variant" && a.presence.vaf) return fmt::fixed(a.presence.vaf, 4);
    if (a.finding == "copy_number" && a.presence.cn) return fmt::fixed(a.presence.cn, 2);
    return "present";
}

int finding_rank(const std::string& f) { return f == "small_variant" ? 0 : f == "copy_number" ? 1 : 2; }

void write_cohort_alterations(const std::vector<SampleSummary>& samples, std::ostream& out) {
    std::vector<KeyedAlteration> rows;  // union of keys, kb_ids merged
    for (const auto& s : samples)
        for (const auto& a : s.alterations) {
            auto it = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.key == a.key && r.finding == a.finding; });
            if (it == rows.end()) { rows.push_back(a); continue; }
            for (const auto& id : a.presence.kb_ids)
                if (std::find(it->presence.kb_ids.begin(), it->presence.kb_ids.end(), id) == it->presence.kb_ids.end())
                    it->presence.kb_ids.push_back(id);
        }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return finding_rank(a.finding) != finding_rank(b.finding) ? finding_rank(a.finding) < finding_rank(b.finding) : a.key < b.key;
    });
    out << "alteration\tfinding\tgene\tkb_ids";
    for (const auto& s : samples) out << '\t' << s.name;
    out << '\n';
    for (const auto& r : rows) {
        std::string ids;
        for (const auto& id : r.presence.kb_ids) ids += (ids.empty() ? "" : ";") + id;
        out << r.key << '\t' << r.finding << '\t' << r.gene << '\t' << ids;
        for (const auto& s : samples) {
            auto it = std::find_if(s.alterations.begin(), s.alterations.end(),
                                   [&](const auto& a) { return a.key == r.key && a.finding == r.finding; });
            const bool assessed = r.finding == "small_variant" ? s.small : r.finding == "copy_number" ? s.cnv : s.sv;
            out << '\t' << (it != s.alterations.end() ? cell(*it) : assessed ? "" : "not_assessed");
        }
        out << '\n';
    }
}

void write_cohort_verdicts(const std::vector<SampleSummary>& samples, std::ostream& out) {
    std::vector<const DrugVerdict*> drugs;  // first appearance, sample by sample
    for (const auto& s : samples)
        for (const auto& v : s.verdicts)
            if (std::none_of(drugs.begin(), drugs.end(), [&](const DrugVerdict* d) { return d->drug == v.drug; }))
                drugs.push_back(&v);
    out << "drug\tdrug_class\tgeneration";
    for (const auto& s : samples) out << '\t' << s.name;
    out << '\n';
    for (const DrugVerdict* d : drugs) {
        out << d->drug << '\t' << d->drug_class << '\t' << (d->generation ? std::to_string(*d->generation) : "");
        for (const auto& s : samples) {
            auto it = std::find_if(s.verdicts.begin(), s.verdicts.end(), [&](const DrugVerdict& v) { return v.drug == d->drug; });
            out << '\t' << to_string(it == s.verdicts.end() ? VerdictCall::no_evidence : it->call);
        }
        out << '\n';
    }
}

}  // namespace

int batch(const std::vector<std::string>& args, const std::string& command_line) {
    auto parsed = parse(args);
    if (!parsed) return 0;  // --help
    const BatchOptions& o = *parsed;
    const KnowledgeBase kb = load_knowledge_base(o.db.empty() ? default_knowledge_base_dir() : std::filesystem::path(o.db));
    PipelineSettings settings{o.genome, o.fasta, o.cnv_format, o.include_filtered, o.threads, {}, {}, make_cn_thresholds(o.cn, "batch")};
    const std::vector<Job> jobs = o.sheet.empty() ? jobs_from_vcf(o, kb) : jobs_from_sheet(o, kb);
    std::vector<std::string> names;
    for (const auto& j : jobs) names.push_back(j.name);
    const auto stems = output_stems(names, kCohortStems);
    make_output_dir(o.output);
    const bool progress = ::isatty(STDERR_FILENO) == 1;
    std::vector<SampleSummary> summaries;
    std::optional<Report> first;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        if (progress) std::cerr << "[" << i + 1 << "/" << jobs.size() << "] " << jobs[i].name << " ...\n";
        Report r = run_job(jobs[i], settings, kb, command_line);
        if (settings.genome.empty()) settings.genome = r.provenance.genome_build;  // one build for the cohort
        write_report(r, (std::filesystem::path(o.output) / (stems[i] + "." + o.format)).string(), o.format);
        SampleSummary s{jobs[i].name, !r.provenance.inputs.empty(), !r.provenance.cnv_inputs.empty(),
                        !r.provenance.sv_inputs.empty(), keyed_alterations(r), r.verdicts};
        for (auto& v : s.verdicts) v.evidence.clear();
        summaries.push_back(std::move(s));
        if (!first) first = std::move(r);
    }
    OutputFile alterations((std::filesystem::path(o.output) / "cohort_alterations.tsv").string());
    write_provenance(*first, o, jobs.size(), "VAF (small variant), minimum copy number (copy number), present, empty = absent, not_assessed = no input of that kind", alterations.stream());
    write_cohort_alterations(summaries, alterations.stream());
    OutputFile verdicts((std::filesystem::path(o.output) / "cohort_verdicts.tsv").string());
    write_provenance(*first, o, jobs.size(), "verdict call per drug (no_evidence when no knowledge row bears on the drug)", verdicts.stream());
    write_cohort_verdicts(summaries, verdicts.stream());
    alterations.commit();
    verdicts.commit();
    if (!o.quiet)
        std::cerr << "rvanno: " << jobs.size() << " sample report(s), cohort_alterations.tsv and cohort_verdicts.tsv written to "
                  << o.output << "\n";
    return 0;
}

}  // namespace rvanno::cli
