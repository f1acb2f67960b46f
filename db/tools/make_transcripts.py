#!/usr/bin/env python3
"""Generate db/transcripts.GRCh38.tsv and db/transcripts.GRCh37.tsv (MANE Select models).

Python 3 standard library only. See db/tools/README.md for the inputs, their provenance,
the checks and the ROS1 decision.

GRCh38 models come from the UCSC hg38 RefSeq BED12 (accessions without version), matched on
the unversioned MANE v1.0 Select NM accession and the primary chromosome MANE names.
GRCh37 models are the GRCh38 models lifted exon by exon with the UCSC hg38->hg19 chain; every
exon must lift whole (one ungapped chain block, same length), in order, on one contig and on
the same strand, or the script fails naming the gene and exon.

All coordinates written are 0-based half-open. Every check failure is collected and printed;
the tables are only written when there is none (exit status 1 otherwise).
"""
from __future__ import annotations

import argparse
import bisect
import contextlib
import csv
import gzip
import hashlib
import io
import os
import re
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"

# Relative paths inside the shared data folder (also the keys looked up in SOURCES.md).
REL_MANE = "transcripts/mane/MANE.GRCh38.v1.0.summary.txt.gz"
REL_BED = "transcripts/refseq_hg38_bed12/hg38_RefSeq.bed.gz"
REL_CHAIN = "genome/liftover_chains/hg38_to_hg19.chain.gz"
REL_GENEFUSE = "transcripts/genefuse_exons"
REL_OVERRIDES = "transcripts/isoform_overrides/isoform_overrides_at_mskcc"
REL_CIVIC_VS = [
    "civic/2024-08-01_via_rk-izak-DATA72000-IBE/01-Aug-2024-VariantSummaries.tsv",
    "civic/2018-10-01_via_umccr-RNAsum/01-Oct-2018-VariantSummaries.tsv",
]
REL_CIVIC_VCF = "civic/2024-08-01_via_rk-izak-DATA72000-IBE/01-Aug-2024-civic_accepted.vcf.gz"

PRIMARY = {str(i) for i in range(1, 23)} | {"X", "Y"}

COLUMNS = ["gene", "accession", "protein", "contig", "strand", "tx_start", "tx_end",
           "cds_start", "cds_end", "exon_starts", "exon_ends", "ensembl", "source"]

# Genes whose MANE Select accession is absent from the 2018 BED12, with the older RefSeq
# accession that is present. Nothing here is trusted: make_substitute() checks every claim
# against the data (MSKCC isoform overrides, CIViC HGVS, GeneFuse exons) and decides whether
# the substitute encodes the MANE protein. The version and protein accession are the ones the
# MSKCC overrides and CIViC give for this Ensembl transcript; they are asserted, not assumed.
SUBSTITUTES = {
    "ROS1": {
        "bed_accession": "NM_002944",
        "accession": "NM_002944.2",
        "protein": "NP_002935.2",
        "ensembl": "ENST00000368508",
    },
}

# Known answers (shared/knowledge/CHECKS.md). 1-based genomic positions.
KNOWN_CPOS = [  # gene, c. position, GRCh38 chr:pos, GRCh37 pos
    ("ALK", 3604, 29220747, 29443613),
]
ALK_OFFSET = 222866
PTPN1_LAST_OF_EXON8 = 1088          # c.1088 is the last base of coding exon 8
PTPN1_DONOR = (50579927, 49196464)  # c.1088+1, GRCh38 / GRCh37, 1-based


class Failures:
    def __init__(self, quiet: bool = False):
        self.items: list[str] = []
        self.quiet = quiet

    def add(self, msg: str):
        self.items.append(msg)
        if not self.quiet:
            print("FAIL: " + msg, file=sys.stderr)


FAIL = Failures()


@contextlib.contextmanager
def collecting():
    """Collects the failures of the checks run inside (instead of failing the run): a bulk gene
    that fails a check is left out, with the collected messages as its reason."""
    global FAIL
    saved, FAIL = FAIL, Failures(quiet=True)
    try:
        yield FAIL
    finally:
        FAIL = saved


def die(msg: str):
    print("ERROR: " + msg, file=sys.stderr)
    sys.exit(1)


def open_text(path: Path):
    if str(path).endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def bare(contig: str) -> str:
    return contig[3:] if contig.startswith("chr") else contig


# ---------------------------------------------------------------------------------------------
# Transcript model


@dataclass
class Model:
    gene: str
    accession: str
    protein: str
    contig: str
    strand: str
    exons: list  # [(start, end)] ascending, 0-based half-open
    cds_start: int
    cds_end: int
    source: str = ""
    ensembl: str = ""        # MANE Ensembl transcript (with version)
    is_mane: bool = True
    lift_offsets: list = field(default_factory=list)

    @property
    def tx_start(self):
        return self.exons[0][0]

    @property
    def tx_end(self):
        return self.exons[-1][1]

    def cds_positions(self) -> list[int]:
        """0-based genomic positions of the CDS bases in transcript order (c.1 first)."""
        pos = []
        for s, e in self.exons:
            lo, hi = max(s, self.cds_start), min(e, self.cds_end)
            pos.extend(range(lo, hi))
        return pos if self.strand == "+" else pos[::-1]

    def cds_length(self) -> int:
        return sum(max(0, min(e, self.cds_end) - max(s, self.cds_start)) for s, e in self.exons)

    def exons_tx_order(self):
        return self.exons if self.strand == "+" else self.exons[::-1]

    def row(self) -> list[str]:
        return [self.gene, self.accession, self.protein, self.contig, self.strand,
                str(self.tx_start), str(self.tx_end), str(self.cds_start), str(self.cds_end),
                ",".join(str(s) for s, _ in self.exons), ",".join(str(e) for _, e in self.exons),
                self.ensembl, self.source]


