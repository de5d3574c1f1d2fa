#!/usr/bin/env bash
# Runs one golden command-line case: CASE/cmd is a bash script run in a scratch folder with
# $LEAKTRACE (the binary), $FIXTURES (tests/fixtures) and $WORK (the scratch folder) set; its
# stdout, then its stderr under "--- stderr", then "--- exit N", must equal CASE/expected.
# LEAKTRACE_UPDATE_GOLDEN=1 rewrites expected instead of comparing.
set -uo pipefail
export LEAKTRACE=$1
case_dir=$2
export FIXTURES
FIXTURES=$(cd "$(dirname "$0")/../fixtures" && pwd)
WORK=$(mktemp -d)
export WORK
trap 'rm -rf "$WORK"' EXIT
actual="$WORK/actual"
(cd "$WORK" && bash "$case_dir/cmd" >"$WORK/stdout" 2>"$WORK/stderr"; echo $? >"$WORK/status")
{
  cat "$WORK/stdout"
  echo "--- stderr"
  cat "$WORK/stderr"
  echo "--- exit $(cat "$WORK/status")"
} >"$actual"
if [[ "${LEAKTRACE_UPDATE_GOLDEN:-}" == 1 ]]; then
  cp "$actual" "$case_dir/expected"
  exit 0
fi
if ! diff -u "$case_dir/expected" "$actual"; then
  echo "golden case $(basename "$case_dir") differs from $case_dir/expected (- expected, + actual)" >&2
  exit 1
fi
