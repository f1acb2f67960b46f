#!/usr/bin/env bash
# Why: the stage layout (README "Layout") is a rule, not a habit. This fails when a file breaks
# it: HTSlib outside src/io/, Boost.Program_options or an options struct below src/cli/, a stage
# folder that includes src/pipeline/ or src/cli/, a floor that includes a floor above it, a
# public header that includes a src/ header, std::regex anywhere in src/ or include/, or a source
# file over 400 lines.
set -uo pipefail
cd "$(dirname "$0")/../.."
fail=0
bad() { echo "layout: $*"; fail=1; }

for f in $(grep -rl 'htslib/' src include); do
  case "$f" in src/io/*) ;; *) bad "$f includes HTSlib outside src/io/" ;; esac
done
# The options structs are the structs declared in src/cli/ headers.
cli_structs="$(grep -hoE '^struct [A-Za-z_]+' src/cli/*.hpp | awk '{print $2}' | sort -u | paste -sd'|')"
for f in $(grep -rlE "boost/program_options|\b(${cli_structs:-NONE})\b" src include --include=*.cpp --include=*.hpp); do
  case "$f" in src/cli/*|src/main.cpp) ;; *) bad "$f uses Boost.Program_options or an options struct of src/cli/" ;; esac
done
# Floors, bottom first; a file may include only its own floor and floors below it.
floors=(base io knowledge consequence match interpret report pipeline cli)
rank() { local i; for i in "${!floors[@]}"; do [ "${floors[$i]}" = "$1" ] && echo "$i" && return; done; echo -1; }
for f in $(find src -mindepth 2 -name '*.cpp' -o -mindepth 2 -name '*.hpp'); do
  own="$(echo "$f" | cut -d/ -f2)"
  r_own="$(rank "$own")"
  for inc in $(grep -oE '#include "[a-z_]+/' "$f" | sed 's/#include "//; s#/##' | sort -u); do
    [ "$inc" = rvanno ] && continue
    r_inc="$(rank "$inc")"
    [ "$r_inc" -lt 0 ] && continue
    # report and pipeline share a floor, but no stage folder includes pipeline/
    if [ "$inc" = pipeline ] && [ "$own" != pipeline ] && [ "$own" != cli ]; then bad "$f includes pipeline/"; continue; fi
    if [ "$own" = report ] && [ "$inc" = pipeline ]; then bad "$f includes pipeline/"; continue; fi
    if [ "$own" = pipeline ] && [ "$inc" = report ]; then bad "$f: pipeline/ runs stages, it does not write"; continue; fi
    [ "$r_inc" -gt "$r_own" ] && bad "$f ($own/) includes $inc/, a floor above it"
  done
done
for f in $(grep -lE '#include "(base|io|knowledge|consequence|match|interpret|report|pipeline|cli)/' include -r); do
  bad "$f: a public header includes a src/ header"
done
# No std::regex (issue 11): libstdc++'s matcher recurses per character and crashes on long input.
for f in $(grep -rlE 'std::regex|<regex>' src include); do
  bad "$f uses std::regex (write a small scanner: base/text_scan.hpp)"
done
for f in $(find src -name '*.cpp' -o -name '*.hpp'); do
  n=$(wc -l <"$f"); [ "$n" -gt 400 ] && bad "$f has $n lines (over 400)"
done
[ "$fail" = 0 ] && echo "layout: ok"
exit "$fail"
