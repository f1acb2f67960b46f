// Annotated VCF/BCF output of findings computed earlier: the input is read once more, through
// VcfReader with no target genes, and every record goes to an AnnotatedVcfStream that holds the
// records of the findings (see vcf_writer.hpp). `annotate --output-vcf` uses the stream in its
// one pass instead (annotated_vcf_stream.hpp).
#include "io/vcf_writer.hpp"

#include <filesystem>
#include <set>
#include <string_view>

#include "base/target_index.hpp"
#include "io/annotated_vcf_stream.hpp"
#include "io/vcf_reader.hpp"
#include "rvanno/error.hpp"

namespace rvanno {

bool is_vcf_output_type(const std::string& type) {
    if (type.empty() || type.size() > 2 || std::string_view("vzbu").find(type[0]) == std::string_view::npos)
        return false;
    return type.size() == 1 || ((type[0] == 'z' || type[0] == 'b') && type[1] >= '0' && type[1] <= '9');
}

void write_annotated_vcf(const std::string& input, const std::string& output, const std::string& type,
                         const std::vector<AlleleFinding>& findings, const std::vector<std::string>& header_lines,
                         int threads, const VcfRegions& regions) {
    AnnotatedVcfStream stream(type, output, threads);  // a bad type is refused first
    if (input != "-" && output != "-" && std::filesystem::exists(output)) {
        std::error_code ec;
        if (std::filesystem::equivalent(input, output, ec))
            throw UserError("--output-vcf '" + output + "' is the input file", "write the VCF to another path");
    }
    std::set<long> records;
    for (const auto& f : findings)
        if (!f.matches.empty()) records.insert(f.record_number);
    stream.hold_records(std::move(records));
    VcfReaderOptions options;
    options.choose_sample = false;
    options.regions = regions;
    options.threads = threads;
    options.vcf_stream = &stream;
    VcfReader reader(input, options);
    reader.set_targets(TargetIndex{});  // no record is parsed: every one goes to the stream
    VariantRecord rec;
    while (reader.next(rec)) {}
    stream.finish(output, findings, header_lines);
}

void write_annotated_vcf(const std::string& input, const std::string& output, char mode,
                         const std::vector<AlleleFinding>& findings, const std::vector<std::string>& header_lines,
                         int threads) {
    write_annotated_vcf(input, output, std::string(1, mode), findings, header_lines, threads, VcfRegions{});
}

}  // namespace rvanno
