#!/usr/bin/env bash
# End-to-end: `handout translate` against readers that are not handout's own. The XLIFF and PO
# files it exports are read by translate-toolkit (pocount, xliff2po), xmllint and msgfmt --check;
# a round trip (export, targets filled by a script, import, build) gives PDFs with the
# translated text in the English structure, links and emphasis, left to right (es, XLIFF) and
# right to left (ar, PO); a changed English paragraph is reported for exactly that block and
# exported as the one changed unit; broken files are refused with their unit and nothing
# written; the pseudo-translation builds and runs 35-40% longer; the file-format libraries load
# only for `translate`.
# Usage: translate.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"
export SOURCE_DATE_EPOCH=1795564800
FILL="$PYTHON $REPO/tests/e2e/translate_fill.py"
C="$WORK/clinic"
mkdir -p "$C"
cp -r "$REPO/handout.yaml" "$REPO/content" "$REPO/assets" "$C/"
cd "$C" || exit 1

total() { pocount --csv "$1" | awk -F', *' 'NR == 2 { print $9 }'; }
translated() { pocount --csv "$1" | awk -F', *' 'NR == 2 { print $2 }'; }

# --- the shipped translations record their source; an export reads back -----------------------
# The blocks of the English article and its resources, counted by a reader of the tests' own.
units=$(verify --blocks content/en/vaginismus.md --print)
check "the English example has 48 blocks (by the independent count)" test "$units" -eq 48
"$HANDOUT" check --lang es --lang ar >"$WORK/check0" 2>&1
check "the shipped translations are up to date with the English" verify --file "$WORK/check0" --lacks "earlier version"
cat content/es/vaginismus.md content/es/strings.yaml >"$WORK/es-recorded"
"$HANDOUT" translate record --lang es >/dev/null 2>&1
check "record again: nothing changes (the shipped records are today's)" \
  cmp -s <(cat content/es/vaginismus.md content/es/strings.yaml) "$WORK/es-recorded"
"$HANDOUT" translate export --lang es --out tr >"$WORK/export0" 2>&1
check "export exits 0" test $? -eq 0
check "xmllint: the XLIFF is well formed" xmllint --noout tr/es/vaginismus.xlf
check "xmllint: the clinic's XLIFF too" xmllint --noout tr/es/clinic.xlf
check "msgfmt --check accepts the PO" msgfmt --check -o /dev/null tr/es/vaginismus.po
check "msgfmt --check accepts the clinic's PO" msgfmt --check -o /dev/null tr/es/clinic.po
check "pocount: the PO has a unit per block" test "$(total tr/es/vaginismus.po)" -eq "$units"
check "pocount: every unit of the recorded Spanish is translated, none fuzzy" \
  test "$(translated tr/es/vaginismus.po)" -eq "$units"
xliff2po tr/es/vaginismus.xlf "$WORK/from-xliff.po" >/dev/null 2>&1
check "xliff2po: the XLIFF has a unit per block" test "$(total "$WORK/from-xliff.po")" -eq "$units"
check "pocount: a locked XLIFF has nothing left to translate (translate=no)" \
  test "$(total tr/es/vaginismus.xlf)" -eq 0
check "XLIFF: units translated and locked, msgctxt = unit id in PO" \
  verify --locked tr/es/vaginismus.xlf tr/es/vaginismus.po
# The clinic's own texts: a unit per per-language config text (tagline, two lines of hours,
# footer note, an extra resource's description): all translated in Spanish.
check "clinic file: the config's per-language texts" test "$(total tr/es/clinic.po)" -eq 5
"$HANDOUT" new-language de >/dev/null 2>&1
"$HANDOUT" translate export --lang de --out tr >/dev/null 2>&1
labels=$(verify --labels-to-do content/de/strings.yaml content/en/strings.yaml --print)
check "clinic file: every untranslated label of a new language, and the config's texts" \
  test "$(total tr/de/clinic.po)" -eq $((labels + 5))
