#!/usr/bin/env bash
# Speed and memory of rvanno as ratios against a peer command (bcftools, or rvanno itself)
# run on the same file in the same invocation. Every scenario times its commands in
# alternation (A B A B ...), REPEATS rounds after one untimed warm-up round, and prints one
# Markdown table row per command: median wall seconds, median CPU seconds (user+sys), the
# ratios of the median wall and CPU times to the peer's, the peer, peak RSS (GNU time %M, max
# over the rounds) and the issue-10 target (judged on the wall ratio) with met / NOT met.
# The CPU ratio is there because a shared machine stretches wall times; when the two ratios
# disagree much, the machine was busy and the run should be repeated.
#
#   bench/run.sh [--quick] [--reps N] [SCENARIO...]
#
# SCENARIO (default: all, in this order):
#   wgs     WGS 1M VCF.gz and BCF, report mode      vs bcftools view -Ou
#   panel   500k records all inside KB genes         vs bcftools view -Ou
#   kb      100k-row synthetic knowledge base, from its tables and from its knowledge index (rvanno db
#           index): startup and WGS annotate vs the bundled db
#   vcfout  --output-vcf -O z/v/b on WGS 1M          vs bcftools annotate -a ... -O z/v/b
#   batch   100-sample VCF (100k records), batch     vs one bcftools view -Ou pass
#   json    -f json vs -f tsv on the panel file
# --quick   smaller inputs (WGS 100k, panel 50k, KB 10k rows, 10 samples x 10k) and 3
#           rounds: checks that the script works; its ratios are not the issue's figures.
# --reps N  timed rounds per scenario [5; 3 with --quick]; env REPEATS works too.
#
# Data are made deterministically into bench/data/ (git-ignored) by ../shared/bench/make_vcf.py
# (override with RVANNO_SHARED_BENCH) and bench/make_kb.py; scratch output goes to
# bench/out/run.<pid>/ and is removed on exit. RVANNO_BIN overrides build/src/rvanno.
# If the shared generators are missing the script says so and exits 0 (nothing measured).
set -euo pipefail
cd "$(dirname "$0")/.."

all_scenarios=(wgs panel kb vcfout batch json)
quick=0
reps="${REPEATS:-}"
scenarios=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --reps) reps="$2"; shift ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    all) scenarios+=("${all_scenarios[@]}") ;;
    wgs|panel|kb|vcfout|batch|json) scenarios+=("$1") ;;
    *) echo "bench: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
