#!/usr/bin/env bash
# Generates rvanno.1 from the binary's --help texts with help2man (called by the build, see
# packaging/CMakeLists.txt). The page is `rvanno --help` plus one section per subcommand with
# its full --help, so `man rvanno` documents every option.
#   make_manpage.sh RVANNO_BINARY VERSION OUT.1
set -euo pipefail
bin="$1" version="$2" out="$3"
include="$(mktemp)"
trap 'rm -f "$include"' EXIT
roff() { sed -e 's/\\/\\e/g' -e "s/^\\./\\\\\\&./" -e "s/^'/\\\\\\&'/"; }
{
  for c in annotate compare batch db; do
    echo "[rvanno $c]"
    echo ".nf"
    "$bin" "$c" --help | roff
    echo ".fi"
  done
  cat <<'TXT'
[license]
The rvanno code is MIT-licensed; the knowledge base (share/rvanno/db) is CC0 1.0, with rows
imported from CIViC (CC0). For research use only; not a medical device.
[see also]
The full documentation is in the rvanno repository: README.md, docs/output.md,
docs/compare_and_batch.md, docs/html_report.md, workflow/README.md.
TXT
} >"$include"
help2man --no-info --no-discard-stderr --version-string="$version" \
  --name="resistance-variant annotator for tumour sequencing" \
  --include="$include" --output="$out.tmp" "$bin"
mv "$out.tmp" "$out"
