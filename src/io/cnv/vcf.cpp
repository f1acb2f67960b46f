// Copy-number segments from VCF/BCF records (CNVkit export, GATK gCNV, Canvas/DRAGEN, Delly, Manta).
//
// A record is CNV-like when SVTYPE is CNV, DUP or DEL, or (without SVTYPE) an ALT is <CNV...>,
// <CN...>, <DUP...> or <DEL...>; breakends and other SV types are skipped and counted.
// Coordinates (VCF 4.2 section 5 / VCF 4.4 section 5.3, symbolic SV alleles): POS is the padding
// base before the event and END the 1-based position of its last base, so the event covers
// 1-based POS+1..END, which is 0-based half-open [POS, END). Without END, END = POS + |SVLEN|.
// CNVkit's export writes POS = the .cns start and END = the .cns end, consistent with this.
#include <cmath>
#include <cstring>

#include <htslib/bgzf.h>
#include <htslib/hfile.h>

#include "base/genome.hpp"
#include "io/cnv/internal.hpp"
#include "io/hts.hpp"
#include "rvanno/error.hpp"

namespace rvanno::cnv {

namespace {

struct VcfCnReader {
    std::string path;
    hts::File fp;
    hts::Header hdr;
    hts::Record rec{bcf_init()};
    int sample{-1};
    long record{0};
    hts::Buffer<int32_t> ibuf;
    hts::Buffer<float> fbuf;
    hts::Buffer<char> sbuf;

