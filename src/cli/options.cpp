#include "cli/options.hpp"

#include <boost/program_options.hpp>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "io/hts_info.hpp"
#include "rvanno/copy_number.hpp"
#include "rvanno/error.hpp"
#include "rvanno/genome.hpp"

namespace po = boost::program_options;

namespace rvanno::cli {

std::string OptionRow::long_name() const { return name.substr(0, name.find(',')); }

std::string OptionRow::short_name() const {
    const auto comma = name.find(',');
    return comma == std::string::npos ? "" : name.substr(comma + 1);
}

OptionRow& OptionGroup::row(std::string_view long_name) {
    for (auto& r : rows)
        if (r.long_name() == long_name) return r;
    throw std::logic_error("option group '" + title + "' has no row --" + std::string(long_name));
}

std::vector<const OptionRow*> CommandSpec::rows() const {
    std::vector<const OptionRow*> all;
    for (const auto& g : groups)
        for (const auto& r : g.rows) all.push_back(&r);
    return all;
}

std::string see_help(const std::string& command) { return "see 'rvanno " + command + " --help'"; }

// ---- Help ----

namespace {

// Appends `tokens` to `line` (already holding text up to the help column), breaking before a
// token that would pass kHelpWidth; "\n" tokens force a break. Returns the finished lines.
std::string wrap(std::string line, const std::vector<std::string>& tokens) {
    const std::string indent(kHelpColumn, ' ');
    std::string out;
    bool empty = true;
    for (const auto& t : tokens) {
        if (t == "\n" || (!empty && line.size() + 1 + t.size() > kHelpWidth)) {
            out += line + "\n";
            line = indent;
            empty = true;
            if (t == "\n") continue;
        }
        line += (empty ? "" : " ") + t;
        empty = false;
    }
    return out + line + "\n";
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> w;
    std::istringstream lines(text);
    bool first = true;
    for (std::string l; std::getline(lines, l); first = false) {
        if (!first) w.push_back("\n");
        std::istringstream in(l);
        for (std::string x; in >> x;) w.push_back(x);
    }
    return w;
}

std::string render_row(const OptionRow& r) {
    std::string option = "  " + (r.short_name().empty() ? std::string("    ") : "-" + r.short_name() + ", ") + "--" +
                         r.long_name() + (r.metavar.empty() ? "" : " " + r.metavar);
    std::string out;
    if (option.size() + 2 > kHelpColumn) {  // too long: the help starts on the next line
        out = option + "\n";
        option.clear();
    }
    option.resize(kHelpColumn, ' ');
    auto tokens = words(r.help);
    tokens.push_back(r.default_text);  // one token: a default is never broken across lines
    return out + wrap(option, tokens);
}

}  // namespace

std::string render_help(const CommandSpec& spec) {
    std::string s = spec.head;
    for (const auto& g : spec.groups) {
        s += g.title + ":\n";
        for (const auto& r : g.rows) s += render_row(r);
        if (!g.note.empty()) s += wrap(std::string(kHelpColumn, ' '), words(g.note));
        s += "\n";
    }
    return s + spec.tail;
}

// ---- Parser ----

namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

void declare(po::options_description_easy_init& add, const std::string& name, const OptionBinding& binding) {
    const char* n = name.c_str();
    std::visit(Overloaded{
                   [&](std::monostate) { add(n, po::bool_switch()); },
                   [&](std::string* p) { add(n, po::value(p)); },
                   [&](std::vector<std::string>* p) { add(n, po::value(p)->composing()); },
                   [&](bool* p) { add(n, po::bool_switch(p)); },
                   [&](int* p) { add(n, po::value(p)); },
                   [&](std::optional<double>* p) { add(n, po::value<double>()->notifier([p](double v) { *p = v; })); },
               },
               binding);
}

}  // namespace

std::optional<GivenOptions> parse_command(const CommandSpec& spec, const std::vector<std::string>& args) {
    po::options_description options;
    po::positional_options_description positional;
    auto add = options.add_options();
    for (const auto* r : spec.rows()) declare(add, r->name, r->binding);
    for (const auto& p : spec.positionals) {
        declare(add, p.name, p.binding);
        positional.add(p.name.c_str(), 1);
    }
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) { throw UsageError(spec.command + ": " + e.what(), see_help(spec.command)); }
    GivenOptions given;
    for (const auto& [name, value] : vm)
        if (!value.defaulted()) given.names.insert(name);
    if (given.has("help")) {
        std::cout << render_help(spec);
        return std::nullopt;
    }
    return given;
}

// ---- Shared groups ----

