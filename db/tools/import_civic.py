#!/usr/bin/env python3
"""Import CIViC predictive evidence into db/civic/ (a GENERATED layer under the curated rows).

Python 3 standard library only, offline, deterministic (re-running on the same inputs writes
byte-identical files; no dates, no hash-order dependence). See db/tools/README.md.

Reads the CIViC monthly release (ClinicalEvidenceSummaries, MolecularProfileSummaries,
VariantSummaries, AssertionSummaries) and writes, into --out (default db/civic/):

  civic_predictive.tsv        one row per (accepted predictive evidence item, drug, alteration)
  civic_assertions.tsv        one row per (predictive assertion, drug, alteration), AMP tier kept
  drugs_civic.tsv             drug rows (drugs.tsv format) for every therapy not in db/drugs.tsv,
                              combinations as 'a+b'
  genes_civic.txt             genes named by imported rows that are not in db/genes.txt; their
                              models are made (make_transcripts.py logic, in memory, to check the
                              rows) but written by make_transcripts.py into the main
                              db/transcripts.GRCh3[78].tsv (run it after this importer)
  IMPORT_REPORT.md            counts per category, imported and skipped, with reasons

Nothing in db/ outside --out is written. Rows use the columns and values of db/knowledge/*.tsv
plus trailing columns (see COLUMNS below and db/tools/README.md); status is `civic`.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import os
import re
import shlex
import sys
from collections import Counter, OrderedDict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_transcripts as mt  # noqa: E402  (shared transcript-model logic)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
REL_CIVIC = "civic/2024-08-01_via_rk-izak-DATA72000-IBE"
REL_CHAIN_19_38 = "genome/liftover_chains/hg19_to_hg38.chain.gz"

# The release files (prefix = the release date as CIViC writes it, e.g. 01-Aug-2024).
CIVIC_FILES = {
    "evidence": "{p}-ClinicalEvidenceSummaries.tsv",
    "profiles": "{p}-MolecularProfileSummaries.tsv",
    "variants": "{p}-VariantSummaries.tsv",
    "assertions": "{p}-AssertionSummaries.tsv",
}

KNOWLEDGE_COLUMNS = ["id", "gene", "kind", "alteration", "hgvs_c", "requires", "drugs", "effect",
                     "evidence_level", "disease", "mechanism", "citations", "status", "notes", "context"]
EXTRA_COLUMNS = ["layer", "civic_id", "civic_rating", "civic_direction", "civic_significance",
                 "civic_disease", "civic_doid", "nct_ids", "civic_profile", "civic_therapies",
                 "amp_tier", "civic_evidence_ids", "match_restrict", "civic_coordinates",
                 "coordinate_check", "mechanism_basis"]
COLUMNS = KNOWLEDGE_COLUMNS + EXTRA_COLUMNS
DRUG_COLUMNS = ["id", "name", "synonyms", "class", "generation", "targets"]

STATUS = "civic"      # "taken from a curated database (CIViC), not re-read by us"; see db/README.md
LAYER = "civic"

# ---------------------------------------------------------------------------------------------
# Disease mapping: CIViC DOID -> the project's OncoTree-style codes. Codes the curated tables
# already use come first; a few standard OncoTree codes are added for frequent CIViC diseases.
# An unmapped disease is written as DOID:<n> (never widened to `any`); DOID:162 'Cancer' and
# CIViC's 'Solid Tumor' (no DOID) are pan-cancer statements and map to `any`.
DOID_CODES = {
    "3908": "NSCLC", "3910": "LUAD", "1324": "NSCLC;SCLC", "8552": "CML", "9256": "CRC",
    "0050861": "CRC", "219": "CRC", "1612": "BRCA", "0060079": "BRCA", "0060075": "BRCA",
    "0060081": "BRCA", "0060080": "BRCA", "1909": "MEL", "8923": "MEL", "9253": "GIST",
    "769": "NB", "3973": "MTC", "1781": "THYROID", "3969": "THYROID", "0050905": "IMT",
    "0050744": "ALCL", "2394": "OV", "4001": "OV", "0050933": "OV", "1793": "PAAD",
    "4074": "PAAD", "3498": "PAAD", "7474": "PLMESO", "4450": "RCC", "0050745": "DLBCLNOS",
    "162": "any",
    # standard OncoTree codes not (yet) used by the curated tables
    "9119": "AML", "0080630": "BLL", "0080650": "BLL", "0080146": "BLL", "5520": "HNSC",
    "11934": "HNSC", "3068": "GB", "9538": "PCM", "10283": "PRAD", "0080909": "PRAD",
    "1040": "CLLSLL", "4947": "CHOL", "6039": "UM", "3717": "STAD", "5517": "STAD",
    "10534": "STAD", "1380": "UCEC", "2671": "BLCA", "4007": "BLCA", "5409": "SCLC",
    "3907": "LUSC", "684": "HCC", "0050746": "MCL", "0050873": "FL", "0060318": "APL",
}
DISEASE_NAME_CODES = {"Solid Tumor": "any"}

# ---------------------------------------------------------------------------------------------
# Drug classes and targets for therapies that are not in db/drugs.tsv. CIViC gives neither; this
# table is the importer's (not CIViC's) and only names well-known agents. Any other therapy is
# its own one-drug class (class = its id), which is what the engine does for unknown ids anyway.
NEW_CLASSES = {  # class id -> display name
    "HER2_TKI": "HER2 tyrosine kinase inhibitors (class)",
    "HER2_antibody": "HER2 antibodies and antibody-drug conjugates (class)",
    "FGFR_inhibitor": "FGFR inhibitors (class)",
    "PARP_inhibitor": "PARP inhibitors (class)",
    "PI3K_inhibitor": "PI3K inhibitors (class)",
    "AKT_inhibitor": "AKT inhibitors (class)",
    "KRAS_G12C_inhibitor": "KRAS G12C inhibitors (class)",
    "FLT3_inhibitor": "FLT3 inhibitors (class)",
    "IDH_inhibitor": "IDH1/IDH2 inhibitors (class)",
    "immune_checkpoint_inhibitor": "Immune checkpoint inhibitors (class)",
    "endocrine_therapy": "Endocrine therapies (class)",
    "SMO_inhibitor": "Smoothened inhibitors (class)",
}
# Preclinical tool compounds (TAE684, WZ4002, PLX4720, PD173074) are each their own one-drug class:
# a class stands for every member in the verdicts, and a tumour board is not offered a tool compound
# next to the approved drugs of the class. Their targets still derive the mechanism.
DRUG_INFO = {  # drug id -> (class, targets)
    "bafetinib": ("BCR_ABL1_TKI", "ABL1;LYN"),
    "icotinib": ("EGFR_TKI", "EGFR"), "mobocertinib": ("EGFR_TKI", "EGFR"),
    "wz4002": ("wz4002", "EGFR"),
    "lapatinib": ("HER2_TKI", "EGFR;ERBB2"), "neratinib": ("HER2_TKI", "EGFR;ERBB2;ERBB4"),
    "canertinib": ("HER2_TKI", "EGFR;ERBB2;ERBB4"),
    "trastuzumab": ("HER2_antibody", "ERBB2"), "pertuzumab": ("HER2_antibody", "ERBB2"),
    "trastuzumab_emtansine": ("HER2_antibody", "ERBB2"),
    "trastuzumab_deruxtecan": ("HER2_antibody", "ERBB2"), "margetuximab": ("HER2_antibody", "ERBB2"),
    "panitumumab": ("EGFR_antibody", "EGFR"), "nimotuzumab": ("EGFR_antibody", "EGFR"),
    "amivantamab": ("EGFR_antibody", "EGFR;MET"),
    "plx4720": ("plx4720", "BRAF"),
    "mirdametinib": ("MEK_inhibitor", "MAP2K1;MAP2K2"), "refametinib": ("MEK_inhibitor", "MAP2K1;MAP2K2"),
    "tae684": ("tae684", "ALK"),
    "infigratinib": ("FGFR_inhibitor", "FGFR1;FGFR2;FGFR3"),
    "erdafitinib": ("FGFR_inhibitor", "FGFR1;FGFR2;FGFR3;FGFR4"),
    "pemigatinib": ("FGFR_inhibitor", "FGFR1;FGFR2;FGFR3"),
    "fexagratinib": ("FGFR_inhibitor", "FGFR1;FGFR2;FGFR3"),
    "derazantinib": ("FGFR_inhibitor", "FGFR1;FGFR2;FGFR3"),
    "pd173074": ("pd173074", "FGFR1;FGFR3"),
    "olaparib": ("PARP_inhibitor", "PARP1;PARP2"), "rucaparib": ("PARP_inhibitor", "PARP1;PARP2"),
    "niraparib": ("PARP_inhibitor", "PARP1;PARP2"), "talazoparib": ("PARP_inhibitor", "PARP1;PARP2"),
    "veliparib": ("PARP_inhibitor", "PARP1;PARP2"),
    "alpelisib": ("PI3K_inhibitor", "PIK3CA"), "pictilisib": ("PI3K_inhibitor", "PIK3CA"),
    "taselisib": ("PI3K_inhibitor", "PIK3CA"), "buparlisib": ("PI3K_inhibitor", "PIK3CA"),
    "copanlisib": ("PI3K_inhibitor", "PIK3CA"), "dactolisib": ("PI3K_inhibitor", "PIK3CA;MTOR"),
    "capivasertib": ("AKT_inhibitor", "AKT1;AKT2;AKT3"), "ipatasertib": ("AKT_inhibitor", "AKT1;AKT2;AKT3"),
    "akt_inhibitor_mk2206": ("AKT_inhibitor", "AKT1;AKT2;AKT3"),
    "sirolimus": ("mTOR_inhibitor", "MTOR"), "temsirolimus": ("mTOR_inhibitor", "MTOR"),
    "ridaforolimus": ("mTOR_inhibitor", "MTOR"), "sapanisertib": ("mTOR_inhibitor", "MTOR"),
    "ribociclib": ("CDK46_inhibitor", "CDK4;CDK6"), "abemaciclib": ("CDK46_inhibitor", "CDK4;CDK6"),
    "sotorasib": ("KRAS_G12C_inhibitor", "KRAS"), "adagrasib": ("KRAS_G12C_inhibitor", "KRAS"),
    "divarasib": ("KRAS_G12C_inhibitor", "KRAS"),
    "gilteritinib": ("FLT3_inhibitor", "FLT3"), "quizartinib": ("FLT3_inhibitor", "FLT3"),
    "midostaurin": ("FLT3_inhibitor", "FLT3;KIT"), "crenolanib": ("FLT3_inhibitor", "FLT3;PDGFRA"),
    "lestaurtinib": ("FLT3_inhibitor", "FLT3"),
    "ivosidenib": ("IDH_inhibitor", "IDH1"), "enasidenib": ("IDH_inhibitor", "IDH2"),
    "pembrolizumab": ("immune_checkpoint_inhibitor", "PDCD1"),
    "nivolumab": ("immune_checkpoint_inhibitor", "PDCD1"),
    "atezolizumab": ("immune_checkpoint_inhibitor", "CD274"),
    "durvalumab": ("immune_checkpoint_inhibitor", "CD274"),
    "avelumab": ("immune_checkpoint_inhibitor", "CD274"),
    "ipilimumab": ("immune_checkpoint_inhibitor", "CTLA4"),
    "sorafenib": ("multikinase_inhibitor", "BRAF;RAF1;KIT;PDGFRB;VEGFR2"),
    "pazopanib": ("multikinase_inhibitor", "VEGFR2;KIT;PDGFRA"),
    "axitinib": ("multikinase_inhibitor", "VEGFR2"), "lenvatinib": ("multikinase_inhibitor", "VEGFR2;RET"),
    "dovitinib": ("multikinase_inhibitor", "FGFR1;FGFR3;VEGFR2"),
    "tamoxifen": ("endocrine_therapy", "ESR1"), "fulvestrant": ("endocrine_therapy", "ESR1"),
    "letrozole": ("endocrine_therapy", "CYP19A1"), "exemestane": ("endocrine_therapy", "CYP19A1"),
    "elacestrant": ("endocrine_therapy", "ESR1"), "bicalutamide": ("endocrine_therapy", "AR"),
    "enzalutamide": ("endocrine_therapy", "AR"), "abiraterone": ("endocrine_therapy", "CYP17A1"),
    "vismodegib": ("SMO_inhibitor", "SMO"), "sonidegib": ("SMO_inhibitor", "SMO"),
    **{d: ("cytotoxic_chemotherapy", "") for d in (
        "cisplatin", "carboplatin", "oxaliplatin", "irinotecan", "gemcitabine", "fluorouracil",
        "docetaxel", "paclitaxel", "mercaptopurine", "thioguanine", "cytarabine", "melphalan",
        "daunorubicin", "methotrexate", "temozolomide", "capecitabine", "etoposide", "pemetrexed",
        "vinorelbine", "mitomycin", "chemotherapy", "platinum_compound", "taxane_compound",
        "epirubicin", "idarubicin", "topotecan", "vincristine", "cyclophosphamide", "fludarabine")},
}
# Therapy names that contain a comma (CIViC separates therapies by commas).
COMMA_NAMES = ["HER2 Inhibitor CP-724,714", "2,4-pyrimidinediamine"]
SALT_SUFFIX = re.compile(r"\s+(mesylate|bismesylate|hydrochloride)$", re.I)

# ---------------------------------------------------------------------------------------------
# Variant name vocabulary


AA = "ACDEFGHIKLMNPQRSTVWY"
RE_POINT = re.compile(rf"^([{AA}])(\d+)([{AA}*X])$")
RE_POINT_MULTI = re.compile(rf"^([{AA}])(\d+)([{AA}])((?:/[{AA}])+)$")         # S310F/Y
RE_CODON = re.compile(rf"^([{AA}])(\d+)$")                                       # V600
RE_CODON_MULTI = re.compile(rf"^([{AA}]\d+)((?:/[{AA}]\d+)+)$")                  # G12/G13
RE_INDEL = re.compile(rf"^([{AA}])(\d+)(?:_([{AA}])(\d+))?(DELINS|DEL|DUP|INS)([{AA}]*)$", re.I)
RE_ARROW = re.compile(rf"^([{AA}])(\d+)_([{AA}])(\d+)>([{AA}]+)$")              # E746_T751>I
RE_FS = re.compile(rf"^([{AA}])(\d+)([{AA}])?FS(\*\d+|\*\?)?$", re.I)           # W288FS, K706FS*19
RE_HGVS_C = re.compile(r"^c\.[-*]?\d+([+-]\d+)?(_[-*]?\d+([+-]\d+)?)?([ACGT]+>[ACGT]+|del[ACGT]*|dup[ACGT]*|ins[ACGT]+|delins[ACGT]+)$")
RE_FUSION = re.compile(r"^([A-Z0-9][A-Z0-9-]*)::([A-Z0-9][A-Z0-9-]*)$")
RE_FUSION_EXONS = re.compile(r"^([A-Z0-9][A-Z0-9-]*)::([A-Z0-9][A-Z0-9-]*) (e\d+-e\d+)$")
RE_FUSION_MUT = re.compile(r"^([A-Z0-9][A-Z0-9-]*)::([A-Z0-9][A-Z0-9-]*) (.+)$")
RE_EXON = re.compile(r"^exon (\d+) (mutation|deletion|insertion|skipping mutation|frameshift)$", re.I)
RE_RSID = re.compile(r"^rs\d+$", re.I)

# Gene-level classes. CIViC 'Loss' is copy loss in most items (variant types transcript_ablation,
# loss_of_function_variant); it maps to the `loss` kind (het loss or deep deletion).
GENE_CLASSES = {
    "mutation": ("gene mutation class", "range_all", ""),
    "loss-of-function": ("loss-of-function class", "lof", ""),
    "deleterious mutation": ("loss-of-function class", "lof", ""),
    "inactivating mutation": ("loss-of-function class", "lof", ""),
    "truncating mutation": ("loss-of-function class", "lof", ""),
    "frameshift truncation": ("loss-of-function class", "lof", "frameshift"),
    "frameshift": ("loss-of-function class", "lof", "frameshift"),
    "amplification": ("amplification", "amplification", ""),
    "deletion": ("deletion/loss", "deletion", ""),
    "loss": ("deletion/loss", "loss", ""),
    "fusion": ("fusion", "fusion_any", ""),
    "rearrangement": ("fusion", "fusion_any", ""),
}
# 'Exon N Deletion' names a class of small in-frame deletions only here; elsewhere (EGFR exon 4,
# VHL exon 1/2/3) it is a whole-exon deletion, which no kind expresses.
SMALL_DELETION_EXONS = {("EGFR", 19)}
# Exon-level variants without CIViC coordinates: a well-known hotspot residue that must lie in
# the exon (on the MANE protein) for the exon number to be accepted.
EXON_ANCHORS = {("BRAF", 15): 600, ("PDGFRA", 18): 842, ("ERBB2", 20): 776, ("EGFR", 19): 746,
                ("EGFR", 20): 770, ("KIT", 11): 557, ("MET", 14): 1010}
# Genes whose CIViC 'Fusion' means the gene is the 5' partner (FGFR2::BICC1, FGFR3::TACC3).
FIVE_PRIME_FUSION_GENES = {"FGFR2", "FGFR3"}

UNSUPPORTED = [  # (regex on the lower-cased name, category, reason)
    (r"expression|overexpression|underexpression|serum levels|^v7 expression", "expression",
     "expression level: the engine reads DNA variants, copy number and fusions only"),
    (r"methylation", "epigenetic", "promoter methylation: not a DNA sequence variant"),
    (r"phosphorylation|mislocalization|nuclear translocation", "protein state",
     "protein modification or localisation: not a DNA variant"),
    (r"^wildtype$|^wild type$", "wild type",
     "wild type (absence of variants): the schema has no kind for 'no alteration'"),
    (r"loss of heterozygosity|^loh$", "zygosity/LOH", "loss of heterozygosity: no kind for allelic state"),
    (r"homozygosity|^ugt1a1\*|^dpyd\*|\*\d+$", "pharmacogenomic allele",
     "germline star allele / zygosity: no kind"),
    (r"activating mutation|gain-of-function", "activating class",
     "activating-only mutation class: no kind separates activating from other variants"),
    (r"domain mutation|p-loop|non-p-loop|tkd mutation|^rare mutation$|^rare exon|^alteration$|^non-v600$",
     "domain/subset class", "domain- or subset-level class without residue boundaries in the data"),
    (r"^itd$|internal duplication|tandem repeat", "tandem duplication",
     "internal tandem duplication of variable length: no kind"),
    (r"^viii$|^egfrviii$|exon \d+-\d+ deletion|^exon \d+-\d+|intron \d+ rearrangement|^double ph$|"
     r"alternative transcript|^del \d+-\d+$|n-terminal frame shift|^t17 deletion$|deletion polymorphism|"
     r"biallelic inactivation|copy number", "structural/other",
     "multi-exon rearrangement, transcript isoform or other event the schema cannot express"),
]


class Skip(Exception):
    def __init__(self, category: str, reason: str, supported: bool):
        super().__init__(reason)
        self.category, self.reason, self.supported = category, reason, supported


class Alt:
    """One expressible alteration (a row's gene/kind/alteration and what goes with it)."""

    def __init__(self, gene, kind, alteration, category, hgvs_c="", restrict="", coords="", check="",
                 context="", protein=""):
        self.gene, self.kind, self.alteration, self.category = gene, kind, alteration, category
        self.hgvs_c, self.restrict, self.coords, self.check = hgvs_c, restrict, coords, check
        self.context, self.protein = context, protein  # protein: 1-letter change for `requires`


# ---------------------------------------------------------------------------------------------
# Input


def open_text(path: Path):
    return mt.open_text(path)


def read_tsv(path: Path) -> list[dict]:
    with open_text(path) as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def find_release_file(civic: Path, key: str) -> Path:
    pat = CIVIC_FILES[key].format(p="*")
    hits = sorted(civic.glob(pat)) + sorted(civic.glob(pat + ".gz"))
    if len(hits) != 1:
        mt.die(f"{civic}: need exactly one {pat}[.gz], found {[h.name for h in hits]}")
    return hits[0]


def read_transcript_table(path: Path) -> dict:
    models = {}
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#"):
                continue
            c = line.rstrip("\n").split("\t")
            if header is None:
                header = c
                continue
            r = dict(zip(header, c))
            exons = list(zip((int(x) for x in r["exon_starts"].split(",")),
                             (int(x) for x in r["exon_ends"].split(","))))
            models[r["gene"]] = mt.Model(gene=r["gene"], accession=r["accession"], protein=r["protein"],
                                         contig=r["contig"], strand=r["strand"], exons=exons,
                                         cds_start=int(r["cds_start"]), cds_end=int(r["cds_end"]),
                                         source=r["source"], ensembl=r["ensembl"])
    return models


def read_drugs(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def clean(s: str) -> str:
    """A cell: no tabs/newlines, single spaces."""
    return re.sub(r"\s+", " ", s or "").strip()


# ---------------------------------------------------------------------------------------------
# Liftover GRCh37 -> GRCh38 (UCSC chain; reuses make_transcripts' chain reader)


class Lifter:
    def __init__(self, chain_path: Path, contigs: set[str]):
        self.chains = mt.read_chains(chain_path, {"chr" + c for c in contigs})

    def lift(self, contig: str, start0: int, end0: int):
        """Lift [start0, end0) (0-based half-open, GRCh37). Returns (contig, s, e) on GRCh38 or
        raises ValueError saying why not. The interval must lie in one ungapped block of exactly
        one chain, on the forward strand, on the same chromosome."""
        if end0 == start0:  # empty interval (insertion point): lift the base before it
            c, s, _e = self.lift(contig, start0 - 1, start0)
            return c, s + 1, s + 1
        hits, partial = mt.lift_interval(self.chains, contig, start0, end0)
        if len(hits) != 1:
            raise ValueError("not lifted: " + ("spans a chain gap" if partial and not hits
                                               else "no chain" if not hits else "several chains"))
        qc, qs, qe, sign, _ch = hits[0]
        if sign != "+":
            raise ValueError("not lifted: lands on the reverse strand")
        if qc != contig:
            raise ValueError(f"not lifted: moves from chromosome {contig} to {qc}")
        return qc, qs, qe


# ---------------------------------------------------------------------------------------------
# Transcript helpers


def protein_length(m: mt.Model) -> int:
    return m.cds_length() // 3 - 1  # CDS includes the stop codon


def exon_residues(m: mt.Model, exon_no: int):
    """Residue range (1-based inclusive) coded by exon `exon_no` (transcript order), or None."""
    txo = m.exons_tx_order()
    if not 1 <= exon_no <= len(txo):
        return None
    s, e = txo[exon_no - 1]
    cds = m.cds_positions()
    idx = [i for i, p in enumerate(cds) if s <= p < e]
    if not idx:
        return None
    last = min(max(idx) // 3 + 1, protein_length(m))
    first = min(idx) // 3 + 1
    return (first, last) if first <= last else None


def cds_index(m: mt.Model, pos0: int):
    """0-based CDS index (c. position - 1) of genomic 0-based pos, or None if not coding."""
    if not hasattr(m, "_cds_index"):
        m._cds_index = {p: i for i, p in enumerate(m.cds_positions())}
    return m._cds_index.get(pos0)


COMP = {"A": "T", "C": "G", "G": "C", "T": "A"}


def revcomp(s: str) -> str:
    return "".join(COMP.get(b, "N") for b in reversed(s))


# ---------------------------------------------------------------------------------------------
# Variant classification


def norm_protein(name: str):
    """CIViC protein-change variant name -> 1-letter HGVS-like change (no 'p.'), or None."""
    n = name.strip()
    m = RE_POINT.match(n)
    if m:
        alt = "*" if m.group(3) == "X" else m.group(3)
        return f"{m.group(1)}{m.group(2)}{alt}"
    m = RE_ARROW.match(n)
    if m:
        return f"{m.group(1)}{m.group(2)}_{m.group(3)}{m.group(4)}delins{m.group(5)}"
    m = RE_FS.match(n)
    if m:
        return f"{m.group(1)}{m.group(2)}{m.group(3) or ''}fs{m.group(4) or ''}"
    m = RE_INDEL.match(n)
    if m:
        a1, p1, a2, p2, op, seq = m.groups()
        op, seq = op.lower(), seq.upper()
        rng = f"{a1.upper()}{p1}" + (f"_{a2.upper()}{p2}" if a2 else "")
        if op in ("del", "dup"):
            return rng + op          # a trailing sequence after del/dup is redundant in HGVS
        if op == "ins":
            return rng + "ins" + seq if a2 and seq else None
        return rng + "delins" + seq if seq else None
    return None


def first_residue(change: str):
    m = re.match(r"^([A-Z*])(\d+)", change)
    return (m.group(1), int(m.group(2))) if m else None


def variant_category(name: str, gene: str) -> str:
    """The report category of a variant name the schema can express (for skipped ones)."""
    low = name.lower()
    if RE_FUSION.match(name) or RE_FUSION_EXONS.match(name) or low in ("fusion", "rearrangement"):
        return "fusion"
    if RE_FUSION_MUT.match(name):
        return "fusion + mutation"
    if low in GENE_CLASSES:
        return GENE_CLASSES[low][0]
    if RE_EXON.match(name):
        return "exon-level"
    if name.startswith("c.") or low.startswith("splice site") or RE_RSID.match(name):
        return "c./genomic only"
    p = re.sub(r" \(c\.[^)]+\)$", "", name)
    if RE_CODON.match(p) or RE_CODON_MULTI.match(p):
        return "codon"
    if RE_POINT.match(p) or RE_POINT_MULTI.match(p):
        return "protein change"
    return "protein indel/frameshift"


class Classifier:
    def __init__(self, models38: dict, models37: dict, lifter: Lifter):
        self.m38, self.m37, self.lifter = models38, models37, lifter
        self.coord_stats = Counter()

    # -- coordinates ------------------------------------------------------------------------
    def region(self, v: dict, gene: str):
        """Gene- or exon-level variant: CIViC's coordinates are a region (gene or exon span). Lift
        both ends separately; never skips (the alteration does not depend on them). Returns
        (coords_text, check_text, (contig, s0, e0) on GRCh38 or None)."""
        chrom, start, stop = v.get("chromosome", ""), v.get("start", ""), v.get("stop", "")
        build = v.get("reference_build", "")
        if not (chrom and start.isdigit() and stop.isdigit()) or build not in ("GRCh37", "GRCh38"):
            self.coord_stats["region: no coordinates"] += 1
            return "", "no_coordinates", None
        s1, e1 = int(start), int(stop)
        m = self.m38[gene]
        if build == "GRCh37":
            try:
                c38, l0, _ = self.lifter.lift(chrom, s1 - 1, s1)
                c38b, _, l1 = self.lifter.lift(chrom, e1 - 1, e1)
            except ValueError as ex:
                self.coord_stats["region: an end not lifted"] += 1
                return f"GRCh37:{chrom}:{s1}-{e1}", "region_not_lifted", None
            if c38b != c38 or l1 <= l0:
                self.coord_stats["region: an end not lifted"] += 1
                return f"GRCh37:{chrom}:{s1}-{e1}", "region_not_lifted", None
            text = f"GRCh37:{chrom}:{s1}-{e1};GRCh38:{c38}:{l0 + 1}-{l1}"
            checks = ["lifted"]
        else:
            c38, l0, l1 = chrom, s1 - 1, e1
            text, checks = f"GRCh38:{chrom}:{s1}-{e1}", ["GRCh38"]
        if c38 == m.contig and l0 < m.tx_end and l1 > m.tx_start:
            self.coord_stats["region: overlaps transcript"] += 1
            checks.append("overlaps_transcript")
        else:
            self.coord_stats["region: outside transcript"] += 1
            checks.append("region_outside_transcript")
        return text, ";".join(checks), (c38, l0, l1)

    def coords(self, v: dict, gene: str, change: str | None, small: bool):
        """Lift and check CIViC's coordinates. Returns (coords_text, check_text, hgvs_c list).
        Raises Skip when a check fails."""
        chrom, start, stop = v.get("chromosome", ""), v.get("start", ""), v.get("stop", "")
        build = v.get("reference_build", "")
        if not (chrom and start.isdigit() and stop.isdigit()) or build not in ("GRCh37", "GRCh38"):
            self.coord_stats["no coordinates"] += 1
            return "", "no_coordinates", []
        ref, alt = v.get("reference_bases", ""), v.get("variant_bases", "")
        s1, e1 = int(start), int(stop)
        s0 = s1 - 1
        e0 = e1  # 1-based inclusive -> half-open; CIViC insertions: start/stop are the flanking bases
        m = self.m38.get(gene)
        if m is None:
            return "", "no_model", []
        if build == "GRCh37":
            try:
                c38, l0, l1 = self.lifter.lift(chrom, s0, e0)
            except ValueError as ex:
                self.coord_stats["lift failed"] += 1
                raise Skip("coordinate check failed", f"GRCh37 {chrom}:{s1}-{e1} {ex}", True)
        else:
            c38, l0, l1 = chrom, s0, e0
        rb = ref or "-"
        ab = alt or "-"
        text = (f"GRCh37:{chrom}:{s1}-{e1}:{rb}>{ab};" if build == "GRCh37" else "") + \
               f"GRCh38:{c38}:{l0 + 1}-{l1}:{rb}>{ab}"
        # 1. inside the MANE transcript span (small variants: the whole allele; regions: overlap)
        if c38 != m.contig or not ((m.tx_start <= l0 and l1 <= m.tx_end) if small
                                   else (l0 < m.tx_end and l1 > m.tx_start)):
            self.coord_stats["outside transcript"] += 1
            raise Skip("coordinate check failed",
                       f"lifted GRCh38 {c38}:{l0 + 1}-{l1} is outside the {gene} transcript "
                       f"{m.accession} {m.contig}:{m.tx_start + 1}-{m.tx_end}", True)
        checks = ["lifted" if build == "GRCh37" else "GRCh38", "in_transcript"]
        hgvs_c = []
        if not small:
            self.coord_stats["region in transcript"] += 1
            return text, ";".join(checks), []
        # 2. c. consistency: CIViC's c. on our accession (any version) must point at the lifted base
        snv_like = ref and alt and len(ref) == len(alt)
        acc = m.accession.split(".")[0]
        for h in (v.get("hgvs_descriptions") or "").split(","):
            h = h.strip()
            if not h.startswith(acc + "."):
                continue
            cpart = h.split(":", 1)[1] if ":" in h else ""
            mm = re.match(r"^c\.(\d+)(?:_(\d+))?([ACGT]+)>([ACGT]+)$", cpart) or \
                re.match(r"^c\.(\d+)(?:_(\d+))?del([ACGT]*)()$", cpart)
            if not mm:
                continue
            c1 = int(mm.group(1))
            first0 = l0 if m.strand == "+" else l1 - 1
            got = cds_index(m, first0)
            ok = got == c1 - 1
            if ok and snv_like and mm.group(4):
                want = mm.group(3) if m.strand == "+" else revcomp(mm.group(3))
                ok = want == ref
            if not ok and not mm.group(4) and ref and not alt and got is not None \
                    and abs(got - (c1 - 1)) <= len(ref):
                # a deletion in a repeat: CIViC's genomic interval and its c. are aligned at
                # different ends of the repeat. Consistent, but the c. is not the 3'-shifted
                # form the engine computes, so it is not written to hgvs_c.
                self.coord_stats["c. deletion shifted within its length (accepted)"] += 1
                checks.append("c_ok_shifted")
                break
            if not ok:
                self.coord_stats["c. inconsistent"] += 1
                raise Skip("coordinate check failed",
                           f"{h} does not point at lifted GRCh38 {c38}:{first0 + 1} ({ref}) on our model {m.accession}", True)
            cnorm = cpart
            if re.match(r"^c\.\d+(_\d+)?del[ACGT]+$", cnorm):
                cnorm = re.sub(r"del[ACGT]+$", "del", cnorm)
            hgvs_c.append(cnorm)
            checks.append("c_ok")
            break
        # 3. p. consistency: the residue at the lifted position must be the named one
        if change:
            fr = first_residue(change)
            idxs = [cds_index(m, p) for p in range(l0, max(l1, l0 + 1))]
            idxs = [i for i in idxs if i is not None]
            if not idxs:
                if snv_like or ref:
                    self.coord_stats["p. not coding"] += 1
                    raise Skip("coordinate check failed",
                               f"{change}: lifted GRCh38 {c38}:{l0 + 1}-{l1} is not in the {m.accession} CDS", True)
            else:
                residues = {i // 3 + 1 for i in idxs}
                tol = 0 if snv_like or not (ref or alt) else 3   # indels may be shifted in p. notation
                if not any(abs(fr[1] - r) <= tol for r in residues):
                    self.coord_stats["p. inconsistent"] += 1
                    raise Skip("coordinate check failed",
                               f"{change}: lifted GRCh38 {c38}:{l0 + 1}-{l1} is residue(s) "
                               f"{min(residues)}-{max(residues)} of {m.protein}, not {fr[1]}", True)
                checks.append("p_ok")
                # 4. no c. on our accession from CIViC: an SNV's c. is computed from its lifted
                # position on our model, as the engine computes it for a VCF allele, so raw VCFs
                # match it without a reference FASTA. That this c. encodes the protein change is
                # CIViC's claim (its coordinates for the variant), checked only as far as step 3.
                if snv_like and len(ref) == 1 and not hgvs_c and "c_ok_shifted" not in checks:
                    idx = cds_index(m, l0)
                    if idx is not None:
                        cref, calt = (ref, alt) if m.strand == "+" else (revcomp(ref), revcomp(alt))
                        hgvs_c.append(f"c.{idx + 1}{cref}>{calt}")
                        checks.append("c_derived")
                        self.coord_stats["c. derived from the lifted SNV position"] += 1
        self.coord_stats["checked ok"] += 1
        return text, ";".join(checks), sorted(set(hgvs_c))

    # -- one CIViC variant -> list of Alt (several for 'G12/G13', 'D835H/Y') -------------------
    def classify(self, v: dict) -> list[Alt]:
        """Alternatives for one CIViC variant. A Skip carries `vcat`, the variant's category
        (for the report), whatever the reason it was skipped for."""
        try:
            return self._classify(v)
        except Skip as s:
            s.vcat = s.category if not s.supported else variant_category(v["variant"].strip(), v["gene"])
            raise

    def _classify(self, v: dict) -> list[Alt]:
        gene = v["gene"].strip()
        name = v["variant"].strip()
        low = name.lower()
        m = self.m38.get(gene)

        for rx, cat, reason in UNSUPPORTED:
            if re.search(rx, low):
                raise Skip(cat, reason, False)

        def need_model():
            if m is None or gene not in self.m37:
                raise Skip("no transcript model", f"{gene} has no MANE transcript model in both builds", True)

        # fusions -----------------------------------------------------------------------------
        fm = RE_FUSION.match(name)
        fe = RE_FUSION_EXONS.match(name)
        if fm or fe:
            g5, g3 = (fm or fe).group(1), (fm or fe).group(2)
            g5 = gene if g5 in ("ABL",) and gene == "ABL1" else g5
            g3 = gene if g3 in ("ABL",) and gene == "ABL1" else g3
            need_model()
            return [Alt(gene, "fusion", f"{g5}::{g3}", "fusion",
                        restrict=f"fusion_exons={fe.group(3)}" if fe else "", check="not_checked_fusion")]
        fmut = RE_FUSION_MUT.match(name)
        if fmut:
            # the mutation is in the variant's gene (ABL1 in 'BCR::ABL V379I', PML in
            # 'PML::RARA A216V'); the driver context names the fusion's 3' gene
            g5 = "ABL1" if fmut.group(1) == "ABL" else fmut.group(1)
            g3 = "ABL1" if fmut.group(2) == "ABL" else fmut.group(2)
            if gene not in (g5, g3):
                raise Skip("fusion + mutation", f"'{name}': mutated gene {gene} is not a fusion partner", True)
            parts = [p.strip() for p in re.split(r"\s+and\s+", fmut.group(3), flags=re.I)]
            changes = [norm_protein(p) for p in parts]
            if any(c is None or not RE_POINT.match(c) for c in changes):
                raise Skip("fusion + mutation", f"'{name}': mutation part not a protein change", True)
            need_model()
            alt = Alt(gene, "hgvs_p", "p." + changes[0], "fusion + mutation", protein=changes[0],
                      context=f"driver={g3} fusion",
                      restrict=f"fusion={g5}::{g3}", check="no_coordinates")
            alt.requires = [f"{gene}:p.{c}" for c in changes[1:]]
            return [alt]

        # gene-level classes ------------------------------------------------------------------
        if low in GENE_CLASSES:
            cat, kind, restrict = GENE_CLASSES[low]
            need_model()
            coords, check, _ = self.region(v, gene) if kind not in ("fusion_any",) \
                else ("", "not_checked_fusion", None)
            if kind == "range_all":
                return [Alt(gene, "range", f"1-{protein_length(m)}", cat, restrict=restrict,
                            coords=coords, check=check)]
            if kind == "fusion_any":
                alt = f"{gene}::*" if gene in FIVE_PRIME_FUSION_GENES else f"*::{gene}"
                return [Alt(gene, "fusion", alt, cat, check=check)]
            return [Alt(gene, kind, "", cat, restrict=restrict, coords=coords, check=check)]

        # exon level --------------------------------------------------------------------------
        em = RE_EXON.match(name)
        if em:
            need_model()
            exon, what = int(em.group(1)), em.group(2).lower()
            if what == "deletion" and (gene, exon) not in SMALL_DELETION_EXONS:
                raise Skip("structural/other", "whole-exon deletion (structural): no kind; only "
                           "EGFR exon 19 deletion is a class of small in-frame deletions", False)
            rr = exon_residues(m, exon)
            if rr is None:
                raise Skip("exon-level", f"exon {exon} of {m.accession} is not coding or does not exist", True)
            restrict = {"mutation": "", "deletion": "deletion", "insertion": "insertion",
                        "skipping mutation": f"exon_skipping={exon}", "frameshift": "frameshift"}[what]
            coords, check, lifted = self.region(v, gene)
            txo = m.exons_tx_order()
            es, ee = txo[exon - 1]
            if lifted is not None:
                # CIViC's exon region must overlap exon `exon` of our model (legacy exon numbers,
                # e.g. NPM1 'exon 12' or PIK3CA 'exon 9/20', differ from MANE numbering)
                c38, l0, l1 = lifted
                if not (c38 == m.contig and l0 < ee and l1 > es):
                    hit = [i + 1 for i, (a0, a1) in enumerate(txo) if c38 == m.contig and l0 < a1 and l1 > a0]
                    raise Skip("coordinate check failed",
                               f"exon {exon}: CIViC's region {coords} overlaps exon(s) {hit or '-'} of "
                               f"{m.accession}, not exon {exon} (exon numbering differs)", True)
                check += ";exon_ok"
            else:
                anchor = EXON_ANCHORS.get((gene, exon))
                if anchor is None or not rr[0] <= anchor <= rr[1]:
                    raise Skip("exon-level", f"exon {exon}: no CIViC coordinates to check the exon number "
                               f"against {m.accession} and no anchor residue known", True)
                check += f";exon_ok_by_anchor_residue_{anchor}"
            return [Alt(gene, "range", f"{rr[0]}-{rr[1]}", "exon-level", restrict=restrict,
                        coords=coords, check=check + f";exon{exon}={m.accession}")]

        # c. / splice / rsID ------------------------------------------------------------------
        sm = re.match(r"^splice site \((c\.[^)]+)\)$", name, re.I)
        cname = sm.group(1) if sm else name
        cname = re.sub(r"^(c\.\d+)([+-]\d+)_(\d+)(del|dup)", lambda x: f"{x.group(1)}{x.group(2)}_{x.group(1)[2:]}+{x.group(3)}{x.group(4)}"
                       if x.group(2).startswith("+") else x.group(0), cname)
        cname = re.sub(r"(del|dup)[ACGT]+$", r"\1", cname)
        if cname.startswith("c."):
            if not RE_HGVS_C.match(cname):
                raise Skip("c./genomic only", f"'{name}' is not an HGVS c. change the engine parses", True)
            need_model()
            coords, check, _ = self.coords(v, gene, None, small=True)
            return [Alt(gene, "hgvs_c", cname, "c./genomic only", coords=coords, check=check)]
        if RE_RSID.match(name):
            need_model()
            ref, alt = v.get("reference_bases", ""), v.get("variant_bases", "")
            if not (ref and alt and len(ref) == len(alt) and re.fullmatch("[ACGT]+", ref + alt)):
                raise Skip("c./genomic only", f"{name}: no substitution coordinates to write a genomic allele", True)
            coords, check, _ = self.coords(v, gene, None, small=True)
            if v.get("reference_build") != "GRCh37" or not coords:
                raise Skip("c./genomic only", f"{name}: no GRCh37 coordinates to write a genomic allele", True)
            g37 = f"GRCh37:{v['chromosome']}:{v['start']}:{ref}:{alt}"
            g38 = [x for x in coords.split(";") if x.startswith("GRCh38:")][0].split(":")
            g38 = f"GRCh38:{g38[1]}:{g38[2].split('-')[0]}:{ref}:{alt}"
            return [Alt(gene, "genomic", f"{g38};{g37}", "c./genomic only", coords=coords, check=check)]

        # protein changes ---------------------------------------------------------------------
        pm = re.match(r"^(.+?) \((c\.[^)]+)\)$", name)  # 'R200W (c.598C>T)'
        pname = pm.group(1) if pm else name
        mm = RE_CODON_MULTI.match(pname)
        if mm:
            need_model()
            codons = [mm.group(1)] + mm.group(2).split("/")[1:]
            return [Alt(gene, "codon", c, "codon", check="not_checked_split") for c in codons]
        mm = RE_CODON.match(pname)
        if mm:
            need_model()
            coords, check, _ = self.coords(v, gene, pname, small=True)
            return [Alt(gene, "codon", pname, "codon", coords=coords, check=check)]
        mm = RE_POINT_MULTI.match(pname)
        if mm:
            need_model()
            alts = [mm.group(3)] + mm.group(4).split("/")[1:]
            return [Alt(gene, "hgvs_p", f"p.{mm.group(1)}{mm.group(2)}{a}", "protein change",
                        protein=f"{mm.group(1)}{mm.group(2)}{a}", check="not_checked_split") for a in alts]
        change = norm_protein(pname)
        if change is None:
            if re.match(rf"^[{AA}]\d+", pname, re.I):
                raise Skip("protein indel/frameshift", f"'{name}': protein change not expressible "
                           "(e.g. insertion without its sequence)", True)
            raise Skip("unrecognised", f"'{name}': variant name not recognised", False)
        need_model()
        cat = "protein change" if RE_POINT.match(pname) else "protein indel/frameshift"
        coords, check, hgvs_c = self.coords(v, gene, change, small=True)
        if pm and not hgvs_c:
            hgvs_c = [pm.group(2)]
        return [Alt(gene, "hgvs_p", "p." + change, cat, hgvs_c=";".join(hgvs_c), coords=coords,
                    check=check, protein=change)]


# ---------------------------------------------------------------------------------------------
# Molecular profiles


def profile_kind(name: str) -> str:
    toks = name.replace("(", " ").replace(")", " ").split()
    if "NOT" in toks:
        return "NOT"
    if "OR" in toks:
        return "OR"
    if "AND" in toks:
        return "AND"
    return "single"


def profile_alts(mp: dict, variants: dict, clf: Classifier, cache: dict) -> list[list[Alt]]:
    """Alternatives for a profile: each inner list is one way to write it as (primary, *requires).
    Raises Skip."""
    kind = profile_kind(mp["name"])
    if kind in ("NOT", "OR"):
        raise Skip(f"{kind} profile", f"{kind} profile: the schema has no negation/alternation "
                   "(rows are AND-only)", False)
    vids = [x.strip() for x in mp["variant_ids"].split(",") if x.strip()]
    comps = []
    for vid in vids:
        if vid not in variants:
            raise Skip("unrecognised", f"variant {vid} not in VariantSummaries", False)
        if vid not in cache:
            try:
                cache[vid] = clf.classify(variants[vid])
            except Skip as s:
                cache[vid] = s
        if isinstance(cache[vid], Skip):
            raise cache[vid]
        comps.append(cache[vid])
    if kind == "single":
        return [[a] for a in comps[0]]
    # AND: fusions become the driver context of a protein-change row of the fusion's 3' gene;
    # exact protein changes go to `requires`; at most one other small-variant class is primary.
    fusions = [c for c in comps if c[0].kind == "fusion"]
    smalls = [c for c in comps if c[0].kind in ("hgvs_p", "codon", "range", "lof", "missense", "hgvs_c", "genomic")]
    other = [c for c in comps if c not in fusions and c not in smalls]
    if other:
        raise Skip("AND profile", "AND profile with a copy-number component: `requires` and "
                   "`context` only take protein changes and driver fusions", True)
    if len(fusions) > 1 or not smalls:
        raise Skip("AND profile", "AND profile of fusions only: no row can require a second fusion", True)
    exact = [c for c in smalls if len(c) == 1 and c[0].kind == "hgvs_p"]
    inexact = [c for c in smalls if c not in exact]
    if len(inexact) > 1:
        raise Skip("AND profile", "AND profile with two non-exact variant classes: `requires` "
                   "takes only exact protein changes", True)
    primary_opts = inexact[0] if inexact else exact[0]
    req = [c[0] for c in exact if c is not primary_opts]
    context = ""
    restrict = []
    if fusions:
        f = fusions[0][0]
        g3 = f.alteration.split("::")[1]
        if g3 == "*" or g3 != primary_opts[0].gene:
            raise Skip("AND profile", f"AND profile with fusion {f.alteration}: the driver context "
                       "needs the fusion's 3' gene to be the mutated gene", True)
        context = f"driver={g3} fusion"
        if not f.alteration.startswith("*::"):
            restrict.append(f"fusion={f.alteration}")
        if f.restrict:
            restrict.append(f.restrict)
    out = []
    for p in primary_opts:
        q = Alt(p.gene, p.kind, p.alteration, p.category, p.hgvs_c,
                ";".join(x for x in [p.restrict] + restrict if x), p.coords, p.check,
                ";".join(x for x in [p.context, context] if x), p.protein)
        q.requires = [f"{r.gene}:p.{r.protein}" for r in req] + getattr(p, "requires", [])
        out.append([q])
    return out


# ---------------------------------------------------------------------------------------------
# Drugs


def drug_slug(name: str) -> str:
    s = SALT_SUFFIX.sub("", name.strip())
    s = re.sub(r"[^A-Za-z0-9.-]+", "_", s).strip("_").lower()
    return s


class Drugs:
    def __init__(self, rows: list[dict]):
        self.existing = {r["id"]: r for r in rows}
        self.lookup = {}
        for r in rows:
            if r["class"] == "class":
                continue  # a therapy is never silently turned into a whole class
            for n in [r["id"], r["name"]] + [x for x in r["synonyms"].split(";") if x]:
                self.lookup.setdefault(n.strip().lower(), r["id"])
        self.new = {}          # id -> {name, synonyms:set}
        self.mapping = {}      # CIViC therapy name -> id
        self.combos = {}       # combo id -> component ids

    def single(self, name: str) -> str:
        n = name.strip()
        base = SALT_SUFFIX.sub("", n)
        did = self.lookup.get(n.lower()) or self.lookup.get(base.lower())
        if did is None:
            did = drug_slug(n)
            if did in self.existing or did in NEW_CLASSES:  # slug collides with a drug or class id
                did = did + "_civic"
            d = self.new.setdefault(did, {"name": base, "synonyms": set()})
            if n != d["name"]:
                d["synonyms"].add(n)
        self.mapping[n] = did
        return did

    def combination(self, ids: list[str]) -> str:
        ids = sorted(set(ids))
        cid = "+".join(ids)
        self.combos[cid] = ids
        return cid

    def info(self, did: str):
        if did in self.existing:
            r = self.existing[did]
            return r["class"], r["targets"]
        if did in DRUG_INFO:
            return DRUG_INFO[did]
        return did, ""

    def targets(self, did: str) -> set[str]:
        ids = self.combos.get(did, [did])
        out = set()
        for i in ids:
            out |= {t for t in self.info(i)[1].split(";") if t}
        return out

    def rows(self) -> list[list[str]]:
        out = []
        used_classes = set()
        for did in sorted(self.new):
            d = self.new[did]
            cls, tg = self.info(did)
            used_classes.add(cls)
            out.append([did, d["name"], ";".join(sorted(d["synonyms"])), cls, "", tg])
        for cid in sorted(self.combos):
            ids = self.combos[cid]
            names = [self.existing[i]["name"] if i in self.existing else self.new[i]["name"] for i in ids]
            tg = sorted(self.targets(cid))
            out.append([cid, " + ".join(names), "", cid, "", ";".join(tg)])
        cls_rows = [[c, NEW_CLASSES[c], "", "class", "", ""] for c in sorted(NEW_CLASSES)
                    if c in used_classes and c not in self.existing]
        return cls_rows + out


# ---------------------------------------------------------------------------------------------
# Evidence -> rows

EFFECTS = {
    ("Supports", "Sensitivity/Response"): "sensitivity",
    ("Supports", "Resistance"): "resistance",
    ("Supports", "Reduced Sensitivity"): "reduced_sensitivity",
    ("Does Not Support", "Sensitivity/Response"): "no_benefit",
    ("Does Not Support", "Resistance"): "no_resistance",       # new value, see README
    ("Does Not Support", "Reduced Sensitivity"): "no_resistance",
}
# AMP/ASCO/CAP tier -> the project level that does not exceed it (db/README.md table, inverted
# conservatively: Tier I B has no CIViC level of its own and becomes B, Tier II D becomes D).
AMP_TO_LEVEL = {"Tier I - Level A": "A", "Tier I - Level B": "B", "Tier II - Level C": "B",
                "Tier II - Level D": "D", "Tier III": "E"}


def disease_code(name: str, doid: str) -> str:
    if doid and doid in DOID_CODES:
        return DOID_CODES[doid]
    if name in DISEASE_NAME_CODES:
        return DISEASE_NAME_CODES[name]
    return f"DOID:{doid}" if doid else "any"


# Kinases whose oncogenic form in these rows is a fusion (db/README.md, Context: the curation rule
# for ALK, ROS1, NTRK1, NTRK3 and RET rows). A CIViC row on a protein change, codon, exon/range or
# gene-mutation class of these genes describes a fusion-driven tumour (acquired TKI resistance, or
# "ALK Mutation" meaning ALK-positive disease, e.g. EID1237) and gets driver=<GENE> fusion, as the
# curated rows do; the exceptions where the mutation itself is the driver: ALK in neuroblastoma
# (tumor_type=NB, as curated) and RET in medullary/other thyroid cancer (no condition).
FUSION_KINASES = {"ALK", "ROS1", "NTRK1", "NTRK2", "NTRK3", "RET"}


def fusion_kinase_context(alt: Alt, disease: str) -> str:
    if alt.context or alt.gene not in FUSION_KINASES or alt.kind not in ("hgvs_p", "hgvs_c", "genomic", "codon",
                                                                         "range", "lof"):
        return alt.context
    if alt.gene == "ALK" and disease == "NB":
        return "tumor_type=NB"
    if alt.gene == "RET" and disease in ("MTC", "THYROID"):
        return ""
    return f"driver={alt.gene} fusion"


def mechanism_for(alt: Alt, effect: str, drug_targets: set[str]):
    """Derived by the importer (CIViC has no mechanism): an alteration in a gene the drug
    targets is `driver` for sensitivity and `on_target` for resistance; otherwise `other`."""
    if alt.gene in drug_targets:
        if effect in ("sensitivity",):
            return "driver", "derived:gene is a drug target, sensitivity"
        if effect in ("resistance", "reduced_sensitivity", "no_benefit"):
            return "on_target", "derived:gene is a drug target, " + effect
    if alt.gene in drug_targets:
        return "other", f"default:effect {effect} takes no derived mechanism"
    return "other", "default:gene not a listed target of the drug" if drug_targets else "default:drug targets unknown"


def row_id(prefix: str, did: str, n: int) -> str:
    d = re.sub(r"[^A-Za-z0-9_.-]", ".", did)
    return f"{prefix}-{d}" + (f"-{n}" if n > 1 else "")


def pmid_citation(source_type: str, cid: str):
    if source_type == "PubMed" and cid.isdigit() and cid[0] != "0":
        return f"PMID:{cid}"
    if re.fullmatch(r"10\.[0-9]{4,9}/\S+", cid):  # ASH abstracts are cited by DOI
        return f"DOI:{cid}"
    return None


class Importer:
    def __init__(self, ev, profiles, variants, assertions, clf, drugs, genes_known):
        self.ev, self.profiles, self.variants, self.assertions = ev, profiles, variants, assertions
        self.clf, self.drugs, self.genes_known = clf, drugs, genes_known
        self.cache = {}
        self.rows, self.arows = [], []
        self.items = []  # per evidence item: dict(eid, pkind, categories, supported, outcome, reason)
        self.ids = set()

    def therapies(self, r) -> list[str]:
        """Drug ids the item is about, one per row ('Combination' -> one combination id)."""
        t = r["therapies"]
        for i, n in enumerate(COMMA_NAMES):
            t = t.replace(n, f"\x00{i}\x00")
        names = [re.sub(r"\x00(\d+)\x00", lambda m: COMMA_NAMES[int(m.group(1))], x).strip()
                 for x in t.split(",")]
        names = [n for n in names if n]
        if not names:
            raise Skip("therapy", "no therapy named", True)
        it = r.get("therapy_interaction_type", "")
        if it == "Sequential":
            raise Skip("therapy", "sequential therapy: a drug id cannot express an order of treatments", True)
        ids = [self.drugs.single(n) for n in names]
        if it == "Combination" and len(set(ids)) > 1:
            return [self.drugs.combination(ids)]
        return list(OrderedDict.fromkeys(ids))

    def categories(self, mp) -> list[str]:
        cats = []
        for vid in [x.strip() for x in mp["variant_ids"].split(",") if x.strip()]:
            c = self.cache.get(vid)
            if isinstance(c, Skip):
                cats.append(getattr(c, "vcat", c.category))
            elif c:
                cats.append(c[0].category)
        return cats

    def make_rows(self, prefix, r, alts_opts, drug_ids, effect, level, citations, extra, notes):
        out = []
        for did in drug_ids:
            for n, alts in enumerate(alts_opts, 1):
                a = alts[0]
                mech, basis = mechanism_for(a, effect, self.drugs.targets(did))
                rid = row_id(prefix, did, n if len(alts_opts) > 1 else 1)
                if rid in self.ids:
                    mt.die(f"duplicate row id {rid}")
                self.ids.add(rid)
                row = {
                    "id": rid, "gene": a.gene, "kind": a.kind, "alteration": a.alteration,
                    "hgvs_c": a.hgvs_c, "requires": ";".join(getattr(a, "requires", [])),
                    "drugs": did, "effect": effect, "evidence_level": level,
                    "disease": extra["disease"], "mechanism": mech, "citations": citations,
                    "status": STATUS, "notes": notes, "context": fusion_kinase_context(a, extra["disease"]),
                    "layer": LAYER, "match_restrict": a.restrict, "civic_coordinates": a.coords,
                    "coordinate_check": a.check, "mechanism_basis": basis,
                }
                row.update({k: v for k, v in extra.items() if k != "disease"})
                out.append(row)
        return out

    def run_evidence(self):
        for r in sorted(self.ev, key=lambda x: int(x["evidence_id"])):
            if r["evidence_type"] != "Predictive" or r["evidence_status"] != "accepted":
                continue
            eid = r["evidence_id"]
            mp = self.profiles[r["molecular_profile_id"]]
            pkind = profile_kind(mp["name"])
            item = {"eid": eid, "pkind": pkind, "outcome": "imported", "reason": "", "supported": True}
            try:
                try:
                    alts = profile_alts(mp, self.variants, self.clf, self.cache)
                finally:
                    item["cats"] = self.categories(mp)
                effect = EFFECTS.get((r["evidence_direction"], r["significance"]))
                if effect is None:
                    raise Skip("significance", f"{r['evidence_direction']} {r['significance']}: "
                               "toxicity, not drug efficacy; no effect value", True)
                cit = pmid_citation(r["source_type"], r["citation_id"])
                if cit is None:
                    raise Skip("citation", f"{r['source_type']} abstract {r['citation_id']}: "
                               "no PMID or DOI (citations column requires one)", True)
                drug_ids = self.therapies(r)
                level = r["evidence_level"]
                if level not in "ABCDE" or len(level) != 1:
                    raise Skip("level", f"evidence level {level!r} not A-E", True)
                dname = clean(r["disease"])
                extra = {
                    "disease": disease_code(dname, r["doid"]), "civic_id": f"EID{eid}",
                    "civic_rating": r["rating"], "civic_direction": r["evidence_direction"],
                    "civic_significance": r["significance"], "civic_disease": dname,
                    "civic_doid": f"DOID:{r['doid']}" if r["doid"] else "",
                    "nct_ids": ";".join(x.strip() for x in r["nct_ids"].split(",") if x.strip()),
                    "civic_profile": f"{clean(mp['name'])} (MP{mp['molecular_profile_id']})",
                    "civic_therapies": clean(r["therapies"]) + (f" ({r['therapy_interaction_type']})"
                                                                if r["therapy_interaction_type"] else ""),
                    "amp_tier": "", "civic_evidence_ids": "",
                }
                notes = (f"CIViC EID{eid} ({clean(r['citation'])}; {clean(mp['name'])}; {dname}; "
                         f"therapies: {extra['civic_therapies']}; CIViC {r['evidence_direction']} "
                         f"{r['significance']}, level {level}, rating {r['rating'] or '-'}; "
                         f"origin {r['variant_origin'] or '-'}"
                         + ("; FLAGGED in CIViC" if r["is_flagged"] == "true" else "")
                         + f"). Imported by db/tools/import_civic.py, not re-read by us. "
                         f"Statement: {clean(r['evidence_statement'])}")
                rows = self.make_rows(f"CIViC-EID{eid}", r, alts, drug_ids, effect, level, cit, extra, notes)
                self.rows.extend(rows)
                item["rows"] = len(rows)
            except Skip as s:
                item.update(outcome="skipped", reason=s.reason, supported=s.supported, skipcat=s.category)
                if "cats" not in item:
                    item["cats"] = self.categories(mp)
            self.items.append(item)

    def settle_mechanisms(self):
        """An alteration that CIViC also reports as conferring sensitivity to the same drug is a
        driver of that drug's use: its resistance rows are conflicting evidence, not acquired
        on-target resistance, and must not set the driver rows aside (verdict rule a)."""
        sens = {(r["gene"], r["kind"], r["alteration"], r["requires"], r["drugs"])
                for r in self.rows + self.arows if r["effect"] == "sensitivity"}
        for r in self.rows + self.arows:
            if r["mechanism"] == "on_target" and (r["gene"], r["kind"], r["alteration"], r["requires"], r["drugs"]) in sens:
                r["mechanism"] = "other"
                r["mechanism_basis"] = ("derived:same alteration has CIViC sensitivity evidence for this drug, "
                                        "so this is conflicting evidence, not on-target resistance")

    def run_assertions(self):
        self.aitems = []
        ev_by_id = {r["evidence_id"]: r for r in self.ev}
        for r in sorted(self.assertions, key=lambda x: int(x["assertion_id"])):
            if r["assertion_type"] != "Predictive":
                continue
            aid = r["assertion_id"]
            mp = self.profiles[r["molecular_profile_id"]]
            item = {"aid": aid, "outcome": "imported", "reason": "", "mp": mp["name"], "tier": r["amp_category"]}
            try:
                alts = profile_alts(mp, self.variants, self.clf, self.cache)
                effect = EFFECTS.get((r["assertion_direction"], r["significance"]))
                if effect is None:
                    raise Skip("significance", f"{r['assertion_direction']} {r['significance']}: no effect value", True)
                level = AMP_TO_LEVEL.get(r["amp_category"])
                if level is None:
                    raise Skip("tier", f"AMP category {r['amp_category']!r} has no project level", True)
                eids = [x.strip() for x in r["evidence_item_ids"].split(",") if x.strip()]
                pm = sorted({c for c in (pmid_citation(ev_by_id[e]["source_type"], ev_by_id[e]["citation_id"])
                                         for e in eids if e in ev_by_id) if c},
                            key=lambda c: int(c.split(":")[1]))
                if not pm:
                    raise Skip("citation", "no linked evidence item with a PMID", True)
                # the assertion export has no interaction type: take it from a linked evidence
                # item naming the same therapies (BRAF V600E dabrafenib+trametinib is a combination)
                ra = dict(r)
                tset = {x.strip().lower() for x in r["therapies"].split(",") if x.strip()}
                kinds = sorted({ev_by_id[e]["therapy_interaction_type"] for e in eids if e in ev_by_id
                                and {x.strip().lower() for x in ev_by_id[e]["therapies"].split(",") if x.strip()} == tset})
                ra["therapy_interaction_type"] = kinds[0] if len(tset) > 1 and len(kinds) == 1 else ""
                if len(tset) > 1 and len(kinds) != 1:
                    raise Skip("therapy", "several therapies and no unambiguous interaction type in the linked "
                               "evidence items", True)
                drug_ids = self.therapies(ra)
                r = ra
                dname = clean(r["disease"])
                extra = {
                    "disease": disease_code(dname, r["doid"]), "civic_id": f"AID{aid}",
                    "civic_rating": "", "civic_direction": r["assertion_direction"],
                    "civic_significance": r["significance"], "civic_disease": dname,
                    "civic_doid": f"DOID:{r['doid']}" if r["doid"] else "", "nct_ids": "",
                    "civic_profile": f"{clean(mp['name'])} (MP{mp['molecular_profile_id']})",
                    "civic_therapies": clean(r["therapies"]) + (f" ({r['therapy_interaction_type']})"
                                                                if r.get("therapy_interaction_type") else ""),
                    "amp_tier": r["amp_category"],
                    "civic_evidence_ids": ";".join(f"EID{e}" for e in sorted(eids, key=int)),
                }
                notes = (f"CIViC AID{aid} ({clean(mp['name'])}; {dname}; therapies: {extra['civic_therapies']}; "
                         f"{r['assertion_direction']} {r['significance']}; AMP/ASCO/CAP {r['amp_category']} "
                         f"-> level {level} (conservative inverse of amp_tier()); NCCN "
                         f"{clean(r['nccn_guideline']) or '-'} {clean(r['nccn_guideline_version'])}; "
                         f"regulatory approval {r['regulatory_approval'] or '-'}; FDA companion test "
                         f"{r['fda_companion_test'] or '-'}). Imported by db/tools/import_civic.py, not "
                         f"re-read by us. Summary: {clean(r['assertion_summary'])}")
                rows = self.make_rows(f"CIViC-AID{aid}", r, alts, drug_ids, effect, level,
                                      ";".join(pm), extra, notes)
                self.arows.extend(rows)
                item["rows"] = len(rows)
            except Skip as s:
                item.update(outcome="skipped", reason=s.reason)
            self.aitems.append(item)


# ---------------------------------------------------------------------------------------------
# Output


def sha256_text(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def sha256(p: Path) -> str:
    return mt.sha256(p)


def write_lines(path: Path, lines: list[str]):
    for l in lines:
        if "\n" in l:
            mt.die(f"{path}: newline inside a line")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def table_lines(header: list[str], columns: list[str], rows: list[dict]) -> list[str]:
    lines = list(header) + ["\t".join(columns)]
    for r in rows:
        cells = [clean(str(r.get(c, ""))) for c in columns]
        lines.append("\t".join(cells))
    return lines


def rel(p: Path) -> str:
    return mt.display(p)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder (default ../shared/data)")
    ap.add_argument("--civic", type=Path, help=f"CIViC release folder (default DATA/{REL_CIVIC})")
    ap.add_argument("--chain", type=Path, help=f"hg19->hg38 chain (default DATA/{REL_CHAIN_19_38})")
    ap.add_argument("--db", type=Path, default=REPO_ROOT / "db", help="the curated db/ (read only)")
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "db" / "civic", help="output folder (default db/civic)")
    a = ap.parse_args(argv)
    data = a.data
    civic = a.civic or data / REL_CIVIC
    chain19 = a.chain or data / REL_CHAIN_19_38
    files = {k: find_release_file(civic, k) for k in CIVIC_FILES}
    release = files["evidence"].name.split("-ClinicalEvidence")[0]
    db = a.db
    out = a.out
    if out.resolve() == db.resolve():
        mt.die("--out must not be the curated db/ folder")

    # curated layer (read only)
    genes_known = mt.read_genes(db / "genes.txt")
    # Only the rows of genes.txt genes: the tables also hold the genes of genes_civic.txt (written by
    # make_transcripts.py after a previous import) and the whole-genome bulk, and the importer makes
    # the models of every other gene itself, so its output does not depend on which of those the
    # tables hold today (re-running after make_transcripts.py gives the same files).
    m38 = {g: m for g, m in read_transcript_table(db / "transcripts.GRCh38.tsv").items() if g in genes_known}
    m37 = {g: m for g, m in read_transcript_table(db / "transcripts.GRCh37.tsv").items() if g in genes_known}
    drugs = Drugs(read_drugs(db / "drugs.tsv"))

    ev = read_tsv(files["evidence"])
    profiles = {r["molecular_profile_id"]: r for r in read_tsv(files["profiles"])}
    variants = {r["variant_id"]: r for r in read_tsv(files["variants"])}
    assertions = read_tsv(files["assertions"])

    # extra genes: every gene a predictive profile names, plus fusion partners, not in genes.txt
    wanted = set()
    pred_mps = {r["molecular_profile_id"] for r in ev if r["evidence_type"] == "Predictive"}
    pred_mps |= {r["molecular_profile_id"] for r in assertions if r["assertion_type"] == "Predictive"}
    for mpid in pred_mps:
        for vid in profiles[mpid]["variant_ids"].split(","):
            v = variants.get(vid.strip())
            if v:
                wanted.add(v["gene"].strip())
                for part in re.findall(r"([A-Z0-9][A-Z0-9-]*)::([A-Z0-9][A-Z0-9-]*)", v["variant"]):
                    wanted |= {g for g in part if g != "ABL"}
    extra_genes = sorted(wanted - set(genes_known))
    mane_p, bed_p, chain38 = data / mt.REL_MANE, data / mt.REL_BED, data / mt.REL_CHAIN
    mane = {}
    with open_text(mane_p) as f:
        header = f.readline().rstrip("\n").lstrip("#").split("\t")
        rows_by = {}
        for line in f:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            if r["symbol"] in wanted and r["MANE_status"] == "MANE Select":
                rows_by.setdefault(r["symbol"], []).append(r)
    no_model = {}
    for g in extra_genes:
        rs = rows_by.get(g, [])
        if len(rs) != 1:
            no_model[g] = f"{len(rs)} MANE v1.0 Select rows for the symbol (need exactly 1)"
        else:
            mane[g] = rs[0]
    bed = mt.read_bed(bed_p, {r["RefSeq_nuc"].split(".")[0] for r in mane.values()})
    e38 = {}
    for g in sorted(mane):
        mt.FAIL = mt.Failures()
        saved, sys.stderr = sys.stderr, io.StringIO()
        try:
            m = mt.model_grch38(g, mane[g], bed, bed_p.name, data, data / mt.REL_CIVIC_VCF)
        finally:
            sys.stderr = saved
        if m is None or mt.FAIL.items:
            no_model[g] = "; ".join(mt.FAIL.items) or "no model"
            continue
        e38[g] = m
    chains38 = mt.read_chains(chain38, {"chr" + m.contig for m in e38.values()})
    e37 = {}
    for g, m in sorted(e38.items()):
        mt.FAIL = mt.Failures()
        saved, sys.stderr = sys.stderr, io.StringIO()
        try:
            lm = mt.lift_model(m, chains38)
            if lm is not None:
                mt.validate_model(lm, "GRCh37")
        finally:
            sys.stderr = saved
        if lm is None or mt.FAIL.items:
            no_model[g] = "; ".join(mt.FAIL.items) or "GRCh37 lift failed"
            continue
        e37[g] = lm
    for g in list(e38):
        if g not in e37:
            del e38[g]
    # cross-check the new models against CIViC's own GRCh37 SNV c. positions (counts only)
    civic_check = []
    mt.FAIL = mt.Failures()
    saved, sys.stderr = sys.stderr, io.StringIO()
    try:
        mt.check_civic(e37, [files["variants"]], civic_check)
    finally:
        sys.stderr = saved
    civic_check_fail = list(mt.FAIL.items)
    for item in civic_check_fail:  # a same-version disagreement disqualifies the model
        g = item.split("CIViC cross-check: ")[1].split()[0]
        if g in e38:
            no_model[g] = "CIViC cross-check failed: " + item
            del e38[g], e37[g]

    all38 = {**m38, **e38}
    all37 = {**m37, **e37}
    contigs = {v["chromosome"] for v in variants.values() if v.get("chromosome")}
    lifter = Lifter(chain19, contigs)
    clf = Classifier(all38, all37, lifter)
    imp = Importer(ev, profiles, variants, assertions, clf, drugs, genes_known)
    imp.run_evidence()
    imp.run_assertions()
    imp.settle_mechanisms()

    # genes the rows actually use (gene column, requires, driver context)
    used = set()
    for r in imp.rows + imp.arows:
        used.add(r["gene"])
        used |= {x.split(":")[0] for x in r["requires"].split(";") if x}
        used |= {c.split("=")[1].split()[0] for c in r["context"].split(";") if c.startswith("driver=")}
    partners = set()
    for r in imp.rows + imp.arows:
        if r["kind"] == "fusion":
            partners |= {g for g in r["alteration"].split("::") if g != "*"}
    out_genes = sorted((used | (partners & set(e38))) - set(genes_known))
    missing_used = sorted(g for g in used if g not in all38)
    if missing_used:
        mt.die(f"rows use genes without a transcript model: {missing_used}")

    # ---- write -----------------------------------------------------------------------------
    out.mkdir(parents=True, exist_ok=True)
    cmd_args = [x if not os.path.exists(x) else rel(Path(x)) for x in (argv if argv is not None else sys.argv[1:])]
    cmd = " ".join(["python3", "db/tools/import_civic.py", *map(shlex.quote, cmd_args)])
    sources_md = data / "SOURCES.md"
    prov = [f"GENERATED by `{cmd}` (run from the repository root; see db/tools/README.md). Do not edit by hand: "
            f"re-run the importer; curated corrections belong in db/knowledge/ (the overlay).",
            f"CIViC release {release} (CC0 1.0), folder {REL_CIVIC if a.civic is None else rel(civic)}; "
            f"SOURCES.md: {mt.sources_origin(sources_md, REL_CIVIC + '/' + files['evidence'].name)}"]
    for k in sorted(files):
        prov.append(f"input {files[k].name} sha256={sha256(files[k])}")
    prov.append(f"input {chain19.name} sha256={sha256(chain19)} (GRCh37 -> GRCh38 liftover of CIViC coordinates)")
    known_rows = sha256_text("".join("\t".join(m38[g].row()) + "\n" for g in sorted(m38)))
    prov.append(f"curated layer read: db/genes.txt sha256={sha256(db / 'genes.txt')}, db/drugs.tsv "
                f"sha256={sha256(db / 'drugs.tsv')}, db/transcripts.GRCh38.tsv rows of db/genes.txt "
                f"sha256={known_rows}")
    hdr = lambda title: [f"# {title}"] + [f"# {p}" for p in prov]

    kn_note = ["# Columns 1-15 as db/knowledge/*.tsv (db/README.md); status `civic` = taken from CIViC as curated there, "
               "not re-read by us; trailing columns layer..mechanism_basis are described in db/tools/README.md."]
    write_lines(out / "civic_predictive.tsv",
                table_lines(hdr("db/civic/civic_predictive.tsv - CIViC accepted predictive evidence items, one row per "
                                "(item, drug, alteration).") + kn_note, COLUMNS, imp.rows))
    write_lines(out / "civic_assertions.tsv",
                table_lines(hdr("db/civic/civic_assertions.tsv - CIViC predictive assertions with their AMP/ASCO/CAP "
                                "tier (column amp_tier); evidence_level is the conservative project level for the tier.")
                            + kn_note, COLUMNS, imp.arows))
    drow = [dict(zip(DRUG_COLUMNS, r)) for r in drugs.rows()]
    dups = [r["id"] for r in drow if r["id"] in drugs.existing]
    dups += sorted(i for i, c in Counter(r["id"] for r in drow).items() if c > 1)
    if dups:
        mt.die(f"drugs_civic.tsv would repeat ids of db/drugs.tsv: {dups}")
    write_lines(out / "drugs_civic.tsv",
                table_lines(hdr("db/civic/drugs_civic.tsv - drugs.tsv format; therapies of the CIViC rows that are "
                                "not in db/drugs.tsv, and combinations ('a+b', ids sorted; class = the combination's "
                                "own id). Classes and targets: the importer's DRUG_INFO table (not CIViC); a drug not "
                                "in it is its own one-drug class.") , DRUG_COLUMNS, drow))
    write_lines(out / "genes_civic.txt",
                hdr("db/civic/genes_civic.txt - genes named by CIViC rows (gene, requires, driver context, fusion "
                    "partners with a model) that are not in db/genes.txt; make_transcripts.py treats them as "
                    "knowledge-base genes (every check strict) and writes their models into "
                    "db/transcripts.GRCh3[78].tsv: run it after this importer.") + out_genes)
    for stale in ("transcripts.GRCh38.tsv", "transcripts.GRCh37.tsv"):  # written by importers before 2026.12-4
        (out / stale).unlink(missing_ok=True)
    report = make_report(imp, clf, drugs, release, cmd, out_genes, no_model, extra_genes, civic_check,
                         civic_check_fail, used)
    write_lines(out / "IMPORT_REPORT.md", report)
    print(f"wrote {rel(out)}: {len(imp.rows)} evidence rows, {len(imp.arows)} assertion rows, "
          f"{len(drow)} drug rows, {len(out_genes)} extra genes")
    return 0


# ---------------------------------------------------------------------------------------------
# Report


def pct(a, b):
    return f"{100.0 * a / b:.1f}%" if b else "n/a"


def make_report(imp, clf, drugs, release, cmd, out_genes, no_model, extra_genes, civic_check,
                civic_check_fail, used):
    items = imp.items
    L = [f"# CIViC import report (release {release})", "",
         f"GENERATED by `{cmd}` from the repository root. Do not edit by hand.", "",
         "Scope: every accepted Predictive evidence item and every Predictive assertion of the release. "
         "An item becomes one row per drug (a `Combination` is one combination drug) and per alteration "
         "(`G12/G13` and `D835H/Y` give one row each). Rows carry status `civic` (taken from CIViC, not re-read by us).", ""]
    n = len(items)
    imported = [i for i in items if i["outcome"] == "imported"]
    supported = [i for i in items if i["supported"]]
    sup_imp = [i for i in supported if i["outcome"] == "imported"]
    L += ["## Headline", "",
          f"* accepted predictive evidence items: **{n}**",
          f"* imported (>= 1 row): **{len(imported)}** ({pct(len(imported), n)}), rows written: **{len(imp.rows)}**",
          f"* items whose variant type(s) the engine supports: **{len(supported)}**; of these imported: "
          f"**{len(sup_imp)} = {pct(len(sup_imp), len(supported))}** (target >= 90%)",
          f"* predictive assertions: {len(imp.aitems)}, imported {sum(1 for a in imp.aitems if a['outcome'] == 'imported')}, "
          f"rows written: {len(imp.arows)}",
          f"* drug rows in drugs_civic.tsv: {len(drugs.rows())}; genes added (genes_civic.txt): {len(out_genes)}", "",
          "'Supported' = the profile is single or AND and every variant in it is of a kind the schema can write "
          "(protein change, indel, codon, exon, c./genomic, gene mutation/LOF class, amplification, deletion/loss, "
          "fusion). Items counted as supported but not imported failed for another reason listed below "
          "(coordinate check, AND shape, toxicity, citation, therapy, missing transcript).", ""]
    # per profile kind
    L += ["## By molecular-profile kind", "", "| profile kind | items | imported | skipped |", "|---|---:|---:|---:|"]
    for k in ("single", "AND", "OR", "NOT"):
        ks = [i for i in items if i["pkind"] == k]
        L.append(f"| {k} | {len(ks)} | {sum(1 for i in ks if i['outcome'] == 'imported')} | "
                 f"{sum(1 for i in ks if i['outcome'] == 'skipped')} |")
    # per variant category (single-variant profiles)
    L += ["", "## By variant category (single-variant profiles)", "",
          "| category | supported | items | imported | skipped |", "|---|---|---:|---:|---:|"]
    cat = Counter()
    cat_imp = Counter()
    cat_sup = {}
    for i in items:
        if i["pkind"] != "single" or not i.get("cats"):
            continue
        c = i["cats"][0]
        cat[c] += 1
        cat_imp[c] += i["outcome"] == "imported"
        v = imp.cache.get(None)
    unsupported_cats = {c for _, c, _ in UNSUPPORTED} | {"unrecognised"}
    for c in sorted(cat, key=lambda c: (-cat[c], c)):
        L.append(f"| {c} | {'no' if c in unsupported_cats else 'yes'} | {cat[c]} | {cat_imp[c]} | {cat[c] - cat_imp[c]} |")
    # rows by kind
    L += ["", "## Rows written, by kind and effect", "", "| kind | rows |", "|---|---:|"]
    for k, c in sorted(Counter(r["kind"] for r in imp.rows).items()):
        L.append(f"| {k} | {c} |")
    L += ["", "| effect | rows |", "|---|---:|"]
    for k, c in sorted(Counter(r["effect"] for r in imp.rows).items()):
        L.append(f"| {k} | {c} |")
    L += ["", "| evidence_level | rows |", "|---|---:|"]
    for k, c in sorted(Counter(r["evidence_level"] for r in imp.rows).items()):
        L.append(f"| {k} | {c} |")
    L += ["", "| disease mapped to a project/OncoTree code | rows |", "|---|---:|",
          f"| yes | {sum(1 for r in imp.rows if not r['disease'].startswith('DOID:'))} |",
          f"| no (written as DOID:n) | {sum(1 for r in imp.rows if r['disease'].startswith('DOID:'))} |"]
    L += ["", "| match_restrict (narrowing the kind cannot express; see db/tools/README.md) | rows |", "|---|---:|"]
    for k, c in sorted(Counter(re.sub(r"=.*", "=...", x) for r in imp.rows + imp.arows
                               for x in (r["match_restrict"].split(";") if r["match_restrict"] else ["(none)"])).items()):
        L.append(f"| {k} | {c} |")
    L += ["", "## Caveats (read before loading this layer)", "",
          "* `status` `civic` and `effect` `no_resistance` are new values: the current C++ loader rejects them "
          "and does not read db/civic/ at all (see db/tools/README.md, 'What the C++ loader must learn').",
          "* `mechanism` is derived by the importer from drug targets (`mechanism_basis` says how), not taken from CIViC; "
          "no `bypass`/`downstream` row is derived, so verdict rule c (class-wide low confidence) never fires on civic rows.",
          "* `range` rows for exon classes and gene-level `Mutation` are broader than CIViC until the loader honours "
          "`match_restrict` (e.g. EGFR exon 19 deletion = residues 729-761 with `deletion`).",
          "* CIViC `Loss` is written as copy-number `loss`; some CIViC items mean loss of protein expression (IHC).",
          "* No `context` is inferred beyond the profile itself: CIViC ALK/ROS1/RET/NTRK kinase rows do not carry "
          "`driver=<GENE> fusion` unless the profile names the fusion.",
          "* hgvs_p/codon rows without CIViC coordinates (`coordinate_check` `no_coordinates`) are unchecked: their "
          "residue numbering is assumed to be the MANE protein's.",
          "* Disease codes outside the curated set are standard OncoTree codes or `DOID:<n>`; tumour-type matching "
          "(`context`) is not derived from them."]
    # skip reasons
    L += ["", "## Skipped evidence items, by reason", "",
          "| reason | supported type | items | example EIDs |", "|---|---|---:|---|"]
    reasons = {}
    for i in items:
        if i["outcome"] == "skipped":
            key = (i.get("skipcat", ""), generic_reason(i["reason"]), i["supported"])
            reasons.setdefault(key, []).append(i["eid"])
    for (c, rsn, sup), eids in sorted(reasons.items(), key=lambda x: (-len(x[1]), x[0])):
        ex = ", ".join(eids[:6]) + (" ..." if len(eids) > 6 else "")
        L.append(f"| {c}: {rsn} | {'yes' if sup else 'no'} | {len(eids)} | {ex} |")
    L += ["", "### Coordinate-check failures (each item)", ""]
    for i in items:
        if i["outcome"] == "skipped" and i.get("skipcat") == "coordinate check failed":
            L.append(f"* EID{i['eid']}: {i['reason']}")
    # coordinate checks
    L += ["", "## Coordinate checks (per distinct CIViC variant)", "",
          "GRCh37 coordinates lifted with hg19_to_hg38.chain (one ungapped block, forward strand, same chromosome); "
          "the GRCh38 position must lie in the gene's MANE transcript (small variants: the whole allele; "
          "gene/exon-level variants: overlap); where CIViC gives an HGVS c. on our accession (any version) it must "
          "point at the lifted base with the right reference base; the named residue must be the codon at the lifted "
          "position (indels: within 3 residues). `hgvs_c` is filled only from a c. that passed.", "",
          "| outcome | variants |", "|---|---:|"]
    for k, c in sorted(clf.coord_stats.items()):
        L.append(f"| {k} | {c} |")
    L += ["", "| coordinate_check value | rows |", "|---|---:|"]
    for k, c in sorted(Counter(r["coordinate_check"].split(";exon")[0] for r in imp.rows).items()):
        L.append(f"| {k or '-'} | {c} |")
    # assertions
    L += ["", "## Assertions", "", "| AID | profile | AMP/ASCO/CAP | outcome |", "|---|---|---|---|"]
    for a in imp.aitems:
        L.append(f"| AID{a['aid']} | {a['mp']} | {a['tier']} | {a['outcome']}"
                 + (f": {a['reason']}" if a["reason"] else f" ({a.get('rows', 0)} rows)") + " |")
    # genes
    L += ["", "## Genes and transcripts", "",
          f"Genes named by predictive CIViC profiles but not in db/genes.txt: {len(extra_genes)}. "
          f"With a MANE model in both builds and used by rows: {len(out_genes)} (genes_civic.txt). ", "",
          "Genes that could not get a model (rows naming them as `gene` were skipped with reason 'no transcript model'):", ""]
    for g in sorted(no_model):
        L.append(f"* {g}: {no_model[g]}")
    L += ["", "CIViC GRCh37 SNV cross-check of the new models (make_transcripts.check_civic):", ""]
    L += [f"* {x}" for x in civic_check] or ["* (no same-accession SNVs)"]
    L += [f"* FAILED: {x}" for x in civic_check_fail]
    # drugs
    L += ["", "## Therapy names -> drug ids", "", "| CIViC therapy | drug id | in db/drugs.tsv |", "|---|---|---|"]
    for name in sorted(drugs.mapping, key=str.lower):
        did = drugs.mapping[name]
        L.append(f"| {name} | {did} | {'yes' if did in drugs.existing else 'no'} |")
    return L


def generic_reason(r: str) -> str:
    """Group free-text reasons for the table (names and positions stripped)."""
    if r.startswith("GRCh37 ") or r.startswith("NM_") or "lifted GRCh38" in r or " does not point at " in r:
        if "outside" in r:
            return "lifted position outside the MANE transcript"
        if "not lifted" in r:
            return "liftover failed (" + r.split("not lifted: ")[1] + ")"
        if "does not point" in r:
            return "CIViC c. does not match the MANE model at the lifted position"
        if "not in the" in r:
            return "lifted position not in the CDS"
        return "named residue differs from the codon at the lifted position (numbering not MANE)"
    r = re.sub(r"^'[^']*': ", "", r)
    r = re.sub(r"^[A-Z0-9-]+ has no MANE", "gene has no MANE", r)
    r = re.sub(r"abstract [^:\s]+", "abstract", r)
    r = re.sub(r"fusion [^:]+: the driver", "fusion: the driver", r)
    r = re.sub(r"^exon \d+ of \S+", "exon", r)
    r = re.sub(r"^variant \d+", "variant", r)
    return r


if __name__ == "__main__":
    sys.exit(main())
