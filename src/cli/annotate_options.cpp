#include "cli/annotate_options.hpp"

#include "rvanno/error.hpp"

namespace rvanno::cli {

namespace {

const char* const kHead =
    "Usage: rvanno annotate [options] [<in.vcf|in.vcf.gz|in.bcf|->]\n"
    "\n"
    "Reports which alterations of a tumour match the curated resistance knowledge base: small\n"
    "variants (VCF/BCF), gene-level copy number (--cnv) and fusions (--sv), each with gene, HGVS\n"
    "or copy number on the MANE Select transcript, how it matched, the drugs it argues for or\n"
    "against, evidence level, AMP/ASCO/CAP tier and citation. One row per (match, drug).\n"
    "The small-variant input may be left out when --cnv or --sv is given.\n"
    "\n";

const char* const kTail =
    "Multi-allelic records are split; '*' and symbolic ALTs are counted and skipped.\n"
    "Positions are printed 1-based. Every output starts with its provenance: rvanno and\n"
    "knowledge-base version, knowledge-base MD5, genome build, thresholds and command line.\n"
    "Exit status: 0 done, 1 input or runtime error, 2 usage error.\n"
    "\n"
    "Example:\n"
    "  rvanno annotate testdata/cases/index_case/input.vcf\n"
    "  rvanno annotate --cnv tumour.cns --sv tumour.sv.vcf.gz -f json -o tumour.json tumour.vcf.gz\n"
    "  rvanno annotate -g GRCh38 --sv fusions.tsv --gene-table genes.tsv\n"
    "  rvanno annotate --cnv tumour.cns --driver \"ALK fusion\" --tumor-type IMT \\\n"
    "      --therapy-history crizotinib,alectinib -f html -o report.html tumour.vcf.gz\n";

OptionGroup input_rows(AnnotateOptions& o) {
    OptionGroup g = input_group(o);
    auto at = [&](const char* name) { return g.rows.begin() + (&g.row(name) - g.rows.data()); };
    g.rows.insert(g.rows.begin(), {"sample,s", &o.sample, "NAME", "sample whose FORMAT AF/AD/DP/GT are reported",
                                   "[##tumor_sample= when present, else the first sample]"});
    g.rows.insert(at("cnv-format"),
                  {"cnv", &o.cnv, "FILE",
                   "copy-number calls; repeatable. CNVkit .cns/.call.cns, GATK or DNAcopy .seg, PURPLE "
                   ".purple.cnv.somatic.tsv/.gene.tsv, PCGR allele-specific segments, CNV VCF/BCF, or "
                   "chrom/start/end/copy_number",
                   "[none]"});
    g.rows.push_back({"sv", &o.sv, "FILE",
                      "structural variants or fusions; repeatable. SV VCF/BCF (Manta, Delly, GRIDSS, SvABA), "
                      "Arriba fusions.tsv, STAR-Fusion predictions, or a gene5/gene3 list",
                      "[none]"});
    g.rows.push_back({"depth", &o.depth, "FILE",
                      "indexed gVCF or mosdepth per-base.bed.gz: depth at the driver genes' resistance hotspots, "
                      "so an absence reads \"not detected at depth N\", not silence",
                      "[hotspots reported as not assessed]"});
    return g;
}

OptionGroup copy_number_rows(AnnotateOptions& o) {
    OptionGroup g = copy_number_group(o.cn);
    g.rows.insert(g.rows.begin(),
                  {{"purity", &o.purity, "X", "tumour purity (0,1] for log2 conversion", "[from the file, else 1]"},
                   {"ploidy", &o.ploidy, "X", "tumour ploidy", "[from the file, else 2]"}});
    return g;
}

OptionGroup output_rows(AnnotateOptions& o) {
    OptionGroup g = output_group(o);
    g.rows.push_back({"verdict-table", &o.verdict_table, "FILE", "also write the per-drug verdicts as TSV", "[none]"});
    g.rows.push_back({"output-vcf", &o.output_vcf, "FILE",
                      "also write the input VCF with every record passed through, in order, matches in "
                      "INFO/RVANNO_* tags",
                      "[none]"});
    g.rows.push_back(
        {"output-vcf-type,O", &o.output_vcf_type, "T", "v (VCF), z (bgzipped VCF) or b (BCF) for --output-vcf", "[v]"});
    g.rows.push_back({"gene-table", &o.gene_table, "FILE",
                      "also write the per-gene table (copy number, small variants, fusions of every "
                      "knowledge-base gene) as TSV",
                      "[none]"});
    return g;
}

void validate(AnnotateOptions& o) {
    const std::string see = see_help("annotate");
    if (o.input.empty() && o.cnv.empty() && o.sv.empty())
        throw UsageError("annotate: no input", "give a VCF/BCF (or '-'), and/or --cnv FILE, --sv FILE");
    check_format("annotate", o.format, {"tsv", "json", "html"});
    if (!o.output_vcf.empty() && o.input.empty())
        throw UsageError("annotate: --output-vcf needs a small-variant input", see);
    if (!o.output_vcf.empty() && (o.output_vcf == o.output || o.output_vcf == o.gene_table))
        throw UsageError("annotate: --output-vcf must differ from the other outputs", see);
    check_threads("annotate", o);
    check_input_options("annotate", o);
    if (o.purity && !(*o.purity > 0 && *o.purity <= 1)) throw UsageError("annotate: --purity must be in (0,1]", see);
    if (o.ploidy && !(*o.ploidy > 0 && *o.ploidy <= 10)) throw UsageError("annotate: --ploidy must be in (0,10]", see);
    if (!o.gene_table.empty() && o.gene_table == o.output)
        throw UsageError("annotate: --gene-table and --output must differ", see);
}

}  // namespace

CommandSpec annotate_command_spec(AnnotateOptions& o) {
    return {
        "annotate",
        kHead,
        {input_rows(o), copy_number_rows(o), context_group(o), knowledge_group(o), output_rows(o), general_group(o)},
        {{"input", &o.input}},
        kTail};
}

std::optional<AnnotateOptions> parse_annotate_options(const std::vector<std::string>& args) {
    AnnotateOptions o;
    if (!parse_command(annotate_command_spec(o), args)) return std::nullopt;  // --help
    o.thresholds = make_cn_thresholds(o.cn, "annotate");
    if (o.output_vcf_type != "v" && o.output_vcf_type != "z" && o.output_vcf_type != "b")
        throw UsageError("annotate: unknown --output-vcf-type '" + o.output_vcf_type + "' (expected: v, z or b)",
                         see_help("annotate"));
    o.output_vcf_mode = o.output_vcf_type[0];
    validate(o);
    return o;
}

}  // namespace rvanno::cli
