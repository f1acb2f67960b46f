// AnnotatedVcfStream's state (private to src/io): the intake VcfReader calls for every data
// record (annotated_vcf_stream.cpp) and the assembly at finish() (annotated_vcf_finish.cpp).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "io/annotated_vcf_passthrough.hpp"
#include "io/annotated_vcf_stream.hpp"
#include "io/fd_writer.hpp"
#include "io/hts.hpp"

#include <htslib/hfile.h>

namespace rvanno {

struct AnnotatedVcfStream::Impl {
    // What VcfReader calls. begin() once, after the input's header was read (a second input is
    // refused); then one call per data record, in input order, before the reader looks at it.
    // `text_stream`: a text input's single-threaded BGZF stream, just past the header, for the
    // block passthrough (annotated_vcf_passthrough.hpp); nullptr when the reader cannot offer it.
    void begin(const std::string& input, const bcf_hdr_t* input_header, bool text_input, BGZF* text_stream);
    bool began() const { return began_; }
    // `never_held`: the record lies outside every target gene, so the pipeline never holds it
    // and it goes to the spill at once, without a copy: the reader's buffer may be parsed in
    // place (vcf_parse writes into it), so the reader must not read the line afterwards.
    void text_record(char* line, std::size_t length, bool never_held);  // a VCF line, no '\n'
    void bcf_record(bcf1_t* packed, bool never_held);                   // a BCF record as bcf_read gave it
    // A BCF record's bytes (l_shared, l_indiv, shared, indiv) straight from the input block, for
    // a record outside every target gene, when takes_raw_bcf(): never held, copied as they are.
    bool takes_raw_bcf() const { return began_ && binary_out_ && !strip_old_ && preset_.empty(); }
    void bcf_raw(const char* bytes, std::size_t length);

    // settings
    std::string wmode_;
    bool binary_out_{false};
    std::string spill_dir_, output_name_;
    int threads_{0};
    std::set<long> preset_;  // hold_records()

    // the input, and the output header: the input's + rvanno's INFO declarations; its
    // dictionary is fixed at begin(), so spilled BCF records stay valid behind the final header
    std::string input_;
    bool began_{false}, finished_{false}, text_in_{false};
    bool strip_old_{false};  // the input declares RVANNO_* tags: old values are removed everywhere
    hts::Header hdr_;

    // the spill (see annotated_vcf_stream.hpp): unlinked once open; spill_name_ only names it
    // in messages, spill_read_fd_ reads it back
    std::string spill_name_;
    hts::File spill_;                       // BCF or compressed spill
    std::unique_ptr<FdWriter> spill_text_;  // uncompressed VCF spill
    int spill_read_fd_{-1};
    ~Impl();

    // records: the last one is deferred until the next arrives (or finish()), so that hold()
    // can still take it
    long records_{0};
    bool has_deferred_{false};
    std::string deferred_text_;
    hts::Record deferred_rec_{bcf_init()};
    hts::Record work_{bcf_init()};  // a text record parsed for BCF output or stripping
    struct Held {
        long ordinal{0};
        std::int64_t spill_offset{0};  // the spill's records before this one end here
        std::string text;              // text input
        hts::Record rec;               // BCF input
    };
    std::vector<Held> held_;
    // -O z from a bgzipped VCF without threads: the input's blocks are copied (nullptr: off)
    std::unique_ptr<BlockPassthrough> pass_;
    BlockPassthrough::Span deferred_span_;
    long held_at_intake_{0};  // an irregular record the passthrough held itself: hold() is a no-op
    bool pass_record(std::string_view line, bool never_held);  // false: handle it without the passthrough
    void emit_passthrough(std::int64_t upto, bool last);

    std::string where(long record) const { return input_ + ": record " + std::to_string(record); }
    void open_spill();
    // Where the next record starts in the spill: bytes written (counted here), or for a
    // compressed spill the file offset after a BGZF flush, so the held records sit between
    // whole blocks.
    std::int64_t spill_offset();
    std::int64_t spill_bytes_{0};
    // Without threads, a bgzipped output's spill is compressed as it is written, in the output's
    // type and level, and copied block by block at finish(); with threads it stays uncompressed
    // and the output is compressed at finish() by the pool (a flush per held record would wait
    // on the pool).
    bool spill_compressed_{false};
    hts::KString text_;  // a record formatted for the spill
    void flush_deferred();
    void spill_text(char* line, std::size_t length);  // the current text record, as it is or parsed
    [[noreturn]] void spill_write_failed() const;
    void write_spill_record(bcf1_t* r, long ordinal);  // stripped if need be, in the output's format
    void hold_deferred();                              // the deferred record into held_
    void write_spill_bytes(const char* p, std::size_t n);
    // A text record's line parsed into work_ with the output header (the 8 fixed columns and,
    // for BCF output, every name declared), for `at`.
    void parse_text(char* line, std::size_t length, long ordinal);
    void strip_old_values(bcf1_t* r, long ordinal) const;
    void assemble(const std::string& output, const std::vector<AlleleFinding>& findings,
                  const std::vector<std::string>& header_lines);
};

// Writes `n` bytes to an htsFile opened for writing: through its BGZF stream (compressed or
// not), or its plain hFILE (uncompressed VCF). False on error.
bool write_raw(htsFile* fp, const char* p, std::size_t n);

// bcftools output type -> hts_open mode ("z9" -> "wz9"); UsageError for a bad type.
std::string vcf_write_mode(const std::string& type);

}  // namespace rvanno
