#!/usr/bin/env bash
# End-to-end: incremental builds. A second build skips every handout whose inputs and PDF are
# unchanged; changing each kind of input once rebuilds exactly the handouts that read it;
# --force rebuilds all; PDFs that belong to no handout are reported, and removed by --prune;
# nothing but the manifest is kept. (tests/e2e/trust.sh: what must never be called up to date.)
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
check "the report says 'up to date'" verify --report "$WORK/r.json" 'up to date' 18
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
  verify --pdf "$C/out/fr/vaginismus.pdf" --has 'Nous joindre'
printf '# a comment\n' >>"$C/handout.yaml"
check "the config changed: all 18" test "$(rebuild | wc -w)" -eq 18
printf '# a comment\n' >>"$C/layouts/letter.yaml"
check "the layout changed: all 18" test "$(rebuild | wc -w)" -eq 18
cp /usr/share/fonts/truetype/noto/NotoSansThai-Bold.ttf "$C/fonts/NotoSansThai-Regular.ttf"
got=$(rebuild)
# Thai, and Amharic: its Ethiopic letters are looked for in each fallback family in turn (Arabic,
# Devanagari, Bengali, Thai, then Ethiopic), so a Thai font that gained them would change it.
check "a font file changed (the clinic's Thai font): the handouts that looked at it, Thai and Amharic (got: $got)" \
  test "$got" = "am th"
# A clinic's own file that shadows a shipped one: the shipped French labels are used while the
# clinic has none; when it writes its own, the French handout is built again.
mv "$C/content/fr/strings.yaml" "$WORK/fr-strings.yaml"
check "the clinic's French labels removed: the shipped ones, only French rebuilt" test "$(rebuild)" = "fr"
check "... and then up to date" test -z "$(rebuild)"
cp "$WORK/fr-strings.yaml" "$C/content/fr/strings.yaml"
check "the clinic's own French labels appear again: only French rebuilt" test "$(rebuild)" = "fr"
printf 'notices: [language_assistance]\n' >>"$C/handout.yaml"
rebuild >/dev/null
sed -i 's/^language_assistance: .*/language_assistance: "Ask us for help in French: {phone}."/' \
  "$C/content/fr/strings.yaml"
check "with the notice, a tagline changed: every handout (each quotes it)" test "$(rebuild | wc -w)" -eq 18
# The taglines are read only when a handout is built: up to date, English opens one strings file.
# Files changed less than 3 seconds before a build are read again by the next (their stamps
# could hide a change made in the same clock tick) and then recorded as trusted: wait that out.
# (LeakSanitizer cannot run under ptrace: a sanitized build checks leaks everywhere else.)
sleep 3.2
rebuild >/dev/null
check "a run after files settled has nothing to build" test -z "$(rebuild)"
traced() {  # traced CALLS OUT ARGS...: handout build under strace, the calls traced into OUT
  local calls=$1 out=$2
  shift 2
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -e trace="$calls" -o "$out" "$HANDOUT" build "$@"
}
traced open,openat "$WORK/trace" --config "$C/handout.yaml" --lang en >"$WORK/log" 2>&1
check "with the notice, an up-to-date English run reads its own strings file only" \
  verify --file "$WORK/log" --line '0 handouts written, 1 up to date, 0 failed' \
  --file "$WORK/trace" --only-match '[^"]*strings.yaml' "$C/content/en/strings.yaml"
# The fallback chain tries the shipped languages' scripts first: the notice's 18 taglines open
# only the fonts they are drawn with.
traced open,openat "$WORK/trace" --config "$C/handout.yaml" --lang en --force >"$WORK/log" 2>&1
check "the notice opens no font it does not draw with" verify --file "$WORK/trace" --has NotoSansEthiopic \
  --no-re 'NotoSans(Hebrew|Gurmukhi|Gujarati|Tamil|Lao|Khmer|Myanmar)[^"]*'
# The manifest is not synced (a record lost in a crash only costs a rebuild; a PDF lost is
# noticed by its record): a first build into a new folder syncs its one PDF, nothing else.
traced fsync "$WORK/sync" --config "$C/handout.yaml" --out "$WORK/fresh" --lang en >/dev/null 2>&1
check "a first build syncs its PDF only" \
  verify --file "$WORK/sync" --lines 'fsync\(' 1 --nonempty "$WORK/fresh/.handout-manifest"
check "nothing is kept in the output folder but the handouts and the manifest" \
  test "$(cd "$WORK/fresh" && find . -mindepth 1 | sort | tr '\n' ' ')" = \
  "./.handout-manifest ./en ./en/vaginismus.pdf "
