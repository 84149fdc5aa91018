#!/usr/bin/env bash
# End-to-end: what makes a handout patient-ready beyond its text. The language-assistance
# notice (every language's tagline, read back from the tagged PDF in logical order); several
# layouts in one run; personal copies for patients (see the sections below).
# Usage: patient_ready.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"

# --- the language-assistance notice (notices: [language_assistance] in the example) ------------
build_example "$WORK/notice" --lang en --lang fa --lang th
# expected_taglines LANG: "P[code]\t<own name>: <tagline>" per listed language, untagged for LANG.
expected_taglines() {
  "$PYTHON" - "$REPO" "$1" <<'PY'
import sys, yaml
repo, lang = sys.argv[1:3]
config = yaml.safe_load(open(f"{repo}/handout.yaml"))
phone = config["clinic"]["phone"]
for code in config["languages"]:
    s = yaml.safe_load(open(f"{repo}/content/{code}/strings.yaml"))
    tag = "P" if code == lang else f"P[{code}]"
    print(f"{tag}\t{s['language_name_own']}: {s['language_assistance'].replace('{phone}', phone)}")
PY
}
for lang in en fa th; do
  "$PYTHON" "$REPO/tests/e2e/pdfua_check.py" --text "$WORK/notice/$lang/vaginismus.pdf" >"$WORK/$lang.tags" 2>&1
  # Spaces as extracted may differ where a line wrapped (and the phone's are no-break spaces):
  # compare without them.
  nospace() { sed 's/ //g; s/\xc2\xa0//g'; }
  missing=$(expected_taglines "$lang" | nospace | grep -vxF -f <(nospace <"$WORK/$lang.tags") | head -3)
  check "$lang: every language's tagline, in its own language and tagged so, phone filled in
$missing" test -z "$missing"
  title=$(verify --yaml "$REPO/content/$lang/strings.yaml" language_assistance_title --print)
  check "$lang: the notice's heading is in the handout's language" grep -qxF "H2	$title" "$WORK/$lang.tags"
done
check "en: the notice comes last" \
  test "$(grep -v ': 0 failures$' "$WORK/en.tags" | tail -1 | cut -f2 | cut -d: -f1)" = "አማርኛ"

# A config with the notice but no phone: a clear error, no handout.
C=$WORK/nophone
stage_clinic "$C"
printf 'notices: [language_assistance]\n' >>"$C/h.yaml"
"$HANDOUT" build --config "$C/h.yaml" --out "$C/out" >"$C/log" 2>"$C/err"
check "notice without a phone: exit 2" test $? -eq 2
check "notice without a phone: says why, at the key" \
  grep -qx "h.yaml:3:10: error: the language-assistance notice needs the clinic's phone number (clinic.phone)" \
  <(sed "s#^$C/##" "$C/err")
check "notice without a phone: no PDF" test ! -e "$C/out/en/a.pdf"

# --- several layouts in one run: layout: [letter, large-print] ----------------------------------
M=$WORK/multi
mkdir -p "$M"
cp -r "$REPO/assets" "$M/"
sed 's/^layout: .*/layout: [letter, large-print]/' "$REPO/handout.yaml" >"$M/h.yaml"
"$HANDOUT" build --config "$M/h.yaml" --lang en --lang ar --report "$M/r.json" >"$M/log" 2>"$M/err"
check "two layouts: exit 0" test $? -eq 0
check "two layouts: the main one is <article>.pdf, the other <article>.<layout>.pdf" \
  test "$(cd "$M/out" && ls */*.pdf | tr '\n' ' ')" = \
  "ar/vaginismus.large-print.pdf ar/vaginismus.pdf en/vaginismus.large-print.pdf en/vaginismus.pdf "
check "two layouts: the large-print copy is the longer (18 pt body)" \
  verify --more-pages "$M/out/en/vaginismus.large-print.pdf" "$M/out/en/vaginismus.pdf"
check "two layouts: the report names each handout's layout" verify --handouts "$M/r.json" \
  --equals "$(printf '%s\n' 'ar large-print' 'ar letter' 'en large-print' 'en letter')"
"$HANDOUT" build --config "$M/h.yaml" --lang en --lang ar >"$M/log2" 2>&1
check "two layouts: a second run finds all four up to date" \
  grep -qx "0 handouts written, 4 up to date, 0 failed" "$M/log2"
sed -i 's/^layout: .*/layout: letter/' "$M/h.yaml"
"$HANDOUT" build --config "$M/h.yaml" >"$M/log3" 2>"$M/err3"
check "one layout dropped: its copies are stale" test "$(grep -c 'large-print.pdf: warning: stale' "$M/err3")" -eq 2

# --- personal copies: build --patients examples/patients.csv ---------------------------------------
P=$WORK/patients
mkdir -p "$P"
"$HANDOUT" build --config "$REPO/handout.yaml" --patients "$REPO/examples/patients.csv" --out "$P/out" \
  --patients-out "$P/copies" --report "$P/r.json" >"$P/log" 2>"$P/err"
