#include "io/hts_info.hpp"

#include <htslib/hts.h>
#include <htslib/hts_log.h>

namespace rvanno {

std::string htslib_version() { return hts_version(); }

void set_htslib_log(bool verbose) { hts_set_log_level(verbose ? HTS_LOG_WARNING : HTS_LOG_OFF); }

std::string htslib_message_hint() {
    return hts_get_log_level() == HTS_LOG_OFF ? "run again with --verbose to see HTSlib's own message"
                                              : "see HTSlib's message above";
}

}  // namespace rvanno