check "a new language: every unit to translate (pocount reads the XLIFF)" \
  test "$(total tr/de/vaginismus.xlf)" -eq "$units"
check "a new language: nothing translated yet" test "$(translated tr/de/vaginismus.xlf)" -eq 0
rm -rf content/de tr/de

# --- round trip: left to right (Spanish, XLIFF) and right to left (Arabic, PO) -----------------
# A paragraph with emphasis and a link, so the codes have something to carry.
new='Read **more** about *pelvic health* on [our clinic page](https://willowcreek.example/pelvic).'
sed -i "s|^If this is your experience, it does not mean your body is broken.|$new\\n\\n&|" content/en/vaginismus.md
check "the English has the new paragraph" grep -q 'our clinic page' content/en/vaginismus.md
units=$((units + 1))
"$HANDOUT" translate export --lang es --format xliff --out tr >/dev/null 2>&1
"$HANDOUT" translate export --lang ar --format po --out tr >/dev/null 2>&1
codes='Read <g id="1" ctype="bold">more</g> about <g id="2" ctype="italic">pelvic health</g>'
check "the new paragraph's unit carries its codes (XLIFF <g>)" \
  grep -q "$codes on <g id=\"3\" ctype=\"link\">our clinic page</g>." tr/es/vaginismus.xlf
check "... (PO placeholders)" \
  grep -q 'msgid "Read <1>more</1> about <2>pelvic health</2> on <3>our clinic page</3>."' tr/ar/vaginismus.po
check "the link target is in the note, not in the text" \
  grep -q '<3>...</3> links to https://willowcreek.example/pelvic' tr/ar/vaginismus.po
cp tr/es/vaginismus.xlf "$WORK/es.xlf"
cp tr/ar/vaginismus.po "$WORK/ar.po"
$FILL upper tr/es/vaginismus.xlf --final
$FILL arabic tr/ar/vaginismus.po
check "the filled XLIFF is still well formed" xmllint --noout tr/es/vaginismus.xlf
check "msgfmt --check accepts the filled PO" msgfmt --check -o /dev/null tr/ar/vaginismus.po
"$HANDOUT" translate import tr/es/vaginismus.xlf tr/ar/vaginismus.po >"$WORK/import" 2>&1
check "import exits 0" test $? -eq 0
check "import wrote the Spanish article and resources" verify --file "$WORK/import" \
  --re '^wrote .*content/es/vaginismus.md$' --re '^wrote .*content/es/vaginismus.resources.yaml$'
check "every unit signed off (XLIFF final): translation reviewed" \
  grep -qx 'translation: reviewed' content/es/vaginismus.md
check "PO still fuzzy: translation draft" grep -qx 'translation: draft' content/ar/vaginismus.md
check "the Markdown has the codes back" grep -qF \
  'READ **MORE** ABOUT *PELVIC HEALTH* ON [OUR CLINIC PAGE](https://willowcreek.example/pelvic).' \
  content/es/vaginismus.md
"$HANDOUT" check --lang es --lang ar >"$WORK/check1" 2>&1
check "the imported translations are up to date" verify --file "$WORK/check1" --lacks "earlier version"
"$HANDOUT" build --lang en --lang es --lang ar --out out >"$WORK/build1" 2>&1
check "the round-tripped languages build" test $? -eq 0
pdftotext out/es/vaginismus.pdf - | normalise >"$WORK/es.txt"
check "es PDF: the translated heading" grep -q 'WHAT IS VAGINISMUS?' "$WORK/es.txt"
check "es PDF: a translated list item" grep -q 'PAST PAINFUL SEXUAL OR MEDICAL EXPERIENCES' "$WORK/es.txt"
check "es PDF: the translated resource description" \
  grep -q 'A DIRECTORY TO FIND PELVIC FLOOR PHYSICAL THERAPISTS' "$WORK/es.txt"
