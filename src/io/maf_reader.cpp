// Stage 1, io/: takes a MAF; gives VariantRecord values (rules in maf_reader.hpp).
#include "io/maf_reader.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>

#include "base/strings.hpp"
#include "base/warning.hpp"
#include "io/text_table.hpp"
#include "rvanno/error.hpp"

namespace rvanno {
namespace {

// The MAF's lines through the one table reader (io/text_table.hpp: plain, gzip or bgzip; LF,
// CR LF or lone CR line ends, as in some published supplementary MAFs).
TextLines open_lines(const std::string& path) {
    if (!std::filesystem::exists(path)) throw UserError("cannot open '" + path + "': no such file", "check the path");
    TextLines in(path);
    if (!in.is_open()) throw UserError("cannot open '" + path + "'", "check the path and its permissions");
    return in;
}

bool has_maf_columns(const std::vector<std::string>& header) {
    bool hugo = false, barcode = false;
    for (const auto& h : header) {
        const std::string l = lower(trim(h));
        hugo = hugo || l == "hugo_symbol";
        barcode = barcode || l == "tumor_sample_barcode";
    }
    return hugo && barcode;
}

std::optional<GenomeBuild> build_of(const std::string& value) {
    const std::string v = lower(trim(value));
    if (v == "grch37" || v == "37" || v == "hg19" || v == "b37" || v == "grch37-lite") return GenomeBuild::GRCh37;
    if (v == "grch38" || v == "38" || v == "hg38") return GenomeBuild::GRCh38;
    return std::nullopt;
}

std::optional<long> to_long(const std::string& s) {
    long v = 0;
    const std::string t = trim(s);
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size() || t.empty()) return std::nullopt;
    return v;
}

bool empty_allele(const std::string& a) { return a.empty() || a == "-"; }

struct Row {
    long line{0}, ordinal{0};
    std::string sample;
    VariantRecord rec;
    bool no_alt{false};
};

struct Parsed {
    long unplaced{0};  // rows with Start_Position empty, NA or '.'
    MafSummary summary;
    std::vector<Row> rows;
};

Parsed parse(const std::string& path) {
    Parsed out;
    TextLines in = open_lines(path);
    std::map<std::string, std::size_t> col;
    std::size_t n_cols = 0;
    long header_line = 0;
    auto at = [&](const std::vector<std::string>& cells, const char* name) -> std::string {
        auto it = col.find(name);
        return it == col.end() || it->second >= cells.size() ? std::string() : trim(cells[it->second]);
    };
    std::map<GenomeBuild, std::pair<long, std::string>> builds;  // build -> (rows, first value)
    bool have_t_depth = false, have_t_ref = false, have_t_alt = false;
    for (std::string line; in.next(line);) {
        const long lineno = in.line();
        if (line.empty() || line[0] == '#') continue;
        auto cells = split(line, '\t');
        if (!header_line) {
            if (!has_maf_columns(cells))
                throw InputError(path + ":" + std::to_string(lineno),
                                 "not a MAF header (no Hugo_Symbol and Tumor_Sample_Barcode columns)");
            header_line = lineno;
            n_cols = cells.size();
            for (std::size_t c = 0; c < cells.size(); ++c) col.emplace(lower(trim(cells[c])), c);
            for (const char* req : {"hugo_symbol", "chromosome", "start_position", "end_position", "reference_allele",
                                    "tumor_seq_allele2", "tumor_sample_barcode"})
                if (!col.count(req))
                    throw InputError(path + ":" + std::to_string(lineno),
                                     std::string("MAF header has no ") + req + " column",
                                     "required: Hugo_Symbol, Chromosome, Start_Position, End_Position, "
                                     "Reference_Allele, Tumor_Seq_Allele2, Tumor_Sample_Barcode");
            have_t_depth = col.count("t_depth") > 0;
            have_t_ref = col.count("t_ref_count") > 0;
            have_t_alt = col.count("t_alt_count") > 0;
            for (const char* c : {"HGVSp_Short", "HGVSp", "Protein_Change"})
                if (out.summary.protein_column.empty() && col.count(lower(c))) out.summary.protein_column = c;
            continue;
        }
        (void)n_cols;
        const std::string where = path + ":" + std::to_string(lineno);
        Row row;
        row.line = lineno;
        row.ordinal = static_cast<long>(out.rows.size()) + 1;
        row.sample = at(cells, "tumor_sample_barcode");
        if (row.sample.empty()) throw InputError(where, "empty Tumor_Sample_Barcode");
        // Published MAFs have rows without a position (e.g. an FLT3-ITD with NA): they cannot be
        // placed, so they are counted and warned about, not guessed.
        if (const auto sp = at(cells, "start_position"); sp.empty() || sp == "NA" || sp == ".") {
            ++out.unplaced;
            continue;
        }
        const auto start = to_long(at(cells, "start_position"));
        const auto end = to_long(at(cells, "end_position"));
        if (!start || *start < 1)
            throw InputError(where, "Start_Position '" + at(cells, "start_position") + "' is not a positive integer");
        if (!end || *end < *start - 1)
            throw InputError(
                where, "End_Position '" + at(cells, "end_position") + "' is not an integer >= Start_Position - 1");
        const std::string ref = upper(at(cells, "reference_allele"));
        std::string alt = upper(at(cells, "tumor_seq_allele2"));
        if (alt == ref || (empty_allele(alt) && empty_allele(ref))) alt = upper(at(cells, "tumor_seq_allele1"));
        if (empty_allele(ref) && empty_allele(alt))
            throw InputError(where, "Reference_Allele and Tumor_Seq_Allele2 are both empty ('-')");
        auto& r = row.rec;
        r.record_number = row.ordinal;
        r.contig_name = at(cells, "chromosome");
        r.contig = canonical_contig(r.contig_name).value_or("");
        r.ref = empty_allele(ref) ? "" : ref;
        r.pos = empty_allele(ref) ? *start : *start - 1;  // an insertion sits after Start_Position
        row.no_alt = alt.empty() || alt == ref;
        r.alts = {row.no_alt ? std::string(".") : empty_allele(alt) ? std::string() : alt};
        const std::string filter = at(cells, "filter");
        r.filter = filter.empty() ? "." : filter;
        std::optional<long> depth = have_t_depth ? to_long(at(cells, "t_depth")) : std::nullopt;
        const auto alt_count = have_t_alt ? to_long(at(cells, "t_alt_count")) : std::nullopt;
        if (!depth && have_t_ref && alt_count) {
            const auto ref_count = to_long(at(cells, "t_ref_count"));
            if (ref_count) depth = *ref_count + *alt_count;
        }
        if (depth && *depth >= 0) r.depth = static_cast<int>(*depth);
        r.vaf = {std::nullopt};
        if (depth && *depth > 0 && alt_count && *alt_count >= 0)
            r.vaf[0] = static_cast<double>(*alt_count) / static_cast<double>(*depth);
        r.unanchored = true;
        if (!out.summary.protein_column.empty()) {
            r.input_protein_change = at(cells, lower(out.summary.protein_column).c_str());
            r.input_protein_source = "MAF " + out.summary.protein_column;
        }
        r.input_transcript = at(cells, "transcript_id");
        const std::string b = at(cells, "ncbi_build");
        if (auto g = build_of(b)) {
            auto& e = builds[*g];
            if (e.first++ == 0) e.second = b;
        }
        if (std::find(out.summary.samples.begin(), out.summary.samples.end(), row.sample) == out.summary.samples.end())
            out.summary.samples.push_back(row.sample);
        out.rows.push_back(std::move(row));
    }
    if (in.bad())
        throw UserError(
            "'" + path + "': read error after line " + std::to_string(in.line()) + " (truncated or corrupt gzip?)",
            "check the file");
    if (out.unplaced > 0)
        warn("'" + path + "': " + std::to_string(out.unplaced) +
             " MAF row(s) without a Start_Position (empty or NA) skipped: they cannot be placed");
    if (!header_line)
        throw InputError(path + ":1", "no MAF header line", "a MAF starts with '#' lines and a tab-separated header");
    if (builds.size() > 1) {
        const auto& a = builds.begin()->second;
        const auto& b = builds.rbegin()->second;
        throw UserError("'" + path + "' mixes genome builds in NCBI_Build (" + std::to_string(a.first) + " row(s) " +
                            a.second + ", " + std::to_string(b.first) + " row(s) " + b.second + ")",
                        "split the file by build (or lift one part over); rvanno reads one build per run");
    }
    if (builds.size() == 1) {
        out.summary.build = builds.begin()->first;
        out.summary.build_reason = "NCBI_Build " + builds.begin()->second.second + " in the MAF (" +
                                   std::to_string(builds.begin()->second.first) + " rows)";
    }
    if (have_t_depth && have_t_alt)
        out.summary.vaf_source = "MAF t_alt_count/t_depth";
    else if (have_t_ref && have_t_alt)
        out.summary.vaf_source = "MAF t_alt_count/(t_ref_count+t_alt_count)";
    else
        out.summary.vaf_source = "none (the MAF has no t_depth/t_alt_count columns)";
    return out;
}

}  // namespace

