#!/usr/bin/env bash
# Benchmark of a health system's catalogue (issue 11): 200 articles x 8 languages = 1,600
# handouts, generated in a temporary folder from the shipped article (not committed). Each copy
# is numbered in its title and at the end of every line of its body, so no two articles share a
# paragraph: what a run keeps between handouts (shaped runs, font subsets) helps only with what
# a real catalogue repeats (header, footer, notice, contact details). Prints, for --jobs 1 and --jobs 2 from a cold process:
# handouts per second, CPU seconds (user + sys), peak RSS; then a rebuild with nothing changed
# and one with one article changed. Targets on a 2-core machine: >= 200 handouts per second
# with --jobs 2, peak RSS <= 300 MB, a no-change rebuild under 1 s. Reported, never asserted.
# Usage: bench/catalogue.sh [build/handout] [articles] [runs]
set -euo pipefail
HANDOUT=$(realpath "${1:-build/handout}")
ARTICLES=${2:-200}
RUNS=${3:-1}
REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/handout-catalogue.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
LANGS=(en es zh-Hans vi ko ru ar fr)

# The catalogue: every language gets ARTICLES numbered copies of its translation of the
# article, each with its resource list; the clinic config lists the languages.
mkdir -p "$WORK/content"
cp -r "$REPO/assets" "$WORK/"
for lang in "${LANGS[@]}"; do
  src=$REPO/content/$lang
  dst=$WORK/content/$lang
  mkdir -p "$dst"
  cp "$src/strings.yaml" "$dst/"
  for n in $(seq -w 1 "$ARTICLES"); do
    # Not their translations' source: a copy's English source is a numbered copy too.
    sed "0,/^title: \"/s//title: \"$n · /; /^source:/,/^[^ ]/{/^source:/d; /^  /d}" "$src/vaginismus.md" |
      awk -v n="$n" '/^---$/ {fences++} {print (fences >= 2 && !/^---$/ && NF ? $0 " (" n ")" : $0)}' >"$dst/a$n.md"
    cp "$src/vaginismus.resources.yaml" "$dst/a$n.resources.yaml"
  done
done
sed "s/^languages: .*/languages: [$(IFS=,; echo "${LANGS[*]}" | sed 's/,/, /g')]/; /^articles:/d" \
  "$REPO/handout.yaml" >"$WORK/handout.yaml"
total=$((ARTICLES * ${#LANGS[@]}))
echo "catalogue: $ARTICLES articles x ${#LANGS[@]} languages = $total handouts"

# run JOBS: one cold build of the whole catalogue; prints its figures.
run() {
  rm -rf "$WORK/out"
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" \
    "$HANDOUT" build --config "$WORK/handout.yaml" --out "$WORK/out" --jobs "$1" --quiet
  read -r wall user sys rss <"$WORK/time"
  written=$(find "$WORK/out" -name '*.pdf' | wc -l)
  awk -v j="$1" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v n="$written" 'BEGIN {
    printf "--jobs %d: %d handouts in %.1f s wall = %.0f handouts/s; CPU %.1f s (%.1f ms each); peak RSS %.0f MB\n",
           j, n, w, n / w, u + s, (u + s) * 1000 / n, r / 1024 }'
}
for jobs in 1 2; do
  for _ in $(seq 1 "$RUNS"); do run "$jobs"; done
done
# again: wall seconds of a rebuild into the folder the last run filled.
again() {
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" \
    "$HANDOUT" build --config "$WORK/handout.yaml" --out "$WORK/out" --jobs 2 --report "$WORK/report.json" --quiet
  read -r wall user sys rss <"$WORK/time"
  written=$(grep -o '"written": [0-9]*' "$WORK/report.json" | tail -1 | grep -o '[0-9]*$')
  awk -v w="$wall" -v u="$user" -v s="$sys" -v n="$written" -v what="$1" 'BEGIN {
    printf "%s: %.2f s wall, CPU %.2f s, %d written\n", what, w, u + s, n }'
}
again "no-change rebuild"
first=$(ls "$WORK"/content/en/a*.md | head -1)
printf '\nOne more sentence.\n' >>"$first"
again "one article changed"
