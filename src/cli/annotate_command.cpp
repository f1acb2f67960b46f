// rvanno annotate: option parsing and composition of reader -> annotator -> report.
#include <htslib/hts.h>

#include <boost/program_options.hpp>
#include <iostream>
#include <memory>

#include "build_config.hpp"
#include "cli/commands.hpp"
#include "core/annotator.hpp"
#include "io/fasta_reference.hpp"
#include "io/output_file.hpp"
#include "io/vcf_reader.hpp"
#include "rvanno/error.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/report.hpp"

namespace po = boost::program_options;

namespace rvanno::cli {
namespace {

const char* const kAnnotateUsage =
    "Usage: rvanno annotate [options] <in.vcf|in.vcf.gz|in.bcf|->\n"
    "\n"
    "Reports which small variants of a tumour VCF/BCF match the curated resistance knowledge\n"
    "base: gene, HGVS on the MANE Select transcript, the drugs each match argues for or\n"
    "against, evidence level, AMP/ASCO/CAP tier and citation. One row per (match, drug).\n"
    "\n"
    "Input:\n"
    "  -s, --sample NAME       sample whose FORMAT AF/AD/DP/GT are reported\n"
    "                          [##tumor_sample= when present, else the first sample]\n"
    "  -g, --genome BUILD      GRCh38 or GRCh37 (hg38/hg19/b37 accepted)\n"
    "                          [detected from ##contig lengths, else ##reference]\n"
    "      --include-filtered  also report records whose FILTER is not PASS or '.' [off]\n"
    "      --fasta FILE        faidx-indexed reference FASTA of the same build: adds HGVS p.,\n"
    "                          checks REF, left-normalises indels [none]\n"
    "\n"
    "Knowledge base:\n"
    "  -d, --db DIR            knowledge base directory [$RVANNO_DB, else the bundled db]\n"
    "\n"
    "Output:\n"
    "  -o, --output FILE       output file, written whole or not at all [- = stdout]\n"
    "  -f, --format FMT        tsv or json [tsv]\n"
    "\n"
    "General:\n"
    "      --threads N         extra BGZF decompression threads [0]\n"
    "  -q, --quiet             no summary line on stderr [off]\n"
    "  -h, --help              print this help and exit\n"
    "\n"
    "Multi-allelic records are split; '*' and symbolic ALTs are counted and skipped.\n"
    "Positions are printed 1-based. Every output starts with its provenance: rvanno and\n"
    "knowledge-base version, knowledge-base MD5, genome build and command line.\n"
    "Exit status: 0 done, 1 input or runtime error, 2 usage error.\n"
    "\n"
    "Example:\n"
    "  rvanno annotate testdata/cases/index_case/input.vcf\n"
    "  rvanno annotate -f json -o sample.json --fasta GRCh38.fa --sample TUMOR sample.vcf.gz\n";

const char* const kSeeHelp = "see 'rvanno annotate --help'";

struct AnnotateOptions {
    std::string input, sample, genome, fasta, db, output = "-", format = "tsv";
    bool include_filtered = false, quiet = false;
    int threads = 0;
};

AnnotateOptions parse(const std::vector<std::string>& args, bool& help) {
    AnnotateOptions o;
    po::options_description visible;
    visible.add_options()("help,h", po::bool_switch(&help))("sample,s", po::value(&o.sample))(
        "genome,g", po::value(&o.genome))("include-filtered", po::bool_switch(&o.include_filtered))(
        "fasta", po::value(&o.fasta))("db,d", po::value(&o.db))("output,o", po::value(&o.output))(
        "format,f", po::value(&o.format))("threads", po::value(&o.threads))("quiet,q", po::bool_switch(&o.quiet));
    po::options_description all;
    all.add(visible).add_options()("input", po::value(&o.input));
    po::positional_options_description pos;
    pos.add("input", 1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(std::string("annotate: ") + e.what(), kSeeHelp);
    }
    if (help) return o;
    if (o.input.empty()) throw UsageError("annotate: no input file", "give a VCF, VCF.gz, BCF or '-' for stdin");
    if (o.format != "tsv" && o.format != "json")
        throw UsageError("annotate: unknown --format '" + o.format + "' (expected: tsv or json)", kSeeHelp);
    if (o.threads < 0 || o.threads > 64) throw UsageError("annotate: --threads must be 0..64", kSeeHelp);
    if (!o.genome.empty() && !parse_genome_build(o.genome))
        throw UsageError("annotate: unknown --genome '" + o.genome + "' (expected: GRCh38 or GRCh37)", kSeeHelp);
    return o;
}

std::string describe(const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t i = 0; i < names.size() && i < 5; ++i) s += (i ? ", " : "") + names[i];
    if (names.size() > 5) s += ", ...";
    return s;
}

std::pair<GenomeBuild, std::string> decide_build(const AnnotateOptions& o, const VcfHeaderSummary& h) {
    auto evidence = detect_build(h.contigs, h.reference_line);
    if (!o.genome.empty()) {
        GenomeBuild chosen = *parse_genome_build(o.genome);
        auto bad = contigs_contradicting(chosen, h.contigs);
        if (!bad.empty() || (evidence.build && *evidence.build != chosen))
            throw UserError("'" + o.input + "': the header contradicts --genome " + to_string(chosen) +
                                (bad.empty() ? " (" + evidence.reason + ")" : " (contig lengths of " + describe(bad) + ")"),
                            "check the build of the file; lift it over or give the matching --genome");
        return {chosen, "given with --genome"};
    }
    if (evidence.build) return {*evidence.build, evidence.reason};
    if (!evidence.contradictions.empty())
        throw UserError("'" + o.input + "': ##contig lengths fit neither GRCh37 nor GRCh38 (" +
                            describe(evidence.contradictions) + ")",
                        "rvanno supports GRCh37 and GRCh38; give --genome only if the header is wrong");
    throw UserError("cannot tell the genome build of '" + o.input + "' (no ##contig lengths or ##reference)",
                    "give --genome GRCh38 or --genome GRCh37");
}

}  // namespace

