// Output safety (src/io/output_file.*, src/io/output_set.*): an output never replaces an input,
// a device or FIFO is written, not replaced, temporaries are never reached through a planted
// symlink and do not outlive a killed run, and all outputs of a run appear together.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <chrono>
#include <future>
#include <thread>

#include "support/cli_run.hpp"
#include "support/spawn.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;

namespace {

const fs::path kCase = fs::path(RVANNO_TESTDATA) / "cases" / "annotate" / "alk_compound";

std::vector<std::string> annotate(std::vector<std::string> more) {
    std::vector<std::string> a{"annotate", "-q", "-g", "GRCh38"};
    a.insert(a.end(), more.begin(), more.end());
    return a;
}

}  // namespace

// Why: `-o input.vcf` (or a side table, or a hard link to the input) replaced the input with
// the report. Refused before any work, naming both paths, with a hint; the input is untouched.
TEST(OutputSafety, output_that_is_an_input_is_refused) {
    TempDir dir("same_as_input");
    // The input is read by content; a name without .vcf keeps `-o` clear of the rule that a
    // report may not be named like a VCF (bcftools conventions), so the same-file check decides.
    fs::copy_file(kCase / "input.vcf", dir.path() / "in.data");
    fs::create_hard_link(dir.path() / "in.data", dir.path() / "link.tsv");
    const std::string before = slurp(dir.path() / "in.data");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"-o", "in.data", "in.data"},
             {"-o", "link.tsv", "in.data"},
             {"--gene-table", "in.data", "in.data"},
             {"--verdict-table", "./in.data", "in.data"},
             {"-o", "out.tsv", "--sv", "in.data", "--output-vcf", "link.tsv", "in.data"}}) {
        auto r = run_rvanno(dir.path(), annotate(args));
        EXPECT_EQ(r.exit_code, 1) << args[1] << "\n" << r.err;
        EXPECT_NE(r.err.find("is the same file as the input"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("'in.data'"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("rvanno: hint: "), std::string::npos) << r.err;
        EXPECT_EQ(slurp(dir.path() / "in.data"), before);
    }
    auto c = run_rvanno(dir.path(), {"compare", "-q", "-g", "GRCh38", "-o", "in.data", "in.data", "link.tsv"});
    EXPECT_EQ(c.exit_code, 1) << c.err;
    EXPECT_NE(c.err.find("is the same file as the input"), std::string::npos) << c.err;
    EXPECT_EQ(slurp(dir.path() / "in.data"), before);
}

// Why: batch names its reports after the samples; a report name in OUTDIR that is an input
// (here the multi-sample VCF itself, saved as OUTDIR/P1.tsv) was overwritten mid-run.
TEST(OutputSafety, batch_report_that_is_an_input_is_refused) {
    TempDir dir("batch_same");
    fs::create_directory(dir.path() / "out");
    fs::copy_file(fs::path(RVANNO_TESTDATA) / "cases" / "batch" / "multi_vcf" / "cohort.vcf",
                  dir.path() / "out" / "P1.tsv");
    const std::string before = slurp(dir.path() / "out" / "P1.tsv");
    auto r = run_rvanno(dir.path(), {"batch", "-q", "-g", "GRCh38", "-o", "out", "out/P1.tsv"});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("out/P1.tsv"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("is the same file as the input"), std::string::npos) << r.err;
    EXPECT_EQ(slurp(dir.path() / "out" / "P1.tsv"), before);
    EXPECT_FALSE(fs::exists(dir.path() / "out" / "cohort_alterations.tsv"));
}

// Why: two options naming one file (the same path spelled differently, which the option
// parser's string comparison misses) made the later output silently replace the earlier one.
TEST(OutputSafety, two_outputs_on_one_path_are_refused) {
    TempDir dir("two_outputs");
    auto r = run_rvanno(
        kCase, annotate({"-o", dir.file("x.tsv"), "--gene-table", (dir.path() / "." / "x.tsv").string(), "input.vcf"}));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("--gene-table"), std::string::npos) << r.err;
    EXPECT_TRUE(dir.entries().empty());
}

