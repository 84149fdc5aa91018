#!/usr/bin/env bash
# End-to-end: trustworthy builds. A handout always shows what its inputs say at the time of the
# build, whatever changed since the last one (another clinic, another config, an edit during a
# build, a file changed with its size and time restored, a font, the binary, fontconfig, a
# translation that appears) and however the build was split (--lang, --shard, kill -9); nothing
# about a patient is kept anywhere but their own copy; the tool never follows a link out of its
# folders, never hangs on a special file, and a failed build leaves no state behind.
# Usage: trust.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"  # leaks are checked by every other suite

# shows PDF TEXT: the PDF's text holds TEXT (lines joined).
shows() { verify --pdf "$1" --joined --has "$2"; }
# hb ARGS...: runs handout; stdout in $WORK/log, stderr in $WORK/err, exit code in $rc.
hb() {
  timeout 120 "$HANDOUT" "$@" >"$WORK/log" 2>"$WORK/err"
  rc=$?
  if [ "$rc" -ge 124 ]; then fail "handout crashed or hung (exit $rc) on: $*: $(tail -3 "$WORK/err")"; fi
}
written() { sed -n 's/^\([0-9]*\) handouts\? written.*/\1/p' "$WORK/log" | tail -1; }
# clinic DIR NAME PHONE [LANGS]: a small clinic: its config, English labels, one article.
clinic() {
  local d=$1
  mkdir -p "$d/content/en" "$d/layouts"
  cp "$REPO/content/en/strings.yaml" "$d/content/en/"
  cp "$REPO/layouts/letter.yaml" "$d/layouts/"
  printf 'clinic:\n  name: %s\n  phone: "%s"\nlanguages: [%s]\nlayout: letter\n' "$2" "$3" "${4:-en}" >"$d/handout.yaml"
  printf -- '%s\n' --- 'title: Pelvic Floor Basics' 'summary: What the pelvic floor does.' --- '' \
    'The pelvic floor holds the organs in place.' >"$d/content/en/floor.md"
}

# --- 1. another clinic, another config, same output folder ----------------------------------------
clinic "$WORK/alder" "Alder Clinic" "(503) 555-0101"
clinic "$WORK/birch" "Birch Clinic" "(503) 555-0202"
O=$WORK/shared-out
hb build --config "$WORK/alder/handout.yaml" --out "$O"
hb build --config "$WORK/birch/handout.yaml" --out "$O"
check "another clinic's folder built into the same output: rebuilt (written: $(written))" test "$(written)" = 1
check "... the handout shows the second clinic's name and phone" \
  verify --pdf "$O/en/floor.pdf" --has 'Birch Clinic' --has 555-0202
check "... and not the first's" verify --pdf "$O/en/floor.pdf" --no-re 'Alder|555-0101'
hb build --config "$WORK/alder/handout.yaml" --out "$O"
check "back to the first clinic: its name again" shows "$O/en/floor.pdf" "Alder Clinic"
sed 's/Alder Clinic/Cedar Clinic/; s/555-0101/555-0303/' "$WORK/alder/handout.yaml" >"$WORK/alder/cedar.yaml"
hb build --config "$WORK/alder/cedar.yaml" --out "$O"
check "--config b.yaml after a.yaml, one folder: rebuilt with b's name and phone" \
  verify --pdf "$O/en/floor.pdf" --has 'Cedar Clinic' --has 555-0303
hb build --config "$WORK/alder/cedar.yaml" --out "$O"
check "... and then up to date" test "$(written)" = 0