check "es PDF: no English sentence left" verify --file "$WORK/es.txt" --lacks "Vaginismus happens when"
pdftotext out/ar/vaginismus.pdf - | normalise >"$WORK/ar.txt"
check "ar PDF: right-to-left text from the PO" grep -q "$($FILL show arabic Vaginismus)" "$WORK/ar.txt"
check "PDFs: the source's structure, links and emphasis (tags, link annotations, fonts)" \
  verify --structure-as out/en/vaginismus.pdf https://willowcreek.example/pelvic \
  out/es/vaginismus.pdf out/ar/vaginismus.pdf -- --run pdffonts out/es/vaginismus.pdf -- --has Italic --has Bold

# --- staleness: one English paragraph changes ----------------------------------------------------
# Built once before the change, plainly and with the opt-in line (whose PDF depends on the English).
"$HANDOUT" build --lang es --out out2 >/dev/null 2>&1
sed -i 's/^notices: \[language_assistance\]/notices: [language_assistance, outdated_translation]/' handout.yaml
"$HANDOUT" build --lang es --out out3 >/dev/null 2>&1
sed -i 's/^notices: \[language_assistance, outdated_translation\]/notices: [language_assistance]/' handout.yaml
said='Many people describe feeling confused by their'
sed -i "s/$said body./$said own body./" content/en/vaginismus.md
line=$(grep -n 'Many people describe feeling confused' content/en/vaginismus.md | cut -d: -f1)
"$HANDOUT" check --lang es >"$WORK/check2" 2>&1
check "check: the Spanish is outdated, with its file:line" grep -qE \
  '^content/es/vaginismus.md:[0-9]+:[0-9]+: warning: translated from an earlier version' "$WORK/check2"
check "check: exactly that one block is named" grep -qF \
  "1 block changed: paragraph b4 at content/en/vaginismus.md:$line (“Many people describe feeling \
confused by…”)" \
  "$WORK/check2"
"$HANDOUT" build --lang es --out out2 --index >"$WORK/build2" 2>&1
check "build: warns too, also when its PDF is up to date" verify --file "$WORK/build2" \
  --re "content/es/vaginismus.md:.*warning: translated from an earlier version" \
  --re "^up to date out2/es/vaginismus.pdf"
check "catalogue: the Spanish handout shows as outdated" grep -q 'Outdated: its source changed since' out2/index.html
pdftotext out2/es/vaginismus.pdf - | normalise >"$WORK/es2.txt"
check "the printed handout says nothing unless the clinic opts in" verify --file "$WORK/es2.txt" \
  --lacks "earlier version" --lacks ANTERIOR
sed -i 's/^notices: \[language_assistance\]/notices: [language_assistance, outdated_translation]/' handout.yaml
"$HANDOUT" build --lang es --out out3 >"$WORK/build3" 2>&1
check "opted in: the English change rebuilds the Spanish" grep -q '^wrote out3/es/vaginismus.pdf' "$WORK/build3"
pdftotext out3/es/vaginismus.pdf - | normalise >"$WORK/es3.txt"
check "opted in: the handout says it was translated from an earlier version" \
  grep -q 'Traducido de una versión anterior del texto en inglés' "$WORK/es3.txt"
sed -i 's/^notices: \[language_assistance, outdated_translation\]/notices: [language_assistance]/' handout.yaml
"$HANDOUT" translate export --lang es --out tr >/dev/null 2>&1
check "export: one unit changed, the rest translated" \
  verify --changed-unit tr/es/vaginismus.xlf tr/es/vaginismus.po "$units"
check "pocount: translators see one unit of the XLIFF to do" test "$(total tr/es/vaginismus.xlf)" -eq 1
# An inserted English paragraph is one more block, not a change to every block after it.
sed -i 's|^## Why Does Vaginismus Happen?|A paragraph added after the translation.\n\n&|' content/en/vaginismus.md
"$HANDOUT" check --lang es >"$WORK/check3" 2>&1
check "check: an inserted paragraph is one block (2 changed in all)" grep -qF "2 blocks changed: paragraph b4 at \
content/en/vaginismus.md:$line (“Many people describe feeling confused by…”); paragraph b7 at" "$WORK/check3"

