#include "io/table_skips.hpp"

#include <algorithm>

#include "base/strings.hpp"
#include "base/warning.hpp"

namespace rvanno {

void SkipLog::skip(const InputError& e, std::optional<Region> region, std::string gene) {
    if (strict_)
        throw InputError(
            e.where(), e.message(),
            (e.hint().empty() ? "" : e.hint() + "; ") +
                "--strict makes a malformed line an error (without it the line is skipped with a warning)");
    out_.push_back({e.where(), e.message(), std::move(region), std::move(gene)});
    if (static_cast<long>(out_.size()) <= kShownWarnings) warn(e.where() + ": " + e.message() + "; skipped");
}

void SkipLog::finish(long kept) const {
    const long n = static_cast<long>(out_.size());
    if (n > kShownWarnings)
        warn(path_ + ": " + std::to_string(n - kShownWarnings) + " more malformed line(s) skipped (" +
             std::to_string(n) + " in all; the first " + std::to_string(kShownWarnings) + " are shown above)");
    if (n > 0 && kept == 0)
        throw InputError(path_,
                         "every data row is malformed (" + std::to_string(n) + " skipped), nothing could be read",
                         "check that the file is what its header says; the first problem is: " + out_.front().where +
                             ": " + out_.front().problem);
}

void refuse_sample(const std::string& path, const std::string& what, const std::vector<std::string>& samples,
                   const std::string& wanted, const std::string& option) {
    const std::vector<std::string> shown(samples.begin(), samples.begin() + std::min<std::size_t>(10, samples.size()));
    const std::string list = join(shown, ", ") + (samples.size() > 10 ? ", ..." : "");
    if (!wanted.empty())
        throw UserError("'" + wanted + "' is not a sample of '" + path + "' (" + what + "); it has " +
                            std::to_string(samples.size()) + ": " + list,
                        "give one of them with " + option);
    throw UsageError("'" + path + "' holds " + std::to_string(samples.size()) + " samples (" + what + "): " + list,
                     "choose one with " + option + " NAME; rvanno does not pool samples into one tumour");
}

std::string choose_sample(const std::string& path, const std::string& what, const std::vector<std::string>& samples,
                          const std::string& wanted, const std::string& option) {
    if (!wanted.empty()) {
        if (std::find(samples.begin(), samples.end(), wanted) == samples.end())
            refuse_sample(path, what, samples, wanted, option);
        return wanted;
    }
    if (samples.size() > 1) refuse_sample(path, what, samples, wanted, option);
    return samples.empty() ? std::string() : samples.front();
}

}  // namespace rvanno
