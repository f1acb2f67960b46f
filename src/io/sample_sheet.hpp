// The sample sheet of `rvanno batch` and the file names of its per-sample outputs.
// Sheet format (docs/compare_and_batch.md): TSV, '#' comment lines, one header line with the
// columns sample, vcf, cnv, sv, tumor_type, driver (optional: vcf_sample, therapy_history,
// cnv_sample and sv_sample: the sample of multi-sample copy-number / fusion tables);
// cnv/sv/driver cells may list several entries separated by ','; paths are relative to the
// sheet's directory unless absolute. The vcf cell may name a MAF (told by its header when the
// sample is run); vcf_sample is then its Tumor_Sample_Barcode.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace rvanno::cli {

struct SampleSheetRow {
    std::string sample;                 // as written (the report's sample name)
    std::string vcf;                    // resolved path, "" when the row has none
    std::string vcf_sample;             // VCF column to report ("" = the tumour, io/vcf_sample_choice.hpp)
    std::string cnv_sample, sv_sample;  // sample of multi-sample cnv/sv tables ("" = the only one)
    std::vector<std::string> cnv, sv;   // resolved paths
    std::string tumor_type;
    std::vector<std::string> drivers;  // e.g. "ALK fusion"
    std::string therapy_history;       // comma-separated, as for --therapy-history
    std::string where;                 // "sheet.tsv:3", for messages
};

// Reads and checks the sheet: required columns (a missing or unknown column is an InputError
// at the header line), a non-empty unique sample name and at least one input per row, and
// every named file exists (InputError "sheet:line: ..."). Throws UserError if unreadable.
std::vector<SampleSheetRow> read_sample_sheet(const std::filesystem::path& path);

// A sample name as a safe file-name stem: characters other than A-Z a-z 0-9 . _ - become '_',
// leading '.' and '-' become '_' (no hidden files, nothing that looks like an option), at most
// 100 characters; "" becomes "sample".
std::string safe_file_stem(const std::string& sample);

// The output stems of `samples`, in order. Throws UserError naming both samples when two
// stems collide (case-insensitively, for case-insensitive file systems) or when a stem
// collides with one of `reserved` (the cohort tables' stems).
std::vector<std::string> output_stems(const std::vector<std::string>& samples,
                                      const std::vector<std::string>& reserved);

}  // namespace rvanno::cli