// Why: the JSON report goes through a spill file in $TMPDIR (report/json_stream.hpp). A
// $TMPDIR that does not exist stopped the run with "'': No such file or directory"; it must
// say which directory and how to fix it, exit 1, and leave no partial report.
TEST(OutputSafety, json_without_a_usable_tmpdir_names_it_and_writes_nothing) {
    TempDir dir("json_tmpdir");
    auto r = run_rvanno(kCase, annotate({"-f", "json", "-o", dir.file("x.json"), "input.vcf"}), "",
                        {"TMPDIR=" + dir.file("missing")});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("'" + dir.file("missing") + "' ($TMPDIR)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("hint: set TMPDIR"), std::string::npos) << r.err;
    EXPECT_TRUE(dir.entries().empty());
}

// Why: as root, `-o /dev/null` renamed a regular file over the device node. A character
// device made with mknod in a scratch directory (1,3 is the null device) stands in for it.
TEST(OutputSafety, character_device_is_written_not_replaced) {
    TempDir dir("chardev");
    const auto dev = dir.path() / "null";
    if (::mknod(dev.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) GTEST_SKIP() << "mknod needs root";
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"-o", dev.string(), "input.vcf"},
             {"-f", "json", "-o", dev.string(), "input.vcf"},
             {"-o", "-", "--gene-table", dev.string(), "--verdict-table", dev.string(), "input.vcf"},
             {"-o", "-", "--output-vcf", dev.string(), "input.vcf"}}) {
        auto r = run_rvanno(kCase, annotate(args));
        EXPECT_EQ(r.exit_code, 0) << r.err;
        struct stat st {};
        ASSERT_EQ(::lstat(dev.c_str(), &st), 0);
        EXPECT_TRUE(S_ISCHR(st.st_mode)) << "the device node was replaced by " << args[args.size() - 2];
    }
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"null"});
}

