// rvanno compare: one patient at two time points. Runs the one-sample pipeline on each side,
// computes verdicts with one shared context, and writes the comparison (src/core/compare.cpp).
#include <boost/program_options.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "build_config.hpp"
#include "cli/commands.hpp"
#include "cli/context_options.hpp"
#include "cli/option_parsing.hpp"
#include "knowledge/knowledge_base.hpp"
#include "pipeline/sample.hpp"
#include "report/format.hpp"
#include "io/output_file.hpp"
#include "rvanno/compare.hpp"
#include "rvanno/error.hpp"
#include "rvanno/interpret.hpp"

namespace po = boost::program_options;
using Json = nlohmann::ordered_json;

namespace rvanno::cli {
namespace {

const char* const kUsageHead =
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
    "\n"
    "Input:\n"
    "      --baseline-sample NAME     VCF sample of the baseline [##tumor_sample, else first]\n"
    "      --progression-sample NAME  VCF sample of the progression [as above]\n"
    "      --baseline-cnv FILE        copy-number calls of the baseline; repeatable [none]\n"
    "      --progression-cnv FILE     copy-number calls of the progression; repeatable [none]\n"
    "      --baseline-sv FILE         SV/fusion calls of the baseline; repeatable [none]\n"
    "      --progression-sv FILE      SV/fusion calls of the progression; repeatable [none]\n"
    "  -g, --genome BUILD             GRCh38 or GRCh37 [detected; the progression must be on\n"
    "                                 the baseline's build]\n"
    "      --include-filtered         also report non-PASS records [off]\n"
    "      --fasta FILE               reference FASTA of the same build (HGVS p., REF check,\n"
    "                                 normalisation) [none]\n"
    "      --cnv-format FMT           format of every CNV file, as for annotate [detected]\n"
    "\n"
    "Copy number:\n"
    "      --baseline-purity X, --progression-purity X\n"
    "                                 tumour purity (0,1] per side [from the file, else 1]\n"
    "      --baseline-ploidy X, --progression-ploidy X\n"
    "                                 tumour ploidy per side [from the file, else 2]\n"
    "      --cn-thresholds MODE       absolute or relative [absolute]\n"
    "      --amp-cn X  --gain-cn X  --loss-cn X  --deep-deletion-cn X\n"
    "                                 as for annotate [5, 3, 1, 0.5 absolute;\n"
    "                                 3, 1.5, 0.5, 0.5 relative]\n"
    "\n";

const char* const kUsageTail =
    "\n"
    "Knowledge base:\n"
    "  -d, --db DIR                   knowledge base directory [$RVANNO_DB, else bundled]\n"
    "\n"
    "Output:\n"
    "  -o, --output FILE              written whole or not at all [- = stdout]\n"
    "  -f, --format FMT               tsv (three blocks: alteration, verdict, remaining_option;\n"
    "                                 each row's first column names its block) or json\n"
    "                                 (schema rvanno-compare/1) [tsv]\n"
    "\n"
    "General:\n"
    "      --threads N                extra BGZF decompression threads [0]\n"
    "  -q, --quiet                    no summary line on stderr [off]\n"
    "  -h, --help                     print this help and exit\n"
    "\n"
    "An allele whose genotype is 0/0 or whose VAF is 0 in a side's sample is not that side's\n"
    "alteration. A side without small-variant, CN or SV input cannot show an alteration absent:\n"
    "such changes carry a note. Output formats: docs/compare_and_batch.md.\n"
    "Exit status: 0 done, 1 input or runtime error, 2 usage error.\n"
    "\n"
    "Example:\n"
    "  rvanno compare -g GRCh38 --baseline-sv base.sv.vcf --progression-sv prog.sv.vcf \\\n"
    "      --tumor-type NSCLC --therapy-history crizotinib,alectinib \"\" prog.vcf\n"
    "  rvanno compare --baseline-sample PRE --progression-sample POST -f json -o cmp.json \\\n"
    "      both.vcf.gz both.vcf.gz\n";

const char* const kSeeHelp = "see 'rvanno compare --help'";

struct Side {
    std::string vcf, sample;
    std::vector<std::string> cnv, sv;
    std::optional<double> purity, ploidy;
};

struct CompareOptions {
    Side base, prog;
    std::string genome, fasta, cnv_format, db, output = "-", format = "tsv";
    std::string tumor_type, therapy_history;
    std::vector<std::string> drivers;
    bool include_filtered = false, quiet = false;
    int threads = 0;
    CnThresholdOptions cn;
};

po::options_description declare(CompareOptions& o, bool& help) {
    po::options_description d;
    d.add_options()("help,h", po::bool_switch(&help))("baseline-sample", po::value(&o.base.sample))(
        "progression-sample", po::value(&o.prog.sample))("baseline-cnv", po::value(&o.base.cnv)->composing())(
        "progression-cnv", po::value(&o.prog.cnv)->composing())("baseline-sv", po::value(&o.base.sv)->composing())(
        "progression-sv", po::value(&o.prog.sv)->composing())("genome,g", po::value(&o.genome))(
        "include-filtered", po::bool_switch(&o.include_filtered))("fasta", po::value(&o.fasta))(
        "cnv-format", po::value(&o.cnv_format))("baseline-purity", po::value<double>())(
        "progression-purity", po::value<double>())("baseline-ploidy", po::value<double>())(
        "progression-ploidy", po::value<double>())("cn-thresholds", po::value(&o.cn.mode))(
        "amp-cn", po::value<double>())("gain-cn", po::value<double>())("loss-cn", po::value<double>())(
        "deep-deletion-cn", po::value<double>())("tumor-type", po::value(&o.tumor_type))(
        "driver", po::value(&o.drivers)->composing())("therapy-history", po::value(&o.therapy_history))(
        "db,d", po::value(&o.db))("output,o", po::value(&o.output))("format,f", po::value(&o.format))(
        "threads", po::value(&o.threads))("quiet,q", po::bool_switch(&o.quiet))(
        "baseline", po::value(&o.base.vcf))("progression", po::value(&o.prog.vcf));
    return d;
}

void validate(CompareOptions& o, const po::variables_map& vm) {
    if (!vm.count("baseline") || !vm.count("progression"))
        throw UsageError("compare: needs BASELINE and PROGRESSION",
                         "give two VCF/BCF paths; use \"\" for a side that has only --*-cnv/--*-sv input");
    o.base.purity = optional_number(vm, "baseline-purity");
    o.prog.purity = optional_number(vm, "progression-purity");
    o.base.ploidy = optional_number(vm, "baseline-ploidy");
    o.prog.ploidy = optional_number(vm, "progression-ploidy");
    o.cn.amplification = optional_number(vm, "amp-cn");
    o.cn.gain = optional_number(vm, "gain-cn");
    o.cn.loss = optional_number(vm, "loss-cn");
    o.cn.deep_deletion = optional_number(vm, "deep-deletion-cn");
    for (const auto* s : {&o.base, &o.prog}) {
        const char* name = s == &o.base ? "baseline" : "progression";
        if (s->vcf.empty() && s->cnv.empty() && s->sv.empty())
            throw UsageError(std::string("compare: the ") + name + " has no input",
                             std::string("give a VCF/BCF, --") + name + "-cnv FILE or --" + name + "-sv FILE");
        if (s->purity && !(*s->purity > 0 && *s->purity <= 1)) throw UsageError(std::string("compare: --") + name + "-purity must be in (0,1]", kSeeHelp);
        if (s->ploidy && !(*s->ploidy > 0 && *s->ploidy <= 10)) throw UsageError(std::string("compare: --") + name + "-ploidy must be in (0,10]", kSeeHelp);
    }
    if (o.base.vcf == "-" && o.prog.vcf == "-") throw UsageError("compare: standard input can be read only once", kSeeHelp);
    if (!o.base.vcf.empty() && o.base.vcf == o.prog.vcf && o.base.sample == o.prog.sample)
        throw UsageError("compare: the same VCF on both sides needs two different samples",
                         "give --baseline-sample NAME and --progression-sample NAME");
    if (o.format != "tsv" && o.format != "json")
        throw UsageError("compare: unknown --format '" + o.format + "' (expected: tsv or json)", kSeeHelp);
    if (o.threads < 0 || o.threads > 64) throw UsageError("compare: --threads must be 0..64", kSeeHelp);
    if (!o.genome.empty() && !parse_genome_build(o.genome))
        throw UsageError("compare: unknown --genome '" + o.genome + "' (expected: GRCh38 or GRCh37)", kSeeHelp);
    if (!o.cnv_format.empty() && !parse_cnv_format(o.cnv_format))
        throw UsageError("compare: unknown --cnv-format '" + o.cnv_format + "'", kSeeHelp);
}

std::optional<CompareOptions> parse(const std::vector<std::string>& args) {
    CompareOptions o;
    bool help = false;
    auto desc = declare(o, help);
    po::positional_options_description pos;
    pos.add("baseline", 1).add("progression", 1);
    const auto vm = parse_command_line("compare", args, desc, pos);
    if (help) {
        std::cout << kUsageHead << kContextOptionsHelp << kUsageTail;
        return std::nullopt;
    }
    validate(o, vm);
    return o;
}

// Runs one side, naming it in any error (the two sides may share a file).
Report run_side(const char* name, const Side& s, PipelineSettings settings, const KnowledgeBase& kb,
                const std::string& command_line) {
    settings.purity = s.purity;
    settings.ploidy = s.ploidy;
    try {
        Report r = annotate_sample({s.vcf, s.sample, s.cnv, s.sv}, settings, kb, command_line);
        return r;
    } catch (const UsageError& e) {
        throw UsageError(std::string(name) + ": " + e.what(), e.hint());
    } catch (const UserError& e) {
        throw UserError(std::string(name) + ": " + e.what(), e.hint());
    }
}

// Both sides are judged in one context: declared drivers plus those detected on either side.
void add_verdicts(Report& base, Report& prog, SampleContext context, const KnowledgeBase& kb) {
    for (const Report* r : {&base, &prog})
        for (auto& d : detect_drivers(*r))
            if (std::find(context.detected_drivers.begin(), context.detected_drivers.end(), d) == context.detected_drivers.end())
                context.detected_drivers.push_back(d);
    for (Report* r : {&base, &prog}) {
        r->context = context;
        r->verdicts = compute_verdicts(*r, kb, context);
    }
}

std::string yes_no(bool b) { return b ? "yes" : "no"; }
std::string level(std::optional<EvidenceLevel> l) { return l ? to_string(*l) : ""; }
std::string value(const AlterationChange& c, const AlterationPresence& p) {
    if (c.finding == "small_variant") return fmt::fixed(p.vaf, 4);
    if (c.finding == "copy_number") return fmt::fixed(p.cn, 2);
    return "";
}
std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

void write_tsv_provenance(const Report& base, const Report& prog, const SampleContext& ctx, std::ostream& out) {
    const auto& p = prog.provenance;
    out << "##rvanno_version=" << p.rvanno_version << "\n##htslib_version=" << p.htslib_version
        << "\n##knowledge_base_version=" << p.kb_version << "\n##knowledge_base_md5=" << p.kb_md5
        << "\n##genome_build=" << p.genome_build << " (" << p.genome_build_reason << ")\n";
    for (const auto& [name, r] : {std::pair<const char*, const Report*>{"baseline", &base}, {"progression", &prog}}) {
        out << "##" << name << "_sample=" << r->provenance.sample << "\n";
        for (const auto& i : r->provenance.inputs) out << "##" << name << "_input=" << i << "\n";
        for (const auto& i : r->provenance.cnv_inputs) out << "##" << name << "_cnv_input=" << i << "\n";
        for (const auto& i : r->provenance.sv_inputs) out << "##" << name << "_sv_input=" << i << "\n";
        if (!r->provenance.cn_settings.empty()) out << "##" << name << "_copy_number_thresholds=" << r->provenance.cn_settings << "\n";
    }
    if (!p.fasta.empty()) out << "##reference_fasta=" << p.fasta << "\n";
    out << "##tumor_type=" << ctx.tumor_type << "\n##declared_drivers=" << join(ctx.declared_drivers, ",")
        << "\n##detected_drivers=" << join(ctx.detected_drivers, ",") << "\n##therapy_history="
        << join(ctx.therapy_history, ",") << "\n##command=" << p.command_line
        << "\n##notice=" << kResearchUseNotice << "\n";
}

void write_compare_tsv(const Report& base, const Report& prog, const Comparison& c, std::ostream& out) {
    write_tsv_provenance(base, prog, prog.context, out);
    out << "section\talteration\tfinding\tgene\tstatus\tbefore\tafter\tvalue_before\tvalue_after\tchange\tkb_ids\tnote\n";
    for (const auto& a : c.alterations) {
        auto ids = a.before.kb_ids;
        for (const auto& id : a.after.kb_ids)
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        out << "alteration\t" << a.key << '\t' << a.finding << '\t' << a.gene << '\t' << to_string(a.status) << '\t'
            << to_string(a.before.state) << '\t' << to_string(a.after.state) << '\t' << value(a, a.before) << '\t'
            << value(a, a.after) << '\t' << a.change << '\t' << join(ids, ";") << '\t' << a.note << '\n';
    }
    out << "section\tdrug\tdrug_class\tgeneration\tcall_before\tcall_after\tchanged\tstrength_before\tstrength_after"
           "\tlow_confidence\tgiven\thistory_position\trule\n";
    for (const auto& v : c.verdicts)
        out << "verdict\t" << v.drug << '\t' << v.drug_class << '\t' << (v.generation ? std::to_string(*v.generation) : "")
            << '\t' << to_string(v.before) << '\t' << to_string(v.after) << '\t' << yes_no(v.changed()) << '\t'
            << level(v.strength_before) << '\t' << level(v.strength_after) << '\t' << yes_no(v.low_confidence_after)
            << '\t' << yes_no(v.given) << '\t' << (v.history_position ? std::to_string(*v.history_position) : "")
            << '\t' << v.rule_after << '\n';
    out << "section\trank\tdrug\tdrug_class\tgeneration\tcall\tstrength\tlow_confidence\tcall_before"
           "\tsilent_on_acquired\trule\n";
    for (const auto& r : c.remaining)
        out << "remaining_option\t" << r.rank << '\t' << r.drug << '\t' << r.drug_class << '\t'
            << (r.generation ? std::to_string(*r.generation) : "") << '\t' << to_string(r.call) << '\t'
            << level(r.strength) << '\t' << yes_no(r.low_confidence) << '\t' << to_string(r.call_before) << '\t'
            << join(r.silent_on_acquired, ";") << '\t' << r.rule << '\n';
}

template <class T> Json opt(const std::optional<T>& v) { return v ? Json(*v) : Json(); }
Json opt_number(std::optional<double> v, int digits) { return v ? Json(std::stod(fmt::fixed(v, digits))) : Json(); }
Json opt_level(std::optional<EvidenceLevel> l) { return l ? Json(to_string(*l)) : Json(); }

// The report's own JSON (as 'rvanno annotate -f json' writes it) without schema and notice.
Json report_parts(const Report& r) {
    std::ostringstream s;
    write_json(r, s);
    Json j = Json::parse(s.str());
    j.erase("schema");
    j.erase("notice");
    Json verdicts = Json::array();
    for (const auto& v : r.verdicts)
        verdicts.push_back({{"drug", v.drug}, {"class", v.drug_class}, {"generation", opt(v.generation)},
                            {"call", to_string(v.call)}, {"strength", opt_level(v.strength)},
                            {"low_confidence", v.low_confidence}, {"rule", v.rule}});
    if (!j.contains("verdicts")) j["verdicts"] = verdicts;
    return j;
}

Json presence_json(const AlterationChange& c, const AlterationPresence& p) {
    Json j = {{"state", to_string(p.state)}};
    if (c.finding == "small_variant") { j["vaf"] = opt_number(p.vaf, 4); j["depth"] = opt(p.depth); }
    if (c.finding == "copy_number") {
        j["cn"] = opt_number(p.cn, 2);
        j["class"] = p.cn_class.empty() ? Json() : Json(p.cn_class);
    }
    j["kb_ids"] = p.kb_ids;
    return j;
}

void write_compare_json(const Report& base, const Report& prog, const Comparison& c, std::ostream& out) {
    const auto& p = prog.provenance;
    const auto& ctx = prog.context;
    Json doc;
    doc["schema"] = "rvanno-compare/1";
    doc["notice"] = kResearchUseNotice;
    doc["provenance"] = {{"rvanno_version", p.rvanno_version}, {"htslib_version", p.htslib_version},
                         {"knowledge_base", {{"version", p.kb_version}, {"md5", p.kb_md5}}},
                         {"genome_build", {{"name", p.genome_build}, {"reason", p.genome_build_reason}}},
                         {"command", p.command_line}};
    doc["context"] = {{"tumor_type", ctx.tumor_type.empty() ? Json() : Json(ctx.tumor_type)},
                      {"declared_drivers", ctx.declared_drivers}, {"detected_drivers", ctx.detected_drivers},
                      {"therapy_history", ctx.therapy_history}};
    doc["baseline"] = report_parts(base);
    doc["progression"] = report_parts(prog);
    Json alterations = Json::array();
    for (const auto& a : c.alterations)
        alterations.push_back({{"key", a.key}, {"finding", a.finding}, {"gene", a.gene}, {"status", to_string(a.status)},
                               {"before", presence_json(a, a.before)}, {"after", presence_json(a, a.after)},
                               {"change", a.change}, {"note", a.note.empty() ? Json() : Json(a.note)}});
    doc["alterations"] = alterations;
    Json verdicts = Json::array();
    for (const auto& v : c.verdicts)
        verdicts.push_back({{"drug", v.drug}, {"class", v.drug_class}, {"generation", opt(v.generation)},
                            {"before", {{"call", to_string(v.before)}, {"strength", opt_level(v.strength_before)}}},
                            {"after", {{"call", to_string(v.after)}, {"strength", opt_level(v.strength_after)},
                                       {"low_confidence", v.low_confidence_after}, {"rule", v.rule_after}}},
                            {"changed", v.changed()}, {"given", v.given}, {"history_position", opt(v.history_position)}});
    doc["verdicts"] = verdicts;
    Json remaining = Json::array();
    for (const auto& r : c.remaining)
        remaining.push_back({{"rank", r.rank}, {"drug", r.drug}, {"class", r.drug_class}, {"generation", opt(r.generation)},
                             {"call", to_string(r.call)}, {"strength", opt_level(r.strength)},
                             {"low_confidence", r.low_confidence}, {"call_before", to_string(r.call_before)},
                             {"silent_on_acquired", r.silent_on_acquired}, {"rule", r.rule}});
    doc["remaining_options"] = remaining;
    out << doc.dump(2) << "\n";
}

void print_summary(const Comparison& c) {
    long n[3] = {0, 0, 0}, changed = 0;
    for (const auto& a : c.alterations) ++n[static_cast<int>(a.status)];
    for (const auto& v : c.verdicts) changed += v.changed() ? 1 : 0;
    std::cerr << "rvanno: " << n[0] << " acquired, " << n[1] << " lost, " << n[2] << " persistent alteration(s); "
              << changed << " drug verdict(s) changed";
    if (!c.remaining.empty())
        std::cerr << "; first remaining option: " << c.remaining[0].drug << " (" << to_string(c.remaining[0].call) << ")";
    std::cerr << "\n";
}

}  // namespace

int compare(const std::vector<std::string>& args, const std::string& command_line) {
    auto parsed = parse(args);
    if (!parsed) return 0;  // --help
    const CompareOptions& o = *parsed;
    const KnowledgeBase kb = load_knowledge_base(o.db.empty() ? default_knowledge_base_dir() : std::filesystem::path(o.db));
    const SampleContext context = parse_sample_context(o.tumor_type, o.drivers, o.therapy_history, kb);
    const CnThresholds thresholds = make_cn_thresholds(o.cn, "compare");
    if (auto dir = std::filesystem::path(o.output).parent_path(); o.output != "-" && !dir.empty() && !std::filesystem::is_directory(dir))
        throw UserError("cannot write '" + o.output + "': directory '" + dir.string() + "' does not exist",
                        "create the directory or choose another output path");
    PipelineSettings settings{o.genome, o.fasta, o.cnv_format, o.include_filtered, o.threads, {}, {}, thresholds};
    Report base = run_side("baseline", o.base, settings, kb, command_line);
    // Without --genome the progression must be on the build the baseline was found to be on.
    if (settings.genome.empty()) settings.genome = base.provenance.genome_build;
    Report prog = run_side("progression", o.prog, settings, kb, command_line);
    if (o.genome.empty()) prog.provenance.genome_build_reason = "as the baseline: " + base.provenance.genome_build_reason;
    add_verdicts(base, prog, context, kb);
    const Comparison c = compare_reports(base, prog, context.therapy_history);
    OutputFile output(o.output);
    if (o.format == "json") write_compare_json(base, prog, c, output.stream());
    else write_compare_tsv(base, prog, c, output.stream());
    output.commit();
    if (!o.quiet) print_summary(c);
    return 0;
}

}  // namespace rvanno::cli
