#!/usr/bin/env bash
# README command 1: install what is missing, build a Release build, run the demo case: the index
# case of Cochin et al. 2025 (ALK-rearranged IMT): PTPN1 c.1088+1G>A plus focal ALK, CCND1 and
# PPM1D amplification (illustrative segments, see testdata/cases/annotate/index_case_cnv/readme).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target rvanno
genes="$(mktemp)"
trap 'rm -f "$genes"' EXIT
echo
echo "== rvanno annotate --cnv testdata/cases/annotate/index_case_cnv/tumour.cns testdata/cases/annotate/index_case/input.vcf"
build/src/rvanno annotate --cnv testdata/cases/annotate/index_case_cnv/tumour.cns --gene-table "$genes" \
  testdata/cases/annotate/index_case/input.vcf | scripts/show-tsv.sh
build/src/rvanno annotate -q --cnv testdata/cases/annotate/index_case_cnv/tumour.cns --driver "ALK fusion" --tumor-type IMT \
  --therapy-history crizotinib,alectinib,brigatinib,lorlatinib -f html -o build/index_case_report.html \
  testdata/cases/annotate/index_case/input.vcf
echo
echo "== resistance-panel genes of the index case (from --gene-table): assessed, nothing found"
awk -F'\t' '/^##/ { next } !h { for (i = 1; i <= NF; i++) c[$i] = i; h = 1; next }
  $1 ~ /^(EGFR|MET|KRAS|BRAF|NRAS|ERBB2|PIK3CA)$/ {
    printf "%-7s small variants: %s   copy number: %s (%s)\n", $1, $c["small_variant_alleles"], $c["cn_min"], $c["cn_class"] }' "$genes"
echo
echo "== tumour-board report (ALK fusion declared, IMT, after crizotinib, alectinib, brigatinib, lorlatinib):"
echo "   $(pwd)/build/index_case_report.html"
