// What the rest of rvanno may know of HTSlib without including it: its version and its log.
#pragma once
#include <string>

namespace rvanno {

// "1.16" (hts_version()).
std::string htslib_version();
// HTSlib prints only errors ([E::...]); rvanno's own message follows them.
void quiet_htslib_logs();

}  // namespace rvanno
