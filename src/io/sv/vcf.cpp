// SV VCF/BCF records -> junctions.
//
// * BND records with a breakend ALT (VCF 4.x section 5.4) are paired by MATEID (Manta, SvABA,
//   GRIDSS2) or, when MATEID is absent, by PARID (older GRIDSS writes the mate's ID there);
//   each pair is ONE junction: a = the first record's own breakend, b = its mate's.
//   A record whose mate never appears is counted in unpaired_breakends, as is every single
//   breakend ("G." / ".G", no mate by definition).
// * A BND/TRA record without MATEID/PARID is a junction on its own: Delly writes one record
//   per translocation (CHR2 with END or POS2, connection type CT); the ALT, when it is a
//   breakend, gives both orientations, otherwise CT does ("3" = the side keeps its left,
//   "5" = keeps its right; first digit for POS, second for CHR2:END/POS2). Such records seen
//   twice for the same adjacency (both sides written without IDs) give one junction.
// * <DEL> (POS = base before the deleted bases, END = last deleted base): one junction,
//   POS keeps left joined to END+1 keeping right.
// * <DUP> (tandem; POS+1..END duplicated): one junction, the first duplicated base POS+1
//   (keeps right) joined after the last, END (keeps left).
// * <INV> (POS+1..END inverted) has two junctions: POS and END both keeping left, and POS+1
//   and END+1 both keeping right. Manta's INV3 flag ("inversion breakends open 3' of reported
//   location", Manta user guide) and Delly's CT=3to3 name the first one only; Manta's INV5
//   (its convertInversion.py moves POS and END one base left) and Delly's CT=5to5 name the
//   second one only; an <INV> with neither gives both junctions, ids "ID/1" and "ID/2".
// * Insertions, CNV records and sequence ALTs describe no junction (skipped_other).
// * Contigs: human primary contigs are made canonical; alt/decoy/unplaced contigs are skipped
//   (skipped_nonprimary); other names are kept as written when the header declares them
//   (toy or non-human assemblies) and are an error otherwise.
// Errors name "path: record N" (N counts data records from 1).
#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include <htslib/bgzf.h>

#include "base/genome.hpp"
#include "io/hts.hpp"
#include "io/sv/breakend.hpp"
#include "io/sv/formats.hpp"
#include "io/vcf_reader.hpp"
#include "rvanno/error.hpp"

namespace rvanno::sv {

namespace {

struct Side {
    Breakend own, mate;
};

struct Pending {
    Side side;
    std::string id, filter, kind;
    long record{0};
    std::optional<int> split_reads, spanning_reads;
};

class VcfSvReader {
public:
    explicit VcfSvReader(const std::string& path) : path_(path) {}
    SvInput read();

private:
    std::string path_;
    hts::File fp_;
    hts::Header hdr_;
    hts::Record rec_{bcf_init()};
    hts::KString line_;
    hts::Buffer<char> sbuf_;
    hts::Buffer<int32_t> ibuf_;
    std::set<std::string> declared_;
    std::map<std::string, Pending> pending_;
    std::set<std::string> seen_adjacencies_;
    SvInput out_;
    long record_{0};

