#!/usr/bin/env bash
# Benchmark per shipped language: one whole `handout build --lang X --force` process per
# handout, N runs each (default 20). Prints pages, bytes, and the median CPU time (user + sys)
# and wall time. --force: the handout is really built each time (without it every run after the
# first finds the PDF up to date and only checks the manifest). Then English again: into an
# empty folder (the first build, which hashes every input file, fonts included), without the
# language-assistance notice, and up to date. Targets (issue 8): English <= 30 KB and <= 10 ms
# CPU; Korean <= 100 KB; every language <= 120 KB. Timings depend on the machine: reported
# here, never asserted in tests.
# Usage: bench/languages.sh [build/handout] [N] [config]
set -euo pipefail
HANDOUT=$(realpath "${1:-build/handout}")
N=${2:-20}
CONFIG=$(realpath "${3:-handout.yaml}")
OUT=$(mktemp -d /tmp/handout-bench.XXXXXX)
# The example without `notices`, beside the original (its paths are relative to it).
NO_NOTICE=$(dirname "$CONFIG")/.bench-no-notice.yaml
sed '/^notices:/d' "$CONFIG" >"$NO_NOTICE"
trap 'rm -rf "$OUT" "$NO_NOTICE"' EXIT
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
    { TIMEFORMAT='%3U %3S %3R'; time "$HANDOUT" build --config "$CONFIG" --out "$OUT" --lang "$lang" --force >"$OUT/log"; } 2>"$OUT/t"
    awk '{printf "%.1f\n", ($1 + $2) * 1000}' "$OUT/t" >>"$OUT/cpu"
    awk '{printf "%.1f\n", $3 * 1000}' "$OUT/t" >>"$OUT/wall"
  done
  pdf=$(ls "$OUT/$lang"/*.pdf | head -1)
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  printf '%-8s %5s %9s %12s %12s\n' "$lang" "$pages" "$(stat -c %s "$pdf")" "$(median <"$OUT/cpu")" "$(median <"$OUT/wall")"
done

# English three more ways: the first build into an empty folder; without the notice; up to date.
english() {  # label, then the command's arguments after "build"
  local label=$1; shift
  : >"$OUT/cpu"
  for _ in $(seq 1 "$N"); do
    [ "$label" = "first build, empty folder" ] && rm -rf "$OUT/first"
    cpu_ms "$HANDOUT" build "$@"
  done
  printf '%-34s median %6s ms CPU\n' "en, $label:" "$(median <"$OUT/cpu")"
}
echo
english "first build, empty folder" --config "$CONFIG" --out "$OUT/first" --lang en
english "without the notice" --config "$NO_NOTICE" --out "$OUT/plain" --lang en --force
printf '%-34s %s bytes\n' "en, without the notice:" "$(stat -c %s "$OUT/plain/en/vaginismus.pdf")"
english "up to date (nothing built)" --config "$CONFIG" --out "$OUT" --lang en

# Where a whole process's time goes: starting it (the dynamic loader maps and relocates 31
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
