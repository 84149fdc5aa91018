#!/usr/bin/env bash
# Hostile input and faults (issue 7): each defect found by trying handout as a hostile user
# would, checked from outside: exit codes, messages, files written, PDFs read back.
# Usage: hostile_input.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"
"$PYTHON" "$REPO/tests/tools/make_images.py" "$WORK/img" --big 6000

# --- 1. images: decoded by us, broken ones refused by name ----------------------------------
C=$WORK/logo
for bad in truncated.png bomb.png truncated.jpg; do
  stage_clinic "$C"
  cp "$WORK/img/$bad" "$C/$bad"
  printf '  logo: %s\n' "$bad" >>"$C/h.yaml"
  build "$C"
  check "a broken logo ($bad) is a config error (exit 2, got $rc)" test "$rc" -eq 2
  check "a broken logo ($bad) names the config line" grep -q "^$C/h.yaml:3:9: error: logo: image '$C/$bad'" "$WORK/err"
  check "a broken logo ($bad) writes nothing" test ! -e "$C/out"
done
stage_clinic "$C"; cp "$WORK/img/bomb.png" "$C/"; printf '  logo: bomb.png\n' >>"$C/h.yaml"; build "$C"
check "a 60000x60000 PNG is over the pixel limit" \
  grep -q "is 60000 x 60000 pixels (3600.0 megapixels), over the limit of 40.0 megapixels" "$WORK/err"
stage_clinic "$C"; cp "$WORK/img/truncated.png" "$C/"; printf '  logo: truncated.png\n' >>"$C/h.yaml"; build "$C"
check "a truncated PNG is called broken" grep -q "broken PNG" "$WORK/err"
stage_clinic "$C"; cp "$WORK/img/truncated.jpg" "$C/"; printf '  logo: truncated.jpg\n' >>"$C/h.yaml"; build "$C"
check "a truncated JPEG is called broken" grep -q "broken JPEG" "$WORK/err"

# A large logo is decoded once and downsampled to what print needs.
stage_clinic "$C"
cp "$WORK/img/big.png" "$C/"
printf '  logo: big.png\nlanguages: [en, en-GB]\nfallback_language: en\n' >>"$C/h.yaml"
start=$(date +%s%N); build "$C"; ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "a 6000x6000 logo builds (exit $rc)" test "$rc" -eq 0
# (Timings are skipped under sanitizers, which make every run several times slower.)
[ -n "${HANDOUT_SANITIZED:-}" ] || check "a 6000x6000 logo builds two handouts in under 3 s (took $ms \
ms)" test "$ms" -lt 3000
w=$(pdfimages -list "$C/out/en/a.pdf" 2>/dev/null | awk 'NR==3 {print $4}')
check "the logo is downsampled to 300 dpi at its largest placement (got ${w:-none} px wide)" \
  test "${w:-0}" -gt 0 -a "${w:-99999}" -le 900

# Figures: a broken one fails its handout only, at its line; an interlaced PNG works.
F=$WORK/fig
stage_clinic "$F"
cp "$WORK/img/"{interlaced.png,truncated.png} "$F/content/en/"
printf -- '---\ntitle: Fig\n---\n\nText.\n\n![A pattern.](interlaced.png)\n' >"$F/content/en/good.md"
printf -- '---\ntitle: Bad fig\n---\n\nText.\n\n![Broken.](truncated.png)\n' >"$F/content/en/bad.md"
build "$F"
check "a broken figure fails its handout (exit 1, got $rc)" test "$rc" -eq 1
check "a broken figure is named at its line" \
  grep -q "^$F/content/en/bad.md:7:1: error: image '$F/content/en/truncated.png': broken PNG" "$WORK/err"
check "the other handouts are still written" grep -qx "2 handouts written, 1 failed" "$WORK/out.log"
check "an interlaced PNG figure is placed" verify --run pdfimages -list "$F/out/en/good.pdf" -- --re ' 64 *48 '

