// The option tables of the subcommands. One row declares an option once: its name, the field it
// is bound to, its metavar, its help line and its default. The Boost.Program_options parser and
// the `--help` text are both rendered from the same rows (options.cpp is the only file that
// includes Boost.Program_options), so an option cannot be parsed without being documented, and
// every command prints its options in one column layout.
//
// The groups shared by annotate, compare and batch (input, copy number, sample context,
// knowledge base, output, general) are built here, bound to the parts of a command's options
// struct; a command adds the rows only it has, and keeps its description, notes and examples as
// literals.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cli/context_options.hpp"
#include "io/vcf_regions.hpp"
#include "pipeline/sample.hpp"

namespace rvanno::cli {

// Where a parsed value goes. std::monostate: a switch without a target (--help; it is seen in
// the names given). A vector collects every occurrence (repeatable option); a bool is a switch;
// an optional<double> stays empty unless the option is given.
using OptionBinding =
    std::variant<std::monostate, std::string*, std::vector<std::string>*, bool*, int*, std::optional<double>*>;

struct OptionRow {
    std::string name;  // "genome,g": long name, then the short one if any
    OptionBinding binding;
    std::string metavar;       // "BUILD"; "" for switches
    std::string help;          // one paragraph, wrapped by the renderer
    std::string default_text;  // "[GRCh38 ...]", "[none]", "[off]", "[required]": never wrapped

    std::string long_name() const;   // "genome"
    std::string short_name() const;  // "g", or ""
};

struct OptionGroup {
    std::string title;  // "Input"
    std::vector<OptionRow> rows;
    std::string note;  // wrapped below the rows, at the help column; "" = none

    // The row of a long name, for a command that words a shared row its own way. Throws
    // std::logic_error if the group has no such row.
    OptionRow& row(std::string_view long_name);
};

// An operand: parsed by position, described by the usage line, not listed in the groups.
struct Positional {
    std::string name;  // "baseline"
    OptionBinding binding;
};

// Everything `rvanno <command> --help` prints and the parser accepts.
struct CommandSpec {
    std::string command;  // "compare": prefixes parse errors and the help hint
    std::string head;     // usage line and description, literal, ending in "\n\n"
    std::vector<OptionGroup> groups;
    std::vector<Positional> positionals;  // in order, one value each
    std::string tail;                     // notes and Example section, literal

    std::vector<const OptionRow*> rows() const;  // every declared row, in help order
};

// The long names (of options and positionals) that the command line gave.
struct GivenOptions {
    std::set<std::string> names;
    bool has(const std::string& long_name) const { return names.count(long_name) > 0; }
};

// Layout of every command's help: option at column 2, help at column 28, lines <= 100 chars.
inline constexpr std::size_t kHelpColumn = 28;
inline constexpr std::size_t kHelpWidth = 100;

// The help text: head, each group ("Title:" and its rows), tail.
std::string render_help(const CommandSpec& spec);

// Parses `args` into the bound fields. A parse failure (unknown option, bad number, missing
// value, extra operand) is a UsageError "<command>: ..." with the "see 'rvanno <command> --help'"
// hint. With --help, prints render_help(spec) to stdout and returns nullopt.
std::optional<GivenOptions> parse_command(const CommandSpec& spec, const std::vector<std::string>& args);

// "see 'rvanno <command> --help'", the hint of a usage error.
std::string see_help(const std::string& command);

// ---- The shared groups and the option struct parts they bind ----

struct InputOptions {
    std::string genome, fasta, cnv_format;
    std::string fasta_source;           // "--fasta", "RVANNO_FASTA" or "" (set by resolve_fasta)
    std::string regions, regions_file;  // -r, -R (bcftools syntax)
    bool include_filtered = false;
};
struct ContextOptions {
    std::string tumor_type, therapy_history;
    std::vector<std::string> drivers;
};
struct KnowledgeOptions {
    std::string db;
};
struct OutputOptions {
    std::string output = "-", format = "tsv";
    int max_listed = 1000;  // --max-listed (pipeline::RunSettings::max_listed)
};
struct GeneralOptions {
    int threads = 0;
    bool quiet = false;
    bool verbose = false;
    bool strict = false;  // a malformed copy-number/fusion table row is an error, not a warning
};

// -g/--genome, --include-filtered, -r/--regions, -R/--regions-file, --fasta, --cnv-format (a
// command puts its own input rows, the files, in front).
OptionGroup input_group(InputOptions& o);
// --cn-thresholds, --amp-cn, --gain-cn, --loss-cn, --deep-deletion-cn.
OptionGroup copy_number_group(CnThresholdOptions& o);
// --tumor-type, --driver, --therapy-history.
OptionGroup context_group(ContextOptions& o);
// -d/--db.
OptionGroup knowledge_group(KnowledgeOptions& o);
// -o/--output FILE, -f/--format, --max-listed N.
OptionGroup output_group(OutputOptions& o);
// --threads, --strict, -q/--quiet, -h/--help.
OptionGroup general_group(GeneralOptions& o);

// Checks shared by the commands, each a UsageError "<command>: ..." naming the option.
void check_format(const std::string& command, const std::string& format, const std::vector<std::string>& allowed);
void check_input_options(const std::string& command, const InputOptions& o);  // --genome, --cnv-format
// --threads range; sets HTSlib's log from --verbose (io/hts_info.hpp).
void apply_general_options(const std::string& command, const GeneralOptions& o);
// The reference FASTA of the run: --fasta, else the environment variable RVANNO_FASTA (when set
// and not empty); fills o.fasta and o.fasta_source. The VCF header's ##reference, the third
// source, is read per sample by the pipeline (pipeline/sample.cpp).
void resolve_fasta(InputOptions& o);

// The regions of -r or -R (io/vcf_regions.hpp); empty when neither is given. Both at once, or a
// bad -r, is a UsageError; an unreadable or malformed -R file a UserError/InputError.
VcfRegions input_regions(const std::string& command, const InputOptions& o);
// The run settings the three commands share, from their input and general options (one place, so
// a new RunSettings field is not missed by one command); a command sets what only it has.
pipeline::RunSettings run_settings(const InputOptions& in, const OutputOptions& out, const GeneralOptions& g,
                                   CnThresholds thresholds, VcfRegions regions);

// The bcftools output type a file name asks for, as bcftools 1.16 reads it plus .bgz/.gz:
// "z" for .vcf.gz, .vcf.bgz, .gz, .bgz; "b" for .bcf; "v" for .vcf; "" for "-" or any other name.
std::string vcf_type_of_name(const std::string& path);

// A report (TSV/JSON/HTML, written uncompressed) never goes to a name that says VCF, BCF or
// compressed (.vcf, .vcf.gz, .bcf, .gz, .bgz): UsageError naming `option`, with `hint` for a
// VCF/BCF name and a compress-afterwards hint for any other compressed name.
void check_report_name(const std::string& command, const std::string& option, const std::string& path,
                       const std::string& hint);

}  // namespace rvanno::cli
