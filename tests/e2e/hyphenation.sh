#!/usr/bin/env bash
# End-to-end (issue 25): hyphenation limits in every layout that hyphenates, all 18 languages of
# the example: never more than 2 lines in a row ending in a hyphen, no word of the title split
# anywhere ("Vagin-/ismus"), no hyphen in the title or a heading (tests/e2e/hyphen_lines.py
# reads each column's lines back with pdftotext -bbox-layout). Also: the compiled pattern files
# the build made are the ones a run uses (no note about loading the pattern file itself).
# Usage: hyphenation.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"

# The layouts whose hyphenate: is true (layouts/*.yaml).
layouts=$(grep -l '^hyphenate: *true' "$REPO"/layouts/*.yaml | xargs -n1 basename | sed 's/\.yaml$//')
check "some layout hyphenates" test -n "$layouts"
for layout in $layouts; do
  dir=$WORK/$layout
  build_example "$dir" --layout "$layout"
  check "$layout: no note about loading hyphenation patterns without their compiled copy" \
    verify --files "$dir.err" "$dir.log" -- --lacks 'hyphenation patterns loaded from the pattern file'
  built=0
  for f in "$dir"/*/vaginismus.pdf; do
    [ -f "$f" ] || continue
    built=$((built + 1))
    lang=$(basename "$(dirname "$f")")
    out=$("$PYTHON" "$REPO/tests/e2e/hyphen_lines.py" "$f" "$REPO/content/$lang/vaginismus.md" 2>&1)
    check "$layout $lang: hyphenation limits ($(echo "$out" | tr '\n' ';'))" \
      test -n "${out%%$'\n'*}" -a "$(echo "$out" | wc -l)" -eq 1
    echo "$layout $lang: ${out%%$'\n'*}"
  done
  check "$layout: English built" test -f "$dir/en/vaginismus.pdf"
  # The tri-fold says which languages are too long for it (another check's business); every
  # language that built is checked above.
  [ "$layout" = trifold ] || check "$layout: all 18 languages built ($built)" test "$built" -eq 18
done
finish
