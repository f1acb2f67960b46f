// The annotated VCF/BCF (`annotate --output-vcf`, `-f vcf`) written in the same pass that reads
// the input: VcfReader hands every data record to the stream, in input order, before it looks
// at it (VcfReaderOptions::vcf_stream). The tags and their layout are in vcf_writer.hpp.
//
// Why a spill file. The output's header carries the run's provenance, and that has counts
// known only at the end of the run, so the header is written last, in front of the records.
// The records go to a spill file as they stream past, uncompressed and already in the output's
// format (VCF lines, or BCF records in the header's dictionary); at finish() the header is
// written, then the spill copied behind it, compressed on the way. The spill needs about the
// uncompressed size of the records. It is unlinked as soon as it is created, so it is gone
// however the run ends (even killed).
//
// Which records wait. A record's RVANNO_* values come from the findings with matches, and
// those are only final at the end (a compound row matches once its partner was seen, in any
// gene). So every record from which the small-variant step kept an allele is held back in
// memory (hold(), called after VcfReader::next gave it): each is written at finish(), at its
// place, with the values of the report's findings. Every other record is in the spill already.
// Kept alleles are bounded by the findings and --max-listed (pipeline/allele_keeping.hpp), so
// memory is too. A finding with matches whose record was not held is an internal error, not a
// record written without its tags.
#pragma once
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "rvanno/report.hpp"

namespace rvanno {

class AnnotatedVcfStream {
public:
    // `type`: a bcftools output type (v, z, b, u; z and b may carry a level digit); a bad one is
    // a UsageError now. `output`: the output as the user named it (messages, and the spill goes
    // beside the file it replaces; for "-" or a device, in $TMPDIR, else /tmp). `threads` > 0:
    // BGZF compression threads for the output.
    AnnotatedVcfStream(const std::string& type, const std::string& output, int threads);
    ~AnnotatedVcfStream();
    AnnotatedVcfStream(const AnnotatedVcfStream&) = delete;
    AnnotatedVcfStream& operator=(const AnnotatedVcfStream&) = delete;

    // The record VcfReader::next just gave is written at finish(), with its findings' values.
    void hold();
    // Without a pipeline to call hold() (write_annotated_vcf): the records with these
    // 1-based ordinals are held.
    void hold_records(std::set<long> ordinals);
    // Writes `output` (a path, or "-" for standard output) whole or not at all (a temporary
    // file renamed at the end). `findings`: the report's; their record_number is the ordinal
    // of their record among those VcfReader read. `header_lines` ("##key=value") follow the
    // input's header lines and rvanno's INFO declarations. Call once, after the last record.
    void finish(const std::string& output, const std::vector<AlleleFinding>& findings,
                const std::vector<std::string>& header_lines);

    struct Impl;  // io/annotated_vcf_stream_impl.hpp: what VcfReader calls
    Impl& impl() { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace rvanno
