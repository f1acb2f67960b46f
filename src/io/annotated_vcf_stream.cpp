// AnnotatedVcfStream, the intake: every record VcfReader reads goes to the spill file, or is
// held back for finish() (see annotated_vcf_stream.hpp; the assembly is annotated_vcf_finish.cpp).
#include "io/annotated_vcf_stream.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <vector>

#include "io/annotated_vcf_stream_impl.hpp"
#include "io/hts_info.hpp"
#include "io/output_file.hpp"
#include "io/vcf_writer.hpp"
#include "rvanno/error.hpp"

namespace rvanno {

std::string vcf_write_mode(const std::string& type) {
    if (!is_vcf_output_type(type))
        throw UsageError("unknown VCF output type '" + type + "'",
                         "use -O v (VCF), z (bgzipped VCF), b (BCF) or u (uncompressed BCF); z and b take a level, z9");
    if (type == "v") return "w";
    if (type == "u") return "wbu";
    return "w" + type;
}

bool write_raw(htsFile* fp, const char* p, std::size_t n) {
    const ssize_t w = fp->is_bgzf ? bgzf_write(fp->fp.bgzf, p, n) : hwrite(fp->fp.hfile, p, n);
    return w >= 0 && static_cast<std::size_t>(w) == n;
}

AnnotatedVcfStream::AnnotatedVcfStream(const std::string& type, const std::string& output, int threads)
    : impl_(std::make_unique<Impl>()) {
    auto& m = *impl_;
    m.wmode_ = vcf_write_mode(type);
    m.binary_out_ = type[0] == 'b' || type[0] == 'u';
    // The spill beside the file the output replaces; for stdout or a device, in $TMPDIR.
    if (output_kind(output) == OutputKind::replace)
        m.spill_dir_ = std::filesystem::absolute(replaced_file(output)).parent_path().string();
    m.output_name_ = output;
    m.threads_ = threads;
    m.spill_compressed_ = threads == 0 && (type[0] == 'z' || type[0] == 'b');
    if (!m.deferred_rec_ || !m.work_) throw UserError("out of memory");
}

AnnotatedVcfStream::~AnnotatedVcfStream() = default;

AnnotatedVcfStream::Impl::~Impl() {
    spill_.reset();
    spill_text_.reset();
    if (spill_read_fd_ >= 0) ::close(spill_read_fd_);
}

void AnnotatedVcfStream::hold() {
    if (impl_->held_at_intake_ == impl_->records_ && impl_->records_ > 0) return;
    if (!impl_->has_deferred_) throw UserError("internal error: the annotated VCF was asked to hold no record");
    impl_->hold_deferred();
}

void AnnotatedVcfStream::Impl::hold_deferred() {
    Held h;
    h.ordinal = records_;
    h.spill_offset = pass_ ? -1 : spill_offset();  // the passthrough sets it when it reaches the span
    if (pass_) pass_->hold(deferred_span_, held_.size());
    if (text_in_) {
        h.text = std::move(deferred_text_);
        deferred_text_.clear();
    } else {
        h.rec = std::move(deferred_rec_);
        deferred_rec_.reset(bcf_init());
        if (!deferred_rec_) throw UserError("out of memory");
    }
    held_.push_back(std::move(h));
    has_deferred_ = false;
}

void AnnotatedVcfStream::hold_records(std::set<long> ordinals) { impl_->preset_ = std::move(ordinals); }

void AnnotatedVcfStream::finish(const std::string& output, const std::vector<AlleleFinding>& findings,
                                const std::vector<std::string>& header_lines) {
    auto& m = *impl_;
    if (m.finished_) throw UserError("internal error: the annotated VCF was finished twice");
    m.finished_ = true;
    if (!m.began_)
        throw UserError("internal error: no VCF/BCF input reached the annotated VCF '" + m.output_name_ + "'");
    m.flush_deferred();
    if (m.pass_) m.emit_passthrough(m.pass_->last_end(), true);
    for (const auto& h : m.held_)
        if (h.spill_offset < 0) throw UserError("internal error: a held record has no place in the annotated VCF");
    m.assemble(output, findings, header_lines);
}

// The output header: the input's, plus rvanno's INFO declarations (an input annotated by rvanno
// before keeps its declarations, and its old values are removed from every record).
void AnnotatedVcfStream::Impl::begin(const std::string& input, const bcf_hdr_t* input_header, bool text_input,
                                     BGZF* text_stream) {
    if (began_)
        throw UserError("internal error: a second input ('" + input + "') reached the annotated VCF of '" + input_ +
                        "'");
    began_ = true;
    input_ = input;
    text_in_ = text_input;
    hdr_.reset(bcf_hdr_dup(input_header));
    if (!hdr_) throw UserError("out of memory");
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
    if (bcf_hdr_sync(h) < 0) throw UserError("cannot build the output VCF header");
    open_spill();
    if (text_input && wmode_ == "wz" && spill_compressed_ && !strip_old_) pass_ = BlockPassthrough::start(text_stream);
}

// The passthrough's part of text_record: the record's span, and its line kept only when the
// record may be held (or is irregular, and so held here).
bool AnnotatedVcfStream::Impl::pass_record(std::string_view line, bool never_held) {
    BlockPassthrough::Span span;
    const auto step = pass_->record(line.size(), span);
    if (step == BlockPassthrough::Step::stop) {
        emit_passthrough(pass_->last_end(), true);
        return false;
    }
    deferred_span_ = span;
    if (step == BlockPassthrough::Step::irregular || !never_held || preset_.count(records_)) {
        deferred_text_.assign(line);
        has_deferred_ = true;
        if (step == BlockPassthrough::Step::irregular) {
            hold_deferred();
            held_at_intake_ = records_;
        }
    }
    emit_passthrough(span.s, false);
    return true;
}

// The captured blocks up to `upto` go to the spill, each held span noting its spill offset.
// `last`: every block, and from there on records are written one by one.
void AnnotatedVcfStream::Impl::emit_passthrough(std::int64_t upto, bool last) {
    pass_->emit(upto, last, spill_->fp.bgzf, spill_name_,
                [this](std::size_t i, std::int64_t offset) { held_[i].spill_offset = offset; });
    if (last) pass_.reset();
}

// The spill has no name: it is unlinked as soon as it is open, so that nothing is left behind
// even when the run is killed. A second descriptor reads it back at finish().
void AnnotatedVcfStream::Impl::open_spill() {
    const char* tmp = std::getenv("TMPDIR");
    const std::string dir = !spill_dir_.empty() ? spill_dir_ : tmp && *tmp ? std::string(tmp) : std::string("/tmp");
    spill_name_ = (std::filesystem::path(dir) / "rvanno-body-XXXXXX").string();
    auto fail = [&](const std::string& why) {
        throw UserError("cannot write a temporary file in '" + dir + "' for '" + output_name_ + "': " + why,
                        "the annotated VCF is put together there (about the uncompressed size of the input); "
                        "check that the directory exists, is writable and has room, or set TMPDIR");
    };
    std::vector<char> name(spill_name_.begin(), spill_name_.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) fail(std::strerror(errno));
    spill_name_ = name.data();
    ::unlink(name.data());
    spill_read_fd_ = ::dup(fd);
    if (spill_read_fd_ < 0) {
        ::close(fd);
        fail(std::strerror(errno));
    }
    if (!binary_out_ && !spill_compressed_) {  // plain lines: written by rvanno's own buffer
        spill_text_ = std::make_unique<FdWriter>(fd, true);
        return;
    }
    hFILE* h = hdopen(fd, "w");
    if (!h) {
        ::close(fd);
        fail(std::strerror(errno));
    }
    // BCF records without the header, or bgzipped lines, in the output's type and level.
    spill_.reset(hts_hopen(h, spill_name_.c_str(), spill_compressed_ ? wmode_.c_str() : "wbu"));
    if (!spill_) {
        hclose_abruptly(h);
        fail("HTSlib cannot open it");
    }
}

void AnnotatedVcfStream::Impl::spill_write_failed() const {
    throw UserError("error while writing the temporary file '" + spill_name_ + "' for '" + output_name_ + "'",
                    "is the disk full? It needs about the uncompressed size of the input");
}

std::int64_t AnnotatedVcfStream::Impl::spill_offset() {
    if (!spill_compressed_) return spill_bytes_;
    if (bgzf_flush(spill_->fp.bgzf) < 0) spill_write_failed();
    return static_cast<std::int64_t>(htell(spill_->fp.bgzf->fp));
}

void AnnotatedVcfStream::Impl::write_spill_bytes(const char* p, std::size_t n) {
    spill_bytes_ += static_cast<std::int64_t>(n);
    if (spill_text_ ? !spill_text_->write(p, n) : !write_raw(spill_.get(), p, n)) spill_write_failed();
}

void AnnotatedVcfStream::Impl::text_record(char* line, std::size_t length, bool never_held) {
    flush_deferred();
    ++records_;
    std::string_view l(line, length);
    // The rules the two-pass writer had: a header or untabbed line among the records is refused
    // (the reader would skip it, but it cannot be passed through as a record).
    if (l[0] == '#' || l.find('\t') == std::string_view::npos)
        throw InputError(where(records_), "not a tab-separated VCF data line",
                         "header lines must come first and columns must be separated by tabs");
    if (pass_ && pass_record(l, never_held)) return;
    if (never_held && !preset_.count(records_)) {  // no copy: as it is, or parsed where it lies
        spill_text(line, length);
        return;
    }
    deferred_text_.assign(l);
    has_deferred_ = true;
}

void AnnotatedVcfStream::Impl::bcf_record(bcf1_t* packed, bool never_held) {
    flush_deferred();
    ++records_;
    if (never_held && !preset_.count(records_)) {
        write_spill_record(packed, records_);
        return;
    }
    if (!bcf_copy(deferred_rec_.get(), packed)) throw UserError("out of memory");
    has_deferred_ = true;
}

void AnnotatedVcfStream::Impl::bcf_raw(const char* bytes, std::size_t length) {
    flush_deferred();
    ++records_;
    write_spill_bytes(bytes, length);
}

void AnnotatedVcfStream::Impl::parse_text(char* line, std::size_t length, long ordinal) {
    // HTSlib 1.16 accepts lines cut short; VCF needs the 8 fixed columns.
    const char* p = line;
    const char* end = line + length;
    for (int tabs = 0; tabs < 7; ++tabs, ++p)
        if (!(p = static_cast<const char*>(std::memchr(p, '\t', static_cast<std::size_t>(end - p)))))
            throw InputError(where(ordinal), "fewer than the 8 fixed VCF columns",
                             "the line is cut short or not tab-separated");
    kstring_t ks{length, length + 1, line};
    const int nhrec = hdr_->nhrec;
    const int parsed = vcf_parse(&ks, hdr_.get(), work_.get());
    if (parsed < 0)
        throw InputError(where(ordinal), "malformed VCF record",
                         htslib_message_hint() + "; check it with: bcftools view FILE");
    // vcf_parse declares an undeclared CHROM/INFO/FORMAT/FILTER on the fly; BCF records written
    // before the header must use only the dictionary the header will have.
    if (binary_out_ && hdr_->nhrec != nhrec)
        throw InputError(where(ordinal),
                         "uses a contig, INFO, FORMAT or FILTER name that the header does not declare "
                         "(see HTSlib's warning above)",
                         "BCF output needs every name declared: add it to the header (bcftools annotate -h), "
                         "or write VCF with -O v or -O z");
}

void AnnotatedVcfStream::Impl::strip_old_values(bcf1_t* r, long ordinal) const {
    for (const auto& tag : rvanno_info_tags())
        if (bcf_update_info_string(hdr_.get(), r, tag.id.c_str(), nullptr) < 0)
            throw InputError(where(ordinal), "cannot remove the old INFO/" + tag.id);
}

// The deferred record goes to the spill (or is held, for write_annotated_vcf's ordinals).
void AnnotatedVcfStream::Impl::flush_deferred() {
    if (!has_deferred_) return;
    if (preset_.count(records_)) {  // write_annotated_vcf: held by ordinal
        hold_deferred();
        return;
    }
    has_deferred_ = false;
    if (pass_) {  // its bytes are in the input's blocks
        deferred_text_.clear();
        return;
    }
    if (text_in_)
        spill_text(deferred_text_.data(), deferred_text_.size());
    else
        write_spill_record(deferred_rec_.get(), records_);
}

// The current text record to the spill: the line as it is when nothing changes and the output
// is text, else parsed (in place) and written as a record.
void AnnotatedVcfStream::Impl::spill_text(char* line, std::size_t length) {
    if (!strip_old_ && !binary_out_) {
        write_spill_bytes(line, length);
        write_spill_bytes("\n", 1);
        return;
    }
    parse_text(line, length, records_);
    write_spill_record(work_.get(), records_);
}

void AnnotatedVcfStream::Impl::write_spill_record(bcf1_t* r, long ordinal) {
    if (strip_old_) strip_old_values(r, ordinal);
    if (!binary_out_) {  // formatted here, so that its length is known
        text_.s.l = 0;
        if (vcf_format(hdr_.get(), r, &text_.s) < 0) throw InputError(where(ordinal), "cannot format the record");
        write_spill_bytes(text_.s.s, text_.s.l);
        return;
    }
    if (bcf_write(spill_.get(), hdr_.get(), r) < 0) spill_write_failed();
    // What bcf_write wrote: l_shared, l_indiv and the six fixed fields (32 bytes), then the
    // shared and individual blocks (BCF 2.2, section 6.3).
    spill_bytes_ += 32 + static_cast<std::int64_t>(r->shared.l) + static_cast<std::int64_t>(r->indiv.l);
}

}  // namespace rvanno
