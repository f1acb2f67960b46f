// Fuzz target `sv`: the bytes are a structural-variant or fusion file, run as `rvanno annotate
// --sv FILE` runs it: Manta/Delly/GRIDSS/SvABA VCF (BND pairs by MATEID/PARID, INV/DEL/DUP/TRA),
// Arriba, STAR-Fusion or a gene-pair list, told by content; then fusion annotation (partners,
// breakpoint exons, frame, kinase domain, named variants), matching, verdicts, every writer.
// Seeds: testdata/fuzz/sv/. Rule of a finding: tests/fuzz/fuzz_support.hpp.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rvanno;
    return fuzz::expect_only_user_errors([&] {
        pipeline::SampleInputs in;
        in.sv = {fuzz::write_input("input.sv", data, size)};
        fuzz::annotate(in, fuzz::genome_for(data, size));
    });
}
