#!/usr/bin/env bash
# End-to-end: `handout init` writes a clinic that builds at once (English and Spanish, and a
# language without example text as a draft translation); its files validate against the
# schemas their first line names; a second init refuses and writes nothing; `handout new`
# writes a skeleton the next build includes; bad names and languages exit 2.
# Usage: init.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"
export SOURCE_DATE_EPOCH=1795564800  # 2026-11-25
CHECKER=$REPO/tests/e2e/schema_check.py
C=$WORK/c

# --- init, then build at once ----------------------------------------------------------------
"$HANDOUT" init "$C" --lang en --lang es >"$WORK/init.log" 2>"$WORK/init.err"
check "init exits 0" test $? -eq 0
check "init prints nothing on stderr" test ! -s "$WORK/init.err"
check "init writes exactly the config and an article with its resources per language" \
  test "$(cd "$C" && find . -type f | sort | tr '\n' ' ')" = \
  "./content/en/welcome.md ./content/en/welcome.resources.yaml ./content/es/welcome.md \
./content/es/welcome.resources.yaml ./handout.yaml "
check "init names each file it wrote" test "$(grep -c '^wrote ' "$WORK/init.log")" -eq 5
check "the config lists the languages" grep -qx 'languages: \[en, es\]  *# .*' "$C/handout.yaml"
check "the Spanish example is in Spanish" grep -qx 'title: Su primera visita' "$C/content/es/welcome.md"
# Nobody has reviewed an example: no date is made up for it, and it is marked as a draft.
check "the review date is left empty" grep -qE '^reviewed: +(#.*)?$' "$C/content/en/welcome.md"
check "... in Spanish too" grep -qE '^reviewed: +(#.*)?$' "$C/content/es/welcome.md"
check "the example is marked as a draft" grep -qE '^status: draft( +#.*)?$' "$C/content/en/welcome.md"
check "optional keys are there, commented out" \
  grep -qE '^  # logo: |^# notices: \[language_assistance\]' "$C/handout.yaml"

(cd "$C" && timeout 120 "$HANDOUT" build >"$WORK/build.log" 2>"$WORK/build.err")
rc=$?
check "cd DIR && handout build exits 0: $(head -3 "$WORK/build.err")" test $rc -eq 0
check "the build warns only that each example is a draft" test "$(grep -c . "$WORK/build.err")" -eq 2
check "... at its status line" \
  grep -qxF "content/en/welcome.md:4:9: warning: draft article (status: draft): not ready for patients; once a \
clinician has reviewed it, write the day in 'reviewed:' and remove 'status: draft'" "$WORK/build.err"
check "an English PDF" test -s "$C/out/en/welcome.pdf"
check "a Spanish PDF" test -s "$C/out/es/welcome.pdf"
check "the English handout has the example's title, clinic and resource" \
  verify --pdf "$C/out/en/welcome.pdf" --joined --re 'Example Clinic.*Your First Visit.*MedlinePlus'
check "the Spanish handout uses the tool's Spanish labels" verify --pdf "$C/out/es/welcome.pdf" --has Recursos
check "no review date is printed on a handout nobody reviewed" verify \
  --pdf "$C/out/en/welcome.pdf" --lacks 'Medically reviewed' --pdf "$C/out/es/welcome.pdf" --lacks 'Revisión médica'
(cd "$C" && "$HANDOUT" check >"$WORK/check.log" 2>&1)
check "handout check passes the example (grade, links)" \
  test "$(grep -c '^  passed (0 errors, 2 warnings)' "$WORK/check.log")" -eq 2
check "... reporting that it was never reviewed" \
  grep -qxF "content/en/welcome.md:5:1: warning: no 'reviewed' date: add the day a clinician last reviewed it \
(reviewed: YYYY-MM-DD)" "$WORK/check.log"
check "... and that it is a draft" \
  grep -qF "content/es/welcome.md:4:9: warning: draft article (status: draft)" "$WORK/check.log"
# Once the clinic writes the date and removes the draft line, the date is printed and check is quiet.
sed -i 's/^reviewed: .*/reviewed: 2026-11-02/; /^status: draft/d' "$C/content/en/welcome.md"
(
  cd "$C" && "$HANDOUT" build --lang en >/dev/null 2>"$WORK/reviewed.err" &&
    "$HANDOUT" check --lang en >"$WORK/reviewed.log" 2>&1
)
check "a date the clinic wrote is printed" \
  verify --pdf "$C/out/en/welcome.pdf" --has 'Medically reviewed November 2, 2026'
