#include "report/json_stream.hpp"

#include <unistd.h>

#include <cstdlib>
#include <system_error>

#include "rvanno/error.hpp"

namespace rvanno::report_json {

SpillFile::SpillFile() {
    static int serial = 0;
    std::error_code ec;
    const auto dir = std::filesystem::temp_directory_path(ec);  // $TMPDIR, else /tmp
    const char* tmpdir = std::getenv("TMPDIR");
    if (ec)
        throw UserError("cannot use the temporary directory" +
                            std::string(tmpdir ? " '" + std::string(tmpdir) + "' ($TMPDIR)" : "") +
                            " for the JSON report: " + ec.message(),
                        "set TMPDIR to a writable directory with space for the report");
    path_ = dir / ("rvanno-json-" + std::to_string(::getpid()) + "-" + std::to_string(++serial) + ".part");
    out_.open(path_, std::ios::binary | std::ios::trunc);
    if (!out_)
        throw UserError("cannot write a temporary file in '" + dir.string() + "' for the JSON report",
                        "set TMPDIR to a writable directory with space for the report");
}

SpillFile::~SpillFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
}

void SpillFile::copy_to(std::ostream& to) {
    out_.close();
    if (out_.fail()) throw UserError("cannot write the temporary file '" + path_.string() + "'", "is the disk full?");
    std::ifstream in(path_, std::ios::binary);
    to << in.rdbuf();
}

}  // namespace rvanno::report_json