# --- 2. the command line cannot write outside --out ---------------------------------------------
L=$WORK/lang
stage_clinic "$L"; printf 'fallback_language: en\n' >>"$L/h.yaml"
mkdir -p "$L/deep/er"
build "$L" --out "$L/deep/er/out" --lang ../../etc
check "--lang ../../etc is refused (exit 2, got $rc)" test "$rc" -eq 2
check "--lang ../../etc is named" grep -qF "error: invalid language code '../../etc' given with --lang" "$WORK/err"
check "nothing is written outside --out" test -z "$(find "$L" -name '*.pdf')"
build "$L" --lang $'en\nfoo'
check "a language code with a newline is refused (exit 2, got $rc)" test "$rc" -eq 2
check "no folder with a newline in its name" test -z "$(find "$L" -name $'*\n*')"
build "$L" --article ../../a
check "--article ../../a is refused (exit 2, got $rc)" test "$rc" -eq 2
check "--article ../../a is named" grep -qF "error: invalid article name '../../a' given with --article" "$WORK/err"
mkdir -p "$L/elsewhere" "$L/out" && ln -s "$L/elsewhere" "$L/out/en"
build "$L"
check "a link inside the output folder pointing out of it is not followed (exit 1, got $rc)" test "$rc" -eq 1
check "the refused write is explained" grep -q "it is a symbolic link, which may lead out of" "$WORK/err"
check "nothing is written through the link" test -z "$(ls "$L/elsewhere")"
rm "$L/out/en"
printf 'articles: ["../a"]\n' >>"$L/h.yaml"
build "$L"
check "an article name with a path in the config is refused (exit 2, got $rc)" test "$rc" -eq 2

# --- 3. only https, http, mailto and tel become links ----------------------------------------
K=$WORK/links
stage_clinic "$K"
cat >"$K/content/en/a.md" <<'MD'
---
title: Links
---

