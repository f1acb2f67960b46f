// How the copy-number and fusion table readers treat what they cannot read, one policy for
// every such table:
//   - a header or structural problem (no header, missing column, text before the header, a
//     multi-sample table without a sample chosen) refuses the file;
//   - a malformed data row (END before START, a non-number, an unknown contig, the wrong number
//     of columns) is skipped: one warning line "rvanno: warning: FILE:LINE: problem; skipped"
//     for each of the first kShownWarnings rows of a file, then one line with the count; the
//     rows are kept in the input's skipped_lines (provenance, stderr summary, and the genes a
//     skipped row overlaps read "partial");
//   - with --strict (TableReadOptions::strict) a malformed row is the error instead;
//   - a file whose every data row is malformed is refused: nothing of it could be read.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rvanno/error.hpp"
#include "rvanno/skipped.hpp"

namespace rvanno {

struct TableReadOptions {
    std::string sample;  // the sample to read from a multi-sample table; "" = refuse when several
    bool strict{false};  // a malformed data row is an error, not a skipped line
};

inline constexpr long kShownWarnings = 5;

class SkipLog {
public:
    SkipLog(std::string path, bool strict, std::vector<SkippedLine>& out)
        : path_(std::move(path)), strict_(strict), out_(out) {}
    // Records the malformed row `e` is about; with strict, throws it (with a --strict hint).
    void skip(const InputError& e, std::optional<Region> region = {}, std::string gene = {});
    // After the last row: the count of the warnings not shown; refuses a file whose `kept` rows
    // are none while some were skipped.
    void finish(long kept) const;

private:
    std::string path_;
    bool strict_;
    std::vector<SkippedLine>& out_;
};

// "NAME is not a sample of FILE" / "FILE holds N samples" refusals, listing the samples (first
// 10). `what` is the column ("ID", "Sample_Id"), `option` the option that chooses one.
[[noreturn]] void refuse_sample(const std::string& path, const std::string& what,
                                const std::vector<std::string>& samples, const std::string& wanted,
                                const std::string& option);

// The sample a multi-sample table is read for: `wanted` if it is one of `samples` (else
// refused), the only one if there is one, "" if there are none; several and none wanted is
// refused (UsageError, exit 2), listing them.
std::string choose_sample(const std::string& path, const std::string& what, const std::vector<std::string>& samples,
                          const std::string& wanted, const std::string& option);

}  // namespace rvanno
