// The inputs of one sample, opened and read (private to pipeline/): the small-variant reader,
// the copy-number and SV inputs, the reference FASTA, and what the provenance says about them.
#pragma once
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "io/fasta_reference.hpp"
#include "io/maf_reader.hpp"
#include "io/vcf_reader.hpp"
#include "pipeline/sample.hpp"
#include "rvanno/copy_number.hpp"
#include "rvanno/fusion.hpp"
#include "rvanno/report.hpp"

namespace rvanno::pipeline {

struct Inputs {
    std::unique_ptr<VcfReader> vcf;
    std::unique_ptr<MafReader> maf;  // the small-variant input when it is a MAF (then vcf is null)
    std::vector<CopyNumberInput> cnv;
    std::vector<SvInput> sv;
};

Inputs open_inputs(const SampleInputs& o, const RunSettings& p);
// The sample's VCF/BCF reader; `also_samples`: columns whose FORMAT values are read in the same
// pass (VcfReaderOptions::also_samples, pipeline/shared_pass.hpp).
std::unique_ptr<VcfReader> open_vcf(const SampleInputs& o, const RunSettings& p, std::vector<int> also_samples = {});

// The reference FASTA of one sample: --fasta or RVANNO_FASTA (resolved by the CLI), else the file
// the VCF header's ##reference names ("file://" stripped) when it exists and can be indexed as
// --fasta is (a .fai, or one HTSlib can build). A header-named file that is missing or cannot be
// indexed is no error: no FASTA is used and the provenance says why. Whatever the source, a REF
// that disagrees with it stops the run (wrong build), as for --fasta.
struct FastaChoice {
    std::unique_ptr<FastaReference> reference;
    std::string path, source, note, label;  // label: how the REF-mismatch error names it
};
FastaChoice choose_fasta(const SampleInputs& o, const RunSettings& p, const Inputs& in);

// The genes that skipped fusion-table rows name (SkippedLine::gene: "A,B").
std::set<std::string> genes_of_skipped_sv_rows(const Inputs& in);
// The sample name the outputs carry.
std::string sample_name(const Inputs& in);
// What the tables' skipped malformed lines were, and which inputs gave nothing usable, for the
// provenance (io/table_skips.hpp); the latter also told on stderr.
void note_skipped_lines(const Inputs& in, Provenance& p);
// Fusions were assessed when an SV input gave junctions, or had no records at all.
bool sv_assessed(const Inputs& in);

}  // namespace rvanno::pipeline
