#!/usr/bin/env bash
# End-to-end: the tri-fold as a print shop takes it, in all 18 languages of the example. Each
# PDF is read back by trifold_check.py (mutool's characters, fonts and sizes; its trace of the
# fold marks, fills and images): a narrower tuck-in panel on both sides of the sheet, folds
# behind each other when duplexed on the short edge, the cover's title whole, the flap and the
# inside opening on a heading, body at 9 pt or more, the taglines and contact on the back,
# nothing within 0.25 in of an edge, fold marks only in the edge zone. An article too long for
# the tri-fold is refused, saying by how many words.
# Usage: trifold.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"
CHECK=$REPO/tests/e2e/trifold_check.py

# The languages the example's tri-fold holds; the rest must be refused with the overflow error.
fit="en zh-Hans ko ar ht zh-Hant fa hi bn th am"
refused="es vi ru fr pt-BR tl ja"
# Languages written without spaces between words (their titles are not checked word by word).
unspaced=" zh-Hans zh-Hant ja th "

build_example "$WORK/tri" --layout trifold --stats
taglines=$(grep -c . <<<"$(sed -n 's/^languages: \[\(.*\)\]/\1/p' "$REPO/handout.yaml" | tr ',' '\n')")
check "the example lists 18 languages, so 18 taglines" test "$taglines" -eq 18
for lang in $fit; do
  pdf=$WORK/tri/$lang/vaginismus.pdf
  check "$lang: fits the tri-fold" test -f "$pdf"
  [ -f "$pdf" ] || continue
  spaced=--spaced
  [[ "$unspaced" == *" $lang "* ]] && spaced=
  "$PYTHON" "$CHECK" "$pdf" "$taglines" $spaced >"$WORK/$lang.check" 2>&1
  ok=$?
  check "$lang: the sheet passes the print checks
$(grep -v '^#' "$WORK/$lang.check" | head -12)" test "$ok" -eq 0
  check "$lang: two Letter landscape sides" \
    verify --run pdfinfo "$pdf" -- --re 'Pages: *2' --re 'Page size: *792 x 612 pts'
  check "$lang: every font embedded" verify --embedded "$pdf"
done
for lang in $refused; do
  check "$lang: refused, with how many words too long at 9 pt" \
    grep -qE "content/$lang/vaginismus.md: error: the article is about [0-9]+ words too long for the tri-fold at 9 pt" \
    "$WORK/tri.err"
  check "$lang: no PDF for the handout that did not fit" test ! -e "$WORK/tri/$lang/vaginismus.pdf"
done
n_fit=$(wc -w <<<"$fit")
check "$n_fit handouts written, the rest refused" \
  grep -qx "$n_fit handouts written, $(wc -w <<<"$refused") failed" "$WORK/tri.log"
check "no warnings but the refusals" test -z "$(grep -v 'too long for the tri-fold' "$WORK/tri.err")"
# The body grows where the article leaves room: the English without its section on intimacy.
mkdir -p "$WORK/short/content"
cp -r "$REPO/handout.yaml" "$REPO/assets" "$WORK/short/"
cp -r "$REPO/content/en" "$WORK/short/content/"
ln -s "$REPO/content"/[a-df-z]* "$WORK/short/content/" 2>/dev/null
sed -i '/^## How Pain Shapes/,/^## Working With/{/^## Working With/!d}' "$WORK/short/content/en/vaginismus.md"
(cd "$WORK/short" && timeout 120 "$HANDOUT" build -q --layout trifold --lang en --out out >/dev/null 2>&1)
check "the body is larger than 9 pt where the article leaves room (English, one section less)" \
  verify --run-all "$PYTHON" "$CHECK" "$WORK/short/out/en/vaginismus.pdf" "$taglines" -- \
  --re '^# body (9\.[1-9]|[1-9][0-9]\.|1[0-9])'

# --- the overflow error: an article twice the example's length -------------------------------
stage_clinic "$WORK/long"
rm "$WORK/long/content/en/a.md"
{ cat "$REPO/content/en/vaginismus.md"; sed '1,/^---$/d' "$REPO/content/en/vaginismus.md"; } \
  >"$WORK/long/content/en/long.md"
printf 'layout: trifold\n' >>"$WORK/long/h.yaml"
(cd "$WORK/long" && timeout 120 "$HANDOUT" build --config h.yaml --out out >"$WORK/long.log" 2>"$WORK/long.err")
rc=$?
check "an article twice as long exits 1" test "$rc" -eq 1
words=$(sed -n 's/.*error: the article is about \([0-9]*\) words too long for the tri-fold at 9 pt.*/\1/p' \
  "$WORK/long.err")
body_words=$(sed '1,/^---$/d' "$REPO/content/en/vaginismus.md" | wc -w)
# The second copy is about the article's length; what does not fit is most of it.
check "it is about half the article too long (said ${words:-nothing}; the article has $body_words words)" \
  test "${words:-0}" -ge $((body_words / 2)) -a "${words:-0}" -le $((body_words * 3 / 2))
check "the message says what to do" grep -q "shorten it or use another layout" "$WORK/long.err"
check "no half-written PDF" test ! -e "$WORK/long/out/en/long.pdf"

check_every_pdf "$WORK"
finish
