// Runs the real rvanno binary in a directory and captures stdout, stderr and the exit code
// (the seqan app-template cli_test idea). Test-only.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/files.hpp"
#include "support/temp_dir.hpp"
#include "support/tsv.hpp"

namespace rvanno::test {

struct RunResult {
    std::string out, err;
    int exit_code{-1};
};

inline std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Each of `args` is quoted. RVANNO_FASTA is unset, so that a developer's own setting cannot turn a
// no-FASTA test into a FASTA one; `env` ("NAME=VALUE" each) sets variables for this run only.
inline RunResult run_rvanno(const std::filesystem::path& cwd, const std::vector<std::string>& args,
                            const std::string& stdin_file = "", const std::vector<std::string>& env = {}) {
    static int counter = 0;
    auto tmp = std::filesystem::temp_directory_path() /
               ("rvanno_cli_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    // Sanitizer findings get exit codes of their own, so they can never pass for exit 1.
    std::string cmd = "cd " + shell_quote(cwd.string()) +
                      " && unset RVANNO_FASTA && ASAN_OPTIONS=exitcode=99:detect_leaks=1 "
                      "UBSAN_OPTIONS=halt_on_error=1:exitcode=98:print_stacktrace=1 ";
    for (const auto& e : env) {  // NAME='value': a quoted NAME would not be an assignment
        const auto eq = e.find('=');
        cmd += e.substr(0, eq) + "=" + shell_quote(eq == std::string::npos ? "" : e.substr(eq + 1)) + " ";
    }
    cmd += shell_quote(RVANNO_BINARY);
    for (const auto& a : args) cmd += " " + shell_quote(a);
    if (!stdin_file.empty()) cmd += " < " + shell_quote(stdin_file);
    cmd += " > " + shell_quote(tmp.string() + ".out") + " 2> " + shell_quote(tmp.string() + ".err");
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(tmp.string() + ".out");
    r.err = slurp(tmp.string() + ".err");
    std::filesystem::remove(tmp.string() + ".out");
    std::filesystem::remove(tmp.string() + ".err");
    return r;
}

// "RVANNO_DB=<dir>": a copy of the bundled db/ without its CIViC layer (db/civic/), made once per
// test binary, for run_rvanno's `env`. For tests of a mechanism (amino acid unknown, "no
// knowledge", class matching) whose known answer is about the curated rows alone; with the
// CIViC layer the same alleles may gain CIViC rows, which the golden cases cover.
// Removed when the test process ends (ctest runs each test in a process of its own).
inline std::string curated_only_db_env() {
    static const TempDir dir("curated_db");
    static const bool made = [] {
        for (const auto& e : std::filesystem::directory_iterator(RVANNO_DB))
            if (e.path().filename() != "civic" && e.path().filename() != "tools")
                std::filesystem::copy(e.path(), dir.path() / e.path().filename(),
                                      std::filesystem::copy_options::recursive);
        return true;
    }();
    (void)made;
    return "RVANNO_DB=" + dir.path().string();
}

// The data rows of an rvanno TSV reduced to `columns` (tab-joined), header first.
inline std::vector<std::string> project(const std::string& tsv, const std::vector<std::string>& columns) {
    std::vector<std::string> out, header;
    std::vector<std::size_t> idx;
    for (const auto& l : lines(tsv)) {
        if (l.rfind("##", 0) == 0) continue;
        const auto cells = test::cells(l);
        if (header.empty()) {
            header = cells;
            for (const auto& c : columns)
                for (std::size_t i = 0; i < header.size(); ++i)
                    if (header[i] == c) idx.push_back(i);
        }
        std::string row;
        for (std::size_t k = 0; k < idx.size(); ++k)
            row += (k ? "\t" : "") + (idx[k] < cells.size() ? cells[idx[k]] : "");
        out.push_back(row);
    }
    return out;
}

}  // namespace rvanno::test
