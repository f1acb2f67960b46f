// Stage 1, io/: takes what a VCF header says about its sample columns; gives the tumour column
// and the rule that chose it (rules and their example files in vcf_sample_choice.hpp).
#include "io/vcf_sample_choice.hpp"

#include <algorithm>

#include "base/strings.hpp"
#include "rvanno/error.hpp"

namespace rvanno {
namespace {

int index_of(const std::vector<std::string>& v, const std::string& s) {
    auto it = std::find(v.begin(), v.end(), s);
    return it == v.end() ? -1 : static_cast<int>(it - v.begin());
}

// The single column among `names` (in file order), or -1 when none or several.
int only_column(const std::vector<std::string>& samples, const std::vector<std::string>& names) {
    int found = -1;
    for (const auto& n : names) {
        int i = index_of(samples, n);
        if (i < 0 || i == found) continue;
        if (found >= 0) return -1;
        found = i;
    }
    return found;
}

// "tumor_sample_name=X" inside MuTect 1's ##MuTect= command line.
std::string mutect1_tumor(const std::string& line) {
    const std::string key = "tumor_sample_name=";
    auto at = line.find(key);
    if (at == std::string::npos) return "";
    at += key.size();
    auto end = line.find_first_of(" \t\"", at);
    return line.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

std::string strelka_or_varscan(const std::string& source) {
    const std::string s = upper(source);
    if (s.find("STRELKA") != std::string::npos) return "Strelka2/Manta TUMOR/NORMAL columns";
    if (s.find("VARSCAN") != std::string::npos) return "VarScan NORMAL/TUMOR columns";
    return "TUMOR/NORMAL columns";
}

}  // namespace

SampleChoice choose_vcf_sample(const SampleMarks& m, const std::string& wanted, const std::string& path) {
    const auto& s = m.samples;
    auto pick = [&](int i, std::string rule) { return SampleChoice{i, s[static_cast<std::size_t>(i)], rule}; };
    if (!wanted.empty()) {
        int i = index_of(s, wanted);
        if (i < 0)
            throw UserError("sample '" + wanted + "' is not in '" + path + "'", "the samples are: " + join(s, ", "));
        return pick(i, "");
    }
    if (s.empty()) return {};
    if (int i = index_of(s, m.tumor_sample); !m.tumor_sample.empty() && i >= 0) return pick(i, "");
    if (s.size() == 1) return pick(0, "");
    std::vector<std::string> tumours;
    for (const auto& [id, genomes] : m.genomes)
        if (upper(genomes) == "TUMOR" || upper(genomes) == "TUMOUR") tumours.push_back(id);
    if (int i = only_column(s, tumours); i >= 0) return pick(i, "##SAMPLE=<Genomes=Tumor> header");
    if (int i = only_column(s, m.pedigree_derived); i >= 0) return pick(i, "##PEDIGREE=<Derived=> header");
    if (int n = index_of(s, m.normal_sample); s.size() == 2 && !m.normal_sample.empty() && n >= 0)
        return pick(1 - n, "the column other than ##normal_sample=");
    if (int i = index_of(s, mutect1_tumor(m.mutect1)); !m.mutect1.empty() && i >= 0)
        return pick(i, "MuTect ##MuTect= tumor_sample_name");
    if (s.size() == 2) {
        const std::string a = upper(s[0]), b = upper(s[1]);
        if ((a == "TUMOR" && b == "NORMAL") || (a == "NORMAL" && b == "TUMOR"))
            return pick(a == "TUMOR" ? 0 : 1, strelka_or_varscan(m.source));
        if (m.hartwig && s[0].size() > 1 && s[0].size() == s[1].size() &&
            s[0].substr(0, s[0].size() - 1) == s[1].substr(0, s[1].size() - 1)) {
            const char x = s[0].back(), y = s[1].back();
            if ((x == 'R' && y == 'T') || (x == 'T' && y == 'R'))
                return pick(x == 'T' ? 0 : 1, "Hartwig <id>R/<id>T columns");
        }
    }
    throw UsageError("'" + path + "' has " + std::to_string(s.size()) +
                         " samples and nothing in it says which is the tumour: " + join(s, ", "),
                     "choose the sample with --sample NAME (or the vcf_sample column of a sample sheet)");
}

}  // namespace rvanno