[ ${#scenarios[@]} -gt 0 ] || scenarios=("${all_scenarios[@]}")
if [ "$quick" = 1 ]; then
  reps="${reps:-3}"; n_wgs=100k; n_panel=50k; kb_rows=10000; n_cohort=10k; cohort_samples=10
else
  reps="${reps:-5}"; n_wgs=1M; n_panel=500k; kb_rows=100000; n_cohort=100k; cohort_samples=100
fi

shared="${RVANNO_SHARED_BENCH:-../shared/bench}"
rvanno="${RVANNO_BIN:-build/src/rvanno}"
data="bench/data"
if [ ! -f "$shared/make_vcf.py" ] || [ ! -f "$shared/knowledge/knowledge.tsv" ]; then
  echo "bench: skipped: $shared/make_vcf.py or $shared/knowledge/ not found (the data generators live in ../shared/bench; set RVANNO_SHARED_BENCH)"
  exit 0
fi
[ -x "$rvanno" ] || { echo "bench: build rvanno first (cmake --build build --target rvanno)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }
command -v bcftools >/dev/null || { echo "bench: needs bcftools" >&2; exit 1; }
mkdir -p "$data" bench/out
out="bench/out/run.$$"
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT
# Output nobody reads goes to a private null device. Not /dev/null: a program run as root that
# writes "-o /dev/null" through a temporary file renamed over the path (rvanno's OutputFile
# does; tests/cli/interpretation_test.cpp runs it so) replaces /dev/null by a regular file,
# and timing into that file would time page-cache writes.
sink="$out/null"
if ! mknod -m 666 "$sink" c 1 3 2>/dev/null || [ ! -c "$sink" ]; then
  rm -f "$sink"
  [ -c /dev/null ] || { echo "bench: cannot make a null device (mknod needs root) and /dev/null is not a character device; restore it: mknod -m 666 /dev/null.new c 1 3 && mv /dev/null.new /dev/null" >&2; exit 1; }
  sink=/dev/null
fi
check_sink() { [ -c "$sink" ] || { echo "bench: $sink stopped being a character device during the run; the figures are void" >&2; exit 1; }; }
tf="$out/time"
log="$out/times"
: > "$log"
rvanno_abs="$(cd "$(dirname "$rvanno")" && pwd)/$(basename "$rvanno")"
bundled_db="$PWD/db"

# ---------------------------------------------------------------------------- data
wgs_vcf="$data/wgs$n_wgs.vcf.gz"
wgs_bcf="$data/wgs$n_wgs.bcf"
panel_bed="$data/kb_genes.GRCh38.bed"
panel_vcf="$data/panel$n_panel.vcf.gz"
panel_bcf="$data/panel$n_panel.bcf"
cohort_vcf="$data/cohort${cohort_samples}x$n_cohort.vcf.gz"
empty_vcf="$data/empty.GRCh38.vcf"

make_bcf() { [ -s "$2" ] || { bcftools view -Ob -o "$2" "$1" && bcftools index -f "$2"; }; }
need_wgs() {
  [ -s "$wgs_vcf" ] || python3 "$shared/make_vcf.py" -n "$n_wgs" -s 1 --plant "$shared/knowledge/knowledge.tsv" -o "$wgs_vcf" --index
  make_bcf "$wgs_vcf" "$wgs_bcf"
}
need_panel() {
  # Every record inside the MANE transcript span (db/transcripts.GRCh38.tsv) of a gene that
  # has at least one row in db/knowledge/: the worst case, every record goes down the full
  # path. (Since issue 8 every gene of the transcript model is examined, rows or not; the panel
  # stays the genes with rows so that its figures compare with the earlier runs.)
  local bed_now
  bed_now="$(awk -F'\t' 'FNR == 1 { head = 0 } /^#/ { next } !head { head = 1; next }
      FILENAME ~ /knowledge\// { rows[$2] = 1; next }
      ($1 in rows) && NF >= 7 { print "chr" $4 "\t" $6 "\t" $7 "\t" $1 }' db/knowledge/*.tsv db/transcripts.GRCh38.tsv |
    sort -k1,1V -k2,2n)"
  if [ ! -s "$panel_bed" ] || [ "$bed_now" != "$(cat "$panel_bed")" ]; then
    printf '%s\n' "$bed_now" > "$panel_bed"
    rm -f "$data"/panel*.vcf.gz "$data"/panel*.vcf.gz.tbi "$data"/panel*.bcf "$data"/panel*.bcf.csi  # every size, and profile.sh's slices
  fi
  [ -s "$panel_vcf" ] || python3 "$shared/make_vcf.py" -n "$n_panel" -s 3 --regions "$panel_bed" -o "$panel_vcf" --index
  make_bcf "$panel_vcf" "$panel_bcf"
}
need_cohort() {
  [ -s "$cohort_vcf" ] || python3 "$shared/make_vcf.py" -n "$n_cohort" -s 5 --samples "$cohort_samples" --plant "$shared/knowledge/knowledge.tsv" -o "$cohort_vcf" --index
}
need_empty() { [ -s "$empty_vcf" ] || { need_wgs; bcftools view -h "$wgs_vcf" > "$empty_vcf"; }; }
# A copy of db/ plus kb_rows synthetic rows; rebuilt every run so it follows db/ (a few seconds).
# Two copies: the tables alone, and the same with its knowledge index (rvanno db index, the
# issue's fallback: a run parses only the rows it reads). The index is written 3 s after the
# copy, so that the tables' stamps are trusted (kb_index.hpp: a table changed within 2 s before
# indexing is hashed on every load, which a user's long-settled tables never are).
big_db="$out/kb$kb_rows"
big_db_idx="$out/kb${kb_rows}_indexed"
need_big_db() {
  [ -d "$big_db" ] && return
  cp -r db "$big_db"
  python3 bench/make_kb.py --db db -n "$kb_rows" -o "$big_db/knowledge/zz_synthetic.tsv" 2>/dev/null
  "$rvanno" db check "$big_db" >/dev/null || { echo "bench: the synthetic knowledge base fails 'rvanno db check'" >&2; "$rvanno" db check "$big_db" | head >&2; exit 1; }
  cp -r "$big_db" "$big_db_idx"
  sleep 3
  "$rvanno" db index "$big_db_idx" >/dev/null || { echo "bench: rvanno db index failed on the synthetic knowledge base" >&2; exit 1; }
}

# ---------------------------------------------------------------------------- timing
# A group is a set of commands timed in alternation. group_add KEY LABEL CMD; group_run.
keys=(); labels=(); cmds=()
group_add() { keys+=("$1"); labels+=("$2"); cmds+=("$3"); }
run_one() {  # run_one INDEX TIMED(0|1)
  local i=$1
  if ! /usr/bin/time -f "%e %U %S %M" -o "$tf" bash -c "${cmds[$i]}" >"$sink" 2>"$out/stderr"; then
    echo "bench: command failed: ${cmds[$i]}" >&2; cat "$out/stderr" >&2; exit 1
  fi
  [ "$2" = 1 ] && echo "${keys[$i]} $(tail -1 "$tf")" >> "$log"
  return 0
}
group_run() {
  local r i
  for i in "${!cmds[@]}"; do run_one "$i" 0; done   # warm-up: page cache, and a failing command stops here
  for ((r = 0; r < reps; r++)); do
    for i in "${!cmds[@]}"; do run_one "$i" 1; done
  done
  check_sink
  keys=(); labels=(); cmds=()
}
# stats KEY -> "median_wall median_cpu max_rss_kb"
median() { sort -g | awk '{ a[NR] = $1 } END { if (!NR) print "NA"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
stats() {
  echo "$(awk -v k="$1" '$1 == k { print $2 }' "$log" | median)" \
       "$(awk -v k="$1" '$1 == k { print $3 + $4 }' "$log" | median)" \
       "$(awk -v k="$1" '$1 == k { print $5 }' "$log" | sort -n | tail -1)"
}
# row SCENARIO INPUT LABEL KEY PEER_KEY PEER_LABEL TARGET
#   TARGET: "x1.2" ratio of wall medians <= 1.2; "s0.2" median wall seconds <= 0.2; "" none.
row() {
  local sc="$1" in="$2" label="$3" key="$4" pkey="$5" plabel="$6" target="$7"
  local w c m pw pc pm ratio cratio verdict="" tcol=""
  read -r w c m < <(stats "$key")
  read -r pw pc pm < <(stats "$pkey")
  ratio=$(awk -v a="$w" -v b="$pw" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }')  # 10 ms resolution
  cratio=$(awk -v a="$c" -v b="$pc" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }')  # GNU time counts CPU in 10 ms
  case "$target" in
    x*) tcol="≤ ${target#x}×"; verdict=$(awk -v r="$ratio" -v t="${target#x}" 'BEGIN { print (r != "–" && r <= t) ? "met" : "NOT met" }') ;;
    s*) tcol="≤ ${target#s} s"; verdict=$(awk -v r="$w" -v t="${target#s}" 'BEGIN { print (r <= t) ? "met" : "NOT met" }') ;;
  esac
  [ "$key" = "$pkey" ] && plabel="(peer)"
  printf "| %s | %s | %s | %.2f | %.2f | %s | %s | %s | %.1f | %s | %s |\n" "$sc" "$in" "$label" "$w" "$c" "$ratio" "$cratio" "$plabel" \
    "$(awk -v m="$m" 'BEGIN { print m / 1024 }')" "$tcol" "$verdict"
  case "$label" in rvanno*) echo "$m" >> "$out/rvanno_rss" ;; esac
}