bool is_maf(const std::string& path) {
    if (path == "-" || !std::filesystem::is_regular_file(path)) return false;
    try {
        TextLines in = open_lines(path);
        for (std::string line; in.next(line) && in.line() <= 100000;) {
            if (line.empty() || line[0] == '#') continue;
            return has_maf_columns(split(line, '\t'));
        }
    } catch (const UserError&) { return false; }
    return false;
}

std::vector<std::string> maf_samples(const std::string& path) { return parse(path).summary.samples; }

struct MafReader::Impl {
    Parsed parsed;
    MafReaderOptions options;
    std::size_t next_row{0};
    TargetIndex targets;
    ReaderCounters counters;
};

MafReader::MafReader(const std::string& path, const MafReaderOptions& options) : impl_(std::make_unique<Impl>()) {
    impl_->parsed = parse(path);
    impl_->options = options;
    auto& s = impl_->parsed.summary;
    if (!options.sample.empty()) {
        if (std::find(s.samples.begin(), s.samples.end(), options.sample) == s.samples.end())
            throw UserError("sample '" + options.sample + "' is not a Tumor_Sample_Barcode of '" + path + "'",
                            "the samples are: " + join(s.samples, ", "));
        s.sample = options.sample;
    } else if (s.samples.size() > 1) {
        std::vector<std::string> shown(s.samples.begin(),
                                       s.samples.begin() + std::min<std::size_t>(10, s.samples.size()));
        throw UsageError(
            "'" + path + "' is a MAF of " + std::to_string(s.samples.size()) +
                " samples (Tumor_Sample_Barcode): " + join(shown, ", ") + (s.samples.size() > 10 ? ", ..." : ""),
            "choose one with --sample BARCODE, or run `rvanno batch " + path + "` for one report per sample");
    } else if (!s.samples.empty()) {
        s.sample = s.samples.front();
    }
}

MafReader::~MafReader() = default;

const MafSummary& MafReader::header() const { return impl_->parsed.summary; }

void MafReader::set_targets(TargetIndex targets) { impl_->targets = std::move(targets); }

const ReaderCounters& MafReader::counters() const { return impl_->counters; }

bool MafReader::next(VariantRecord& out) {
    auto& m = *impl_;
    while (m.next_row < m.parsed.rows.size()) {
        Row& row = m.parsed.rows[m.next_row++];
        if (row.sample != m.parsed.summary.sample) continue;
        ++m.counters.records;
        const auto* iv = row.rec.contig.empty() ? nullptr : m.targets.intervals(row.rec.contig);
        if (!iv || !TargetIndex::contains(*iv, row.rec.pos)) {
            ++m.counters.outside_targets;
            continue;
        }
        ++m.counters.candidates;
        const std::string& f = row.rec.filter;
        if (!m.options.include_filtered && f != "PASS" && f != ".") {
            ++m.counters.filtered;
            continue;
        }
        if (row.no_alt) {
            ++m.counters.no_alt;
            continue;
        }
        out = row.rec;
        return true;
    }
    return false;
}

}  // namespace rvanno
