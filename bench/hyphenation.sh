#!/usr/bin/env bash
# Benchmark (issue 25): CPU time for one process to get each of Debian's hyphenation pattern
# sets ready, as handout does, from the compiled file the build made (after) and from the
# pattern file through libhyphen's hnj_hyphen_load (before). Median of N whole processes each
# (default 7), user + sys from exec to exit, so starting the process counts too (the smallest
# files show what that costs). Target: every set ready in under 50 ms. Timings depend on the
# machine: reported here, never asserted in tests.
# Usage: bench/hyphenation.sh [build] [N]
set -euo pipefail
BUILD=$(realpath "${1:-build}")
N=${2:-7}
TOOL=$BUILD/handout-hyphen-compile
measure() { /usr/bin/python3 "$(dirname "$0")/cpu_time.py" "$N" "$@"; }
printf '%-18s %9s %22s %22s\n' "pattern file" bytes "libhyphen cpu ms" "compiled cpu ms"
for dic in $(for f in /usr/share/hyphen/hyph_*.dic; do realpath "$f"; done | sort -u); do
  how=$("$TOOL" --load "$dic")
  [[ $how == *compiled ]] || echo "warning: $dic has no compiled copy in $BUILD/hyphen" >&2
  read -r before _ < <(measure "$TOOL" --load "$dic" --libhyphen)
  read -r after _ < <(measure "$TOOL" --load "$dic")
  printf '%-18s %9s %22s %22s\n' "$(basename "$dic")" "$(stat -c %s "$dic")" "$before" "$after"
done
