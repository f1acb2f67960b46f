#!/usr/bin/env python3
"""Agreement of rvanno's per-drug verdicts with CIViC's own predictive evidence (issue 9).

Why this test exists: rvanno's CIViC layer is generated from CIViC's tables; this test closes the
loop the way a tumour board would use the tool. It takes CIViC's own GRCh37 VCF
(../shared/data/civic/<release>/*civic_accepted.vcf.gz, CC0), annotates every record as its own
sample with `rvanno batch` (GRCh37, no FASTA, the record's driver fusion declared when the CIViC
profile names one), and compares each predictive evidence item of the record (variant, drug,
direction) with rvanno's verdict for that drug in that sample.

Every item falls in exactly one category (see CATEGORIES). A disagreement must be explained by a
documented rule (the verdict essay in src/interpret/verdict.cpp): a stronger or verified opposite
row, a conflict between rows of the best level, a context the row needs, the curated overlay.
Items whose row cannot match a single raw VCF record are counted apart (an AND profile whose
other part is absent; a protein change that needs a reference FASTA). An item nobody can explain
is `unexplained`, and the test fails if there is any.

The known answer is tests/agreement/civic_2024-08-01.expected: the count of every category.
When the knowledge base changes, re-run with --write-expected, read the diff of the report and
commit both: the numbers move only on purpose.

Usage: civic_vcf_agreement.py --rvanno BIN --db DIR [--report FILE] [--items FILE] [--write-expected]
Exit 0 = agreement as expected; 1 = a mismatch or an unexplained item; 77 = ../shared absent (skip).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
RELEASE = "2024-08-01_via_rk-izak-DATA72000-IBE"
VCF_NAME = "01-Aug-2024-civic_accepted.vcf.gz"
EXPECTED = HERE / "civic_2024-08-01.expected"

PREDICTIVE = {"SENSITIVITYRESPONSE": "sensitivity", "RESISTANCE": "resistance",
              "REDUCED_SENSITIVITY": "resistance"}
RESISTANCE_CALLS = {"resistant", "reduced_sensitivity"}

CATEGORIES = [
    # evaluated: the item's row matched the record and applies
    ("agree", "rvanno's verdict for the drug has CIViC's direction"),
    ("outranked", "the row applies but a stronger, verified or rule-a/b opposite row decides (rule text names it)"),
    ("conflicting", "rows of the best level disagree: the call is `conflicting` (rule d), never a silent pick"),
    # not evaluated: documented reasons the row does not decide for this record
    ("context_not_met", "the row matched but its context (driver, tumour type) is not met (step 1)"),
    ("amino_acid_unknown", "matched only at its codon: the amino acid needs --fasta (step 1)"),
    ("needs_other_alteration", "an AND profile: the row requires an alteration this record lacks"),
    ("needs_protein_change", "the row is a protein change without a c. to match; a raw VCF needs --fasta"),
    ("indel_form", "the row's c. is another HGVS form of the record's indel (dup vs ins needs bases outside the "
                   "record, i.e. --fasta; rvanno never shifts across an exon/intron border, CIViC may)"),
    ("overlay", "the CIViC row was merged into a curated row (same gene, alteration, drug, source) whose own "
                "context is not met (curated rows win, db/README.md Layers)"),
    ("not_imported", "the importer skipped the item (db/civic/IMPORT_REPORT.md gives the reason)"),
    ("does_not_support", "CIViC 'Does Not Support': shown, never decides (no_benefit / no_resistance)"),
    ("unexplained", "none of the above: a bug to fix"),
]


def shared_vcf() -> Path | None:
    p = REPO.parent / "shared" / "data" / "civic" / RELEASE / VCF_NAME
    return p if p.exists() else None


def read_vcf(path: Path):
    header, records, fmt = [], [], None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("##"):
                header.append(line)
                if line.startswith("##INFO=<ID=CSQ"):
                    fmt = line.split("Format: ", 1)[1].rstrip('">').split("|")
                continue
            if line.startswith("#"):
                header.append(line)
                continue
            records.append(line.split("\t"))
    return header, records, fmt


def csq_items(rec, fmt):
    info = dict(kv.split("=", 1) for kv in rec[7].split(";") if "=" in kv)
    out = []
    for entry in info.get("CSQ", "").split(","):
        x = dict(zip(fmt, entry.split("|")))
        if x.get("CIViC Entity Type") != "evidence" or x.get("CIViC Entity Status") != "accepted":
            continue
        sig = x.get("CIViC Entity Significance", "")
        if sig not in PREDICTIVE:
            continue
        out.append({"eid": "EID" + x["CIViC Entity ID"], "direction": PREDICTIVE[sig],
                    "supports": x.get("CIViC Entity Direction") == "SUPPORTS",
                    "profile": x.get("CIViC Molecular Profile Name", "")})
    return out


def read_rows(db: Path):
    """civic rows by civic_id, and curated rows that absorbed a CIViC item (also_in_civic)."""
    by_eid = defaultdict(list)
    for name in ("civic_predictive.tsv",):
        path = db / "civic" / name
        lines = [l for l in path.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
        head = lines[0].split("\t")
        for l in lines[1:]:
            r = dict(zip(head, l.split("\t")))
            by_eid[r["civic_id"]].append(r)
    return by_eid


def run_batch(rvanno, db, header, records, samples, tmp: Path):
    sheet = ["sample\tvcf\tcnv\tsv\ttumor_type\tdriver"]
    for name, rec_index, drivers in samples:
        vcf = tmp / f"{name}.vcf"
        vcf.write_text("\n".join(header) + "\n" + "\t".join(records[rec_index]) + "\n", encoding="utf-8")
        sheet.append(f"{name}\t{vcf.name}\t\t\t\t{','.join(sorted(drivers))}")
    (tmp / "sheet.tsv").write_text("\n".join(sheet) + "\n")
    out = tmp / "out"
    cmd = [rvanno, "batch", "--db", str(db), "-g", "GRCh37", "--sample-sheet", str(tmp / "sheet.tsv"),
           "-f", "json", "-o", str(out)]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"rvanno batch failed ({res.returncode}): {res.stderr[-2000:]}")
    return out


def classify(item, rows, verdicts, indel, overlay):
    if not item["supports"]:
        return "does_not_support", ""
    if not rows:
        return "not_imported", ""
    details = []
    for r in rows:
        drug = r["drugs"]
        v = verdicts.get(drug)
        ev = [e for e in (v or {}).get("evidence", []) if e["kb_id"] == r["id"]]
        merged = [e for e in (v or {}).get("evidence", []) if e["kb_id"] in overlay.get(item["eid"], ())]
        if not ev and merged:
            # the CIViC row was merged into a curated row (same gene, alteration, drug, source):
            # the curated row speaks for it, with its own context and status
            e = merged[0]
            if not e["applies"]:
                details.append(("overlay", drug, f"{e['kb_id']}: {e.get('why_not') or ''}"))
                continue
            ev = merged
        if not ev:
            if r["requires"]:
                details.append(("needs_other_alteration", drug, r["requires"]))
            elif r["kind"] == "hgvs_p" and not r["hgvs_c"]:
                details.append(("needs_protein_change", drug, r["alteration"]))
            elif indel and r["kind"] in ("hgvs_c", "hgvs_p"):
                details.append(("indel_form", drug, f"{r['id']}: {r['hgvs_c'] or r['alteration']}"))
            else:
                details.append(("unexplained", drug, f"{r['id']} did not match"))
            continue
        e = ev[0]
        if not e["applies"]:
            why = e.get("why_not") or ""
            cat = "amino_acid_unknown" if "amino acid unknown" in why else "context_not_met"
            details.append((cat, drug, why))
            continue
        call = v["call"]
        want = RESISTANCE_CALLS if item["direction"] == "resistance" else {"sensitive"}
        if call in want:
            details.append(("agree", drug, call))
        elif call == "conflicting":
            details.append(("conflicting", drug, v["rule"]))
        elif call in RESISTANCE_CALLS | {"sensitive"}:
            details.append(("outranked", drug, f"{call}: {v['rule']}"))
        else:
            details.append(("unexplained", drug, f"{r['id']} applies but the call is {call}"))
    # one category per item: the first by CATEGORIES order (an item with several drugs agrees
    # only if every drug agrees, so the worst category wins)
    order = [c for c, _ in CATEGORIES]
    worst = max(details, key=lambda d: (order.index(d[0]) if d[0] != "agree" else -1))
    return worst[0], f"{worst[1]}: {worst[2]}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rvanno", required=True)
    ap.add_argument("--db", default=str(REPO / "db"))
    ap.add_argument("--report", help="write the Markdown report here")
    ap.add_argument("--items", help="write one line per item (category, record, EID, detail) here")
    ap.add_argument("--write-expected", action="store_true")
    a = ap.parse_args(argv)
    vcf = shared_vcf()
    if vcf is None:
        print("SKIP: ../shared/data/civic not found")
        return 77
    db = Path(a.db)
    header, records, fmt = read_vcf(vcf)
    by_eid = read_rows(db)
    # one sample per record; the record's drivers are the fusion contexts its rows name
    seen, samples, items = set(), [], []
    for i, rec in enumerate(records):
        key = tuple(rec[:2] + rec[3:5])
        its = csq_items(rec, fmt)
        if not its or key in seen:
            continue
        seen.add(key)
        drivers = {c.split("=", 1)[1] for it in its for r in by_eid.get(it["eid"], [])
                   for c in r["context"].split(";") if c.startswith("driver=")}
        name = f"rec{i + 1}"
        samples.append((name, i, drivers))
        for it in its:
            items.append((name, f"{rec[0]}:{rec[1]}:{rec[3]}>{rec[4]}", it))
    with tempfile.TemporaryDirectory(prefix="civic_agree_") as d:
        out = run_batch(a.rvanno, db, header, records, samples, Path(d))
        verdicts, overlay = {}, {}
        for name, _, _ in samples:
            js = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
            verdicts[name] = {v["drug"]: v for v in js["verdicts"]}
            ov = defaultdict(set)  # EID -> curated rows that absorbed it (findings' also_in_civic)
            for f in js.get("findings", []):
                for m in f.get("matches", []):
                    for eid in m.get("also_in_civic") or []:
                        ov[eid].add(m["kb_id"])
            overlay[name] = ov
    counts, lines = Counter(), []
    for name, where, it in items:
        ref, alt = where.split(":", 2)[2].split(">")
        cat, detail = classify(it, by_eid.get(it["eid"], []), verdicts[name], len(ref) != len(alt), overlay[name])
        counts[cat] += 1
        lines.append(f"{cat}\t{where}\t{it['eid']}\t{it['profile']}\t{it['direction']}\t{detail}")
    evaluated = counts["agree"] + counts["outranked"] + counts["conflicting"]
    pct = 100.0 * counts["agree"] / evaluated if evaluated else 0.0
    summary = [f"{c}\t{counts[c]}" for c, _ in CATEGORIES]
    report = [f"# rvanno vs CIViC {RELEASE.split('_')[0]} ({VCF_NAME})", "",
              f"{len(samples)} records with predictive items, {len(items)} items.",
              f"Agreement where the item's row applies: **{counts['agree']}/{evaluated} = {pct:.1f}%**.", "",
              "| category | items | meaning |", "|---|---:|---|"]
    report += [f"| {c} | {counts[c]} | {m} |" for c, m in CATEGORIES]
    if a.report:
        Path(a.report).write_text("\n".join(report) + "\n")
    if a.items:
        Path(a.items).write_text("\n".join(sorted(lines)) + "\n")
    print("\n".join(report))
    if a.write_expected:
        EXPECTED.write_text("# category\titems (tests/agreement/civic_vcf_agreement.py --write-expected)\n"
                            + "\n".join(summary) + "\n")
        return 0
    want = [l for l in EXPECTED.read_text().splitlines() if not l.startswith("#")] if EXPECTED.exists() else []
    bad = 0
    if counts["unexplained"]:
        print(f"FAIL: {counts['unexplained']} unexplained item(s):")
        print("\n".join(l for l in lines if l.startswith("unexplained"))[:4000])
        bad = 1
    if want != summary:
        print("FAIL: category counts differ from " + str(EXPECTED.relative_to(REPO)) + ":")
        print("expected:\n  " + "\n  ".join(want) + "\ngot:\n  " + "\n  ".join(summary))
        bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
