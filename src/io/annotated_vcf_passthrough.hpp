// Block passthrough for the annotated VCF (private to src/io): a bgzipped VCF written as a
// bgzipped VCF (`-O z`, default level, no threads) reuses the input's compressed BGZF blocks
// instead of compressing every record again. bcftools concat --naive does the same for whole
// files; here a block is copied only when every record in it passes through unchanged.
//
// The rules:
//   - Positions are offsets in the input's decompressed stream. A record spans [s, e): from the
//     end of the previous record to the end of its own newline. The body starts after the
//     header; the header is written anew in front (annotated_vcf_finish.cpp).
//   - Each block the reader loads is captured (its compressed bytes and its decompressed bytes)
//     when the record read from it is handed over (HTSlib keeps a block's buffers until it loads
//     the next, also when the line ended with the block). A block is captured only when it is
//     the one that follows the last captured block in the file and its BGZF header and trailer
//     agree with the reader; otherwise (a line that spans three blocks, so one was loaded and
//     left between two records) the passthrough stops at the start of that record, and the rest
//     is written record by record as without it.
//   - A held record (its tags are decided at the end) or an irregular one (its span is not its
//     line plus one newline: a "\r\n", empty lines before it) takes its span out of the copied
//     bytes; it is written at finish() from its line, as without the passthrough, at the spill
//     offset noted where its span starts.
//   - A block goes to the spill when every record that touches it was decided: as it is when no
//     held span touches it and it lies wholly in the body; else its decompressed bytes outside
//     the held spans, compressed again. Bytes after the last record (empty lines) are dropped.
// So the decompressed output is byte for byte what the record-by-record path writes.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "io/hts.hpp"

namespace rvanno {

class BlockPassthrough {
public:
    // `in`: the reader's BGZF stream, just past the header. nullptr when it is not a
    // single-threaded BGZF stream.
    static std::unique_ptr<BlockPassthrough> start(BGZF* in);

    struct Span {
        std::int64_t s{0}, e{0};
    };
    enum class Step { regular, irregular, stop };
    // After the reader read one record's line (`length` bytes, no newline): captures a block it
    // loaded and gives the record's span. `stop`: the passthrough cannot go on; the record
    // starts at last_end().
    Step record(std::size_t length, Span& span);
    std::int64_t last_end() const { return last_end_; }

    // The record with `span` is held; `index` numbers it among the held records.
    void hold(const Span& span, std::size_t index) { spans_.push_back({span, index}); }

    // Writes the captured blocks that end at or before `upto` to `spill`; `at_span(index,
    // offset)` tells where each held span starts in the spill. `tail`: `upto` is the end of the
    // body (or where the passthrough stops): everything after it is dropped and every block
    // written. Throws UserError when the spill cannot be written.
    using AtSpan = std::function<void(std::size_t, std::int64_t)>;
    void emit(std::int64_t upto, bool tail, BGZF* spill, const std::string& spill_name, const AtSpan& at_span);

private:
    struct Block {
        std::string compressed, plain;
        std::int64_t u0{0};
    };
    struct HeldSpan {
        Span span;
        std::size_t index;
    };
    BGZF* in_{nullptr};
    std::deque<Block> pending_;
    std::deque<HeldSpan> spans_;
    std::int64_t covered_to_{0};        // decompressed end of the last captured block
    std::int64_t next_address_{0};      // file offset where the next block must start
    std::int64_t current_address_{-1};  // file offset of the last captured block
    std::int64_t current_u0_{0};
    std::int64_t last_end_{0};    // end of the last record (the body's start before the first)
    std::int64_t emitted_to_{0};  // the spill holds the body up to here
    bool capture(bool consumed);
    void emit_block(const Block& b, std::int64_t end, BGZF* spill, const std::string& spill_name,
                    const AtSpan& at_span);
};

}  // namespace rvanno
