// AnnotatedVcfStream::finish: the header (with the run's provenance), then the spill file copied
// behind it with each held record written at its place, annotated (annotated_vcf_stream.hpp).
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

void close_checked(hts::File& f, const std::string& what) {
    if (hts_close(f.release()) != 0)
        throw UserError("error while closing '" + what + "'", "is the disk full, or the file damaged?");
}

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
    hts::File out_;
    std::vector<char> buffer_;
    std::int64_t copied_{0};

    void open(const std::vector<std::string>& header_lines);
    void copy_spill_to(std::int64_t end);
    void write_held(AnnotatedVcfStream::Impl::Held& h, const std::vector<const AlleleFinding*>* findings);
    void annotate(bcf1_t* r, long ordinal, const std::vector<const AlleleFinding*>& findings) const;
    void write_record(bcf1_t* r, long ordinal);
};

void Assembly::open(const std::vector<std::string>& header_lines) {
    bcf_hdr_t* h = s_.hdr_.get();
    for (const auto& line : header_lines) {
        if (line.size() < 4 || line.compare(0, 2, "##") != 0 || line.find('=') == std::string::npos ||
            line.find_first_of("\r\n") != std::string::npos)
            throw UserError("internal error: '" + line + "' is not a ##key=value header line");
        if (bcf_hdr_append(h, line.c_str()) < 0) throw UserError("cannot add the header line " + line);
    }
    if (bcf_hdr_sync(h) < 0) throw UserError("cannot build the output VCF header");
    out_.reset(hts_open(target_.path().c_str(), s_.wmode_.c_str()));
    if (!out_) throw UserError("cannot write '" + output_ + "'", "check that its directory exists and is writable");
    if (s_.threads_ > 0 && out_->format.compression == bgzf) {
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

void Assembly::copy_spill_to(std::int64_t end) {
    buffer_.resize(1 << 20);
    while (copied_ < end) {
        const auto want = static_cast<std::size_t>(std::min<std::int64_t>(end - copied_, buffer_.size()));
        const ssize_t n = ::read(s_.spill_read_fd_, buffer_.data(), want);
        if (n <= 0)
            throw UserError("cannot read back the temporary file '" + s_.spill_name_ + "' for '" + output_ + "'",
                            "was it removed or the disk damaged during the run?");
        if (!write_raw(out_.get(), buffer_.data(), static_cast<std::size_t>(n)))
            throw UserError("error while writing '" + output_ + "'", "is the disk full?");
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
            if (!write_raw(out_.get(), h.text.data(), h.text.size()))
                throw UserError("error while writing record " + std::to_string(h.ordinal) + " to '" + output_ + "'",
                                "is the disk full?");
            return;
        }
        s_.parse_text(h.text, h.ordinal);
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
    close_checked(s_.spill_, s_.spill_name_);
    struct stat st {};
    if (::fstat(s_.spill_read_fd_, &st) != 0 || st.st_size != spill_end)
        throw UserError("internal error: the temporary file '" + s_.spill_name_ + "' does not hold the " +
                        std::to_string(spill_end) + " bytes written");
    open(header_lines);
    if (::lseek(s_.spill_read_fd_, 0, SEEK_SET) != 0)
        throw UserError("cannot read back the temporary file '" + s_.spill_name_ + "'");
    for (auto& h : s_.held_) {
        copy_spill_to(h.spill_offset);
        auto it = by_record.find(h.ordinal);
        write_held(h, it == by_record.end() ? nullptr : &it->second);
    }
    copy_spill_to(spill_end);
    close_checked(out_, output_);
    target_.commit();
}

}  // namespace

void AnnotatedVcfStream::Impl::assemble(const std::string& output, const std::vector<AlleleFinding>& findings,
                                        const std::vector<std::string>& header_lines) {
    Assembly a(*this, output);
    a.run(findings, header_lines);
}

}  // namespace rvanno
