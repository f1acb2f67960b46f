#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] [TARGET...]: long libFuzzer runs of the harnesses in tests/fuzz/
# (README "Testing and fuzzing"). Builds them with clang (ASan + UBSan + libFuzzer) in build-fuzz/ (or
# $RVANNO_FUZZ_BUILD), then runs each TARGET (default: all) for SECONDS (default 60), one after
# the other, on a working corpus build-fuzz/corpus/<target>/ seeded from testdata/fuzz/<target>/
# (which it never writes). Prints per target the executions, the coverage (cov = edges, ft =
# features), the corpus size (inputs kept, seeds included) and the crashes; exits 1 if any
# target found one. Crashing inputs (crash-*, leak-*, timeout-*, oom-*) are left in
# build-fuzz/crashes/<target>/.
# Not part of scripts/test.sh or CI, which only replay the corpus (ctest Fuzz.replay_<target>).
set -euo pipefail
cd "$(dirname "$0")/.."
all_targets=(vcf cnv sv sample_sheet knowledge hgvs)
seconds="${1:-60}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
case "$seconds" in '' | *[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;; esac
for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "fuzz.sh: unknown target '$t' (known: ${all_targets[*]})" >&2; exit 2; }
done
build="${RVANNO_FUZZ_BUILD:-build-fuzz}"

# Largest input each target is given (libFuzzer -max_len): a few records, rows or cells more
# than the seeds, so that time goes into structure rather than into length.
max_len() {
  case "$1" in
    vcf | knowledge) echo 16384 ;;
    hgvs) echo 8192 ;;  # above kMaxProteinChangeLength (4096), so the length cut is reached
    *) echo 8192 ;;
  esac
}

# clang and its libFuzzer/sanitizer runtimes (Debian: clang, libclang-rt-dev), plus the build's own deps.
scripts/install-deps.sh
missing=()
command -v clang++ >/dev/null 2>&1 || missing+=(clang)
dpkg-query -W -f='${Status}' libclang-rt-dev 2>/dev/null | grep -q "install ok installed" || missing+=(libclang-rt-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "fuzz.sh: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# -O1 -g: the speed of an optimised build, stack traces that name the line.
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DRVANNO_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG="-g -O1" -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" >/dev/null
cmake --build "$build" -j"$(nproc)" --target $(printf 'rvanno_fuzz_%s ' "${targets[@]}")

# The harnesses write each input to a file: keep that in memory where /dev/shm exists.
[ -d /dev/shm ] && [ -w /dev/shm ] && export TMPDIR=/dev/shm
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

final_stat() { grep -m1 "^stat::$1:" "$2" | awk '{print $2}'; }
summary=()
found=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t" crashes="$build/crashes/$t" log="$build/logs/$t.log"
  mkdir -p "$corpus" "$crashes" "$build/logs"
  before=$(find "$crashes" -type f | wc -l)
  echo "fuzz.sh: $t for ${seconds}s (log: $log)"
  rc=0
  started=$SECONDS
  # -close_fd_mask=3: the harness's own output is dropped; libFuzzer and the sanitizers still report.
  "$build/tests/fuzz/rvanno_fuzz_$t" "$corpus" "testdata/fuzz/$t" -max_total_time="$seconds" \
    -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 -close_fd_mask=3 -print_final_stats=1 \
    -artifact_prefix="$crashes/" >"$log" 2>&1 || rc=$?
  took=$((SECONDS - started))  # less than SECONDS when a finding stopped the run
  after=$(find "$crashes" -type f | wc -l)
  new=$((after - before))
  if [ "$rc" -ne 0 ] && [ "$new" -eq 0 ]; then new=1; fi  # stopped by a finding it could not save
  [ "$new" -gt 0 ] && found=1
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
  units=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$last")
  summary+=("$(printf '%-13s %8s %12s %8s %7s %7s %7s %8s' "$t" "${took}s" "$(final_stat number_of_executed_units "$log")" \
    "$(final_stat average_exec_per_sec "$log")" "${cov:-?}" "${ft:-?}" "${units:-?}" "$new")")
  [ "$rc" -ne 0 ] && { echo "fuzz.sh: $t stopped on a finding (exit $rc):"; grep -E 'ERROR|runtime error|rvanno fuzz finding|Test unit written' "$log" | head -5; }
done

echo
printf '%-13s %8s %12s %8s %7s %7s %7s %8s\n' target time execs exec/s cov ft corpus crashes
printf '%s\n' "${summary[@]}"
if [ "$found" -ne 0 ]; then
  cat <<EOF

fuzz.sh: crashing inputs are in $build/crashes/<target>/ (the log in $build/logs/ has the report).
For each: minimise it,
  $build/tests/fuzz/rvanno_fuzz_<target> -minimize_crash=1 -runs=20000 -exact_artifact_path=min.bin CRASH
add min.bin as testdata/fuzz/<target>/crash-<what>.<ext>, fix the bug in src/ (one clear error
line and a non-zero exit, never a crash), and check with: ctest -R Fuzz.replay_<target>
EOF
  exit 1
fi
echo "fuzz.sh: no finding"