# ---------------------------------------------------------------------------- scenarios
RV="$rvanno_abs"
scen_wgs() {
  need_wgs
  local f
  for f in "$wgs_vcf" "$wgs_bcf"; do
    local b; b=$(basename "$f"); local t=x0.2; [ "${f%.bcf}" != "$f" ] && t=x0.5
    group_add "wgs_bc_$b" "bcftools view -Ou" "bcftools view -Ou -o $sink $f"
    group_add "wgs_rv_$b" "rvanno annotate" "$RV annotate -q $f > $sink"
    group_add "wgs_rv1_$b" "rvanno annotate --threads 1" "$RV annotate -q --threads 1 $f > $sink"
    group_run
    row wgs "$b" "bcftools view -Ou -o NULL" "wgs_bc_$b" "wgs_bc_$b" "" ""
    row wgs "$b" "rvanno annotate" "wgs_rv_$b" "wgs_bc_$b" "bcftools view -Ou" "$t"
    row wgs "$b" "rvanno annotate --threads 1" "wgs_rv1_$b" "wgs_bc_$b" "bcftools view -Ou" ""
  done
}
scen_panel() {
  need_panel
  local f
  for f in "$panel_vcf" "$panel_bcf"; do
    local b; b=$(basename "$f"); local t=x1.0; [ "${f%.bcf}" != "$f" ] && t=x1.5
    group_add "panel_bc_$b" "bcftools view -Ou" "bcftools view -Ou -o $sink $f"
    group_add "panel_rv_$b" "rvanno annotate" "$RV annotate -q $f > $sink"
    group_run
    row panel "$b" "bcftools view -Ou -o NULL" "panel_bc_$b" "panel_bc_$b" "" ""
    row panel "$b" "rvanno annotate" "panel_rv_$b" "panel_bc_$b" "bcftools view -Ou" "$t"
  done
}
scen_kb() {
  need_empty; need_wgs; need_big_db
  local b; b=$(basename "$empty_vcf")
  group_add kb_start_bundled "rvanno annotate (bundled db)" "$RV annotate -q -g GRCh38 --db $bundled_db $empty_vcf > $sink"
  group_add kb_start_big "rvanno annotate (db + $kb_rows rows)" "$RV annotate -q -g GRCh38 --db $big_db $empty_vcf > $sink"
  group_add kb_start_idx "rvanno annotate (db + $kb_rows rows, indexed)" "$RV annotate -q -g GRCh38 --db $big_db_idx $empty_vcf > $sink"
  group_run
  # The rows "(no index)" read the tables: shown to measure what the index saves, not held to
  # the targets (the index is the issue's answer for a large knowledge base), and their RSS is
  # left out of the "any scenario" RSS line (row() counts labels that start with "rvanno").
  row kb "$b (header only)" "rvanno annotate, bundled db (startup)" kb_start_bundled kb_start_bundled "" ""
  row kb "$b (header only)" "(no index) rvanno annotate, db + $kb_rows rows (startup)" kb_start_big kb_start_bundled "bundled db" ""
  row kb "$b (header only)" "rvanno annotate, db + $kb_rows rows, indexed (startup)" kb_start_idx kb_start_bundled "bundled db" "s0.2"
  b=$(basename "$wgs_vcf")
  group_add kb_wgs_bundled "rvanno annotate (bundled db)" "$RV annotate -q --db $bundled_db $wgs_vcf > $sink"
  group_add kb_wgs_big "rvanno annotate (db + $kb_rows rows)" "$RV annotate -q --db $big_db $wgs_vcf > $sink"
  group_add kb_wgs_idx "rvanno annotate (db + $kb_rows rows, indexed)" "$RV annotate -q --db $big_db_idx $wgs_vcf > $sink"
  group_run
  row kb "$b" "rvanno annotate, bundled db" kb_wgs_bundled kb_wgs_bundled "" ""
  row kb "$b" "(no index) rvanno annotate, db + $kb_rows rows" kb_wgs_big kb_wgs_bundled "bundled db" ""
  row kb "$b" "rvanno annotate, db + $kb_rows rows, indexed" kb_wgs_idx kb_wgs_bundled "bundled db" "x1.2"
}
scen_vcfout() {
  need_wgs
  local b; b=$(basename "$wgs_vcf")
  local K="$shared/knowledge"
  local T t
  for T in z v b; do
    case $T in z) t=x0.6 ;; v) t=x0.3 ;; b) t=x1.0 ;; esac
    # The peer really annotates: the shared 300-allele position table (the same alleles are
    # planted in the WGS file) added as INFO/KB,KBGENE, written as the same output type.
    group_add "vo_bc_$T" "bcftools annotate -O$T" "bcftools annotate -a $K/knowledge.tab.gz -h $K/knowledge.hdr -c CHROM,POS,REF,ALT,INFO/KB,INFO/KBGENE -O$T -o $out/bc.$T $wgs_vcf"
    group_add "vo_rv_$T" "rvanno annotate --output-vcf -O $T" "$RV annotate -q --output-vcf $out/rv.$T -O $T $wgs_vcf > $sink"
    group_run
    row vcfout "$b" "bcftools annotate -a KB -O$T -o F" "vo_bc_$T" "vo_bc_$T" "" ""
    row vcfout "$b" "rvanno annotate --output-vcf F -O $T" "vo_rv_$T" "vo_bc_$T" "bcftools annotate -O$T" "$t"
    rm -f "$out/bc.$T" "$out/rv.$T"
  done
}
scen_batch() {
  need_cohort
  local b; b=$(basename "$cohort_vcf")
  group_add batch_bc "bcftools view -Ou" "bcftools view -Ou -o $sink $cohort_vcf"
  group_add batch_rv "rvanno batch" "rm -rf $out/batch && $RV batch -q -o $out/batch $cohort_vcf"
  group_run
  row batch "$b" "bcftools view -Ou -o NULL" batch_bc batch_bc "" ""
  row batch "$b" "rvanno batch -o DIR" batch_rv batch_bc "bcftools view -Ou" "x3.0"
  rm -rf "$out/batch"
}
scen_json() {
  need_panel
  local b; b=$(basename "$panel_vcf")
  group_add json_tsv "rvanno -f tsv" "$RV annotate -q -f tsv $panel_vcf > $sink"
  group_add json_json "rvanno -f json" "$RV annotate -q -f json $panel_vcf > $sink"
  group_run
  row json "$b" "rvanno annotate -f tsv" json_tsv json_tsv "" ""
  row json "$b" "rvanno annotate -f json" json_json json_tsv "-f tsv" "x1.2"
}