    std::string where() const { return path_ + ": record " + std::to_string(record_); }
    void open();
    bool next();
    void process();
    std::optional<std::string> info_string(const char* key);
    std::optional<int> info_int(const char* key);
    bool info_flag(const char* key) { return bcf_get_info_flag(hdr_.get(), rec_.get(), key, nullptr, nullptr) == 1; }
    std::optional<Breakend> breakend(const std::string& name, std::int64_t pos, bool keeps_left);
    std::string filter() const;
    Junction junction(const Breakend& a, const Breakend& b, const std::string& kind, const std::string& id);
    void bnd(const std::string& alt, const std::string& svtype);
    void symbolic(const std::string& svtype);
    void connection_type_record(const std::string& svtype, const Breakend& own_pos);
};

std::string VcfSvReader::filter() const {
    const bcf1_t* r = rec_.get();
    if (r->d.n_flt == 0) return ".";
    std::string f;
    for (int i = 0; i < r->d.n_flt; ++i)
        f += (i ? ";" : "") + std::string(bcf_hdr_int2id(hdr_.get(), BCF_DT_ID, r->d.flt[i]));
    return f;
}

void VcfSvReader::open() {
    fp_.reset(hts_open(path_.c_str(), "r"));
    if (!fp_) throw UserError("cannot open '" + path_ + "'", "check that it is readable");
    const htsFormat* fmt = hts_get_format(fp_.get());
    if (fmt->category != variant_data || (fmt->format != vcf && fmt->format != bcf))
        throw UserError("'" + path_ + "' is compressed but not a VCF or BCF (HTSlib sees '" +
                            std::string(hts_format_file_extension(fmt)) + "')",
                        "give an SV VCF/BCF; decompress fusion tables before reading them");
    hdr_.reset(bcf_hdr_read(fp_.get()));
    if (!hdr_) throw InputError(path_, "cannot read the VCF header", "the file must start with ##fileformat=VCFv4.x");
    if (!rec_) throw UserError("out of memory");
    std::vector<ContigDeclaration> contigs;
    std::string reference;
    const bool rescan = fmt->format == vcf && path_ != "-";
    if (rescan) warn_about_contig_lengths(path_);
    for (int i = 0; i < hdr_->nhrec; ++i) {
        const bcf_hrec_t* h = hdr_->hrec[i];
        if (h->type == BCF_HL_CTG) {
            ContigDeclaration c;
            std::string length;
            for (int k = 0; k < h->nkeys; ++k) {
                if (std::strcmp(h->keys[k], "ID") == 0) c.name = h->vals[k];
                if (std::strcmp(h->keys[k], "length") == 0) length = h->vals[k];
            }
            c.length = rescan ? parse_contig_length(length) : declared_contig_length(path_, c.name, length);
            declared_.insert(c.name);
            contigs.push_back(std::move(c));
        } else if (h->type == BCF_HL_GEN && h->key && h->value && std::strcmp(h->key, "reference") == 0) {
            reference = h->value;
        }
    }
    out_.build = detect_build(contigs, reference).build;
}

bool VcfSvReader::next() {
    if (hts_get_format(fp_.get())->format == bcf) {
        int ret = bcf_read(fp_.get(), hdr_.get(), rec_.get());
        if (ret == -1) return false;
        ++record_;
        if (ret < -1)
            throw InputError(where(), "truncated or corrupt BCF record",
                             "check the file with: bcftools view FILE > /dev/null");
    } else {
        int ret = 0;
        do { ret = hts_getline(fp_.get(), KS_SEP_LINE, &line_.s); } while (ret >= 0 && line_.s.l == 0);
        if (ret == -1) return false;
        ++record_;
        if (ret < -1)
            throw InputError(where(), "read error (truncated or corrupt file?)", "check the file with: bgzip -t FILE");
        std::string_view l(line_.s.s, line_.s.l);
        if (l[0] == '#') throw InputError(where(), "header line among the records", "header lines must come first");
        // HTSlib 1.16 accepts lines cut short (tests/unit/io/htslib_behaviour_test.cpp); VCF needs 8.
        if (std::count(l.begin(), l.end(), '\t') < 7)
            throw InputError(where(), "fewer than the 8 fixed VCF columns",
                             "the line is cut short or not tab-separated");
        if (vcf_parse(&line_.s, hdr_.get(), rec_.get()) < 0)
            throw InputError(where(), "malformed VCF record", "check it with: bcftools view FILE");
    }
    if (bcf_unpack(rec_.get(), BCF_UN_SHR) < 0)
        throw InputError(where(), "cannot unpack the record", "the file may be corrupt");
    return true;
}

std::optional<std::string> VcfSvReader::info_string(const char* key) {
    int n = bcf_get_info_string(hdr_.get(), rec_.get(), key, &sbuf_.data, &sbuf_.size);
    if (n <= 0) return std::nullopt;
    std::string v(sbuf_.data, strnlen(sbuf_.data, static_cast<std::size_t>(n)));
    v = v.substr(0, v.find(','));  // MATEID may list several; the first is the mate
    if (v.empty() || v == ".") return std::nullopt;
    return v;
}

std::optional<int> VcfSvReader::info_int(const char* key) {
    int n = bcf_get_info_int32(hdr_.get(), rec_.get(), key, &ibuf_.data, &ibuf_.size);
    if (n < 1 || ibuf_.data[0] == bcf_int32_missing) return std::nullopt;
    return ibuf_.data[0];
}

std::optional<Breakend> VcfSvReader::breakend(const std::string& name, std::int64_t pos, bool keeps_left) {
    Breakend b;
    b.contig_name = name;
    b.pos = pos;
    b.keeps_left = keeps_left;
    switch (classify_contig(name)) {
        case ContigClass::primary:
            b.contig = *canonical_contig(name);
            return b;
        case ContigClass::other_assembly_part:
            return std::nullopt;
        case ContigClass::unknown:
            if (!declared_.count(name))
                throw InputError(
                    where(), "unknown contig '" + name + "'",
                    "declare it with ##contig=<ID=" + name + ",length=N> or use a human primary contig name");
            b.contig = name;
            return b;
    }
    return std::nullopt;
}

Junction VcfSvReader::junction(const Breakend& a, const Breakend& b, const std::string& kind, const std::string& id) {
    Junction j;
    j.a = a;
    j.b = b;
    j.kind = kind;
    j.id = id;
    j.filter = filter();
    j.split_reads = info_int("SR");
    j.spanning_reads = info_int("PE");
    if (!j.spanning_reads) j.spanning_reads = info_int("RP");
    j.source = path_ + ": record " + std::to_string(record_);
    return j;
}

SvInput VcfSvReader::read() {
    open();
    out_.path = path_;
    out_.format = "vcf";
    while (next()) process();
    BGZF* bgzf = fp_->is_bgzf ? fp_->fp.bgzf : nullptr;
    if (bgzf && bgzf->errcode)
        throw InputError(where(), "the compressed stream is damaged or truncated",
                         "check the file with: bgzip -t FILE");
    out_.unpaired_breakends += static_cast<long>(pending_.size());
    return std::move(out_);
}

void VcfSvReader::process() {
    bcf1_t* r = rec_.get();
    if (r->n_allele < 2) {
        ++out_.skipped_other;
        return;
    }
    const std::string alt = r->d.allele[1];
    std::string svtype = info_string("SVTYPE").value_or("");
    if (alt.find_first_of("[]") != std::string::npos) return bnd(alt, svtype);
    if (is_single_breakend(alt)) {
        ++out_.unpaired_breakends;
        return;
    }
    if (alt.size() > 2 && alt.front() == '<' && alt.back() == '>') {
        if (svtype.empty()) svtype = alt.substr(1, alt.find_first_of(":>") - 1);
        return symbolic(svtype);
    }
    ++out_.skipped_other;
}

void VcfSvReader::bnd(const std::string& alt, const std::string& svtype) {
    bcf1_t* r = rec_.get();
    auto parsed = parse_breakend_alt(alt, where());
    const std::string chrom = bcf_hdr_id2name(hdr_.get(), r->rid);
    auto own = breakend(chrom, r->pos, parsed->keeps_left);
    auto mate = breakend(parsed->mate_contig, parsed->mate_pos, parsed->mate_keeps_left);
    if (!own || !mate) {
        ++out_.skipped_nonprimary;
        return;
    }
    const std::string id = r->d.id && std::strcmp(r->d.id, ".") != 0 ? r->d.id : "";
    const std::string kind = svtype == "TRA" ? "TRA" : "BND";
    auto mate_id = info_string("MATEID");
    if (!mate_id) mate_id = info_string("PARID");
    if (mate_id) {
        auto it = pending_.find(*mate_id);
        if (it != pending_.end()) {
            Pending& p = it->second;
            Junction j = junction(p.side.own, *own, kind, p.id + "+" + id);
            j.filter = p.filter == j.filter ? j.filter : p.filter + "+" + j.filter;
            if (p.split_reads) j.split_reads = p.split_reads;
            if (p.spanning_reads) j.spanning_reads = p.spanning_reads;
            j.source = path_ + ": records " + std::to_string(p.record) + "+" + std::to_string(record_);
            out_.junctions.push_back(std::move(j));
            pending_.erase(it);
            return;
        }
        if (id.empty()) {
            ++out_.unpaired_breakends;
            return;
        }  // nothing can name it as a mate
        pending_[id] = Pending{{*own, *mate}, id, filter(), kind, record_, info_int("SR"), info_int("PE")};
        return;
    }
    // No mate ID: the record is the whole adjacency (Delly). Written from both sides, it is one.
    auto key = [](const Breakend& x) { return x.contig + ":" + std::to_string(x.pos) + (x.keeps_left ? "L" : "R"); };
    std::string k1 = key(*own), k2 = key(*mate);
    if (!seen_adjacencies_.insert(std::min(k1, k2) + "|" + std::max(k1, k2)).second) return;
    out_.junctions.push_back(junction(*own, *mate, kind, id));
}

void VcfSvReader::symbolic(const std::string& svtype) {
    bcf1_t* r = rec_.get();
    const std::string chrom = bcf_hdr_id2name(hdr_.get(), r->rid);
    const std::string id = r->d.id && std::strcmp(r->d.id, ".") != 0 ? r->d.id : "";
    if (svtype == "BND" || svtype == "TRA") {
        auto own = breakend(chrom, r->pos, true);
        if (!own) {
            ++out_.skipped_nonprimary;
            return;
        }
        return connection_type_record(svtype, *own);
    }
    if (svtype != "DEL" && svtype != "DUP" && svtype != "INV") {
        ++out_.skipped_other;
        return;
    }
    auto end = info_int("END");
    if (!end)
        throw InputError(where(), "<" + svtype + "> record without INFO/END",
                         "symbolic SV records need END (VCF 4.x section 3)");
    if (*end < r->pos + 1)
        throw InputError(where(), "END " + std::to_string(*end) + " lies before POS " + std::to_string(r->pos + 1),
                         "END is the last reference base of the event");
    const std::int64_t pos0 = r->pos, end1 = *end;  // POS as 0-based, END as 1-based
    auto make = [&](std::int64_t p1, bool l1, std::int64_t p2,
                    bool l2) -> std::optional<std::pair<Breakend, Breakend>> {
        auto x = breakend(chrom, p1, l1), y = breakend(chrom, p2, l2);
        if (!x || !y) return std::nullopt;
        return std::make_pair(*x, *y);
    };
    std::vector<std::pair<std::pair<Breakend, Breakend>, std::string>> made;
    auto add = [&](std::optional<std::pair<Breakend, Breakend>> p, const std::string& suffix) {
        if (p) made.push_back({*p, suffix});
    };
    if (svtype == "DEL") {
        add(make(pos0, true, end1, false), "");
    } else if (svtype == "DUP") {
        add(make(pos0 + 1, false, end1 - 1, true), "");
    } else {
        auto ct = info_string("CT").value_or("");
        bool inv3 = info_flag("INV3") || ct == "3to3";
        bool inv5 = info_flag("INV5") || ct == "5to5";
        if (!inv3 && !inv5) {
            add(make(pos0, true, end1 - 1, true), "/1");
            add(make(pos0 + 1, false, end1, false), "/2");
        } else if (inv3) {
            add(make(pos0, true, end1 - 1, true), "");
        } else {
            add(make(pos0 + 1, false, end1, false), "");
        }
    }
    if (made.empty()) {
        ++out_.skipped_nonprimary;
        return;
    }
    for (auto& [ab, suffix] : made) out_.junctions.push_back(junction(ab.first, ab.second, svtype, id + suffix));
}

// Delly-style translocation without a breakend ALT: CHR2 + END/POS2, orientation from CT.
void VcfSvReader::connection_type_record(const std::string& svtype, const Breakend& own_pos) {
    auto chr2 = info_string("CHR2");
    auto pos2 = info_int("POS2");
    if (!pos2) pos2 = info_int("END");
    auto ct = info_string("CT").value_or("");
    bool ct_ok =
        ct.size() == 4 && (ct[0] == '3' || ct[0] == '5') && ct.substr(1, 2) == "to" && (ct[3] == '3' || ct[3] == '5');
    if (!chr2 || !pos2 || !ct_ok) {
        ++out_.skipped_other;
        return;
    }  // no second breakend or no orientation
    Breakend a = own_pos;
    a.keeps_left = ct[0] == '3';
    auto b = breakend(*chr2, *pos2 - 1, ct[3] == '3');
    if (!b) {
        ++out_.skipped_nonprimary;
        return;
    }
    const bcf1_t* r = rec_.get();
    out_.junctions.push_back(junction(a, *b, svtype, r->d.id ? r->d.id : ""));
}

}  // namespace

SvInput read_sv_vcf(const std::string& path) { return VcfSvReader(path).read(); }

}  // namespace rvanno::sv
