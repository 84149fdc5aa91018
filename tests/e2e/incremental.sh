#!/usr/bin/env bash
# End-to-end: incremental builds. A second build skips every handout whose inputs and PDF are
# unchanged; changing each kind of input once rebuilds exactly the handouts that read it;
# --force rebuilds all; PDFs that belong to no handout are reported, and removed by --prune.
# Usage: incremental.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"

# A clinic of its own, with its own layout (the clinic's folder is searched first).
C=$WORK/clinic
mkdir -p "$C/layouts" "$C/fonts"
cp /usr/share/fonts/truetype/noto/NotoSansThai-*.ttf "$C/fonts/"  # the clinic's own Thai font
cp -r "$REPO/content" "$REPO/assets" "$REPO/handout.yaml" "$C/"
cp "$REPO/layouts/letter.yaml" "$C/layouts/"
# Without the language-assistance notice, whose taglines come from every language's strings
# (and fonts): then each language's strings and fonts are its own handout's alone.
sed -i '/^notices:/d' "$C/handout.yaml"

# rebuild: a build of the clinic; prints the languages it wrote, sorted, on one line.
rebuild() {
  "$HANDOUT" build --config "$C/handout.yaml" "$@" >"$WORK/log" 2>"$WORK/err"
  echo $? >"$WORK/rc"
  sed -n 's#^wrote .*/out/\([^/]*\)/vaginismus.pdf .*#\1#p' "$WORK/log" | sort | tr '\n' ' ' | sed 's/ $//'
}

check "the first build writes all 18" test "$(rebuild | wc -w)" -eq 18
check "a second build writes nothing" test -z "$(rebuild)"
check "... and says all 18 are up to date" grep -qx "0 handouts written, 18 up to date, 0 failed" "$WORK/log"
check "... a line each" test "$(grep -c '^up to date .*/out/.*/vaginismus.pdf$' "$WORK/log")" -eq 18
"$HANDOUT" build --config "$C/handout.yaml" --report "$WORK/r.json" >/dev/null 2>&1
check "the report says 'up to date'" sh -c "'$PYTHON' -c \"import json; d=json.load(open('$WORK/r.json')); assert {h['status'] for h in d['handouts']} == {'up to date'} and d['totals']['up_to_date'] == 18 and all(h['pages'] and h['bytes'] for h in d['handouts'])\""
touch "$C/content/en/vaginismus.md" "$C/handout.yaml"
check "a file touched but not changed rebuilds nothing (content hashes)" test -z "$(rebuild)"

# Each kind of input, changed once.
printf '\nOne more sentence.\n' >>"$C/content/en/vaginismus.md"
check "the article changed: only its handout" test "$(rebuild)" = "en"
sed -i 's/^    description: \(.*\)/    description: \1 (updated)/' "$C/content/es/vaginismus.resources.yaml"
check "a resource list changed: only its handout" test "$(rebuild)" = "es"
sed -i 's/^contact_us: .*/contact_us: Nous joindre/' "$C/content/fr/strings.yaml"
check "a strings file changed: only its language" test "$(rebuild)" = "fr"
check "... and the French handout prints the new label (strings are parsed again when their bytes change)" \
  sh -c "pdftotext '$C/out/fr/vaginismus.pdf' - | grep -q 'Nous joindre'"