# --- broken files are refused, with their unit, and nothing is written ----------------------------
"$HANDOUT" translate export --lang es --format both --out tr >/dev/null 2>&1
$FILL upper tr/es/vaginismus.xlf
$FILL upper tr/es/vaginismus.po
before=$(cat content/es/vaginismus.md content/es/vaginismus.resources.yaml | md5sum)
refused() {  # refused WHAT FILE MESSAGE: import fails naming MESSAGE, and the Spanish is as it was
  "$HANDOUT" translate import "$2" >"$WORK/refused.out" 2>"$WORK/refused.err"
  local rc=$?
  check "$1: import exits 1" test "$rc" -eq 1
  check "$1: the error names it" grep -qF "$3" "$WORK/refused.err"
  check "$1: nothing written" \
    test "$(cat content/es/vaginismus.md content/es/vaginismus.resources.yaml | md5sum)" = "$before"
}
verify broken-translations tr/es
refused "unit dropped" tr/es/dropped.xlf "tr/es/dropped.xlf: error: unit 'b3' missing (paragraph, line"
refused "<g> removed" tr/es/ungrouped.xlf "tr/es/ungrouped.xlf: error: unit 'b5' inline code <1> is missing"
refused "wrong language" tr/es/french.xlf \
  "tr/es/french.xlf: error: its target language is 'fr', but it is in the folder for 'es'"
refused "codes crossed (PO)" tr/es/crossed.po \
  "tr/es/crossed.po: error: unit 'b5' inline code </1> closes inside <2> (codes cross)"
"$HANDOUT" translate import tr/es/vaginismus.xlf tr/es/dropped.xlf >/dev/null 2>"$WORK/two.err"
check "one bad file of two: nothing written at all" \
  test "$(cat content/es/vaginismus.md content/es/vaginismus.resources.yaml | md5sum)" = "$before"
check "... and the count said" grep -qx 'nothing written: 1 of 2 files have errors' "$WORK/two.err"
echo "<!-- edited by hand -->" >>content/es/vaginismus.md
before=$(cat content/es/vaginismus.md content/es/vaginismus.resources.yaml | md5sum)
refused "edited by hand since the export" tr/es/vaginismus.po \
  "content/es/vaginismus.md' was edited since this file was exported: import does not overwrite it"

# --- the clinic's texts: a new language's labels, the config's per-language texts -----------------
"$HANDOUT" new-language de >/dev/null 2>&1
"$HANDOUT" translate export --lang de --out tr >/dev/null 2>&1
$FILL upper tr/de/vaginismus.xlf
$FILL upper tr/de/clinic.po --final
cp tr/de/clinic.po "$WORK/clinic-de.po"
"$HANDOUT" translate import tr/de/vaginismus.xlf tr/de/clinic.po >"$WORK/import-de" 2>&1
check "import of labels and config texts exits 0" test $? -eq 0
check "strings.yaml: every label translated, none left listed as untranslated" \
  verify --de-labels content/de/strings.yaml
check "handout.yaml: a de entry in each per-language text; the rest and its comments kept" \
  verify --de-config handout.yaml
"$HANDOUT" build --lang de --out outd >"$WORK/build-de" 2>&1
check "the new language builds" test $? -eq 0
pdftotext outd/de/vaginismus.pdf - | normalise >"$WORK/de.txt"
check "de PDF: translated tagline, labels and hours" verify --file "$WORK/de.txt" \
  --has "GENTLE, EXPERT CARE FOR PELVIC AND SEXUAL HEALTH" --has "CONTACT US" --has "MONDAY TO THURSDAY, 8 AM TO 6 PM"
