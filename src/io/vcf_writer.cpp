// Annotated VCF/BCF output: reads the input again and writes every record (see vcf_writer.hpp).
#include "io/vcf_writer.hpp"
#include "io/hts_info.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <string_view>

#include "io/hts.hpp"
#include "io/vcf_region_cursor.hpp"

#include <htslib/bgzf.h>
#include <htslib/hfile.h>
#include <htslib/thread_pool.h>
#include "rvanno/error.hpp"

namespace rvanno {

namespace {

// A BGZF thread pool shared by the input and the output; destroyed after both are closed
// (declare it before the files).
struct ThreadPool {
    htsThreadPool p{nullptr, 0};
    ThreadPool() = default;
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;
    ~ThreadPool() {
        if (p.pool) hts_tpool_destroy(p.pool);
    }
};

// The temporary file behind the output: removed by the destructor unless commit() renamed
// it. Declare it before the hts::File that writes it, so the file is closed first.
class TempTarget {
public:
    explicit TempTarget(const std::string& output) : output_(output) {
        if (output_ != "-") tmp_ = output_ + ".rvanno-tmp-" + std::to_string(::getpid());
    }
    ~TempTarget() {
        if (!tmp_.empty() && !committed_) {
            std::error_code ec;
            std::filesystem::remove(tmp_, ec);
        }
    }
    TempTarget(const TempTarget&) = delete;
    TempTarget& operator=(const TempTarget&) = delete;
    const std::string& path() const { return tmp_.empty() ? output_ : tmp_; }
    void commit() {
        if (tmp_.empty()) return;
        std::error_code ec;
        std::filesystem::rename(tmp_, output_, ec);
        if (ec) throw UserError("cannot rename the finished VCF to '" + output_ + "': " + ec.message());
        committed_ = true;
    }

private:
    std::string output_, tmp_;
    bool committed_{false};
};

// bcftools output types: v VCF, z bgzipped VCF, b BCF, u uncompressed BCF; z and b may carry
// a compression level (z9).
std::string write_mode(const std::string& type) {
    if (!is_vcf_output_type(type))
        throw UsageError("unknown VCF output type '" + type + "'",
                         "use -O v (VCF), z (bgzipped VCF), b (BCF) or u (uncompressed BCF); z and b take a level, z9");
    if (type == "v") return "w";
    if (type == "u") return "wbu";
    return "w" + type;
}

void close_checked(hts::File& f, const std::string& what) {
    if (hts_close(f.release()) != 0)
        throw UserError("error while closing '" + what + "'", "is the disk full, or the file damaged?");
}

std::vector<std::string> alt_alleles(const bcf1_t* r) {
    std::vector<std::string> alts;
    for (int i = 1; i < r->n_allele; ++i) alts.emplace_back(r->d.allele[i]);
    return alts;
}

class Writer {
public:
    Writer(const std::string& input, const std::string& output, const std::string& type,
           const std::vector<AlleleFinding>& findings, const std::vector<std::string>& header_lines, int threads,
           const VcfRegions& regions);
    void run();

private:
    std::string input_, output_;
    std::string wmode_;
    bool binary_out_;
    std::map<long, std::vector<const AlleleFinding*>> by_record_;
    const std::vector<std::string>& header_lines_;
    int threads_;
    const VcfRegions& regions_;
    // Declaration order is destruction order in reverse: files close before the pool is
    // destroyed and before the temporary file is removed.
    ThreadPool pool_;
    TempTarget target_;
    hts::File in_, out_;
    std::unique_ptr<RegionCursor> cursor_;  // -r/-R; destroyed before in_ is closed
    hts::Header hdr_;
    hts::Record rec_{bcf_init()};
    hts::KString line_;
    bool text_in_{false};
    bool strip_old_{false};  // the input declares RVANNO_* tags: remove old values everywhere
    long records_{0};

