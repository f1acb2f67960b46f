#!/usr/bin/env bash
# conda-build script: Release build against the host environment's HTSlib, Boost and
# nlohmann_json, installed into $PREFIX (binary, share/rvanno/db, man page, bash completion).
# Tests are not built here: the recipe's test section runs the installed binary.
set -euxo pipefail
cmake -S . -B build ${CMAKE_ARGS:-} \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_INSTALL_PREFIX="${PREFIX}" \
  -DCMAKE_PREFIX_PATH="${PREFIX}" \
  -DBUILD_TESTING=OFF
cmake --build build -j"${CPU_COUNT:-2}"
cmake --install build
