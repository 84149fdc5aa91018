#!/usr/bin/env bash
# End-to-end: the example is print-ready in all 18 languages in Letter, A4, two columns and
# large print. Every PDF read back with MuPDF (tests/e2e/print_ready.py): no nearly empty last
# page, no double rule, no hole above a heading pushed to the next page, nothing within 0.25 in
# of the sheet's edge, one slant per word, no line breaking a number range or a label from its
# number, no title ending with a lone word. Large print: nothing under the 18 pt body, a footer
# of at most two lines, the clinic's note printed once; a resources box that runs on to the next
# page says so.
# Usage: print_ready.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"
CHECK=$REPO/tests/e2e/print_ready.py
cd "$REPO" || exit 1

for layout in letter a4 two-column large-print; do
  "$HANDOUT" build -q --layout "$layout" --out "$WORK/$layout" >"$WORK/$layout.log" 2>&1
  rc=$?
  check "$layout: all 18 languages build (exit $rc): $(head -3 "$WORK/$layout.log")" test "$rc" -eq 0
  check "$layout: 18 handouts" test "$(find "$WORK/$layout" -name '*.pdf' | wc -l)" -eq 18
  args=()
  for pdf in "$WORK/$layout"/*/vaginismus.pdf; do
    lang=$(basename "$(dirname "$pdf")")
    args+=("$pdf=content/$lang/vaginismus.md")
  done
  "$PYTHON" "$CHECK" "${args[@]}" >"$WORK/$layout.problems" 2>&1
  check "$layout: print-ready in every language: $(head -5 "$WORK/$layout.problems")" test ! -s "$WORK/$layout.problems"
done

# Large print: the smallest text is the body's 18 pt (page labels, footer, taglines included).
smallest=$(mutool trace "$WORK/large-print/en/vaginismus.pdf" 2>/dev/null |
  grep -o 'trm="[0-9.]*' | cut -d'"' -f2 | sort -n | head -1)
check "large print: no text under 18 pt (smallest: $smallest pt)" awk "BEGIN { exit !($smallest >= 17.9) }"
note="This handout is for education and does not replace advice from your clinician."
count=$(pdftotext "$WORK/large-print/en/vaginismus.pdf" - | tr '\n' ' ' | tr -s ' ' | grep -o "$note" | wc -l)
check "large print: the clinic's footer note printed once, not on every page ($count)" test "$count" -eq 1
count=$(pdftotext "$WORK/letter/en/vaginismus.pdf" - | tr '\n' ' ' | tr -s ' ' | grep -o "$note" | wc -l)
pages=$(pdfinfo "$WORK/letter/en/vaginismus.pdf" | awk '/^Pages:/ { print $2 }')
check "letter: the note in the footer of each of its $pages pages ($count)" test "$count" -eq "$pages"
first=$(pdftotext -f 1 -l 1 "$WORK/large-print/en/vaginismus.pdf" - | head -1)
check "large print: the clinic's name on one line of the band ('$first')" test "$first" = "Willow Creek Pelvic Health"

# A resources box split across pages says so at the top of the next.
split=0
for pdf in "$WORK"/*/*/vaginismus.pdf; do
  pdftotext "$pdf" "$WORK/t.txt"
  if grep -q "Helpful resources (continued)" "$WORK/t.txt"; then split=$((split + 1)); fi
done
check "a resources box split across pages is labelled '(continued)' ($split in English)" test "$split" -ge 1

finish
