// db/transcripts.<build>.tsv, the MANE transcript tables (stage knowledge/).
#pragma once
#include <filesystem>
#include <vector>

#include "rvanno/transcript.hpp"

namespace rvanno {

// Reads a transcript table. Throws InputError("file:line", ...) on any malformed row.
std::vector<Transcript> read_transcript_table(const std::filesystem::path& path);

}  // namespace rvanno