# --- 2. a file edited during a build ----------------------------------------------------------------
C=$WORK/clinic
mkdir -p "$C"
cp -r "$REPO/content" "$REPO/assets" "$REPO/handout.yaml" "$C/"
sed -i 's/^layout: .*/layout: [letter, a4, large-print, two-column]/' "$C/handout.yaml"
all_show() { verify --each-pdf "$C"/out/*/*.pdf -- --joined --has "$1"; }  # every PDF under $C/out
hb build --config "$C/handout.yaml" --jobs 2
check "the catalogue builds (72 handouts): $(tail -2 "$WORK/err")" test "$(written)" = 72
start=$(date +%s%N)
hb build --config "$C/handout.yaml" --jobs 2 --force
ms=$((($(date +%s%N) - start) / 1000000))
timeout 120 "$HANDOUT" build --config "$C/handout.yaml" --jobs 2 --force >"$WORK/bg.log" 2>&1 &
bg=$!
sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.2f", ms * 0.4 / 1000 }')"
sed -i 's/(503) 555-0142/(503) 555-0199/' "$C/handout.yaml"
wait "$bg"
hb build --config "$C/handout.yaml" --jobs 2
check "the phone edited 40% into a ${ms} ms build: the next build rebuilds what shows the old one" all_show "555-0199"
hb build --config "$C/handout.yaml" --jobs 2
check "... then all up to date" test "$(written)" = 0

# handout watch: a layout change while the build for a config change runs (72 handouts take
# about a second) is built too: the PDFs end up showing both.
mkdir -p "$C/layouts" && cp "$REPO/layouts/letter.yaml" "$C/layouts/"
hb build --config "$C/handout.yaml" --jobs 2
(cd "$C" && exec timeout 90 "$HANDOUT" watch --config handout.yaml --jobs 2 >"$WORK/watch.log" 2>&1) &
watcher=$!
waited=0
until grep -q '^watching' "$WORK/watch.log" 2>/dev/null || [ "$waited" -ge 300 ]; do
  sleep 0.1
  waited=$((waited + 1))
done
sed -i 's/(503) 555-0199/(503) 555-0188/' "$C/handout.yaml"
sleep 0.6
sed -i 's/^page_size: letter/page_size: a4/' "$C/layouts/letter.yaml"
both() {
  verify --pdf "$C/out/ar/vaginismus.pdf" --joined --has 555-0188 \
    --run pdfinfo "$C/out/ar/vaginismus.pdf" -- --re 'Page size: *595'
}
waited=0
until both || [ "$waited" -ge 60 ]; do sleep 0.5; waited=$((waited + 1)); done
check "watch: a layout change 0.6 s after a config change, during its build: the PDFs show both" both
kill -INT "$watcher" 2>/dev/null
wait "$watcher" 2>/dev/null
sed -i 's/^page_size: a4/page_size: letter/' "$C/layouts/letter.yaml"
sed -i 's/(503) 555-0188/(503) 555-0199/' "$C/handout.yaml"
hb build --config "$C/handout.yaml" --jobs 2

# --- 3. shards: a stable split, whatever the inputs do between shards -------------------------------
sed -i 's/(503) 555-0199/(503) 555-0177/' "$C/handout.yaml"
hb build --config "$C/handout.yaml" --shard 1/2
first=$(written)
printf '\n%s\n' "$(printf 'A much longer article now. %.0s' $(seq 1 400))" >>"$C/content/en/vaginismus.md"
hb build --config "$C/handout.yaml" --shard 2/2
check "shard 1/2 and 2/2, an article grown between them: every handout shows the new phone" all_show "555-0177"
check "... the two shards wrote each handout once ($first + $(written))" test "$((first + $(written)))" = 72
hb build --config "$C/handout.yaml"
check "... then a whole build rebuilds only what shard 1 made from the article before it grew (written: $(written))" \
  test "$(written)" -le 4
check "... from the article as it is now" shows "$C/out/en/vaginismus.pdf" "A much longer article now"

# --- 8. no needless rebuilds --------------------------------------------------------------------------
hb build --config "$C/handout.yaml"
check "after both shards, a whole build has nothing to do (written: $(written))" test "$(written)" = 0
check "... one manifest, no shard files left" test -z "$(find "$C/out" -maxdepth 1 -name '.handout-manifest.*')"
printf '\nOne more sentence.\n' >>"$C/content/es/vaginismus.md"
hb build --config "$C/handout.yaml" --lang en
hb build --config "$C/handout.yaml"
check "a --lang en build, then a whole build: only what changed, Spanish (written: $(written))" test "$(written)" = 4
sed -i 's/(503) 555-0177/(503) 555-0166/' "$C/handout.yaml"
timeout 120 "$HANDOUT" build --config "$C/handout.yaml" --jobs 1 >"$WORK/bg.log" 2>&1 &
bg=$!
sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.2f", ms * 1.0 / 1000 }')"
kill -9 "$bg" 2>/dev/null
wait "$bg" 2>/dev/null
done_before=$(verify showing 555-0166 "$C"/out/*/*.pdf | wc -l)
hb build --config "$C/handout.yaml" --jobs 1
check "kill -9 mid-build: the next build makes only what was not done ($done_before done, $(written) written)" \
  test "$(written)" -le "$((72 - done_before + 1))"
