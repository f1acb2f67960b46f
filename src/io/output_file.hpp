// Output that appears whole or not at all: data go to "<path>.rvanno-tmp-<pid>" and are
// renamed over <path> by commit(). If commit() is never reached (an error was thrown), the
// destructor removes the temporary file. "-" writes to stdout directly.
#pragma once
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>

namespace rvanno {

class OutputFile {
public:
    explicit OutputFile(const std::string& path);  // throws UserError if it cannot be created
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    std::ostream& stream();
    void commit();  // flushes, checks for write errors, renames; throws UserError

private:
    std::string path_;
    std::filesystem::path tmp_;
    std::ofstream file_;
    bool committed_{false};
};

}  // namespace rvanno
