#!/usr/bin/env bash
# End-to-end tests: build the shipped example clinic's handouts and read the PDFs back with
# real tools (pdftotext, pdfinfo, pdffonts, qpdf). Also checks errors and exit codes.
# Usage: run_e2e.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"
# Joins lines into one, removing hyphens added by hyphenation (U+2010 at a line end).
normalise() { sed -z 's/\xe2\x80\x90\n//g' | tr '\n\f' '  ' | tr -s ' '; }

# --- the example builds ---------------------------------------------------------------
OUT=$WORK/out
"$HANDOUT" build --config "$REPO/handout.yaml" --out "$OUT" --lang en >"$WORK/build.log" 2>"$WORK/build.err"
rc=$?
PDF=$OUT/en/vaginismus.pdf
check "example build exits 0 (got $rc: $(cat "$WORK/build.err"))" test "$rc" -eq 0
check "build prints one line per PDF" grep -q "^wrote $OUT/en/vaginismus.pdf (" "$WORK/build.log"
check "build prints a summary" grep -qx "1 handout written, 0 failed" "$WORK/build.log"
check "build prints no diagnostics" test ! -s "$WORK/build.err"
[ -f "$PDF" ] || { fail "no PDF at $PDF"; echo "$passed passed, $failed failed"; exit 1; }

# --- pdfinfo: metadata, page count, page size -------------------------------------------
pdfinfo "$PDF" >"$WORK/info" 2>&1
pages=$(awk '/^Pages:/ {print $2}' "$WORK/info")
check "pdfinfo title" grep -q "^Title: *Vaginismus Explained: Why Penetration Can Feel Impossible and What Helps$" "$WORK/info"
check "pdfinfo author is the clinic" grep -q "^Author: *Willow Creek Pelvic Health$" "$WORK/info"
check "pdfinfo subject is the summary" grep -q "^Subject: *Vaginismus is an involuntary tightening" "$WORK/info"
check "pdfinfo keywords" grep -q "^Keywords: *vaginismus, pelvic floor" "$WORK/info"
check "pdfinfo creator" grep -q "^Creator: *handout " "$WORK/info"
check "2 to 4 Letter pages (got $pages)" test "$pages" -ge 2 -a "$pages" -le 4
check "Letter page size" grep -q "^Page size: *612 x 792 pts (letter)" "$WORK/info"
check "no poppler warnings" test -z "$(grep -i 'warning\|error' "$WORK/info")"

# --- pdffonts: every font embedded ------------------------------------------------------
pdffonts "$PDF" >"$WORK/fonts" 2>&1
check "pdffonts lists fonts" test "$(tail -n +3 "$WORK/fonts" | wc -l)" -ge 3
check "every font embedded and subset" test -z "$(tail -n +3 "$WORK/fonts" | awk '$(NF-4) != "yes" || $(NF-3) != "yes"')"
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
  check "contact line on page $n" grep -q "(503) 555-0142 · care@willowcreek.example · willowcreek.example" "$WORK/page$n.txt"
