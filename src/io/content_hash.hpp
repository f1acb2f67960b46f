// MD5 over a list of files (HTSlib's hts_md5), used as the knowledge base's content hash.
#pragma once
#include <filesystem>
#include <future>
#include <string>
#include <vector>

namespace rvanno {

// Hex MD5 of, for each file in order: its name relative to `base`, a NUL, its bytes, a NUL.
// Including names makes a renamed table change the hash. Throws UserError if unreadable.
std::string md5_of_files(const std::filesystem::path& base, const std::vector<std::filesystem::path>& files);
// The same on a second thread (the knowledge base's tables are hashed while their rows parse):
// get() gives the hash or rethrows its error. Where no thread can be started, get() computes it.
std::future<std::string> md5_of_files_async(std::filesystem::path base, std::vector<std::filesystem::path> files);

}  // namespace rvanno
