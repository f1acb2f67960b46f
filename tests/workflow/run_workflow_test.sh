#!/usr/bin/env bash
# The Snakemake workflow (workflow/) on the bundled cohort (testdata/workflow/cohort/readme).
#   run_workflow_test.sh dry RVANNO_BINARY   the DAG builds and plans every output (snakemake -n)
#   run_workflow_test.sh run RVANNO_BINARY   a real run with --cores 2, cohort tables against the
#                                            expected answers and against `rvanno batch` itself,
#                                            then a second dry run that must find nothing to do
# Exits 77 (ctest SKIP_RETURN_CODE) when snakemake is not installed. Snakemake works in a temp
# directory: nothing is written into the source tree.
set -euo pipefail
if ! command -v snakemake >/dev/null 2>&1; then
  echo "SKIP: snakemake is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi
mode="$1"
bin="$(realpath "$2")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cohort="$root/testdata/workflow/cohort"
work="$(mktemp -d "${TMPDIR:-/tmp}/rvanno_workflow.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
smk() {
  snakemake -s "$root/workflow/Snakefile" --configfile "$root/workflow/config/config.yaml" \
    --directory "$work" --config rvanno="$bin" samples="$cohort/samples.tsv" "$@"
}
outputs=(samples/IMT-1.tsv samples/IMT-1.json samples/IMT-1.html samples/IMT-1.annotated.vcf.gz
         samples/NSCLC_2.tsv samples/NSCLC_2.json samples/NSCLC_2.html samples/NSCLC_2.annotated.vcf.gz
         samples/NSCLC-3.tsv samples/NSCLC-3.json samples/NSCLC-3.html
         cohort/cohort_alterations.tsv cohort/cohort_verdicts.tsv cohort/rvanno_mqc.tsv)

if [ "$mode" = dry ]; then
  smk -n --quiet rules >"$work/plan.txt" 2>&1 || { cat "$work/plan.txt"; fail "dry run failed"; }
  cat "$work/plan.txt"
  # 9 reports (3 samples x 3 formats), 2 annotated VCFs (NSCLC-3 has no VCF), 1 cohort job.
  grep -Eq '^report +9 ' "$work/plan.txt" || fail "expected 9 report jobs"
  grep -Eq '^annotated_vcf +2 ' "$work/plan.txt" || fail "expected 2 annotated_vcf jobs"
  grep -Eq '^cohort +1 ' "$work/plan.txt" || fail "expected 1 cohort job"
  [ -z "$(ls "$work/results" 2>/dev/null)" ] || fail "a dry run wrote results"
  # The config schema refuses a bad value, and a sample without VCF needs the build named.
  if smk -n --config genome=hg19 >"$work/bad.txt" 2>&1; then fail "genome=hg19 was accepted"; fi
  grep -q "config.schema.yaml\|is not one of" "$work/bad.txt" || { cat "$work/bad.txt"; fail "no schema error for genome=hg19"; }
  echo "genome: null" >"$work/nogenome.yaml"
  if smk -n --configfile "$root/workflow/config/config.yaml" "$work/nogenome.yaml" >"$work/bad.txt" 2>&1; then fail "a sample without VCF ran without genome"; fi
  grep -q "need the genome build" "$work/bad.txt" || { cat "$work/bad.txt"; fail "no hint to set genome"; }
  # MAF INPUT: a sheet's vcf column may name a MAF (told by its header); no annotated VCF is
  # planned for it, since a MAF has no VCF records to pass through.
  printf 'sample\tvcf\tvcf_sample\tcnv\tsv\ttumor_type\tdriver\nMAF-A\t%s\tTUMOR_A\t\t\tNSCLC\t\n' \
    "$root/testdata/cases/annotate/maf_alk_compound/input.txt" >"$work/maf_sheet.tsv"
  smk -n --quiet rules --config samples="$work/maf_sheet.tsv" >"$work/maf_plan.txt" 2>&1 || { cat "$work/maf_plan.txt"; fail "MAF dry run failed"; }
  grep -Eq '^report +3 ' "$work/maf_plan.txt" || { cat "$work/maf_plan.txt"; fail "expected 3 report jobs for the MAF sample"; }
  if grep -Eq '^annotated_vcf ' "$work/maf_plan.txt"; then cat "$work/maf_plan.txt"; fail "an annotated VCF was planned for a MAF"; fi
  echo "PASS: dry run plans every output"
  exit 0
fi

