#!/usr/bin/env python3
"""Writes the input.vcf of the end-to-end cases in testdata/cases/annotate/ (run from the repo root).

The ##contig lengths come from ../shared/data/genome/chrom_sizes (UCSC hg38/hg19). The
variant coordinates that matter are verified facts:
  * PTPN1 c.1088+1G>A = GRCh38 chr20:50579927 G>A = GRCh37 20:49196464 (shared/knowledge/CHECKS.md)
  * ALK c.3604G>A (G1202R) = GRCh38 chr2:29220747 C>T = GRCh37 2:29443613 (CHECKS.md, CIViC)
  * ALK c.3586C>A (L1196M) = GRCh38 chr2:29220765 G>T = GRCh37 2:29443631 (CHECKS.md, CGI via fact sheet F015)
  * every_gene (GRCh37): the VCX2 and 1:4999595 REF bases are those of the real GRCh37 reference
    slices in ../shared/data/reference_sequence/grch37/hg19.fa.csv (X:8137522-8138688 holds the
    whole VCX2 CDS; translated on db/transcripts.GRCh37.tsv's NM_016378.3 model it is 139 codons,
    ATG first, one stop last: MSPKPRASGPPAKATEAG...); c.46 and c.42 are counted on that model.
  * GRCh37 KRAS c.34G>T (G12C) 12:25398285 C>A and c.35G>A (G12D) 12:25398284 C>T; NRAS c.181C>A
    (Q61K) 1:115256530 G>T, c.182A>T (Q61L) 1:115256529 T>A, c.182A>G (Q61R) 1:115256529 T>C, and
    c.183A>C (Q61H) 1:115256528 T>G: CIViC's own VCF (../shared/data/civic/2024-08-01_*, its
    HGVSc per record); Q61R and Q61H (T>A) also in TCGA LAML (formats/maf/tcga_laml.maf.gz). NRAS
    c.183A>G at 1:115256528 T>C is the third base of that codon (CAA -> CAG, Gln: synonymous).
  * GRCh37 NF1 p.R1306* 17:29562981 C>T: TCGA LAML (tcga_laml.maf.gz, TCGA-AB-3009,
    Nonsense_Mutation on NM_001042492.2); rvanno computes c.3916C>T on MANE NM_001042492.3.
The annotation header lines are copied from real files: VEP's CSQ Description from
formats/somatic_vcf/gpgr.SEQCII_50pc.purple.somatic.vcf.gz, SnpEff's ANN Description from
testdata/annotation_tags/snpeff_docs_chr22.vcf, bcftools' BCSQ Description from csq.c (as in
tests/unit/io/annotation_tags_test.cpp). The annotation values are written here in those tools'
formats for the facts above (fields rvanno does not read are left empty).
Every other record is synthetic (labelled in its NOTE): its REF base was not checked against a
reference, which is fine because these cases run without --fasta.
"""
import os

SIZES = "../shared/data/genome/chrom_sizes/human.hg{}.genome"
PRIMARY = [f"chr{i}" for i in range(1, 23)] + ["chrX", "chrY"]


def lengths(build):
    out = {}
    for line in open(SIZES.format(build)):
        f = line.split()
        if len(f) >= 2:
            out[f[0]] = int(f[1])
    return out


def header(build, style, samples, extra=()):
    d = lengths(38 if build == 38 else 19)
    lines = [
        "##fileformat=VCFv4.2",
        '##FILTER=<ID=PASS,Description="All filters passed">',
        '##FILTER=<ID=weak_evidence,Description="Mutation does not meet likelihood threshold">',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">',
        '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth">',
        '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fractions of alternate alleles in the tumor">',
        '##INFO=<ID=NOTE,Number=1,Type=String,Description="Why this record is in the test case">',
    ]
    lines += list(extra)
    for c in PRIMARY:
        lines.append(f"##contig=<ID={c if style == 'chr' else c[3:]},length={d[c]}>")
    lines.append("##reference=" + ("file:///ref/GRCh38.fa" if build == 38 else "file:///ref/human_g1k_v37.fasta"))
    if "TUMOR" in samples:
        lines.append("##tumor_sample=TUMOR")
    lines.append("\t".join(["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT"] + samples))
    return "\n".join(lines) + "\n"


def rec(chrom, pos, ref, alt, filt, note, values, info_extra=""):
    info = "NOTE=" + note + (";" + info_extra if info_extra else "")
    return "\t".join([chrom, str(pos), ".", ref, alt, ".", filt, info, "GT:AD:DP:AF"] + values) + "\n"


