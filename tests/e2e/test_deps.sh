#!/usr/bin/env bash
# End-to-end: every program and Python module the tests use is declared in tests/needs.txt and
# installed by scripts/install-deps.sh (tests/deps_audit.py), and the audit fails when either is
# not: a package taken off the list, a program used in a here-document, an `sh -c` string or a
# `verify --run` (lib.sh), a Python import, an entry nobody uses.
# Usage: test_deps.sh path/to/build/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"
AUDIT=$REPO/tests/deps_audit.py

"$PYTHON" "$AUDIT" >"$WORK/audit.log" 2>&1
rc=$?  # before the message's $(...) resets $?: this check once passed on a failing audit
check "the audit passes on the repository (exit $rc): $(tail -3 "$WORK/audit.log")" test "$rc" -eq 0

# python3-pikepdf taken off the package list: the accessibility checks' module is reported.
grep -v 'python3-pikepdf' "$REPO/scripts/install-deps.sh" >"$WORK/install-deps.sh"
"$PYTHON" "$AUDIT" --needs-only --install-deps "$WORK/install-deps.sh" >"$WORK/audit.log" 2>&1
check "without python3-pikepdf on the list, the audit fails" test $? -eq 1
check "... and names the module and its package" verify --file "$WORK/audit.log" \
  --has "module 'pikepdf' comes from python3-pikepdf, which scripts/install-deps.sh does not install"
grep -v '^  poppler-utils' "$REPO/scripts/install-deps.sh" >"$WORK/install-deps.sh"
"$PYTHON" "$AUDIT" --needs-only --install-deps "$WORK/install-deps.sh" >"$WORK/audit.log" 2>&1
check "without poppler-utils, pdftotext is reported" \
  grep -q "program 'pdftotext' comes from poppler-utils" "$WORK/audit.log"

# A copy of the tests that uses what it does not declare, in each place a program can hide.
R=$WORK/repo
mkdir -p "$R/scripts"
cp -r "$REPO/tests" "$R/tests"
cp "$REPO/scripts/install-deps.sh" "$REPO/scripts/test.sh" "$REPO/scripts/fuzz.sh" "$R/scripts/"
cp "$REPO/tests/fixtures/undeclared_tools.sh" "$R/tests/e2e/hidden.sh"
"$PYTHON" "$AUDIT" --repo "$R" >"$WORK/audit.log" 2>&1
check "undeclared programs and modules fail the audit" test $? -eq 1
for what in "program 'heredoc-tool'" "program 'string-tool'" "program 'wrapped-tool'" "program 'checker-tool'" \
  "module 'numpy'" "module 'scipy'"; do
  check "... $what is named with its file and line" \
    grep -q "tests/e2e/hidden.sh:[0-9]*: .*$what is used but not declared" "$WORK/audit.log"
done
rm "$R/tests/e2e/hidden.sh"
printf 'program cowsay\n' >>"$R/tests/needs.txt"
"$PYTHON" "$AUDIT" --repo "$R" >"$WORK/audit.log" 2>&1
check "a declared program no test uses fails the audit" \
  grep -q "program 'cowsay' is declared but no test uses it" "$WORK/audit.log"
finish