    std::string where() const { return input_ + ": record " + std::to_string(records_); }
    void open_input();
    void prepare_header();
    void open_output();
    bool copy_text_record();
    bool copy_binary_record();
    void annotate(bcf1_t* r);
    void write_record();
    void check_stream_intact() const;
};

Writer::Writer(const std::string& input, const std::string& output, const std::string& type,
               const std::vector<AlleleFinding>& findings, const std::vector<std::string>& header_lines, int threads,
               const VcfRegions& regions)
    : input_(input),
      output_(output),
      wmode_(write_mode(type)),
      binary_out_(type[0] == 'b' || type[0] == 'u'),
      header_lines_(header_lines),
      threads_(threads),
      regions_(regions),
      target_(output) {
    if (!rec_) throw UserError("out of memory");
    for (const auto& f : findings) {
        if (f.matches.empty()) continue;
        if (f.record_number < 1)
            throw UserError("internal error: a finding has no record number (" + f.contig_name + ":" +
                            std::to_string(f.pos + 1) + ")");
        by_record_[f.record_number].push_back(&f);
    }
}

void Writer::open_input() {
    if (input_ == "-")
        throw UserError("--output-vcf needs the input as a file, not stdin",
                        "the input is read a second time to write the VCF: save it to a file and give its path");
    if (!std::filesystem::exists(input_))
        throw UserError("cannot open '" + input_ + "': no such file", "check the path");
    if (output_ != "-" && std::filesystem::exists(output_)) {
        std::error_code ec;
        if (std::filesystem::equivalent(input_, output_, ec))
            throw UserError("--output-vcf '" + output_ + "' is the input file", "write the VCF to another path");
    }
    if (threads_ > 0) {
        pool_.p.pool = hts_tpool_init(threads_);
        if (!pool_.p.pool) throw UserError("cannot start " + std::to_string(threads_) + " threads");
    }
    in_.reset(hts_open(input_.c_str(), "r"));
    if (!in_)
        throw UserError("cannot open '" + input_ + "' as VCF/BCF",
                        "check that it is readable and is a VCF, VCF.gz or BCF");
    const htsFormat* fmt = hts_get_format(in_.get());
    if (fmt->category != variant_data || (fmt->format != vcf && fmt->format != bcf))
        throw UserError("'" + input_ + "' is not a VCF or BCF file (HTSlib sees '" +
                            std::string(hts_format_file_extension(fmt)) + "')",
                        "give a VCF, VCF.gz or BCF");
    text_in_ = fmt->format == vcf;
    if (pool_.p.pool && hts_set_thread_pool(in_.get(), &pool_.p) < 0)
        throw UserError("cannot use threads to read '" + input_ + "'");
    hdr_.reset(bcf_hdr_read(in_.get()));
    if (!hdr_) throw InputError(input_, "cannot read the VCF header", "the file must start with ##fileformat=VCFv4.x");
    if (!regions_.empty()) cursor_ = std::make_unique<RegionCursor>(in_.get(), hdr_.get(), input_, regions_);
}

// Input header + rvanno's INFO declarations + the caller's lines. One header serves reading
// and writing, so BCF input records keep their dictionary ids.
void Writer::prepare_header() {
    bcf_hdr_t* h = hdr_.get();
    for (const auto& tag : rvanno_info_tags()) {
        int id = bcf_hdr_id2int(h, BCF_DT_ID, tag.id.c_str());
        if (id >= 0 && bcf_hdr_idinfo_exists(h, BCF_HL_INFO, id)) {
            const auto want =
                static_cast<decltype(bcf_hdr_id2length(h, BCF_HL_INFO, id))>(tag.number == "A" ? BCF_VL_A : BCF_VL_VAR);
            if (bcf_hdr_id2type(h, BCF_HL_INFO, id) != BCF_HT_STR || bcf_hdr_id2length(h, BCF_HL_INFO, id) != want)
                throw UserError("'" + input_ + "' already declares INFO/" + tag.id + " with another Number or Type",
                                "remove it first: bcftools annotate -x INFO/" + tag.id);
            strip_old_ = true;
            continue;
        }
        std::string line =
            "##INFO=<ID=" + tag.id + ",Number=" + tag.number + ",Type=String,Description=\"" + tag.description + "\">";
        if (bcf_hdr_append(h, line.c_str()) < 0) throw UserError("cannot add the header line " + line);
    }
    for (const auto& line : header_lines_) {
        if (line.size() < 4 || line.compare(0, 2, "##") != 0 || line.find('=') == std::string::npos ||
            line.find_first_of("\r\n") != std::string::npos)
            throw UserError("internal error: '" + line + "' is not a ##key=value header line");
        if (bcf_hdr_append(h, line.c_str()) < 0) throw UserError("cannot add the header line " + line);
    }
    if (bcf_hdr_sync(h) < 0) throw UserError("cannot build the output VCF header");
}

void Writer::open_output() {
    out_.reset(hts_open(target_.path().c_str(), wmode_.c_str()));
    if (!out_) throw UserError("cannot write '" + output_ + "'", "check that its directory exists and is writable");
    // Not hts_set_thread_pool: HTSlib 1.16 treats a text file opened for writing as SAM there
    // and leaks the SAM state it allocates. Only BGZF (z, b) output uses threads anyway.
    if (pool_.p.pool && out_->format.compression == bgzf &&
        bgzf_thread_pool(out_->fp.bgzf, pool_.p.pool, pool_.p.qsize) < 0)
        throw UserError("cannot use threads to write '" + output_ + "'");
    if (bcf_hdr_write(out_.get(), hdr_.get()) < 0)
        throw UserError("error while writing the header of '" + output_ + "'", "is the disk full?");
}

// HTSlib reports a damaged or truncated BGZF stream as end of file; a partial copy must not
// pass for a whole one (the same rule as VcfReader).
void Writer::check_stream_intact() const {
    BGZF* bgzf = in_->is_bgzf ? in_->fp.bgzf : nullptr;
    if (!bgzf) return;
    if (bgzf->errcode)
        throw InputError(input_ + ": record " + std::to_string(records_ + 1),
                         "the compressed stream is damaged or truncated", "check the file with: bgzip -t FILE");
    if (hts_get_format(in_.get())->compression == htsCompression::bgzf && bgzf_check_EOF(bgzf) == 0)
        throw InputError(input_, "no BGZF end-of-file marker: the file is probably truncated",
                         "check the file with: bgzip -t FILE; if it is complete, recompress it with bgzip");
}

// Removes old RVANNO_* values (strip_old_) and adds this run's, for the findings of the
// current record.
void Writer::annotate(bcf1_t* r) {
    const bcf_hdr_t* h = hdr_.get();
    if (strip_old_)
        for (const auto& tag : rvanno_info_tags())
            if (bcf_update_info_string(h, r, tag.id.c_str(), nullptr) < 0)
                throw InputError(where(), "cannot remove the old INFO/" + tag.id);
    auto it = by_record_.find(records_);
    if (it == by_record_.end()) return;
    if (bcf_unpack(r, BCF_UN_STR) < 0) throw InputError(where(), "cannot unpack the record", "the file may be corrupt");
    const char* chrom = bcf_hdr_id2name(h, r->rid);
    const std::string at = where() + " (" + chrom + ":" + std::to_string(r->pos + 1) + ")";
    for (const AlleleFinding* f : it->second)
        if (f->contig_name != chrom)
            throw UserError(
                at + " was annotated as a record on " + f->contig_name + "; the input changed since it was annotated",
                "annotate and write the VCF in one run, from a file that does not change");
    for (const auto& [tag, value] : rvanno_info_values(alt_alleles(r), it->second, at))
        if (bcf_update_info_string(h, r, tag.c_str(), value.c_str()) < 0)
            throw InputError(at, "cannot add INFO/" + tag);
}

void Writer::write_record() {
    if (bcf_write(out_.get(), hdr_.get(), rec_.get()) < 0)
        throw UserError("error while writing record " + std::to_string(records_) + " to '" + output_ + "'",
                        "is the disk full?");
}

// One text record: copied as the raw line when nothing changes and the output is text,
// else parsed. False at end of input.
bool Writer::copy_text_record() {
    kstring_t& l = line_.s;
    int ret;
    do {
        ret = cursor_ ? cursor_->next_line(&l) : hts_getline(in_.get(), KS_SEP_LINE, &l);
    } while (ret >= 0 && l.l == 0);  // empty lines are not records (as in VcfReader)
    if (ret == -1) {
        check_stream_intact();
        return false;
    }
    ++records_;
    if (ret < -1)
        throw InputError(where(), "read error (truncated or corrupt file?)", "check the file with: bgzip -t FILE");
    if (l.s[0] == '#' || !std::memchr(l.s, '\t', l.l))
        throw InputError(where(), "not a tab-separated VCF data line",
                         "header lines must come first and columns must be separated by tabs");
    const bool changes = strip_old_ || by_record_.count(records_) > 0;
    if (!changes && !binary_out_) {
        if (kputc('\n', &l) < 0) throw UserError("out of memory");
        htsFile* fp = out_.get();
        ssize_t n = fp->format.compression != no_compression ? bgzf_write(fp->fp.bgzf, l.s, l.l)
                                                             : hwrite(fp->fp.hfile, l.s, l.l);
        if (n < 0 || static_cast<std::size_t>(n) != l.l)
            throw UserError("error while writing record " + std::to_string(records_) + " to '" + output_ + "'",
                            "is the disk full?");
        return true;
    }
    // HTSlib 1.16 accepts lines cut short; VCF needs the 8 fixed columns.
    if (std::count(l.s, l.s + l.l, '\t') < 7)
        throw InputError(where(), "fewer than the 8 fixed VCF columns", "the line is cut short or not tab-separated");
    const int nhrec = hdr_->nhrec;
    if (vcf_parse(&l, hdr_.get(), rec_.get()) < 0)
        throw InputError(where(), "malformed VCF record",
                         htslib_message_hint() + "; check it with: bcftools view FILE");
    // vcf_parse declares an undeclared CHROM/INFO/FORMAT/FILTER on the fly, after the BCF
    // header (its dictionary) was written: such a BCF could not be read back.
    if (binary_out_ && hdr_->nhrec != nhrec)
        throw InputError(where(),
                         "uses a contig, INFO, FORMAT or FILTER name that the header does not declare "
                         "(see HTSlib's warning above)",
                         "BCF output needs every name declared: add it to the header (bcftools annotate -h), "
                         "or write VCF with -O v or -O z");
    annotate(rec_.get());
    write_record();
    return true;
}

// One BCF record: written still packed when nothing changes.
bool Writer::copy_binary_record() {
    int ret = cursor_ ? cursor_->next_record(rec_.get()) : bcf_read(in_.get(), hdr_.get(), rec_.get());
    if (ret == -1) {
        check_stream_intact();
        return false;
    }
    ++records_;
    if (ret < -1)
        throw InputError(where(), "truncated or corrupt BCF record",
                         "check the file with: bcftools view FILE > /dev/null");
    if (strip_old_ || by_record_.count(records_) > 0) annotate(rec_.get());
    write_record();
    return true;
}

void Writer::run() {
    open_input();
    prepare_header();
    open_output();
    while (text_in_ ? copy_text_record() : copy_binary_record()) {}
    if (!by_record_.empty() && by_record_.rbegin()->first > records_)
        throw UserError("'" + input_ + "' has " + std::to_string(records_) + " records, but record " +
                            std::to_string(by_record_.rbegin()->first) +
                            " was annotated; the input changed since it was annotated",
                        "annotate and write the VCF in one run, from a file that does not change");
    close_checked(out_, output_);
    cursor_.reset();
    close_checked(in_, input_);
    target_.commit();
}

}  // namespace

bool is_vcf_output_type(const std::string& type) {
    if (type.empty() || type.size() > 2 || std::string_view("vzbu").find(type[0]) == std::string_view::npos)
        return false;
    return type.size() == 1 || ((type[0] == 'z' || type[0] == 'b') && type[1] >= '0' && type[1] <= '9');
}

void write_annotated_vcf(const std::string& input, const std::string& output, const std::string& type,
                         const std::vector<AlleleFinding>& findings, const std::vector<std::string>& header_lines,
                         int threads, const VcfRegions& regions) {
    Writer w(input, output, type, findings, header_lines, threads, regions);
    w.run();
}

void write_annotated_vcf(const std::string& input, const std::string& output, char mode,
                         const std::vector<AlleleFinding>& findings, const std::vector<std::string>& header_lines,
                         int threads) {
    write_annotated_vcf(input, output, std::string(1, mode), findings, header_lines, threads, VcfRegions{});
}

}  // namespace rvanno
