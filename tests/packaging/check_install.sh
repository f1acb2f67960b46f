#!/usr/bin/env bash
# `cmake --install` into a temporary prefix: the files a package ships are there, and the
# installed binary finds the installed knowledge base without a flag and states the licences.
#   check_install.sh BUILD_DIR
set -euo pipefail
build="$1"
prefix="$(mktemp -d "${TMPDIR:-/tmp}/rvanno_install.XXXXXX")"
trap 'rm -rf "$prefix"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/rvanno share/rvanno/db/VERSION share/rvanno/db/LICENSE share/bash-completion/completions/rvanno \
         share/doc/rvanno/LICENSE share/doc/rvanno/LICENSE.db; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
[ ! -e "$prefix/share/rvanno/db/tools" ] || fail "db/tools must not be installed"
if command -v help2man >/dev/null 2>&1; then
  [ -s "$prefix/share/man/man1/rvanno.1" ] || fail "help2man is present but no man page was installed"
fi
# Run from / with RVANNO_DB unset so that nothing but the install prefix can supply the db.
out="$(cd / && env -u RVANNO_DB "$prefix/bin/rvanno" --version)"
echo "$out"
grep -q "at $prefix/share/rvanno/db" <<<"$out" || fail "the installed binary does not use the installed knowledge base"
grep -q "MIT" <<<"$out" && grep -q "CC0" <<<"$out" && grep -q "CIViC" <<<"$out" || fail "--version does not state the licences"
(cd / && env -u RVANNO_DB "$prefix/bin/rvanno" db check >/dev/null) || fail "rvanno db check fails on the installed db"
echo "PASS: install layout"
