#!/usr/bin/env bash
# Benchmark: wall time of `handout build` on the example clinic, N runs (default 20).
# Prints the median and best time per run and per handout. Not part of ctest: timings
# depend on the machine, so they are reported, not asserted.
# Usage: bench/run.sh [build/handout] [N] [extra build options...]
set -euo pipefail
HANDOUT=${1:-build/handout}
N=${2:-20}
shift $(( $# > 2 ? 2 : $# )) || true
OUT=$(mktemp -d /tmp/handout-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
times=()
for _ in $(seq 1 "$N"); do
  start=$(date +%s%N)
  "$HANDOUT" build --config handout.yaml --out "$OUT" "$@" >"$OUT/log"
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000 )))
done
handouts=$(grep -c '^wrote ' "$OUT/log")
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=${sorted[$((N / 2))]}
best=${sorted[0]}
size=$(find "$OUT" -name '*.pdf' -printf '%s\n' | awk '{s += $1} END {printf "%.0f", s / NR / 1024}')
printf 'runs: %d, handouts per run: %d, average PDF: %s KB\n' "$N" "$handouts" "$size"
awk -v m="$median" -v b="$best" -v h="$handouts" \
  'BEGIN { printf "per run: median %.1f ms, best %.1f ms; per handout: median %.1f ms\n", m / 1000, b / 1000, m / 1000 / h }'
