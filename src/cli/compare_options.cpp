#include "cli/compare_options.hpp"

#include "rvanno/error.hpp"

namespace rvanno::cli {

namespace {

const char* const kHead =
    "Usage: rvanno compare [options] BASELINE PROGRESSION\n"
    "\n"
    "Compares two samples of one patient, typically before treatment and at progression.\n"
    "Each side is annotated as by 'rvanno annotate'; then every alteration is classified as\n"
    "acquired, lost or persistent (small variants by gene + protein change, else HGVS c., else\n"
    "chrom:pos:ref:alt, with VAF before/after; copy number by gene + class, with CN before/\n"
    "after; fusions by partners + exons), each drug's verdict is shown before and after, and\n"
    "the drugs not in --therapy-history are listed as remaining options: sensitive first,\n"
    "then conflicting, reduced sensitivity, no evidence, resistant; within a call by evidence\n"
    "strength, then later drug generation first.\n"
    "BASELINE and PROGRESSION are VCF/BCF files; either may be \"\" when that side has only\n"
    "copy-number or SV input, or both may be one multi-sample VCF with --baseline-sample and\n"
    "--progression-sample.\n"
    "\n";

const char* const kTail =
    "An allele whose genotype is 0/0 or whose VAF is 0 in a side's sample is not that side's\n"
    "alteration. A side without small-variant, CN or SV input cannot show an alteration absent:\n"
    "such changes carry a note. Output formats: docs/compare_and_batch.md.\n"
    "Copy-number and fusion tables of several samples (SEG, cBioPortal) are refused here: give\n"
    "each side its own single-sample file. --strict: a malformed table row is an error.\n"
    "Exit status: 0 done, 1 input or runtime error, 2 usage error.\n"
    "\n"
    "Example:\n"
    "  rvanno compare -g GRCh38 --baseline-sv base.sv.vcf --progression-sv prog.sv.vcf \\\n"
    "      --tumor-type NSCLC --therapy-history crizotinib,alectinib \"\" prog.vcf\n"
    "  rvanno compare --baseline-sample PRE --progression-sample POST -f json -o cmp.json \\\n"
    "      both.vcf.gz both.vcf.gz\n";

struct NamedSide {
    std::string name;
    CompareSide* side;
};

OptionGroup input_rows(CompareOptions& o) {
    const NamedSide sides[] = {{"baseline", &o.base}, {"progression", &o.prog}};
    OptionGroup g = input_group(o);
    g.row("genome").default_text = "[detected from the baseline; the progression must be on the same build]";
    std::vector<OptionRow> own;
    for (const auto& [name, s] : sides)
        own.push_back({name + "-sample", &s->sample, "NAME", "VCF sample of the " + name,
                       "[the tumour, as for annotate --sample]"});
    for (const auto& [name, s] : sides)
        own.push_back({name + "-cnv", &s->cnv, "FILE",
                       "copy-number calls of the " + name + ", in the formats of annotate's --cnv; repeatable",
                       "[none]"});
    for (const auto& [name, s] : sides)
        own.push_back({name + "-sv", &s->sv, "FILE",
                       "SV or fusion calls of the " + name + ", in the formats of annotate's --sv; repeatable",
                       "[none]"});
    g.rows.insert(g.rows.begin(), own.begin(), own.end());
    return g;
}

OptionGroup copy_number_rows(CompareOptions& o) {
    const NamedSide sides[] = {{"baseline", &o.base}, {"progression", &o.prog}};
    OptionGroup g = copy_number_group(o.cn);
    std::vector<OptionRow> own;
    for (const auto& [name, s] : sides)
        own.push_back({name + "-purity", &s->purity, "X", "tumour purity (0,1] of the " + name + " for log2 conversion",
                       "[from the file, else 1]"});
    for (const auto& [name, s] : sides)
        own.push_back({name + "-ploidy", &s->ploidy, "X", "tumour ploidy of the " + name, "[from the file, else 2]"});
    g.rows.insert(g.rows.begin(), own.begin(), own.end());
    return g;
}

OptionGroup output_rows(CompareOptions& o) {
    OptionGroup g = output_group(o);
    g.row("format").help =
        "tsv (three blocks: alteration, verdict, remaining_option; each row's first column names its block) "
        "or json (schema rvanno-compare/1)";
    return g;
}

void validate(CompareOptions& o, const GivenOptions& given) {
    const std::string see = see_help("compare");
    if (!given.has("baseline") || !given.has("progression"))
        throw UsageError("compare: needs BASELINE and PROGRESSION",
                         "give two VCF/BCF paths; use \"\" for a side that has only --*-cnv/--*-sv input");
    for (const auto* s : {&o.base, &o.prog}) {
        const std::string name = s == &o.base ? "baseline" : "progression";
        if (s->vcf.empty() && s->cnv.empty() && s->sv.empty())
            throw UsageError("compare: the " + name + " has no input",
                             "give a VCF/BCF, --" + name + "-cnv FILE or --" + name + "-sv FILE");
        if (s->purity && !(*s->purity > 0 && *s->purity <= 1))
            throw UsageError("compare: --" + name + "-purity must be in (0,1]", see);
        if (s->ploidy && !(*s->ploidy > 0 && *s->ploidy <= 10))
            throw UsageError("compare: --" + name + "-ploidy must be in (0,10]", see);
    }
    if (o.base.vcf == "-" && o.prog.vcf == "-") throw UsageError("compare: standard input can be read only once", see);
    if (!o.base.vcf.empty() && o.base.vcf == o.prog.vcf && o.base.sample == o.prog.sample)
        throw UsageError("compare: the same VCF on both sides needs two different samples",
                         "give --baseline-sample NAME and --progression-sample NAME");
    check_format("compare", o.format, {"tsv", "json"});
    check_report_name("compare", "-o/--output", o.output,
                      "the comparison is TSV or JSON (-f), uncompressed: name it .tsv or .json");
    apply_general_options("compare", o);
    check_input_options("compare", o);
}

}  // namespace

CommandSpec compare_command_spec(CompareOptions& o) {
    return {
        "compare",
        kHead,
        {input_rows(o), copy_number_rows(o), context_group(o), knowledge_group(o), output_rows(o), general_group(o)},
        {{"baseline", &o.base.vcf}, {"progression", &o.prog.vcf}},
        kTail};
}

std::optional<CompareOptions> parse_compare_options(const std::vector<std::string>& args) {
    CompareOptions o;
    const auto given = parse_command(compare_command_spec(o), args);
    if (!given) return std::nullopt;  // --help
    validate(o, *given);
    resolve_fasta(o);
    return o;
}

}  // namespace rvanno::cli
