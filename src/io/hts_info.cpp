#include "io/hts_info.hpp"

#include <htslib/hts.h>
#include <htslib/hts_log.h>

namespace rvanno {

std::string htslib_version() { return hts_version(); }

void quiet_htslib_logs() { hts_set_log_level(HTS_LOG_ERROR); }

}  // namespace rvanno
