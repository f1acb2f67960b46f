#!/bin/sh
# Regenerates the small depth fixtures of tests/unit/io/depth/depth_provider_test.cpp and
# hotspots_test.cpp (see README.md for what each record is for). Needs bgzip and tabix
# (HTSlib 1.16). Run from anywhere: sh testdata/depth/make.sh
set -eu
cd "$(dirname "$0")"
rm -f ./*.gz ./*.tbi ./*.csi

T="$(printf '\t')"
row() { printf '%s\n' "$*" | sed "s/ /$T/g"; }

# ---- GATK HaplotypeCaller -ERC GVCF style: <NON_REF>, INFO/END, FORMAT MIN_DP; chr names ----
{
cat <<'H'
##fileformat=VCFv4.2
##ALT=<ID=NON_REF,Description="Represents any possible alternative allele not already represented at this location by REF and ALT">
##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">
##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth (reads with MQ=255 or with bad mates are filtered)">
##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype Quality">
##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
##FORMAT=<ID=MIN_DP,Number=1,Type=Integer,Description="Minimum DP observed within the GVCF block">
##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Normalized, Phred-scaled likelihoods for genotypes as defined in the VCF specification">
##INFO=<ID=END,Number=1,Type=Integer,Description="Stop position of the interval">
##contig=<ID=chr2,length=242193529>
##contig=<ID=chr7,length=159345973>
H
row "#CHROM POS ID REF ALT QUAL FILTER INFO FORMAT TUMOR"
row "chr2 29220700 . N <NON_REF> . . END=29220746 GT:DP:GQ:MIN_DP:PL 0/0:210:99:180:0,120,1800"
row "chr2 29220747 . C T,<NON_REF> 300 . . GT:AD:DP:GQ:PL 0/1:100,90,0:190:99:300,0,400,600,700,1300"
row "chr2 29220748 . N <NON_REF> . . END=29220800 GT:DP:GQ:MIN_DP:PL 0/0:260:99:250:0,120,1800"
row "chr2 29222340 . N <NON_REF> . . END=29222347 GT:DP:GQ:MIN_DP:PL 0/0:130:99:120:0,120,1800"
row "chr2 29222400 . N <NON_REF> . . END=29222410 GT:DP:GQ:MIN_DP:PL 0/0:.:0:.:0,0,0"
} > gatk.g.vcf
bgzip -f gatk.g.vcf
tabix -p vcf gatk.g.vcf.gz
cp gatk.g.vcf.gz gatk_noindex.g.vcf.gz

# ---- DeepVariant style: <*>, INFO/END, blocks GT:GQ:MIN_DP:PL; numeric names; CSI index ----
{
cat <<'H'
##fileformat=VCFv4.2
##ALT=<ID=*,Description="Represents any possible alternative allele at this location">
##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Conditional genotype quality">
##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">
##FORMAT=<ID=MIN_DP,Number=1,Type=Integer,Description="Minimum DP observed within the GVCF block.">
##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Read depth for each allele">
##FORMAT=<ID=VAF,Number=A,Type=Float,Description="Variant allele fractions.">
##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Phred-scaled genotype likelihoods rounded to the closest integer">
##INFO=<ID=END,Number=1,Type=Integer,Description="End position (for use with symbolic alleles)">
##contig=<ID=2,length=242193529>
H
row "#CHROM POS ID REF ALT QUAL FILTER INFO FORMAT default"
row "2 29220740 . N <*> 0 . END=29220746 GT:GQ:MIN_DP:PL 0/0:50:75:0,150,1499"
row "2 29220747 . C T,<*> 40.3 PASS . GT:GQ:DP:AD:VAF:PL 0/1:40:64:34,30,0:0.46875,0:40,0,50,990,990,990"
row "2 29220748 . N <*> 0 . END=29220770 GT:GQ:MIN_DP:PL 0/0:50:80:0,150,1499"
} > deepvariant.g.vcf
bgzip -f deepvariant.g.vcf
tabix -C -p vcf deepvariant.g.vcf.gz

# ---- Strelka2 germline genome.vcf style: ALT ".", END + BLOCKAVG, MIN_DP; indels with DPI ----
{
cat <<'H'
##fileformat=VCFv4.1
##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype Quality">
##FORMAT=<ID=GQX,Number=1,Type=Integer,Description="Minimum of {Genotype quality assuming variant position,Genotype quality assuming non-variant position}">
##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Filtered basecall depth used for site genotyping">
##FORMAT=<ID=DPF,Number=1,Type=Integer,Description="Basecalls filtered from input prior to site genotyping">
##FORMAT=<ID=MIN_DP,Number=1,Type=Integer,Description="Minimum depth in the non-variant block (fixture text)">
##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">
##FORMAT=<ID=DPI,Number=1,Type=Integer,Description="Read depth associated with indel, taken from the site preceding the indel">
##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Normalized, Phred-scaled likelihoods for genotypes as defined in the VCF specification">
##INFO=<ID=END,Number=1,Type=Integer,Description="End position of the region described in this record">
##INFO=<ID=BLOCKAVG_min30p3a,Number=0,Type=Flag,Description="Non-variant site block (fixture text)">
##contig=<ID=chr2,length=242193529>
H
row "#CHROM POS ID REF ALT QUAL FILTER INFO FORMAT SAMPLE"
row "chr2 29220700 . N . 0 PASS END=29220746;BLOCKAVG_min30p3a GT:GQX:DP:DPF:MIN_DP 0/0:99:45:0:40"
row "chr2 29220747 . C T 100 PASS . GT:GQ:GQX:DP:DPF:AD:PL 0/1:99:99:38:0:20,18:100,0,200"
row "chr2 29220748 . N . 0 PASS END=29220760;BLOCKAVG_min30p3a GT:GQX:DP:DPF:MIN_DP 0/0:99:50:0:47"
row "chr2 29220761 . NN N 50 PASS . GT:GQ:GQX:DPI:AD:PL 0/1:50:50:33:17,16:50,0,100"
row "chr2 29220763 . N . 0 PASS END=29220770;BLOCKAVG_min30p3a GT:GQX:DP:DPF:MIN_DP 0/0:99:55:0:52"
row "chr2 29220771 . N . 0 PASS . GT:GQX:DP:DPF 0/0:60:57:0"
} > strelka.g.vcf
bgzip -f strelka.g.vcf
tabix -p vcf strelka.g.vcf.gz

# ---- mosdepth <prefix>.per-base.bed.gz with a CSI index, as mosdepth writes it ----
{
row "chr2 0 29220700 0"
row "chr2 29220700 29220744 300"
row "chr2 29220744 29220746 260"
row "chr2 29220746 29220760 240"
row "chr2 29220760 29220800 250"
row "chr2 29222390 29222392 100"
} > sample.per-base.bed
bgzip -f sample.per-base.bed
tabix -C -p bed sample.per-base.bed.gz

# ---- a per-base file that is not bgzipped (refused) ----
row "chr2 29220700 29220800 30" > plain.per-base.bed