printf '# a comment\n' >>"$C/handout.yaml"
check "the config changed: all 18" test "$(rebuild | wc -w)" -eq 18
printf '# a comment\n' >>"$C/layouts/letter.yaml"
check "the layout changed: all 18" test "$(rebuild | wc -w)" -eq 18
cp /usr/share/fonts/truetype/noto/NotoSansThai-Bold.ttf "$C/fonts/NotoSansThai-Regular.ttf"
check "a font file changed (the clinic's Thai font): only the Thai handout, drawn with it" test "$(rebuild)" = "th"
# A clinic's own file that shadows a shipped one: the shipped French labels are used while the
# clinic has none; when it writes its own, the French handout is built again.
mv "$C/content/fr/strings.yaml" "$WORK/fr-strings.yaml"
check "the clinic's French labels removed: the shipped ones, only French rebuilt" test "$(rebuild)" = "fr"
check "... and then up to date" test -z "$(rebuild)"
cp "$WORK/fr-strings.yaml" "$C/content/fr/strings.yaml"
check "the clinic's own French labels appear again: only French rebuilt" test "$(rebuild)" = "fr"
printf 'notices: [language_assistance]\n' >>"$C/handout.yaml"
rebuild >/dev/null
sed -i 's/^language_assistance: .*/language_assistance: "Ask us for help in French: {phone}."/' "$C/content/fr/strings.yaml"
check "with the notice, a tagline changed: every handout (each quotes it)" test "$(rebuild | wc -w)" -eq 18
# The taglines are read only when a handout is built: up to date, English opens one strings file.
# (LeakSanitizer cannot run under ptrace: a sanitized build checks leaks everywhere else.)
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -e trace=open,openat -o "$WORK/trace" "$HANDOUT" build --config "$C/handout.yaml" --lang en >"$WORK/log" 2>&1
check "with the notice, an up-to-date English run reads its own strings file only: $(grep -o '[^"]*strings.yaml' "$WORK/trace" | sort -u | tr '\n' ' ')" \
  sh -c "grep -qx '0 handouts written, 1 up to date, 0 failed' '$WORK/log' && test \"\$(grep -o '[^\"]*strings.yaml' '$WORK/trace' | sort -u)\" = '$C/content/en/strings.yaml'"
# The fallback chain tries the shipped languages' scripts first: the notice's 18 taglines open
# only the fonts they are drawn with.
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -e trace=open,openat -o "$WORK/trace" "$HANDOUT" build --config "$C/handout.yaml" --lang en --force >"$WORK/log" 2>&1
check "the notice opens no font it does not draw with: $(grep -o 'NotoSans\(Hebrew\|Gurmukhi\|Gujarati\|Tamil\|Lao\|Khmer\|Myanmar\)[^"]*' "$WORK/trace" | sort -u | tr '\n' ' ')" \
  sh -c "grep -q NotoSansEthiopic '$WORK/trace' && ! grep -q 'NotoSans\(Hebrew\|Gurmukhi\|Gujarati\|Tamil\|Lao\|Khmer\|Myanmar\)' '$WORK/trace'"
# Parsed strings files are kept in the output folder: a forced build that reads them from there
# writes the same bytes as one that parses every file again.
"$HANDOUT" build --config "$C/handout.yaml" --force >/dev/null 2>&1
check "the output folder keeps the parsed strings files" test -s "$C/out/.handout-cache/strings"
mkdir -p "$WORK/kept" && cp -r "$C/out/." "$WORK/kept/"
rm "$C/out/.handout-cache/strings"
"$HANDOUT" build --config "$C/handout.yaml" --force >/dev/null 2>&1
check "a forced build from kept strings writes the same 18 PDFs, byte for byte, as one without" \
  sh -c "for f in '$C'/out/*/vaginismus.pdf; do cmp -s \"\$f\" '$WORK/kept/'\"\${f#$C/out/}\" || exit 1; done"
