// Shared by the fuzz harnesses (tests/fuzz/<target>_fuzz.cpp): the scratch directory the fuzzed
// bytes are written to, the bundled knowledge base (loaded once per process), the `rvanno
// annotate` path a user runs (pipeline -> interpret -> every report writer), and the rule of
// what counts as a finding. Test-only.
//
// The rule: an input may be refused, and then only with rvanno's own errors (UserError and its
// children UsageError/InputError, rvanno/error.hpp), which main() prints as one line plus a
// hint. Anything else is a finding: a crash, a sanitizer report, a hang, std::bad_alloc, an
// exception of another type (std::out_of_range, nlohmann::json's type_error: main() would print
// "internal error"), or an accepted input whose report breaks the output invariants below.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "io/hts_info.hpp"
#include "knowledge/knowledge_base.hpp"
#include "pipeline/sample.hpp"
#include "report/text_safety.hpp"
#include "report/writers.hpp"
#include "rvanno/error.hpp"
#include "support/temp_dir.hpp"
#include "support/utf8.hpp"

namespace rvanno::fuzz {

// One scratch directory per process (parallel fuzzing jobs do not collide), removed at exit.
// scripts/fuzz.sh points TMPDIR at /dev/shm, so the per-input writes stay in memory.
inline const test::TempDir& scratch() {
    static const test::TempDir dir("fuzz");
    return dir;
}

// Writes the fuzzed bytes to scratch()/name and returns its path.
inline std::string write_input(const std::string& name, const std::uint8_t* data, std::size_t size) {
    const auto path = scratch().path() / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path.string();
}

// Once per process: HTSlib's own log quiet as in main(), and rvanno's warnings (std::cerr) off,
// since a fuzzer feeds mostly bad input and printing each warning would dominate the run.
// RVANNO_FUZZ_VERBOSE=1 keeps them. Sanitizer and libFuzzer reports do not use std::cerr.
inline void quiet_once() {
    static const bool done = [] {
        set_htslib_log(false);
        if (!std::getenv("RVANNO_FUZZ_VERBOSE")) std::cerr.setstate(std::ios::badbit);
        return true;
    }();
    (void)done;
}

inline const KnowledgeBase& bundled_kb() {
    static const KnowledgeBase kb = load_knowledge_base(RVANNO_DB);
    return kb;
}

// What the finding is, on stderr (std::cerr is silenced), then abort: libFuzzer and the replay
// driver both report an abort as a crash of the current input.
[[noreturn]] inline void finding(const std::string& what) {
    std::fprintf(stderr, "rvanno fuzz finding: %s\n", what.c_str());
    std::abort();
}

// The invariants of every accepted input's outputs (tests/cli/hostile_input_test.cpp checks the
// same on the malformed files): TSV rows without a raw CR (universal-newline readers would split
// them), JSON and HTML valid UTF-8.
inline void write_every_report(const Report& r) {
    std::ostringstream tsv, genes, verdicts, json, html;
    write_tsv(r, tsv);
    write_gene_table_tsv(r, genes);
    write_verdict_table_tsv(r, verdicts);
    write_json(r, json);
    write_html(r, html);
    for (const auto* t : {&tsv, &genes, &verdicts})
        if (t->str().find('\r') != std::string::npos) finding("a TSV output holds a raw CR");
    if (!test::is_valid_utf8(json.str())) finding("the JSON output is not valid UTF-8");
    if (!test::is_valid_utf8(text::repair_utf8(html.str()))) finding("the HTML output is not valid UTF-8");
}

// The genome the run is told: none (detected, as a user without -g) when the input carries a
// build clue a header can give, else GRCh38 (as the tests' `-g GRCh38`), so that inputs without
// a header still get past build detection to the readers' record code.
inline std::string genome_for(const std::uint8_t* data, std::size_t size) {
    const std::string_view s(reinterpret_cast<const char*>(data), size);
    return s.find("##contig") != s.npos || s.find("##reference") != s.npos ? "" : "GRCh38";
}

// `rvanno annotate` on `inputs` with knowledge base `tables`: read, annotate, interpret with a
// declared ALK-fusion driver (so driver-dependent rows and verdicts are reached), write every
// report format.
inline Report annotate(const pipeline::SampleInputs& inputs, const std::string& genome, pipeline::RunTables& tables) {
    pipeline::RunSettings settings;
    settings.genome = genome;
    Report report = pipeline::annotate_sample(inputs, settings, tables, "rvanno annotate fuzz");
    SampleContext declared;
    declared.declared_drivers = {"ALK fusion"};
    pipeline::interpret_sample(report, pipeline::with_detected_drivers(declared, report), pipeline::annotate_steps(""),
                               tables);
    write_every_report(report);
    return report;
}

inline Report annotate(const pipeline::SampleInputs& inputs, const std::string& genome) {
    static pipeline::RunTables tables(bundled_kb());  // transcript tables read once per process
    return annotate(inputs, genome, tables);
}

// Runs `f`; rvanno's own errors are the expected refusal of a bad input (with
// RVANNO_FUZZ_VERBOSE=1 printed as main() would, to see what a seed reaches).
// RVANNO_FUZZ_SELFTEST=1 throws std::out_of_range instead, as a bug would: ctest
// Fuzz.replay_fails_on_a_finding checks that the replay then fails.
template <class F>
int expect_only_user_errors(F f) {
    quiet_once();
    static const bool selftest = std::getenv("RVANNO_FUZZ_SELFTEST") != nullptr;
    try {
        if (selftest) throw std::out_of_range("RVANNO_FUZZ_SELFTEST: an exception that is not rvanno's");
        f();
    } catch (const UserError& e) {
        if (std::getenv("RVANNO_FUZZ_VERBOSE")) std::cerr << "rvanno: error: " << e.what() << "\n";
    }
    return 0;
}

}  // namespace rvanno::fuzz