check "patients: exit 0" test $? -eq 0
check "patients: one PDF per visit and article, at <patients-out>/<id>/<lang>/<article>.pdf, nothing else" \
  test "$(cd "$P/copies" && find . -type f | sort | tr '\n' ' ')" = "./demo-001/en/vaginismus.pdf \
./demo-002/es/vaginismus.pdf ./demo-003/ar/vaginismus.pdf ./demo-004/zh-Hans/vaginismus.pdf "
check "patients: nothing in the published output folder" test ! -e "$P/out"
"$HANDOUT" build --config "$REPO/handout.yaml" --patients "$REPO/examples/patients.csv" --out "$P/out" \
  --patients-out "$P/out/copies" >/dev/null 2>"$P/inside.err"
check "patients: a personal copies' folder inside the published one is refused (exit 2)" \
  verify --rc $? 2 --file "$P/inside.err" --re "error: personal copies' folder .* overlap" --absent "$P/out"
# No name, clinician, note or password in the log, the diagnostics or the report.
leaks=$("$PYTHON" "$REPO/tests/e2e/find_secrets.py" "$REPO/examples/patients.csv" "$P/log" "$P/err" "$P/r.json" 2>&1)
check "patients: no personal data in the log, diagnostics or report
$leaks" test -z "$leaks"
pdftotext -f 1 -l 1 "$P/copies/demo-002/es/vaginismus.pdf" - 2>/dev/null | normalise >"$P/es.txt"
check "patients: page 1 says who it was prepared for, by whom and when" \
  grep -q "Preparado para: Ejemplo, Juana (ficticia) Profesional de la salud: Dra. Sam Muestra Fecha de la consulta: \
3 de marzo de 2026" "$P/es.txt"
check "patients: the note is on page 1, its Markdown list as a list" \
  verify --file "$P/es.txt" --has "Notas de su consulta Para la próxima visita: • Ejercicios de respiración, 5 \
minutos al día •"
check "patients: the article follows on page 1" grep -q "¿Qué es el vaginismo?" "$P/es.txt"
no_names=(--lacks Ejemplo --lacks Muestra --lacks تجريبية --lacks نموذج)
check "patients: the metadata is the article's, with no name in it (Info and XMP)" verify \
  --pdf-meta "$P/copies/demo-002/es/vaginismus.pdf" "${no_names[@]}" --re '\ATitle: Vaginismo' \
  --pdf-password 'correct horse battery staple' --pdf-meta "$P/copies/demo-003/ar/vaginismus.pdf" \
  "${no_names[@]}" --re '\ATitle: التشنج'
# The row with a password: AES-256, opened only with it, still readable by assistive technology.
enc=$P/copies/demo-003/ar/vaginismus.pdf
check "patients: a row with a password is encrypted with AES-256 (R6)" \
  verify --run qpdf --password='correct horse battery staple' --show-encryption "$enc" -- --line 'R = 6'
check "patients: without its password it does not open" verify --run pdftotext "$enc" - -- --fails
check "patients: a wrong password does not open it" verify --run pdftotext -upw 'wrong horse' "$enc" - -- --fails
check "patients: its password opens it, the text is there" \
  verify --pdf-password 'correct horse battery staple' --pdf "$enc" --has willowcreek
check "patients: extraction for accessibility stays allowed" \
  verify --pdf-password 'correct horse battery staple' --pdf-encryption "$enc" \
  --line 'R 6' --line 'bits 256' --line 'accessibility True' --line 'modify_other False'
check "patients: the rows without a password are not encrypted" \
  verify --run qpdf --show-encryption "$P/copies/demo-001/en/vaginismus.pdf" -- --has 'File is not encrypted'

# A bad file: every problem at its line, exit 2, nothing written, no personal data in messages.
printf '%s\n' 'id,language,articles,name,password' 'demo-1,en,vaginismus,Private Person,secret-pass' \
  '../x,en,vaginismus,Other Person,' 'demo-3,xx yy,vaginismus,Third Person,' >"$P/bad.csv"
"$HANDOUT" build --config "$REPO/handout.yaml" --patients "$P/bad.csv" --patients-out "$P/bad" \
  >"$P/bad.log" 2>"$P/bad.err"
check "bad patients file: exit 2" test $? -eq 2
check "bad patients file: the bad id at its line" grep -q "bad.csv:3:1: error: .*id" "$P/bad.err"
check "bad patients file: the bad language at its line" grep -q "bad.csv:4:[0-9]*: error: .*language" "$P/bad.err"
check "bad patients file: no PDF written" test ! -e "$P/bad"
check "bad patients file: no name or password in the messages" \
  verify --files "$P/bad.err" "$P/bad.log" -- --no-re 'Private|Other Person|Third|secret-pass'

finish
