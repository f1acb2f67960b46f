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
// HTSlib's own log lines ([E::...], [W::...]) on stderr: off by default, so that a failure
// prints rvanno's one line and its hint and a success prints no HTSlib noise; `verbose`
// (--verbose) shows HTSlib's warnings and errors too, in their own words.
void set_htslib_log(bool verbose);
// The start of a hint after an HTSlib failure: "see HTSlib's message above" under --verbose,
// else "run again with --verbose to see HTSlib's own message".
std::string htslib_message_hint();

}  // namespace rvanno
