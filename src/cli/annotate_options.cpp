#include "cli/annotate_options.hpp"

#include "cli/context_options.hpp"
#include "cli/option_parsing.hpp"

#include <boost/program_options.hpp>
#include <iostream>

#include "rvanno/error.hpp"

namespace po = boost::program_options;

namespace rvanno::cli {

const char* const kAnnotateUsage =
    "Usage: rvanno annotate [options] [<in.vcf|in.vcf.gz|in.bcf|->]\n"
    "\n"
    "Reports which alterations of a tumour match the curated resistance knowledge base: small\n"
    "variants (VCF/BCF), gene-level copy number (--cnv) and fusions (--sv), each with gene, HGVS\n"
    "or copy number on the MANE Select transcript, how it matched, the drugs it argues for or\n"
    "against, evidence level, AMP/ASCO/CAP tier and citation. One row per (match, drug).\n"
    "The small-variant input may be left out when --cnv or --sv is given.\n"
    "\n"
    "Input:\n"
    "  -s, --sample NAME         sample whose FORMAT AF/AD/DP/GT are reported\n"
    "                            [##tumor_sample= when present, else the first sample]\n"
    "  -g, --genome BUILD        GRCh38 or GRCh37 (hg38/hg19/b37 accepted)\n"
    "                            [detected from ##contig lengths, else ##reference]\n"
    "      --include-filtered    also report records whose FILTER is not PASS or '.' [off]\n"
    "      --fasta FILE          faidx-indexed reference FASTA of the same build: adds HGVS p.,\n"
    "                            checks REF, left-normalises indels [none]\n"
    "      --cnv FILE            copy-number calls; repeatable. CNVkit .cns/.call.cns, GATK or\n"
    "                            DNAcopy .seg, PURPLE .purple.cnv.somatic.tsv/.gene.tsv, PCGR\n"
    "                            allele-specific segments, CNV VCF/BCF, or chrom/start/end/\n"
    "                            copy_number [none]\n"
    "      --cnv-format FMT      vcf, cnvkit_cns, cnvkit_call, gatk_seg, generic_seg,\n"
    "                            purple_somatic, purple_gene, pcgr_allelic, plain\n"
    "                            [detected from the content]\n"
    "      --sv FILE             structural variants or fusions; repeatable. SV VCF/BCF (Manta,\n"
    "                            Delly, GRIDSS, SvABA), Arriba fusions.tsv, STAR-Fusion\n"
    "                            predictions, or a gene5/gene3 list [none]\n"
    "\n"
    "Interpretation:\n"
    "      --tumor-type CODE     OncoTree-style tumour type (IMT, NSCLC, ALCL, NB, ...): rows limited\n"
    "                            to a tumour type apply only when it matches [unknown]\n"
    "      --driver TEXT         declared driver, \"<GENE> fusion\"; repeatable. Kinase-domain rows\n"
    "                            count as acquired TKI resistance only with their driver\n"
    "                            [drivers found with --sv]\n"
    "      --therapy-history L   drugs given, in order, comma-separated (ids, names or\n"
    "                            synonyms); marked as already given in the verdicts [none]\n"
    "      --depth FILE          indexed gVCF or mosdepth per-base.bed.gz: depth at the driver\n"
    "                            genes' resistance hotspots, so an absence reads \"not detected at\n"
    "                            depth N\", not silence [hotspots reported as not assessed]\n"
    "\n"
    "Copy number:\n"
    "      --purity X            tumour purity (0,1] for log2 conversion [from the file, else 1]\n"
    "      --ploidy X            tumour ploidy [from the file, else 2]\n"
    "      --cn-thresholds MODE  absolute (copy numbers) or relative (multiples of ploidy)\n"
    "                            [absolute]\n"
    "      --amp-cn X            amplification: gene minimum CN >= X [5 absolute (PCGR);\n"
    "                            3 relative (PURPLE)]\n"
    "      --gain-cn X           gain: CN >= X [3 absolute; 1.5 relative]\n"
    "      --loss-cn X           loss: CN <= X [1 absolute; 0.5 relative]\n"
    "      --deep-deletion-cn X  deep deletion: CN < X, always absolute [0.5]\n"
    "\n"
    "Knowledge base:\n"
    "  -d, --db DIR              knowledge base directory [$RVANNO_DB, else the bundled db]\n"
    "\n"
    "Output:\n"
    "  -o, --output FILE         output file, written whole or not at all [- = stdout]\n"
    "  -f, --format FMT          tsv, json or html (self-contained tumour-board report) [tsv]\n"
    "      --verdict-table FILE  also write the per-drug verdicts as TSV [none]\n"
    "      --output-vcf FILE     also write the input VCF with every record passed through, in\n"
    "                            order, matches in INFO/RVANNO_* tags [none]\n"
    "  -O, --output-vcf-type T   v (VCF), z (bgzipped VCF) or b (BCF) for --output-vcf [v]\n"
    "      --gene-table FILE     also write the per-gene table (copy number, small variants,\n"
    "                            fusions of every knowledge-base gene) as TSV [none]\n"
    "\n"
    "General:\n"
    "      --threads N           extra BGZF decompression threads [0]\n"
    "  -q, --quiet               no summary line on stderr [off]\n"
    "  -h, --help                print this help and exit\n"
    "\n"
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

namespace {

const char* const kSeeHelp = "see 'rvanno annotate --help'";

struct Raw {
    bool help = false, relative = false;
    std::string mode = "absolute";
    std::optional<double> purity, ploidy, amp, gain, loss, deep;
    std::string vcf_mode = "v";
};

po::options_description declare(AnnotateOptions& o, Raw& r) {
    po::options_description d;
    d.add_options()("help,h", po::bool_switch(&r.help))("sample,s", po::value(&o.sample))(
        "genome,g", po::value(&o.genome))("include-filtered", po::bool_switch(&o.include_filtered))(
        "fasta", po::value(&o.fasta))("cnv", po::value(&o.cnv)->composing())("cnv-format", po::value(&o.cnv_format))(
        "sv", po::value(&o.sv)->composing())("purity", po::value<double>())("ploidy", po::value<double>())(
        "cn-thresholds", po::value(&r.mode))("amp-cn", po::value<double>())("gain-cn", po::value<double>())(
        "loss-cn", po::value<double>())("deep-deletion-cn", po::value<double>())("db,d", po::value(&o.db))(
        "output,o", po::value(&o.output))("format,f", po::value(&o.format))("gene-table", po::value(&o.gene_table))(
        "threads", po::value(&o.threads))("tumor-type", po::value(&o.tumor_type))(
        "driver", po::value(&o.drivers)->composing())("therapy-history", po::value(&o.therapy_history))(
        "depth", po::value(&o.depth))("verdict-table", po::value(&o.verdict_table))(
        "output-vcf", po::value(&o.output_vcf))("output-vcf-type,O", po::value(&r.vcf_mode))("quiet,q", po::bool_switch(&o.quiet))("input", po::value(&o.input));
    return d;
}

void validate(AnnotateOptions& o, const po::variables_map& vm) {
    o.purity = optional_number(vm, "purity");
    o.ploidy = optional_number(vm, "ploidy");
    if (o.input.empty() && o.cnv.empty() && o.sv.empty())
        throw UsageError("annotate: no input", "give a VCF/BCF (or '-'), and/or --cnv FILE, --sv FILE");
    if (o.format != "tsv" && o.format != "json" && o.format != "html")
        throw UsageError("annotate: unknown --format '" + o.format + "' (expected: tsv, json or html)", kSeeHelp);
    if (!o.output_vcf.empty() && o.input.empty())
        throw UsageError("annotate: --output-vcf needs a small-variant input", kSeeHelp);
    if (!o.output_vcf.empty() && (o.output_vcf == o.output || o.output_vcf == o.gene_table))
        throw UsageError("annotate: --output-vcf must differ from the other outputs", kSeeHelp);
    if (o.threads < 0 || o.threads > 64) throw UsageError("annotate: --threads must be 0..64", kSeeHelp);
    if (!o.genome.empty() && !parse_genome_build(o.genome))
        throw UsageError("annotate: unknown --genome '" + o.genome + "' (expected: GRCh38 or GRCh37)", kSeeHelp);
    if (!o.cnv_format.empty() && !parse_cnv_format(o.cnv_format))
        throw UsageError("annotate: unknown --cnv-format '" + o.cnv_format + "'", kSeeHelp);
    if (o.purity && !(*o.purity > 0 && *o.purity <= 1)) throw UsageError("annotate: --purity must be in (0,1]", kSeeHelp);
    if (o.ploidy && !(*o.ploidy > 0 && *o.ploidy <= 10)) throw UsageError("annotate: --ploidy must be in (0,10]", kSeeHelp);
    if (!o.gene_table.empty() && o.gene_table == o.output)
        throw UsageError("annotate: --gene-table and --output must differ", kSeeHelp);
}

}  // namespace

std::optional<AnnotateOptions> parse_annotate_options(const std::vector<std::string>& args) {
    AnnotateOptions o;
    Raw r;
    auto desc = declare(o, r);
    po::positional_options_description pos;
    pos.add("input", 1);
    const auto vm = parse_command_line("annotate", args, desc, pos);
    if (r.help) {
        std::cout << kAnnotateUsage;
        return std::nullopt;
    }
    o.thresholds = make_cn_thresholds({r.mode, optional_number(vm, "amp-cn"), optional_number(vm, "gain-cn"),
                                       optional_number(vm, "loss-cn"), optional_number(vm, "deep-deletion-cn")},
                                      "annotate");
    if (r.vcf_mode != "v" && r.vcf_mode != "z" && r.vcf_mode != "b")
        throw UsageError("annotate: unknown --output-vcf-type '" + r.vcf_mode + "' (expected: v, z or b)", kSeeHelp);
    o.output_vcf_mode = r.vcf_mode[0];
    validate(o, vm);
    return o;
}

}  // namespace rvanno::cli
