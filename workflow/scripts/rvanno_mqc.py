#!/usr/bin/env python3
"""MultiQC custom-content table (rvanno_mqc.tsv) from rvanno's per-sample JSON reports.

    rvanno_mqc.py --names NAME... --reports REPORT.json...

One row per sample (NAME is the sample sheet's name; the i-th name belongs to the i-th report):
  alterations_matched  small-variant alleles, copy-number genes and fusions with at least one
                       knowledge-base match
  resistant_drugs      drugs whose verdict call is "resistant"
  sensitive_drugs      drugs whose verdict call is "sensitive"
  genes_not_assessed   knowledge-base genes that an input kind the sample has could not assess
                       (e.g. a CNV file with no segment over the gene); input kinds the sample
                       lacks altogether are not counted, the report says so once for all genes
The header is MultiQC's custom-content YAML in '#' lines; MultiQC finds the file by its
'_mqc.tsv' suffix.
"""
import argparse
import json
import sys

HEADER = """# id: 'rvanno'
# section_name: 'rvanno'
# description: 'Resistance-variant annotation per sample (rvanno). Counts from each sample''s JSON report; see workflow/README.md.'
# format: 'tsv'
# plot_type: 'table'
# pconfig:
#     id: 'rvanno_table'
#     namespace: 'rvanno'
# headers:
#     alterations_matched:
#         title: 'Alterations matched'
#         description: 'Small-variant alleles, copy-number genes and fusions with a knowledge-base match'
#         format: '{:,.0f}'
#     resistant_drugs:
#         title: 'Resistant drugs'
#         description: 'Drugs whose verdict call is resistant'
#         format: '{:,.0f}'
#     sensitive_drugs:
#         title: 'Sensitive drugs'
#         description: 'Drugs whose verdict call is sensitive'
#         format: '{:,.0f}'
#     genes_not_assessed:
#         title: 'Genes not assessed'
#         description: 'Knowledge-base genes an input of the sample could not assess (e.g. no CNV segment over the gene)'
#         format: '{:,.0f}'
"""
COLUMNS = ["alterations_matched", "resistant_drugs", "sensitive_drugs", "genes_not_assessed"]


def not_assessed(value):
    return value == "not_assessed" or (isinstance(value, dict) and not value.get("assessed", True))


def counts(report):
    p = report["provenance"]
    matched = sum(1 for f in report["findings"] if f["matches"])
    matched += sum(1 for c in report.get("copy_number", []) if c.get("matches"))
    matched += sum(1 for f in report.get("fusions", []) if f.get("matches"))
    calls = [v["call"] for v in report.get("verdicts", [])]
    kinds = []
    if p["inputs"]:
        kinds.append("small_variant_alleles")
    if p.get("cnv_inputs"):
        kinds.append("copy_number")
    if p.get("sv_inputs"):
        kinds.append("fusions")
    # The other genes of the transcript model are listed only when they have an allele, and copy
    # number and fusions are never assessed for them: only knowledge-base genes count here.
    holes = sum(1 for g in report["genes"]
                if g.get("knowledge_base_gene", True) and any(not_assessed(g[k]) for k in kinds))
    return [matched, calls.count("resistant"), calls.count("sensitive"), holes]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", nargs="+", required=True)
    ap.add_argument("--reports", nargs="+", required=True)
    a = ap.parse_args()
    if len(a.names) != len(a.reports):
        sys.exit(f"rvanno_mqc: {len(a.names)} names but {len(a.reports)} reports")
    out = [HEADER.rstrip("\n"), "\t".join(["Sample"] + COLUMNS)]
    for name, path in zip(a.names, a.reports):
        with open(path) as f:
            report = json.load(f)
        if report.get("schema") != "rvanno-annotate/1":
            sys.exit(f"rvanno_mqc: {path}: not an rvanno annotate JSON report")
        out.append("\t".join([name] + [str(c) for c in counts(report)]))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