// Why: `-o FIFO` replaced the FIFO with a regular file, so the reader waited forever.
TEST(OutputSafety, fifo_is_written_to_its_reader) {
    TempDir dir("fifo");
    const auto fifo = dir.path() / "out.fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto captured = dir.path() / "captured";
    auto reader = std::async(std::launch::async, [&] {
        return std::system(
            ("timeout 20 cat " + shell_quote(fifo.string()) + " > " + shell_quote(captured.string())).c_str());
    });
    auto r = run_rvanno(kCase, annotate({"-o", fifo.string(), "input.vcf"}));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(reader.get(), 0) << "the reader got no writer (timeout)";
    EXPECT_NE(slurp(captured).find("sample\tfinding\tchrom"), std::string::npos);
    struct stat st {};
    ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

// Why: the temporary was "<out>.rvanno-tmp-<pid>", opened with O_TRUNC and no O_EXCL: a
// symlink planted at that name made rvanno truncate and write the file it points to, then
// rename the symlink into place.
TEST(OutputSafety, symlink_at_the_old_temporary_name_is_not_followed) {
    TempDir dir("planted");
    std::ofstream(dir.file("victim")) << "precious\n";
    Child child(kCase, annotate({"-o", dir.file("out.tsv"), "input.vcf"}), dir.file("stdout"), dir.file("stderr"));
    ASSERT_GT(child.pid(), 0);
    const auto planted = dir.path() / ("out.tsv.rvanno-tmp-" + std::to_string(child.pid()));
    fs::create_symlink(dir.path() / "victim", planted);
    child.release();
    EXPECT_EQ(child.wait(), 0) << slurp(dir.path() / "stderr");
    EXPECT_EQ(slurp(dir.path() / "victim"), "precious\n");
    EXPECT_FALSE(fs::is_symlink(dir.path() / "out.tsv"));
    EXPECT_NE(slurp(dir.path() / "out.tsv").find("sample\tfinding\tchrom"), std::string::npos);
    EXPECT_TRUE(fs::is_symlink(planted)) << "a file rvanno did not make is left alone";
}

// Why: the gene and verdict tables were renamed into place before the main output and the
// annotated VCF were written; a later error left new side tables beside an old (or no) report.
TEST(OutputSafety, an_error_before_the_end_puts_no_output_into_place) {
    TempDir dir("all_or_nothing");
    std::ofstream(dir.file("genes.tsv")) << "previous gene table\n";
    // A bgzipped VCF without its end-of-file block: the error comes when the input has been read,
    // after every output was opened.
    auto r = run_rvanno(
        dir.path(),
        annotate({"-o", "main.tsv", "--gene-table", "genes.tsv", "--verdict-table", "verdicts.tsv", "--output-vcf",
                  "out.vcf",
                  (fs::path(RVANNO_TESTDATA) / "cases" / "annotate" / "truncated_bgzf" / "input.vcf.gz").string()}));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(slurp(dir.path() / "genes.tsv"), "previous gene table\n");
    auto entries = dir.entries();
    std::sort(entries.begin(), entries.end());
    EXPECT_EQ(entries, std::vector<std::string>{"genes.tsv"});
}

// Why: a run killed while writing left "<out>.rvanno-tmp-<pid>" behind. The input is a FIFO
// that this test feeds, so the run can be stopped at a known point: whenever rvanno blocks
// opening it, the test either feeds it (no output temporary open yet) or kills the run (an
// output temporary is open). The old code is killed while re-opening the input for
// --output-vcf, with the main output's temporary open; rvanno opens its outputs (O_TMPFILE)
// before reading the input, so it is killed at the first open. The annotated VCF's staging
// directory exists only while the VCF is written (HTSlib needs a path), so it is not covered.
TEST(OutputSafety, killed_run_leaves_no_temporary_file) {
#if !defined(__x86_64__)
    GTEST_SKIP() << "reads /proc/PID/syscall with the x86-64 number of openat";
#else
    TempDir dir("killed");
    const auto fifo = dir.path() / "input.vcf";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const std::string vcf = slurp(kCase / "input.vcf");
    Child child(dir.path(),
                annotate({"-o", "main.tsv", "--gene-table", "genes.tsv", "--verdict-table", "verdicts.tsv",
                          "--output-vcf", "out.vcf", "input.vcf"}),
                dir.file("stdout"), dir.file("stderr"));
    ASSERT_GT(child.pid(), 0);
    child.release();
    const auto proc = fs::path("/proc") / std::to_string(child.pid());
    auto blocked_in_open = [&] {
        for (int i = 0; i < 3; ++i) {  // the same openat seen three times, 30 ms apart
            std::string s = slurp(proc / "syscall");
            if (s.rfind("257 ", 0) != 0) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
        }
        return true;
    };
    auto output_open = [&] {
        std::error_code ec;
        for (const auto& fd : fs::directory_iterator(proc / "fd", ec)) {
            const auto target = fs::read_symlink(fd.path(), ec).string();
            if (!ec && target.rfind(dir.path().string(), 0) == 0 && target != fifo.string() &&
                target != dir.file("stdout") && target != dir.file("stderr"))
                return true;
        }
        return false;
    };
    bool killed = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!killed && std::chrono::steady_clock::now() < deadline) {
        if (!fs::exists(proc / "syscall")) break;
        if (std::ifstream(proc / "syscall").peek() == EOF) GTEST_SKIP() << "no /proc/PID/syscall";
        if (slurp(proc / "stat").find(") Z ") != std::string::npos) break;  // exited
        if (blocked_in_open()) {
            if (output_open()) {
                child.kill_now();
                killed = true;
            } else {
                std::ofstream(fifo, std::ios::binary) << vcf;  // completes rvanno's open
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const int code = child.wait();
    ASSERT_TRUE(killed) << "the run ended by itself (exit " << code << "): " << slurp(dir.path() / "stderr");
    for (const auto& e : dir.entries()) EXPECT_EQ(e.find(".rvanno-tmp-"), std::string::npos) << e;
#endif
}
