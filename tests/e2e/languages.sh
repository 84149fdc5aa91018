#!/usr/bin/env bash
# End-to-end: every shipped language of the example (text extracted, fonts, /Lang, the
# draft-translation notice, scripts), the same bytes from a second process for all of them, the
# fallback language, a character no font covers and one above U+FFFF.
# Usage: languages.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"

# Text compared with all white space, bidi marks (U+200E/F, U+202A-E, U+2066-9) and added
# hyphens removed, so lines broken anywhere (CJK breaks between characters) still match.
squeeze() { LC_ALL=C sed -z 's/\xe2\x80\x90\n//g' | LC_ALL=C sed 's/\xe2\x80[\x8e\x8f\xaa-\xae]//g; s/\xe2\x81[\xa6-\xa9]//g' | tr -d ' \n\t\f'; }
# Letters only: also without punctuation and Arabic vowel marks, whose place among the letters
# of a right-to-left line pdftotext chooses by its own rules.
letters() { squeeze | LC_ALL=C sed 's/\xd9[\x8b-\x9f\xb0]//g; s/\xd8[\x8c\x9b\x9f]//g; s/\xe2\x80[\x9c\x9d]//g; s/\xc2[\xab\xbb]//g; s/[].,;:?!()"[]//g'; }
build_example "$WORK/langs"
check "all languages build (exit $rc)" grep -qx "18 handouts written, 0 failed" "$WORK/langs.log"
check "all languages build without warnings" test ! -s "$WORK/langs.err"
# Determinism across processes: a second run of the binary writes the same bytes, every language.
build_example "$WORK/langs-again"
for f in "$WORK"/langs/*/vaginismus.pdf; do
  lang=$(basename "$(dirname "$f")")
  check "$lang: a second process writes identical bytes" cmp "$f" "$WORK/langs-again/$lang/vaginismus.pdf"
done
rm -rf "$WORK/langs-again"  # read once above; the five readers need not open the copies
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
  # The article's last section ("Helpful Resources and Further Support" in its own words) leads
  # into the resources box: the box adds no label of its own (resources_label.py).
  label=$("$PYTHON" "$REPO/tests/e2e/resources_label.py" absent "$REPO/content/$lang/strings.yaml" "$md" "$f" 2>&1)
  check "$lang: no second resources label under the last section: $label" grep -q '^ok' <<<"$label"
  if [ "$lang" != en ]; then
    # The whole notice, worked out from strings.yaml and the front matter (draft_notice.py), in
    # the letters of page 1: not just a year somewhere on the page.
    notice=$("$PYTHON" "$REPO/tests/e2e/draft_notice.py" "$REPO/content/$lang" vaginismus | letters)
    pdftotext -f 1 -l 1 "$f" - 2>/dev/null | letters >"$WORK/$lang.page1.txt"
    check "$lang: the whole draft-translation notice on page 1 ($notice)" \
      grep -qF -- "${notice:-no notice worked out}" "$WORK/$lang.page1.txt"
  fi
done
check "es: the draft-translation notice" sh -c "pdftotext '$WORK/langs/es/vaginismus.pdf' - | tr '\n' ' ' | grep -q 'Traducido del inglés el 24 de noviembre de 2026; todavía no revisado por un profesional clínico.'"
check "en: no translation notice" sh -c "! pdftotext '$WORK/langs/en/vaginismus.pdf' - | grep -q 'Translated from'"
check "ar: extracted as plain Arabic letters, not presentation forms" \
  sh -c "pdftotext '$WORK/langs/ar/vaginismus.pdf' - | grep -q 'ما هو التشنج المهبلي' && ! pdftotext '$WORK/langs/ar/vaginismus.pdf' - | grep -qP '[\x{FE70}-\x{FEFF}]'"
check "ar: page labels in Arabic" grep -qF "صفحة1من" "$WORK/ar.txt"
# The notice's Chinese, Japanese and Korean taglines come from four faces of one collection that
# share their outlines: one embedded CJK font holds them all.
check "en: one CJK font for the four CJK taglines" \
  sh -c "pdffonts '$WORK/langs/en/vaginismus.pdf' | grep -c 'NotoSansCJK' | grep -qx 1"
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
check "the fallback notice is tagged in the language asked for (its own /Lang)" \
  sh -c "'$PYTHON' '$REPO/tests/e2e/pdfua_check.py' --text '$WORK/fb/out/de/vaginismus.pdf' | grep -q '^P\[de\]	Este folleto'"

# Labels still in English, listed under `untranslated:`: the build says how many, once per
# language (two handouts here), on every build; check reports it on each handout.
M=$WORK/marked
stage_clinic "$M"
mkdir -p "$M/content/so"
{ printf 'translation: draft\nsource_language: en\nuntranslated:\n  - phone\n  - months\n'; cat "$REPO/content/en/strings.yaml"; } >"$M/content/so/strings.yaml"
cp "$M/content/en/a.md" "$M/content/so/a.md" && cp "$M/content/en/a.md" "$M/content/so/b.md"
printf 'languages: [en, so]\n' >>"$M/h.yaml"
for run in first again; do
  "$HANDOUT" build --config "$M/h.yaml" >/dev/null 2>"$WORK/marked.$run.err"
  check "labels not yet translated build (exit $?, $run build)" test -f "$M/out/so/b.pdf"
  check "... with one warning for the language, counting them ($run build)" \
    test "$(cat "$WORK/marked.$run.err")" = "$M/content/so/strings.yaml: warning: 2 labels not yet translated (still in English)"
done
"$HANDOUT" check --config "$M/h.yaml" --lang so >"$WORK/marked.check" 2>&1
check "check reports them on each handout" \
  test "$(grep -c "^$M/content/so/strings.yaml: warning: 2 labels not yet translated (still in English)$" "$WORK/marked.check")" -eq 2
sed -i '/^untranslated:/,/^  - months/d' "$M/content/so/strings.yaml"
"$HANDOUT" build --config "$M/h.yaml" >/dev/null 2>"$WORK/marked.err"
check "all translated, still a draft: the build says so at its line" \
  grep -qxF "$M/content/so/strings.yaml:1:14: warning: the labels are a draft translation from English: have a clinician fluent in the language check them, then set 'translation: reviewed'" "$WORK/marked.err"
sed -i 's/^translation: draft/translation: reviewed/' "$M/content/so/strings.yaml"
"$HANDOUT" build --config "$M/h.yaml" >/dev/null 2>"$WORK/marked.err"
check "reviewed labels: no warning" test ! -s "$WORK/marked.err"

# A character no shipped font covers: a warning with U+XXXX, file and line; never a box.
stage_clinic "$WORK/glyph"
rm "$WORK/glyph/content/en/a.md"
printf -- '---\ntitle: Glyphs\n---\n\nA line.\n\nOld Persian \xf0\x90\x8e\xa0 here.\n' >"$WORK/glyph/content/en/g.md"
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
stage_clinic "$WORK/astral" ja
printf -- '---\ntitle: Astral\n---\n\n\xf0\xa9\xb8\xbd\xef\xbc\x88\xe3\x81\xbb\xe3\x81\xa3\xe3\x81\x91\xef\xbc\x89\n' \
  >"$WORK/astral/content/ja/a.md"
printf 'languages: [ja]\n' >>"$WORK/astral/h.yaml"
"$HANDOUT" build --config "$WORK/astral/h.yaml" >/dev/null 2>"$WORK/err"
check "a character above U+FFFF builds (exit $?)" test -f "$WORK/astral/out/ja/a.pdf"
pdftotext "$WORK/astral/out/ja/a.pdf" "$WORK/astral.txt" 2>/dev/null
check "a character above U+FFFF extracts as itself" grep -qF $'\xf0\xa9\xb8\xbd\xef\xbc\x88' "$WORK/astral.txt"

check_every_pdf "$WORK"
finish
