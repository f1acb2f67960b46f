// VcfReader's state, shared by its three source files (private to src/io): vcf_reader.cpp (the
// header, the FILTER rule and the VariantRecord fill), vcf_reader_text.cpp (raw VCF lines) and
// vcf_reader_binary.cpp (BCF records).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/target_index.hpp"
#include "io/annotated_vcf_stream_impl.hpp"
#include "io/hts.hpp"
#include "io/vcf_raw_line.hpp"
#include "io/vcf_reader.hpp"
#include "io/vcf_record_check.hpp"
#include "io/vcf_region_cursor.hpp"
#include "io/vcf_sample_choice.hpp"
#include "io/vcf_sample_values.hpp"

namespace rvanno {

using Intervals = std::vector<std::pair<std::int64_t, std::int64_t>>;

struct VcfReader::Impl {
    std::string path;
    VcfReaderOptions options;
    hts::File fp;
    hts::Header hdr;
    hts::Record rec{bcf_init()};
    std::unique_ptr<RegionCursor> cursor;  // -r/-R; declared after fp, so destroyed before it
    long indexed_total{-1};                // reading the targets through the index: the file's records
    hts::KString line;
    bool is_text{false};
    VcfHeaderSummary summary;
    SampleMarks marks;
    ReaderCounters counters;
    TargetIndex targets;
    int sample_index{-1};             // the chosen sample's column in the header
    std::map<int, int> also_columns;  // also_samples: header column -> column of a parsed record
    int sample_column{-1};            // ... and among the columns a parsed record holds (keep_sample_columns)
    FormatIds format_ids;             // resolved once per header
    // INFO: the keys a text line keeps (vcf_raw_line.hpp) and the annotation tags' header ids
    // (-1: not a String, so bcf_get_info_string would give nothing).
    std::vector<std::string> info_keys;
    std::vector<int> annotation_ids;
    // text path: cache of the last CHROM seen
    std::string last_chrom;
    const Intervals* last_iv{nullptr};
    // binary path: target intervals per header rid (grows if the header gains contigs)
    std::vector<const Intervals*> iv_by_rid;
    SampleValueBuffers sample_buffers;
    int fill_rid{-1};  // fill(): the last record's contig and its names
    std::string fill_contig_name, fill_contig;
    std::string duplicate_alleles;  // reused key of the duplicate test
    DuplicateRecords duplicates;
    RecordSkips skips{false};
    AnnotatedVcfStream::Impl* stream{nullptr};  // VcfReaderOptions::vcf_stream

    // Reading through the index, the ordinal counts the records of the gene regions only.
    std::string where(long record) const {
        return path + ": record " + std::to_string(record) + (indexed_total >= 0 ? " of the gene regions read" : "");
    }
    void read_header_summary();
    void choose_sample();
    void resolve_tags();
    bool next_candidate_text();
    bool lines_from_block{false};  // a BGZF/gzip text VCF: line_from_block may read its lines
    int line_from_block();
    bool parse_text_candidate(std::int64_t pos, const FixedColumns& columns);
    void skip_invalid(std::string_view chrom, std::int64_t pos, const std::string& problem);
    bool is_duplicate();
    bool is_duplicate(std::string_view chrom, std::int64_t pos, std::string_view alleles);
    bool next_candidate_binary();
    bool skip_outside_record();
    std::vector<char> skip_buffer;  // records that run past their block are skipped through it
    const Intervals* intervals_for_rid(int rid);
    void check_stream_intact() const;
    void fill(VariantRecord& out);
    void read_targets_through_index();
    void count_unread_records();
};

}  // namespace rvanno
