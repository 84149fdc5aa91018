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
  # Spaces as extracted may differ where a line wrapped: compare without them.
  missing=$(expected_taglines "$lang" | tr -d ' ' | grep -vxF -f <(tr -d ' ' <"$WORK/$lang.tags") | head -3)
  check "$lang: every language's tagline, in its own language and tagged so, phone filled in
$missing" test -z "$missing"
  title=$("$PYTHON" -c "import yaml; print(yaml.safe_load(open('$REPO/content/$lang/strings.yaml'))['language_assistance_title'])")
  check "$lang: the notice's heading is in the handout's language" grep -qxF "H2	$title" "$WORK/$lang.tags"
done
check "en: the notice comes last" test "$(grep -v ': 0 failures$' "$WORK/en.tags" | tail -1 | cut -f2 | cut -d: -f1)" = "አማርኛ"

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
  test "$(cd "$M/out" && ls */*.pdf | tr '\n' ' ')" = "ar/vaginismus.large-print.pdf ar/vaginismus.pdf en/vaginismus.large-print.pdf en/vaginismus.pdf "
check "two layouts: the large-print copy is the longer (18 pt body)" \
  sh -c "[ \$(pdfinfo '$M/out/en/vaginismus.large-print.pdf' | awk '/^Pages/ {print \$2}') -gt \
           \$(pdfinfo '$M/out/en/vaginismus.pdf' | awk '/^Pages/ {print \$2}') ]"
check "two layouts: the report names each handout's layout" "$PYTHON" -c "
import json; d = json.load(open('$M/r.json'))
assert sorted((h['language'], h['layout']) for h in d['handouts']) == [('ar', 'large-print'), ('ar', 'letter'), ('en', 'large-print'), ('en', 'letter')], d"
"$HANDOUT" build --config "$M/h.yaml" --lang en --lang ar >"$M/log2" 2>&1
check "two layouts: a second run finds all four up to date" grep -qx "0 handouts written, 4 up to date, 0 failed" "$M/log2"
sed -i 's/^layout: .*/layout: letter/' "$M/h.yaml"
"$HANDOUT" build --config "$M/h.yaml" >"$M/log3" 2>"$M/err3"
check "one layout dropped: its copies are stale" test "$(grep -c 'large-print.pdf: warning: stale' "$M/err3")" -eq 2

finish
