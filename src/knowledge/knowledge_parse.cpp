#include "knowledge/knowledge_parse.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "base/protein_notation.hpp"
#include "base/strings.hpp"
#include "base/text_scan.hpp"
#include "io/text_table.hpp"
#include "rvanno/consequence.hpp"

namespace rvanno::detail {
namespace {

[[noreturn]] void bad(const std::string& what) { throw std::invalid_argument(what); }

bool is_acgt(std::string_view s) {  // [ACGT]+
    return all_chars(s, [](char c) { return c == 'A' || c == 'C' || c == 'G' || c == 'T'; });
}
// [1-9][0-9]*
bool is_positive_number(std::string_view s) { return all_digits(s) && s[0] != '0'; }

template <class T>
T pick(const std::string& s, const char* column, std::initializer_list<std::pair<const char*, T>> allowed) {
    for (const auto& [name, value] : allowed)
        if (s == name) return value;
    std::string list;  // only for the error: this runs for every row of the knowledge base
    for (const auto& [name, value] : allowed) list += list.empty() ? name : std::string("|") + name;
    bad(std::string("unknown ") + column + " '" + s + "' (expected: " + list + ")");
}

int to_int(const std::string& s, const std::string& what) {
    int v{};
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v <= 0) bad("bad " + what + " '" + s + "'");
    return v;
}

GenomicAllele parse_genomic_allele(std::string_view s) {
    // GRCh38:2:29220747:C:T  (1-based position, VCF-style alleles)
    std::string f[5];  // split(s, ':') without its vector (one per genomic row: 100k rows)
    std::size_t n = 0, from = 0;
    while (true) {
        const auto colon = s.find(':', from);
        if (n < 5) f[n].assign(s, from, colon == std::string::npos ? std::string::npos : colon - from);
        ++n;
        if (colon == std::string::npos) break;
        from = colon + 1;
    }
    if (n != 5) bad("genomic allele '" + std::string(s) + "' is not BUILD:CONTIG:POS:REF:ALT");
    auto build = parse_genome_build(f[0]);
    auto contig = canonical_contig(f[1]);
    if (!build) bad("unknown genome build '" + f[0] + "' in '" + std::string(s) + "'");
    if (!contig) bad("unknown contig '" + f[1] + "' in '" + std::string(s) + "'");
    if (!is_acgt(f[3]) || !is_acgt(f[4])) bad("alleles of '" + std::string(s) + "' must be A/C/G/T");
    return {*build, *contig, to_int(f[2], "position") - 1, f[3], f[4]};
}

}  // namespace

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    for_each_item(s, [&out](std::string_view item) { out.emplace_back(item); });
    return out;
}

AlterationKind parse_kind(const std::string& s) {
    using K = AlterationKind;
    return pick<K>(s, "kind",
                   {{"genomic", K::genomic},
                    {"hgvs_c", K::hgvs_c},
                    {"hgvs_p", K::hgvs_p},
                    {"codon", K::codon},
                    {"range", K::range},
                    {"lof", K::lof},
                    {"missense", K::missense},
                    {"amplification", K::amplification},
                    {"deletion", K::deletion},
                    {"loss", K::loss},
                    {"fusion", K::fusion}});
}

Effect parse_effect(const std::string& s) {
    return pick<Effect>(s, "effect",
                        {{"resistance", Effect::resistance},
                         {"reduced_sensitivity", Effect::reduced_sensitivity},
                         {"sensitivity", Effect::sensitivity},
                         {"no_benefit", Effect::no_benefit},
                         {"no_resistance", Effect::no_resistance}});
}

EvidenceLevel parse_level(const std::string& s) {
    using L = EvidenceLevel;
    return pick<L>(s, "evidence_level", {{"A", L::A}, {"B", L::B}, {"C", L::C}, {"D", L::D}, {"E", L::E}});
}

EntryStatus parse_status(const std::string& s) {
    return pick<EntryStatus>(
        s, "status",
        {{"verified", EntryStatus::verified}, {"unverified", EntryStatus::unverified}, {"civic", EntryStatus::civic}});
}