[one](javascript:alert(1)) [two](JaVaScRiPt:alert(2)) [three](file:///etc/passwd)
[four](data:text/html,hi) [five](\\\\server\\share) [six](other.md)
[good](https://ok.example/page) [mail](mailto:care@ok.example) [call](tel:+15035550142) [plain](HTTP://ok.example)
MD
printf '%s\n' 'resources:' '  - name: Bad site' '    website: " javascript:alert(3)"' '  - name: Good site' \
  '    website: www.good.example' >"$K/content/en/a.resources.yaml"
printf '  website: "javascript:alert(4)"\n  email: "x@y.example\\\\\\\\evil"\n' >>"$K/h.yaml"
build "$K"
check "dangerous links build with warnings (exit $rc)" test "$rc" -eq 0
qpdf --qdf --object-streams=disable "$K/out/en/a.pdf" "$WORK/links.qdf" 2>/dev/null
grep -ao '/URI ([^)]*)' "$WORK/links.qdf" | sort -u >"$WORK/uris"
check "the good links are live" verify --file "$WORK/uris" --has 'https://ok.example/page' \
  --has 'mailto:care@ok.example' --has 'tel:+15035550142' --has 'https://www.good.example'
check "no dangerous link is live ($(tr '\n' ' ' <"$WORK/uris"))" \
  test -z "$(grep -Eiv '/URI \((https?://|mailto:|tel:)' "$WORK/uris")"
check "no javascript/file/data/UNC/relative target" \
  test -z "$(grep -Ei 'javascript|file:|data:|server|other\.md|evil' "$WORK/uris")"
for at in "5:1" "5:28" "5:55" "6:1" "6:27" "6:53"; do
  check "refused link warned at a.md:$at" grep -q "^$K/content/en/a.md:$at: warning: .*not made a link" "$WORK/err"
done
check "refused resource website warned at its line" \
  grep -q "^$K/content/en/a.resources.yaml:3:14: warning: .*not made a link" "$WORK/err"
check "refused clinic website warned at its line" grep -q "^$K/h.yaml:3:12: warning: .*not made a link" "$WORK/err"
check "refused clinic email warned at its line" grep -q "^$K/h.yaml:4:10: warning: .*not made a link" "$WORK/err"
check "refused link text is still printed" verify --pdf "$K/out/en/a.pdf" --has 'one two three'

# --- 4. text never vanishes ------------------------------------------------------------------
V=$WORK/vanish
stage_clinic "$V"; mkdir -p "$V/layouts"
printf 'layout: tiny\n' >>"$V/h.yaml"
printf 'page_size: [612, 144]\nmargin_top: 200\nmargin_bottom: 200\n' >"$V/layouts/tiny.yaml"
build "$V"
check "a page with no room for text is a layout error (exit 2, got $rc)" test "$rc" -eq 2
check "the layout error names the layout file" grep -q "^$V/layouts/tiny.yaml:[0-9]*:[0-9]*: error: .*room" "$WORK/err"
printf 'page_size: [612, 300]\nheader_band: 200\n' >"$V/layouts/tiny.yaml"
build "$V"
check "a header band that leaves no room is a layout error (exit 2, got $rc)" test "$rc" -eq 2
printf 'page_size: [300, 400]\ncolumns: 2\nbody_size: 32\nmargin_left: 18\nmargin_right: 18\n' >"$V/layouts/tiny.yaml"
build "$V"
check "two 32 pt columns on a narrow page are a layout error (exit 2, got $rc)" test "$rc" -eq 2
# A block that cannot fit any page fails its handout instead of running off the page.
stage_clinic "$V"
{
  printf 'resources:\n  - name: Huge\n    description: "'
  for _ in $(seq 1 900); do printf 'word '; done
  printf '"\n'
} >"$V/content/en/a.resources.yaml"
build "$V"
check "a resource taller than a page fails its handout (exit 1, got $rc)" test "$rc" -eq 1
check "the failure names what did not fit" grep -q "error: 'Huge word word.*does not fit on a page" "$WORK/err"
check "no PDF for a handout that lost text" test ! -e "$V/out/en/a.pdf"

# --- 5. duplicate keys ---------------------------------------------------------------------
D=$WORK/dup
stage_clinic "$D"
printf '  phone: 555-0100\n  phone: 555-0199\n' >>"$D/h.yaml"
build "$D"
check "a duplicate key is a config error (exit 2, got $rc)" test "$rc" -eq 2
check "a duplicate key is named at the second with the first's line" \
  grep -qxF "$D/h.yaml:4:3: error: duplicate key 'phone' (first given at line 3)" "$WORK/err"
stage_clinic "$D"
printf -- '---\ntitle: One\ntitle: Two\n---\n\nText.\n' >"$D/content/en/a.md"
build "$D"
check "a duplicate front matter key fails the handout at its line" \
  grep -qxF "$D/content/en/a.md:3:1: error: duplicate key 'title' (first given at line 2)" "$WORK/err"

# --- 6. labels and dates are checked -------------------------------------------------------------
S=$WORK/strings
for pair in 'page_of: "Page {{n} of {total"|unbalanced' 'page_of: "Page {n}"|{total}' \
  'date: "{month} {unknown}, {year}"|{unknown}'; do
  stage_clinic "$S"
  key=${pair%%:*}
  grep -v "^$key:" "$S/content/en/strings.yaml" >"$S/s" && printf '%s\n' "${pair%|*}" >>"$S/s" &&
    mv "$S/s" "$S/content/en/strings.yaml"
  build "$S"
  check "bad label '${pair%|*}' fails (exit 1, got $rc)" test "$rc" -eq 1
  check "bad label '${pair%|*}' is explained at its line" \
    grep -q "strings.yaml:[0-9]*:[0-9]*: error: .*${pair#*|}" "$WORK/err"
done
stage_clinic "$S"
printf -- '---\ntitle: Date\nreviewed: 2026-02-30\n---\n\nText.\n' >"$S/content/en/a.md"
build "$S"
check "2026-02-30 is not a date" \
  grep -qxF "$S/content/en/a.md:3:11: error: 'reviewed' must be a real date written YYYY-MM-DD (got \
'2026-02-30')" "$WORK/err"

# --- 7. text in other encodings is refused; a byte-order mark is not ------------------------
U=$WORK/utf8
stage_clinic "$U"
bom=$'\xef\xbb\xbf'
# Notepad and Word's "save as text" start every file with a UTF-8 byte-order mark.
for f in "$U/h.yaml" "$U/content/en/a.md" "$U/content/en/strings.yaml"; do
  printf '%s' "$bom" | cat - "$f" >"$f.bom" && mv "$f.bom" "$f"
done
printf '%sresources:\n  - name: Byte Order Helpline\n' "$bom" >"$U/content/en/a.resources.yaml"
build "$U"
check "files with a byte-order mark build (exit $rc)" test "$rc" -eq 0
check "an article with a byte-order mark has its title and resources" \
  verify --pdf "$U/out/en/a.pdf" --joined --re 'A Test.*Byte Order Helpline'
check "a byte-order mark draws no message" test ! -s "$WORK/err"
rm -r "$U" && stage_clinic "$U"
printf -- '---\ntitle: Bytes\n---\n\nIt\x92s a \x93test\x94 \x96 and a \x00 NUL.\nMore \xe9.\n' >"$U/content/en/a.md"
printf -- '---\ntitle: Fine\n---\n\nText.\n' >"$U/content/en/b.md"
build "$U"
check "a Windows-1252 article fails its handout (exit 1, got $rc)" test "$rc" -eq 1
check "the first bad byte is named at its line and column, with the encoding and a count" grep -qxF \
  "$U/content/en/a.md:5:3: error: invalid UTF-8 (byte 0x92): the file looks like Windows-1252; save it as UTF-8 (5 \
more invalid bytes follow)" "$WORK/err"
check "once per file" test "$(grep -c 'a.md:.*error' "$WORK/err")" -eq 1
check "no PDF for it, nor a half-written one" test -z "$(find "$U/out" -name 'a.pdf*')"
check "the other handout is written" test -s "$U/out/en/b.pdf"
rm -r "$U/out"; printf -- '---\ntitle: Lost\n---\n\nA \xef\xbf\xbd lost letter.\n' >"$U/content/en/a.md"
build "$U"
check "a U+FFFD in an article fails its handout (exit 1, got $rc)" test "$rc" -eq 1
check "a U+FFFD is named at its place" grep -qF "$U/content/en/a.md:5:3: error: U+FFFD" "$WORK/err"
check "no PDF carries a U+FFFD" test -z "$(find "$U/out" -name 'a.pdf*')"
rm "$U/content/en/a.md"
printf '\xff\xfe' >"$U/content/en/a.resources.yaml"
printf 'resources:\n' | sed 's/./&\x00/g' >>"$U/content/en/a.resources.yaml"
printf -- '---\ntitle: Sixteen\n---\n\nText.\n' >"$U/content/en/a.md"
build "$U"
check "a UTF-16 resource list fails its handout (exit 1, got $rc)" test "$rc" -eq 1
check "a UTF-16 file is called UTF-16" \
  grep -qxF "$U/content/en/a.resources.yaml:1:1: error: invalid UTF-8 (byte 0xFF): the file is UTF-16 (\"Unicode\" in \
Notepad and Word); save it as UTF-8" "$WORK/err"
rm -r "$U" && stage_clinic "$U"
printf '  phone: "555\xff"\n' >>"$U/h.yaml"
build "$U"
check "invalid UTF-8 in the config is a config error (exit 2, got $rc)" test "$rc" -eq 2
check "invalid UTF-8 in YAML is reported at its place" \
  grep -qxF "$U/h.yaml:3:14: error: invalid UTF-8 (byte 0xFF): the file looks like Windows-1252 or Latin-1; save it \
as UTF-8" "$WORK/err"
check "a config error writes nothing" test ! -e "$U/out"

# --- 8. temporary files of killed runs are cleaned up ------------------------------------------------
T=$WORK/tmpfiles
stage_clinic "$T"
mkdir -p "$T/out/en" "$T/out/other"
# Left by runs killed an hour ago: nobody holds their lock.
touch -d '-1 hour' "$T/out/en/a.pdf.handout-tmp-999999999-AbC123" "$T/out/other/x.pdf.handout-tmp-999999999-AbC123" \
  "$T/out/en/notes.txt" "$T/out/en/keep.pdf.tmp-AbC123"
build "$T"
check "a stale temporary file in a folder the build writes is removed" \
  test ! -e "$T/out/en/a.pdf.handout-tmp-999999999-AbC123"
check "folders the build does not write are left alone" test -e "$T/out/other/x.pdf.handout-tmp-999999999-AbC123"
check "other files are left alone" test -e "$T/out/en/notes.txt" -a -e "$T/out/en/keep.pdf.tmp-AbC123"
for lang in es fr ru vi ko ar zh-Hans; do
  cp -r "$REPO/content/$lang" "$T/content/"
  cp "$T/content/en/a.md" "$T/content/$lang/"
done
printf 'languages: [en, es, fr, ru, vi, ko, ar, zh-Hans]\n' >>"$T/h.yaml"
for i in $(seq 1 20); do
  "$HANDOUT" build --config "$T/h.yaml" >/dev/null 2>&1 &
  pid=$!
  sleep "0.0$((RANDOM % 9 + 1))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
done
build "$T"
check "after 20 killed runs, a clean build leaves no temporary files" \
  test -z "$(find "$T/out/en" "$T/out/ko" -name '*handout-tmp*')"

# --- 9. clear, early errors ---------------------------------------------------------------------
E=$WORK/errors
stage_clinic "$E"; mkdir -p "$E/fonts"
head -c 200000 "$(fc-match -f "%{file}" "Noto Sans")" >"$E/fonts/HalfSans-Regular.ttf"
printf 'brand:\n  fonts:\n    body: Half Sans\n' >>"$E/h.yaml"
build "$E"
check "a font cut in half is a config error (exit 2, got $rc)" test "$rc" -eq 2
check "a font cut in half is named and explained" \
  grep -q "^$E/h.yaml:5:11: error: font '$E/fonts/HalfSans-Regular.ttf' is damaged: " "$WORK/err"
stage_clinic "$E"
{
  printf 'clinic:\n  name: X\nextra_resources: '
  for _ in $(seq 1 3000); do printf '['; done
  printf '\n'
} >"$E/h.yaml"
build "$E"
check "deeply nested YAML is a config error (exit 2, got $rc)" test "$rc" -eq 2
check "deeply nested YAML says so" grep -q "error: YAML nested more than .* levels deep" "$WORK/err"
printf 'clinc:\n  name: X\n' >"$E/h.yaml"
build "$E"
check "a misspelt top-level key is named with a suggestion" \
  grep -qxF "$E/h.yaml:1:1: error: unknown key 'clinc' in config (did you mean 'clinic'?)" "$WORK/err"
check "a misspelt top-level key is not also reported missing" \
  test -z "$(grep "missing required key 'clinic'" "$WORK/err")"

# --- 10. limits ------------------------------------------------------------------------------
M=$WORK/limits
stage_clinic "$M"
{
  printf 'resources:\n'
  for i in $(seq 1 40000); do
    printf '  - name: "Organisation number %d with a long name"\n    website: https://org%d.example\n' "$i" "$i"
  done
} >"$M/content/en/a.resources.yaml"
start=$(date +%s%N); build "$M"; ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "an oversized resource list fails its handout (exit 1, got $rc)" test "$rc" -eq 1
check "an oversized file is named with the limit" \
  grep -q "a.resources.yaml: error: file is .* MB, over the limit of 2 MB (raise limits.input_megabytes)" "$WORK/err"
[ -n "${HANDOUT_SANITIZED:-}" ] || check "an oversized file fails fast (took $ms ms)" test "$ms" -lt 5000
head -c 400000 "$M/content/en/a.resources.yaml" | head -n -2 >"$M/r" && mv "$M/r" "$M/content/en/a.resources.yaml"
build "$M"
check "a handout over the page limit fails (exit 1, got $rc)" test "$rc" -eq 1
check "the page limit is named" grep -q "error: .* pages, over the limit of 60 pages (raise limits.pages)" "$WORK/err"
printf 'limits:\n  pages: 2000\n  input_megabytes: 64\n' >>"$M/h.yaml"
build "$M"
check "limits can be raised in the config (exit $rc)" test "$rc" -eq 0

check_every_pdf "$WORK"
finish