# What each handout asked of its fonts is kept too (.handout-cache/fonts/<lang>/<article>: runs
# shaped, subsets made): a forced build from it writes the same bytes as one that shapes and
# subsets everything anew, and leaves an unchanged memo alone; a damaged memo is ignored.
same_as_kept() { for f in "$C"/out/*/vaginismus.pdf; do cmp -s "$f" "$WORK/kept/${f#$C/out/}" || return 1; done; }
check "the output folder keeps each handout's font memo" test -s "$C/out/.handout-cache/fonts/th/vaginismus"
rm -rf "$C/out/.handout-cache/fonts"
"$HANDOUT" build --config "$C/handout.yaml" --force >/dev/null 2>&1
check "a forced build shaping and subsetting anew writes the same 18 PDFs as one from kept memos" same_as_kept
touch -d @1700000000 "$C/out/.handout-cache/fonts/ar/vaginismus"
"$HANDOUT" build --config "$C/handout.yaml" --force >/dev/null 2>&1
check "a forced build from unchanged text leaves its font memo as it was" \
  test "$(stat -c %Y "$C/out/.handout-cache/fonts/ar/vaginismus")" = 1700000000
printf 'x' | dd of="$C/out/.handout-cache/fonts/ar/vaginismus" bs=1 seek=200 conv=notrunc 2>/dev/null
"$HANDOUT" build --config "$C/handout.yaml" --force >/dev/null 2>&1
check "a damaged font memo is ignored (and written again)" \
  sh -c "test \"\$(stat -c %Y '$C/out/.handout-cache/fonts/ar/vaginismus')\" != 1700000000"
check "... and the same 18 PDFs, byte for byte" same_as_kept
# Caches are not synced to disk (one cut short by a crash fails its checksum and is ignored):
# a first build into a new folder syncs its PDF and its manifest, and nothing else.
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -e trace=fsync -o "$WORK/sync" \
  "$HANDOUT" build --config "$C/handout.yaml" --out "$WORK/fresh" --lang en >/dev/null 2>&1
check "a first build syncs its PDF and manifest only, not the caches it writes ($(grep -c 'fsync(' "$WORK/sync") fsyncs)" \
  sh -c "test \"\$(grep -c 'fsync(' '$WORK/sync')\" -eq 2 && test -s '$WORK/fresh/.handout-cache/config'"
# A handout's font memo is written from its second build on (a catalogue's first build pays nothing for it).
check "a first build writes no font memo" test ! -e "$WORK/fresh/.handout-cache/fonts"
"$HANDOUT" build --config "$C/handout.yaml" --out "$WORK/fresh" --lang en --force >/dev/null 2>&1
check "... its second build does" test -s "$WORK/fresh/.handout-cache/fonts/en/vaginismus"
# The config is kept parsed too (.handout-cache/config), found through the config's own
# `output:` (this clinic builds without --out): a forced build from it writes the same bytes as
# one that parses it; a config with a warning is parsed, and warned about, on every run.
check "the output folder keeps the parsed config" test -s "$C/out/.handout-cache/config"
rm "$C/out/.handout-cache/config"
"$HANDOUT" build --config "$C/handout.yaml" --force >/dev/null 2>&1
check "a forced build parsing the config writes the same 18 PDFs as one from the kept config" same_as_kept
cp "$C/handout.yaml" "$WORK/handout.yaml"
sed -i 's#^  website: https://willowcreek.example$#  website: javascript:alert(1)#' "$C/handout.yaml"
rebuild >/dev/null
check "an unsafe website is warned about" grep -q "warning: link target 'javascript:alert(1)'" "$WORK/err"
rebuild >/dev/null
check "... again on the next run (a config with a message is never kept)" grep -q "warning: link target 'javascript:alert(1)'" "$WORK/err"
cp "$WORK/handout.yaml" "$C/handout.yaml"
sed -i '/^notices:/d' "$C/handout.yaml"
rebuild >/dev/null
cp /usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf "$C/fonts/NotoSansLao-Regular.ttf"
check "a font file added to the clinic's fonts folder: all 18 (it may change any fallback)" \
  test "$(rebuild | wc -w)" -eq 18
"$PYTHON" -c "
import zlib, struct, sys
png = open('$C/assets/logo.png', 'rb').read()
# append a harmless ancillary chunk: a different file, the same picture
chunk = b'tEXt' + b'Comment\x00changed'
png = png[:-12] + struct.pack('>I', len(chunk) - 4) + chunk + struct.pack('>I', zlib.crc32(chunk)) + png[-12:]
open('$C/assets/logo.png', 'wb').write(png)
"
check "the logo changed: all 18" test "$(rebuild | wc -w)" -eq 18
sed -i 's/^\(pdf [0-9a-f]* [0-9]* \)[^ ]*/\19.9.9/' "$C/out/.handout-manifest"
check "another version of handout wrote them: all 18" test "$(rebuild | wc -w)" -eq 18
rm "$C/out/ru/vaginismus.pdf"
printf 'x' >>"$C/out/vi/vaginismus.pdf"
check "a PDF removed or changed: just those" test "$(rebuild)" = "ru vi"
check "--force rebuilds all" test "$(rebuild --force | wc -w)" -eq 18
check "--debug-layout asked for the first time: all (their dumps are missing)" \
  test "$(rebuild --debug-layout | wc -w)" -eq 18
check "--debug-layout again: nothing" test -z "$(rebuild --debug-layout)"

# Stale PDFs: reported, kept, and removed only with --prune; never by a partial build.
cp "$C/out/en/vaginismus.pdf" "$C/out/en/old-article.pdf"
mkdir -p "$C/out/de" && cp "$C/out/en/vaginismus.pdf" "$C/out/de/vaginismus.pdf"
rebuild --lang en >/dev/null
check "a --lang build reports no stale PDF (it builds a part)" sh -c "! grep -q stale '$WORK/err'"
rebuild >/dev/null
check "a whole build reports each stale PDF" \
  sh -c "grep -qF '$C/out/en/old-article.pdf: warning: stale: it belongs to no handout of this build (--prune removes it)' '$WORK/err' && grep -qF '$C/out/de/vaginismus.pdf: warning: stale' '$WORK/err'"
check "... and keeps them" sh -c "test -f '$C/out/en/old-article.pdf' && test -f '$C/out/de/vaginismus.pdf'"
check "... exit 0" grep -qx 0 "$WORK/rc"
rebuild --prune >/dev/null
check "--prune removes them, saying so" \
  sh -c "grep -qF '$C/out/en/old-article.pdf: note: removed' '$WORK/err' && test ! -e '$C/out/en/old-article.pdf' && test ! -e '$C/out/de/vaginismus.pdf'"
check "--prune keeps every handout of the build" test "$(find "$C/out" -name '*.pdf' | wc -l)" -eq 18
check "--prune touches nothing else" sh -c "test -f '$C/out/.handout-manifest'"

# A damaged or hostile manifest: never a crash or a hang; its handouts are simply built again.
printf 'handout-manifest 2\npdf zz notanumber x y en/vaginismus.pdf\nin qq 1 2 /etc/passwd\n' >"$C/out/.handout-manifest"
timeout 60 "$HANDOUT" build --config "$C/handout.yaml" --lang en >"$WORK/log" 2>&1
check "a garbled manifest: exit 0, the handout rebuilt" sh -c "test $? -eq 0 && grep -q '^wrote ' '$WORK/log'"
printf 'handout-manifest 2\npdf 0123456789abcdef 4 0.1.0 letter en/vaginismus.pdf\nin 0123456789abcdef 1 1 /dev/zero\n' \
  >"$C/out/.handout-manifest"
timeout 60 "$HANDOUT" build --config "$C/handout.yaml" --lang en >"$WORK/log" 2>&1
check "a manifest naming /dev/zero as an input: no hang, the handout rebuilt" \
  sh -c "test $? -eq 0 && grep -q '^wrote ' '$WORK/log'"
echo precious >"$WORK/precious.pdf"
printf 'handout-manifest 2\npdf 0123456789abcdef 4 0.1.0 letter ../../precious.pdf\n' >"$C/out/.handout-manifest"
"$HANDOUT" build --config "$C/handout.yaml" --prune >/dev/null 2>&1
check "a manifest naming a file outside the output folder: --prune leaves it alone" test -f "$WORK/precious.pdf"
mkdir -p "$WORK/elsewhere" && echo precious >"$WORK/elsewhere/x.pdf"
ln -s "$WORK/elsewhere" "$C/out/nl"
"$HANDOUT" build --config "$C/handout.yaml" --prune >/dev/null 2>&1
check "a symbolic link in the output folder: --prune does not follow it" test -f "$WORK/elsewhere/x.pdf"
rm "$C/out/nl"
head -c 5000 /dev/urandom >"$C/out/.handout-manifest.shard-1-of-2"
timeout 60 "$HANDOUT" build --config "$C/handout.yaml" --lang en >"$WORK/log" 2>&1
check "random bytes in a shard's manifest: ignored (exit 0)" test $? -eq 0

# The image cache: the logo decoded and deflated once, kept in the output folder; a build that
# uses it writes the same bytes as one that made it; a damaged entry is made again; `handout
# check` writes nothing.
rm -rf "$C/out/.handout-cache"
"$HANDOUT" build --config "$C/handout.yaml" --lang en --force >/dev/null 2>&1
kept=$(find "$C/out/.handout-cache/images" -name '*.img' 2>/dev/null)
check "a build keeps the decoded logo in <out>/.handout-cache/images" test "$(printf '%s\n' "$kept" | grep -c '\.img$')" -eq 1
cp "$C/out/en/vaginismus.pdf" "$WORK/made.pdf"
"$HANDOUT" build --config "$C/handout.yaml" --lang en --force >/dev/null 2>&1
check "a build from the kept logo writes the same bytes" cmp "$WORK/made.pdf" "$C/out/en/vaginismus.pdf"
printf 'handout-image 1\n256 256 3 4 0 0000000000000000\nabcd' >"$kept"
"$HANDOUT" build --config "$C/handout.yaml" --lang en --force >/dev/null 2>&1
check "a damaged entry is not used: same bytes again" cmp "$WORK/made.pdf" "$C/out/en/vaginismus.pdf"
check "... and it is made again" sh -c "test \$(stat -c %s '$kept') -gt 1000"
rm -rf "$C/out/.handout-cache"
(cd "$C" && "$HANDOUT" check --config handout.yaml --lang en >/dev/null 2>&1)
check "handout check keeps no image" test ! -e "$C/out/.handout-cache"

finish
