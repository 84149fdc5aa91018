#!/usr/bin/env bash
# End-to-end: every shipped layout builds the example (page count and size, fonts, every
# sentence of the seed text), the tri-fold's panels and overflow error, large print's sizes and
# two-column hyphenation.
# Usage: layouts.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"

# layout, pages allowed (min max), page size as pdfinfo prints it
# (the language-assistance notice of the example config takes half a Letter page)
for spec in "letter 2 5 612x792" "a4 2 5 595.276x841.89" "large-print 5 12 612x792" "two-column 2 4 612x792" \
  "trifold 2 2 792x612"; do
  read -r layout min max size <<<"$spec"
  dir=$WORK/layout-$layout
  build_example "$dir" --layout "$layout" --lang en --stats --debug-layout
  check "$layout: builds (exit $rc)" test -f "$dir/en/vaginismus.pdf"
  check "$layout: no warnings" test ! -s "$dir.err"
  check "$layout: 0 overfull lines, 0 widows, 0 orphans" \
    grep -q "overfull=0 .*widows=0 orphans=0 forced_breaks=0" "$dir.log"
  f=$dir/en/vaginismus.pdf
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  check "$layout: $min to $max pages (got $n)" test "$n" -ge "$min" -a "$n" -le "$max"
  w=${size%x*}
  h=${size#*x}
  check "$layout: page size $size" verify --run pdfinfo "$f" -- --re "Page size: *$w x $h pts"
  check "$layout: qpdf --check" qpdf --check "$f"
  check "$layout: fonts embedded" verify --embedded "$f"
  pdftotext "$f" - 2>/dev/null | normalise >"$dir.txt"
  lost=0
  while IFS= read -r part; do
    # Sentences may be cut by a column, panel or page edge: check each sentence's first words.
    while IFS= read -r sentence; do
      # ... or its last words, when a page break (header and footer between) falls in its first.
      words=$(echo "$sentence" | awk '{print $1, $2, $3}')
      tail=$(echo "$sentence" | awk 'NF >= 6 {print $(NF-2), $(NF-1), $NF}')
      [ -z "$words" ] || grep -qF -- "$words" "$dir.txt" || { [ -n "$tail" ] && grep -qF -- "$tail" "$dir.txt"; } ||
        lost=$((lost + 1))
    done < <(echo "$part" | sed 's/\([.?!]\) /\1\n/g')
  done < <(seed_parts)
  check "$layout: every sentence of the seed text is there ($lost missing)" test "$lost" -eq 0
done

# --- the resources box: under the article's last section, or a section of its own ----------
# The example ends with "Helpful Resources and Further Support", which leads into the box: on
# pages the box adds no "Helpful resources" label, except at the top of a page it opens. The tri-fold keeps it (its flap opens on the
# box, apart from the heading), and so does the same article without that section, which ends
# with another topic.
label=$("$PYTHON" "$REPO/tests/e2e/resources_label.py" absent "$REPO/content/en/strings.yaml" \
  "$REPO/content/en/vaginismus.md" "$WORK"/layout-{letter,a4,large-print,two-column}/en/vaginismus.pdf 2>&1)
check "pages: no second resources label under the last section:
$(grep -v '^ok' <<<"$label")" test -z "$(grep -v '^ok' <<<"$label")"
label=$("$PYTHON" "$REPO/tests/e2e/resources_label.py" present "$REPO/content/en/strings.yaml" \
  "$REPO/content/en/vaginismus.md" "$WORK/layout-trifold/en/vaginismus.pdf" 2>&1)
check "trifold: the resources box keeps its label on the flap: $label" grep -q '^ok' <<<"$label"
O=$WORK/other-ending
mkdir -p "$O"
cp -r "$REPO/handout.yaml" "$REPO/assets" "$REPO/content" "$O/"
sed -i '/^## Helpful Resources and Further Support/,$d' "$O/content/en/vaginismus.md"
for layout in letter two-column; do
  "$HANDOUT" build --config "$O/handout.yaml" --out "$O/out/$layout" --lang en --layout $layout >"$O.log" 2>&1
  check "$layout: an article ending with another section builds: $(tail -2 "$O.log")" \
    test -f "$O/out/$layout/en/vaginismus.pdf"
done
label=$("$PYTHON" "$REPO/tests/e2e/resources_label.py" present "$REPO/content/en/strings.yaml" \
  "$O/content/en/vaginismus.md" $(find "$O/out" -name '*.pdf') 2>&1)
check "... its resources box keeps its label:
$(grep -v '^ok' <<<"$label")" test -z "$(grep -v '^ok' <<<"$label")"

check "A4 layout gives A4 pages" \
  verify --run pdfinfo "$WORK/layout-a4/en/vaginismus.pdf" -- --re 'Page size: *595.* x 841.* pts \(A4\)'

# --- the tri-fold: each panel holds what the fold shows there -----------------------------
# Side 1 is A (the tuck-in flap, 6.75 pt narrower), B (back), C (cover); side 2 is D, E, F
# (inside; F, behind A, narrower). Each is read on its own with pdftotext's crop box.
# trifold.sh checks the sheet as a print shop would, in every language.
panel() {  # panel PAGE X WIDTH: the text of one panel
  pdftotext -f "$1" -l "$1" -x "$2" -y 0 -W "$3" -H 612 "$WORK/layout-trifold/en/vaginismus.pdf" - 2>/dev/null |
    normalise
}
panel 1 526 266 >"$WORK/panel-C.txt"
panel 1 260 266 >"$WORK/panel-B.txt"
panel 2 0 266 >"$WORK/panel-D.txt"
check "trifold: the cover C has the clinic, the title and the phone" \
  verify --file "$WORK/panel-C.txt" --has 'Willow Creek Pelvic Health' --has 'Vaginismus Explained: Why Penetration' \
  --has '(503) 555-0142'
check "trifold: the cover C has no article text" verify --file "$WORK/panel-C.txt" --lacks 'What Is Vaginismus'
check "trifold: the back B has the notice and the contact block; the footer note is on the cover" \
  verify --file "$WORK/panel-B.txt" --has 'Language assistance' --has 'Contact us' \
  --has '1200 Alder Street, Suite 300' --file "$WORK/panel-C.txt" --has 'does not replace advice'
check "trifold: the inside D opens the article" verify --file "$WORK/panel-D.txt" --re '\A *What Is Vaginismus\?'

# --- large print: sizes read from the layout dump that --debug-layout wrote ---------------------
dump=$WORK/layout-large-print/en/vaginismus.layout.txt
check "large print: --debug-layout wrote the dump" test -s "$dump"
# Text items print as: text X,Y w=W FONT SIZE COLOUR "..."; the body is most of the text, by
# width set (the notice's many scripts make many short items).
sizes=$(awk '$1 == "text" {sub("w=", "", $3); w[$5] += $3} END {for (s in w) print int(w[s]), s}' "$dump" 2>/dev/null |
  sort -rn)
check "large print: body at 18 pt (most text by width; got $(echo "$sizes" | head -1))" \
  test "$(echo "$sizes" | awk 'NR == 1 {print $2}')" = 18
check "large print: nothing under 14 pt" test -z "$(echo "$sizes" | awk '$2 < 14')"
check "large print: the body font is NotoSans-Regular 18" grep -q 'NotoSans-Regular 18 ' "$dump"
check "large print: no italic face anywhere" test -z "$(grep -i 'italic' "$dump")"
pdftotext "$WORK/layout-two-column/en/vaginismus.pdf" - 2>/dev/null >"$WORK/two-column.txt"
check "two-column: hyphenation used, with U+2010 hyphens that extraction can undo" \
  grep -q $'\xe2\x80\x90$' "$WORK/two-column.txt"

check_every_pdf "$WORK"
finish
