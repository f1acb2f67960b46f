// assess_hotspots(): the coverage-aware negatives of the hotspot table.
//
// Which genes. The genes named by the sample's drivers, declared (--driver) or detected in the
// sample ("ALK fusion" -> ALK, "EML4::ALK fusion" -> EML4 and ALK, "EGFR L858R" -> EGFR): every
// word of a driver that is a knowledge-base gene symbol. A gene contributes hotspots only
// through its own on-target rows (below), so a fusion partner without such rows adds nothing.
// Genes that merely share a drug with the driver (crizotinib also has on-target rows in ROS1
// and NTRK3) are NOT included: a ROS1 kinase mutation is on-target resistance only in a
// ROS1-driven tumour, and listing it for an ALK-driven one would suggest otherwise.
//
// Which positions. Rows of those genes with mechanism `on_target` and effect `resistance` or
// `reduced_sensitivity`:
//   * kind hgvs_p / codon -> one hotspot per residue ("G1202"; a protein change written as a
//     range, "E746_A750del", gives one hotspot "E746_A750" over the whole range), listing every
//     row at that residue in kb_ids;
//   * kind hgvs_c -> one hotspot per c. position ("c.1088+1").
// Each is mapped to its genomic bases on the gene's MANE transcript (hotspot_map.hpp). When
// the transcript is missing or the residue lies outside its CDS, `where` stays empty and the
// hotspot can only be `detected` or `not_assessed`: no coordinate is made up.
//
// Which state.
//   detected      a small-variant finding of the gene changes the hotspot: for a residue, the
//                 finding is protein-altering (or may be, without --fasta) and its first codon
//                 is in the residue range or its changed bases overlap the codon's bases; for a
//                 c. position, its changed bases overlap the position or its HGVS c. names it.
//                 The FILTER of the finding is not looked at: what the report lists is flagged.
//   not_detected  not detected, and the depth source knows the depth at every base (for a
//                 codon split by an intron: at the bases of both parts, never the intron).
//   not_assessed  not detected, and there is no depth source, or it knows nothing of some
//                 base, or the depth there is 0 (no read: nothing was assessed).
// min_depth (and depth_source) are filled whenever the depth is known, detected hotspots and
// depth 0 included. No depth threshold is applied here: the depth is reported as it is.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "base/strings.hpp"
#include "interpret/hotspot_map.hpp"
#include "interpret/interpret.hpp"
#include "knowledge/row_index.hpp"
#include "rvanno/genome.hpp"