    std::string where() const { return path + ": record " + std::to_string(record); }
    void open();
    void read_header(CopyNumberInput& out);
    bool next();
    bool is_cnv_like();
    Region region(const std::string& contig);
    std::optional<double> info_number(const char* tag);
    std::optional<double> format_number(const char* tag);
};

std::string hrec_value(const bcf_hrec_t* h, const char* key) {
    for (int k = 0; k < h->nkeys; ++k)
        if (std::strcmp(h->keys[k], key) == 0) return h->vals[k] ? h->vals[k] : "";
    return {};
}

// Canvas and DRAGEN CNV write ##EstimatedTumorPurity=0.65 and ##OverallPloidy=1.96.
std::optional<double> header_number(const std::string& value, const std::string& key, const std::string& path) {
    return parse_number(value, "##" + key, path);
}

void VcfCnReader::open() {
    fp.reset(hts_open(path.c_str(), "r"));
    if (!fp) throw UserError("cannot open '" + path + "' as VCF/BCF", "check that it is readable");
    const htsFormat* f = hts_get_format(fp.get());
    if (f->category != variant_data || (f->format != vcf && f->format != bcf))
        throw InputError(path, "not a VCF or BCF file", "give a VCF/BCF, or leave the format to be detected");
    hdr.reset(bcf_hdr_read(fp.get()));
    if (!hdr) throw InputError(path, "cannot read the VCF header", "the file must start with ##fileformat=VCFv4.x");
    if (!rec) throw UserError("out of memory");
}

void VcfCnReader::read_header(CopyNumberInput& out) {
    std::vector<ContigDeclaration> contigs;
    std::string reference, tumor;
    for (int i = 0; i < hdr->nhrec; ++i) {
        const bcf_hrec_t* h = hdr->hrec[i];
        if (h->type == BCF_HL_CTG) {
            ContigDeclaration c{hrec_value(h, "ID"), std::nullopt};
            const std::string len = hrec_value(h, "length");
            if (!len.empty()) c.length = parse_position(len, "##contig length", path);
            contigs.push_back(std::move(c));
        } else if (h->type == BCF_HL_GEN && h->key && h->value) {
            const std::string key = h->key;
            if (key == "reference") reference = h->value;
            if (key == "tumor_sample") tumor = h->value;
            if (key == "EstimatedTumorPurity") out.purity = header_number(h->value, key, path);
            if (key == "OverallPloidy") out.ploidy = header_number(h->value, key, path);
        }
    }
    out.build = detect_build(contigs, reference).build;
    const int n = bcf_hdr_nsamples(hdr.get());
    for (int i = 0; i < n && sample < 0; ++i)
        if (tumor == hdr->samples[i]) sample = i;
    if (sample < 0 && n > 0) sample = 0;
    if (sample >= 0) out.sample = hdr->samples[sample];
}

bool VcfCnReader::next() {
    const int ret = bcf_read(fp.get(), hdr.get(), rec.get());
    if (ret == -1) {
        if (fp->is_bgzf && fp->fp.bgzf->errcode)
            throw InputError(path + ": record " + std::to_string(record + 1),
                             "the compressed stream is damaged or truncated", "check the file with: bgzip -t FILE");
        return false;
    }
    ++record;
    if (ret < -1) throw InputError(where(), "malformed VCF/BCF record", "check it with: bcftools view FILE");
    if (bcf_unpack(rec.get(), BCF_UN_ALL) < 0) throw InputError(where(), "cannot unpack the record");
    return true;
}

bool VcfCnReader::is_cnv_like() {
    const bcf1_t* r = rec.get();
    for (int i = 1; i < r->n_allele; ++i)
        if (std::strpbrk(r->d.allele[i], "[]")) return false;  // breakend
    if (bcf_get_info_string(hdr.get(), rec.get(), "SVTYPE", &sbuf.data, &sbuf.size) > 0) {
        const std::string t = sbuf.data;
        return t == "CNV" || t == "DUP" || t == "DEL";
    }
    for (int i = 1; i < r->n_allele; ++i)
        for (const char* p : {"<CN", "<DUP", "<DEL"})
            if (std::strncmp(r->d.allele[i], p, std::strlen(p)) == 0) return true;
    return false;
}

std::optional<double> VcfCnReader::info_number(const char* tag) {
    if (bcf_get_info_float(hdr.get(), rec.get(), tag, &fbuf.data, &fbuf.size) > 0 &&
        !bcf_float_is_missing(fbuf.data[0]))
        return fbuf.data[0];
    if (bcf_get_info_int32(hdr.get(), rec.get(), tag, &ibuf.data, &ibuf.size) > 0 && ibuf.data[0] != bcf_int32_missing)
        return ibuf.data[0];
    return std::nullopt;
}

// The chosen sample's first value; negative values (Delly writes CN=-1 when unknown) are none.
std::optional<double> VcfCnReader::format_number(const char* tag) {
    if (sample < 0) return std::nullopt;
    const int ns = bcf_hdr_nsamples(hdr.get());
    int n = bcf_get_format_float(hdr.get(), rec.get(), tag, &fbuf.data, &fbuf.size);
    if (n > 0 && n % ns == 0) {
        const float v = fbuf.data[sample * (n / ns)];
        if (bcf_float_is_missing(v) || bcf_float_is_vector_end(v) || v < 0) return std::nullopt;
        return v;
    }
    n = bcf_get_format_int32(hdr.get(), rec.get(), tag, &ibuf.data, &ibuf.size);
    if (n > 0 && n % ns == 0) {
        const int32_t v = ibuf.data[sample * (n / ns)];
        if (v == bcf_int32_missing || v == bcf_int32_vector_end || v < 0) return std::nullopt;
        return v;
    }
    return std::nullopt;
}

Region VcfCnReader::region(const std::string& contig) {
    const std::int64_t pos = rec->pos + 1;  // 1-based POS, the padding base
    std::int64_t end = 0;
    const bool symbolic = rec->n_allele > 1 && rec->d.allele[1][0] == '<';
    if (bcf_get_info_int32(hdr.get(), rec.get(), "END", &ibuf.data, &ibuf.size) > 0 &&
        ibuf.data[0] != bcf_int32_missing)
        end = ibuf.data[0];
    else if (bcf_get_info_int32(hdr.get(), rec.get(), "SVLEN", &ibuf.data, &ibuf.size) > 0 &&
             ibuf.data[0] != bcf_int32_missing)
        end = pos + std::abs(static_cast<std::int64_t>(ibuf.data[0]));
    else if (!symbolic)
        end = rec->pos + rec->rlen;  // a sequence-resolved deletion: REF = padding base + deleted bases
    else
        throw InputError(where(), "a symbolic CNV allele without END or SVLEN", "the record needs INFO/END");
    if (end <= pos)
        throw InputError(where(), "END " + std::to_string(end) + " is not after POS " + std::to_string(pos),
                         "END is the last base of the event and POS the base before it");
    return Region{contig, pos, end};
}

}  // namespace

void read_vcf_copy_number(const std::filesystem::path& path, CopyNumberInput& out) {
    VcfCnReader r;
    r.path = path.string();
    r.open();
    r.read_header(out);
    while (r.next()) {
        if (!r.is_cnv_like()) {
            ++out.skipped_not_cnv;
            continue;
        }
        CopyNumberSegment s;
        s.source = r.where();
        s.contig_name = bcf_hdr_id2name(r.hdr.get(), r.rec->rid);
        const auto contig = primary_contig(s.contig_name, r.where(), false);
        if (!contig) {
            ++out.skipped_contigs;
            continue;
        }
        s.where = r.region(*contig);
        s.copy_number = r.format_number("CN");
        if (!s.copy_number) s.copy_number = r.info_number("CN");
        s.log2 = r.info_number("FOLD_CHANGE_LOG");  // CNVkit export: the segment's log2 ratio
        out.segments.push_back(std::move(s));
    }
}

}  // namespace rvanno::cnv
