// Every field of a knowledge row as text, for tests that compare rows made two ways (read from
// the tables, made from the knowledge index). Test-only.
#pragma once
#include <sstream>
#include <string>
#include <vector>

#include "rvanno/knowledge.hpp"

namespace rvanno::test {

template <class T>
inline std::string list(const std::vector<T>& v) {
    std::ostringstream o;
    for (const auto& x : v) o << x << ";";
    return o.str();
}

// Every field of a row as text: two rows are the same row when their descriptions are equal.
inline std::string describe(const KnowledgeEntry& e) {
    std::ostringstream o;
    o << e.id << "|" << e.gene << "|" << to_string(e.kind) << "|" << e.alteration << "|";
    for (const auto& a : e.alleles)
        o << to_string(a.build) << ":" << a.contig << ":" << a.pos << ":" << a.ref << ":" << a.alt << ";";
    o << "|" << e.hgvs_c << "|" << e.protein_change << "|" << e.codon << "|" << static_cast<int>(e.codon_ref_aa) << "|"
      << e.range_begin << "-" << e.range_end << "|" << list(e.hgvs_c_alleles) << "|";
    for (const auto& r : e.requires_all) o << r.gene << ":" << r.protein_change << ";";
    o << "|" << list(e.drugs) << "|" << to_string(e.effect) << "|" << to_string(e.level) << "|" << list(e.diseases)
      << "|" << e.mechanism << "|" << list(e.citations) << "|" << e.verified << "|" << to_string(e.status) << "|"
      << e.notes << "|" << list(e.required_drivers) << "|" << list(e.tumor_types) << "|" << e.required_phase << "|"
      << e.file.str() << ":" << e.line << "|" << e.layer << "|";
    const CivicColumns& c = e.civic();
    o << c.civic_id << "|" << c.civic_rating << "|" << c.civic_disease << "|" << c.nct_ids << "|" << c.civic_amp_tier
      << "|";
    for (const auto& r : c.restrictions)
        o << static_cast<int>(r.kind) << "," << r.exon << "," << r.gene5 << "," << r.gene3 << "," << r.exon5 << ","
          << r.exon3 << "," << r.text << ";";
    o << "|" << list(c.also_in_civic) << "|" << e.gene_level().fusion5 << "|" << e.gene_level().fusion3 << "|"
      << (e.gene_level().min_copy_number ? std::to_string(*e.gene_level().min_copy_number) : "-");
    return o.str();
}

}  // namespace rvanno::test
