// `rvanno batch` cohort tables: alterations x samples and drugs x samples
// (docs/compare_and_batch.md).
#include "report/cohort.hpp"

#include <algorithm>
#include <map>

#include "report/format.hpp"
#include "report/provenance.hpp"
#include "report/text_safety.hpp"

namespace rvanno {
namespace {

using text::tsv;

void write_provenance(const CohortResult& c, const std::string& input_line, const char* cells, std::ostream& out) {
    provenance::tsv_head(c.first, false, out);
    // input_line is "##key=value"; the value is a path and is escaped like every TSV field
    const auto eq = input_line.find('=');
    if (eq == std::string::npos)
        out << tsv(input_line);
    else
        out << input_line.substr(0, eq + 1) << tsv(input_line.substr(eq + 1));
    out << "\n##samples=" << c.samples.size() << "\n##cells=" << cells << "\n";
    provenance::tsv_tail(c.first, false, out);
}

std::string cell(const KeyedAlteration& a) {
    if (a.finding == "small_variant" && a.presence.vaf) return fmt::fixed(a.presence.vaf, 4);
    if (a.finding == "copy_number" && a.presence.cn) return fmt::fixed(a.presence.cn, 2);
    return "present";
}

int finding_rank(const std::string& f) { return f == "small_variant" ? 0 : f == "copy_number" ? 1 : 2; }

}  // namespace

void write_cohort_alterations(const CohortResult& cohort, const std::string& input_line, std::ostream& out) {
    const auto& samples = cohort.samples;
    write_provenance(cohort, input_line,
                     "VAF (small variant), minimum copy number (copy number), present, empty = absent, not_assessed = "
                     "no input of that kind",
                     out);
    // The union of keys, kb_ids merged; indexed by (key, finding), as every sample's protein-altering
    // alleles in every examined gene are keyed (thousands per whole genome).
    using Key = std::pair<std::string, std::string>;
    std::vector<KeyedAlteration> rows;
    std::map<Key, std::size_t> row_of;
    std::vector<std::map<Key, const KeyedAlteration*>> in_sample(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i)
        for (const auto& a : samples[i].alterations) {
            in_sample[i].emplace(Key{a.key, a.finding}, &a);
            auto [at, fresh] = row_of.emplace(Key{a.key, a.finding}, rows.size());
            if (fresh) {
                rows.push_back(a);
                continue;
            }
            auto it = rows.begin() + static_cast<long>(at->second);
            for (const auto& id : a.presence.kb_ids)
                if (std::find(it->presence.kb_ids.begin(), it->presence.kb_ids.end(), id) == it->presence.kb_ids.end())
                    it->presence.kb_ids.push_back(id);
        }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return finding_rank(a.finding) != finding_rank(b.finding) ? finding_rank(a.finding) < finding_rank(b.finding)
                                                                  : a.key < b.key;
    });
    out << "alteration\tfinding\tgene\tkb_ids";
    for (const auto& s : samples) out << '\t' << tsv(s.name);
    out << '\n';
    for (const auto& r : rows) {
        std::string ids;
        for (const auto& id : r.presence.kb_ids) ids += (ids.empty() ? "" : ";") + id;
        out << tsv(r.key) << '\t' << tsv(r.finding) << '\t' << tsv(r.gene) << '\t' << tsv(ids);
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const auto& s = samples[i];
            auto it = in_sample[i].find({r.key, r.finding});
            const bool assessed = r.finding == "small_variant" ? s.small : r.finding == "copy_number" ? s.cnv : s.sv;
            out << '\t' << (it != in_sample[i].end() ? cell(*it->second) : assessed ? "" : "not_assessed");
        }
        out << '\n';
    }
}

void write_cohort_verdicts(const CohortResult& cohort, const std::string& input_line, std::ostream& out) {
    const auto& samples = cohort.samples;
    write_provenance(cohort, input_line, "verdict call per drug (no_evidence when no knowledge row bears on the drug)",
                     out);
    std::vector<const DrugVerdict*> drugs;  // first appearance, sample by sample
    for (const auto& s : samples)
        for (const auto& v : s.verdicts)
            if (std::none_of(drugs.begin(), drugs.end(), [&](const DrugVerdict* d) { return d->drug == v.drug; }))
                drugs.push_back(&v);
    out << "drug\tdrug_class\tgeneration";
    for (const auto& s : samples) out << '\t' << tsv(s.name);
    out << '\n';
    for (const DrugVerdict* d : drugs) {
        out << tsv(d->drug) << '\t' << tsv(d->drug_class) << '\t'
            << (d->generation ? std::to_string(*d->generation) : "");
        for (const auto& s : samples) {
            auto it = std::find_if(s.verdicts.begin(), s.verdicts.end(),
                                   [&](const DrugVerdict& v) { return v.drug == d->drug; });
            out << '\t' << to_string(it == s.verdicts.end() ? VerdictCall::no_evidence : it->call);
        }
        out << '\n';
    }
}

}  // namespace rvanno
