#!/usr/bin/env bash
# ForceAtlas2 per iteration: leaktrace (bench/layout_benchmark) beside graphology-layout-forceatlas2
# (Barnes–Hut on, run by node through bench/graphology_fa2.cjs) on the same generated edge list:
# 100,000 nodes / 1,000,000 edges, then leaktrace alone on the 243,000 / 1,600,000 planning size
# (graphology there too with LAYOUT_BENCH_LARGE_PEER=1; it takes several seconds an iteration).
#
# bench/layout_vs_graphology.sh [BUILD_DIR]
#   LAYOUT_BENCH_ITERATIONS       leaktrace's iterations per run (20); it runs 3 times
#   LAYOUT_BENCH_PEER_ITERATIONS  graphology's iterations (5)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
ours_iterations=${LAYOUT_BENCH_ITERATIONS:-20}
peer_iterations=${LAYOUT_BENCH_PEER_ITERATIONS:-5}
if [[ ! -x $build/bench/layout_benchmark ]]; then
  echo "layout_vs_graphology: $build/bench/layout_benchmark is missing: cmake --build $build --target layout_benchmark" >&2
  exit 2
fi
if [[ ! -d $root/node_modules/graphology-layout-forceatlas2 ]]; then
  echo "layout_vs_graphology: graphology's ForceAtlas2 is missing: run \`npm ci\` in $root" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ours NODES EDGES COMMUNITIES: the run with the best wall time of three: "WALL CPU" seconds per iteration.
ours() {
  local best= best_cpu=
  for run in 1 2 3; do
    "$build/bench/layout_benchmark" --nodes "$1" --edges "$2" --communities "$3" --iterations "$ours_iterations" \
      ${write_edges:+--write-edges "$write_edges"} >"$work/run.log"
    cat "$work/run.log" >>"$work/ours.log"
    write_edges=
    local seconds cpu
    seconds=$(grep '^leaktrace ForceAtlas2:' "$work/run.log" | sed -E 's/.*: ([0-9.]+) s per iteration.*/\1/')
    cpu=$(grep '^leaktrace ForceAtlas2 CPU' "$work/run.log" | sed -E 's/.*: ([0-9.]+) s per iteration.*/\1/')
    if [[ -z $best ]] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds best_cpu=$cpu; fi
  done
  echo "$best $best_cpu"
}

# peer EDGES: "WALL CPU" seconds per iteration.
peer() {
  node --max-old-space-size=16000 "$root/bench/graphology_fa2.cjs" "$1" "$peer_iterations" |
    sed -E 's/.*"seconds_per_iteration":([0-9.e-]+),"cpu_seconds_per_iteration":([0-9.e-]+).*/\1 \2/'
}

compare() {
  local nodes=$1 edges=$2 communities=$3 with_peer=$4
  echo "== $nodes nodes, $edges edges, $communities planted communities, heavy-tailed degrees"
  write_edges=$work/edges.txt
  local ours_seconds ours_cpu
  read -r ours_seconds ours_cpu < <(ours "$nodes" "$edges" "$communities")
  grep -m1 '^check:' "$work/ours.log"
  printf 'leaktrace ForceAtlas2 (%s threads, theta 1.0 = graphology 0.5): %.4f s per iteration, %.4f s CPU (best of 3 runs of %d)\n' \
    "$(nproc)" "$ours_seconds" "$ours_cpu" "$ours_iterations"
  if [[ $with_peer == yes ]]; then
    local peer_seconds peer_cpu
    read -r peer_seconds peer_cpu < <(peer "$work/edges.txt")
    printf 'graphology-layout-forceatlas2 0.10.1 (node %s, Barnes-Hut on): %.4f s per iteration, %.4f s CPU (%d iterations)\n' \
      "$(node --version)" "$peer_seconds" "$peer_cpu" "$peer_iterations"
    awk -v a="$peer_seconds" -v b="$ours_seconds" -v c="$peer_cpu" -v d="$ours_cpu" \
      'BEGIN{printf "ratio: leaktrace is %.1fx faster per iteration (wall); graphology uses %.1fx the CPU time\n", a / b, c / d}'
  fi
  echo "machine load (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  : >"$work/ours.log"
}

compare 100000 1000000 40 yes
compare 243000 1600000 60 "$([[ ${LAYOUT_BENCH_LARGE_PEER:-0} == 1 ]] && echo yes || echo no)"
