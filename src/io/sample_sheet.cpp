#include "io/sample_sheet.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <system_error>

#include "base/strings.hpp"
#include "io/text_table.hpp"
#include "rvanno/error.hpp"

namespace rvanno::cli {
namespace {

const std::vector<std::string> kRequired = {"sample", "vcf", "cnv", "sv", "tumor_type", "driver"};
const std::vector<std::string> kOptional = {"vcf_sample", "therapy_history", "cnv_sample", "sv_sample"};
const char* const kSheetHint =
    "the header needs the columns sample, vcf, cnv, sv, tumor_type, driver (optional: vcf_sample, "
    "therapy_history); see 'rvanno batch --help'";

std::vector<std::string> list(const std::string& cell) {
    std::vector<std::string> out;
    for (const auto& x : split(cell, ',')) {
        auto t = trim(x);
        if (!t.empty()) out.push_back(t);
    }
    return out;
}

void check_header(const TextTable& t) {
    for (const auto& c : kRequired)
        if (std::find(t.header().begin(), t.header().end(), c) == t.header().end())
            throw InputError(t.where(), "missing column '" + c + "'", kSheetHint);
    std::set<std::string> seen;
    for (const auto& c : t.header()) {
        if (std::find(kRequired.begin(), kRequired.end(), c) == kRequired.end() &&
            std::find(kOptional.begin(), kOptional.end(), c) == kOptional.end())
            throw InputError(t.where(), "unknown column '" + c + "'", kSheetHint);
        if (!seen.insert(c).second) throw InputError(t.where(), "column '" + c + "' appears twice", kSheetHint);
    }
}

std::string resolve(const TextTable& t, const std::string& file) {
    std::filesystem::path p(file);
    if (p.is_relative()) p = t.path().parent_path() / p;
    std::error_code ec;  // a name the system refuses to look up (too long, ...) is the sheet's error
    const bool found = std::filesystem::exists(p, ec);
    if (ec)
        throw InputError(t.where(), "file '" + file + "' cannot be looked for: " + ec.message(),
                         "check the path: a name the file system refuses (a part over 255 bytes, a "
                         "directory that may not be searched)");
    if (!found)
        throw InputError(t.where(), "file '" + file + "' does not exist (looked for '" + p.string() + "')",
                         "paths in a sample sheet are relative to the sheet's directory");
    return p.string();
}

}  // namespace

std::vector<SampleSheetRow> read_sample_sheet(const std::filesystem::path& path) {
    TextTable t(path, {});
    check_header(t);
    std::vector<SampleSheetRow> rows;
    while (t.next()) {
        SampleSheetRow r;
        r.where = t.where();
        r.sample = trim(t.get("sample"));
        if (r.sample.empty()) throw InputError(r.where, "empty sample name", kSheetHint);
        for (const auto& other : rows)
            if (other.sample == r.sample)
                throw InputError(r.where, "sample '" + r.sample + "' is also on " + other.where,
                                 "sample names must be unique");
        if (auto v = trim(t.get("vcf")); !v.empty()) r.vcf = resolve(t, v);
        for (const auto& f : list(t.get("cnv"))) r.cnv.push_back(resolve(t, f));
        for (const auto& f : list(t.get("sv"))) r.sv.push_back(resolve(t, f));
        if (r.vcf.empty() && r.cnv.empty() && r.sv.empty())
            throw InputError(r.where, "sample '" + r.sample + "' has no input", "fill at least one of vcf, cnv, sv");
        r.vcf_sample = trim(t.get("vcf_sample"));
        r.cnv_sample = trim(t.get("cnv_sample"));
        r.sv_sample = trim(t.get("sv_sample"));
        r.tumor_type = trim(t.get("tumor_type"));
        r.drivers = list(t.get("driver"));
        r.therapy_history = trim(t.get("therapy_history"));
        rows.push_back(std::move(r));
    }
    if (rows.empty())
        throw InputError(path.string(), "the sample sheet lists no sample", "add one row per sample below the header");
    return rows;
}

std::string safe_file_stem(const std::string& sample) {
    std::string s;
    for (char c : sample) {
        const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
        s += ok ? c : '_';
    }
    if (s.size() > 100) s.resize(100);
    if (!s.empty() && (s[0] == '.' || s[0] == '-')) s[0] = '_';
    return s.empty() ? "sample" : s;
}

std::vector<std::string> output_stems(const std::vector<std::string>& samples,
                                      const std::vector<std::string>& reserved) {
    std::vector<std::string> stems;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        auto stem = safe_file_stem(samples[i]);
        for (const auto& r : reserved)
            if (lower(stem) == lower(r))
                throw UserError("sample '" + samples[i] + "' would be written as '" + stem +
                                    ".*', which is the name of a cohort table",
                                "rename the sample in the sample sheet");
        for (std::size_t j = 0; j < stems.size(); ++j)
            if (lower(stems[j]) == lower(stem))
                throw UserError(
                    "samples '" + samples[j] + "' and '" + samples[i] + "' would both be written as '" + stem + ".*'",
                    "sample names must differ in more than case and in characters other than A-Z a-z 0-9 . _ -");
        stems.push_back(std::move(stem));
    }
    return stems;
}

}  // namespace rvanno::cli
