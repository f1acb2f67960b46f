#include "io/output_file.hpp"

#include <unistd.h>

#include <iostream>

#include "rvanno/error.hpp"

namespace rvanno {

OutputFile::OutputFile(const std::string& path) : path_(path) {
    if (path_ == "-") return;
    tmp_ = path_ + ".rvanno-tmp-" + std::to_string(::getpid());
    file_.open(tmp_, std::ios::binary | std::ios::trunc);
    if (!file_) throw UserError("cannot write '" + path_ + "'", "check that its directory exists and is writable");
}

OutputFile::~OutputFile() {
    if (path_ != "-" && !committed_) {
        file_.close();
        std::error_code ec;
        std::filesystem::remove(tmp_, ec);
    }
}

std::ostream& OutputFile::stream() { return path_ == "-" ? std::cout : file_; }

void OutputFile::commit() {
    if (path_ == "-") {
        std::cout.flush();
        if (!std::cout) throw UserError("cannot write to standard output");
        return;
    }
    file_.close();
    if (!file_) throw UserError("error while writing '" + path_ + "'", "is the disk full?");
    std::error_code ec;
    std::filesystem::rename(tmp_, path_, ec);
    if (ec) throw UserError("cannot rename the finished output to '" + path_ + "': " + ec.message());
    committed_ = true;
}

}  // namespace rvanno
