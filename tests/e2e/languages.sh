#!/usr/bin/env bash
# End-to-end: every shipped language of the example (text extracted, fonts, /Lang, the
# draft-translation notice, scripts), the same bytes from a second process for all of them, the
# fallback language, a character no font covers and one above U+FFFF.
# Usage: languages.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"

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
# Each language's handout: qpdf, fonts, no .notdef, /Lang, the title, first paragraph and the draft
# notice (worked out from strings.yaml and the front matter) in the text (handout_checks.py languages).
checks_by languages "$WORK/langs" "$REPO/content" vaginismus \
  en es fr ru vi zh-Hans ko ar pt-BR tl ht zh-Hant ja fa hi bn th am
check "es: the draft-translation notice" verify --pdf "$WORK/langs/es/vaginismus.pdf" --joined \
  --has 'Traducido del inglés el 24 de noviembre de 2026; todavía no revisado por un profesional clínico.'
check "en: no translation notice" verify --pdf "$WORK/langs/en/vaginismus.pdf" --lacks 'Translated from'
# The article's last section ("Helpful Resources and Further Support" in its own words) leads
# into the resources box: the box adds no label of its own, but on a page it opens, away from
# that section, the label heads it (resources_label.py).
for lang in en es fr ru vi zh-Hans ko ar pt-BR tl ht zh-Hant ja fa hi bn th am; do
  label=$("$PYTHON" "$REPO/tests/e2e/resources_label.py" absent "$REPO/content/$lang/strings.yaml" \
    "$REPO/content/$lang/vaginismus.md" "$WORK/langs/$lang/vaginismus.pdf" 2>&1)
  check "$lang: no second resources label under the last section: $label" grep -q '^ok' <<<"$label"
done
check "ar: extracted as plain Arabic letters, not presentation forms" \
  verify --pdf "$WORK/langs/ar/vaginismus.pdf" --has 'ما هو التشنج المهبلي' --no-re '[\uFE70-\uFEFF]'
check "ar: page labels in Arabic" verify --pdf "$WORK/langs/ar/vaginismus.pdf" --letters --has "صفحة1من"
# The notice's Chinese, Japanese and Korean taglines come from four faces of one collection that
# share their outlines: one embedded CJK font holds them all.
check "en: one CJK font for the four CJK taglines" \
  verify --run pdffonts "$WORK/langs/en/vaginismus.pdf" -- --lines NotoSansCJK 1
# Han characters in each reader's regional forms, with a real bold (Noto Sans CJK, CFF).
for pair in zh-Hans:sc zh-Hant:tc ja:jp ko:kr; do
  lang=${pair%%:*} region=${pair#*:}
  check "$lang: Noto Sans CJK $region embedded as CID CFF, regular and bold" \
    verify --run pdffonts "$WORK/langs/$lang/vaginismus.pdf" -- \
    --lines "NotoSansCJK$region-(Regular|Bold) *CID Type 0C" 2
done
check "ar: the Arabic font is embedded" verify --run pdffonts "$WORK/langs/ar/vaginismus.pdf" -- --has NotoSansArabic

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
  grep -qF "warning: 'vaginismus' is not available in 'de' (missing '$WORK/fb/content/de/vaginismus.md'); using the \
'en' version" "$WORK/err"
check "the fallback handout is written for the language asked for" test -f "$WORK/fb/out/de/vaginismus.pdf"
check "the fallback handout says which language it is in" \
  verify --pdf "$WORK/fb/out/de/vaginismus.pdf" --joined \
  --has 'Este folleto está en inglés porque todavía no está disponible en de'
check "the fallback handout's document language is English" \
  verify --run qpdf --qdf --object-streams=disable "$WORK/fb/out/de/vaginismus.pdf" - -- --has '/Lang (en)'
check "the fallback notice is tagged in the language asked for (its own /Lang)" \
  verify --run "$PYTHON" "$REPO/tests/e2e/pdfua_check.py" --text "$WORK/fb/out/de/vaginismus.pdf" -- \
  --re '^P\[de\]\tEste folleto'

# Labels still in English, listed under `untranslated:`: the build says how many, once per
# language (two handouts here), on every build; check reports it on each handout.
M=$WORK/marked
stage_clinic "$M"
mkdir -p "$M/content/so"
{
  printf '%s\n' 'translation: draft' 'source_language: en' 'untranslated:' '  - phone' '  - months'
  cat "$REPO/content/en/strings.yaml"
} >"$M/content/so/strings.yaml"
cp "$M/content/en/a.md" "$M/content/so/a.md" && cp "$M/content/en/a.md" "$M/content/so/b.md"
printf 'languages: [en, so]\n' >>"$M/h.yaml"
for run in first again; do
  "$HANDOUT" build --config "$M/h.yaml" >/dev/null 2>"$WORK/marked.$run.err"
  check "labels not yet translated build (exit $?, $run build)" test -f "$M/out/so/b.pdf"
  check "... with one warning for the language, counting them ($run build)" \
    verify --file "$WORK/marked.$run.err" \
    --equals "$M/content/so/strings.yaml: warning: 2 labels not yet translated (still in English)"
done
"$HANDOUT" check --config "$M/h.yaml" --lang so >"$WORK/marked.check" 2>&1
check "check reports them on each handout" \
  verify --file "$WORK/marked.check" \
  --lines "^$M/content/so/strings.yaml: warning: 2 labels not yet translated \\(still in English\\)$" 2
sed -i '/^untranslated:/,/^  - months/d' "$M/content/so/strings.yaml"
"$HANDOUT" build --config "$M/h.yaml" >/dev/null 2>"$WORK/marked.err"
check "all translated, still a draft: the build says so at its line" \
  grep -qxF "$M/content/so/strings.yaml:1:14: warning: the labels are a draft translation from English: have a \
clinician fluent in the language check them, then set 'translation: reviewed'" "$WORK/marked.err"
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
  grep -qF "$WORK/glyph/content/en/g.md: error: 1 character would print as empty boxes: no font covers U+103A0 \
'𐎠'" "$WORK/err"
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