check "... and the reviewed article builds and checks without a warning" verify \
  --file "$WORK/reviewed.err" --empty --file "$WORK/reviewed.log" --line '  passed (0 errors, 0 warnings)'

# --- the files name their schema and validate against it -----------------------------------------
schema_dir=$(realpath "$REPO/schema")
check "handout.yaml names its schema by absolute path" \
  test "$(head -1 "$C/handout.yaml")" = "# yaml-language-server: \$schema=$schema_dir/handout.schema.json"
check "a resource list names its schema" test "$(head -1 "$C/content/es/welcome.resources.yaml")" = \
  "# yaml-language-server: \$schema=$schema_dir/resources.schema.json"
check "the named schema exists" test -f "$schema_dir/handout.schema.json"
valid() {  # valid KIND FILE...
  local kind=$1 out
  shift
  if out=$("$PYTHON" "$CHECKER" validate "$REPO/schema" "$kind" "$@" 2>&1); then pass; else fail "init's $kind: \
$out"; fi
}
valid handout "$C/handout.yaml"
valid resources "$C"/content/*/welcome.resources.yaml
valid front-matter "$C"/content/*/welcome.md

# --- a second init refuses and writes nothing ---------------------------------------------------
rm "$C/content/es/welcome.md"
before=$(cd "$C" && find . -type f -not -path './out/*' | sort)
sum=$(md5sum "$C/handout.yaml")
"$HANDOUT" init "$C" --lang en --lang es >"$WORK/again.log" 2>"$WORK/again.err"
check "a second init exits 2" test $? -eq 2
check "... naming the file that exists" \
  grep -qx "$C/handout.yaml: error: already exists; nothing was written (this command never overwrites a \
file)" "$WORK/again.err"
check "... and writes nothing, not even the missing file" \
  test "$(cd "$C" && find . -type f -not -path './out/*' | sort)" = "$before"
check "... and leaves the config as it was" test "$(md5sum "$C/handout.yaml")" = "$sum"

# --- new ------------------------------------------------------------------------------------------
(cd "$C" && "$HANDOUT" new knee-pain --lang en >"$WORK/new.log" 2>"$WORK/new.err")
check "new exits 0" test $? -eq 0
check "new writes the article and its resource list" \
  test "$(cat "$WORK/new.log")" = "wrote content/en/knee-pain.md
wrote content/en/knee-pain.resources.yaml"
check "the skeleton's title comes from its name" grep -qx 'title: "Knee pain"' "$C/content/en/knee-pain.md"
check "the skeleton has no review date and is a draft" \
  verify --file "$C/content/en/knee-pain.md" --re '^reviewed: +(#.*)?$' --re '^status: draft'
check "the skeleton has keywords and a summary" grep -qE '^keywords: \[knee pain\]$' "$C/content/en/knee-pain.md"
valid front-matter "$C/content/en/knee-pain.md"
valid resources "$C/content/en/knee-pain.resources.yaml"
(cd "$C" && "$HANDOUT" build --lang en >"$WORK/build2.log" 2>"$WORK/build2.err")
rc=$?
check "the next build exits 0: $(head -3 "$WORK/build2.err")" test $rc -eq 0
check "... and includes the new article" test -s "$C/out/en/knee-pain.pdf"
check "... titled from the skeleton" verify --pdf "$C/out/en/knee-pain.pdf" --line 'Knee pain'

"$HANDOUT" new knee-pain --config "$C/handout.yaml" >"$WORK/new2.log" 2>"$WORK/new2.err"
check "new on an existing article exits 2" test $? -eq 2
check "... naming it" \
  grep -qx "$C/content/en/knee-pain.md: error: already exists; nothing was written (this command never overwrites a \
file)" "$WORK/new2.err"
check "... and writes no Spanish either (the config's languages)" test ! -e "$C/content/es/knee-pain.md"
"$HANDOUT" new knee-pain --config "$C/handout.yaml" --lang es >/dev/null 2>&1
check "new --lang es adds the Spanish skeleton" grep -q 'Una o dos frases' "$C/content/es/knee-pain.md"
"$HANDOUT" new bladder --config "$C/handout.yaml" >"$WORK/new3.log" 2>&1
check "new without --lang writes every configured language" \
  verify --exists "$C/content/en/bladder.md" --exists "$C/content/es/bladder.resources.yaml"