def validate_model(m: Model, build: str):
    where = f"{build} {m.gene} {m.accession}"
    if m.strand not in "+-" or len(m.strand) != 1:
        FAIL.add(f"{where}: bad strand {m.strand!r}")
    for i, (s, e) in enumerate(m.exons):
        if e <= s or (i and s < m.exons[i - 1][1]):
            FAIL.add(f"{where}: exon {i + 1} (genomic order) empty, reversed or overlapping")
    if not (m.tx_start <= m.cds_start < m.cds_end <= m.tx_end):
        FAIL.add(f"{where}: CDS {m.cds_start}-{m.cds_end} not inside transcript")
    if not any(s <= m.cds_start < e for s, e in m.exons):
        FAIL.add(f"{where}: CDS start {m.cds_start} is not inside an exon")
    if not any(s < m.cds_end <= e for s, e in m.exons):
        FAIL.add(f"{where}: CDS end {m.cds_end} is not inside an exon")
    if m.cds_length() % 3:
        FAIL.add(f"{where}: CDS length {m.cds_length()} is not a multiple of 3")


# ---------------------------------------------------------------------------------------------
# Inputs


def read_genes(path: Path) -> list[str]:
    genes = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                genes.append(line)
    dup = {g for g in genes if genes.count(g) > 1}
    if dup:
        die(f"{path}: duplicate genes {sorted(dup)}")
    return genes


def read_mane(path: Path, genes: list[str]) -> dict:
    want = set(genes)
    rows: dict[str, list[dict]] = {g: [] for g in genes}
    with open_text(path) as f:
        header = f.readline().rstrip("\n").lstrip("#").split("\t")
        for line in f:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            if r["symbol"] in want and r["MANE_status"] == "MANE Select":
                rows[r["symbol"]].append(r)
    out = {}
    for g in genes:
        if len(rows[g]) != 1:
            FAIL.add(f"{g}: {len(rows[g])} MANE Select rows in {path.name} (need exactly 1)")
            continue
        out[g] = rows[g][0]
    return out


def read_bed(path: Path, accessions: set[str]) -> dict:
    out: dict[str, list[list[str]]] = {a: [] for a in accessions}
    with open_text(path) as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) >= 12 and c[3] in out:
                out[c[3]].append(c)
    return out


def bed_to_model(c: list[str], gene: str) -> Model:
    start, end = int(c[1]), int(c[2])
    n = int(c[9])
    sizes = [int(x) for x in c[10].rstrip(",").split(",")]
    rel = [int(x) for x in c[11].rstrip(",").split(",")]
    if len(sizes) != n or len(rel) != n:
        FAIL.add(f"{gene}: BED row {c[3]} block count {n} != sizes/starts")
    exons = [(start + r, start + r + s) for r, s in zip(rel, sizes)]
    if exons[0][0] != start or exons[-1][1] != end:
        FAIL.add(f"{gene}: BED row {c[3]} blocks do not span chromStart..chromEnd")
    return Model(gene=gene, accession="", protein="", contig=bare(c[0]), strand=c[5],
                 exons=exons, cds_start=int(c[6]), cds_end=int(c[7]))


def model_grch38(g: str, r: dict, bed: dict, bed_name: str, data: Path, civic_vcf: Path) -> Model | None:
    """The GRCh38 model of gene g from its MANE row r and the BED12 rows (read_bed), checked
    (failures go to FAIL). None when no model can be made. Shared with import_civic.py."""
    nm = r["RefSeq_nuc"]
    unv = nm.split(".")[0]
    chrom = r["GRCh38_chr"]
    if chrom not in PRIMARY:
        FAIL.add(f"{g}: MANE chromosome {chrom!r} is not a primary chromosome")
        return None
    rows = [c for c in bed[unv] if c[0] == "chr" + chrom]
    if not rows and g in SUBSTITUTES and not bed[unv]:
        m = make_substitute(g, r, bed, data, civic_vcf)
        if m is None:
            return None
    elif len(rows) != 1:
        FAIL.add(f"{g}: {len(rows)} rows for {unv} on chr{chrom} in {bed_name} "
                 f"({len(bed[unv])} on any contig); need exactly 1")
        return None
    else:
        m = bed_to_model(rows[0], g)
        m.accession, m.protein, m.ensembl = nm, r["RefSeq_prot"], r["Ensembl_nuc"]
        m.source = f"hg38_RefSeq.bed {unv} (unversioned) = MANE {nm}"
    if m.strand != r["chr_strand"]:
        FAIL.add(f"{g}: BED strand {m.strand} != MANE strand {r['chr_strand']}")
    gs, ge = int(r["chr_start"]) - 1, int(r["chr_end"])
    if m.tx_end <= gs or m.tx_start >= ge:
        FAIL.add(f"{g}: BED transcript {m.tx_start}-{m.tx_end} outside MANE gene {gs}-{ge}")
    elif m.is_mane and not (gs <= m.cds_start and m.cds_end <= ge):
        FAIL.add(f"{g}: BED CDS {m.cds_start}-{m.cds_end} outside MANE gene span {gs}-{ge}")
    validate_model(m, "GRCh38")
    return m


# ---------------------------------------------------------------------------------------------
# The bulk: every other MANE Select gene whose model can be verified against MANE


BULK_RULES = {
    "span": "the BED transcript has MANE's GRCh38 span (chr_start-1 .. chr_end) and strand: the 2018 "
            "RefSeq model is the MANE version",
    "cds-in-span": "NOT the default: the BED transcript has MANE's strand and its CDS lies inside MANE's "
                   "span, but the UTR ends may differ (an older RefSeq version of the same accession; "
                   "accession/protein written without version, CDS not verified against MANE)",
}

# Reason codes of the genes left out (db/transcripts.report.md).
REASONS = {
    "mane_rows": "the symbol has more than one MANE v1.0 Select row",
    "non_primary": "MANE places the gene on a non-primary chromosome",
    "not_in_bed": "the MANE NM accession (unversioned) is not in the 2018 RefSeq BED12 (a newer accession)",
    "not_on_chromosome": "the accession is in the BED12, but not on the chromosome MANE names",
    "span_differs": "no BED row of the accession has MANE's span and strand (an older RefSeq version: "
                    "UTR ends, and possibly the CDS, differ from MANE)",
    "span_ambiguous": "several BED rows of the accession on the chromosome have MANE's span",
    "invalid_model": "the BED model fails a model check (exon order, CDS inside exons, CDS length a "
                     "multiple of 3)",
    "genefuse_disagrees": "a coding splice site disagrees with GeneFuse's exons of the same Ensembl transcript",
    "civic_disagrees": "a CIViC SNV on the same accession and version maps elsewhere through the model",
    "lift_failed": "GRCh37 only: an exon does not lift whole with the hg38->hg19 chain (or lifts to "
                   "another chromosome, strand or order)",
}