check "... and then every handout shows the new phone" all_show "555-0166"

# --- 4. size and time restored after a change ---------------------------------------------------------
D=$WORK/touched
clinic "$D" "Touch Clinic" "(503) 555-0111"
mkdir -p "$D/assets" "$D/fonts"
verify png "$D/assets/logo.png" 200 30 30
verify png "$D/assets/blue.png" 30 30 200
sed -i 's/^clinic:$/clinic:\n  logo: assets\/logo.png/' "$D/handout.yaml"
printf 'brand:\n  fonts:\n    body: Noto Serif\n    headings: Noto Serif\n' >>"$D/handout.yaml"
cp /usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf /usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf "$D/fonts/"
hb build --config "$D/handout.yaml"
check "a clinic with its own logo and font builds: $(tail -2 "$WORK/err")" test "$(written)" = 1
same_time() { touch -r "$WORK/ref" "$1"; }  # same_time FILE: the time it had before the change
test_restored() {  # test_restored FILE WHAT: FILE changed, size and time restored -> rebuilt
  hb build --config "$D/handout.yaml"
  check "$2 changed, same size and time (touch -r): rebuilt (written: $(written))" test "$(written)" = 1
}
touch -r "$D/assets/logo.png" "$WORK/ref"
test "$(stat -c %s "$D/assets/logo.png")" = "$(stat -c %s "$D/assets/blue.png")" &&
  cp "$D/assets/blue.png" "$D/assets/logo.png"
same_time "$D/assets/logo.png"
test_restored "$D/assets/logo.png" "the logo"
touch -r "$D/content/en/floor.md" "$WORK/ref"
sed -i 's/holds the organs/keeps the organs/' "$D/content/en/floor.md" && same_time "$D/content/en/floor.md"
test_restored "$D/content/en/floor.md" "a paragraph"
check "... the handout shows the new words" shows "$D/out/en/floor.pdf" "keeps the organs"
touch -r "$D/handout.yaml" "$WORK/ref"
sed -i 's/555-0111/555-0112/' "$D/handout.yaml" && same_time "$D/handout.yaml"
test_restored "$D/handout.yaml" "the phone"
check "... the handout shows the new phone" shows "$D/out/en/floor.pdf" "555-0112"
# Another font padded to the same size, the time restored: rebuilt, and drawn with the new font.
touch -r "$D/fonts/NotoSerif-Regular.ttf" "$WORK/ref"
size=$(stat -c %s "$D/fonts/NotoSerif-Regular.ttf")
cp /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf "$D/fonts/NotoSerif-Regular.ttf"
truncate -s "$size" "$D/fonts/NotoSerif-Regular.ttf" && same_time "$D/fonts/NotoSerif-Regular.ttf"
test_restored "$D/fonts/NotoSerif-Regular.ttf" "a font file replaced by another"
hb build --config "$D/handout.yaml" --force
check "... and with --force the text is whole, drawn with the new font" \
  verify --pdf "$D/out/en/floor.pdf" --has 'The pelvic floor keeps the organs in place' \
    --run pdffonts "$D/out/en/floor.pdf" -- --has NotoSans-Regular
