#!/usr/bin/env bash
# The issue's scale test: a 17,000,000-tweet scenario (the size of the largest published
# #MacronLeaks collection) simulated, then ingested end to end, each step under /usr/bin/time -v.
# Prints wall time, tweets/s, CPU time, peak RSS and the size of every file. The scenario and its
# workspace are kept (analysis benchmarks read them); run it again to start them afresh.
#
# bench/simulate_17m.sh [BUILD_DIR]
#   SIM_OUT          the scenario's folder (/tmp/s17m); the workspace is SIM_OUT/leaktrace.db
#   SIM_POSTS        tweets (17000000)
#   SIM_ACCOUNTS     accounts (a fifth of the tweets, as in the demo scenario)
#   SIM_COMMUNITIES  communities (8: every language of the built-in rotation)
#   SIM_SEED         seed (2017, the demo's)
# The roles grow more slowly than the population: 12 hubs, 8 bridges per community, 600 bots in
# 24 bursts (the demo has 4, 3, 60 and 12 for 200,000 tweets); 72 hours, as in the demo.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
out=${SIM_OUT:-/tmp/s17m}
posts=${SIM_POSTS:-17000000}
accounts=${SIM_ACCOUNTS:-$((posts / 5))}
communities=${SIM_COMMUNITIES:-8}
seed=${SIM_SEED:-2017}
leaktrace=$build/leaktrace
if [[ ! -x $leaktrace ]]; then
  echo "simulate_17m: $leaktrace is missing: cmake --build $build --target leaktrace" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "simulate_17m: /usr/bin/time is missing: apt-get install time" >&2
  exit 2
fi
rm -rf "$out"
mkdir -p "$out"
workspace=$out/leaktrace.db

# timed NAME COMMAND...: runs it under /usr/bin/time -v, its output to $out/NAME.log, and prints
# "WALL_SECONDS CPU_SECONDS PEAK_RSS_KB".
timed() {
  local name=$1
  shift
  /usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.log" 2>&1
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = n == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    /User time/ { cpu += $2 }
    /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%.2f %.2f %d\n", wall, cpu, rss }' "$out/$name.time"
}

report() {  # NAME WALL CPU RSS
  printf '%-9s %9.1f s wall %9.1f s CPU (%.2f cores) %9.0f tweets/s  peak RSS %6.0f MiB\n' "$1" "$2" "$3" \
    "$(awk "BEGIN{print $3 / $2}")" "$(awk "BEGIN{print $posts / $2}")" "$(awk "BEGIN{print $4 / 1024}")"
}

echo "== simulate: $posts tweets, $accounts accounts, $communities communities, seed $seed, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
read -r sim_wall sim_cpu sim_rss < <(timed simulate "$leaktrace" simulate --out "$out" --seed "$seed" --posts "$posts" \
  --accounts "$accounts" --communities "$communities" --hubs 12 --bridges 8 --bots 600 --bursts 24 --threads 0 --json)
mv "$out/simulate.log" "$out/simulate.json"
report simulate "$sim_wall" "$sim_cpu" "$sim_rss"
json_bytes=$(grep -o '"json_bytes":[0-9]*' "$out/simulate.json" | cut -d: -f2)
printf 'tweets.jsonl.zst holds %s bytes of JSON (%.1fx)\n' "$json_bytes" \
  "$(awk "BEGIN{print $json_bytes / $(stat -c %s "$out/tweets.jsonl.zst")}")"

echo "== ingest into $workspace, load $(cut -d' ' -f1 /proc/loadavg)"
read -r ing_wall ing_cpu ing_rss < <(timed ingest "$leaktrace" ingest -q --board pol -w "$workspace" \
  "$out/tweets.jsonl.zst" "$out/4chan-thread.json" "$out/pastes.jsonl")
cat "$out/ingest.log"
report ingest "$ing_wall" "$ing_cpu" "$ing_rss"

echo "== files"
ls -l "$out" | awk 'NR > 1 && $NF !~ /\.(log|time)$/ && $NF != "simulate.json" { printf "%-22s %15s bytes\n", $NF, $5 }'
