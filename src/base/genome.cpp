// base/, helpers every stage may use: takes contig names and ##contig/##reference header
// values; gives canonical contig names and the genome build. Holds the primary contigs of
// GRCh37 and GRCh38 (names in every supported style, lengths, RefSeq accessions) and the
// rules that decide a file's build from its header.
//
// Build detection, strongest evidence first:
//  1. ##contig lines of primary contigs: each declared length (and each NC_ accession version
//     used as a name) must fit the build. A build is chosen when every such contig fits it and
//     at least one fits only it; any contig that fits neither build, or a mix, is reported as
//     a contradiction and no build is chosen.
//  2. Failing that (no lengths, or only lengths valid in both builds), the ##reference value is
//     searched for a build name (GRCh38, hg38, GCA_000001405.15, Homo_sapiens_assembly38 /
//     GRCh37, hg19, b37, human_g1k_v37, hs37d5) or an NC_ accession version.
//
// Mitochondrion: UCSC hg19's chrM is 16571 bp, while GRCh37's own MT (b37 / hs37d5 style,
// NC_012920.1, the rCRS) is 16569 bp, the same sequence GRCh38 uses. So MT=16571 points to hg19,
// and MT=16569 fits both builds and decides nothing by itself.
#include "base/genome.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <string_view>

#include "base/strings.hpp"

