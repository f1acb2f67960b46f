// What the rest of rvanno may know of HTSlib without including it: its version and its log.
#pragma once
#include <filesystem>
#include <string>

namespace rvanno {

// "1.16" (hts_version()).
std::string htslib_version();
// True if HTSlib sees a VCF or BCF file (plain, gzip or BGZF), false for any other content
// (text tables, compressed or not). Throws UserError for a missing file or a directory
// (`expected` words the hint: "a copy-number file") or one that cannot be read.
bool is_vcf_or_bcf_file(const std::filesystem::path& path, const std::string& expected);
// HTSlib prints only errors ([E::...]); rvanno's own message follows them.
void quiet_htslib_logs();

}  // namespace rvanno