# The same binary but for its build id (a rebuilt binary), same size and time.
B=$WORK/bin
mkdir -p "$B"
cp "$HANDOUT" "$B/handout"
timeout 60 "$B/handout" build --config "$D/handout.yaml" >"$WORK/log" 2>"$WORK/err"
timeout 60 "$B/handout" build --config "$D/handout.yaml" >"$WORK/log" 2>"$WORK/err"
check "a binary run twice: up to date the second time (written: $(written))" test "$(written)" = 0
touch -r "$B/handout" "$WORK/ref"
check "the copy's build id changed (a rebuilt binary)" verify flip-build-id "$B/handout"
touch -r "$WORK/ref" "$B/handout"
timeout 60 "$B/handout" build --config "$D/handout.yaml" >"$WORK/log" 2>"$WORK/err"
check "a rebuilt binary of the same size and time: rebuilt (written: $(written))" test "$(written)" = 1
# fontconfig: the same family found in another file under another FONTCONFIG_FILE.
F=$WORK/fc
mkdir -p "$F/fonts" "$F/cache"
cp /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf "$F/fonts/"
fc_conf() {  # fc_conf FILE FONT-FOLDER
  printf '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n' >"$1"
  printf '<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n' "$2" "$F/cache" >>"$1"
}
fc_conf "$F/system.conf" /usr/share/fonts/truetype/droid
fc_conf "$F/own.conf" "$F/fonts"
sed -i 's/^    body: Noto Serif$/    body: Droid Sans Fallback/' "$D/handout.yaml"
FONTCONFIG_FILE=$F/system.conf hb build --config "$D/handout.yaml"
FONTCONFIG_FILE=$F/system.conf hb build --config "$D/handout.yaml"
check "a font found through fontconfig: up to date under the same configuration (written: $(written))" \
  test "$(written)" = 0
FONTCONFIG_FILE=$F/own.conf hb build --config "$D/handout.yaml"
check "FONTCONFIG_FILE names another configuration that finds the family elsewhere: rebuilt (written: $(written))" \
  test "$(written)" = 1

# --- 5. a fallback copy replaced when the translation appears ---------------------------------------
E=$WORK/fallback
clinic "$E" "Fallback Clinic" "(503) 555-0123" "en, es"
mkdir -p "$E/content/es"
cp "$REPO/content/es/strings.yaml" "$E/content/es/"
printf 'fallback_language: en\n' >>"$E/handout.yaml"
hb build --config "$E/handout.yaml"
check "Spanish without the article: the English copy stands in" shows "$E/out/es/floor.pdf" "The pelvic floor holds"
printf -- '%s\n' --- 'title: El suelo pélvico' 'summary: Qué hace el suelo pélvico.' --- '' \
  'El suelo pélvico sostiene los órganos.' >"$E/content/es/floor.md"
hb build --config "$E/handout.yaml"
check "the Spanish article appears: the Spanish handout is rebuilt from it" \
  shows "$E/out/es/floor.pdf" "El suelo pélvico sostiene"

# --- 6. patient data only in the patient's own copy ---------------------------------------------------
P=$WORK/patients
clinic "$P" "Patient Clinic" "(503) 555-0144" "en, es"
mkdir -p "$P/content/es"
cp "$REPO/content/es/strings.yaml" "$P/content/es/"
cp "$P/content/en/floor.md" "$P/content/es/floor.md"
printf 'missing_glyphs: warn\n' >>"$P/handout.yaml"
printf '%s\n' 'id,language,articles,name,clinician,visit_date,note,password' \
  'v-1,en,floor,Zelda Quintessa Marchbanks,Dr. Orrin Vantablack,2026-11-02,'\
