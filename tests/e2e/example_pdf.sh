#!/usr/bin/env bash
# End-to-end: the shipped example's English handout on Letter, read back with real tools
# (pdfinfo, pdffonts, qpdf, pdftotext): metadata, fonts, every word of the seed text in reading
# order, page furniture, links, bookmarks, and the same bytes from a second process.
# Usage: example_pdf.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"

# --- the example builds ---------------------------------------------------------------
OUT=$WORK/out
build_example "$OUT" --lang en
PDF=$OUT/en/vaginismus.pdf
check "example build exits 0 (got $rc: $(cat "$OUT.err"))" test "$rc" -eq 0
check "build prints one line per PDF" grep -q "^wrote $OUT/en/vaginismus.pdf (" "$OUT.log"
check "build prints a summary" grep -qx "1 handout written, 0 failed" "$OUT.log"
check "build prints no diagnostics" test ! -s "$OUT.err"
[ -f "$PDF" ] || { fail "no PDF at $PDF"; finish; exit 1; }
# --- pdfinfo: metadata, page count, page size -------------------------------------------
pdfinfo "$PDF" >"$WORK/info" 2>&1
pages=$(awk '/^Pages:/ {print $2}' "$WORK/info")
check "pdfinfo title" \
  grep -q "^Title: *Vaginismus Explained: Why Penetration Can Feel Impossible and What Helps$" "$WORK/info"
check "pdfinfo author is the clinic" grep -q "^Author: *Willow Creek Pelvic Health$" "$WORK/info"
check "pdfinfo subject is the summary" grep -q "^Subject: *Vaginismus is an involuntary tightening" "$WORK/info"
check "pdfinfo keywords" grep -q "^Keywords: *vaginismus, pelvic floor" "$WORK/info"
check "pdfinfo creator" grep -q "^Creator: *handout " "$WORK/info"
check "2 to 5 Letter pages (got $pages; the language-assistance notice takes half a page)" \
  test "$pages" -ge 2 -a "$pages" -le 5
check "Letter page size" grep -q "^Page size: *612 x 792 pts (letter)" "$WORK/info"
check "no poppler warnings" test -z "$(grep -i 'warning\|error' "$WORK/info")"

# --- pdffonts: every font embedded ------------------------------------------------------
pdffonts "$PDF" >"$WORK/fonts" 2>&1
check "pdffonts lists fonts" test "$(tail -n +3 "$WORK/fonts" | wc -l)" -ge 3
check "every font embedded and subset" \
  test -z "$(tail -n +3 "$WORK/fonts" | awk '$(NF-4) != "yes" || $(NF-3) != "yes"')"
check "every font has a ToUnicode map" test -z "$(tail -n +3 "$WORK/fonts" | awk '$(NF-2) != "yes"')"

# --- qpdf --check ------------------------------------------------------------------------
check "qpdf --check finds no errors" qpdf --check "$PDF"
check "qpdf reports no warnings" test -z "$(qpdf --check "$PDF" 2>&1 | grep -i 'warning')"

# --- pdftotext: words, order, furniture ---------------------------------------------------
pdftotext "$PDF" "$WORK/all.txt" 2>"$WORK/pdftotext.err"
check "pdftotext prints no warnings (ToUnicode maps are valid)" test ! -s "$WORK/pdftotext.err"
check "no replacement or control characters in the text" test -z "$(grep -P '[\x{FFFD}\x00-\x08]' "$WORK/all.txt")"
for n in $(seq 1 "$pages"); do
  pdftotext -f "$n" -l "$n" "$PDF" - 2>/dev/null >"$WORK/page$n.txt"
  check "clinic name on page $n" grep -q "Willow Creek Pelvic Health" "$WORK/page$n.txt"
  check "'Page $n of $pages' on page $n" grep -q "Page $n of $pages" "$WORK/page$n.txt"
  check "contact line on page $n" \
    grep -q "(503) 555-0142 · care@willowcreek.example · willowcreek.example" "$WORK/page$n.txt"
done
# The body, cropped to the text column (no header band, running header or footer).
pdftotext -x 0 -y 64 -W 612 -H 664 "$PDF" - 2>/dev/null | normalise >"$WORK/body.txt"
missing=0
check "seed text fixture present" test -s "$REPO/tests/fixtures/vaginismus-explained.txt"
while IFS= read -r part; do
  grep -qF -- "$part" "$WORK/body.txt" || { missing=$((missing + 1)); echo "  missing: $part"; }
done < <(seed_parts)
check "every line of the seed article appears verbatim in the PDF ($missing missing)" test "$missing" -eq 0
# Headings and sections in reading order.
prev=-1
order_ok=1
for phrase in "Vaginismus Explained: Why Penetration" "What Is Vaginismus?" "Why Does Vaginismus Happen?" \
  "Pelvic floor muscle tension or guarding" "How Pain Shapes Intimacy and Self-Trust" \
  "Working With Your Body, Not Against It" "Partner involvement, if helpful" \
  "Helpful Resources and Further Support" "but it does happen." "Some trusted resources include:" \
  "International Society for the Study of Women’s Sexual Health (ISSWSH)" \
  "www.isswsh.org" "National Vulvodynia Association (NVA)" "International Pelvic Pain Society (IPPS)" \
  "American Physical Therapy Association (APTA) Pelvic Health Section" "aptapelvichealth.org" \
  "Willow Creek pelvic pain support group" "Contact us" "1200 Alder Street, Suite 300"; do
  pos=$(grep -obF -- "$phrase" "$WORK/body.txt" | head -1 | cut -d: -f1)
  if [ -z "$pos" ] || [ "$pos" -le "$prev" ]; then order_ok=0; echo "  out of order or missing: $phrase"; fi
  prev=${pos:-$prev}
done
check "article, resources and contact block in reading order" test "$order_ok" -eq 1
check "review date printed" grep -q "Medically reviewed November 2, 2026" "$WORK/all.txt"
check "footer note printed" \
  grep -q "This handout is for education and does not replace advice from your clinician." "$WORK/page1.txt"


# --- links and bookmarks ------------------------------------------------------------------
qpdf --qdf --object-streams=disable "$PDF" "$WORK/qdf.pdf" 2>/dev/null
for uri in https://www.isswsh.org https://www.nva.org https://www.pelvicpain.org https://aptapelvichealth.org \
  mailto:care@willowcreek.example https://willowcreek.example; do
  check "link annotation to $uri" grep -aq "/URI ($uri)" "$WORK/qdf.pdf"
done
check "document language is set" grep -aq "/Lang (en)" "$WORK/qdf.pdf"
check "viewer shows the document title" grep -aq "/DisplayDocTitle true" "$WORK/qdf.pdf"
qpdf --json --json-key=outlines "$PDF" >"$WORK/outlines.json" 2>/dev/null
# The resources box closes the last section, which names it: no bookmark of its own.
for title in "What Is Vaginismus?" "Working With Your Body, Not Against It" "Helpful Resources and Further Support" \
  "Contact us"; do
  check "bookmark '$title'" grep -qF "\"title\": \"$title\"" "$WORK/outlines.json"
done

# --- determinism (a second process), atomic output --------------------------------------------
build_example "$WORK/again" --lang en
check "a second process gives identical bytes" cmp "$PDF" "$WORK/again/en/vaginismus.pdf"
check "no temporary files left behind" test -z "$(find "$OUT" "$WORK/again" -name '*handout-tmp-*')"

check_every_pdf "$WORK"
finish
