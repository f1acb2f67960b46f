// BlockPassthrough: the input's BGZF blocks copied to the annotated VCF (rules in
// annotated_vcf_passthrough.hpp).
#include "io/annotated_vcf_passthrough.hpp"

#include <algorithm>
#include <cstring>

#include <htslib/hfile.h>
#include "rvanno/error.hpp"

namespace rvanno {

std::unique_ptr<BlockPassthrough> BlockPassthrough::start(BGZF* in) {
    if (!in || in->is_write || !in->is_compressed || in->is_gzip || in->mt || in->cache_size > 0 ||
        !in->compressed_block || !in->uncompressed_block)
        return nullptr;
    auto p = std::unique_ptr<BlockPassthrough>(new BlockPassthrough());
    p->in_ = in;
    p->next_address_ = in->block_address;
    if (in->block_length > 0) {  // the header ended inside this block: the body starts in it
        if (!p->capture(false)) return nullptr;
        p->last_end_ = p->emitted_to_ = in->block_offset;
    }
    return p;
}

// The block in the reader's buffers, when it is the next one in the file and its BGZF header
// and trailer agree with the reader: its current block (`consumed` false), or the block the
// last line ended with, whose buffers HTSlib keeps until it loads the next (`consumed` true:
// the reader's block_address is then already the next block's).
bool BlockPassthrough::capture(bool consumed) {
    const BGZF* in = in_;
    const auto* c = static_cast<const unsigned char*>(in->compressed_block);
    if (c[0] != 31 || c[1] != 139 || c[2] != 8 || !(c[3] & 4) || c[12] != 'B' || c[13] != 'C') return false;
    const int csize = (c[16] | (c[17] << 8)) + 1;
    if (csize < 26) return false;
    const std::uint32_t isize =
        static_cast<std::uint32_t>(c[csize - 4]) | (static_cast<std::uint32_t>(c[csize - 3]) << 8) |
        (static_cast<std::uint32_t>(c[csize - 2]) << 16) | (static_cast<std::uint32_t>(c[csize - 1]) << 24);
    const std::int64_t address = consumed ? next_address_ : in->block_address;
    if (address != next_address_ || isize == 0 || isize > 65536) return false;
    if (consumed ? in->block_address != next_address_ + csize
                 : isize != static_cast<std::uint32_t>(in->block_length) ||
                       (in->block_clength > 0 && in->block_clength != csize))
        return false;
    Block b;
    b.compressed.assign(reinterpret_cast<const char*>(c), static_cast<std::size_t>(csize));
    b.plain.assign(static_cast<const char*>(in->uncompressed_block), isize);
    b.u0 = covered_to_;
    current_address_ = address;
    current_u0_ = covered_to_;
    covered_to_ += isize;
    next_address_ = address + csize;
    pending_.push_back(std::move(b));
    return true;
}

BlockPassthrough::Step BlockPassthrough::record(std::size_t length, Span& span) {
    const BGZF* in = in_;
    std::int64_t e = 0;
    if (in->block_length > 0) {
        if (in->block_address != current_address_ && !capture(false)) return Step::stop;
        e = current_u0_ + in->block_offset;
    } else {  // the line ended with its block; the reader has not loaded the next one
        if (in->block_address != next_address_ && !capture(true)) return Step::stop;
        e = covered_to_;
    }
    span = {last_end_, e};
    last_end_ = e;
    return e - span.s == static_cast<std::int64_t>(length) + 1 ? Step::regular : Step::irregular;
}

void BlockPassthrough::emit(std::int64_t upto, bool tail, BGZF* spill, const std::string& spill_name,
                            const AtSpan& at_span) {
    while (!pending_.empty()) {
        const Block& b = pending_.front();
        const std::int64_t u1 = b.u0 + static_cast<std::int64_t>(b.plain.size());
        if (!tail && u1 > upto) break;
        emit_block(b, tail ? std::min(u1, upto) : u1, spill, spill_name, at_span);
        pending_.pop_front();
    }
}

void BlockPassthrough::emit_block(const Block& b, std::int64_t end, BGZF* spill, const std::string& spill_name,
                                  const AtSpan& at_span) {
    auto fail = [&] {
        throw UserError("error while writing the temporary file '" + spill_name + "'", "is the disk full?");
    };
    const std::int64_t u1 = b.u0 + static_cast<std::int64_t>(b.plain.size());
    std::int64_t p = std::max(b.u0, emitted_to_);
    if (p >= end) return;
    if (p == b.u0 && end == u1 && (spans_.empty() || spans_.front().span.s >= u1)) {  // the block as it is
        if (bgzf_flush(spill) < 0 ||
            hwrite(spill->fp, b.compressed.data(), b.compressed.size()) != static_cast<ssize_t>(b.compressed.size()))
            fail();
        emitted_to_ = u1;
        return;
    }
    while (p < end) {
        std::int64_t stop = end;
        if (!spans_.empty() && spans_.front().span.s < end) stop = spans_.front().span.s;
        if (stop < p) throw UserError("internal error: overlapping records in the annotated VCF's passthrough");
        if (stop > p && bgzf_write(spill, b.plain.data() + (p - b.u0), static_cast<std::size_t>(stop - p)) != stop - p)
            fail();
        p = stop;
        if (p == end) break;
        const HeldSpan h = spans_.front();  // a held record starts here: it is written at finish()
        spans_.pop_front();
        if (bgzf_flush(spill) < 0) fail();
        at_span(h.index, static_cast<std::int64_t>(htell(spill->fp)));
        p = h.span.e;
    }
    emitted_to_ = std::max(emitted_to_, p);
}

}  // namespace rvanno