[ "$mode" = run ] || fail "mode must be dry or run"
smk --cores 2 >"$work/run.log" 2>&1 || { cat "$work/run.log"; fail "workflow run failed"; }
for f in "${outputs[@]}"; do [ -s "$work/results/$f" ] || fail "missing output results/$f"; done
[ ! -e "$work/results/samples/NSCLC-3.annotated.vcf.gz" ] || fail "a sample without VCF got an annotated VCF"
for f in "$work"/results/logs/report/IMT-1.tsv.log "$work"/results/logs/cohort.log; do
  [ -e "$f" ] || fail "missing log $f"
done

# Cohort tables: the expected answers (columns named by each expected file's header).
python3 - "$work/results/cohort" "$cohort" <<'PY' || fail "cohort tables differ from the expected answers"
import sys
out, exp = sys.argv[1], sys.argv[2]
def table(path):
    rows = [l.rstrip("\n").split("\t") for l in open(path) if not l.startswith("#")]
    return rows[0], rows[1:]
def projected(path, cols):
    head, rows = table(path)
    idx = [head.index(c) for c in cols]
    return [[r[i] for i in idx] for r in rows]
ok = True
cols, want = table(f"{exp}/expected.cohort_alterations.tsv")
got = projected(f"{out}/cohort_alterations.tsv", cols)
if got != want:
    ok = False
    print("cohort_alterations.tsv:", *map("\t".join, got), sep="\n")
cols, want = table(f"{exp}/expected.cohort_verdicts.tsv")
got = projected(f"{out}/cohort_verdicts.tsv", cols)
for row in want:
    if row not in got:
        ok = False
        print("cohort_verdicts.tsv lacks:", "\t".join(row))
cols, want = table(f"{exp}/expected.rvanno_mqc.tsv")
got = projected(f"{out}/rvanno_mqc.tsv", cols)
if got != want:
    ok = False
    print("rvanno_mqc.tsv:", *map("\t".join, got), sep="\n")
sys.exit(0 if ok else 1)
PY
# MultiQC reads the '#' lines as YAML: it must parse and name the table and its columns.
python3 - "$work/results/cohort/rvanno_mqc.tsv" <<'PY' || fail "rvanno_mqc.tsv lacks a valid MultiQC custom-content header"
import sys, yaml
lines = open(sys.argv[1]).read().splitlines()
head = yaml.safe_load("\n".join(l[2:] for l in lines if l.startswith("# ")))
columns = next(l for l in lines if not l.startswith("#")).split("\t")[1:]
assert head["id"] == "rvanno" and head["plot_type"] == "table" and head["format"] == "tsv", head
assert sorted(head["headers"]) == sorted(columns), (head["headers"], columns)
PY

# The cohort tables are the ones rvanno batch writes for the same sheet (only the command
# line differs: the workflow's batch writes its reports into a scratch directory).
(cd "$work" && "$bin" batch -q -f json -g GRCh38 --sample-sheet "$cohort/samples.tsv" -o "$work/batch") ||
  fail "rvanno batch failed"
for t in cohort_alterations.tsv cohort_verdicts.tsv; do
  diff <(grep -v '^##command=' "$work/batch/$t") <(grep -v '^##command=' "$work/results/cohort/$t") ||
    fail "$t differs from rvanno batch's"
done
# Per-sample reports: the same report as batch's for the sample, apart from the sample name
# (annotate reports the VCF column, batch the sheet's name), the command line and "hotspots"
# (rvanno annotate reports the driver hotspots; rvanno batch 0.1.0 leaves them empty).
python3 - "$work" <<'PY' || fail "per-sample JSON differs from rvanno batch's"
import json, sys
w = sys.argv[1]
for stem in ["IMT-1", "NSCLC_2", "NSCLC-3"]:
    a = json.load(open(f"{w}/results/samples/{stem}.json"))
    b = json.load(open(f"{w}/batch/{stem}.json"))
    for r in (a, b):
        r["provenance"]["command"] = r["sample"] = r["hotspots"] = None
    if a != b:
        sys.exit(f"{stem}.json differs")
PY
# grep reads to the end: with pipefail, grep -q's early exit would fail zcat with SIGPIPE (a flake).
zcat "$work/results/samples/NSCLC_2.annotated.vcf.gz" | grep '^##INFO=<ID=RVANNO_' >/dev/null || fail "annotated VCF lacks RVANNO tags"

# A second run must find nothing to do.
smk -n >"$work/rerun.log" 2>&1 || { cat "$work/rerun.log"; fail "second dry run failed"; }
grep -q "Nothing to be done" "$work/rerun.log" || { cat "$work/rerun.log"; fail "the second run would rebuild something"; }
echo "PASS: workflow run, cohort tables as expected and as rvanno batch's, nothing to redo"
