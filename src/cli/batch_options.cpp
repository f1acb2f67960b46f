#include "cli/batch_options.hpp"

#include "rvanno/error.hpp"

namespace rvanno::cli {

namespace {

const char* const kHead =
    "Usage: rvanno batch [options] (--sample-sheet SHEET | MULTI.vcf | MULTI.maf) -o OUTDIR\n"
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
    "A multi-sample MAF (told by its header) gives one report per Tumor_Sample_Barcode; a sheet's\n"
    "vcf column may name a MAF, with vcf_sample as its barcode.\n"
    "\n";

const char* const kTail =
    "Every file is written whole or not at all. The first sample that fails stops the batch;\n"
    "the message names it, and the reports written before it stay. A progress line\n"
    "\"[3/12] SAMPLE ...\" goes to stderr when it is a terminal. Formats: docs/compare_and_batch.md.\n"
    "Multi-sample copy-number or fusion tables need the sheet's cnv_sample / sv_sample column.\n"
    "--strict: a malformed table row is an error, not a skipped, counted line.\n"
    "Exit status: 0 done, 1 input or runtime error, 2 usage error.\n"
    "\n"
    "Example:\n"
    "  rvanno batch --sample-sheet cohort/samples.tsv -f json -o cohort/reports\n"
    "  rvanno batch --tumor-type NSCLC -o reports cohort.vcf.gz\n";

OptionGroup input_rows(BatchOptions& o) {
    OptionGroup g = input_group(o);
    g.row("genome").default_text = "[detected from the first sample; every sample must be on that build]";
    g.rows.insert(g.rows.begin(),
                  {"sample-sheet", &o.sheet, "FILE",
                   "TSV with the header sample, vcf, cnv, sv, tumor_type, driver (optional columns: vcf_sample, "
                   "therapy_history); cnv, sv and driver may list several entries separated by ','; paths are "
                   "relative to the sheet's directory; empty cells allowed",
                   "[none]"});
    return g;
}

OptionGroup copy_number_rows(BatchOptions& o) {
    OptionGroup g = copy_number_group(o.cn);
    g.note = "(purity and ploidy are taken from each sample's files)";
    return g;
}

OptionGroup context_rows(BatchOptions& o) {
    OptionGroup g = context_group(o);
    g.note =
        "(for every sample; a sheet's tumor_type and therapy_history cells replace these for their row, "
        "its driver cell adds to --driver)";
    return g;
}

OptionGroup output_rows(BatchOptions& o) {
    OptionGroup g = output_group(o);
    OptionRow& out = g.row("output");
    out.metavar = "DIR";
    out.help = "output directory, created if missing";
    out.default_text = "[required]";
    g.row("format").help = "per-sample reports as tsv, json or html (self-contained tumour-board report)";
    return g;
}

void validate(const BatchOptions& o) {
    const std::string see = see_help("batch");
    if (o.sheet.empty() == o.vcf.empty())
        throw UsageError("batch: give either --sample-sheet FILE or one multi-sample VCF/BCF", see);
    if (o.vcf == "-") throw UsageError("batch: the VCF is read once per sample, so it cannot be standard input", see);
    if (o.output.empty()) throw UsageError("batch: -o OUTDIR is required", see);
    check_format("batch", o.format, {"tsv", "json", "html"});
    apply_general_options("batch", o);
    check_input_options("batch", o);
}

}  // namespace

CommandSpec batch_command_spec(BatchOptions& o) {
    return {"batch",
            kHead,
            {input_rows(o), copy_number_rows(o), context_rows(o), knowledge_group(o), output_rows(o), general_group(o)},
            {{"input", &o.vcf}},
            kTail};
}

std::optional<BatchOptions> parse_batch_options(const std::vector<std::string>& args) {
    BatchOptions o;
    if (!parse_command(batch_command_spec(o), args)) return std::nullopt;  // --help
    validate(o);
    resolve_fasta(o);
    return o;
}

}  // namespace rvanno::cli
