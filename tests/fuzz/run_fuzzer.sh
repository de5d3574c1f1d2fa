#!/usr/bin/env bash
# Runs one libFuzzer target briefly: new inputs go to a scratch folder, the seed corpus stays as is.
# LEAKTRACE_FUZZ_SECONDS sets the time (default 10).
set -euo pipefail
fuzzer=$1
seeds=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
exec "$fuzzer" -max_total_time="${LEAKTRACE_FUZZ_SECONDS:-10}" -max_len=65536 -rss_limit_mb=2048 \
  -print_final_stats=1 "$scratch" "$seeds"
