#include "base/warning.hpp"

#include <iostream>

namespace rvanno {

void warn(const std::string& message) { std::cerr << "rvanno: warning: " << message << "\n"; }

}  // namespace rvanno
