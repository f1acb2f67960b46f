// Fusion annotation's text spelling, shared by the comparison and the report writers.
#pragma once
#include <string>

#include "rvanno/fusion.hpp"

namespace rvanno {

// "EML4 exon 13 :: ALK exon 20", with "intron k" for an intronic break and "?" for an unknown
// partner.
std::string breakpoints(const Fusion& f);

}  // namespace rvanno
