// Warnings: problems in an input that rvanno works around, told to the user on stderr as
// "rvanno: warning: ..." (errors, which stop the run, are thrown: rvanno/error.hpp).
#pragma once
#include <string>

namespace rvanno {

void warn(const std::string& message);

}  // namespace rvanno