OptionGroup input_group(InputOptions& o) {
    return {
        "Input",
        {{"genome,g", &o.genome, "BUILD", "GRCh38 or GRCh37 (hg38/hg19/b37 accepted)",
          "[detected from ##contig lengths, else ##reference]"},
         {"include-filtered", &o.include_filtered, "", "also report records whose FILTER is not PASS or '.'", "[off]"},
         {"regions,r", &o.regions, "REG",
          "read only records overlapping these regions of the small-variant VCF, through its index "
          "(.tbi/.csi; bcftools index makes one): CHR, CHR:POS, CHR:BEG-END (1-based, inclusive), "
          "comma-separated, as in bcftools. Genes the regions do not cover whole read as not assessed",
          "[whole file]"},
         {"regions-file,R", &o.regions_file, "FILE",
          "the same from a file: CHR<TAB>POS or CHR<TAB>BEG<TAB>END (1-based), or BED (name ending "
          ".bed/.bed.gz, 0-based)",
          "[none]"},
         {"fasta", &o.fasta, "FILE",
          "faidx-indexed reference FASTA of the same build: adds HGVS p., checks REF (a mismatch stops the "
          "run: another build), left-normalises indels. Without it, $RVANNO_FASTA; else the FASTA the VCF's "
          "##reference names (file:// stripped) when that file exists and can be indexed. The provenance says "
          "which was used and from where (##reference_fasta_source=), or why the VCF's ##reference was not",
          "[$RVANNO_FASTA, else the VCF's ##reference if it exists, else none]"},
         {"cnv-format", &o.cnv_format, "FMT",
          "format of every copy-number file: vcf, cnvkit_cns, cnvkit_call, gatk_seg, generic_seg, "
          "purple_somatic, purple_gene, pcgr_allelic, pcgr_log2, cbioportal_cna, plain",
          "[detected from the content]"}},
        ""};
}

OptionGroup copy_number_group(CnThresholdOptions& o) {
    return {
        "Copy number",
        {{"cn-thresholds", &o.mode, "MODE", "absolute (copy numbers) or relative (multiples of ploidy)", "[absolute]"},
         {"amp-cn", &o.amplification, "X", "amplification: gene minimum CN >= X",
          "[5 absolute (PCGR); 3 relative (PURPLE)]"},
         {"gain-cn", &o.gain, "X", "gain: CN >= X", "[3 absolute; 1.5 relative]"},
         {"loss-cn", &o.loss, "X", "loss: CN <= X", "[1 absolute; 0.5 relative]"},
         {"deep-deletion-cn", &o.deep_deletion, "X", "deep deletion: CN < X, always absolute", "[0.5]"}},
        ""};
}

OptionGroup context_group(ContextOptions& o) {
    return {"Sample context",
            {{"tumor-type", &o.tumor_type, "CODE",
              "OncoTree-style tumour type (NSCLC, IMT, ALCL, NB, ...): rows limited to a tumour type decide a "
              "verdict only when it matches, else they are shown but do not decide",
              "[unknown]"},
             {"driver", &o.drivers, "TEXT",
              "declared driver, repeatable: \"<GENE> fusion\" (\"ALK fusion\"), \"<GENE> mutation\" (\"EGFR "
              "mutation\") or \"<GENE> <change or residue>\" (\"EGFR L858R\", \"BRAF V600E\", \"BRAF V600\"; a "
              "change also counts as \"<GENE> mutation\" and as its residue). Kinase-domain rows count as acquired "
              "TKI resistance only with their driver; bypass rows against EGFR TKIs need an EGFR mutation, against "
              "BRAF/MEK inhibitors a BRAF V600 driver",
              "[none; drivers found in the sample count too]"},
             {"therapy-history", &o.therapy_history, "LIST",
              "drugs already given, comma-separated, in order, as ids, names or synonyms of drugs.tsv (e.g. "
              "crizotinib,alectinib); marked as given in the verdicts",
              "[none]"}},
            ""};
}

OptionGroup knowledge_group(KnowledgeOptions& o) {
    return {"Knowledge base",
            {{"db,d", &o.db, "DIR", "knowledge base directory", "[$RVANNO_DB, else the bundled db]"}},
            ""};
}

OptionGroup output_group(OutputOptions& o) {
    return {"Output",
            {{"output,o", &o.output, "FILE", "output file, written whole or not at all", "[- = stdout]"},
             {"format,f", &o.format, "FMT", "tsv, json or html (self-contained tumour-board report)", "[tsv]"},
             {"max-listed", &o.max_listed, "N",
              "list at most N alleles without a match in each list of a report: VUS (knowledge-base genes first) "
              "and unmatched alleles of knowledge-base genes, in input order; the others are counted in the gene "
              "table and the counters, and the provenance says how many (##not_listed=). Matched alleles, and "
              "those a compound row, hotspot or driver needs, are always listed. 0 = no limit (memory then grows "
              "with the alleles in genes)",
              "[1000]"}},
            ""};
}

