// One output file that appears whole or not at all.
//
//   "-"                     standard output, written directly.
//   an existing FIFO, character or block device (/dev/null, a terminal, a pipe named by
//   /dev/fd/N): opened and written directly, never replaced (a rename would put a regular
//   file where the device node was).
//   anything else: written to an unnamed temporary file in the target's directory (O_TMPFILE,
//   so a killed run leaves nothing behind) and linked into place by publish(). Where the file
//   system has no O_TMPFILE, the temporary is "<path>.rvanno-tmp-XXXXXXXX" with a random
//   suffix, created with O_CREAT|O_EXCL|O_NOFOLLOW (never through a planted symlink) and
//   removed by the destructor. An output path that is a symlink to a regular file (or to
//   nothing yet) is written through: its target is replaced, not the link.
//
// finish() flushes and checks for write errors; publish() makes the file visible. commit()
// is both. Several outputs of one run are committed together by OutputSet (output_set.hpp).
#pragma once
#include <memory>
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
    void finish();   // flush and check for write errors; throws UserError
    void publish();  // after finish(): link or rename the temporary into place; throws UserError
    void commit();   // finish() + publish()

    const std::string& path() const { return path_; }
    bool direct() const { return kind_ != Kind::temporary; }

private:
    enum class Kind { standard_output, direct, temporary };
    struct Buffer;
    std::string path_;
    std::string dest_;   // the file that is replaced (path_ with symlinks resolved)
    std::string named_;  // the fallback temporary's name ("" with O_TMPFILE)
    Kind kind_{Kind::temporary};
    int fd_{-1};
    std::unique_ptr<Buffer> buffer_;
    std::unique_ptr<std::ostream> stream_;
    bool finished_{false}, published_{false};
};

// What an output path is now: standard output ("-", /dev/stdout), an existing non-regular
// file that is written directly, or a regular (or not yet existing) file that is replaced.
enum class OutputKind { standard_output, direct, replace };
OutputKind output_kind(const std::string& path);

// The file that replacing `path` replaces: `path` itself, or the final target when `path` is
// a symlink (resolved as far as it exists).
std::string replaced_file(const std::string& path);

// A random name suffix ([0-9a-z], `n` characters) for temporary names.
std::string random_suffix(std::size_t n);

}  // namespace rvanno
