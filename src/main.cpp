// rvanno: command dispatch and the only place errors are caught and turned into exit codes.
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "build_config.hpp"
#include "cli/commands.hpp"
#include "io/hts_info.hpp"
#include "rvanno/error.hpp"

namespace {

struct Command {
    const char* name;
    int (*run)(const std::vector<std::string>&, const std::string&);
    const char* help;
};

int run_db(const std::vector<std::string>& a, const std::string&) { return rvanno::cli::db(a); }

const Command kCommands[] = {
    {"annotate", rvanno::cli::annotate, "match small variants of a VCF/BCF against the knowledge base"},
    {"compare", rvanno::cli::compare, "compare a baseline and a progression sample of one patient"},
    {"batch", rvanno::cli::batch, "annotate every sample of a sample sheet or multi-sample VCF"},
    {"db", run_db, "check or describe a knowledge base"},
};

std::string quote(const std::string& s) {
    if (!s.empty() && s.find_first_of(" \t\n'\"\\$`") == std::string::npos) return s;
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

}  // namespace

namespace rvanno::cli {
std::string main_usage() {
    std::string s = "Usage: rvanno <command> [options]\n\nCommands:\n";
    for (const auto& c : kCommands)
        s += "  " + std::string(c.name) + std::string(10 - std::string(c.name).size(), ' ') + c.help + "\n";
    s += "\nOptions:\n  --version   print rvanno, HTSlib and knowledge-base versions\n  -h, --help  this text\n"
         "\nRun 'rvanno <command> --help' for a command's options.\n"
         "For research use only; not a medical device.\n";
    return s;
}
}  // namespace rvanno::cli

int main(int argc, char** argv) {
    rvanno::set_htslib_log(false);  // a command's --verbose turns it on
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string command_line = "rvanno";
    for (const auto& a : args) command_line += " " + quote(a);
    try {
        if (args.empty()) throw rvanno::UsageError("no command given", "run 'rvanno --help'");
        const std::string& first = args[0];
        if (first == "-h" || first == "--help" || first == "help") {
            std::cout << rvanno::cli::main_usage();
            return 0;
        }
        if (first == "--version" || first == "version") {
            std::cout << rvanno::cli::version_text();
            return 0;
        }
        for (const auto& c : kCommands)
            if (first == c.name) return c.run({args.begin() + 1, args.end()}, command_line);
        throw rvanno::UsageError("unknown command '" + first + "'", "run 'rvanno --help' for the list");
    } catch (const rvanno::UsageError& e) {
        std::cerr << "rvanno: error: " << e.what() << "\n";
        if (!e.hint().empty()) std::cerr << "rvanno: hint: " << e.hint() << "\n";
        return 2;
    } catch (const rvanno::UserError& e) {
        std::cerr << "rvanno: error: " << e.what() << "\n";
        if (!e.hint().empty()) std::cerr << "rvanno: hint: " << e.hint() << "\n";
        return 1;
    } catch (const std::filesystem::filesystem_error& e) {
        // A path the system refuses to look up or use (a part over 255 bytes, a loop of links,
        // a directory that may not be searched): the user's path, not a bug in rvanno.
        std::cerr << "rvanno: error: '" << e.path1().string() << "': " << e.code().message() << "\n"
                  << "rvanno: hint: check the path (each part of it at most 255 bytes, every directory on it "
                     "searchable)\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "rvanno: internal error: " << e.what()
                  << "\nrvanno: please report this with the command line: " << command_line << " (rvanno "
                  << RVANNO_VERSION << ")\n";
        return 1;
    } catch (...) {
        std::cerr << "rvanno: internal error: an exception of unknown type\nrvanno: please report this with the "
                     "command line: "
                  << command_line << " (rvanno " << RVANNO_VERSION << ")\n";
        return 1;
    }
}
