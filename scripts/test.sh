#!/usr/bin/env bash
# README command 2 (and .ci/run): install what is missing, build, run the whole test suite.
# Two builds: Release (what users run) and Debug with AddressSanitizer + UBSan, so that a
# crash or memory error on any test input fails the suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs="$(nproc)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DRVANNO_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")
if [ "${RVANNO_SKIP_SANITIZE:-0}" != 1 ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRVANNO_SANITIZE=ON -DRVANNO_WERROR=ON >/dev/null
  cmake --build build-asan -j"$jobs"
  (cd build-asan && ctest --output-on-failure -j"$jobs")
fi