@dataclass
class Excluded:
    gene: str
    accession: str  # MANE NM with version ("" when unknown)
    builds: str     # "GRCh38+GRCh37" or "GRCh37"
    reason: str     # a REASONS key
    detail: str


def read_mane_select(path: Path) -> dict[str, list[dict]]:
    """Every MANE Select row, by symbol."""
    rows: dict[str, list[dict]] = {}
    with open_text(path) as f:
        header = f.readline().rstrip("\n").lstrip("#").split("\t")
        for line in f:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            if r["MANE_status"] == "MANE Select":
                rows.setdefault(r["symbol"], []).append(r)
    return rows


def bulk_model_grch38(g: str, r: dict, bed: dict, rule: str):
    """(model, None) or (None, (reason, detail)) for a bulk gene. Never invents a coordinate: the
    model is a BED row, taken only when the rule ties it to MANE."""
    nm = r["RefSeq_nuc"]
    unv = nm.split(".")[0]
    chrom, strand = r["GRCh38_chr"], r["chr_strand"]
    gs, ge = int(r["chr_start"]) - 1, int(r["chr_end"])
    if chrom not in PRIMARY:
        return None, ("non_primary", f"MANE chromosome {chrom!r}")
    all_rows = bed.get(unv, [])
    if not all_rows:
        return None, ("not_in_bed", f"{unv} not in the BED12")
    rows = [c for c in all_rows if c[0] == "chr" + chrom]
    if not rows:
        return None, ("not_on_chromosome", f"{unv} only on {','.join(sorted({c[0] for c in all_rows}))}, "
                                           f"MANE says chr{chrom}")
    if rule == "span":
        hits = [c for c in rows if int(c[1]) == gs and int(c[2]) == ge and c[5] == strand]
    else:
        hits = [c for c in rows if c[5] == strand and gs <= int(c[6]) and int(c[7]) <= ge and int(c[6]) < int(c[7])]
    mane_txt = f"MANE {nm} chr{chrom}:{gs}-{ge}{strand}"
    if not hits:
        bed_txt = "; ".join(f"BED {c[0]}:{c[1]}-{c[2]}{c[5]}" for c in rows)
        return None, ("span_differs", f"{mane_txt} (0-based); {bed_txt}")
    if len(hits) > 1:
        return None, ("span_ambiguous", f"{len(hits)} BED rows of {unv} on chr{chrom} fit {mane_txt}")
    m = bed_to_model(hits[0], g)
    if rule == "span":
        m.accession, m.protein, m.ensembl = nm, r["RefSeq_prot"], r["Ensembl_nuc"]
        m.source = (f"bulk (MANE span): hg38_RefSeq.bed {unv} (unversioned) = MANE {nm}: same transcript span "
                    f"chr{chrom}:{gs + 1}-{ge} and strand {strand}")
    else:
        m.accession, m.protein, m.ensembl, m.is_mane = unv, r["RefSeq_prot"].split(".")[0], "", False
        m.source = (f"bulk (CDS in MANE span, NOT verified as MANE): hg38_RefSeq.bed {unv} (2018, unversioned); "
                    f"BED span {m.tx_start + 1}-{m.tx_end} vs MANE {nm} {gs + 1}-{ge}")
    with collecting() as fails:
        validate_model(m, "GRCh38")
    if fails.items:
        return None, ("invalid_model", "; ".join(fails.items))
    return m, None


def bulk_lift(m: Model, chains: dict):
    """(GRCh37 model, None) or (None, detail) for a bulk gene."""
    with collecting() as fails:
        lm = lift_model(m, chains)
        if lm is not None:
            validate_model(lm, "GRCh37")
    if lm is None or fails.items:
        return None, "; ".join(fails.items) or "GRCh37 lift failed"
    return lm, None


# ---------------------------------------------------------------------------------------------
# Chain file (UCSC chain format)


@dataclass
class Chain:
    cid: str
    score: int
    tname: str
    tstart: int
    tend: int
    qname: str
    qsize: int
    qstrand: str
    tblocks: list  # block starts on target
    qblocks: list  # block starts on query (in qStrand coordinates)
    sizes: list


def read_chains(path: Path, tnames: set[str]) -> dict[str, list[Chain]]:
    chains: dict[str, list[Chain]] = {}
    cur = None
    t = q = 0
    with open_text(path) as f:
        for line in f:
            if line.startswith("chain"):
                h = line.split()
                if len(h) < 12:
                    die(f"{path}: bad chain header {line.strip()!r}")
                _, score, tname, _tsize, tstrand, tstart, tend, qname, qsize, qstrand, qstart, _qend = h[:12]
                cid = h[12] if len(h) > 12 else "?"
                if tname not in tnames:
                    cur = None
                    continue
                if tstrand != "+":
                    die(f"{path}: chain {cid} has tStrand {tstrand}; only '+' is defined")
                if qstrand not in "+-":
                    die(f"{path}: chain {cid} has qStrand {qstrand!r}")
                cur = Chain(cid, int(score), tname, int(tstart), int(tend), qname, int(qsize),
                            qstrand, [], [], [])
                chains.setdefault(tname, []).append(cur)
                t, q = int(tstart), int(qstart)
                continue
            if cur is None:
                continue
            p = line.split()
            if not p:
                cur = None
                continue
            size = int(p[0])
            cur.tblocks.append(t)
            cur.qblocks.append(q)
            cur.sizes.append(size)
            if len(p) == 3:
                t += size + int(p[1])
                q += size + int(p[2])
            elif len(p) == 1:
                if t + size != cur.tend:
                    die(f"{path}: chain {cur.cid} blocks end at {t + size}, header says {cur.tend}")
                cur = None
            else:
                die(f"{path}: bad chain block line {line.strip()!r}")
    return chains