int annotate(const std::vector<std::string>& args, const std::string& command_line) {
    bool help = false;
    AnnotateOptions o = parse(args, help);
    if (help) { std::cout << kAnnotateUsage; return 0; }

    const KnowledgeBase kb = load_knowledge_base(o.db.empty() ? default_knowledge_base_dir() : std::filesystem::path(o.db));
    VcfReader reader(o.input, {o.sample, o.include_filtered, o.threads});
    auto [build, reason] = decide_build(o, reader.header());
    std::unique_ptr<FastaReference> fasta;
    if (!o.fasta.empty()) fasta = std::make_unique<FastaReference>(o.fasta);

    Annotator annotator(kb, build, read_transcript_table(kb.transcripts_path(build)), fasta.get(),
                        reader.header().annotation_tags, o.input);
    reader.set_targets(annotator.targets());
    OutputFile output(o.output);  // opened before the long pass so a bad path fails early
    VariantRecord rec;
    while (reader.next(rec)) annotator.add(rec);
    annotator.finish();

    Report report;
    report.provenance = {RVANNO_VERSION, hts_version(), kb.version, kb.content_md5, to_string(build),
                         reason, command_line, {o.input}, reader.header().sample, o.fasta};
    report.findings = std::move(annotator.findings());
    auto& counters = report.counters.values;
    counters = annotator.counters();
    const auto& rc = reader.counters();
    counters["records"] = rc.records;
    counters["records_outside_knowledge_base_genes"] = rc.outside_targets;
    counters["records_filtered"] = rc.filtered;
    counters["records_examined"] = rc.candidates - rc.filtered;
    counters["alleles_symbolic_skipped"] = rc.symbolic_alleles;
    counters["alleles_star_skipped"] = rc.star_alleles;
    if (o.format == "json") write_json(report, output.stream());
    else write_tsv(report, output.stream());
    output.commit();
    if (!o.quiet)
        std::cerr << "rvanno: " << rc.records << " records, " << counters["records_examined"]
                  << " in knowledge-base genes, " << counters["alleles_matched"] << " allele(s) matched; "
                  << rc.filtered << " filtered, " << rc.symbolic_alleles + rc.star_alleles
                  << " symbolic/* alleles skipped; build " << to_string(build) << "\n";
    return 0;
}

}  // namespace rvanno::cli
