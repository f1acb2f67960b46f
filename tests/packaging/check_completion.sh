#!/usr/bin/env bash
# The bash completion: every option of `rvanno <cmd> --help` is offered for that command, and
# subcommands and fixed option values complete.
#   check_completion.sh RVANNO_BINARY COMPLETION_FILE
set -euo pipefail
bin="$1"
# shellcheck disable=SC1090
source "$2"
fail() { echo "FAIL: $*" >&2; exit 1; }
complete_line() {  # words of a command line, the last one being completed
  COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
  _rvanno
  echo "${COMPREPLY[*]}"
}
[ "$(complete_line rvanno b)" = "batch" ] || fail "subcommand batch"
[ "$(complete_line rvanno annotate -g GRCh3)" = "GRCh38 GRCh37" ] || fail "--genome values"
[ "$(complete_line rvanno compare -f "")" = "tsv json" ] || fail "compare --format values"
[ "$(complete_line rvanno db c)" = "check" ] || fail "db check"
for cmd in annotate compare batch; do
  offered=" $(complete_line rvanno "$cmd" -) "
  for opt in $("$bin" "$cmd" --help | grep -E '^(  |      )-' | sed -E 's/^ +//; s/  .*//' | grep -oE -- '--?[a-zA-Z][-a-zA-Z]*' | sort -u); do
    [[ "$offered" == *" $opt "* ]] || fail "'rvanno $cmd $opt' is in --help but not in the completion"
  done
done
echo "PASS: completion offers every option"
