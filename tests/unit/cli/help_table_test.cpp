// The option tables of annotate, compare and batch (src/cli/options.hpp and the *_options.cpp
// files) against the `--help` text each command prints: what is declared is what is documented.
#include <gtest/gtest.h>

#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/annotate_options.hpp"
#include "cli/batch_options.hpp"
#include "cli/compare_options.hpp"
#include "cli/options.hpp"

using namespace rvanno::cli;

namespace {

struct Command {
    std::string name;
    std::function<CommandSpec()> spec;  // the table, bound to a throw-away options struct
    std::function<bool()> help;         // runs the command's parser with --help; true if it returned nullopt
};

// One spec per command; the structs live as long as the test binary, so the bindings stay valid.
std::vector<Command> commands() {
    static AnnotateOptions a;
    static CompareOptions c;
    static BatchOptions b;
    return {{"annotate", [] { return annotate_command_spec(a); }, [] { return !parse_annotate_options({"--help"}); }},
            {"compare", [] { return compare_command_spec(c); }, [] { return !parse_compare_options({"--help"}); }},
            {"batch", [] { return batch_command_spec(b); }, [] { return !parse_batch_options({"--help"}); }}};
}

// What `rvanno <command> --help` prints: the command's own parser, with std::cout captured.
std::string help_output(const Command& c) {
    std::ostringstream captured;
    auto* old = std::cout.rdbuf(captured.rdbuf());
    bool returned_nullopt = false;
    try {
        returned_nullopt = c.help();
    } catch (...) {
        std::cout.rdbuf(old);
        throw;
    }
    std::cout.rdbuf(old);
    EXPECT_TRUE(returned_nullopt) << c.name << " --help must not go on to run the command";
    return captured.str();
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// "  -s, --sample NAME ..." or "      --fasta FILE ..."; help continuation lines start at column 28.
bool is_option_line(const std::string& l) { return l.rfind("  -", 0) == 0 || l.rfind("      --", 0) == 0; }

// The help lines of one row, joined by single spaces: from the line that names the option up
// to the next option line or blank line. "" when no line names it.
std::string row_text(const std::vector<std::string>& lines, const OptionRow& r) {
    const std::string names =
        (r.short_name().empty() ? "      " : "  -" + r.short_name() + ", ") + "--" + r.long_name();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& l = lines[i];
        if (l.rfind(names, 0) != 0 || (l.size() > names.size() && l[names.size()] != ' ')) continue;
        std::string text;
        for (std::size_t j = i; j < lines.size() && !lines[j].empty() && (j == i || !is_option_line(lines[j])); ++j) {
            std::istringstream words(lines[j]);
            for (std::string w; words >> w;) text += (text.empty() ? "" : " ") + w;
        }
        return text;
    }
    return "";
}

// Why: the option table is the single declaration of every option; this ties the printed help
// to it, so an option the parser accepts is always listed, under its long and short name, with
// its help and its [default] on its own row. It replaces a check that only looked for a '['.
TEST(HelpTable, every_declared_option_appears_in_help_with_its_default) {
    for (const auto& c : commands()) {
        const auto lines = lines_of(help_output(c));
        const auto spec = c.spec();
        ASSERT_FALSE(spec.rows().empty()) << c.name;
        for (const OptionRow* r : spec.rows()) {
            SCOPED_TRACE(c.name + " --" + r->long_name());
            ASSERT_GE(r->default_text.size(), 3u);
            EXPECT_EQ(r->default_text.front(), '[');
            EXPECT_EQ(r->default_text.back(), ']');
            EXPECT_FALSE(r->help.empty());
            const std::string text = row_text(lines, *r);
            ASSERT_FALSE(text.empty()) << "no help line names the option";
            EXPECT_NE(text.find(r->default_text), std::string::npos) << text;
            std::istringstream help_words(r->help);
            std::string first_word;
            help_words >> first_word;
            EXPECT_NE(text.find(first_word), std::string::npos) << text;
        }
    }
}

// Why: compare used to print its help at two column widths (its own table and the shared
// context block). Every command now prints one layout: help text at one column, no line wider
// than the limit, and each group under a "Title:" line.
TEST(HelpTable, every_command_prints_one_column_layout) {
    for (const auto& c : commands()) {
        const std::string help = help_output(c);
        for (const auto& l : lines_of(help)) {
            SCOPED_TRACE(c.name + ": '" + l + "'");
            EXPECT_LE(l.size(), kHelpWidth);
            if (!is_option_line(l) || l.size() <= kHelpColumn) continue;
            const auto gap = l.find("  ", l.find("--"));  // end of "-s, --sample NAME"
            if (gap == std::string::npos) continue;       // the help starts on the next line
            EXPECT_EQ(l.find_first_not_of(' ', gap), kHelpColumn);
        }
        for (const auto& g : c.spec().groups)
            EXPECT_NE(help.find("\n" + g.title + ":\n"), std::string::npos) << g.title;
        EXPECT_NE(help.find("Example:\n"), std::string::npos) << c.name;
    }
}

// Why: the three commands share the groups' rows, so a shared option reads the same in each
// command's help unless the command words it on purpose (genome's default, -o and -f).
TEST(HelpTable, shared_options_read_the_same_in_every_command) {
    std::vector<std::vector<std::string>> helps;
    for (const auto& c : commands()) helps.push_back(lines_of(help_output(c)));
    InputOptions in;
    CnThresholdOptions cn;
    ContextOptions ctx;
    KnowledgeOptions kb;
    GeneralOptions gen;
    for (const auto& g :
         {input_group(in), copy_number_group(cn), context_group(ctx), knowledge_group(kb), general_group(gen)})
        for (const auto& r : g.rows) {
            if (r.long_name() == "genome") continue;  // each command says where the build is detected
            const std::string first = row_text(helps[0], r);
            EXPECT_FALSE(first.empty()) << r.long_name();
            // (a group note, as batch's, follows the group's last row: compare the row's start)
            for (std::size_t i = 1; i < helps.size(); ++i)
                EXPECT_EQ(row_text(helps[i], r).substr(0, first.size()), first) << r.long_name();
        }
}

}  // namespace
