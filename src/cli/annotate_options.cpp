#include "cli/annotate_options.hpp"

#include <algorithm>

#include "io/vcf_writer.hpp"
#include "rvanno/error.hpp"

namespace rvanno::cli {

namespace {

const char* const kHead =
    "Usage: rvanno annotate [options] [<in.vcf|in.vcf.gz|in.bcf|in.maf|in.maf.gz|->]\n"
    "\n"
    "Reports which alterations of a tumour match the curated resistance knowledge base: small\n"
    "variants (VCF/BCF or MAF), gene-level copy number (--cnv) and fusions (--sv), each with gene, HGVS\n"
    "or copy number on the MANE Select transcript, how it matched, the drugs it argues for or\n"
    "against, evidence level, AMP/ASCO/CAP tier and citation. One row per (match, drug).\n"
    "Knowledge comes in two layers, curated rows over the CIViC layer (db/civic/, status civic:\n"
    "CIViC-curated, not re-read); every row says its layer (column layer) and the provenance the\n"
    "layers loaded (##knowledge_layers=curated:N;civic:M).\n"
    "The small-variant input may be left out when --cnv or --sv is given.\n"
    "\n";

const char* const kTail =
    "Multi-allelic records are split; '*' and symbolic ALTs are counted and skipped.\n"
    "A MAF (GDC/TCGA, vcf2maf, cBioPortal data_mutations_extended, OncoKB annotator; plain or\n"
    "gzipped) is recognised by its header, not its name. --sample picks a Tumor_Sample_Barcode\n"
    "(required when there are several); NCBI_Build gives the build; t_depth/t_alt_count give\n"
    "depth and VAF; HGVSp_Short is used as the protein change when rvanno has none (no --fasta)\n"
    "and a disagreement with rvanno's own is counted and noted on the match. MAF indels ('-')\n"
    "are anchored on the preceding base with --fasta. -r/-R and --output-vcf need a VCF/BCF.\n"
    "Without a FASTA, the protein change and class (missense, stop_gained, frameshift, splice,\n"
    "start_lost, in-frame, synonymous) of a CDS substitution come from VEP (CSQ), SnpEff (ANN) or\n"
    "bcftools csq (BCSQ) annotation on the MANE transcript, a MAF's HGVSp_Short, or a c. allele the\n"
    "knowledge base lists; annotation on another transcript is counted, not used. Else the amino\n"
    "acid is unknown: a codon or protein-change row at its codon is shown as \"amino acid unknown \u2014\n"
    "give --fasta\" and decides no verdict, and the summary line counts the coding alleles left\n"
    "without a protein change. A codon row never matches a synonymous change (Q61=).\n"
    "As in bcftools, the annotated VCF's name gives its type (.vcf.gz bgzipped, .bcf BCF, .vcf\n"
    "VCF) and -r/-R read through the index; -o is the report and never takes a VCF name.\n"
    "Positions are printed 1-based. Every output starts with its provenance: rvanno and\n"
    "knowledge-base version, knowledge-base MD5, genome build, thresholds and command line.\n"
    "The sample is --sample, else ##tumor_sample= (GATK Mutect2; checked on test-mutect2.vcf.gz), else\n"
    "the only sample, else the caller's mark: ##SAMPLE=<Genomes=Tumor> or ##PEDIGREE (bcbio:\n"
    "test-strelka2, test-vardict), ##normal_sample= (Mutect2), ##MuTect= tumor_sample_name\n"
    "(case_A.mutect.vcf), TUMOR/NORMAL columns (Strelka, VarScan: case_A.strelka.*, case_A.varscan.*),\n"
    "Hartwig <id>R/<id>T columns (COLO829v003T.purple.somatic.vcf.gz). Several samples and no mark:\n"
    "exit 2, choose with --sample. The rule is in the provenance (##sample_rule=). VAF and depth:\n"
    "FORMAT AF/AD/DP, else Strelka2 tier-1 AU/CU/GU/TU or TAR/TIR, VarScan RD/AD, FreeBayes AO/RO,\n"
    "PCGR INFO TVAF/TDP (##vaf_source=).\n"
    "Tables (--cnv, --sv, a MAF) may be plain, gzip or bgzip, '-' for stdin; the format is told by\n"
    "the header: CNVkit, SEG (DNAcopy/TCGA/cBioPortal: ID chrom loc.start loc.end ... seg.mean),\n"
    "GATK, PURPLE, PCGR (nMajor/nMinor; 0.x Segment_Mean), cBioPortal discrete CNA (Hugo_Symbol\n"
    "then samples; a call, never a copy number); Arriba, STAR-Fusion, PCGR, LINX (reported and\n"
    "phased kept as written), cBioPortal SV and OncoKB pairs (ALK-EML4 or EML4-ALK: matched in\n"
    "either reading, no 5'/3' order claimed), gene5/gene3 lists. A table of several samples needs\n"
    "--cnv-sample/--sv-sample (exit 2 listing them). A malformed data row (END < START, a\n"
    "non-number, an unknown contig, a short row) is skipped with 'warning: FILE:LINE: ...;\n"
    "skipped', counted in ##skipped_input_lines= and marks the genes it overlaps partial;\n"
    "--strict makes it an error. A header problem is always an error.\n"
    "Exit status: 0 done, 1 input or runtime error, 2 usage error.\n"
    "\n"
    "Example:\n"
    "  rvanno annotate testdata/cases/annotate/index_case/input.vcf\n"
    "  rvanno annotate --cnv tumour.cns --sv tumour.sv.vcf.gz -f json -o tumour.json tumour.vcf.gz\n"
    "  rvanno annotate -g GRCh38 --sv fusions.tsv --gene-table genes.tsv\n"
    "  rvanno annotate --cnv tumour.cns --driver \"ALK fusion\" --tumor-type IMT \\\n"
    "      --therapy-history crizotinib,alectinib -f html -o report.html tumour.vcf.gz\n"
    "  rvanno annotate -r chr2:29192774-29921586 --output-vcf alk.vcf.gz tumour.vcf.gz   (indexed input)\n"
    "  rvanno annotate -f vcf -o annotated.bcf tumour.vcf.gz\n"
    "  rvanno annotate --sample TCGA-AB-2865 -f json -o tumour.json cohort.maf.gz\n"
    "  rvanno annotate -g GRCh37 --cnv data_CNA.txt --cnv-sample S3 --sv linx.fusion.tsv.gz --strict\n";

OptionGroup input_rows(AnnotateOptions& o) {
    OptionGroup g = input_group(o);
    auto at = [&](const char* name) { return g.rows.begin() + (&g.row(name) - g.rows.data()); };
    g.rows.insert(g.rows.begin(), {"sample,s", &o.sample, "NAME",
                                   "sample whose FORMAT AF/AD/DP/GT are reported (MAF: the Tumor_Sample_Barcode)",
                                   "[the tumour, by the caller's marks below; a MAF's only one; else exit 2]"});
    g.rows.insert(at("cnv-format"),
                  {"cnv", &o.cnv, "FILE",
                   "copy-number calls; repeatable; tables plain, gzip or bgzip. CNVkit .cns/.call.cns, GATK or "
                   "DNAcopy/TCGA .seg, PURPLE .purple.cnv.somatic.tsv/.gene.tsv, PCGR segments (nMajor/nMinor "
                   "or 0.x Segment_Mean), cBioPortal discrete data_CNA.txt, CNV VCF/BCF, or "
                   "chrom/start/end/copy_number",
                   "[none]"});
    g.rows.insert(at("cnv-format"),
                  {"cnv-sample", &o.cnv_sample, "NAME",
                   "the sample to read from a multi-sample --cnv table (SEG ID column, cBioPortal CNA column)",
                   "[the only one; several: exit 2 listing them]"});
    g.rows.push_back({"sv", &o.sv, "FILE",
                      "structural variants or fusions; repeatable; tables plain, gzip or bgzip. SV VCF/BCF "
                      "(Manta, Delly, GRIDSS, SvABA), Arriba fusions.tsv, STAR-Fusion predictions, PCGR, LINX "
                      ".linx.fusion.tsv, cBioPortal data_structural_variants.txt, OncoKB fusion/SV files "
                      "(ALK-EML4 or EML4-ALK: no 5'/3' order claimed), or a gene5/gene3 list",
                      "[none]"});
    g.rows.push_back({"sv-sample", &o.sv_sample, "NAME",
                      "the sample to read from a multi-sample --sv table (cBioPortal Sample_Id, OncoKB "
                      "Tumor_Sample_Barcode)",
                      "[the only one; several: exit 2 listing them]"});
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
    g.row("output").help =
        "the report, written whole or not at all. A name ending in .vcf, .vcf.gz, .bcf, .gz "
        "or .bgz is refused unless -f vcf: the report is TSV, JSON or HTML, uncompressed";
    g.row("format").help =
        "tsv, json, html (self-contained tumour-board report), or vcf: -o is then the "
        "annotated VCF of --output-vcf, typed by its name or -O";
    g.rows.push_back({"verdict-table", &o.verdict_table, "FILE", "also write the per-drug verdicts as TSV", "[none]"});
    g.rows.push_back({"output-vcf", &o.output_vcf, "FILE",
                      "also write the input VCF with every record passed through (only those in the regions "
                      "with -r/-R), in order, matches in INFO/RVANNO_* tags; its name gives its type as in "
                      "bcftools: .vcf.gz/.gz/.bgz bgzipped VCF, .bcf BCF, .vcf VCF. Written in the same "
                      "pass (stdin works); the records wait in a temporary file beside it, or in $TMPDIR, "
                      "about the input's uncompressed size, until the header can be written",
                      "[none]"});
    g.rows.push_back({"output-vcf-type,O", &o.output_vcf_type, "T",
                      "type of the annotated VCF (--output-vcf, or -o with -f vcf), as in bcftools: v (VCF), "
                      "z (bgzipped VCF), b (BCF), u (uncompressed BCF); z and b take a level (z9). Refused "
                      "when it contradicts the file name, or when no VCF is written. z from a bgzipped VCF "
                      "without --threads copies the input's compressed blocks that hold no tagged record "
                      "(a level, z6, compresses every block anew)",
                      "[from the file name, else v]"});
    g.rows.push_back({"gene-table", &o.gene_table, "FILE",
                      "also write the per-gene table as TSV: every knowledge-base gene (copy number, small "
                      "variants, fusions) and every other gene of the transcript model with an allele; column "
                      "small_variants says examined or not_assessed",
                      "[none]"});
    return g;
}

// Where the annotated VCF goes and its type: -O if given, else the name's extension, else v.
// A -O that contradicts the name, or that has no VCF to apply to, is refused: bcftools 1.16
// silently lets the name win, which hides the mistake.
void resolve_vcf_output(AnnotateOptions& o) {
    const std::string see = see_help("annotate");
    if (o.format == "vcf" && !o.output_vcf.empty())
        throw UsageError("annotate: -f vcf writes the annotated VCF to -o; --output-vcf would be a second copy",
                         "use -f vcf -o FILE, or keep the report with -f tsv|json|html -o REPORT --output-vcf FILE");
    o.vcf_output = o.format == "vcf" ? o.output : o.output_vcf;
    const std::string named = vcf_type_of_name(o.vcf_output);
    if (!o.output_vcf_type_given) {
        o.vcf_type = named.empty() ? "v" : named;
        return;
    }
    if (o.vcf_output.empty())
        throw UsageError("annotate: -O/--output-vcf-type '" + o.output_vcf_type +
                             "' applies to the annotated VCF, and none is written",
                         "-o is the report (TSV, JSON or HTML by -f); for an annotated VCF add --output-vcf FILE "
                         "(its type follows its name: .vcf.gz, .bcf, .vcf), or use -f vcf -o FILE");
    const std::string& t = o.output_vcf_type;
    if (!is_vcf_output_type(t))
        throw UsageError("annotate: unknown -O/--output-vcf-type '" + t + "'",
                         "as in bcftools: v (VCF), z (bgzipped VCF), b (BCF), u (uncompressed BCF); z and b "
                         "take a compression level, e.g. z9");
    const char letter = t[0];
    const bool fits = named.empty() || (named == "z" && letter == 'z') ||
                      (named == "b" && (letter == 'b' || letter == 'u')) || (named == "v" && letter == 'v');
    if (!fits)
        throw UsageError("annotate: -O " + t + " contradicts the name '" + o.vcf_output + "' (" +
                             (named == "z"   ? "bgzipped VCF"
                              : named == "b" ? "BCF"
                                             : "plain VCF") +
                             ")",
                         "leave -O out and the name decides, or name the file for the type: .vcf.gz for z, "
                         ".bcf for b/u, .vcf for v");
    o.vcf_type = t;
}

void validate(AnnotateOptions& o) {
    const std::string see = see_help("annotate");
    if (o.input.empty() && o.cnv.empty() && o.sv.empty())
        throw UsageError("annotate: no input", "give a VCF/BCF (or '-'), and/or --cnv FILE, --sv FILE");
    check_format("annotate", o.format, {"tsv", "json", "html", "vcf"});
    if (o.format != "vcf")
        check_report_name("annotate", "-o/--output", o.output,
                          "for the annotated VCF use --output-vcf " + o.output +
                              " (the report then goes to "
                              "stdout or another -o), or -f vcf -o " +
                              o.output + " for the VCF alone");
    if (o.format == "vcf" && o.input.empty()) throw UsageError("annotate: -f vcf needs a small-variant input", see);
    resolve_vcf_output(o);
    {
        long from_stdin = o.input == "-" ? 1 : 0;
        for (const auto* files : {&o.cnv, &o.sv}) from_stdin += std::count(files->begin(), files->end(), "-");
        if (from_stdin > 1)
            throw UsageError("annotate: only one input can be '-' (standard input)",
                             "save the others to files; '-' as --cnv or --sv is read as a table (not a VCF)");
    }
    if ((!o.regions.empty() || !o.regions_file.empty()) && o.input.empty())
        throw UsageError("annotate: -r/-R restrict the small-variant VCF, and none is given", see);
    if ((!o.regions.empty() || !o.regions_file.empty()) && !o.depth.empty())
        throw UsageError("annotate: --depth cannot be combined with -r/-R",
                         "a hotspot outside the regions would read as not detected although its records were "
                         "not read: annotate the whole VCF for coverage-aware negatives, or leave out --depth");
    if (!o.output_vcf.empty() && o.input.empty())
        throw UsageError("annotate: --output-vcf needs a small-variant input", see);
    if (!o.output_vcf.empty() && (o.output_vcf == o.output || o.output_vcf == o.gene_table))
        throw UsageError("annotate: --output-vcf must differ from the other outputs", see);
    apply_general_options("annotate", o);
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
    const auto given = parse_command(annotate_command_spec(o), args);
    if (!given) return std::nullopt;  // --help
    o.output_vcf_type_given = given->has("output-vcf-type");
    o.thresholds = make_cn_thresholds(o.cn, "annotate");
    validate(o);
    resolve_fasta(o);
    o.region_list = input_regions("annotate", o);
    return o;
}

}  // namespace rvanno::cli
