// Runs the rvanno binary as a direct child (no shell), so a test knows its pid before it starts
// and can signal it. The child waits for release() before exec. Test-only.
#pragma once
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

namespace rvanno::test {

class Child {
public:
    Child(const std::filesystem::path& cwd, const std::vector<std::string>& args, const std::string& out,
          const std::string& err) {
        int fds[2];
        if (::pipe(fds) != 0) return;
        pid_ = ::fork();
        if (pid_ == 0) {
            ::close(fds[1]);
            char c;
            if (::read(fds[0], &c, 1) != 1) ::_exit(120);
            if (::chdir(cwd.c_str()) != 0) ::_exit(121);
            const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (o < 0 || e < 0) ::_exit(122);
            ::dup2(o, 1);
            ::dup2(e, 2);
            std::vector<std::string> all{RVANNO_BINARY};
            all.insert(all.end(), args.begin(), args.end());
            std::vector<char*> argv;
            for (auto& a : all) argv.push_back(a.data());
            argv.push_back(nullptr);
            ::setenv("ASAN_OPTIONS", "exitcode=99:detect_leaks=1", 1);
            ::setenv("UBSAN_OPTIONS", "halt_on_error=1:exitcode=98:print_stacktrace=1", 1);
            ::unsetenv("RVANNO_FASTA");  // as run_rvanno: no FASTA the test did not ask for
            ::execv(RVANNO_BINARY, argv.data());
            ::_exit(123);
        }
        ::close(fds[0]);
        release_fd_ = fds[1];
    }
    ~Child() {
        if (release_fd_ >= 0) ::close(release_fd_);
        if (pid_ > 0 && !reaped_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    pid_t pid() const { return pid_; }
    void release() {
        if (release_fd_ < 0) return;
        [[maybe_unused]] auto n = ::write(release_fd_, "x", 1);
        ::close(release_fd_);
        release_fd_ = -1;
    }
    // The exit code, or 128 + the signal that ended it.
    int wait() {
        int status = 0;
        ::waitpid(pid_, &status, 0);
        reaped_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    void kill_now() { ::kill(pid_, SIGKILL); }

private:
    pid_t pid_{-1};
    int release_fd_{-1};
    bool reaped_{false};
};

}  // namespace rvanno::test