# Make all data first, so generation never lands inside a timed scenario.
for s in "${scenarios[@]}"; do
  case $s in
    wgs|vcfout) need_wgs ;; panel|json) need_panel ;; kb) need_wgs; need_empty; need_big_db ;; batch) need_cohort ;;
  esac
done

echo "# rvanno bench $(date -u +%Y-%m-%dT%H:%MZ): ${scenarios[*]}; median of $reps alternating rounds (+1 warm-up)$([ $quick = 1 ] && echo ', --quick sizes')"
echo "# $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# rvanno $("$rvanno" --version | head -1 | cut -d' ' -f2) ($(git rev-parse --short HEAD 2>/dev/null || echo '?')), $("$rvanno" --version | sed -n 2p), $(bcftools --version | head -1)"
echo
echo "# NULL = a private null device; rvanno writes its report (TSV unless -f) to stdout, which goes there too."
echo
echo "| scenario | input | command | wall s | cpu s | wall × peer | cpu × peer | peer | peak RSS MB | target (wall) | |"
echo "|---|---|---|---:|---:|---:|---:|---|---:|---|---|"
for s in "${scenarios[@]}"; do "scen_$s"; done
check_sink
if [ -s "$out/rvanno_rss" ]; then
  m=$(sort -n "$out/rvanno_rss" | tail -1)
  echo
  echo "# peak RSS over every rvanno row: $(awk -v m="$m" 'BEGIN { printf "%.1f", m / 1024 }') MB (target ≤ 64 MB: $(awk -v m="$m" 'BEGIN { print (m <= 65536) ? "met" : "NOT met" }'))"
fi
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
