#!/usr/bin/env bash
# Writes every output of every testdata case (annotate, compare, batch) into OUTDIR, one file per
# (case, format), with stdout, stderr and exit code. Used to prove a refactoring changes no
# output: run it with the binary before and after, then `diff -r before/ after/`.
#   scripts/case_outputs.sh BINARY OUTDIR
# Runs from each case's directory with relative paths, so the stamped command line is stable.
set -uo pipefail
bin="$(realpath "$1")"
out="$(realpath -m "$2")"
root="$(cd "$(dirname "$0")/.." && pwd)"
rm -rf "$out" && mkdir -p "$out"
# A fixed scratch path and knowledge base, so that stamped command lines and paths compare equal
# (CASE_OUTPUTS_TMP overrides the scratch path; use the same one for both runs).
tmp="${CASE_OUTPUTS_TMP:-/tmp/rvanno-case-outputs}"
rm -rf "$tmp" && mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
export RVANNO_DB="${RVANNO_DB:-$root/db}"

# run NAME DIR ARGS...: stdout, stderr, exit code, plus any side files written into $tmp.
run() {
  local name="$1" dir="$2"; shift 2
  rm -rf "$tmp"/* 2>/dev/null
  (cd "$dir" && "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"; echo $? >"$out/$name.exit")
  for f in "$tmp"/*; do
    [ -e "$f" ] || continue
    if [ -d "$f" ]; then cp -r "$f" "$out/$name.dir-$(basename "$f")"; else
      case "$f" in
        *.vcf.gz|*.bcf) bcftools view --no-version "$f" >"$out/$name.$(basename "$f").txt" ;;
        *) cp "$f" "$out/$name.$(basename "$f")" ;;
      esac
    fi
  done
  # -f html/json/tsv output files named with -o land in $tmp too; rename the tmp dir out of paths
}

# case_args DIR: the case's args (one per line, "" = empty, {TMP} = the scratch dir) into $args.
case_args() {
  args=()
  [ -f "$1/args" ] && mapfile -t args <"$1/args"
  for i in "${!args[@]}"; do
    [ "${args[$i]}" = '""' ] && args[$i]=""
    args[$i]="${args[$i]//\{TMP\}/$tmp}"
  done
}

# Each case as the runner runs it, then every output format and side file.
for d in "$root"/testdata/cases/*/*/; do
  [ -f "$d/args" ] || continue
  c="$(basename "$d")"; cmd="$(basename "$(dirname "$d")")"
  case_args "$d"
  run "$cmd.$c" "$d" "$cmd" "${args[@]}"
  case "$cmd" in
    annotate)
      for fmt in tsv json html; do run "annotate.$c.$fmt" "$d" annotate -f "$fmt" "${args[@]}"; done
      run "annotate.$c.side" "$d" annotate --verdict-table "$tmp/verdicts.tsv" -o "$tmp/report.tsv" "${args[@]}"
      if [ -f "$d/input.vcf" ]; then
        declare -A ext=([v]=vcf [z]=vcf.gz [b]=bcf)
        for mode in v z b; do
          run "annotate.$c.vcf$mode" "$d" annotate -o "$tmp/report.tsv" \
              --output-vcf "$tmp/annotated.${ext[$mode]}" -O "$mode" "${args[@]}"
        done
      fi ;;
    compare) run "compare.$c.json" "$d" compare -f json "${args[@]}" ;;
    batch)
      run "batch.$c.json" "$d" batch -f json "${args[@]}"
      run "batch.$c.html" "$d" batch -q -f html "${args[@]}" ;;
  esac
done

for s in "$root"/testdata/batch/bad_sheet/*.tsv; do
  run "batch.bad_sheet.$(basename "$s" .tsv)" "$root/testdata/batch/bad_sheet" batch --sample-sheet "$(basename "$s")" -o "$tmp/out"
done
for c in annotate compare batch db; do run "help.$c" "$root" "$c" --help; done
run "help.main" "$root" --help
run "db.check" "$root" db check
echo "case_outputs: $(ls "$out" | wc -l) files in $out"