# A config with a warning is warned about on every run.
cp "$C/handout.yaml" "$WORK/handout.yaml"
sed -i 's#^  website: https://willowcreek.example$#  website: javascript:alert(1)#' "$C/handout.yaml"
rebuild >/dev/null
check "an unsafe website is warned about" grep -q "warning: link target 'javascript:alert(1)'" "$WORK/err"
rebuild >/dev/null
check "... again on the next run" grep -q "warning: link target 'javascript:alert(1)'" "$WORK/err"
cp "$WORK/handout.yaml" "$C/handout.yaml"
sed -i '/^notices:/d' "$C/handout.yaml"
rebuild >/dev/null
cp /usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf "$C/fonts/NotoSansLao-Regular.ttf"
check "a font file added to the clinic's fonts folder for a script no handout draws: nothing rebuilt" \
  test -z "$(rebuild)"
cp /usr/share/fonts/truetype/noto/NotoSansArabic-{Regular,Bold}.ttf "$C/fonts/"
got=$(rebuild)
check "the clinic's own copy of the Arabic font: the handouts drawn with it or that tried it first (got: $got)" \
  test "$got" = "am ar bn fa hi th"
verify png-comment "$C/assets/logo.png"  # a different file, the same picture
check "the logo changed: all 18" test "$(rebuild | wc -w)" -eq 18
sed -i 's/^settings version .*/settings version 9.9.9/' "$C/out/.handout-manifest"
check "a manifest altered by hand (its checksums no longer match): all 18" test "$(rebuild | wc -w)" -eq 18
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
check "a --lang build reports no stale PDF (it builds a part)" verify --file "$WORK/err" --lacks stale
rebuild >/dev/null
check "a whole build reports each stale PDF" verify --file "$WORK/err" \
  --has "$C/out/en/old-article.pdf: warning: stale: it belongs to no handout of this build (--prune removes it)" \
  --has "$C/out/de/vaginismus.pdf: warning: stale"
check "... and keeps them" verify --exists "$C/out/en/old-article.pdf" --exists "$C/out/de/vaginismus.pdf"
check "... exit 0" grep -qx 0 "$WORK/rc"
rebuild --prune >/dev/null
check "--prune removes them, saying so" verify --file "$WORK/err" --has "$C/out/en/old-article.pdf: note: removed" \
  --absent "$C/out/en/old-article.pdf" --absent "$C/out/de/vaginismus.pdf"
check "--prune keeps every handout of the build" test "$(find "$C/out" -name '*.pdf' | wc -l)" -eq 18
check "--prune touches nothing else" test -f "$C/out/.handout-manifest"
printf '%s\n' 'handout-manifest 3' 'pdf en/vaginismus.pdf' 'layout letter' \
  'in f 1 2 3 4 5 0123456789abcdef 1 /dev/zero' 'end 0000000000000000' >>"$C/out/.handout-manifest"
timeout 60 "$HANDOUT" build --config "$C/handout.yaml" --lang en >"$WORK/log" 2>&1
check "a block with a bad checksum naming /dev/zero appended: ignored, no hang (exit $?)" \
  grep -q '1 up to date' "$WORK/log"

# A damaged or hostile manifest: never a crash or a hang; its handouts are simply built again.
printf '%s\n' 'handout-manifest 2' 'pdf zz notanumber x y en/vaginismus.pdf' 'in qq 1 2 /etc/passwd' \
  >"$C/out/.handout-manifest"
timeout 60 "$HANDOUT" build --config "$C/handout.yaml" --lang en >"$WORK/log" 2>&1
check "a garbled manifest: exit 0, the handout rebuilt" verify --rc $? 0 --file "$WORK/log" --re '^wrote '
printf '%s\n' 'handout-manifest 2' 'pdf 0123456789abcdef 4 0.1.0 letter en/vaginismus.pdf' \
  'in 0123456789abcdef 1 1 /dev/zero' >"$C/out/.handout-manifest"
timeout 60 "$HANDOUT" build --config "$C/handout.yaml" --lang en >"$WORK/log" 2>&1
check "a manifest naming /dev/zero as an input: no hang, the handout rebuilt" \
  verify --rc $? 0 --file "$WORK/log" --re '^wrote '
echo precious >"$WORK/precious.pdf"
printf 'handout-manifest 2\npdf 0123456789abcdef 4 0.1.0 letter ../../precious.pdf\n' >"$C/out/.handout-manifest"
"$HANDOUT" build --config "$C/handout.yaml" --prune >/dev/null 2>&1
check "a manifest naming a file outside the output folder: --prune leaves it alone" test -f "$WORK/precious.pdf"
mkdir -p "$WORK/elsewhere" && echo precious >"$WORK/elsewhere/x.pdf"
ln -s "$WORK/elsewhere" "$C/out/nl"
"$HANDOUT" build --config "$C/handout.yaml" --prune >/dev/null 2>&1
check "a symbolic link in the output folder: --prune does not follow it" test -f "$WORK/elsewhere/x.pdf"
rm "$C/out/nl"
head -c 5000 /dev/urandom >"$C/out/.handout-manifest"
timeout 60 "$HANDOUT" build --config "$C/handout.yaml" --lang en >"$WORK/log" 2>&1
check "random bytes as the manifest: ignored, the handout rebuilt (exit 0)" \
  verify --rc $? 0 --file "$WORK/log" --re '^wrote '

finish