def write(case, text):
    os.makedirs(f"testdata/cases/annotate/{case}", exist_ok=True)
    with open(f"testdata/cases/annotate/{case}/input.vcf", "w") as f:
        f.write(text)


TN = ["NORMAL", "TUMOR"]
index38 = [
    rec("chr1", 1014143, "C", "T", "PASS", "synthetic_outside_every_knowledge_base_gene", ["0/0:40,0:40:0", "0/1:30,12:42:0.286"]),
    rec("chr2", 29220747, "C", "T", "weak_evidence", "ALK_c.3604G>A_G1202R_FILTERed", ["0/0:50,0:50:0", "0/1:60,3:63:0.048"]),
    rec("chr20", 50579927, "G", "A", "PASS", "PTPN1_c.1088+1G>A_index_case", ["0/0:35,0:35:0", "0/1:21,19:40:0.475"]),
]
index37 = [
    rec("1", 949523, "C", "T", "PASS", "synthetic_outside_every_knowledge_base_gene", ["0/0:40,0:40:0", "0/1:30,12:42:0.286"]),
    rec("2", 29443613, "C", "T", "weak_evidence", "ALK_c.3604G>A_G1202R_FILTERed", ["0/0:50,0:50:0", "0/1:60,3:63:0.048"]),
    rec("20", 49196464, "G", "A", "PASS", "PTPN1_c.1088+1G>A_index_case", ["0/0:35,0:35:0", "0/1:21,19:40:0.475"]),
]
write("index_case", header(38, "chr", TN) + "".join(index38))
write("index_case_grch37", header(37, "num", TN) + "".join(index37))
write("index_case_include_filtered", header(38, "chr", TN) + "".join(index38))
write("wrong_build", header(37, "num", TN) + "".join(index37))

compound = [
    rec("chr2", 29220747, "C", "T,A", "PASS", "ALT1_c.3604G>A_G1202R|ALT2_c.3604G>T_no_knowledge_row", ["0/1:50,30,4:84:0.357,0.048"]),
    rec("chr2", 29220765, "G", "T", "PASS", "ALK_c.3586C>A_L1196M", ["0/1:40,20:60:0.333"]),
    rec("chr2", 29220790, "C", "*", "PASS", "synthetic_star_allele_skipped", ["0/1:40,20:60:0.333"]),
    rec("chr2", 29220800, "C", "<DEL>", "PASS", "synthetic_symbolic_allele_skipped", ["0/1:40,20:60:0.333"]),
]
write("alk_compound", header(38, "chr", ["SAMPLE1"]) + "".join(compound))

# VEP written into a tag called ANN: the reader must go by the header's Format, not the name.
vep = ('##INFO=<ID=ANN,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. '
       'Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp">')
ann = ("ANN=G|missense_variant|MODERATE|ALK|ENSG00000171094|Transcript|ENST00000389048.8|protein_coding|23/29||"
       "ENST00000389048.8:c.3604G>C|ENSP00000373700.3:p.Gly1202Arg")
write("vep_in_ann_tag", header(38, "chr", ["TUMOR"], [vep]) +
      rec("chr2", 29220747, "C", "G", "PASS", "ALK_c.3604G>C_also_G1202R_protein_from_VEP", ["0/1:50,30:80:0.375"], ann))

bad = header(38, "chr", ["TUMOR"]) + rec("chr2", 29220747, "C", "T", "PASS", "fine", ["0/1:50,30:80:0.375"])
bad += "chr2\t29x20765\t.\tG\tT\t.\tPASS\tNOTE=bad_pos\tGT:AD:DP:AF\t0/1:40,20:60:0.333\n"
write("malformed_pos", bad)

# ---- Consequence without a FASTA (issue 8): classes from VEP, SnpEff and bcftools csq ----
VEP_FIELDS = ("Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|"
              "cDNA_position|CDS_position|Protein_position|Amino_acids|Codons|Existing_variation|ALLELE_NUM|"
              "DISTANCE|STRAND|FLAGS|PICK|VARIANT_CLASS|SYMBOL_SOURCE|HGNC_ID|CANONICAL|APPRIS|CCDS|ENSP|"
              "SWISSPROT|TREMBL|UNIPARC|RefSeq|DOMAINS|HGVS_OFFSET|AF|AFR_AF|AMR_AF|EAS_AF|EUR_AF|SAS_AF|"
              "gnomAD_AF|gnomAD_AFR_AF|gnomAD_AMR_AF|gnomAD_ASJ_AF|gnomAD_EAS_AF|gnomAD_FIN_AF|gnomAD_NFE_AF|"
              "gnomAD_OTH_AF|gnomAD_SAS_AF|CLIN_SIG|SOMATIC|PHENO|CHECK_REF")