# --- bad names, languages and configs ---------------------------------------------------------------
bad() {  # bad "description" EXPECTED-STDERR-LINE handout-args...: exit 2, that message, nothing written
  local what=$1 expected=$2
  shift 2
  before=$(find "$WORK" -type f -not -name 'bad.*' | sort | md5sum)
  "$HANDOUT" "$@" >"$WORK/bad.log" 2>"$WORK/bad.err"
  check "$what: exit 2" test $? -eq 2
  check "$what: the message" verify --file "$WORK/bad.err" --line "$expected"
  check "$what: nothing written" test "$(find "$WORK" -type f -not -name 'bad.*' | sort | md5sum)" = "$before"
}
bad "new ../escape" "error: invalid article name '../escape' (a file name in content/<lang>/ without '.md': letters, \
digits, '.', '_' and '-', starting with a letter or digit)" \
  new ../escape --config "$C/handout.yaml"
bad "new .hidden" "error: invalid article name '.hidden' (a file name in content/<lang>/ without '.md': letters, \
digits, '.', '_' and '-', starting with a letter or digit)" \
  new .hidden --config "$C/handout.yaml"
bad "new topic.md" "error: give the article's name without '.md' (e.g. 'topic')" new topic.md --config "$C/handout.yaml"
bad "new --lang ../x" "error: invalid language code '../x' given with --lang (expected a BCP 47 code such as en, es, \
zh-Hans)" \
  new topic --lang ../x --config "$C/handout.yaml"
bad "new without a config" "$WORK/none.yaml: error: cannot read config file \
'$WORK/none.yaml'" new topic --config "$WORK/none.yaml"
bad "init --lang e_s" "error: invalid language code 'e_s' given with --lang (expected a BCP 47 code such as en, es, \
zh-Hans)" \
  init "$WORK/c2" --lang e_s
check "new without an article name is a usage error (exit 2)" verify --run "$HANDOUT" new -- --exit 2

# --- a language without example text: the English one, as a draft translation -----------------------
(cd "$WORK" && "$HANDOUT" init --lang fr >/dev/null 2>&1)
check "init without DIR writes into the current folder" test -f "$WORK/handout.yaml"
check "a French example is the English one marked as a draft translation" \
  verify --file "$WORK/content/fr/welcome.md" --line 'translation: draft' --line 'source_language: en'
(cd "$WORK" && "$HANDOUT" build >/dev/null 2>"$WORK/fr.err")
rc=$?
check "the French clinic builds: $(head -2 "$WORK/fr.err")" test $rc -eq 0
check "... and its handout says it is a draft translation" verify --pdf "$WORK/out/fr/welcome.pdf" --has Traduit
D=$WORK/d
(mkdir -p "$D" && cd "$D" && "$HANDOUT" init >/dev/null 2>&1 && "$HANDOUT" build >/dev/null 2>&1)
check "init with no --lang: an English clinic that builds" test -s "$D/out/en/welcome.pdf"
check "... without the Spanish lines" verify --file "$D/handout.yaml" --lacks '    es: '

# --- a language handout has no labels for: one command ------------------------------------------------
S=$WORK/somali
"$HANDOUT" init "$S" --lang so >"$WORK/so.log" 2>"$WORK/so.err"
rc=$?  # before the message's $(...) resets $?
check "init --lang so exits 0 (exit $rc): $(head -2 "$WORK/so.err")" test "$rc" -eq 0
check "... and writes the Somali labels too" grep -qx "wrote $S/content/so/strings.yaml" "$WORK/so.log"
(cd "$S" && "$HANDOUT" build >"$WORK/so.build.log" 2>"$WORK/so.build.err")
check "the Somali clinic builds at once (exit $?)" test -s "$S/out/so/welcome.pdf"
labels=$(grep -c '^  - ' "$S/content/so/strings.yaml")
check "... with one warning counting the labels still in English ($labels)" \
  grep -qxF "content/so/strings.yaml: warning: $labels labels not yet translated (still in \
English)" "$WORK/so.build.err"
check "... the only warning but the draft's" test "$(grep -vc 'status: draft' "$WORK/so.build.err")" -eq 1
check "... and the handout prints the English labels" verify --pdf "$S/out/so/welcome.pdf" --has 'Helpful resources'
valid strings "$S/content/so/strings.yaml"
check "the labels file names its schema" \
  test "$(head -1 "$S/content/so/strings.yaml")" = "# yaml-language-server: \$schema=$schema_dir/strings.schema.json"
check "the labels are a draft from English" \
  verify --file "$S/content/so/strings.yaml" --line 'translation: draft' --line 'source_language: "en"'
check "every label is listed as untranslated, by its key" \
  "$PYTHON" - "$S/content/so/strings.yaml" "$REPO/content/en/strings.yaml" <<'EOF'
