#include "cli/option_parsing.hpp"

#include "rvanno/error.hpp"

namespace po = boost::program_options;

namespace rvanno::cli {

po::variables_map parse_command_line(const std::string& command, const std::vector<std::string>& args,
                                     const po::options_description& options,
                                     const po::positional_options_description& positional) {
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(command + ": " + e.what(), "see 'rvanno " + command + " --help'");
    }
    return vm;
}

std::optional<double> optional_number(const po::variables_map& vm, const char* name) {
    return vm.count(name) ? std::optional<double>(vm[name].as<double>()) : std::nullopt;
}

}  // namespace rvanno::cli
