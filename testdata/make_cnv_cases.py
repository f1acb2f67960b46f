#!/usr/bin/env python3
"""Writes the copy-number inputs of testdata/cases/annotate/index_case_cnv* (run from the repo root).

The index case (Cochin et al. 2025) reports focal ALK, CCND1 and PPM1D amplification; the paper's
copy numbers are not used here. The segments are ILLUSTRATIVE: each amplified segment spans the
gene's MANE transcript (db/transcripts.GRCh38.tsv) plus 500 kb on either side, at CN 8 (ALK),
10 (CCND1) and 7 (PPM1D); everything else on the chromosomes that hold knowledge-base genes is
CN 2. Chromosome lengths: ../shared/data/genome/chrom_sizes/human.hg38.genome.
The same segments are written as CNVkit .cns (0-based starts, log2 = log2(CN/2)) and as a CNV
VCF (<DUP>/<CNV> records, 1-based POS = padding base, END inclusive, FORMAT CN).
"""
import math

AMPLIFIED = {"ALK": 8, "CCND1": 10, "PPM1D": 7}
PAD = 500_000


def transcripts():
    out = {}
    for line in open("db/transcripts.GRCh38.tsv"):
        if line.startswith("#") or line.startswith("gene\t"):
            continue
        f = line.rstrip("\n").split("\t")
        out[f[0]] = (f[3], int(f[5]), int(f[6]))
    return out


def sizes():
    d = {}
    for line in open("../shared/data/genome/chrom_sizes/human.hg38.genome"):
        f = line.split()
        if len(f) >= 2:
            d[f[0]] = int(f[1])
    return d


def segments():
    tx, size = transcripts(), sizes()
    contigs = sorted({c for c, _, _ in tx.values()}, key=lambda c: (len(c), c))
    out = []
    for c in contigs:
        amps = sorted((tx[g][1] - PAD, tx[g][2] + PAD, cn, g) for g, cn in AMPLIFIED.items() if tx[g][0] == c)
        pos, end = 0, size["chr" + c]
        for b, e, cn, g in amps:
            out.append((c, pos, b, 2, ""))
            out.append((c, b, e, cn, g))
            pos = e
        out.append((c, pos, end, 2, ""))
    return out


def main():
    segs = segments()
    with open("testdata/cases/annotate/index_case_cnv/tumour.cns", "w") as f:
        f.write("chromosome\tstart\tend\tgene\tlog2\tdepth\tprobes\tweight\n")
        for c, b, e, cn, g in segs:
            f.write(f"chr{c}\t{b}\t{e}\t{g or '-'}\t{math.log2(cn / 2):.6f}\t100\t50\t40\n")
    vcf = ["##fileformat=VCFv4.2",
           '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="Type of structural variant">',
           '##INFO=<ID=END,Number=1,Type=Integer,Description="End position of the variant described in this record">',
           '##INFO=<ID=SVLEN,Number=.,Type=Integer,Description="Difference in length between REF and ALT alleles">',
           '##ALT=<ID=DUP,Description="Duplication">', '##ALT=<ID=CNV,Description="Copy number variable region">',
           '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
           '##FORMAT=<ID=CN,Number=1,Type=Float,Description="Copy number">']
    for line in open("../shared/data/genome/chrom_sizes/human.hg38.genome"):
        f = line.split()
        if len(f) >= 2 and f[0] in {f"chr{i}" for i in list(range(1, 23)) + ["X", "Y"]}:
            vcf.append(f"##contig=<ID={f[0]},length={f[1]}>")
    vcf.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR")
    for c, b, e, cn, g in segs:
        pos = max(b, 1)  # padding base (1-based) = the base before the segment's first base
        alt = "<DUP>" if cn > 2 else "<CNV>"
        svtype = "DUP" if cn > 2 else "CNV"
        vcf.append(f"chr{c}\t{pos}\t.\tN\t{alt}\t.\tPASS\tSVTYPE={svtype};END={e};SVLEN={e - b}\tGT:CN\t./.:{cn}")
    open("testdata/cases/annotate/index_case_cnv_vcf/tumour.cnv.vcf", "w").write("\n".join(vcf) + "\n")


if __name__ == "__main__":
    main()
