// Fuzz target `sample_sheet`: the bytes are the sample sheet of `rvanno batch --sample-sheet`,
// taken as far as batch takes a sheet before it runs the first sample: read and checked
// (columns, names, paths relative to the sheet, list cells), each row's context (tumor_type,
// driver, therapy_history against the bundled knowledge base) and the per-sample output stems.
// The sheet's directory holds the files the seeds name (tumour.vcf, tumour.cns, tumour.sv.tsv,
// normal.vcf, all empty), so rows get past the existence check. Seeds: testdata/fuzz/sample_sheet/.
// Rule of a finding: tests/fuzz/fuzz_support.hpp.
#include "cli/context_options.hpp"
#include "fuzz_support.hpp"
#include "io/sample_sheet.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rvanno;
    static const bool files = [] {
        for (const char* name : {"sheet/tumour.vcf", "sheet/tumour.cns", "sheet/tumour.sv.tsv", "sheet/normal.vcf"})
            fuzz::write_input(name, nullptr, 0);
        return true;
    }();
    (void)files;
    return fuzz::expect_only_user_errors([&] {
        std::vector<std::string> samples;
        for (const auto& row : cli::read_sample_sheet(fuzz::write_input("sheet/sheet.tsv", data, size))) {
            cli::parse_sample_context(row.tumor_type, row.drivers, row.therapy_history, fuzz::bundled_kb());
            samples.push_back(row.sample);
        }
        cli::output_stems(samples, {"cohort_alterations", "cohort_verdicts"});  // batch_command.cpp's kCohortStems
    });
}
