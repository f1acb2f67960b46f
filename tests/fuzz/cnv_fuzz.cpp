// Fuzz target `cnv`: the bytes are a copy-number file, run as `rvanno annotate --cnv FILE`
// runs it: format detection (CNVkit .cns/.call.cns, GATK/DNAcopy SEG, PURPLE somatic/gene,
// PCGR, plain table, CNV VCF), the rows, gene-level copy number on the MANE exons, arm-level
// calls, copy-number matching, verdicts and every report writer.
// Seeds: testdata/fuzz/cnv/. Rule of a finding: tests/fuzz/fuzz_support.hpp.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rvanno;
    return fuzz::expect_only_user_errors([&] {
        pipeline::SampleInputs in;
        in.cnv = {fuzz::write_input("input.cns", data, size)};
        fuzz::annotate(in, fuzz::genome_for(data, size));
    });
}
