#!/usr/bin/env python3
"""Validates every JSON rvanno writes on the test data against docs/schema/*.schema.json
(draft 2020-12), and checks that the schemas reject broken documents.

    validate_outputs.py RVANNO_BINARY REPO_ROOT

Produces: `annotate -f json` for every testdata/cases/annotate case (with its args), plus runs
that fill the parts the cases leave empty (hotspots with a depth file, a therapy history, copy
number, fusions); `compare -f json` for every testdata/cases/compare case; `batch -f json` for
every testdata/cases/batch case. Runs that exit non-zero (the error cases) must write no JSON.
Exits 77 (ctest: skipped) when python3-jsonschema is not installed."""
import copy
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:
    print("SKIP: python3-jsonschema is not installed (scripts/install-deps.sh installs it)")
    sys.exit(77)

binary, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
testdata = os.path.join(root, "testdata")
schemas = {}
for name in ("annotate", "compare", "batch"):
    with open(os.path.join(root, "docs", "schema", f"{name}.schema.json")) as f:
        schemas[name] = json.load(f)
    Draft202012Validator.check_schema(schemas[name])


def validator(name):
    schema = schemas[name]
    try:  # jsonschema >= 4.18
        from referencing import Registry, Resource
        registry = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in schemas.values()])
        return Draft202012Validator(schema, registry=registry)
    except ImportError:  # Debian 12: jsonschema 4.10
        resolver = jsonschema.RefResolver.from_schema(schema, store={s["$id"]: s for s in schemas.values()})
        return Draft202012Validator(schema, resolver=resolver)


validators = {name: validator(name) for name in schemas}
failures = []
counts = {name: 0 for name in schemas}


def check(name, doc, label):
    errors = sorted(validators[name].iter_errors(doc), key=lambda e: list(e.absolute_path))
    counts[name] += 1
    for e in errors[:5]:
        failures.append(f"{label}: {'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
    return not errors


def run(cwd, args, label):
    p = subprocess.run([binary] + args, cwd=cwd, capture_output=True, text=True)
    return p


def run_json(name, cwd, args, label):
    p = run(cwd, args + ["-f", "json"], label)
    if p.returncode != 0:
        if p.stdout.strip():
            failures.append(f"{label}: exit {p.returncode} but output on stdout")
        return None
    doc = json.loads(p.stdout)
    check(name, doc, label)
    return doc


last_annotate = None


def case_args(d, tmp):
    """A case's args file: one argument per line, "" = empty, {TMP} = a scratch directory."""
    return ["" if a == '""' else a.replace("{TMP}", tmp) for a in open(os.path.join(d, "args")).read().splitlines()]


cases = os.path.join(testdata, "cases", "annotate")
for case in sorted(os.listdir(cases)):
    d = os.path.join(cases, case)
    with tempfile.TemporaryDirectory() as tmp:
        doc = run_json("annotate", d, ["annotate"] + case_args(d, tmp), f"annotate {case}")
    last_annotate = doc or last_annotate
# What the cases leave empty: hotspots with a depth, already-given drugs, declared drivers.
extra = [
    ("index_case_cnv", ["--cnv", "tumour.cns", "--driver", "ALK fusion", "--tumor-type", "IMT",
                        "--therapy-history", "crizotinib,Alecensa", "--depth",
                        os.path.join(testdata, "depth", "sample.per-base.bed.gz"), "input.vcf"]),
    ("alk_compound", ["--sv", "../../../sv/manta_eml4_alk.vcf", "--cnv", "../../../cases/batch/sheet/s3.cn.tsv",
                      "--depth", os.path.join(testdata, "depth", "gatk.g.vcf.gz"), "input.vcf"]),
    ("index_case", ["-g", "GRCh38", "--sv", "../../../sv/inversion_eml4_alk.vcf", "--cnv", "../../../cnv/sample.cns"]),
]
for case, args in extra:
    run_json("annotate", os.path.join(cases, case), ["annotate"] + args, f"annotate {case} {' '.join(args[:2])}")

compare_root = os.path.join(testdata, "cases", "compare")
last_compare = None
for case in sorted(os.listdir(compare_root)):
    d = os.path.join(compare_root, case)
    with tempfile.TemporaryDirectory() as tmp:
        doc = run_json("compare", d, ["compare"] + case_args(d, tmp), f"compare {case}")
    last_compare = doc or last_compare

batch_root = os.path.join(testdata, "cases", "batch")
with tempfile.TemporaryDirectory() as tmp:
    for case in sorted(os.listdir(batch_root)):
        case_tmp = os.path.join(tmp, case)
        os.makedirs(case_tmp)
        out = os.path.join(case_tmp, "out")
        p = run(os.path.join(batch_root, case), ["batch", "-q", "-f", "json"] + case_args(os.path.join(batch_root, case), case_tmp),
                f"batch {case}")
        if p.returncode != 0:
            failures.append(f"batch {case}: exit {p.returncode}: {p.stderr.strip()}")
            continue
        for f in sorted(os.listdir(out)):
            if f.endswith(".json"):
                with open(os.path.join(out, f)) as fh:
                    check("batch", json.load(fh), f"batch {case} {f}")

# The schemas must be strict enough to reject what a regression would write.
def must_reject(name, doc, mutate, what):
    bad = copy.deepcopy(doc)
    mutate(bad)
    if not list(validators[name].iter_errors(bad)):
        failures.append(f"{name} schema accepts a document with {what}")


if last_annotate and last_compare:
    a = last_annotate
    must_reject("annotate", a, lambda d: d.pop("provenance"), "no provenance")
    must_reject("annotate", a, lambda d: d.update(extra_key=1), "an unknown top-level key")
    must_reject("annotate", a, lambda d: d.update(schema="rvanno-annotate/2"), "another schema version")
    must_reject("annotate", a, lambda d: d["genes"][0].update(copy_number=""), "\"\" for an absent value")
    must_reject("annotate", a, lambda d: d["provenance"]["knowledge_base"].update(md5="xyz"), "a malformed md5")
    if a["verdicts"]:
        must_reject("annotate", a, lambda d: d["verdicts"][0].update(call="maybe"), "an unknown verdict call")
    if a["findings"]:
        must_reject("annotate", a, lambda d: d["findings"][0]["matches"][0].pop("citations"), "a match without citations")
        must_reject("annotate", a, lambda d: d["findings"][0].update(pos=0), "a 0-based position")
    must_reject("compare", last_compare, lambda d: d["alterations"][0].update(status="new"), "an unknown status")
    must_reject("compare", last_compare, lambda d: d["baseline"].pop("verdicts"), "a side without verdicts")
    must_reject("batch", a, lambda d: d.update(sample=""), "an empty sample name")
else:
    failures.append("no annotate or compare JSON was produced")

print(f"validated: {counts['annotate']} annotate, {counts['compare']} compare, {counts['batch']} batch documents")
if counts["annotate"] < 12 or counts["compare"] < 3 or counts["batch"] < 6:
    failures.append("fewer documents than the test data should give")
if failures:
    print("FAIL:", *failures, sep="\n  ")
    sys.exit(1)
print("PASS: every JSON output matches its schema; the schemas reject broken documents")
