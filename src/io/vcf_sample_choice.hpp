// Which sample column of a VCF is the tumour. A tumour/normal VCF often has the normal first
// (Strelka, VarScan, Mutect, PURPLE), so "the first column" loses findings; the callers' own
// marks are read instead, and a multi-sample file that carries none is refused.
//
// Rules, first that applies (each checked on the file named; README "Input"):
//   1. --sample NAME
//   2. ##tumor_sample=NAME naming a column (GATK Mutect2: test-mutect2.vcf.gz)
//   3. one sample column: that one (freebayes.tiny_chr22.vcf, gpgr...purple.somatic.vcf.gz)
//   4. ##SAMPLE=<ID=..,Genomes=Tumor> / ##PEDIGREE=<Derived=..> (VCF 4.x; bcbio/SnpEff -cancer:
//      test-strelka2, test-mutect2, test-vardict .vcf.gz)
//   5. ##normal_sample=NAME with two columns: the other one (GATK Mutect2)
//   6. MuTect 1 ##MuTect="... tumor_sample_name=NAME ..." (case_A.mutect.vcf)
//   7. two columns named TUMOR and NORMAL (Strelka/Manta: case_A.strelka.*.vcf; VarScan:
//      case_A.varscan.snp.first1000.vcf; vcf2maf's TUMOR/NORMAL convention)
//   8. Hartwig (SAGE/PURPLE/PAVE header): two columns <id>R and <id>T, the T one
//      (COLO829v003T.purple.somatic.vcf.gz)
//   otherwise, several columns: UsageError listing them (exit 2: --sample is needed).
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace rvanno {

// What the header says about its samples (filled by VcfReader from the header lines).
struct SampleMarks {
    std::vector<std::string> samples;                          // column order
    std::string tumor_sample;                                  // ##tumor_sample=
    std::string normal_sample;                                 // ##normal_sample=
    std::string mutect1;                                       // value of ##MuTect= (MuTect 1 command line)
    std::string source;                                        // first ##source=
    bool hartwig{false};                                       // ##sageVersion=, ##purpleVersion= or ##PaveVersion=
    std::vector<std::pair<std::string, std::string>> genomes;  // ##SAMPLE=<ID,Genomes>
    std::vector<std::string> pedigree_derived;                 // ##PEDIGREE=<Derived=>
};

struct SampleChoice {
    int index{-1};     // column index; -1 = sites-only
    std::string name;  // "" = sites-only
    // Which rule chose it, for the provenance; "" for --sample, ##tumor_sample= and a single
    // sample (rvanno's rules before the caller conventions: their outputs are unchanged).
    std::string rule;
};

// Throws UserError when --sample is not a column (as before), UsageError when there are several
// columns and no rule applies.
SampleChoice choose_vcf_sample(const SampleMarks& marks, const std::string& wanted, const std::string& path);

}  // namespace rvanno
