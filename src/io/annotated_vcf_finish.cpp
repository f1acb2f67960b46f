// AnnotatedVcfStream::finish: the header (with the run's provenance), then the spill file copied
// behind it with each held record written at its place, annotated (annotated_vcf_stream.hpp).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <vector>

#include "io/annotated_vcf_stream_impl.hpp"
#include "io/vcf_writer.hpp"

#include <htslib/thread_pool.h>
#include "rvanno/error.hpp"

namespace rvanno {

namespace {

// A BGZF thread pool for the output; destroyed after it is closed (declare it before the file).
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

std::vector<std::string> alt_alleles(const bcf1_t* r) {
    std::vector<std::string> alts;
    for (int i = 1; i < r->n_allele; ++i) alts.emplace_back(r->d.allele[i]);
    return alts;
}

// The output file being put together.
class Assembly {
public:
    Assembly(AnnotatedVcfStream::Impl& s, const std::string& output) : s_(s), output_(output), target_(output) {}
    void run(const std::vector<AlleleFinding>& findings, const std::vector<std::string>& header_lines);

private:
    AnnotatedVcfStream::Impl& s_;
    std::string output_;
    ThreadPool pool_;
    TempTarget target_;
    hts::File out_;                    // bgzipped VCF or BCF
    std::unique_ptr<FdWriter> plain_;  // plain VCF: written here, the spill copied by the kernel
    hts::KString text_;
    std::vector<char> buffer_;
    std::int64_t copied_{0};

