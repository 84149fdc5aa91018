#!/usr/bin/env bash
# Benchmark per shipped language: one whole `handout build --lang X` process per handout,
# N runs each (default 20). Prints pages, bytes, and the median CPU time (user + sys) and
# wall time. Targets (issue 8): English <= 30 KB and <= 10 ms CPU; Korean <= 100 KB; every
# language <= 120 KB. Timings depend on the machine: reported here, never asserted in tests.
# Usage: bench/languages.sh [build/handout] [N] [config]
set -euo pipefail
HANDOUT=$(realpath "${1:-build/handout}")
N=${2:-20}
CONFIG=$(realpath "${3:-handout.yaml}")
OUT=$(mktemp -d /tmp/handout-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
# CPU ms (user + sys) of one command, printed once per run into $OUT/cpu.
cpu_ms() {
  { TIMEFORMAT='%3U %3S %3R'; time "$@" >"$OUT/log"; } 2>"$OUT/t"
  awk '{printf "%.1f\n", ($1 + $2) * 1000}' "$OUT/t" >>"$OUT/cpu"
}
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
languages=$(sed -n 's/^languages: *\[\(.*\)\]/\1/p' "$CONFIG" | tr -d ' ' | tr ',' ' ')
printf '%-8s %5s %9s %12s %12s\n' language pages bytes "cpu ms" "wall ms"
for lang in $languages; do
  : >"$OUT/cpu" && : >"$OUT/wall"
  for _ in $(seq 1 "$N"); do
    # bash's own timer: user, system and real seconds with millisecond resolution.
    { TIMEFORMAT='%3U %3S %3R'; time "$HANDOUT" build --config "$CONFIG" --out "$OUT" --lang "$lang" >"$OUT/log"; } 2>"$OUT/t"
    awk '{printf "%.1f\n", ($1 + $2) * 1000}' "$OUT/t" >>"$OUT/cpu"
    awk '{printf "%.1f\n", $3 * 1000}' "$OUT/t" >>"$OUT/wall"
  done
  pdf=$(ls "$OUT/$lang"/*.pdf | head -1)
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  printf '%-8s %5s %9s %12s %12s\n' "$lang" "$pages" "$(stat -c %s "$pdf")" "$(median <"$OUT/cpu")" "$(median <"$OUT/wall")"
done

# Where a whole process's time goes: starting it (the dynamic loader maps and relocates ~36
# shared libraries) is measured by `--version`, which does nothing else.
: >"$OUT/cpu"
for _ in $(seq 1 "$N"); do cpu_ms "$HANDOUT" --version; done
printf '\nprocess start (handout --version): median %s ms CPU\n' "$(median <"$OUT/cpu")"
# A clinic builds every language in one run: fonts, images and config are loaded once.
: >"$OUT/cpu"
runs=$(( N < 5 ? N : 5 ))
for _ in $(seq 1 "$runs"); do cpu_ms "$HANDOUT" build --config "$CONFIG" --out "$OUT"; done
count=$(grep -c '^wrote ' "$OUT/log")
awk -v t="$(median <"$OUT/cpu")" -v n="$count" -v r="$runs" \
  'BEGIN { printf "all languages in one run: %d handouts, median %.0f ms CPU of %d runs, %.1f ms per handout\n", n, t, r, t / n }'