def lift_interval(chains: dict, contig: str, s: int, e: int):
    """Lift [s,e) on hg38 'chr'+contig. Returns (hits, partial) where each hit is
    (qcontig, qs, qe, strand_sign, chain) for a block containing the whole interval, and partial
    lists chains that cover only part of it."""
    hits, partial = [], []
    for ch in chains.get("chr" + contig, []):
        if ch.tend <= s or ch.tstart >= e:
            continue
        i = bisect.bisect_right(ch.tblocks, s) - 1
        if i >= 0 and ch.tblocks[i] <= s and e <= ch.tblocks[i] + ch.sizes[i]:
            qs = ch.qblocks[i] + (s - ch.tblocks[i])
            qe = qs + (e - s)
            if ch.qstrand == "+":
                hits.append((bare(ch.qname), qs, qe, "+", ch))
            else:  # query coordinates count from the end of the reverse strand
                hits.append((bare(ch.qname), ch.qsize - qe, ch.qsize - qs, "-", ch))
        else:
            # does any block overlap at all?
            j = bisect.bisect_left(ch.tblocks, e)
            k = max(0, bisect.bisect_right(ch.tblocks, s) - 1)
            if any(ch.tblocks[x] < e and ch.tblocks[x] + ch.sizes[x] > s for x in range(k, j)):
                partial.append(ch)
    return hits, partial


def lift_model(m: Model, chains: dict) -> Model | None:
    new_exons, offsets, chain_ids, ok = [], [], set(), True
    qcontig = None
    txo = m.exons_tx_order()
    # Only the chains that overlap the transcript can hold one of its exons (same hits, faster
    # for the whole-genome bulk than scanning every chain of the chromosome per exon).
    chains = {"chr" + m.contig: [ch for ch in chains.get("chr" + m.contig, [])
                                 if ch.tstart < m.tx_end and ch.tend > m.tx_start]}
    for i, (s, e) in enumerate(m.exons):
        exon_no = txo.index((s, e)) + 1
        label = f"{m.gene} exon {exon_no} (hg38 chr{m.contig}:{s}-{e}, {e - s} bp)"
        hits, partial = lift_interval(chains, m.contig, s, e)
        if len(hits) != 1:
            if not hits:
                why = (f"only partly mapped by chain(s) {[c.cid for c in partial]}" if partial
                       else "not mapped by any chain")
            else:
                why = "mapped by several chains " + ", ".join(
                    f"{h[4].cid}->{h[0]}:{h[1]}-{h[2]}{h[3]}" for h in hits)
            FAIL.add(f"GRCh37 lift: {label} does not lift whole: {why}")
            ok = False
            continue
        qc, qs, qe, sign, ch = hits[0]
        if sign != "+":
            FAIL.add(f"GRCh37 lift: {label} lifts to the opposite strand ({qc}:{qs}-{qe}, chain "
                     f"{ch.cid} qStrand -); strand would not be preserved")
            ok = False
            continue
        if qc not in PRIMARY:
            FAIL.add(f"GRCh37 lift: {label} lifts to non-primary contig {qc}")
            ok = False
            continue
        if qcontig is None:
            qcontig = qc
        elif qc != qcontig:
            FAIL.add(f"GRCh37 lift: {label} lifts to {qc}, other exons to {qcontig}")
            ok = False
            continue
        if qe - qs != e - s:
            FAIL.add(f"GRCh37 lift: {label} changes length")
            ok = False
            continue
        new_exons.append((qs, qe))
        offsets.append(qs - s)
        chain_ids.add(ch.cid)
    if not ok:
        return None
    if qcontig != m.contig:
        FAIL.add(f"GRCh37 lift: {m.gene} moves from chromosome {m.contig} to {qcontig}")
        return None
    for i in range(1, len(new_exons)):
        if new_exons[i][0] < new_exons[i - 1][1]:
            FAIL.add(f"GRCh37 lift: {m.gene} exons {i} and {i + 1} (genomic order) are out of "
                     f"order or overlap after lifting: {new_exons[i - 1]} {new_exons[i]}")
            return None

    def lift_point(p, as_end):
        for (s, e), off in zip(m.exons, offsets):
            if (s < p <= e) if as_end else (s <= p < e):
                return p + off
        raise AssertionError
    lm = Model(gene=m.gene, accession=m.accession, protein=m.protein, contig=qcontig,
               strand=m.strand, exons=new_exons, cds_start=lift_point(m.cds_start, False),
               cds_end=lift_point(m.cds_end, True), ensembl=m.ensembl, is_mane=m.is_mane)
    lm.lift_offsets = offsets
    if lm.cds_length() != m.cds_length():
        FAIL.add(f"GRCh37 lift: {m.gene} CDS length {m.cds_length()} -> {lm.cds_length()}")
    if [e - s for s, e in lm.exons] != [e - s for s, e in m.exons]:
        FAIL.add(f"GRCh37 lift: {m.gene} exon lengths changed")
    uniq = sorted(set(offsets))
    off_txt = (f"single offset {uniq[0]:+d}" if len(uniq) == 1
               else f"{len(uniq)} offsets {uniq[0]:+d}..{uniq[-1]:+d}")
    lm.source = (f"{m.source}; lifted exon-by-exon with hg38_to_hg19.chain "
                 f"(chain id {','.join(sorted(chain_ids))}; {off_txt}; every exon whole)")
    return lm


# ---------------------------------------------------------------------------------------------
# GeneFuse exon tables (1-based inclusive, exon-number order)


def read_genefuse(path: Path) -> list[tuple[str, str, str, list]]:
    out = []
    cur = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            if line.startswith(">"):
                name, loc = line[1:].split(",", 1)
                gene, enst = name.split("_ENST", 1)
                cur = (gene, "ENST" + enst, bare(loc.split(":", 1)[0]), [])
                out.append(cur)
            else:
                _n, s, e = line.split(",")
                cur[3].append((int(s) - 1, int(e)))  # -> 0-based half-open
    return out


def splice_boundaries(exons):
    ex = sorted(exons)
    return {s for s, _ in ex[1:]} | {e for _, e in ex[:-1]}


def read_genefuse_entries(files: list[Path]) -> dict:
    entries = {}
    for p in files:
        for gene, enst, contig, exons in read_genefuse(p):
            entries.setdefault(gene, {})[(enst, contig, tuple(sorted(exons)))] = p.name
    return entries