    void open(const std::vector<std::string>& header_lines);
    void copy_spill_to(std::int64_t end);
    void write_held(AnnotatedVcfStream::Impl::Held& h, const std::vector<const AlleleFinding*>* findings);
    void annotate(bcf1_t* r, long ordinal, const std::vector<const AlleleFinding*>& findings) const;
    void write_record(bcf1_t* r, long ordinal);
    void write_bytes(const char* p, std::size_t n);
    void fail_write() const { throw UserError("error while writing '" + output_ + "'", "is the disk full?"); }
};

void Assembly::write_bytes(const char* p, std::size_t n) {
    if (plain_ ? !plain_->write(p, n) : !write_raw(out_.get(), p, n)) fail_write();
}

void Assembly::open(const std::vector<std::string>& header_lines) {
    bcf_hdr_t* h = s_.hdr_.get();
    for (const auto& line : header_lines) {
        if (line.size() < 4 || line.compare(0, 2, "##") != 0 || line.find('=') == std::string::npos ||
            line.find_first_of("\r\n") != std::string::npos)
            throw UserError("internal error: '" + line + "' is not a ##key=value header line");
        if (bcf_hdr_append(h, line.c_str()) < 0) throw UserError("cannot add the header line " + line);
    }
    if (bcf_hdr_sync(h) < 0) throw UserError("cannot build the output VCF header");
    if (s_.wmode_ == "w") {  // plain VCF: bytes, written by rvanno (no HTSlib stream needed)
        const bool to_stdout = target_.path() == "-";
        const int fd =
            to_stdout ? STDOUT_FILENO : ::open(target_.path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (fd < 0)
            throw UserError("cannot write '" + output_ + "'", "check that its directory exists and is writable");
        plain_ = std::make_unique<FdWriter>(fd, !to_stdout);
        // What vcf_hdr_write writes: the formatted header without its trailing NULs.
        if (bcf_hdr_format(h, 0, &text_.s) < 0) throw UserError("cannot format the header of '" + output_ + "'");
        while (text_.s.l && text_.s.s[text_.s.l - 1] == '\0') --text_.s.l;
        write_bytes(text_.s.s, text_.s.l);
        return;
    }
    out_.reset(hts_open(target_.path().c_str(), s_.wmode_.c_str()));
    if (!out_) throw UserError("cannot write '" + output_ + "'", "check that its directory exists and is writable");
    if (s_.threads_ > 0 && !s_.spill_compressed_ && out_->format.compression == bgzf) {
        // Not hts_set_thread_pool: HTSlib 1.16 treats a text file opened for writing as SAM there
        // and leaks the SAM state it allocates.
        pool_.p.pool = hts_tpool_init(s_.threads_);
        if (!pool_.p.pool) throw UserError("cannot start " + std::to_string(s_.threads_) + " threads");
        if (bgzf_thread_pool(out_->fp.bgzf, pool_.p.pool, pool_.p.qsize) < 0)
            throw UserError("cannot use threads to write '" + output_ + "'");
    }
    if (bcf_hdr_write(out_.get(), h) < 0)
        throw UserError("error while writing the header of '" + output_ + "'", "is the disk full?");
}

// Copies the spill up to `end`: compressed blocks as they are, behind a flushed output block;
// an uncompressed spill by the kernel into a plain VCF file, else through the output's stream.
void Assembly::copy_spill_to(std::int64_t end) {
    const int in = s_.spill_read_fd_;
    hFILE* raw = nullptr;
    if (s_.spill_compressed_) {
        if (bgzf_flush(out_->fp.bgzf) < 0) fail_write();
        raw = out_->fp.bgzf->fp;
    } else if (plain_ && copied_ < end) {
        if (!plain_->flush()) fail_write();
        while (copied_ < end) {
            loff_t from = copied_;
            const ssize_t n =
                ::copy_file_range(in, &from, plain_->fd(), nullptr, static_cast<std::size_t>(end - copied_), 0);
            if (n <= 0) break;  // not here (a pipe, another file system): the loop below does the rest
            copied_ += n;
        }
    }
    buffer_.resize(1 << 20);
    while (copied_ < end) {
        const auto want = static_cast<std::size_t>(std::min<std::int64_t>(end - copied_, buffer_.size()));
        const ssize_t n = ::pread(in, buffer_.data(), want, copied_);
        if (n <= 0)
            throw UserError("cannot read back the temporary file '" + s_.spill_name_ + "' for '" + output_ + "'",
                            "was the disk damaged during the run?");
        if (raw) {
            if (hwrite(raw, buffer_.data(), static_cast<std::size_t>(n)) != n) fail_write();
        } else {
            write_bytes(buffer_.data(), static_cast<std::size_t>(n));
        }
        copied_ += n;
    }
}

// Removes old RVANNO_* values (strip_old_) and adds this run's, from the record's findings.
void Assembly::annotate(bcf1_t* r, long ordinal, const std::vector<const AlleleFinding*>& findings) const {
    const bcf_hdr_t* h = s_.hdr_.get();
    if (bcf_unpack(r, BCF_UN_STR) < 0)
        throw InputError(s_.where(ordinal), "cannot unpack the record", "the file may be corrupt");
    const char* chrom = bcf_hdr_id2name(h, r->rid);
    const std::string at = s_.where(ordinal) + " (" + chrom + ":" + std::to_string(r->pos + 1) + ")";
    for (const AlleleFinding* f : findings)
        if (f->contig_name != chrom)
            throw UserError("internal error: " + at + " was annotated as a record on " + f->contig_name);
    for (const auto& [tag, value] : rvanno_info_values(alt_alleles(r), findings, at))
        if (bcf_update_info_string(h, r, tag.c_str(), value.c_str()) < 0)
            throw InputError(at, "cannot add INFO/" + tag);
}

void Assembly::write_record(bcf1_t* r, long ordinal) {
    if (plain_) {  // what vcf_write writes
        text_.s.l = 0;
        if (vcf_format(s_.hdr_.get(), r, &text_.s) < 0) throw InputError(s_.where(ordinal), "cannot format the record");
        write_bytes(text_.s.s, text_.s.l);
        return;
    }
    if (bcf_write(out_.get(), s_.hdr_.get(), r) < 0)
        throw UserError("error while writing record " + std::to_string(ordinal) + " to '" + output_ + "'",
                        "is the disk full?");
}

// A held record: a text line as it is when nothing changes and the output is text, else parsed,
// stripped of old values and given this run's.
void Assembly::write_held(AnnotatedVcfStream::Impl::Held& h, const std::vector<const AlleleFinding*>* findings) {
    bcf1_t* r = nullptr;
    if (s_.text_in_) {
        if (!findings && !s_.strip_old_ && !s_.binary_out_) {
            h.text += '\n';
            write_bytes(h.text.data(), h.text.size());
            return;
        }
        s_.parse_text(h.text.data(), h.text.size(), h.ordinal);
        r = s_.work_.get();
    } else {
        r = h.rec.get();
    }
    if (s_.strip_old_) s_.strip_old_values(r, h.ordinal);
    if (findings) annotate(r, h.ordinal, *findings);
    write_record(r, h.ordinal);
}

void Assembly::run(const std::vector<AlleleFinding>& findings, const std::vector<std::string>& header_lines) {
    std::map<long, std::vector<const AlleleFinding*>> by_record;
    for (const auto& f : findings) {
        if (f.matches.empty()) continue;
        if (f.record_number < 1)
            throw UserError("internal error: a finding has no record number (" + f.contig_name + ":" +
                            std::to_string(f.pos + 1) + ")");
        by_record[f.record_number].push_back(&f);
    }
    std::size_t held_with_findings = 0;
    for (const auto& h : s_.held_) held_with_findings += by_record.count(h.ordinal);
    if (held_with_findings != by_record.size())
        throw UserError(
            "internal error: a finding with matches belongs to a record that the annotated VCF did not "
            "hold back; no VCF is written rather than one without its tags");
    const std::int64_t spill_end = s_.spill_offset();
    if (s_.spill_text_ ? !s_.spill_text_->close() : hts_close(s_.spill_.release()) != 0) s_.spill_write_failed();
    const std::int64_t eof_block = s_.spill_compressed_ ? 28 : 0;  // BGZF's end-of-file marker, not copied
    struct stat st {};
    if (::fstat(s_.spill_read_fd_, &st) != 0 || st.st_size != spill_end + eof_block)
        throw UserError("internal error: the temporary file '" + s_.spill_name_ + "' does not hold the " +
                        std::to_string(spill_end) + " bytes written");
    open(header_lines);
    for (auto& h : s_.held_) {
        copy_spill_to(h.spill_offset);
        auto it = by_record.find(h.ordinal);
        write_held(h, it == by_record.end() ? nullptr : &it->second);
    }
    copy_spill_to(spill_end);
    if (plain_ ? !plain_->close() : hts_close(out_.release()) != 0)
        throw UserError("error while closing '" + output_ + "'", "is the disk full, or the file damaged?");
    target_.commit();
}

}  // namespace

void AnnotatedVcfStream::Impl::assemble(const std::string& output, const std::vector<AlleleFinding>& findings,
                                        const std::vector<std::string>& header_lines) {
    Assembly a(*this, output);
    a.run(findings, header_lines);
}

}  // namespace rvanno