namespace rvanno {

std::string to_string(HotspotStatus::State s) {
    switch (s) {
        case HotspotStatus::State::detected:
            return "detected";
        case HotspotStatus::State::not_detected:
            return "not_detected";
        case HotspotStatus::State::not_assessed:
            return "not_assessed";
    }
    return "not_assessed";
}

namespace {

struct Spec {
    std::string gene;
    std::string name;       // "G1202", "E746_A750", "c.1088+1"
    bool residue{true};     // false: a c. position
    int first{0}, last{0};  // residues (residue hotspots)
    std::string hgvs_c;     // the row's c. description (position hotspots)
    std::int64_t order{0};  // residue, or the c. number
    std::vector<std::string> kb_ids;
};

// The knowledge-base genes named by the drivers.
std::set<std::string> driver_genes(const SampleContext& context, const KnowledgeBase& kb) {
    std::map<std::string, std::string> by_upper;  // upper-case symbol -> symbol
    for (const auto& g : kb.genes) by_upper.emplace(upper(g), g);
    for (const auto& [gene, rows] : row_index(kb.entries).genes) by_upper.emplace(upper(gene), gene);
    std::set<std::string> out;
    auto scan = [&](const std::string& driver) {
        std::string word;
        auto flush = [&] {
            if (auto it = by_upper.find(upper(word)); it != by_upper.end()) out.insert(it->second);
            word.clear();
        };
        for (char c : driver) {
            if (std::isalnum(static_cast<unsigned char>(c)))
                word += c;
            else
                flush();
        }
        flush();
    };
    for (const auto& d : context.declared_drivers) scan(d);
    for (const auto& d : context.detected_drivers) scan(d);
    return out;
}

struct ResidueRange {
    char ref_aa{0};
    int first{0}, last{0};
    std::string name;
};

// "G1202R" -> G1202; "T1151dup" -> T1151; "E746_A750del" -> E746_A750.
std::optional<ResidueRange> residues_of(const std::string& change) {
    auto one = [&](std::size_t& i, char& aa, int& n) {
        if (i >= change.size() || !(std::isupper(static_cast<unsigned char>(change[i])) || change[i] == '*'))
            return false;
        aa = change[i++];
        const std::size_t start = i;
        long v = 0;
        while (i < change.size() && std::isdigit(static_cast<unsigned char>(change[i])) && i - start < 7)
            v = v * 10 + (change[i++] - '0');
        if (i == start || v <= 0) return false;
        n = static_cast<int>(v);
        return true;
    };
    ResidueRange r;
    std::size_t i = 0;
    if (!one(i, r.ref_aa, r.first)) return std::nullopt;
    r.last = r.first;
    r.name = change.substr(0, i);
    if (i < change.size() && change[i] == '_') {
        std::size_t j = i + 1;
        char aa2 = 0;
        int n2 = 0;
        if (one(j, aa2, n2) && n2 >= r.first) {
            r.last = n2;
            r.name = change.substr(0, j);
        }
    }
    return r;
}

std::int64_t c_number(const std::string& position) {  // "c.1088+1" -> 1088, "c.-12" -> -12
    std::int64_t v = 0;
    std::size_t i = 2;
    const bool minus = i < position.size() && position[i] == '-';
    if (i < position.size() && (position[i] == '-' || position[i] == '*')) ++i;
    while (i < position.size() && std::isdigit(static_cast<unsigned char>(position[i])) && v < 1000000000)
        v = v * 10 + (position[i++] - '0');
    return minus ? -v : v;
}

// A row places a hotspot when it is on-target resistance (or reduced sensitivity) at a residue or a
// c. position. Read from the row index's facts, so that only these rows are made.
bool places_hotspot(const RowFacts& f) {
    return f.on_target && (f.effect == Effect::resistance || f.effect == Effect::reduced_sensitivity) &&
           (f.kind == AlterationKind::hgvs_p || f.kind == AlterationKind::codon || f.kind == AlterationKind::hgvs_c);
}

// The hotspots of the rows of `genes` (nullptr: of every row).
std::vector<Spec> hotspot_specs(const KnowledgeBase& kb, const std::set<std::string>* genes) {
    std::map<std::tuple<std::string, int, int>, Spec> residue;
    std::map<std::pair<std::string, std::string>, Spec> position;
    if (genes && genes->empty()) return {};  // no driver named a gene: no row to read
    // The rows that place hotspots, found from the row index: only they are read (made, when stored).
    const RowIndex& index = row_index(kb.entries);
    std::vector<std::uint32_t> picked;
    for (const auto& [gene, rows] : index.genes) {
        if (genes && !genes->count(gene)) continue;
        for (const auto r : rows.rows)
            if (places_hotspot(index.facts[r])) picked.push_back(r);
    }
    std::sort(picked.begin(), picked.end());  // table order, as every row was read before
    for (const auto row : picked) {
        const KnowledgeEntry& e = kb.entries[row];
        if (e.kind == AlterationKind::hgvs_p || e.kind == AlterationKind::codon) {
            std::optional<ResidueRange> r;
            if (e.kind == AlterationKind::codon) {
                if (e.codon_ref_aa && e.codon > 0)
                    r = ResidueRange{e.codon_ref_aa, e.codon, e.codon,
                                     std::string(1, e.codon_ref_aa) + std::to_string(e.codon)};
            } else {
                r = residues_of(e.protein_change);
            }
            if (!r) continue;  // not a residue-level change; nothing to place
            Spec& s = residue[{e.gene, r->first, r->last}];
            if (s.kb_ids.empty()) {
                s.gene = e.gene;
                s.name = r->name;
                s.first = r->first;
                s.last = r->last;
                s.order = r->first;
            }
            s.kb_ids.push_back(e.id);
        } else if (e.kind == AlterationKind::hgvs_c) {
            const std::string pos = hgvs_c_position(e.hgvs_c);
            if (pos.empty()) continue;
            Spec& s = position[{e.gene, pos}];
            if (s.kb_ids.empty()) {
                s.gene = e.gene;
                s.name = pos;
                s.residue = false;
                s.hgvs_c = e.hgvs_c;
                s.order = c_number(pos);
            }
            s.kb_ids.push_back(e.id);
        }
    }
    std::vector<Spec> out;
    for (auto& [k, s] : residue) out.push_back(std::move(s));
    for (auto& [k, s] : position) out.push_back(std::move(s));
    std::sort(out.begin(), out.end(), [](const Spec& a, const Spec& b) {
        return std::tie(a.gene, a.order, a.name) < std::tie(b.gene, b.order, b.name);
    });
    return out;
}

const Transcript* transcript_of(const std::vector<Transcript>& transcripts, const std::string& gene) {
    for (const auto& t : transcripts)
        if (t.gene == gene) return &t;
    return nullptr;
}

// Whether the allele changes one of `bases` (same canonical contig): a substitution or
// deletion when a changed reference base is one of them, an insertion when it lies between
// two of them.
bool changes_bases(const AlleleFinding& f, const GenomicBases& where) {
    const auto contig = canonical_contig(f.contig_name);
    if (!contig || *contig != where.span.contig) return false;
    std::size_t p = 0;
    while (p < f.ref.size() && p < f.alt.size() && f.ref[p] == f.alt[p]) ++p;
    auto has = [&](std::int64_t g) {
        return std::find(where.bases.begin(), where.bases.end(), g) != where.bases.end();
    };
    if (p < f.ref.size()) {
        for (std::size_t k = p; k < f.ref.size(); ++k)
            if (has(f.pos + static_cast<std::int64_t>(k))) return true;
        return false;
    }
    if (p < f.alt.size()) {  // pure insertion after ref[p-1]
        const std::int64_t left = f.pos + static_cast<std::int64_t>(p) - 1;
        return has(left) && has(left + 1);
    }
    return false;
}

// Whether `f` changes hotspot `s` (the "detected" rule above). `position` caches
// hgvs_c_position(f.csq.hgvs_c) across the hotspots an allele is tested against (nullopt: not
// computed yet).
bool changes_hotspot(const Spec& s, const AlleleFinding& f, const std::optional<GenomicBases>& where,
                     std::optional<std::string>& position) {
    if (f.csq.gene != s.gene) return false;
    if (s.residue) {
        if (!f.csq.protein_altering) return false;
        if (f.csq.codon && *f.csq.codon >= s.first && *f.csq.codon <= s.last) return true;
    } else {
        if (!position) position = hgvs_c_position(f.csq.hgvs_c);
        if (*position == s.name) return true;
    }
    // changes_bases only where the allele's bases can reach the hotspot's span.
    const std::int64_t last = f.pos + static_cast<std::int64_t>(std::max(f.ref.size(), f.alt.size()));
    return where && f.pos <= where->span.end && last >= where->span.begin && changes_bases(f, *where);
}

bool detected(const Spec& s, const Report& report, const std::optional<GenomicBases>& where) {
    return std::any_of(report.findings.begin(), report.findings.end(), [&](const AlleleFinding& f) {
        std::optional<std::string> position;
        return changes_hotspot(s, f, where, position);
    });
}

std::optional<GenomicBases> bases_of(const Spec& s, const std::vector<Transcript>& transcripts) {
    if (const Transcript* tx = transcript_of(transcripts, s.gene))
        return s.residue ? residue_range_bases(*tx, s.first, s.last) : hgvs_c_bases(*tx, s.hgvs_c);
    return std::nullopt;
}

std::optional<int> depth_at(DepthProvider& depth, const GenomicBases& where) {
    std::optional<int> lowest;
    for (const auto& part : where.parts) {
        const auto d = depth.min_depth(part);
        if (!d) return std::nullopt;
        lowest = lowest ? std::min(*lowest, *d) : *d;
    }
    return lowest;
}

}  // namespace

std::vector<HotspotStatus> assess_hotspots(const Report& report, const KnowledgeBase& kb,
                                           const std::vector<Transcript>& transcripts, const SampleContext& context,
                                           DepthProvider* depth) {
    std::vector<HotspotStatus> out;
    const std::set<std::string> genes = driver_genes(context, kb);
    for (const Spec& s : hotspot_specs(kb, &genes)) {
        HotspotStatus h;
        h.gene = s.gene;
        h.hotspot = s.name;
        h.kb_ids = join(s.kb_ids, ";");
        const std::optional<GenomicBases> where = bases_of(s, transcripts);
        if (where) {
            h.where = where->span;
            h.contig_name = where->span.contig;
        }
        if (where && depth) {
            h.min_depth = depth_at(*depth, *where);
            if (h.min_depth) h.depth_source = depth->name();
        }
        if (detected(s, report, where))
            h.state = HotspotStatus::State::detected;
        else if (h.min_depth && *h.min_depth > 0)
            h.state = HotspotStatus::State::not_detected;
        else
            h.state = HotspotStatus::State::not_assessed;
        out.push_back(std::move(h));
    }
    return out;
}

struct HotspotWatch::Impl {
    std::map<std::string, std::vector<std::pair<Spec, std::optional<GenomicBases>>>> by_gene;
};

HotspotWatch::HotspotWatch(const KnowledgeBase& kb, const std::vector<Transcript>& transcripts) {
    auto impl = std::make_shared<Impl>();
    for (auto& s : hotspot_specs(kb, nullptr)) {  // every row's gene (a set of them cost 100k inserts)
        auto where = bases_of(s, transcripts);
        impl->by_gene[s.gene].emplace_back(std::move(s), std::move(where));
    }
    impl_ = std::move(impl);
}

// changes_hotspot for every hotspot of the gene, the allele's c. position computed once: it
// runs for every allele of a panel that is not listed (pipeline/allele_keeping.hpp).
bool HotspotWatch::changes_any(const AlleleFinding& f) const {
    const auto it = impl_->by_gene.find(f.csq.gene);
    if (it == impl_->by_gene.end()) return false;
    std::optional<std::string> position;  // computed once for all the gene's c. hotspots
    return std::any_of(it->second.begin(), it->second.end(),
                       [&](const auto& sw) { return changes_hotspot(sw.first, f, sw.second, position); });
}

}  // namespace rvanno
