// Knowledge stage, CIViC layer: reads the columns db/civic/*.tsv adds after the 15 curated ones.
#include "knowledge/civic_layer.hpp"

#include <algorithm>
#include <charconv>

#include "base/strings.hpp"
#include "base/text_scan.hpp"
#include "knowledge/knowledge_parse.hpp"

namespace rvanno::detail {
namespace {

[[noreturn]] void bad(const std::string& what) { throw std::invalid_argument(what); }

int exon_number(std::string_view s, const std::string& item) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v <= 0 || s.front() == '0' || v > 10000)
        bad("match_restrict '" + item + "': '" + std::string(s) + "' is not an exon number");
    return v;
}

// A gene symbol as the knowledge tables write it: [A-Za-z0-9][A-Za-z0-9.-]*
bool is_gene(std::string_view g) {
    if (g.empty() || !is_ascii_alnum(g.front())) return false;
    for (char c : g)
        if (!is_ascii_alnum(c) && c != '.' && c != '-') return false;
    return true;
}

}  // namespace

std::vector<MatchRestrict> parse_match_restrict(const std::string& s) {
    using K = MatchRestrict::Kind;
    std::vector<MatchRestrict> out;
    for (const auto& item : split_list(s)) {
        MatchRestrict r;
        r.text = item;
        const auto eq = item.find('=');
        const std::string key = item.substr(0, eq);
        const std::string value = eq == std::string::npos ? "" : item.substr(eq + 1);
        if (eq == std::string::npos && (key == "deletion" || key == "insertion" || key == "frameshift")) {
            r.kind = key == "deletion" ? K::deletion : key == "insertion" ? K::insertion : K::frameshift;
        } else if (key == "exon_skipping" && eq != std::string::npos) {
            r.kind = K::exon_skipping;
            r.exon = exon_number(value, item);
        } else if (key == "fusion" && eq != std::string::npos) {
            r.kind = K::fusion;
            const auto sep = value.find("::");
            if (sep == std::string::npos) bad("match_restrict '" + item + "' is not fusion=<5' gene>::<3' gene>");
            r.gene5 = value.substr(0, sep);
            r.gene3 = value.substr(sep + 2);
            if (!is_gene(r.gene5) || !is_gene(r.gene3))
                bad("match_restrict '" + item + "' is not fusion=<5' gene>::<3' gene>");
        } else if (key == "fusion_exons" && eq != std::string::npos) {
            r.kind = K::fusion_exons;
            const auto dash = value.find('-');
            if (dash == std::string::npos || value.size() < 5 || value[0] != 'e' || value[dash + 1] != 'e')
                bad("match_restrict '" + item + "' is not fusion_exons=e<X>-e<Y>");
            r.exon5 = exon_number(std::string_view(value).substr(1, dash - 1), item);
            r.exon3 = exon_number(std::string_view(value).substr(dash + 2), item);
        } else {
            throw UnknownRestrict("match_restrict '" + item +
                                  "' is not known to this rvanno (known: deletion | insertion | frameshift | "
                                  "exon_skipping=N | fusion=<5'>::<3'> | fusion_exons=eX-eY): the row is not loaded, "
                                  "since it would match more than CIViC's variant");
        }
        for (const auto& o : out)
            if (o.kind == r.kind) bad("match_restrict names '" + key + "' twice");
        out.push_back(std::move(r));
    }
    return out;
}

void read_civic_columns(const TableRow& t, KnowledgeEntry& e) {
    e.layer = t.get("layer");
    if (e.layer != "civic") bad("layer '" + e.layer + "' in a db/civic/ table (expected: civic)");
    CivicColumns& c = e.set_civic();
    c.civic_id = t.get("civic_id");
    if (c.civic_id.size() < 4 || (c.civic_id.rfind("EID", 0) != 0 && c.civic_id.rfind("AID", 0) != 0) ||
        !all_digits(std::string_view(c.civic_id).substr(3)))
        bad("civic_id '" + c.civic_id + "' is not EID<n> or AID<n>");
    c.civic_rating = t.get("civic_rating");
    if (!c.civic_rating.empty() && (c.civic_rating.size() != 1 || c.civic_rating[0] < '1' || c.civic_rating[0] > '5'))
        bad("civic_rating '" + c.civic_rating + "' is not 1-5");
    c.civic_disease = t.get("civic_disease");
    c.nct_ids = t.get("nct_ids");
    c.civic_amp_tier = t.get("amp_tier");
    c.restrictions = parse_match_restrict(t.get("match_restrict"));  // last: UnknownRestrict skips the row
}

void check_restrictions(const KnowledgeEntry& e) {
    using K = MatchRestrict::Kind;
    const bool small = e.kind != AlterationKind::fusion && e.kind != AlterationKind::amplification &&
                       e.kind != AlterationKind::deletion && e.kind != AlterationKind::loss;
    for (const auto& r : e.civic().restrictions) {
        const std::string where = "match_restrict '" + r.text + "' on a " + to_string(e.kind) + " row";
        switch (r.kind) {
            case K::deletion:
            case K::insertion:
            case K::frameshift:
            case K::exon_skipping:
                if (!small) bad(where + ": only rows matched by small variants take it");
                break;
            case K::fusion:
                if (!small || r.gene3 == "*" ||
                    std::find(e.required_drivers.begin(), e.required_drivers.end(), r.gene3 + " fusion") ==
                        e.required_drivers.end())
                    bad(where + ": needs a small-variant row whose context is driver=" + r.gene3 + " fusion");
                break;
            case K::fusion_exons:
                if (e.kind != AlterationKind::fusion || e.gene_level().fusion5 == "*" || e.gene_level().fusion3 == "*")
                    bad(where + ": only a fusion row naming both partners takes it");
                break;
        }
    }
}

std::string civic_release(const std::filesystem::path& file) {
    TextLines in(file);
    std::string line;
    const std::string key = "# CIViC release ";
    while (in.is_open() && in.next(line) && !line.empty() && line[0] == '#')
        if (line.rfind(key, 0) == 0) {
            const auto end = line.find(' ', key.size());
            return line.substr(key.size(), end == std::string::npos ? std::string::npos : end - key.size());
        }
    return "";
}

}  // namespace rvanno::detail