def check_genefuse(models: dict, build: str, files: list[Path], summary: list[str], entries: dict | None = None,
                   failed: dict | None = None):
    """Per model with a GeneFuse entry: a summary line; a coding splice-site disagreement with the
    same Ensembl transcript goes to FAIL (and, when given, to failed[gene])."""
    if entries is None:
        entries = read_genefuse_entries(files)
    for gene in sorted(models):
        m = models[gene]
        for (enst, contig, exons), fname in sorted(entries.get(gene, {}).items()):
            same_tx = enst.split(".")[0] == m.ensembl.split(".")[0]
            gf = set(exons)
            internal = m.exons[1:-1]
            agree = sum(1 for x in internal if x in gf)
            ours_b = {b for b in splice_boundaries(m.exons) if m.cds_start < b < m.cds_end}
            gf_b = {b for b in splice_boundaries(exons) if m.cds_start < b < m.cds_end}
            missing, extra = sorted(ours_b - gf_b), sorted(gf_b - ours_b)
            coding_ok = contig == m.contig and not missing and not extra
            ours = "MANE" if m.is_mane else "our non-MANE"
            tx_note = (f"same transcript {enst} ({ours} {m.ensembl})" if same_tx
                       else f"DIFFERENT transcript {enst} vs {ours} {m.ensembl or '-'}")
            line = (f"{build} {gene:7s} {fname}: internal exons agree {agree}/{len(internal)} "
                    f"(GeneFuse {len(exons)} exons, ours {len(m.exons)}); coding splice sites "
                    f"{'all agree' if coding_ok else f'DISAGREE (ours only {missing}, GeneFuse only {extra})'}; {tx_note}")
            summary.append(line)
            if not coding_ok:
                if same_tx:
                    FAIL.add("GeneFuse cross-check: " + line)
                    if failed is not None:
                        failed.setdefault(gene, []).append(line)
                elif not FAIL.quiet:
                    print("WARN: " + line + " (explained by the different transcript choice)",
                          file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# CIViC HGVS c. cross-check (GRCh37 SNVs: CIViC's genomic coordinate vs our c. -> genome map)

COMP = {"A": "T", "C": "G", "G": "C", "T": "A"}
HGVS_C_SNV = re.compile(r"^(NM_\d+)\.(\d+):c\.(\d+)([ACGT])>([ACGT])$")


def read_civic_snvs(paths: list[Path]):
    seen = {}
    for p in paths:
        with open(p, encoding="utf-8", newline="") as f:
            rd = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            hcol = "hgvs_descriptions" if "hgvs_descriptions" in rd.fieldnames else "hgvs_expressions"
            for r in rd:
                if r.get("reference_build") != "GRCh37" or not r.get("start"):
                    continue
                for h in (r.get(hcol) or "").split(","):
                    mm = HGVS_C_SNV.match(h.strip())
                    if mm and r["start"] == r["stop"]:
                        key = (mm.group(1), mm.group(2), int(mm.group(3)), r["chromosome"], int(r["start"]))
                        seen[key] = (r["gene"], mm.group(4), r["reference_bases"], p.name)
    return seen


def check_civic(models37: dict, paths: list[Path], summary: list[str], failed: dict | None = None):
    snvs = read_civic_snvs(paths)
    by_acc = {}
    for m in models37.values():
        by_acc[m.accession.split(".")[0]] = m
    stats = {}
    for (acc, ver, cpos, chrom, pos1), (gene, refc, refg, fname) in sorted(snvs.items()):
        m = by_acc.get(acc)
        if m is None:
            continue
        exact = f"{acc}.{ver}" == m.accession
        cds = m.cds_positions()
        ok = (cpos <= len(cds) and chrom == m.contig and cds[cpos - 1] + 1 == pos1
              and (refc if m.strand == "+" else COMP[refc]) == refg)
        st = stats.setdefault((m.gene, exact), [0, 0, set()])
        st[0 if ok else 1] += 1
        st[2].add(f"{acc}.{ver}")
        if exact and not ok:
            got = cds[cpos - 1] + 1 if cpos <= len(cds) else None
            msg = (f"CIViC cross-check: {m.gene} {acc}.{ver}:c.{cpos}{refc}> is GRCh37 "
                   f"{chrom}:{pos1} ({refg}) in {fname}, our model says {m.contig}:{got}")
            FAIL.add(msg)
            if failed is not None:
                failed.setdefault(m.gene, []).append(msg)
    for (gene, exact), (good, bad, vers) in sorted(stats.items()):
        summary.append(f"CIViC {gene:7s} {'same version' if exact else 'other version'} "
                       f"({','.join(sorted(vers))}): {good} SNV c. positions agree, {bad} disagree"
                       + ("" if exact or not bad else " (older RefSeq version; not a failure)"))


# ---------------------------------------------------------------------------------------------
# Substitute transcript (ROS1)


def decode_vcf(s: str) -> str:
    return re.sub(r"\\x([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), s)


def make_substitute(gene: str, mane: dict, bed: dict, data: Path, civic_vcf: Path) -> Model | None:
    sub = SUBSTITUTES[gene]
    rows = [c for c in bed.get(sub["bed_accession"], []) if bare(c[0]) == mane["GRCh38_chr"]]
    if len(rows) != 1:
        FAIL.add(f"{gene}: substitute {sub['bed_accession']} has {len(rows)} rows on chr{mane['GRCh38_chr']}")
        return None
    m = bed_to_model(rows[0], gene)
    # 1. the accession version: MSKCC overrides pair the Ensembl transcript with NM_x.v
    ov = data / REL_OVERRIDES
    with open(ov, encoding="utf-8") as f:
        pairs = [l.split() for l in f if l.strip() and not l.startswith("#")]
    if not any(p[:1] == [sub["ensembl"]] and sub["accession"] in p for p in pairs):
        FAIL.add(f"{gene}: {ov.name} does not pair {sub['ensembl']} with {sub['accession']}")
        return None
    # 2. CIViC VCF: NM/NP pairing, and the c./p. offset to the MANE accession
    mane_nm, mane_np = mane["RefSeq_nuc"], mane["RefSeq_prot"]
    c_off, p_off, np_seen = set(), set(), False
    with open_text(civic_vcf) as f:
        for line in f:
            if line.startswith("#") or sub["accession"] not in decode_vcf(line):
                continue
            for ann in decode_vcf(line).split(","):
                hg = {}
                for tok in re.split(r"[&|]", ann):
                    mm = re.match(r"^(N[MP]_\d+\.\d+):([cp])\.([A-Za-z]*)(\d+)", tok.strip())
                    if mm:
                        hg.setdefault(mm.group(1), int(mm.group(4)))
                if sub["accession"] in hg and sub["protein"] in hg:
                    np_seen = True
                if sub["accession"] in hg and mane_nm in hg:
                    c_off.add(hg[sub["accession"]] - hg[mane_nm])
                if sub["protein"] in hg and mane_np in hg:
                    p_off.add(hg[sub["protein"]] - hg[mane_np])
    if not np_seen:
        FAIL.add(f"{gene}: no CIViC record pairs {sub['accession']} with {sub['protein']}")
        return None
    cds_len = m.cds_length()
    if c_off == {0} and p_off <= {0}:
        verdict = (f"CIViC gives identical c. numbering on {mane_nm} and {sub['accession']}: "
                   f"stands in for MANE")
        is_mane = True
    elif c_off or p_off:
        fmt = lambda xs: "/".join(str(x) for x in sorted(xs)) or "?"
        verdict = (f"NOT MANE: CIViC numbers the same variants {fmt(c_off)} nt / {fmt(p_off)} aa "
                   f"higher on {sub['accession']}/{sub['protein']} than on MANE {mane_nm}/{mane_np}, "
                   f"so the MANE protein differs and {sub['bed_accession']} cannot stand in; "
                   f"c./p. numbering here is {sub['accession']}")
        is_mane = False
    else:
        verdict = (f"UNDECIDED: no data compares {sub['accession']} with MANE {mane_nm}; "
                   f"numbering is {sub['accession']}, not MANE")
        is_mane = False
    print(f"NOTE: {gene}: MANE {mane_nm} absent from the BED12; {verdict}", file=sys.stderr)
    m.accession, m.protein, m.ensembl, m.is_mane = sub["accession"], sub["protein"], sub["ensembl"], is_mane
    m.source = (f"hg38_RefSeq.bed {sub['bed_accession']} (unversioned; .{sub['accession'].split('.')[1]} "
                f"per MSKCC isoform overrides {sub['ensembl']}={sub['accession']} and CIViC) used because "
                f"MANE Select {mane_nm} ({mane_np}, {mane['Ensembl_nuc']}) is not in the BED12; {verdict}; "
                f"CDS {cds_len} nt = {cds_len // 3 - 1} aa + stop; MANE protein length is not in the data")
    return m


# ---------------------------------------------------------------------------------------------
# Known facts (CHECKS.md)


def check_known(m38: dict, m37: dict):
    for gene, cpos, pos38, pos37 in KNOWN_CPOS:
        if gene not in m38 or gene not in m37:
            continue
        g38 = m38[gene].cds_positions()[cpos - 1] + 1
        g37 = m37[gene].cds_positions()[cpos - 1] + 1
        if (g38, g37) != (pos38, pos37):
            FAIL.add(f"known fact: {gene} c.{cpos} should be {pos38} (GRCh38) / {pos37} (GRCh37), "
                     f"got {g38} / {g37}")
        else:
            print(f"ok: {gene} c.{cpos} = chr{m38[gene].contig}:{g38} (GRCh38) = {m37[gene].contig}:{g37} (GRCh37)")
    if "ALK" in m38 and "ALK" in m37:
        a38, a37 = m38["ALK"], m37["ALK"]
        shifted = [(s + ALK_OFFSET, e + ALK_OFFSET) for s, e in a38.exons]
        if (a38.strand, len(a38.exons)) != ("-", 29) or a37.exons != shifted or \
                (a37.cds_start, a37.cds_end) != (a38.cds_start + ALK_OFFSET, a38.cds_end + ALK_OFFSET):
            FAIL.add(f"known fact: ALK should be '-', 29 exons, GRCh37 = GRCh38 + {ALK_OFFSET}")
        else:
            print(f"ok: ALK '-' strand, 29 exons, whole transcript GRCh37 = GRCh38 {ALK_OFFSET:+d}")
    if "PTPN1" in m38 and "PTPN1" in m37:
        for build, m, want in (("GRCh38", m38["PTPN1"], PTPN1_DONOR[0]), ("GRCh37", m37["PTPN1"], PTPN1_DONOR[1])):
            cds = m.cds_positions()
            p = cds[PTPN1_LAST_OF_EXON8 - 1]
            coding = [x for x in m.exons_tx_order() if x[1] > m.cds_start and x[0] < m.cds_end]
            ex8 = coding[7] if len(coding) >= 8 else None
            ok = m.strand == "+" and ex8 is not None and p == ex8[1] - 1 and p + 2 == want
            if not ok:
                FAIL.add(f"known fact: {build} PTPN1 c.{PTPN1_LAST_OF_EXON8} should be the last base of "
                         f"coding exon 8 with c.{PTPN1_LAST_OF_EXON8}+1 at {want}; got c.{PTPN1_LAST_OF_EXON8}"
                         f" at {p + 1}, coding exon 8 = {ex8}")
            else:
                print(f"ok: {build} PTPN1 c.{PTPN1_LAST_OF_EXON8} is the last base of coding exon 8; "
                      f"c.{PTPN1_LAST_OF_EXON8}+1 = chr{m.contig}:{p + 2}")


# ---------------------------------------------------------------------------------------------
# Output


def sources_origin(sources_md: Path, rel: str) -> str:
    """The 'Source repo @ commit' cell of the SOURCES.md row naming `rel`."""
    try:
        text = sources_md.read_text(encoding="utf-8")
    except OSError:
        return "SOURCES.md not readable"
    for line in text.splitlines():
        if line.startswith("|") and f"`{rel}`" in line:
            return line.split("|")[2].strip()
    return "not listed in SOURCES.md"


def display(p: Path) -> str:
    try:
        return os.path.relpath(p.resolve(), REPO_ROOT)
    except ValueError:
        return str(p)


def write_table(path: Path, build: str, models: dict, provenance: list[str]):
    lines = [f"## rvanno MANE Select transcript models, {build}. GENERATED: do not edit by hand.",
             f"## build: {build}",
             "## Coordinates are genomic, 0-based half-open (BED style); exons in ascending genomic "
             "order whatever the strand; cds_start/cds_end = BED thickStart/thickEnd (CDS incl. stop codon).",
             "## contig = bare canonical name (no 'chr'); accession/protein = MANE v1.0 Select RefSeq "
             "(see the source column for any exception)."]
    if build == "GRCh37":
        lines.append("## GRCh37 = the GRCh38 model lifted exon by exon with the hg38->hg19 chain; every exon "
                     "lifted whole (same length, one contig, same strand, order kept).")
    lines += ["## " + p for p in provenance]
    lines.append("\t".join(COLUMNS))
    for g in sorted(models):
        row = models[g].row()
        for cell in row:
            if "\t" in cell or "\n" in cell:
                die(f"{g}: cell contains a tab or newline: {cell!r}")
        lines.append("\t".join(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {display(path)}: {len(models)} transcripts")


def write_report(path: Path, rule: str, n_mane: int, kb: list[str], bulk38: dict, bulk37: dict,
                 excluded: list[Excluded], provenance: list[str]):
    """db/transcripts.report.md: what the tables hold and every MANE Select gene left out, with why."""
    by_reason38 = {}
    for x in excluded:
        key = (x.reason, x.builds)
        by_reason38[key] = by_reason38.get(key, 0) + 1
    lines = ["# Transcript tables: genes generated and genes left out",
             "",
             "GENERATED by `db/tools/make_transcripts.py` (see `db/tools/README.md`); do not edit by hand.",
             ""]
    lines += [f"- {p}" for p in provenance]
    lines += ["",
              f"Bulk rule (`--bulk {rule}`): {BULK_RULES[rule]}.",
              "",
              "| | GRCh38 | GRCh37 |",
              "|---|---:|---:|",
              f"| knowledge-base genes (`db/genes.txt` + `db/civic/genes_civic.txt`, every check strict) | {len(kb)} | {len(kb)} |",
              f"| bulk genes (every other MANE v1.0 Select gene that passed) | {len(bulk38)} | {len(bulk37)} |",
              f"| **genes in the table** | **{len(kb) + len(bulk38)}** | **{len(kb) + len(bulk37)}** |",
              "",
              f"MANE v1.0 Select symbols: {n_mane}. Left out of both builds: "
              f"{sum(1 for x in excluded if x.builds != 'GRCh37')}; left out of GRCh37 only: "
              f"{sum(1 for x in excluded if x.builds == 'GRCh37')}.",
              "",
              "| reason | builds | genes | meaning |",
              "|---|---|---:|---|"]
    for (reason, builds), n in sorted(by_reason38.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"| `{reason}` | {builds} | {n} | {REASONS[reason]} |")
    lines += ["", "## Genes left out", "", "| gene | MANE accession | builds | reason | detail |", "|---|---|---|---|---|"]
    for x in sorted(excluded, key=lambda x: (x.gene, x.builds)):
        detail = x.detail.replace("|", "/")
        lines.append(f"| {x.gene} | {x.accession} | {x.builds} | `{x.reason}` | {detail} |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {display(path)}: {len(excluded)} genes left out, with their reasons")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder (default: ../shared/data)")
    ap.add_argument("--genes", type=Path, default=REPO_ROOT / "db" / "genes.txt")
    ap.add_argument("--civic-genes", type=Path, default=REPO_ROOT / "db" / "civic" / "genes_civic.txt",
                    help="genes of the CIViC layer (written by import_civic.py; run that first): knowledge-base "
                         "genes too, every check strict (default: db/civic/genes_civic.txt; 'none' = no CIViC layer)")
    ap.add_argument("--mane", type=Path, help=f"default: DATA/{REL_MANE}")
    ap.add_argument("--bed", type=Path, help=f"default: DATA/{REL_BED}")
    ap.add_argument("--chain", type=Path, help=f"default: DATA/{REL_CHAIN}")
    ap.add_argument("--genefuse-dir", type=Path, help=f"default: DATA/{REL_GENEFUSE}")
    ap.add_argument("--out-dir", type=Path, default=REPO_ROOT / "db")
    ap.add_argument("--bulk", choices=["span", "cds-in-span", "none"], default="span",
                    help="which other MANE Select genes join the tables (default: span; see db/tools/README.md)")
    ap.add_argument("--check", action="store_true",
                    help="run every check and print the summary but write nothing "
                         "(the checks always run; without --check the tables are written if they pass)")
    a = ap.parse_args(argv)
    data = a.data
    mane_p = a.mane or data / REL_MANE
    bed_p = a.bed or data / REL_BED
    chain_p = a.chain or data / REL_CHAIN
    gf_dir = a.genefuse_dir or data / REL_GENEFUSE
    civic_vs = [data / r for r in REL_CIVIC_VS]
    civic_vcf = data / REL_CIVIC_VCF
    for p in [a.genes, mane_p, bed_p, chain_p, gf_dir, civic_vcf, data / REL_OVERRIDES, *civic_vs]:
        if not p.exists():
            die(f"input not found: {p}")

    # The knowledge-base gene set: genes.txt, then the CIViC layer's genes (disjoint by construction).
    genes = read_genes(a.genes)
    civic_genes_p = None if str(a.civic_genes) == "none" else a.civic_genes
    if civic_genes_p is not None:
        if not civic_genes_p.exists():
            die(f"input not found: {civic_genes_p} (run db/tools/import_civic.py first, or give --civic-genes none)")
        civic_genes = read_genes(civic_genes_p)
        both = sorted(set(genes) & set(civic_genes))
        if both:
            die(f"{civic_genes_p}: genes also in {a.genes}: {both} (re-run db/tools/import_civic.py)")
        genes += civic_genes
    mane = read_mane(mane_p, genes)
    mane_all = read_mane_select(mane_p) if a.bulk != "none" else {}
    bulk_genes = sorted(set(mane_all) - set(genes))
    wanted = {r["RefSeq_nuc"].split(".")[0] for r in mane.values()}
    wanted |= {s["bed_accession"] for s in SUBSTITUTES.values()}
    wanted |= {r["RefSeq_nuc"].split(".")[0] for g in bulk_genes for r in mane_all[g]}
    bed = read_bed(bed_p, wanted)

    # Knowledge-base genes: every check strict, any failure fails the run.
    m38 = {}
    for g in genes:
        if g not in mane:
            continue
        m = model_grch38(g, mane[g], bed, bed_p.name, data, civic_vcf)
        if m is not None:
            m38[g] = m
    # The bulk: a gene that fails is left out, with its reason.
    excluded: list[Excluded] = []
    b38 = {}
    for g in bulk_genes:
        rows = mane_all[g]
        if len(rows) != 1:
            excluded.append(Excluded(g, "", "GRCh38+GRCh37", "mane_rows", f"{len(rows)} MANE Select rows"))
            continue
        m, why = bulk_model_grch38(g, rows[0], bed, a.bulk)
        if m is None:
            excluded.append(Excluded(g, rows[0]["RefSeq_nuc"], "GRCh38+GRCh37", *why))
        else:
            b38[g] = m

    chains = read_chains(chain_p, {"chr" + m.contig for m in [*m38.values(), *b38.values()]})
    m37 = {}
    for g, m in m38.items():
        lm = lift_model(m, chains)
        if lm is not None:
            validate_model(lm, "GRCh37")
            m37[g] = lm
    b37 = {}
    for g, m in b38.items():
        lm, why = bulk_lift(m, chains)
        if lm is None:
            excluded.append(Excluded(g, m.accession, "GRCh37", "lift_failed", why))
        else:
            b37[g] = lm

    print("== known facts (CHECKS.md)")
    check_known(m38, m37)
    summary = []
    gf38 = read_genefuse_entries([gf_dir / "cancer.hg38.csv", gf_dir / "druggable.hg38.csv"])
    gf37 = read_genefuse_entries([gf_dir / "cancer.hg19.csv", gf_dir / "druggable.hg19.csv"])
    check_genefuse(m38, "GRCh38", [], summary, gf38)
    check_genefuse(m37, "GRCh37", [], summary, gf37)
    check_civic(m37, civic_vs, summary)
    print("== cross-check summary (GeneFuse exons; CIViC GRCh37 SNVs)")
    for line in summary:
        print(line)
    no_gf = sorted(set(m38) - {l.split()[1] for l in summary if not l.startswith("CIViC")})
    print(f"genes without a GeneFuse entry: {' '.join(no_gf) or '-'}")
    nonmane = sorted(g for g, m in m38.items() if not m.is_mane)
    if nonmane:
        print(f"WARNING: not MANE Select (see source column): {' '.join(nonmane)}")

    # The same cross-checks on the bulk: a disagreement leaves the gene out (of both builds when
    # the GRCh38 model or the c. map is wrong, of GRCh37 only when only the lifted model is).
    if b38:
        bulk_summary, f38, f37, fcivic = [], {}, {}, {}
        with collecting():
            check_genefuse(b38, "GRCh38", [], bulk_summary, gf38, f38)
            check_genefuse(b37, "GRCh37", [], bulk_summary, gf37, f37)
            check_civic(b37, civic_vs, bulk_summary, fcivic)
        for g in sorted(set(f38) | set(fcivic)):
            reason = "genefuse_disagrees" if g in f38 else "civic_disagrees"
            excluded.append(Excluded(g, b38[g].accession, "GRCh38+GRCh37", reason, "; ".join(f38.get(g, fcivic.get(g)))))
            excluded[:] = [x for x in excluded if not (x.gene == g and x.builds == "GRCh37")]
            b38.pop(g)
            b37.pop(g, None)
        for g in sorted(set(f37) - set(f38) - set(fcivic)):
            excluded.append(Excluded(g, b38[g].accession, "GRCh37", "genefuse_disagrees", "; ".join(f37[g])))
            b37.pop(g)
        n_gf = sum(1 for l in bulk_summary if not l.startswith("CIViC"))
        print(f"bulk ({a.bulk}): {len(b38)} GRCh38 and {len(b37)} GRCh37 models of {len(bulk_genes)} other MANE "
              f"Select genes; {n_gf} GeneFuse comparisons; {len(excluded)} genes left out of a build "
              f"(db/transcripts.report.md)")

    missing = [g for g in genes if g not in m38 or g not in m37]
    if missing:
        FAIL.add(f"genes that could not be generated: {' '.join(missing)}")
    if FAIL.items:
        print(f"\n{len(FAIL.items)} failure(s); nothing written.", file=sys.stderr)
        return 1
    print(f"all checks passed for {len(genes)} genes")
    if a.check:
        return 0

    sources_md = data / "SOURCES.md"
    cmd_args = [x if not os.path.exists(x) else display(Path(x)) for x in (argv if argv is not None else sys.argv[1:])]
    prov = ["generator: " + " ".join(["python3", "db/tools/make_transcripts.py", *map(shlex.quote, cmd_args)])
            + "  (run from the repo root; see db/tools/README.md)"]
    gene_lists = [("gene list", a.genes, None)] + ([("CIViC gene list", civic_genes_p, None)] if civic_genes_p else [])
    for label, p, rel in [*gene_lists, ("MANE summary", mane_p, REL_MANE),
                          ("RefSeq BED12 (GRCh38 models)", bed_p, REL_BED),
                          ("liftover chain (GRCh37 models)", chain_p, REL_CHAIN)]:
        origin = f"; SOURCES.md: {sources_origin(sources_md, rel)}" if rel else ""
        prov.append(f"input {label}: {p.name} sha256={sha256(p)}{origin}")
    prov.append("checked against: GeneFuse cancer/druggable.hg19/hg38.csv (exons), CIViC VariantSummaries "
                "(GRCh37 SNV c. positions), MSKCC isoform overrides and CIViC VCF (ROS1); "
                "SOURCES.md: " + sources_origin(sources_md, f"{REL_GENEFUSE}/cancer.hg19.csv"))
    if a.bulk != "none":
        prov.append(f"rows: the genes of the gene list(s) (source column as described in db/tools/README.md), then "
                    f"every other MANE v1.0 Select gene that passed the bulk rule '{a.bulk}' (source column "
                    f"'bulk ...'); genes left out and why: transcripts.report.md")
    write_table(a.out_dir / "transcripts.GRCh38.tsv", "GRCh38", {**m38, **b38},
                [p for p in prov if "liftover chain" not in p])
    write_table(a.out_dir / "transcripts.GRCh37.tsv", "GRCh37", {**m37, **b37}, prov)
    if a.bulk != "none":
        write_report(a.out_dir / "transcripts.report.md", a.bulk, len(mane_all), genes, b38, b37, excluded, prov)
    return 0


if __name__ == "__main__":
    sys.exit(main())
