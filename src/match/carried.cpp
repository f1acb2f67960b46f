// The alleles a multi-sample VCF's chosen sample really carries, and the compound matches that
// still hold once the others are gone (rules in carried.hpp).
#include "match/carried.hpp"

#include <string>
#include <vector>

#include "match/matcher.hpp"
#include "match/phase.hpp"

namespace rvanno {

bool is_carried(const AlleleFinding& f) { return is_carried(f.genotype, f.vaf); }

bool is_carried(const std::string& genotype, const std::optional<double>& vaf) {
    bool all_ref = !genotype.empty(), all_missing = !genotype.empty();
    std::string allele;
    for (std::size_t i = 0; i < genotype.size() + (genotype.empty() ? 0 : 1); ++i) {
        const char ch = i < genotype.size() ? genotype[i] : '/';
        if (ch != '/' && ch != '|') {
            allele += ch;
            continue;
        }
        all_ref = all_ref && allele == "0";
        all_missing = all_missing && allele == ".";
        allele.clear();
    }
    if (all_ref) return false;   // the caller genotyped the sample as reference
    if (vaf) return *vaf > 0.0;  // a measured allele fraction decides
    return !all_missing;         // a no-call without AF/AD is no evidence of the allele
}

namespace {

// Compound rows were matched against every allele of the file (SmallVariantAnnotator::finish);
// once the alleles the sample does not carry are gone, a compound match whose companions went
// with them must go too, or a G1202R sample would inherit an L1196M it does not have.
void drop_unmet_compound_matches(Report& r) {
    const auto observed = observed_protein_changes(r.findings);  // as SmallVariantAnnotator::finish
    for (auto& f : r.findings)
        std::erase_if(f.matches, [&](const Match& m) {
            return m.entry && !m.entry->requires_all.empty() && !requirements_met(*m.entry, observed);
        });
    for (auto& f : r.findings)  // a partner allele may have gone: the phase is read again
        for (auto& m : f.matches) set_compound_phase(m, f, r.findings);
}

}  // namespace

long drop_alleles_not_carried(Report& r) {
    const long dropped =
        static_cast<long>(std::erase_if(r.findings, [](const AlleleFinding& f) { return !is_carried(f); }));
    if (dropped > 0) drop_unmet_compound_matches(r);
    long matched = 0;
    for (const auto& f : r.findings) matched += f.matches.empty() ? 0 : 1;
    for (auto& g : r.genes) {
        if (g.small_variant_alleles < 0) continue;
        g.small_variant_alleles = g.matched_small_variants = 0;
        for (const auto& f : r.findings)
            if (f.csq.gene == g.gene) {
                ++g.small_variant_alleles;
                g.matched_small_variants += f.matches.empty() ? 0 : 1;
            }
    }
    auto& c = r.counters.values;
    if (auto it = c.find("alleles_matched"); it != c.end()) it->second = matched;
    if (auto it = c.find("alleles_in_knowledge_base_genes"); it != c.end()) it->second -= dropped;
    if (!r.provenance.inputs.empty()) c["alleles_not_carried_by_sample"] = dropped;
    r.provenance.phase = describe_compound_phases(r.findings);
    return dropped;
}

}  // namespace rvanno
