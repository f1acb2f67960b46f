#!/usr/bin/env python3
"""Deterministic synthetic knowledge table for rvanno benchmarks (issue 10).

Writes N rows that follow db/README.md's knowledge schema (and pass `rvanno db check`)
to OUT: genes from DB/genes.txt, drugs from DB/drugs.tsv, genomic alleles inside the
genes' MANE transcript spans of DB/transcripts.GRCh38.tsv. The rows are SYNTHETIC
(random REF bases, random residues, made-up PMIDs): they exist only to make loading and
lookups cost what a large curated table would cost. Never put them in a real db/.

Mix (fractions of N): genomic 60%, hgvs_p 20%, hgvs_c 5%, codon 5%, range 3%,
missense 3%, lof 4%; about 1 row in 5 carries a `driver=<GENE> fusion` context.
Same arguments, same bytes (random.Random(seed), only random() is used).

  bench/make_kb.py --db db -n 100000 -o /tmp/kb/knowledge/synthetic.tsv
"""

import argparse
import os
import random
import sys

AA = "ACDEFGHIKLMNPQRSTVWY"
EFFECTS = ["resistance", "reduced_sensitivity", "sensitivity", "no_benefit"]
MECHANISMS = ["on_target", "bypass", "downstream", "lineage", "driver", "other"]
DISEASES = ["NSCLC", "IMT", "ALCL", "NB", "GIST", "CML", "MEL", "CRC", "any"]
FUSION_DRIVERS = ["ALK", "ROS1", "RET", "NTRK1", "NTRK3"]
KINDS = [(0.60, "genomic"), (0.80, "hgvs_p"), (0.85, "hgvs_c"), (0.90, "codon"),
         (0.93, "range"), (0.96, "missense"), (1.00, "lof")]


def read_rows(path):
    with open(path) as fh:
        lines = [l.rstrip("\n") for l in fh if not l.startswith("#") and l.strip()]
    header = lines[0].split("\t")
    return [dict(zip(header, l.split("\t"))) for l in lines[1:]]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="knowledge base to take genes, drugs, transcripts from")
    ap.add_argument("-n", "--rows", type=int, default=100_000)
    ap.add_argument("-s", "--seed", type=int, default=10)
    ap.add_argument("-o", "--output", required=True, help="knowledge TSV to write")
    args = ap.parse_args(argv)

    with open(os.path.join(args.db, "genes.txt")) as fh:
        genes = {l.strip() for l in fh if l.strip() and not l.startswith("#")}
    tx = [t for t in read_rows(os.path.join(args.db, "transcripts.GRCh38.tsv")) if t["gene"] in genes]
    tx.sort(key=lambda t: t["gene"])
    drugs = [d["id"] for d in read_rows(os.path.join(args.db, "drugs.tsv")) if d["class"] != "class"]
    if not tx or not drugs:
        sys.exit("make_kb.py: no genes with transcripts or no drugs in %s" % args.db)

    rnd = random.Random(args.seed).random
    pick = lambda seq: seq[int(rnd() * len(seq))]
    base = lambda: "ACGT"[int(rnd() * 4)]

    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w") as out:
        out.write("# SYNTHETIC benchmark rows made by bench/make_kb.py (seed %d): not knowledge.\n" % args.seed)
        out.write("id\tgene\tkind\talteration\thgvs_c\trequires\tdrugs\teffect\tevidence_level\tdisease\t"
                  "mechanism\tcitations\tstatus\tnotes\tcontext\n")
        for i in range(args.rows):
            t = pick(tx)
            gene = t["gene"]
            aa_len = max(2, (int(t["cds_end"]) - int(t["cds_start"])) // 3 - 1)
            x = rnd()
            kind = next(k for cum, k in KINDS if x < cum)
            alteration = hgvs_c = ""
            if kind == "genomic":
                pos = int(t["tx_start"]) + 1 + int(rnd() * (int(t["tx_end"]) - int(t["tx_start"])))
                ref = base()
                alt = pick([b for b in "ACGT" if b != ref])
                alteration = "GRCh38:%s:%d:%s:%s" % (t["contig"], pos, ref, alt)
            elif kind == "hgvs_p":
                ref = pick(AA)
                alteration = "p.%s%d%s" % (ref, 1 + int(rnd() * aa_len), pick([a for a in AA if a != ref]))
                if rnd() < 0.5:
                    ref = base()
                    hgvs_c = "c.%d%s>%s" % (1 + int(rnd() * 3 * aa_len), ref, pick([b for b in "ACGT" if b != ref]))
            elif kind == "hgvs_c":
                ref = base()
                alteration = "c.%d%s>%s" % (1 + int(rnd() * 3 * aa_len), ref, pick([b for b in "ACGT" if b != ref]))
            elif kind == "codon":
                alteration = "%s%d" % (pick(AA), 1 + int(rnd() * aa_len))
            elif kind == "range":
                b = 1 + int(rnd() * (aa_len - 1))
                alteration = "%d-%d" % (b, min(aa_len, b + 1 + int(rnd() * 60)))
            ndrugs = 1 + (rnd() < 0.2)
            row_drugs = ";".join(sorted({pick(drugs) for _ in range(ndrugs)}))
            context = ""
            if rnd() < 0.2:
                context = "driver=%s fusion" % pick(FUSION_DRIVERS)
            elif rnd() < 0.05:
                context = "tumor_type=%s" % pick(DISEASES[:-1])
            out.write("\t".join([
                "SYN-%s-%07d" % (gene, i + 1), gene, kind, alteration, hgvs_c, "", row_drugs,
                pick(EFFECTS), pick("ABCDE"), pick(DISEASES), pick(MECHANISMS),
                "PMID:%d" % (10_000_000 + int(rnd() * 30_000_000)), "verified" if rnd() < 0.8 else "unverified",
                "synthetic benchmark row", context]) + "\n")
    print("make_kb.py: %d synthetic rows -> %s" % (args.rows, args.output), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
