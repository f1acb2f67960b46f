// Boost.Program_options parsing shared by the subcommands: one place turns a parse failure
// into a UsageError (exit 2) with the "see 'rvanno <command> --help'" hint.
#pragma once
#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rvanno::cli {

boost::program_options::variables_map parse_command_line(
    const std::string& command, const std::vector<std::string>& args,
    const boost::program_options::options_description& options,
    const boost::program_options::positional_options_description& positional);

// The value of a numeric option, or nullopt when it was not given.
std::optional<double> optional_number(const boost::program_options::variables_map& vm, const char* name);

}  // namespace rvanno::cli
