#!/usr/bin/env bash
# The cohort workflow on a laptop, from a fresh clone, in one command: installs what is missing
# (snakemake included), builds rvanno (Release), and runs workflow/ on the bundled three-sample
# cohort (testdata/workflow/cohort/readme) with 2 cores. Results go to build/workflow-demo/
# (inside the ignored build tree, not the sources). Extra arguments go to snakemake (e.g. -n).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target rvanno
out="$(pwd)/build/workflow-demo"
mkdir -p "$out"
snakemake -s workflow/Snakefile --configfile workflow/config/config.yaml --cores 2 --directory "$out" \
  --config rvanno="$(pwd)/build/src/rvanno" samples="$(pwd)/testdata/workflow/cohort/samples.tsv" "$@"
echo
echo "== cohort verdicts ($out/results/cohort/cohort_verdicts.tsv)"
awk -F'\t' '/^##/ { next } NR == FNR { for (i = 1; i <= NF; i++) if (length($i) > w[i]) w[i] = length($i); next }
  { for (i = 1; i <= NF; i++) printf "%-*s%s", w[i] + 2, $i, (i == NF ? "\n" : "") }' \
  "$out/results/cohort/cohort_verdicts.tsv" "$out/results/cohort/cohort_verdicts.tsv"
echo
echo "== MultiQC table: $out/results/cohort/rvanno_mqc.tsv (multiqc $out/results/cohort picks it up)"
echo "== per-sample reports: $out/results/samples/"
