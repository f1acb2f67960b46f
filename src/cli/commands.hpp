// cli/: takes the command line; gives the options, runs the pipeline (src/pipeline/) and the
// writers (src/report/). Options and help only: each subcommand parses its own options from the
// one option table (options.hpp) and throws UsageError/UserError; none exits.
#pragma once
#include <string>
#include <vector>

namespace rvanno::cli {

// args excludes the program and subcommand names; command_line is the whole invocation.
int annotate(const std::vector<std::string>& args, const std::string& command_line);
int db(const std::vector<std::string>& args);
int compare(const std::vector<std::string>& args, const std::string& command_line);
int batch(const std::vector<std::string>& args, const std::string& command_line);
std::string version_text();
std::string main_usage();

}  // namespace rvanno::cli
