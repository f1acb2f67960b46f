// All outputs of one run, committed together: each output is written to a temporary (see
// OutputFile) and nothing is put into place until every one of them was written without an
// error; then they are linked/renamed into place one after the other. An error before
// commit() leaves every previous file at those paths as it was.
//
// Inputs are registered first: an output path that is the same file as an input (same device
// and inode, so also through a hard link or a symlink) or as another output is refused before
// any work is done (UserError, exit 1). Only regular files are compared: a device or FIFO
// (/dev/null, /dev/stdout) is never replaced, so writing it cannot destroy an input.
#pragma once
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "io/output_file.hpp"

namespace rvanno {

class OutputSet {
public:
    // `inputs`: files (or directories, whose regular files all count) the run reads.
    // Empty strings and "-" are ignored.
    explicit OutputSet(const std::vector<std::string>& inputs);
    ~OutputSet();
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;

    // Refuses `path` (named by option `what`, e.g. "--gene-table") if it is an input or an
    // output already checked, or its directory does not exist. "" is ignored.
    void check(const std::string& path, const std::string& what);
    // check() and open the output; the stream stays valid until the set is destroyed.
    std::ostream& open(const std::string& path, const std::string& what);
    // For a writer that opens the file itself (HTSlib): a path to write instead of `path`
    // ("-" stays "-"). It lies in a private directory (mode 0700) beside `path`, or in the
    // temporary directory when `path` is a device or FIFO; commit() moves (or copies) it.
    // check() must have been called for `path`.
    std::string stage(const std::string& path);
    // Flushes and checks every output, then puts all of them into place.
    void commit();

private:
    struct FileId {
        unsigned long long dev, ino;
        std::string path;
    };
    struct Staged {
        std::string target, dir, file;
        bool copy;
    };
    std::vector<FileId> inputs_;
    std::vector<std::pair<std::string, std::string>> checked_;  // path, what
    std::vector<std::unique_ptr<OutputFile>> files_;
    std::vector<Staged> staged_;
};

}  // namespace rvanno