before=$(cat content/de/strings.yaml handout.yaml | md5sum)
sed 's/^msgstr "PAGE {n} OF {total}"/msgstr "PAGE {n} OF {TOTAL}"/' "$WORK/clinic-de.po" >tr/de/clinic.po
"$HANDOUT" translate import tr/de/clinic.po >/dev/null 2>"$WORK/clinic.err"
check "a lost placeholder is refused with its unit" grep -qF \
  "tr/de/clinic.po: error: unit 'label.page_of' must keep its placeholders as they are ({n}, {total})" \
  "$WORK/clinic.err"
check "... as is a config edited since the export" grep -qF \
  "tr/de/clinic.po: error: the config or 'de' strings.yaml was edited since this file was exported" "$WORK/clinic.err"
check "... and nothing written" test "$(cat content/de/strings.yaml handout.yaml | md5sum)" = "$before"

# A changed English label goes out again, with its previous translation; the others do not.
check "strings.yaml records the English labels it was translated from" \
  verify --label-sources content/de/strings.yaml content/en/strings.yaml
"$HANDOUT" check --lang de >"$WORK/check-de0" 2>&1
check "check: no label reported changed before the English changes" \
  verify --file "$WORK/check-de0" --no-re "labels? changed"
sed -i 's/^contact_us: .*/contact_us: Get in touch/' content/en/strings.yaml
"$HANDOUT" check --lang de >"$WORK/check-de1" 2>&1
check "check names the English label changed since the de labels were translated" grep -qE \
  "content/de/strings.yaml:[0-9]+:[0-9]+: warning: 1 label changed in the English since it was translated: contact_us" \
  "$WORK/check-de1"
"$HANDOUT" build --lang de --out outd >"$WORK/build-de1" 2>&1
check "... and so does build" \
  grep -q "1 label changed in the English since it was translated: contact_us" "$WORK/build-de1"
"$HANDOUT" translate export --lang de --format po --out tr >/dev/null 2>&1
check "export: the changed label alone, fuzzy with its previous translation" verify --changed-label tr/de/clinic.po
sed -i 's/^contact_us: .*/contact_us: Contact us/' content/en/strings.yaml

# --- pseudo-translation --------------------------------------------------------------------------
"$HANDOUT" translate pseudo --lang qps >"$WORK/pseudo" 2>&1
check "pseudo exits 0" test $? -eq 0
"$HANDOUT" build --lang qps --out outq >"$WORK/buildq" 2>&1
check "the pseudo-language builds like any other" test $? -eq 0
pdftotext outq/qps/vaginismus.pdf - | normalise >"$WORK/qps.txt"
check "qps PDF: accented text" grep -q 'Ŵĥáţ Îš Ṽ\|Ŵĥáţ Îš' "$WORK/qps.txt"
for english in 'Gentle, expert care' 'Monday to Thursday' 'does not replace advice'; do
  check "qps PDF: the config's text '$english' pseudo-translated too" verify --file "$WORK/qps.txt" --lacks "$english"
done
check "pseudo says it added the config's qps texts" grep -q "handout.yaml" "$WORK/pseudo"
"$HANDOUT" translate export --lang qps --format po --out tr >/dev/null 2>&1
check "qps: every unit 35-40% longer than its English (text outside codes)" verify --pseudo-lengths tr/qps/vaginismus.po

# --- the XLIFF and PO libraries load only for translate ---------------------------------------------
check "the handout binary does not link libxml2 or libgettextpo" \
  verify --run ldd "$HANDOUT" -- --no-re "libxml2|libgettextpo"
strace -f -e trace=openat -o "$WORK/trace-build" "$HANDOUT" build --lang en --out out4 >/dev/null 2>&1
check "a build opens neither the module nor its libraries" verify --file "$WORK/trace-build" \
  --no-re "handout-translate.so|libxml2|libgettextpo"
strace -f -e trace=openat -o "$WORK/trace-export" "$HANDOUT" translate export --lang es --out tr >/dev/null 2>&1
check "translate export opens the module and both libraries" verify --file "$WORK/trace-export" \
  --has handout-translate.so --has libxml2 --has libgettextpo

finish
