#!/usr/bin/env bash
# Benchmark per shipped language: one whole `handout build --lang X --force` process per
# handout, N runs each (default 20). Prints pages, bytes, and the median CPU time (user + sys)
# and wall time. --force: the handout is really built each time (without it every run after the
# first finds the PDF up to date and only checks the manifest). Then English again: into an
# empty folder (the first build), without the language-assistance notice, and up to date. Targets (issue 8): English <= 30 KB and <= 10 ms
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
# Median CPU (user + sys of the whole process, from exec to exit) and wall ms of N runs of a
# command: bench/cpu_time.py starts each with posix_spawn and reads wait4's microseconds.
measure() { /usr/bin/python3 "$(dirname "$0")/cpu_time.py" "$N" "$@"; }
languages=$(sed -n 's/^languages: *\[\(.*\)\]/\1/p' "$CONFIG" | tr -d ' ' | tr ',' ' ')
printf '%-8s %5s %9s %12s %12s\n' language pages bytes "cpu ms" "wall ms"
for lang in $languages; do
  # Its first build into the folder, then N forced ones.
  "$HANDOUT" build --config "$CONFIG" --out "$OUT" --lang "$lang" >/dev/null 2>&1
  read -r cpu wall < <(measure "$HANDOUT" build --config "$CONFIG" --out "$OUT" --lang "$lang" --force)
  pdf=$(ls "$OUT/$lang"/*.pdf | head -1)
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  printf '%-8s %5s %9s %12s %12s\n' "$lang" "$pages" "$(stat -c %s "$pdf")" "$cpu" "$wall"
done

# English more ways: the first build into an empty folder; without the notice; up to date.
english() {  # label, then cpu_time.py's arguments
  local label=$1; shift
  read -r cpu wall < <(measure "$@")
  printf '%-38s median %6s ms CPU\n' "en, $label:" "$cpu"
}
echo
english "first build, empty folder" --remove "$OUT/first" "$HANDOUT" build --config "$CONFIG" --out "$OUT/first" --lang en
"$HANDOUT" build --config "$NO_NOTICE" --out "$OUT/plain" --lang en >/dev/null 2>&1
english "without the notice" "$HANDOUT" build --config "$NO_NOTICE" --out "$OUT/plain" --lang en --force
printf '%-38s %s bytes\n' "en, without the notice:" "$(stat -c %s "$OUT/plain/en/vaginismus.pdf")"
english "up to date (nothing built)" "$HANDOUT" build --config "$CONFIG" --out "$OUT" --lang en

# Where a whole process's time goes: starting it (the dynamic loader maps and relocates the
# shared libraries) is measured by `--version`, which does nothing else.
read -r cpu wall < <(measure "$HANDOUT" --version)
printf '\nprocess start (handout --version): median %s ms CPU\n' "$cpu"
# A clinic builds every language in one run: fonts, images and config are loaded once.
runs=$(( N < 5 ? N : 5 ))
count=$("$HANDOUT" build --config "$CONFIG" --out "$OUT" --force | grep -c '^wrote ')
read -r cpu wall < <(/usr/bin/python3 "$(dirname "$0")/cpu_time.py" "$runs" "$HANDOUT" build --config "$CONFIG" --out "$OUT" --force)
awk -v t="$cpu" -v n="$count" -v r="$runs" \
  'BEGIN { printf "all languages in one run: %d handouts, median %.0f ms CPU of %d runs, %.1f ms per handout\n", n, t, r, t / n }'