void parse_mechanism(const std::string& s) {
    pick<int>(s, "mechanism",
              {{"on_target", 0}, {"bypass", 1}, {"downstream", 2}, {"lineage", 3}, {"driver", 4}, {"other", 5}});
}

bool is_entry_id(std::string_view s) {  // [A-Za-z0-9_.-]+
    return all_chars(s, [](char c) { return is_ascii_alnum(c) || c == '_' || c == '.' || c == '-'; });
}

bool is_drug_id(std::string_view s) {  // [A-Za-z0-9_.+-]+
    return all_chars(s, [](char c) { return is_ascii_alnum(c) || c == '_' || c == '.' || c == '+' || c == '-'; });
}

bool is_citation(std::string_view s) {
    // PMID:[1-9][0-9]{0,8}
    if (s.rfind("PMID:", 0) == 0) return is_positive_number(s.substr(5)) && s.size() - 5 <= 9;
    // DOI:10\.[0-9]{4,9}/\S+  (\S: not space, \t, \n, \v, \f or \r)
    if (s.rfind("DOI:10.", 0) != 0) return false;
    const auto rest = s.substr(7);
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos || slash < 4 || slash > 9 || !all_digits(rest.substr(0, slash))) return false;
    return all_chars(rest.substr(slash + 1),
                     [](char c) { return c != ' ' && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r'; });
}

void parse_citation(const std::string& s) {
    if (!is_citation(s)) bad("citation '" + s + "' is not PMID:<digits> or DOI:10.<registrant>/<suffix>");
}

std::vector<RequiredAlteration> parse_requires(const std::string& s) {
    std::vector<RequiredAlteration> out;
    for (const auto& item : split_list(s)) {
        auto colon = item.find(':');
        std::string change = colon == std::string::npos ? "" : to_one_letter_protein_change(item.substr(colon + 1));
        if (colon == 0 || change.empty()) bad("requires '" + item + "' is not GENE:p.<change>");
        out.push_back({item.substr(0, colon), change});
    }
    return out;
}

namespace {
bool is_gene_name(std::string_view g) {  // [A-Za-z0-9][A-Za-z0-9.-]*
    return !g.empty() && is_ascii_alnum(g[0]) &&
           std::all_of(g.begin(), g.end(), [](char c) { return is_ascii_alnum(c) || c == '.' || c == '-'; });
}
// "V600": one upper-case amino-acid letter and a residue number.
bool is_residue(std::string_view r) {
    return r.size() >= 2 && r[0] >= 'A' && r[0] <= 'Z' && is_positive_number(r.substr(1)) && r.size() <= 7;
}
}  // namespace

std::string context_driver(std::string_view cond) {
    // driver=<GENE> fusion | driver=<GENE> mutation | driver=<GENE> <X><n>
    const std::string_view head = "driver=";
    if (cond.substr(0, head.size()) != head) return {};
    const auto rest = cond.substr(head.size());
    const auto space = rest.find(' ');
    if (space == std::string_view::npos) return {};
    const auto gene = rest.substr(0, space), what = rest.substr(space + 1);
    if (!is_gene_name(gene)) return {};
    if (what == "fusion" || what == "mutation" || is_residue(what)) return std::string(rest);
    return {};
}

std::string context_driver_gene(std::string_view cond) {
    const auto d = context_driver(cond);
    return d.empty() ? d : d.substr(0, d.find(' '));
}

void parse_context(const std::string& s, KnowledgeEntry& e) {
    for_each_item(s, [&e](std::string_view cond) {
        if (auto d = context_driver(cond); !d.empty()) {
            if (std::find(e.required_drivers.begin(), e.required_drivers.end(), d) != e.required_drivers.end())
                bad("context names 'driver=" + d + "' twice");
            e.required_drivers.push_back(std::move(d));
        } else if (cond.rfind("tumor_type=", 0) == 0) {
            if (!e.tumor_types.empty())
                bad("context has more than one tumor_type= condition (list the codes in one: tumor_type=A,B)");
            for (const auto& c : split(cond.substr(11), ',')) {
                if (!all_chars(c, [](char ch) { return is_ascii_alnum(ch) || ch == '_'; }))  // [A-Za-z0-9_]+
                    bad("context tumor_type code '" + c + "' is not an OncoTree-style code like NB or NSCLC");
                e.tumor_types.push_back(c);
            }
        } else if (cond == "phase=cis" || cond == "phase=trans") {
            if (!e.required_phase.empty()) bad("context has more than one phase= condition");
            e.required_phase = cond.substr(6);
        } else {
            bad("unknown context condition '" + std::string(cond) +
                "' (expected: driver=<GENE> fusion | driver=<GENE> mutation | driver=<GENE> <residue, e.g. V600> | "
                "tumor_type=<CODE>[,<CODE>] | phase=cis | phase=trans)");
        }
    });
}

void parse_alteration(KnowledgeEntry& e) {
    const std::string& a = e.alteration;
    switch (e.kind) {
        case AlterationKind::genomic:
            for_each_item(a, [&e](std::string_view item) { e.alleles.push_back(parse_genomic_allele(item)); });
            if (e.alleles.empty()) bad("genomic row needs at least one BUILD:CONTIG:POS:REF:ALT");
            break;
        case AlterationKind::hgvs_c:
            if (a.rfind("c.", 0) != 0 || a.size() < 4) bad("hgvs_c alteration '" + a + "' must start with 'c.'");
            e.hgvs_c = a;
            break;
        case AlterationKind::hgvs_p:
            e.protein_change = to_one_letter_protein_change(a);
            if (a.rfind("p.", 0) != 0 || e.protein_change.empty())
                bad("hgvs_p alteration '" + a + "' is not a protein change like p.G1202R or p.Gly1202Arg");
            break;
        case AlterationKind::codon:
            // ([ACDEFGHIKLMNPQRSTVWY])([1-9][0-9]*)
            if (a.empty() || std::string_view("ACDEFGHIKLMNPQRSTVWY").find(a[0]) == std::string_view::npos ||
                !is_positive_number(std::string_view(a).substr(1)))
                bad("codon alteration '" + a + "' is not like G1202");
            e.codon_ref_aa = a[0];
            e.codon = to_int(a.substr(1), "codon");
            break;
        case AlterationKind::range: {
            // ([1-9][0-9]*)-([1-9][0-9]*)
            const auto dash = a.find('-');
            if (dash == std::string::npos || !is_positive_number(std::string_view(a).substr(0, dash)) ||
                !is_positive_number(std::string_view(a).substr(dash + 1)))
                bad("range alteration '" + a + "' is not like 1116-1383");
            e.range_begin = to_int(a.substr(0, dash), "range start");
            e.range_end = to_int(a.substr(dash + 1), "range end");
            if (e.range_end < e.range_begin) bad("range '" + a + "' ends before it starts");
            break;
        }
        case AlterationKind::amplification:
            // (cn>=([0-9]+(\\.[0-9]+)?))?
            if (!a.empty()) {
                const auto n = std::string_view(a).substr(a.rfind("cn>=", 0) == 0 ? 4 : 0);
                const auto dot = n.find('.');
                if (a.rfind("cn>=", 0) != 0 || !all_digits(n.substr(0, dot)) ||
                    (dot != std::string_view::npos && !all_digits(n.substr(dot + 1))))
                    bad("amplification alteration '" + a + "' must be empty or cn>=N");
                try {
                    e.set_gene_level().min_copy_number = std::stod(std::string(n));
                } catch (const std::out_of_range&) {
                    bad("amplification alteration '" + a + "': copy number out of range");
                }
            }
            break;
        case AlterationKind::fusion: {
            auto sep = a.find("::");
            if (sep == std::string::npos || sep == 0 || sep + 2 >= a.size() ||
                a.find("::", sep + 2) != std::string::npos)
                bad("fusion alteration '" + a + "' is not like EML4::ALK or *::ALK (5' partner first)");
            e.set_gene_level().fusion5 = a.substr(0, sep);
            e.set_gene_level().fusion3 = a.substr(sep + 2);
            break;
        }
        case AlterationKind::lof:
        case AlterationKind::missense:
        case AlterationKind::deletion:
        case AlterationKind::loss:
            if (!a.empty()) bad("a " + to_string(e.kind) + " row takes no alteration text, found '" + a + "'");
            break;
    }
}

}  // namespace rvanno::detail