namespace rvanno {
namespace {

struct PrimaryContig {
    std::string_view name;      // canonical bare name
    std::int64_t length37;      // UCSC hg19
    std::int64_t length38;      // UCSC hg38
    std::string_view refseq37;  // GRCh37.p13, GCF_000001405.25
    std::string_view refseq38;  // GRCh38 (unchanged through GRCh38.p14, GCF_000001405.40)
};

// Lengths: copied from /work/shared/data/genome/chrom_sizes/human.hg19.genome and
// human.hg38.genome (bedtools2 genomes/, UCSC chrom sizes).
// Accessions: NCBI assembly reports for GCF_000001405.25 and GCF_000001405.40, checked against
// several public copies (assembly-report excerpts, ProtVar's RefSeqNC table, ngs-bits'
// chromosome mapping). chrX is NC_000023, chrY NC_000024; MT is NC_012920.1 in both builds.
constexpr std::array<PrimaryContig, 25> kPrimary{{
    {"1", 249250621, 248956422, "NC_000001.10", "NC_000001.11"},
    {"2", 243199373, 242193529, "NC_000002.11", "NC_000002.12"},
    {"3", 198022430, 198295559, "NC_000003.11", "NC_000003.12"},
    {"4", 191154276, 190214555, "NC_000004.11", "NC_000004.12"},
    {"5", 180915260, 181538259, "NC_000005.9", "NC_000005.10"},
    {"6", 171115067, 170805979, "NC_000006.11", "NC_000006.12"},
    {"7", 159138663, 159345973, "NC_000007.13", "NC_000007.14"},
    {"8", 146364022, 145138636, "NC_000008.10", "NC_000008.11"},
    {"9", 141213431, 138394717, "NC_000009.11", "NC_000009.12"},
    {"10", 135534747, 133797422, "NC_000010.10", "NC_000010.11"},
    {"11", 135006516, 135086622, "NC_000011.9", "NC_000011.10"},
    {"12", 133851895, 133275309, "NC_000012.11", "NC_000012.12"},
    {"13", 115169878, 114364328, "NC_000013.10", "NC_000013.11"},
    {"14", 107349540, 107043718, "NC_000014.8", "NC_000014.9"},
    {"15", 102531392, 101991189, "NC_000015.9", "NC_000015.10"},
    {"16", 90354753, 90338345, "NC_000016.9", "NC_000016.10"},
    {"17", 81195210, 83257441, "NC_000017.10", "NC_000017.11"},
    {"18", 78077248, 80373285, "NC_000018.9", "NC_000018.10"},
    {"19", 59128983, 58617616, "NC_000019.9", "NC_000019.10"},
    {"20", 63025520, 64444167, "NC_000020.10", "NC_000020.11"},
    {"21", 48129895, 46709983, "NC_000021.8", "NC_000021.9"},
    {"22", 51304566, 50818468, "NC_000022.10", "NC_000022.11"},
    {"X", 155270560, 156040895, "NC_000023.10", "NC_000023.11"},
    {"Y", 59373566, 57227415, "NC_000024.9", "NC_000024.10"},
    {"MT", 16571, 16569, "NC_012920.1", "NC_012920.1"},
}};

// GRCh37's MT as b37-style files declare it (rCRS, NC_012920.1); see the file comment.
constexpr std::int64_t kRcrsLength = 16569;

const PrimaryContig* find_primary(std::string_view canonical) {
    for (const auto& c : kPrimary)
        if (c.name == canonical) return &c;
    return nullptr;
}

const PrimaryContig* find_by_refseq(std::string_view accession) {
    for (const auto& c : kPrimary)
        if (c.refseq37 == accession || c.refseq38 == accession) return &c;
    return nullptr;
}

bool length_fits(GenomeBuild b, const PrimaryContig& c, std::int64_t length) {
    if (b == GenomeBuild::GRCh38) return length == c.length38;
    return length == c.length37 || (c.name == "MT" && length == kRcrsLength);
}

// What one ##contig line says about the build; only primary contigs with a length or an
// NC_ name carry evidence.
struct ContigEvidence {
    std::string name;  // as written
    bool fits37 = true;
    bool fits38 = true;
    bool from_length = false;
};

std::optional<ContigEvidence> evidence_of(const ContigDeclaration& d) {
    const auto canonical = canonical_contig(d.name);
    const auto named = build_of_refseq_accession(d.name);
    if (!canonical || (!d.length && !named)) return std::nullopt;
    const PrimaryContig& c = *find_primary(*canonical);
    ContigEvidence e{d.name};
    if (d.length) {
        e.fits37 = length_fits(GenomeBuild::GRCh37, c, *d.length);
        e.fits38 = length_fits(GenomeBuild::GRCh38, c, *d.length);
        e.from_length = true;
    }
    if (named == GenomeBuild::GRCh37) e.fits38 = false;
    if (named == GenomeBuild::GRCh38) e.fits37 = false;
    return e;
}

std::vector<ContigEvidence> evidence_of(const std::vector<ContigDeclaration>& contigs) {
    std::vector<ContigEvidence> out;
    for (const auto& d : contigs)
        if (auto e = evidence_of(d)) out.push_back(std::move(*e));
    return out;
}

bool fits(const ContigEvidence& e, GenomeBuild b) { return b == GenomeBuild::GRCh37 ? e.fits37 : e.fits38; }

struct Tally {
    std::size_t total = 0, only37 = 0, only38 = 0, neither = 0;
    bool any_length = false;
};

Tally tally(const std::vector<ContigEvidence>& ev) {
    Tally t;
    t.total = ev.size();
    for (const auto& e : ev) {
        t.only37 += e.fits37 && !e.fits38;
        t.only38 += e.fits38 && !e.fits37;
        t.neither += !e.fits37 && !e.fits38;
        t.any_length = t.any_length || e.from_length;
    }
    return t;
}

// Names that contradict the majority of the informative contigs (all of them on a tie).
std::vector<std::string> conflicting_names(const std::vector<ContigEvidence>& ev, const Tally& t) {
    std::vector<std::string> out;
    for (const auto& e : ev) {
        const bool minority37 = e.fits37 && !e.fits38 && t.only37 <= t.only38;
        const bool minority38 = e.fits38 && !e.fits37 && t.only38 <= t.only37;
        if ((!e.fits37 && !e.fits38) || minority37 || minority38) out.push_back(e.name);
    }
    return out;
}

// nullopt when the ##contig lines cannot tell the builds apart (none, or only MT=16569).
std::optional<BuildEvidence> decide_from_contigs(const std::vector<ContigEvidence>& ev) {
    const Tally t = tally(ev);
    if (t.only37 == 0 && t.only38 == 0 && t.neither == 0) return std::nullopt;
    const std::string what = t.any_length ? "##contig lengths" : "##contig RefSeq accessions";
    if (t.neither == 0 && (t.only37 == 0 || t.only38 == 0)) {
        const GenomeBuild b = t.only37 ? GenomeBuild::GRCh37 : GenomeBuild::GRCh38;
        return BuildEvidence{b,
                             what + " match " + to_string(b) + " (" + std::to_string(t.total) + " of " +
                                 std::to_string(t.total) + " primary contigs)",
                             {}};
    }
    return BuildEvidence{std::nullopt,
                         what + " do not identify one build: " + std::to_string(t.only37) + " fit only GRCh37, " +
                             std::to_string(t.only38) + " fit only GRCh38, " + std::to_string(t.neither) +
                             " fit neither",
                         conflicting_names(ev, t)};
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Case-insensitive search for `token` not glued to other letters or digits, so that "b37"
// does not match inside a checksum and "GCA_000001405.15" does not match ".150".
bool mentions(const std::string& haystack_lower, std::string_view token) {
    const std::string t = lower(token);
    for (auto at = haystack_lower.find(t); at != std::string::npos; at = haystack_lower.find(t, at + 1)) {
        const auto end = at + t.size();
        const bool left_ok = at == 0 || !is_word_char(haystack_lower[at - 1]);
        const bool right_ok = end == haystack_lower.size() || !is_word_char(haystack_lower[end]);
        if (left_ok && right_ok) return true;
    }
    return false;
}

// The first name of `b` that the ##reference value mentions, or "".
std::string reference_names(const std::string& ref_lower, GenomeBuild b) {
    static constexpr std::array<std::string_view, 4> k38{"GRCh38", "hg38", "GCA_000001405.15",
                                                         "Homo_sapiens_assembly38"};
    static constexpr std::array<std::string_view, 5> k37{"GRCh37", "hg19", "b37", "human_g1k_v37", "hs37d5"};
    const auto first_mentioned = [&](const auto& tokens) {
        for (auto token : tokens)
            if (mentions(ref_lower, token)) return std::string(token);
        return std::string();
    };
    if (auto hit = b == GenomeBuild::GRCh38 ? first_mentioned(k38) : first_mentioned(k37); !hit.empty()) return hit;
    for (const auto& c : kPrimary) {
        const auto acc = b == GenomeBuild::GRCh38 ? c.refseq38 : c.refseq37;
        if (c.name != "MT" && mentions(ref_lower, acc)) return std::string(acc);
    }
    return {};
}

BuildEvidence decide_from_reference(const std::string& reference_line, const std::string& why_not_contigs) {
    const std::string ref = lower(reference_line);
    const std::string n37 = reference_names(ref, GenomeBuild::GRCh37);
    const std::string n38 = reference_names(ref, GenomeBuild::GRCh38);
    if (!n37.empty() && !n38.empty())
        return {
            std::nullopt, why_not_contigs + ", and ##reference names both builds ('" + n37 + "', '" + n38 + "')", {}};
    if (n37.empty() && n38.empty())
        return {std::nullopt, why_not_contigs + ", and ##reference names no known build", {}};
    const GenomeBuild b = n37.empty() ? GenomeBuild::GRCh38 : GenomeBuild::GRCh37;
    return {b, why_not_contigs + "; ##reference names " + to_string(b) + " ('" + (n37.empty() ? n38 : n37) + "')", {}};
}

}  // namespace

std::string to_string(GenomeBuild b) { return b == GenomeBuild::GRCh37 ? "GRCh37" : "GRCh38"; }

std::optional<GenomeBuild> parse_genome_build(const std::string& s) {
    const std::string l = lower(s);
    if (l == "grch38" || l == "hg38" || l == "b38") return GenomeBuild::GRCh38;
    if (l == "grch37" || l == "hg19" || l == "b37") return GenomeBuild::GRCh37;
    return std::nullopt;
}

std::optional<std::string> canonical_contig(const std::string& name) {
    if (name.rfind("NC_", 0) == 0) {
        if (const auto* c = find_by_refseq(name)) return std::string(c->name);
        return std::nullopt;
    }
    std::string_view bare = name;
    for (std::string_view prefix : {"chr", "Chr", "CHR"})
        if (bare.substr(0, prefix.size()) == prefix) {
            bare.remove_prefix(prefix.size());
            break;
        }
    if (bare == "M") bare = "MT";
    if (find_primary(bare)) return std::string(bare);
    return std::nullopt;
}

std::optional<GenomeBuild> build_of_refseq_accession(const std::string& name) {
    const auto* c = find_by_refseq(name);
    if (!c || c->refseq37 == c->refseq38) return std::nullopt;  // NC_012920.1 is in both builds
    return c->refseq37 == name ? GenomeBuild::GRCh37 : GenomeBuild::GRCh38;
}

std::optional<std::int64_t> contig_length(GenomeBuild b, const std::string& canonical) {
    const auto* c = find_primary(canonical);
    if (!c) return std::nullopt;
    return b == GenomeBuild::GRCh37 ? c->length37 : c->length38;
}

std::optional<std::int64_t> parse_contig_length(std::string_view text) {
    std::int64_t v = 0;
    const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || p != text.data() + text.size() || v <= 0) return std::nullopt;
    return v;
}

BuildEvidence detect_build(const std::vector<ContigDeclaration>& contigs, const std::string& reference_line) {
    const auto ev = evidence_of(contigs);
    if (auto decided = decide_from_contigs(ev)) {
        if (decided->build) {
            const std::string other =
                reference_names(lower(reference_line),
                                decided->build == GenomeBuild::GRCh37 ? GenomeBuild::GRCh38 : GenomeBuild::GRCh37);
            if (!other.empty()) decided->reason += "; note: ##reference mentions '" + other + "'";
        }
        return *decided;
    }
    const std::string why =
        ev.empty() ? "no ##contig line of a primary contig declares a length" : "##contig lengths fit both builds";
    return decide_from_reference(reference_line, why);
}

std::vector<std::string> contigs_contradicting(GenomeBuild chosen, const std::vector<ContigDeclaration>& contigs) {
    std::vector<std::string> out;
    for (const auto& e : evidence_of(contigs))
        if (!fits(e, chosen)) out.push_back(e.name);
    return out;
}

}  // namespace rvanno