'Remember the quokka breathing drill twice daily.,' \
  'v-2,es,floor,Ignatius Pomeroy-Thistlewood,Dra. Philippa Quarrington,2026-11-03,'\
'Lleve el cuaderno de ejercicios naranja.,correct horse battery staple' \
  "v-3,en,floor,$(printf '\U000F0041\U000F0042\U000F0043\U000F0044'),Dr. Orrin Vantablack,,," >"$P/visits.csv"
mkdir -p "$WORK/tmp"
TMPDIR=$WORK/tmp hb build --config "$P/handout.yaml" --patients "$P/visits.csv"
TMPDIR=$WORK/tmp hb build --config "$P/handout.yaml" --patients "$P/visits.csv" --report "$WORK/report.json"  # a rerun
cp "$WORK/log" "$WORK/patients.log"
cp "$WORK/err" "$WORK/patients.err"
check "personal copies: exit 0: $(tail -2 "$WORK/err")" test "$rc" -eq 0
PC=$P/personal-copies
check "personal copies go to personal-copies/ beside the config, one per visit and article" \
  test "$(cd "$PC" 2>/dev/null && find . -type f | sort | tr '\n' ' ')" = \
  "./v-1/en/floor.pdf ./v-2/es/floor.pdf ./v-3/en/floor.pdf "
check "... nothing personal in the published output folder" test ! -e "$P/out"
check "... their folders are 0700, their files 0600" verify --modes "$PC" 700 600
check "... the copies print the patient's name" shows "$PC/v-1/en/floor.pdf" "Zelda Quintessa Marchbanks"
leaks=$("$PYTHON" "$REPO/tests/e2e/find_secrets.py" "$P/visits.csv" --except "$P/visits.csv" \
  --except "$PC/v-1/en/floor.pdf" --except "$PC/v-2/es/floor.pdf" --except "$PC/v-3/en/floor.pdf" \
  "$P" "$WORK/tmp" "$WORK/patients.log" "$WORK/patients.err" "$WORK/report.json" 2>&1)
check "no name, clinician, note or password anywhere but the copies (every file, inflated streams too,
TMPDIR, logs, report)
$leaks" test -z "$leaks"
check "a name no font covers is not spelled out in messages or the report (no U+ code of it)" \
  verify --files "$WORK/patients.err" "$WORK/patients.log" "$WORK/report.json" -- --lacks U+F004
check "... the message names the CSV line and counts the characters" \
  grep -q 'visits.csv:4:.*4 characters' "$WORK/patients.err"
printf '%s\n' 'id,language,articles,name,password' 'v-9,en,floor,Someone,"   "' >"$P/spaces.csv"
hb build --config "$P/handout.yaml" --patients "$P/spaces.csv"
check "a password of spaces: an error at its line and column, exit 2" \
  verify --rc "$rc" 2 --file "$WORK/err" --re 'spaces.csv:2:[0-9]*: error: .*password'
check "... and no unencrypted copy" test ! -e "$PC/v-9"

# --- 7. output safety ---------------------------------------------------------------------------------------
S=$WORK/safety
clinic "$S" "Safe Clinic" "(503) 555-0155" "en, es"
mkdir -p "$S/content/es" "$WORK/elsewhere"
cp "$REPO/content/es/strings.yaml" "$S/content/es/"
cp "$S/content/en/floor.md" "$S/content/es/floor.md"
hb build --config "$S/handout.yaml"
mv "$S/out/es" "$WORK/elsewhere/es"
ln -s "$WORK/elsewhere/es" "$S/out/es"
sed -i 's/^languages: .*/languages: [en]/' "$S/handout.yaml"
hb build --config "$S/handout.yaml" --prune
check "--prune with out/es a link elsewhere: nothing outside the output folder removed" \
  test -f "$WORK/elsewhere/es/floor.pdf"
