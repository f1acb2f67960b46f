// The RVANNO_* INFO values of one record (layout: vcf_writer.hpp). No HTSlib here.
#include <algorithm>
#include <cctype>

#include "base/strings.hpp"
#include "io/vcf_writer.hpp"
#include "rvanno/error.hpp"

namespace rvanno {

namespace {

// The fields of one RVANNO_DRUG entry (VEP-shaped: bcftools +split-vep needs a Consequence
// field and splits entries on ',' only, so each entry carries its allele). `layer` (curated or
// civic) came last, so the positions of the earlier fields are those of older outputs.
constexpr const char* kDrugFormat =
    "Allele|Consequence|SYMBOL|Feature|HGVSc|HGVSp|drug|effect|level|status|kb_id|match|layer";

constexpr const char* kLayout =
    " Number=A: one value per ALT, '.' for an ALT without a match; '&' joins the values of one ALT;"
    " values are percent-encoded.";

// The ALT as written in the input: the last field of "chr:pos:ref:alt" (contig names may
// contain ':', plain alleles never do), else the finding's own allele.
std::string allele_as_written(const AlleleFinding& f) {
    if (f.input_allele.empty()) return f.alt;
    auto colon = f.input_allele.rfind(':');
    return colon == std::string::npos ? f.input_allele : f.input_allele.substr(colon + 1);
}

void add_unique(std::vector<std::string>& v, std::string s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

// One allele's value: its entries joined with '&'; "." when there are none or all are ".".
std::string allele_value(const std::vector<std::string>& entries) {
    bool any = std::any_of(entries.begin(), entries.end(), [](const std::string& e) { return e != "."; });
    if (!any) return ".";
    return join(entries, "&");
}

// One RVANNO_DRUG entry, in kDrugFormat order; every field percent-encoded, the
// consequence terms joined with '&' as VEP does.
std::string drug_entry(const std::string& allele, const Consequence& c, const std::string& drug, const Match& m) {
    std::vector<std::string> terms;
    for (const auto& t : c.terms) terms.push_back(encode_info_value(t));
    std::string hgvs_c = c.hgvs_c.empty() ? "" : (c.transcript.empty() ? c.hgvs_c : c.transcript + ":" + c.hgvs_c);
    const std::vector<std::string> fields = {
        encode_info_value(allele),
        terms.empty() ? "." : join(terms, "&"),
        encode_info_value(c.gene),
        encode_info_value(c.transcript),
        encode_info_value(hgvs_c),
        c.protein_change.empty() ? "." : encode_info_value("p." + c.protein_change),
        encode_info_value(drug),
        encode_info_value(to_string(m.entry->effect)),
        encode_info_value(to_string(m.entry->level)),
        status_name(*m.entry),
        encode_info_value(m.entry->id),
        encode_info_value(to_string(m.how)),
        encode_info_value(m.entry->layer)};
    return join(fields, "|");
}

}  // namespace

const std::vector<RvannoInfoTag>& rvanno_info_tags() {
    const std::string layout = kLayout;
    static const std::vector<RvannoInfoTag> tags = {
        {"RVANNO_GENE", "rvanno: knowledge-base gene of each matched consequence." + layout, "A"},
        {"RVANNO_HGVSC",
         "rvanno: HGVS c. (TRANSCRIPT:c.CHANGE) of each matched consequence, aligned with "
         "RVANNO_GENE." +
             layout,
         "A"},
        {"RVANNO_HGVSP",
         "rvanno: protein change (1-letter, e.g. p.G1202R) of each matched consequence, aligned "
         "with RVANNO_GENE; '.' when unknown." +
             layout,
         "A"},
        {"RVANNO_KB", "rvanno: ids of the knowledge-base rows that matched." + layout, "A"},
        {"RVANNO_MATCH",
         "rvanno: how each RVANNO_KB row matched (genomic, hgvs_c, hgvs_p, codon, range, "
         "class:lof, class:missense, compound), aligned with RVANNO_KB; ':amino_acid_unknown' is added "
         "when the allele lies at the row's codon but its amino acid is unknown (no FASTA): shown, not "
         "counted, and its drugs are not in RVANNO_DRUG." +
             layout,
         "A"},
        {"RVANNO_DRUG",
         "rvanno: one entry per ALT, matched knowledge-base row and drug, in the layout of VEP's CSQ so that "
         "bcftools +split-vep reads it (Allele: the ALT as written; Consequence: rvanno's terms, '&'-joined; "
         "status: verified or unverified, db/README.md). Number=.: entries are ','-separated, fields "
         "percent-encoded. Format: " +
             std::string(kDrugFormat),
         "."},
    };
    return tags;
}

std::string encode_info_value(const std::string& value) {
    if (value.empty()) return ".";
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(value.size());
    for (char ch : value) {
        auto c = static_cast<unsigned char>(ch);
        bool reserved = c == '%' || c == ';' || c == '=' || c == ',' || c == '&' || c == '|' || c <= 0x20 || c >= 0x7f;
        if (!reserved) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> rvanno_info_values(const std::vector<std::string>& alts,
                                                                    const std::vector<const AlleleFinding*>& findings,
                                                                    const std::string& where) {
    // Per tag (in rvanno_info_tags() order), per ALT: the entries of that allele.
    // RVANNO_DRUG (Number=.) is one list over all ALTs, each entry naming its allele.
    constexpr std::size_t kTags = 5;
    enum { gene, hgvsc, hgvsp, kb, how };
    std::vector<std::string> drug_entries;
    std::vector<std::vector<std::vector<std::string>>> entries(kTags,
                                                               std::vector<std::vector<std::string>>(alts.size()));
    std::vector<std::string> upper_alts;
    for (const auto& a : alts) upper_alts.push_back(upper(a));

    for (const AlleleFinding* f : findings) {
        if (!f || f->matches.empty()) continue;
        const std::string written = upper(allele_as_written(*f));
        auto it = std::find(upper_alts.begin(), upper_alts.end(), written);
        if (it == upper_alts.end())
            throw UserError(where + ": the allele " + f->ref + ">" + f->alt +
                                " annotated there is not among its ALT "
                                "alleles; the input changed since it was annotated",
                            "annotate and write the VCF in one run, from a file that does not change");
        const auto a = static_cast<std::size_t>(it - upper_alts.begin());
        const Consequence& c = f->csq;
        entries[gene][a].push_back(encode_info_value(c.gene));
        std::string hgvs_c = c.hgvs_c.empty() ? "" : (c.transcript.empty() ? c.hgvs_c : c.transcript + ":" + c.hgvs_c);
        entries[hgvsc][a].push_back(encode_info_value(hgvs_c));
        entries[hgvsp][a].push_back(c.protein_change.empty() ? "." : encode_info_value("p." + c.protein_change));
        // RVANNO_KB and RVANNO_MATCH stay aligned: a (row, how) pair is written once per allele.
        for (const Match& m : f->matches) {
            if (!m.entry) continue;
            std::string id = encode_info_value(m.entry->id);
            std::string h = encode_info_value(to_string(m.how) + (m.amino_acid_unknown ? ":amino_acid_unknown" : ""));
            bool seen = false;
            for (std::size_t i = 0; i < entries[kb][a].size(); ++i)
                if (entries[kb][a][i] == id && entries[how][a][i] == h) seen = true;
            if (!seen) {
                entries[kb][a].push_back(id);
                entries[how][a].push_back(h);
            }
            if (m.amino_acid_unknown) continue;
            for (const auto& d : m.entry->drugs) add_unique(drug_entries, drug_entry(alts[a], c, d, m));
        }
    }

    std::vector<std::pair<std::string, std::string>> out;
    const auto& tags = rvanno_info_tags();
    for (std::size_t t = 0; t < kTags; ++t) {
        if (tags[t].number != "A") throw UserError("internal error: the RVANNO_* tag order changed");
        std::string value;
        bool any = false;
        for (std::size_t a = 0; a < alts.size(); ++a) {
            std::string v = allele_value(entries[t][a]);
            any = any || v != ".";
            value += (a ? "," : "") + v;
        }
        if (any) out.emplace_back(tags[t].id, std::move(value));
    }
    if (!drug_entries.empty()) out.emplace_back(tags[kTags].id, join(drug_entries, ","));
    return out;
}

}  // namespace rvanno
