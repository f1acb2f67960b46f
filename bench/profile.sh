#!/usr/bin/env bash
# Where rvanno's time and memory go (issue 10), with the commands bench/README.md quotes.
#
#   bench/profile.sh [panel] [kbload] [massif] [perf] [parse]    (default: all five)
#
#   panel   callgrind: rvanno annotate on a 100k-record slice of the panel file (every 5th
#           record of bench/data/panel500k.vcf.gz, so every gene is in it)
#   kbload  callgrind: rvanno annotate -g GRCh38 on a header-only VCF with db/ + 100k rows
#   massif  massif: rvanno annotate on the whole panel file: what holds the memory at peak
#   perf    perf record (cpu-clock, DWARF call graphs) on the panel slice and the kbload run,
#           if perf works here: CPU time including system calls and page faults
#   parse   callgrind on the slice without FORMAT/samples and without INFO: what FORMAT and
#           INFO parsing cost inside vcf_parse
#
# Needs the data of bench/run.sh (run `bench/run.sh panel kb` once) and valgrind. Profiles
# the binary that bench/run.sh times (build/src/rvanno, CMake Release, -O3; RVANNO_BIN
# overrides): functions are named from its symbol table, so code that -O3 inlined is counted
# in its caller. Results go to bench/out/prof/ (git-ignored): *.out are the raw profiles,
# *.txt the annotated summaries.
set -euo pipefail
cd "$(dirname "$0")/.."
what=("$@")
[ ${#what[@]} -gt 0 ] || what=(panel kbload massif perf parse)
prof=bench/out/prof
mkdir -p "$prof"
command -v valgrind >/dev/null || { echo "profile: needs valgrind" >&2; exit 1; }
rv="${RVANNO_BIN:-build/src/rvanno}"
[ -x "$rv" ] || { echo "profile: build rvanno first (cmake --build build --target rvanno)" >&2; exit 1; }
panel=bench/data/panel500k.vcf.gz
slice=bench/data/panel100k_slice.vcf.gz
empty=bench/data/empty.GRCh38.vcf
[ -s "$panel" ] && [ -s "$empty" ] || { echo "profile: run 'bench/run.sh panel kb' first (it makes the data)" >&2; exit 1; }
[ -s "$slice" ] || bcftools view "$panel" | awk '/^#/ || (++n % 5 == 0)' | bgzip > "$slice"
# Private null device (see bench/run.sh for why not /dev/null).
sink="$prof/null"
[ -c "$sink" ] || { rm -f "$sink"; mknod -m 666 "$sink" c 1 3 2>/dev/null || sink=/dev/null; }

top() {  # top CALLGRIND_OUT NAME: every function's inclusive and self cost (no head: pipefail)
  callgrind_annotate --inclusive=yes --threshold=100 "$1" > "$prof/$2.inclusive.txt" 2>/dev/null
  callgrind_annotate --threshold=100 "$1" > "$prof/$2.self.txt" 2>/dev/null
  echo "profile: $prof/$2.inclusive.txt, $prof/$2.self.txt"
}

for w in "${what[@]}"; do
  case $w in
    panel)
      valgrind --tool=callgrind --callgrind-out-file="$prof/callgrind.panel.out" \
        "$rv" annotate -q "$slice" > "$sink" 2> "$prof/callgrind.panel.log"
      top "$prof/callgrind.panel.out" callgrind.panel ;;
    kbload)
      big=$prof/kb100000
      if [ ! -d "$big" ]; then
        cp -r db "$big"
        python3 bench/make_kb.py --db db -n 100000 -o "$big/knowledge/zz_synthetic.tsv" 2>/dev/null
      fi
      valgrind --tool=callgrind --callgrind-out-file="$prof/callgrind.kbload.out" \
        "$rv" annotate -q -g GRCh38 --db "$big" "$empty" > "$sink" 2> "$prof/callgrind.kbload.log"
      top "$prof/callgrind.kbload.out" callgrind.kbload ;;
    massif)
      valgrind --tool=massif --massif-out-file="$prof/massif.panel.out" \
        "$rv" annotate -q "$panel" > "$sink" 2> "$prof/massif.panel.log"
      ms_print "$prof/massif.panel.out" > "$prof/massif.panel.txt"
      echo "profile: $prof/massif.panel.txt" ;;
    perf)
      # Sampled CPU time including the kernel (system calls, page faults), which callgrind's
      # instruction counts leave out. Call graphs from DWARF unwinding (.eh_frame), since -O3
      # omits frame pointers.
      if command -v perf >/dev/null && perf record -q -e cpu-clock -o "$prof/perf.test" true >/dev/null 2>&1; then
        big=$prof/kb100000
        if [ ! -d "$big" ]; then
          cp -r db "$big"
          python3 bench/make_kb.py --db db -n 100000 -o "$big/knowledge/zz_synthetic.tsv" 2>/dev/null
        fi
        for v in panel kbload; do
          if [ $v = panel ]; then args=(annotate -q "$slice"); else args=(annotate -q -g GRCh38 --db "$big" "$empty"); fi
          perf record -q -e cpu-clock -F 4000 --call-graph dwarf,16384 -o "$prof/perf.$v.data" "$rv" "${args[@]}" > "$sink" 2>/dev/null
          perf report -i "$prof/perf.$v.data" --children --sort symbol --stdio -g none > "$prof/perf.$v.children.txt" 2>/dev/null
          echo "profile: $prof/perf.$v.children.txt (children = inclusive %, self = exclusive %)"
        done
      else
        echo "profile: perf does not work here (no perf, or perf_event_paranoid forbids it); skipped"
      fi
      rm -f "$prof/perf.test" ;;
    parse)
      # Which part of vcf_parse is FORMAT and which INFO: the same slice without the sample
      # columns (bcftools view -G) and without INFO (bcftools annotate -x INFO), same records.
      [ -s "${slice%.vcf.gz}.noformat.vcf.gz" ] || bcftools view -G -Oz -o "${slice%.vcf.gz}.noformat.vcf.gz" "$slice"
      [ -s "${slice%.vcf.gz}.noinfo.vcf.gz" ] || bcftools annotate -x INFO -Oz -o "${slice%.vcf.gz}.noinfo.vcf.gz" "$slice"
      for v in noformat noinfo; do
        valgrind --tool=callgrind --callgrind-out-file="$prof/callgrind.panel.$v.out" \
          "$rv" annotate -q "${slice%.vcf.gz}.$v.vcf.gz" > "$sink" 2> "$prof/callgrind.panel.$v.log"
        top "$prof/callgrind.panel.$v.out" "callgrind.panel.$v"
      done
      for v in panel panel.noformat panel.noinfo; do
        printf '%s\t' "$v"
        grep -E ' (PROGRAM TOTALS|\?\?\?:vcf_parse |\?\?\?:rvanno::VcfReader::next\(|\?\?\?:rvanno::VcfReader::Impl::fill_sample)' \
          "$prof/callgrind.$v.inclusive.txt" | awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^[?]+:|^PROGRAM/) { n = $i; break }
                      sub(/^[?]+:/, "", n); sub(/[(].*/, "", n); printf "%s=%s  ", n, $1 }'
        echo
      done ;;
    *) echo "profile: unknown '$w' (panel, kbload, massif, perf, parse)" >&2; exit 2 ;;
  esac
done
