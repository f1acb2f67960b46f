// Output safety (src/io/output_file.*): a device or FIFO is written, not replaced, temporaries
// are never reached through a planted symlink and do not outlive a killed run.
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

// Why: as root, `-o /dev/null` renamed a regular file over the device node. A character
// device made with mknod in a scratch directory (1,3 is the null device) stands in for it.
TEST(OutputSafety, character_device_is_written_not_replaced) {
    TempDir dir("chardev");
    const auto dev = dir.path() / "null";
    if (::mknod(dev.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) GTEST_SKIP() << "mknod needs root";
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"-o", dev.string(), "input.vcf"},
             {"-f", "json", "-o", dev.string(), "input.vcf"},
             {"-o", "-", "--gene-table", dev.string(), "--verdict-table", dev.string(), "input.vcf"}}) {
        auto r = run_rvanno(kCase, annotate(args));
        EXPECT_EQ(r.exit_code, 0) << r.err;
        struct stat st{};
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
        return std::system(("timeout 20 cat " + shell_quote(fifo.string()) + " > " + shell_quote(captured.string())).c_str());
    });
    auto r = run_rvanno(kCase, annotate({"-o", fifo.string(), "input.vcf"}));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(reader.get(), 0) << "the reader got no writer (timeout)";
    EXPECT_NE(slurp(captured).find("sample\tfinding\tchrom"), std::string::npos);
    struct stat st{};
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
    Child child(dir.path(), annotate({"-o", "main.tsv", "--gene-table", "genes.tsv", "--verdict-table", "verdicts.tsv",
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
