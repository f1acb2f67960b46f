#!/usr/bin/env bash
# Speed and memory of `rvanno annotate` as ratios against `bcftools view -Ou -o /dev/null`
# on the same 1M-record file, in the same run (VCF.gz and BCF). Medians of N runs; peak RSS
# from GNU time. Data are made with ../shared/bench/make_vcf.py (deterministic) into bench/data/.
#
#   bench/run.sh [N_RECORDS=1M] [REPEATS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1M}"
reps="${2:-5}"
shared="${RVANNO_SHARED_BENCH:-../shared/bench}"
rvanno="${RVANNO_BIN:-build/src/rvanno}"
data="bench/data"
mkdir -p "$data"
[ -x "$rvanno" ] || { echo "bench: build rvanno first (scripts/demo.sh)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }
vcf="$data/wgs$n.vcf.gz"
bcf="$data/wgs$n.bcf"
if [ ! -s "$vcf" ]; then
  python3 "$shared/make_vcf.py" -n "$n" -s 1 --plant "$shared/knowledge/knowledge.tsv" -o "$vcf" --index
fi
[ -s "$bcf" ] || { bcftools view -Ob -o "$bcf" "$vcf" && bcftools index -f "$bcf"; }

# median_of CMD...: runs CMD $reps times; prints "median_seconds max_rss_kb"
median_of() {
  local t
  for _ in $(seq "$reps"); do
    /usr/bin/time -f "%e %M" -o /tmp/rvanno_bench_time "$@" >/dev/null 2>&1
    cat /tmp/rvanno_bench_time
  done | sort -n | awk '{ s[NR] = $1; if ($2 > m) m = $2 } END { print s[int((NR + 1) / 2)], m }'
}

echo "# rvanno bench: $n records, median of $reps runs, $(nproc) cores, $(uname -m)"
echo "# rvanno $($rvanno --version | head -1 | cut -d' ' -f2), $(bcftools --version | head -1)"
printf "input\tcommand\twall_s\tratio_to_bcftools_view\tpeak_rss_MB\n"
for f in "$vcf" "$bcf"; do
  read -r bt bm < <(median_of bcftools view -Ou -o /dev/null "$f")
  read -r rt rm < <(median_of "$rvanno" annotate -q -o /dev/null "$f")
  read -r r2 rm2 < <(median_of "$rvanno" annotate -q --threads 1 -o /dev/null "$f")
  printf "%s\tbcftools view -Ou -o /dev/null\t%.2f\t1.00\t%.1f\n" "$(basename "$f")" "$bt" "$(echo "$bm/1024" | bc -l)"
  printf "%s\trvanno annotate\t%.2f\t%.2f\t%.1f\n" "$(basename "$f")" "$rt" "$(echo "$rt/$bt" | bc -l)" "$(echo "$rm/1024" | bc -l)"
  printf "%s\trvanno annotate --threads 1\t%.2f\t%.2f\t%.1f\n" "$(basename "$f")" "$r2" "$(echo "$r2/$bt" | bc -l)" "$(echo "$rm2/1024" | bc -l)"
done
