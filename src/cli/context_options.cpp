#include "cli/context_options.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "base/strings.hpp"
#include "rvanno/error.hpp"

namespace rvanno::cli {

namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::string unknown_drug_hint(const std::string& entry, const KnowledgeBase& kb) {
    std::string best;
    std::size_t best_d = 4;  // suggest only close spellings
    for (const auto& [id, d] : kb.drugs) {
        if (d.is_class()) continue;
        std::vector<std::string> names = d.synonyms;
        names.push_back(d.id);
        names.push_back(d.name);
        for (const auto& n : names)
            if (auto dist = edit_distance(lower(entry), lower(n)); dist < best_d) {
                best_d = dist;
                best = id;
            }
    }
    const std::string known =
        "drug ids, names and synonyms of " + (kb.directory / "drugs.tsv").string() + " are accepted";
    return best.empty() ? known : "did you mean '" + best + "'? " + known;
}

void check_tumor_type(const std::string& t) {
    const bool ok = std::all_of(
        t.begin(), t.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
    if (!ok)
        throw UsageError("--tumor-type '" + t + "' is not a tumour-type code",
                         "give an OncoTree-style code such as NSCLC, IMT, ALCL");
}

std::string parse_driver(const std::string& text, const KnowledgeBase& kb) {
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    const char* hint =
        "accepted: \"<GENE> fusion\", \"<GENE> mutation\" or \"<GENE> <protein change or residue>\", e.g. "
        "--driver \"ALK fusion\", --driver \"EGFR L858R\", --driver \"BRAF V600\" (quote it: it has a space)";
    if (words.size() != 2) throw UsageError("--driver '" + text + "' is not understood", hint);
    const std::string gene = upper(words[0]);
    if (std::find(kb.genes.begin(), kb.genes.end(), gene) == kb.genes.end())
        throw UsageError("--driver '" + text + "': " + gene + " is not a gene of the knowledge base", hint);
    const std::string what = lower(words[1]);
    if (what == "fusion" || what == "mutation") return gene + " " + what;
    const std::string change = words[1];  // V600, V600E, E746_A750del (compared case-insensitively)
    const bool residue = change.size() >= 2 && std::isalpha(static_cast<unsigned char>(change[0])) &&
                         std::isdigit(static_cast<unsigned char>(change[1]));
    if (!residue) throw UsageError("--driver '" + text + "' is not understood", hint);
    return gene + " " + change;
}

}  // namespace

std::optional<std::string> find_drug(const std::string& name, const KnowledgeBase& kb) {
    const std::string want = lower(trim(name));
    if (want.empty()) return std::nullopt;
    for (const auto& [id, d] : kb.drugs) {
        if (lower(id) == want || lower(d.name) == want) return id;
        for (const auto& s : d.synonyms)
            if (lower(s) == want) return id;
    }
    return std::nullopt;
}

SampleContext parse_sample_context(const std::string& tumor_type, const std::vector<std::string>& drivers,
                                   const std::string& therapy_history_csv, const KnowledgeBase& kb) {
    SampleContext c;
    c.tumor_type = upper(trim(tumor_type));
    check_tumor_type(c.tumor_type);
    for (const auto& d : drivers) {
        auto driver = parse_driver(d, kb);
        if (std::find(c.declared_drivers.begin(), c.declared_drivers.end(), driver) == c.declared_drivers.end())
            c.declared_drivers.push_back(driver);
    }
    if (trim(therapy_history_csv).empty()) return c;
    std::size_t start = 0;
    while (true) {
        const auto comma = therapy_history_csv.find(',', start);
        const std::string entry =
            trim(therapy_history_csv.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (entry.empty())
            throw UsageError("--therapy-history '" + therapy_history_csv + "' has an empty entry",
                             "separate drugs with single commas, e.g. crizotinib,alectinib");
        auto id = find_drug(entry, kb);
        if (!id) throw UsageError("--therapy-history: unknown drug '" + entry + "'", unknown_drug_hint(entry, kb));
        if (kb.drugs.at(*id).is_class())
            throw UsageError("--therapy-history: '" + entry + "' is a drug class, not a drug",
                             "name the drugs that were given, e.g. crizotinib,alectinib");
        c.therapy_history.push_back(*id);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return c;
}

CnThresholds make_cn_thresholds(const CnThresholdOptions& o, const std::string& command) {
    const std::string see = "see 'rvanno " + command + " --help'";
    if (o.mode != "absolute" && o.mode != "relative")
        throw UsageError(command + ": unknown --cn-thresholds '" + o.mode + "' (expected: absolute or relative)", see);
    CnThresholds t;
    if (o.mode == "relative") t = {true, 3.0, 1.5, 0.5, 0.5};
    t.amplification = o.amplification.value_or(t.amplification);
    t.gain = o.gain.value_or(t.gain);
    t.loss = o.loss.value_or(t.loss);
    t.deep_deletion = o.deep_deletion.value_or(t.deep_deletion);
    if (!(t.deep_deletion >= 0 && t.deep_deletion <= t.loss * (t.relative ? 2 : 1) + 1e-9 && t.loss < t.gain &&
          t.gain <= t.amplification))
        throw UsageError(command + ": copy-number thresholds must satisfy deep-deletion <= loss < gain <= amp", see);
    return t;
}

}  // namespace rvanno::cli
