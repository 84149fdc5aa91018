# Shared helpers for the end-to-end scripts: counters, checks and staging a small clinic.
# Source it, then call `e2e_setup "$@"` with the script's arguments (handout binary, repo).

# e2e_setup HANDOUT REPO: sets HANDOUT, REPO and a scratch folder WORK, removed at exit.
e2e_setup() {
  HANDOUT=$(realpath "$1")
  REPO=$(realpath "$2")
  WORK=$(mktemp -d "/tmp/handout-$(basename "$0" .sh).XXXXXX")
  trap 'rm -rf "$WORK"' EXIT
}
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() {  # check "description" command...: on failure, the command's own reason too
  local what=$1 out
  shift
  if out=$("$@" 2>&1); then pass; else fail "$what"; [[ $1 == verify ]] && printf '  %s\n' "${out:0:600}"; fi
}
# Prints the closing line ctest shows and exits non-zero on any failure.
finish() {
  echo "$(basename "$0" .sh): $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# stage_clinic DIR [LANG]: a clinic with LANG's (default English) strings, config h.yaml (name
# only) and one short article content/LANG/a.md; callers append to or replace the files they need.
stage_clinic() {
  local dir=$1 lang=${2:-en}
  mkdir -p "$dir/content/$lang"
  cp "$REPO/content/$lang/strings.yaml" "$dir/content/$lang/"
  printf 'clinic:\n  name: Test Clinic\n' >"$dir/h.yaml"
  printf -- '---\ntitle: A Test\nsummary: Short.\n---\n\nSome words for the test.\n' >"$dir/content/$lang/a.md"
}

# build_example OUT [args...]: builds the shipped example clinic into OUT (stdout in OUT.log,
# stderr in OUT.err, exit code in $rc). Each section builds what it reads: a build of all 18
# languages takes well under a second, far less than reading the PDFs back.
build_example() {
  local out=$1
  shift
  timeout 120 "$HANDOUT" build --config "$REPO/handout.yaml" --out "$out" "$@" >"$out.log" 2>"$out.err"
  rc=$?
  if [ "$rc" -ge 124 ]; then fail "handout crashed or hung (exit $rc) on the example $*: $(tail -3 "$out.err")"; fi
}

# Debian's Python, which has python3-yaml, whatever python3 comes first on PATH.
PYTHON=${PYTHON:-/usr/bin/python3}

# verify CLAUSE...: one check by handout_checks.py (a PDF's text, a log, a command's output...).
# Its path is made absolute here: translate.sh works from inside its clinic.
E2E_HANDOUT_CHECKS=$(realpath "$(dirname "${BASH_SOURCE[0]}")/handout_checks.py")
verify() { "$PYTHON" "$E2E_HANDOUT_CHECKS" "$@"; }
# checks_by ARGS...: many checks by handout_checks.py, which prints "ok: WHAT" or "FAIL: WHAT: why"
# for each; anything else it says is shown when it fails without a FAIL line.
checks_by() {
  local out rc line count=0 failures=0
  out=$(verify "$@" 2>&1)
  rc=$?
  while IFS= read -r line; do
    case $line in
      "ok: "*) pass && count=$((count + 1)) ;;
      "FAIL: "*) fail "${line#FAIL: }" && count=$((count + 1)) && failures=$((failures + 1)) ;;
    esac
  done <<<"$out"
  if [ "$count" -eq 0 ] || { [ "$rc" -ne 0 ] && [ "$failures" -eq 0 ]; }; then
    fail "handout_checks.py $1 (exit $rc): $(tail -3 <<<"$out")"
  fi
}

# Joins lines into one, removing hyphens added by hyphenation (U+2010 at a line end).
normalise() { sed -z 's/\xe2\x80\x90\n//g' | tr '\n\f' '  ' | tr -s ' '; }

# seed_parts: each line of the seed article's text, as the PDF prints it (curly apostrophes), a
# resource line ("name — description") as its two parts; one per output line.
seed_parts() {
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line//\'/’}
    if [[ "$line" == *" — "* ]]; then
      printf '%s\n%s\n' "${line%% — *}" "${line#* — }"
    else
      printf '%s\n' "$line"
    fi
  done <"$REPO/tests/fixtures/vaginismus-explained.txt" | grep -v '^$'
}

# build DIR [args...]: runs handout on DIR/h.yaml; stdout in $WORK/out.log, stderr in $WORK/err,
# exit code in $rc. A crash (signal) always fails.
build() {
  local dir=$1
  shift
  timeout 120 "$HANDOUT" build --config "$dir/h.yaml" "$@" >"$WORK/out.log" 2>"$WORK/err"
  rc=$?
  if [ "$rc" -ge 124 ]; then fail "handout crashed or hung (exit $rc) on $dir $*: $(tail -3 "$WORK/err")"; fi
}

# readers_ok PDF: qpdf, poppler (pdfinfo, pdftotext), MuPDF and Ghostscript open and draw it
# without a word of complaint. (Debian's MuPDF always notes that it was built without ICC
# support; that line says nothing about the file.)
readers_ok() {
  local pdf=$1 out
  out=$(
    qpdf --check "$pdf" >/dev/null 2>&1 || echo "qpdf --check failed"
    qpdf --check "$pdf" 2>&1 | grep -i 'warning'
    pdfinfo "$pdf" 2>&1 >/dev/null
    pdftotext "$pdf" /dev/null 2>&1
    mutool draw -q -r 36 -o /dev/null -F png "$pdf" 2>&1 | grep -vx 'warning: ICC support is not available' \
      || true
    mutool draw -q -r 36 -o /dev/null -F png "$pdf" >/dev/null 2>&1 || echo "mutool draw failed"
    gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage "$pdf" 2>&1 || echo "gs failed"
  )
  [ -z "$out" ] || { printf '%s\n' "$out" | head -5; return 1; }
}

# check_every_pdf DIR: every PDF the script built, read by all five readers.
check_every_pdf() {
  local count=0 pdf
  while IFS= read -r -d '' pdf; do
    count=$((count + 1))
    if problems=$(readers_ok "$pdf"); then pass; else fail "a reader complains about $pdf: $problems"; fi
  done < <(find "$1" -name '*.pdf' -print0)
  check "the five readers saw at least one PDF" test "$count" -gt 0
  echo "five readers checked $count PDFs"
}