import sys, yaml
so, en = (yaml.safe_load(open(p, encoding="utf-8")) for p in sys.argv[1:])
labels = [k for k in so if k not in ("translation", "source_language", "untranslated")]
assert so["untranslated"] == labels, (so["untranslated"], labels)
assert {k: so[k] for k in labels} == en, "the English labels, as they are"
EOF

# new-language in a clinic: the file beside the config, never over one, never over shipped labels.
"$HANDOUT" new-language am --config "$S/handout.yaml" >"$WORK/nl.log" 2>"$WORK/nl.err"
check "new-language for a shipped language exits 2" test $? -eq 2
check "... naming the shipped labels and how to change them" \
  grep -qxF "error: 'am' has labels already, shipped with handout ('$REPO/content/am/strings.yaml'); to change them, \
copy that file to '$S/content/am/strings.yaml'" "$WORK/nl.err"
"$HANDOUT" new-language om --config "$S/handout.yaml" >"$WORK/nl.log" 2>"$WORK/nl.err"
check "new-language om exits 0" test $? -eq 0
check "... writes beside the config" test "$(head -1 "$WORK/nl.log")" = "wrote $S/content/om/strings.yaml"
check "... and says what to do next" \
  grep -qx "next: add om to 'languages:' in $S/handout.yaml; its articles go in $S/content/om/ ('handout new ARTICLE \
--lang om')" "$WORK/nl.log"
sum=$(md5sum <"$S/content/om/strings.yaml")
"$HANDOUT" new-language om --config "$S/handout.yaml" >/dev/null 2>"$WORK/nl.err"
check "a second new-language exits 2" test $? -eq 2
check "... naming the file" \
  grep -qxF "$S/content/om/strings.yaml: error: already exists; nothing was written (this command never overwrites a \
file)" "$WORK/nl.err"
check "... and leaves it as it was" test "$(md5sum <"$S/content/om/strings.yaml")" = "$sum"
"$HANDOUT" new-language pt --config "$S/handout.yaml" >/dev/null 2>"$WORK/nl.err"
check "new-language pt writes what was asked, and suggests pt-BR" \
  verify --exists "$S/content/pt/strings.yaml" \
  --file "$WORK/nl.err" --line "warning: wrote English labels for 'pt', which handout has none for (did you mean \
'pt-BR'?)"
bad "new-language ../x" "error: invalid language code '../x' (expected a BCP 47 code such as so, pt-PT, zh-Hans)" \
  new-language ../x --config "$S/handout.yaml"

# Codes that look like shipped ones: init refuses with the suggestion, and so does the config.
bad "init --lang sp" "error: handout has no labels for language 'sp' given with --lang (did you mean 'es'?); to start \
'sp' anyway, from the English labels, run 'handout new-language sp' in the clinic's folder" \
  init "$WORK/c3" --lang sp
bad "init --lang zh" "error: handout has no labels for language 'zh' given with --lang (did you mean 'zh-Hans' or \
'zh-Hant'?); to start 'zh' anyway, from the English labels, run 'handout new-language zh' in the clinic's folder" \
  init "$WORK/c3" --lang en --lang zh
bad "init --lang pt" "error: handout has no labels for language 'pt' given with --lang (did you mean 'pt-BR'?); to \
start 'pt' anyway, from the English labels, run 'handout new-language pt' in the clinic's folder" \
  init "$WORK/c3" --lang pt
printf 'clinic:\n  name: X\nlanguages: [en, sp]\n' >"$WORK/sp.yaml"
bad "languages: [en, sp] in a config" "$WORK/sp.yaml:3:17: error: handout has no labels for language 'sp' (did you \
mean 'es'?); to add 'sp' as a new language, run 'handout new-language sp'" \
  build --config "$WORK/sp.yaml"
# With a fallback language those handouts still build (printed in it): a warning, not an error.
printf 'fallback_language: en\n' >>"$WORK/sp.yaml"
"$HANDOUT" check --config "$WORK/sp.yaml" >/dev/null 2>"$WORK/sp.err"
check "with fallback_language a lookalike code is a warning (exit $?)" \
  grep -qxF "$WORK/sp.yaml:3:17: warning: handout has no labels for language 'sp' (did you mean 'es'?); its handouts \
print the 'en' version (fallback_language)" "$WORK/sp.err"
sed -i '/^fallback_language/d' "$WORK/sp.yaml"
bad "build --lang zh" "error: handout has no labels for language 'zh' given with --lang (did you mean 'zh-Hans' or \
'zh-Hant'?); to add 'zh' as a new language, run 'handout new-language zh'" \
  build --config "$WORK/sp.yaml" --lang zh

check_every_pdf "$WORK"
finish
