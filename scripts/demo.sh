#!/usr/bin/env bash
# README command 1: install what is missing, build a Release build, run the demo case
# (the index case of Cochin et al. 2025: PTPN1 c.1088+1G>A in an ALK-rearranged IMT).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target rvanno
echo
echo "== rvanno annotate testdata/cases/index_case/input.vcf"
build/src/rvanno annotate testdata/cases/index_case/input.vcf | scripts/show-tsv.sh