VEP_CSQ = ('##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. '
           'Format: ' + VEP_FIELDS + '">')


def vep_entry(allele, consequence, impact, symbol, feature, hgvsc, hgvsp, strand):
    """One VEP CSQ entry with the fields rvanno reads (and STRAND) filled, the others empty."""
    names = VEP_FIELDS.split("|")
    values = dict(Allele=allele, Consequence=consequence, IMPACT=impact, SYMBOL=symbol, Feature_type="Transcript",
                  Feature=feature, BIOTYPE="protein_coding", HGVSc=hgvsc, HGVSp=hgvsp, STRAND=strand)
    return "|".join(values.get(n, "") for n in names)


SNPEFF_ANN = ("##INFO=<ID=ANN,Number=.,Type=String,Description=\"Functional annotations: 'Allele | Annotation | "
              "Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | "
              "HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | "
              "ERRORS / WARNINGS / INFO' \">")
BCSQ = ("##INFO=<ID=BCSQ,Number=.,Type=String,Description=\"Haplotype-aware consequence annotation from "
        "BCFtools/csq. Format: '[*]consequence|gene|transcript|biotype[|strand|amino_acid_change|dna_change]' or, "
        "for consequences of variants split across multiple sites, a pointer to the record storing the "
        "consequences '@position'. '*' prefix indicates a consequence downstream from a stop \">")

kras = [
    rec("12", 25398285, "C", "A", "PASS", "KRAS_c.34G>T_G12C_VEP_missense_on_MANE_and_KRAS4A", ["0/1:60,20:80:0.25"],
        "CSQ=" + vep_entry("A", "missense_variant", "MODERATE", "KRAS", "ENST00000311936", "ENST00000311936.3:c.34G>T",
                           "p.Gly12Cys", "-1") + "," +
        vep_entry("A", "missense_variant", "MODERATE", "KRAS", "ENST00000256078", "ENST00000256078.4:c.34G>T",
                  "p.Gly12Cys", "-1")),
    rec("12", 25398284, "C", "T", "PASS", "KRAS_c.35G>A_G12D_VEP_on_KRAS4A_only", ["0/1:70,10:80:0.125"],
        "CSQ=" + vep_entry("T", "missense_variant", "MODERATE", "KRAS", "ENST00000256078", "ENST00000256078.4:c.35G>A",
                           "p.Gly12Asp", "-1")),
]
write("kras_g12c_vep_csq", header(37, "num", ["TUMOR"], [VEP_CSQ]) + "".join(kras))

nras_syn = [
    rec("1", 115256528, "T", "C", "PASS", "NRAS_c.183A>G_Q61=_VEP_synonymous", ["0/1:40,20:60:0.333"],
        "CSQ=" + vep_entry("C", "synonymous_variant", "LOW", "NRAS", "ENST00000369535", "ENST00000369535.4:c.183A>G",
                           "p.Gln61%3D", "-1")),
]
write("nras_q61_synonymous_vep", header(37, "num", ["TUMOR"], [VEP_CSQ]) + "".join(nras_syn))

nras_bcsq = [
    rec("1", 115256529, "T", "A,C", "PASS", "NRAS_c.182A>T_Q61L|c.182A>G_Q61R_one_BCSQ_entry_per_ALT",
        ["1/2:10,30,20:60:0.5,0.333"],
        "BCSQ=missense|NRAS|ENST00000369535|protein_coding|-|61Q>61L|115256529T>A,"
        "missense|NRAS|ENST00000369535|protein_coding|-|61Q>61R|115256529T>C"),
]
write("bcsq_missense", header(37, "num", ["TUMOR"], [BCSQ]) + "".join(nras_bcsq))

nf1 = [
    rec("17", 29562981, "C", "T", "PASS", "NF1_R1306*_SnpEff_stop_gained", ["0/1:20,80:100:0.8"],
        "ANN=T|stop_gained|HIGH|NF1|NF1|transcript|NM_001042492.3|protein_coding||c.3916C>T|p.Arg1306*|||||"),
]
write("snpeff_stop_gained_lof", header(37, "num", ["TUMOR"], [SNPEFF_ANN]) + "".join(nf1))