OptionGroup general_group(GeneralOptions& o) {
    return {"General",
            {{"threads", &o.threads, "N", "extra BGZF decompression threads", "[0]"},
             {"strict", &o.strict, "",
              "a skipped input line or record is an error (exit 1): a malformed data row of a copy-number or "
              "fusion table (END before START, a non-number, an unknown contig, a short row), or an invalid, "
              "unparseable or duplicate small-variant record inside an examined gene",
              "[off: skipped, warned about, counted in the provenance]"},
             {"quiet,q", &o.quiet, "", "no summary line on stderr (warnings are still printed)", "[off]"},
             {"verbose", &o.verbose, "",
              "also print HTSlib's own warnings and errors ([W::...], [E::...]) on stderr; rvanno's one-line "
              "error names the file and record either way",
              "[off]"},
             {"help,h", std::monostate{}, "", "print this help and exit", "[off]"}},
            ""};
}

// ---- Shared checks ----

void check_format(const std::string& command, const std::string& format, const std::vector<std::string>& allowed) {
    for (const auto& a : allowed)
        if (format == a) return;
    std::string list;
    for (std::size_t i = 0; i < allowed.size(); ++i)
        list += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + allowed[i];
    throw UsageError(command + ": unknown --format '" + format + "' (expected: " + list + ")", see_help(command));
}

void resolve_fasta(InputOptions& o) {
    if (!o.fasta.empty()) {
        o.fasta_source = "--fasta";
    } else if (const char* env = std::getenv("RVANNO_FASTA"); env && *env) {
        o.fasta = env;
        o.fasta_source = "RVANNO_FASTA";
    }
}

void apply_general_options(const std::string& command, const GeneralOptions& o) {
    if (o.threads < 0 || o.threads > 64) throw UsageError(command + ": --threads must be 0..64", see_help(command));
    set_htslib_log(o.verbose);
}

VcfRegions input_regions(const std::string& command, const InputOptions& o) {
    if (!o.regions.empty() && !o.regions_file.empty())
        throw UsageError(command + ": give -r/--regions or -R/--regions-file, not both", see_help(command));
    if (!o.regions.empty()) return parse_region_list(o.regions, command + ": -r/--regions");
    if (!o.regions_file.empty()) return read_regions_file(o.regions_file);
    return {};
}

pipeline::RunSettings run_settings(const InputOptions& in, const OutputOptions& out, const GeneralOptions& g,
                                   CnThresholds thresholds, VcfRegions regions) {
    if (out.max_listed < 0) throw UsageError("--max-listed must be 0 or more", "0 lists every allele");
    pipeline::RunSettings s;
    s.max_listed = out.max_listed;
    s.genome = in.genome;
    s.fasta = in.fasta;
    s.cnv_format = in.cnv_format;
    s.include_filtered = in.include_filtered;
    s.strict = g.strict;
    s.threads = g.threads;
    s.thresholds = thresholds;
    s.regions = std::move(regions);
    s.fasta_source = in.fasta_source;
    return s;
}

namespace {
bool name_ends_with(const std::string& path, const std::string& suffix) {
    if (path.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(path[path.size() - suffix.size() + i])) != suffix[i]) return false;
    return true;
}
}  // namespace

std::string vcf_type_of_name(const std::string& path) {
    if (name_ends_with(path, ".gz") || name_ends_with(path, ".bgz")) return "z";
    if (name_ends_with(path, ".bcf")) return "b";
    if (name_ends_with(path, ".vcf")) return "v";
    return "";
}

void check_report_name(const std::string& command, const std::string& option, const std::string& path,
                       const std::string& hint) {
    const std::string type = vcf_type_of_name(path);
    if (type.empty()) return;
    const bool vcf_name = type != "z" || name_ends_with(path, ".vcf.gz") || name_ends_with(path, ".vcf.bgz");
    const std::string what = type == "b" ? "a BCF file" : vcf_name ? "a VCF file" : "a compressed file";
    throw UsageError(command + ": " + option + " '" + path + "' names " + what + ", but " + option +
                         " is the report (TSV, JSON or HTML by -f), written uncompressed",
                     vcf_name ? hint
                              : "write the report uncompressed and compress it afterwards, or pipe it: rvanno " +
                                    command + " ... | bgzip > " + path);
}

void check_input_options(const std::string& command, const InputOptions& o) {
    if (!o.genome.empty() && !parse_genome_build(o.genome))
        throw UsageError(command + ": unknown --genome '" + o.genome + "' (expected: GRCh38 or GRCh37)",
                         see_help(command));
    if (!o.cnv_format.empty() && !parse_cnv_format(o.cnv_format))
        throw UsageError(command + ": unknown --cnv-format '" + o.cnv_format + "'", see_help(command));
    if (!o.regions_file.empty() || !o.regions.empty()) {  // syntax errors before any file is read
        InputOptions syntax_only = o;
        syntax_only.regions_file.clear();
        if (!o.regions.empty() && !o.regions_file.empty()) input_regions(command, o);
        input_regions(command, syntax_only);
    }
}

}  // namespace rvanno::cli