done
# The body, cropped to the text column (no header band, running header or footer).
pdftotext -x 0 -y 64 -W 612 -H 664 "$PDF" - 2>/dev/null | normalise >"$WORK/body.txt"
missing=0
check "seed text fixture present" test -s "$REPO/tests/fixtures/vaginismus-explained.txt"
while IFS= read -r line || [ -n "$line" ]; do
  line=${line//\'/’}  # smart punctuation turns the seed's straight apostrophes into curly ones
  parts=("$line")
  [[ "$line" == *" — "* ]] && parts=("${line%% — *}" "${line#* — }")  # a resource: name, then description
  for part in "${parts[@]}"; do
    [ -n "$part" ] || continue
    grep -qF -- "$part" "$WORK/body.txt" || { missing=$((missing + 1)); echo "  missing: $part"; }
  done
done <"$REPO/tests/fixtures/vaginismus-explained.txt"
check "every line of the seed article appears verbatim in the PDF ($missing missing)" test "$missing" -eq 0
# Headings and sections in reading order.
prev=-1
order_ok=1
for phrase in "Vaginismus Explained: Why Penetration" "What Is Vaginismus?" "Why Does Vaginismus Happen?" \
  "Pelvic floor muscle tension or guarding" "How Pain Shapes Intimacy and Self-Trust" \
  "Working With Your Body, Not Against It" "Partner involvement, if helpful" \
  "Helpful Resources and Further Support" "but it does happen." "Helpful resources" \
  "Some trusted resources include:" "International Society for the Study of Women’s Sexual Health (ISSWSH)" \
  "www.isswsh.org" "National Vulvodynia Association (NVA)" "International Pelvic Pain Society (IPPS)" \
  "American Physical Therapy Association (APTA) Pelvic Health Section" "aptapelvichealth.org" \
  "Willow Creek pelvic pain support group" "Contact us" "1200 Alder Street, Suite 300"; do
  pos=$(grep -obF -- "$phrase" "$WORK/body.txt" | head -1 | cut -d: -f1)
  if [ -z "$pos" ] || [ "$pos" -le "$prev" ]; then order_ok=0; echo "  out of order or missing: $phrase"; fi
  prev=${pos:-$prev}
done
check "article, resources and contact block in reading order" test "$order_ok" -eq 1
check "review date printed" grep -q "Medically reviewed November 2, 2026" "$WORK/all.txt"
check "footer note printed" grep -q "This handout is for education and does not replace advice from your clinician." "$WORK/page1.txt"

# --- links and bookmarks ------------------------------------------------------------------
qpdf --qdf --object-streams=disable "$PDF" "$WORK/qdf.pdf" 2>/dev/null
for uri in https://www.isswsh.org https://www.nva.org https://www.pelvicpain.org https://aptapelvichealth.org \
  mailto:care@willowcreek.example https://willowcreek.example; do
  check "link annotation to $uri" grep -aq "/URI ($uri)" "$WORK/qdf.pdf"
done
check "document language is set" grep -aq "/Lang (en)" "$WORK/qdf.pdf"
check "viewer shows the document title" grep -aq "/DisplayDocTitle true" "$WORK/qdf.pdf"
qpdf --json --json-key=outlines "$PDF" >"$WORK/outlines.json" 2>/dev/null
for title in "What Is Vaginismus?" "Working With Your Body, Not Against It" "Helpful resources" "Contact us"; do
  check "bookmark '$title'" grep -qF "\"title\": \"$title\"" "$WORK/outlines.json"
done

# --- determinism, atomic output ------------------------------------------------------------
"$HANDOUT" build --config "$REPO/handout.yaml" --out "$WORK/again" --lang en >/dev/null 2>&1
check "a second build gives identical bytes" cmp "$PDF" "$WORK/again/en/vaginismus.pdf"
check "no temporary files left behind" test -z "$(find "$OUT" -name '*.tmp-*')"

# --- layouts ------------------------------------------------------------------------------
"$HANDOUT" build --config "$REPO/handout.yaml" --out "$WORK/a4" --layout a4 --lang en >/dev/null 2>&1
check "A4 layout gives A4 pages" sh -c "pdfinfo '$WORK/a4/en/vaginismus.pdf' | grep -q 'Page size: *595.* x 841.* pts (A4)'"

# --- every shipped layout builds the seed article -----------------------------------------
# layout, pages allowed (min max), page size as pdfinfo prints it, crop box of the body for pdftotext
for spec in "letter 2 4 612x792" "a4 2 4 595.276x841.89" "large-print 5 10 612x792" "two-column 2 4 612x792" \
  "trifold 2 2 792x612"; do
  read -r layout min max size <<<"$spec"
  dir=$WORK/layout-$layout
  "$HANDOUT" build --config "$REPO/handout.yaml" --out "$dir" --layout "$layout" --lang en --stats >"$dir.log" 2>"$dir.err"
  check "$layout: builds (exit $?)" test -f "$dir/en/vaginismus.pdf"
  check "$layout: no warnings" test ! -s "$dir.err"
  check "$layout: 0 overfull lines, 0 widows, 0 orphans" grep -q "overfull=0 .*widows=0 orphans=0 forced_breaks=0" "$dir.log"
  f=$dir/en/vaginismus.pdf
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  check "$layout: $min to $max pages (got $n)" test "$n" -ge "$min" -a "$n" -le "$max"
  w=${size%x*}
  h=${size#*x}
  check "$layout: page size $size" sh -c "pdfinfo '$f' | grep -q 'Page size: *$w x $h pts'"
  check "$layout: qpdf --check" qpdf --check "$f"
  check "$layout: fonts embedded" test -z "$(pdffonts "$f" 2>/dev/null | tail -n +3 | awk '$(NF-4) != "yes"')"
  pdftotext "$f" - 2>/dev/null | normalise >"$dir.txt"
  lost=0
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line//\'/’}
    parts=("$line")
    [[ "$line" == *" — "* ]] && parts=("${line%% — *}" "${line#* — }")
    for part in "${parts[@]}"; do
      # Sentences may be cut by a column, panel or page edge: check each sentence's first words.
      while IFS= read -r sentence; do
        words=$(echo "$sentence" | awk '{print $1, $2, $3}')
        [ -z "$words" ] || grep -qF -- "$words" "$dir.txt" || lost=$((lost + 1))
      done < <(echo "$part" | sed 's/\([.?!]\) /\1\n/g')
    done
  done <"$REPO/tests/fixtures/vaginismus-explained.txt"
  check "$layout: every sentence of the seed text is there ($lost missing)" test "$lost" -eq 0
done
check "trifold: the cover, back and inside are there" grep -q "Contact us" "$WORK/layout-trifold.txt"
# An article twice as long must fail clearly on the tri-fold, not shrink or overflow.
mkdir -p "$WORK/long/content/en"
cp "$REPO/content/en/strings.yaml" "$WORK/long/content/en/"
{ cat "$REPO/content/en/vaginismus.md"; sed '1,/^---$/d' "$REPO/content/en/vaginismus.md"; } \
  >"$WORK/long/content/en/long.md"
printf 'clinic:\n  name: Long Clinic\nlayout: trifold\n' >"$WORK/long/h.yaml"
"$HANDOUT" build --config "$WORK/long/h.yaml" >"$WORK/tri-fr.log" 2>"$WORK/tri-fr.err"
check "trifold: content that does not fit exits 1" test $? -eq 1
check "trifold: the overflow error says by how much" \
  grep -qE "content/en/long.md: error: the article does not fit the tri-fold: [0-9]+ pt of content \(about [0-9.]+ panels\) more than the panels hold" "$WORK/tri-fr.err"
check "trifold: no half-written PDF for the handout that did not fit" test ! -e "$WORK/long/out/en/long.pdf"
"$HANDOUT" build --config "$REPO/handout.yaml" --out "$WORK/tri-all" --layout trifold >"$WORK/tri-all.log" 2>&1
# Every shipped language fits but Tagalog, whose draft runs a third longer than the English: it
# must fail with the overflow error, never shrink or overflow.
check "trifold: every shipped language but Tagalog fits" grep -qx "17 handouts written, 1 failed" "$WORK/tri-all.log"
check "trifold: Tagalog is refused with the overflow error" \
  grep -q "content/tl/vaginismus.md: error: the article does not fit the tri-fold" "$WORK/tri-all.log"
check "large print: body at 17 pt" sh -c "grep -q 'NotoSans-Regular 17 ' '$WORK/layout-large-print/en/vaginismus.layout.txt' 2>/dev/null || '$HANDOUT' build --config '$REPO/handout.yaml' --out '$WORK/lp2' --layout large-print --lang en --debug-layout >/dev/null && grep -q 'NotoSans-Regular 17 ' '$WORK/lp2/en/vaginismus.layout.txt'"
"$HANDOUT" build --config "$REPO/handout.yaml" --out "$WORK/nohy" --layout two-column --lang en >/dev/null 2>&1
pdftotext "$WORK/nohy/en/vaginismus.pdf" - 2>/dev/null >"$WORK/nohy.txt"
check "two-column: hyphenation used, with U+2010 hyphens that extraction can undo" grep -q $'\xe2\x80\x90$' "$WORK/nohy.txt"

# --- every shipped language ----------------------------------------------------------------
# Text compared with all white space, bidi marks (U+200E/F, U+202A-E, U+2066-9) and added
# hyphens removed, so lines broken anywhere (CJK breaks between characters) still match.
squeeze() { LC_ALL=C sed -z 's/\xe2\x80\x90\n//g' | LC_ALL=C sed 's/\xe2\x80[\x8e\x8f\xaa-\xae]//g; s/\xe2\x81[\xa6-\xa9]//g' | tr -d ' \n\t\f'; }
# Letters only: also without punctuation and Arabic vowel marks, whose place among the letters
# of a right-to-left line pdftotext chooses by its own rules.
letters() { squeeze | LC_ALL=C sed 's/\xd9[\x8b-\x9f\xb0]//g; s/\xd8[\x8c\x9b\x9f]//g; s/\xe2\x80[\x9c\x9d]//g; s/\xc2[\xab\xbb]//g; s/[].,;:?!()"[]//g'; }
"$HANDOUT" build --config "$REPO/handout.yaml" --out "$WORK/langs" >"$WORK/langs.log" 2>"$WORK/langs.err"
check "all languages build (exit $?)" grep -qx "18 handouts written, 0 failed" "$WORK/langs.log"
check "all languages build without warnings" test ! -s "$WORK/langs.err"
for lang in en es fr ru vi zh-Hans ko ar pt-BR tl ht zh-Hant ja fa hi bn th am; do
  f=$WORK/langs/$lang/vaginismus.pdf
  md=$REPO/content/$lang/vaginismus.md
  check "$lang: PDF written" test -f "$f"
  check "$lang: qpdf --check" qpdf --check "$f"
  check "$lang: every font embedded, subset, with ToUnicode" \
    test -z "$(pdffonts "$f" 2>/dev/null | tail -n +3 | awk '$(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes"')"
  check "$lang: no glyph drawn is .notdef (mutool trace)" test "$(mutool trace "$f" 2>/dev/null | grep -c 'glyph="0"')" -eq 0
  check "$lang: document language is $lang" sh -c "qpdf --qdf --object-streams=disable '$f' - 2>/dev/null | grep -aq '/Lang ($lang)'"
  pdftotext "$f" - 2>/dev/null | letters >"$WORK/$lang.txt"
  title=$(sed -n 's/^title: "\(.*\)"$/\1/p' "$md" | head -1 | letters)
  # The first paragraph: the first line after the first heading that is not blank.
  first=$(awk '/^## / {h = 1; next} h && NF {print; exit}' "$md" | letters)
  check "$lang: title extracted from the PDF" grep -qF -- "$title" "$WORK/$lang.txt"
  check "$lang: first paragraph extracted from the PDF" grep -qF -- "$first" "$WORK/$lang.txt"
  check "$lang: no replacement characters" test -z "$(grep -c $'\xef\xbf\xbd' "$WORK/$lang.txt" | grep -v '^0$')"
  if [ "$lang" != en ]; then
    check "$lang: marked as a draft translation on page 1" \
      sh -c "pdftotext -f 1 -l 1 '$f' - 2>/dev/null | grep -q 2026"
  fi
done
check "es: the draft-translation notice" sh -c "pdftotext '$WORK/langs/es/vaginismus.pdf' - | tr '\n' ' ' | grep -q 'Traducido del inglés el 24 de noviembre de 2026; todavía no revisado por un profesional clínico.'"
check "en: no translation notice" sh -c "! pdftotext '$WORK/langs/en/vaginismus.pdf' - | grep -q 'Translated from'"
check "ar: extracted as plain Arabic letters, not presentation forms" \
  sh -c "pdftotext '$WORK/langs/ar/vaginismus.pdf' - | grep -q 'ما هو التشنج المهبلي' && ! pdftotext '$WORK/langs/ar/vaginismus.pdf' - | grep -qP '[\x{FE70}-\x{FEFF}]'"
check "ar: page labels in Arabic" grep -qF "صفحة1من" "$WORK/ar.txt"
# Han characters in each reader's regional forms, with a real bold (Noto Sans CJK, CFF).
for pair in zh-Hans:sc zh-Hant:tc ja:jp ko:kr; do
  lang=${pair%%:*} region=${pair#*:}
  check "$lang: Noto Sans CJK $region embedded as CID CFF, regular and bold" \
    sh -c "pdffonts '$WORK/langs/$lang/vaginismus.pdf' | grep -c 'NotoSansCJK$region-\(Regular\|Bold\) *CID Type 0C' | grep -qx 2"
done
check "ar: the Arabic font is embedded" sh -c "pdffonts '$WORK/langs/ar/vaginismus.pdf' | grep -q NotoSansArabic"

# A language without the article: an error naming the file, or with fallback_language, the
# fallback's version with a notice.
mkdir -p "$WORK/fb/content/de"
cp -r "$REPO/content/en" "$WORK/fb/content/"
cp "$REPO/content/es/strings.yaml" "$WORK/fb/content/de/strings.yaml"  # labels exist, article does not
printf 'clinic:\n  name: FB Clinic\nlanguages: [en, de]\narticles: [vaginismus]\n' >"$WORK/fb/nofb.yaml"
"$HANDOUT" build --config "$WORK/fb/nofb.yaml" >/dev/null 2>"$WORK/err"
check "missing translation without fallback exits 1" test $? -eq 1
check "missing translation names the file it tried" \
  grep -qF "error: article 'vaginismus' not found (tried '$WORK/fb/content/de/vaginismus.md')" "$WORK/err"
printf 'clinic:\n  name: FB Clinic\nlanguages: [de]\nfallback_language: en\n' >"$WORK/fb/fb.yaml"
"$HANDOUT" build --config "$WORK/fb/fb.yaml" >/dev/null 2>"$WORK/err"
check "missing translation with fallback exits 0" test $? -eq 0
check "the fallback is a warning naming the missing file" \
  grep -qF "warning: 'vaginismus' is not available in 'de' (missing '$WORK/fb/content/de/vaginismus.md'); using the 'en' version" "$WORK/err"
check "the fallback handout is written for the language asked for" test -f "$WORK/fb/out/de/vaginismus.pdf"
check "the fallback handout says which language it is in" \
  sh -c "pdftotext '$WORK/fb/out/de/vaginismus.pdf' - | tr '\n' ' ' | grep -q 'Este folleto está en inglés porque todavía no está disponible en de'"
check "the fallback handout's document language is English" \
  sh -c "qpdf --qdf --object-streams=disable '$WORK/fb/out/de/vaginismus.pdf' - 2>/dev/null | grep -aq '/Lang (en)'"

# A character no shipped font covers: a warning with U+XXXX, file and line; never a box.
mkdir -p "$WORK/glyph/content/en"
cp "$REPO/content/en/strings.yaml" "$WORK/glyph/content/en/"
printf -- '---\ntitle: Glyphs\n---\n\nA line.\n\nOld Persian \xf0\x90\x8e\xa0 here.\n' >"$WORK/glyph/content/en/g.md"
printf 'clinic:\n  name: G Clinic\n' >"$WORK/glyph/h.yaml"
"$HANDOUT" build --config "$WORK/glyph/h.yaml" >/dev/null 2>"$WORK/err"
check "an uncovered character fails its handout (exit 1)" test $? -eq 1
check "a handout with boxes is never written" test ! -e "$WORK/glyph/out/en/g.pdf"
check "an uncovered character is reported with code point, file and line" \
  grep -qF "$WORK/glyph/content/en/g.md:7: warning: no font covers character U+103A0 '𐎠'" "$WORK/err"
check "the failure lists the characters" \
  grep -qF "$WORK/glyph/content/en/g.md: error: 1 character would print as empty boxes: no font covers U+103A0 '𐎠'" "$WORK/err"
printf 'missing_glyphs: warn\n' >>"$WORK/glyph/h.yaml"
"$HANDOUT" build --config "$WORK/glyph/h.yaml" >/dev/null 2>"$WORK/err"
check "missing_glyphs: warn builds it anyway (exit 0)" test $? -eq 0 -a -f "$WORK/glyph/out/en/g.pdf"

# Characters above U+FFFF (CJK Extension B) are shaped, embedded and extracted like any other.
mkdir -p "$WORK/astral/content/ja"
cp "$REPO/content/ja/strings.yaml" "$WORK/astral/content/ja/"
printf -- '---\ntitle: Astral\n---\n\n\xf0\xa9\xb8\xbd\xef\xbc\x88\xe3\x81\xbb\xe3\x81\xa3\xe3\x81\x91\xef\xbc\x89\n' \
  >"$WORK/astral/content/ja/a.md"
printf 'clinic:\n  name: A Clinic\nlanguages: [ja]\n' >"$WORK/astral/h.yaml"
"$HANDOUT" build --config "$WORK/astral/h.yaml" >/dev/null 2>"$WORK/err"
check "a character above U+FFFF builds (exit $?)" test -f "$WORK/astral/out/ja/a.pdf"
pdftotext "$WORK/astral/out/ja/a.pdf" "$WORK/astral.txt" 2>/dev/null
check "a character above U+FFFF extracts as itself" grep -qF $'\xf0\xa9\xb8\xbd\xef\xbc\x88' "$WORK/astral.txt"

# --- figures: placed whole, or a clear error ------------------------------------------------
mkdir -p "$WORK/fig/content/en"
cp "$REPO/content/en/strings.yaml" "$WORK/fig/content/en/"
cp "$REPO/assets/logo.png" "$WORK/fig/content/en/pelvis.png"
printf -- '---\ntitle: Figures\n---\n\nBefore.\n\n![The pelvic floor.](pelvis.png)\n\nAfter.\n' >"$WORK/fig/content/en/f.md"
printf 'clinic:\n  name: Fig Clinic\n' >"$WORK/fig/h.yaml"
"$HANDOUT" build --config "$WORK/fig/h.yaml" >/dev/null 2>"$WORK/err"
check "a figure is placed in the PDF" sh -c "pdfimages -list '$WORK/fig/out/en/f.pdf' | grep -q ' 256   256 '"
check "a figure's caption is printed" sh -c "pdftotext '$WORK/fig/out/en/f.pdf' - | grep -q 'The pelvic floor.'"
printf -- '---\ntitle: Figures\n---\n\n![Gone.](gone.png)\n' >"$WORK/fig/content/en/g.md"
"$HANDOUT" build --config "$WORK/fig/h.yaml" --article g >/dev/null 2>"$WORK/err"
check "a missing figure fails the handout (exit 1)" test $? -eq 1
check "a missing figure names file, line and the path tried" \
  grep -qxF "$WORK/fig/content/en/g.md:5:1: error: image not found: 'gone.png' (tried '$WORK/fig/content/en/gone.png')" "$WORK/err"

# --- hostile input: never a crash or a hang ---------------------------------------------------
mkdir -p "$WORK/stress/content/en"
cp "$REPO/content/en/strings.yaml" "$WORK/stress/content/en/"
{
  printf -- '---\ntitle: Stress\n---\n\n'
  head -c 300000 /dev/zero | tr '\0' 'a'            # one 300,000-letter word
  printf '\n\n'
  for _ in $(seq 1 2000); do printf '阴道痉挛是指在尝试插入时，盆底肌肉不由自主地收紧。'; done
  printf '\n\n'
  for _ in $(seq 1 200); do printf '> '; done; printf 'deep quote\n\n'
  for _ in $(seq 1 200); do printf -- '- '; done; printf 'deep list\n'
} >"$WORK/stress/content/en/s.md"
printf 'clinic:\n  name: Stress Clinic\nlimits:\n  pages: 1000\n' >"$WORK/stress/h.yaml"
timeout 120 "$HANDOUT" build --config "$WORK/stress/h.yaml" >/dev/null 2>"$WORK/err"
rc=$?
check "hostile input builds without crash or hang (exit $rc)" test "$rc" -eq 0
check "hostile input gives a valid PDF" qpdf --check "$WORK/stress/out/en/s.pdf"

# --- the command line ---------------------------------------------------------------------
"$HANDOUT" --help >"$WORK/help" 2>&1
check "--help exits 0" test $? -eq 0
check "--help lists the build command" grep -q "build" "$WORK/help"
check "--version prints the version" sh -c "'$HANDOUT' --version | grep -Eq '^handout [0-9]+\.[0-9]+\.[0-9]+$'"
"$HANDOUT" >/dev/null 2>&1
check "no command is a usage error (exit 2)" test $? -eq 2
"$HANDOUT" build --no-such-flag >/dev/null 2>&1
check "an unknown option is a usage error (exit 2)" test $? -eq 2

# --- bad input: clear messages, exit codes, no PDF --------------------------------------------
mkdir -p "$WORK/bad/content/en"
cp "$REPO/content/en/strings.yaml" "$WORK/bad/content/en/"
printf 'clinic:\n  name: Bad Clinic\nlangauges: [en]\n' >"$WORK/bad/typo.yaml"
"$HANDOUT" build --config "$WORK/bad/typo.yaml" >/dev/null 2>"$WORK/err"
check "config error exits 2" test $? -eq 2
check "config error names file:line:col and suggests" \
  grep -qxF "$WORK/bad/typo.yaml:3:1: error: unknown key 'langauges' in config (did you mean 'languages'?)" "$WORK/err"
printf 'clinic:\n  name: Bad Clinic\nlayout: leter\n' >"$WORK/bad/layout.yaml"
"$HANDOUT" build --config "$WORK/bad/layout.yaml" >/dev/null 2>"$WORK/err"
check "unknown layout exits 2" test $? -eq 2
check "unknown layout suggests 'letter'" grep -q "^$WORK/bad/layout.yaml:3:9: error: unknown layout 'leter'.*(did you mean 'letter'?)$" "$WORK/err"
printf 'clinic:\n  name: Bad Clinic\narticles: [missing]\n' >"$WORK/bad/article.yaml"
"$HANDOUT" build --config "$WORK/bad/article.yaml" >"$WORK/out.log" 2>"$WORK/err"
check "missing article exits 1" test $? -eq 1
check "missing article names the path tried" \
  grep -qxF "$WORK/bad/article.yaml:3:12: error: article 'missing' not found (tried '$WORK/bad/content/en/missing.md')" "$WORK/err"
check "summary counts the failure" grep -qx "0 handouts written, 1 failed" "$WORK/out.log"
printf -- '---\ntitle: Broken\nreviewed: yesterday\n---\n\nText.\n' >"$WORK/bad/content/en/broken.md"
printf 'clinic:\n  name: Bad Clinic\n' >"$WORK/bad/ok.yaml"
"$HANDOUT" build --config "$WORK/bad/ok.yaml" >/dev/null 2>"$WORK/err"
check "bad front matter exits 1" test $? -eq 1
check "bad front matter points at its line" \
  grep -qxF "$WORK/bad/content/en/broken.md:3:11: error: 'reviewed' must be a real date written YYYY-MM-DD (got 'yesterday')" "$WORK/err"
check "no PDF written for a failed article" test ! -e "$WORK/bad/out/en/broken.pdf"
printf 'clinic:\n  name: Bad Clinic\nbrand:\n  fonts:\n    body: Comic Sans\n' >"$WORK/bad/font.yaml"
"$HANDOUT" build --config "$WORK/bad/font.yaml" >/dev/null 2>"$WORK/err"
check "missing font exits 2" test $? -eq 2
check "missing font names the paths tried" \
  grep -qF "$WORK/bad/font.yaml:5:11: error: font 'Comic Sans' Regular not found (tried '$WORK/bad/fonts/ComicSans-Regular.ttf', '$REPO/fonts/ComicSans-Regular.ttf', '/usr/share/fonts/truetype/noto/ComicSans-Regular.ttf', '/usr/share/fonts/opentype/noto/ComicSans-Regular.ttf', and the installed fonts)" "$WORK/err"
printf -- '\x00\xff\xfe garbage' >"$WORK/bad/binary.yaml"
"$HANDOUT" build --config "$WORK/bad/binary.yaml" >/dev/null 2>"$WORK/err"
rc=$?
check "binary garbage as config exits 2 without crashing (got $rc)" test "$rc" -eq 2
"$HANDOUT" build --config "$WORK/nope.yaml" >/dev/null 2>"$WORK/err"
check "missing config exits 2" test $? -eq 2
check "missing config is named" grep -qxF "$WORK/nope.yaml: error: cannot read config file '$WORK/nope.yaml'" "$WORK/err"

check_every_pdf "$WORK"
finish