# c.183A>T (Q61H: CAA -> CAT), one base 3' of c.182 on the minus strand (1:115256528 T>A): an
# allele no knowledge row lists as a c. change (the CIViC layer lists Q61H as c.183A>C and Q61R as
# c.182A>G, which would give the class), so its amino acid stays unknown without --fasta.
nras_unknown = [
    rec("1", 115256528, "T", "A", "PASS", "NRAS_c.183A>T_Q61H_no_annotation_no_fasta", ["0/1:50,10:60:0.167"]),
]
write("codon_amino_acid_unknown", header(37, "num", ["TUMOR"]) + "".join(nras_unknown))
# Issue 8, every gene examined (GRCh37): a knowledge-base match, a missense allele in VCX2 (a
# gene of the transcript model without knowledge rows), a synonymous and an intronic VCX2 allele
# (examined, counted, not listed) and a record outside every model gene. VCX2 is on the minus
# strand: c.46G>A (codon 16 GAG>AAG, E16K) is X:8138639 C>T; c.42C>T (codon 14 GCC>GCT, A14=) is
# X:8138643 G>A; X:8138480 lies 90 bp into intron 2. Without --fasta rvanno cannot tell that
# c.42C>T is synonymous: the record carries a VEP-style CSQ saying so (written here from the
# translation above, on the MANE Ensembl transcript ENST00000317103.5).
csq = ('##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. '
       'Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp">')
syn = ("CSQ=A|synonymous_variant|LOW|VCX2|ENSG00000177504|Transcript|ENST00000317103.5|protein_coding|2/3||"
       "ENST00000317103.5:c.42C>T|ENSP00000321309.4:p.Ala14%3D")
every = [
    rec("1", 4999595, "T", "C", "PASS", "outside_every_model_gene_real_REF", ["0/1:30,12:42:0.286"]),
    rec("2", 29443613, "C", "T", "PASS", "ALK_c.3604G>A_G1202R_knowledge_base_match", ["0/1:60,30:90:0.333"]),
    rec("X", 8138480, "G", "A", "PASS", "VCX2_intron_2_counted_not_listed", ["0/1:40,20:60:0.333"]),
    rec("X", 8138639, "C", "T", "PASS", "VCX2_c.46G>A_E16K_no_knowledge", ["0/1:50,25:75:0.333"]),
    rec("X", 8138643, "G", "A", "PASS", "VCX2_c.42C>T_A14_synonymous_counted_not_listed", ["0/1:44,22:66:0.333"], syn),
]
write("every_gene", header(37, "num", ["TUMOR"], [csq]) + "".join(every))

# ---- Issue 9 part 4 (curated ALK/EGFR rows): coordinates checked two ways - rvanno prints the c. and
# protein change on the MANE models of db/transcripts.GRCh38.tsv (ALK c.3522C>A F1174L, c.3586C>A L1196M,
# c.3604G>A G1202R; EGFR c.2170G>A G724S), and each lies at CIViC's own GRCh37 VCF position
# (01-Aug-2024-civic_accepted.vcf.gz: ALK 2:29443695 G>T F1174L, 2:29443631 L1196M, 2:29443613 G1202R;
# EGFR 7:55241722 G>A G724S) shifted by the gene's constant GRCh37->GRCh38 offset (ALK -222866, EGFR -67693).
write("alk_l1196m_fusion", header(38, "chr", ["TUMOR"]) +
      rec("chr2", 29220765, "G", "T", "PASS", "ALK_c.3586C>A_L1196M", ["0/1:40,20:60:0.333"]))
write("alk_g1202r_l1196m_verdicts", header(38, "chr", ["TUMOR"]) +
      rec("chr2", 29220747, "C", "T", "PASS", "ALK_c.3604G>A_G1202R", ["0/1:50,30:80:0.375"]) +
      rec("chr2", 29220765, "G", "T", "PASS", "ALK_c.3586C>A_L1196M", ["0/1:40,20:60:0.333"]))
write("alk_f1174l_g1202r_lorlatinib", header(38, "chr", ["TUMOR"]) +
      rec("chr2", 29220747, "C", "T", "PASS", "ALK_c.3604G>A_G1202R", ["0/1:50,30:80:0.375"]) +
      rec("chr2", 29220829, "G", "T", "PASS", "ALK_c.3522C>A_F1174L", ["0/1:45,25:70:0.357"]))
write("egfr_g724s_osimertinib", header(38, "chr", ["TUMOR"]) +
      rec("chr7", 55174029, "G", "A", "PASS", "EGFR_c.2170G>A_G724S", ["0/1:60,30:90:0.333"]))
