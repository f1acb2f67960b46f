// db/transcripts.<build>.tsv, the MANE transcript tables (stage knowledge/).
#pragma once
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "rvanno/transcript.hpp"

namespace rvanno {

// Reads a transcript table. Throws InputError("file:line", ...) on any malformed row.
// With `only`, the rows of other genes are skipped unparsed (the knowledge base needs the
// spans of its own genes, not the whole-genome table; rvanno db check reads every row).
std::vector<Transcript> read_transcript_table(const std::filesystem::path& path,
                                              const std::set<std::string, std::less<>>* only = nullptr);

}  // namespace rvanno
