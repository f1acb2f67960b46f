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
# The container image (Dockerfile) is built only where a container runtime works; say which.
if command -v docker >/dev/null 2>&1 && timeout 60 docker info >/dev/null 2>&1; then
  echo "test.sh: docker works: building the container image rvanno/rvanno:0.1.0"
  docker build -q -t rvanno/rvanno:0.1.0 .
  docker run --rm rvanno/rvanno:0.1.0 --version
  echo "test.sh: container image built and run"
else
  echo "test.sh: no working container runtime ('docker info' failed or docker is absent): container image not built"
fi
