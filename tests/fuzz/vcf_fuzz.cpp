// Fuzz target `vcf`: the bytes are the small-variant input of `rvanno annotate --output-vcf
// out.vcf input.vcf`, run the way that command runs it: VCF (plain; bgzipped when the bytes are BGZF) or MAF
// (told by its header), the sample choice, the caller-specific VAF counts, the VEP/SnpEff/BCSQ
// annotation tags (CSQ/ANN/BCSQ, HGVSp parsing), consequences on the bundled knowledge base's
// transcripts, matching, verdicts, every report writer, and the annotated-VCF pass-through
// (-O v, and -O z, which copies a bgzipped input's blocks).
// Seeds: testdata/fuzz/vcf/. Rule of a finding: tests/fuzz/fuzz_support.hpp.
#include "fuzz_support.hpp"
#include "io/vcf_writer.hpp"
#include "report/provenance.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rvanno;
    return fuzz::expect_only_user_errors([&] {
        const std::string input = fuzz::write_input("input.vcf", data, size);
        pipeline::SampleInputs in;  // by name: the struct grows
        in.vcf = input;
        const Report report = fuzz::annotate(in, fuzz::genome_for(data, size));
        if (report.provenance.input_format == "maf") return;  // --output-vcf is refused for a MAF
        // v: record by record; z: a bgzipped input's blocks copied (io/annotated_vcf_passthrough.hpp)
        for (const char* type : {"v", "z"})
            write_annotated_vcf(input, (fuzz::scratch().path() / (std::string("annotated.") + type)).string(), type,
                                report.findings, provenance::vcf_header_lines(report.provenance), 0, VcfRegions{});
    });
}