rm "$S/out/es"
mkdir -p "$S/personal-copies" "$WORK/elsewhere/p"
ln -s "$WORK/elsewhere/p" "$S/personal-copies/v-1"
printf '%s\n' 'id,language,articles,name' 'v-1,en,floor,Somebody Else' >"$S/visits.csv"
hb build --config "$S/handout.yaml" --patients "$S/visits.csv"
check "a visit's folder that is a link elsewhere: nothing created or written through it" \
  test -z "$(find "$WORK/elsewhere/p" -mindepth 1)"
check "... the visit fails with a message" verify --rc "$rc" 1 --file "$WORK/err" --has v-1
rm "$S/personal-copies/v-1"
rm -f "$S/out/.handout-manifest"
ln -s /dev/zero "$S/out/.handout-manifest"
hb build --config "$S/handout.yaml" --force
check "the manifest a link to /dev/zero: no hang, the handout built (exit $rc)" test "$rc" -eq 0
check "... the link is left as it is, not followed" test -L "$S/out/.handout-manifest"
rm -f "$S/out/.handout-manifest"
mkfifo "$S/out/.handout-manifest"
hb build --config "$S/handout.yaml" --force
check "the manifest a FIFO: no hang, the handout built (exit $rc)" test "$rc" -eq 0
rm -f "$S/out/.handout-manifest"
rm -rf "$S/fail-out" && mkdir -p "$S/fail-out/en/floor.pdf"
hb build --config "$S/handout.yaml" --out "$S/fail-out"
check "a build that fails (the PDF's name is a folder): exit 1" test "$rc" -eq 1
check "... and leaves no state in the output folder: $(ls -A "$S/fail-out" | tr '\n' ' ')" \
  test "$(ls -A "$S/fail-out")" = en
# A temporary file another run is still writing (it holds its lock), named like one of a
# process that is gone here (another PID namespace): left alone. One no run holds: removed.
mkdir -p "$S/out/en"
held=$S/out/en/floor.pdf.handout-tmp-999999-AbC123
orphan=$S/out/en/floor.pdf.handout-tmp-999998-XyZ789
echo partial >"$held"
echo partial >"$orphan"
touch -d '-1 hour' "$held" "$orphan"
flock "$held" sleep 20 &
holder=$!
sleep 0.5
hb build --config "$S/handout.yaml" --force
check "a temporary file another run holds is left alone" test -f "$held"
check "... one nobody holds is removed" test ! -e "$orphan"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
rm -f "$held"
# Shards in different PID namespaces writing into one folder (needs root and unshare).
if [ "$(id -u)" = 0 ] && unshare --pid --fork true 2>/dev/null; then
  bad=0
  shard=("$HANDOUT" build --config "$C/handout.yaml" --jobs 1 --shard)
  for round in 1 2 3 4 5; do
    rm -rf "$C/out"
    # The shell stays (exit $?: no exec), so each handout has another PID in its namespace.
    unshare --pid --fork sh -c '"$@" >/dev/null 2>&1; exit $?' sh "${shard[@]}" 1/2 &
    a=$!
    unshare --pid --fork sh -c 'true & wait; "$@" >/dev/null 2>&1; exit $?' sh "${shard[@]}" 2/2 &
    b=$!
    wait "$a" || bad=$((bad + 1))
    wait "$b" || bad=$((bad + 1))
    [ "$(find "$C/out" -name '*.pdf' | wc -l)" = 72 ] || bad=$((bad + 1))
  done
  check "two shards in two PID namespaces into one folder, 5 rounds: every handout written ($bad failures)" \
    test "$bad" = 0
  hb build --config "$C/handout.yaml"
  check "... and their records merged: a whole build then has nothing to do (written: $(written))" test "$(written)" = 0
else
  echo "SKIPPED (not passed): shards in two PID namespaces need root and unshare"
fi

# --- 9. nothing kept but the manifest -------------------------------------------------------------------
check "no cache folder in any output folder" test -z "$(find "$WORK" -name .handout-cache)"
finish
