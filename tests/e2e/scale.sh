#!/usr/bin/env bash
# End-to-end: building on several cores. `--jobs 2` writes byte-identical PDFs and debug dumps
# to `--jobs 1`, reports them in the same order, with the same diagnostics and exit code, also
# when some handouts fail among others.
# Usage: scale.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"

# Report lines without what differs by nature: the output folder and the milliseconds.
report() { sed "s#$1#OUT#; s/, [0-9]* ms)/)/" "$1.log"; }

for jobs in 1 2; do
  build_example "$WORK/j$jobs" --jobs "$jobs" --debug-layout
  echo "$rc" >"$WORK/j$jobs.rc"
done
check "--jobs 1 builds every language" test "$(grep -c '^wrote ' "$WORK/j1.log")" -eq 18
check "--jobs 2: the same files, byte for byte (PDFs and layout dumps)" diff -r "$WORK/j1" "$WORK/j2"
check "--jobs 2: the same report, in the same order" diff <(report "$WORK/j1") <(report "$WORK/j2")
check "--jobs 2: the same diagnostics" diff "$WORK/j1.err" "$WORK/j2.err"
check "--jobs 2: the same exit code" diff "$WORK/j1.rc" "$WORK/j2.rc"

# Failures among successes: a broken article in one language, a missing one in another.
C=$WORK/mixed
mkdir -p "$C"
cp -r "$REPO/content" "$REPO/assets" "$REPO/handout.yaml" "$C/"
printf -- '---\ntitle: [unclosed\n---\n\nText.\n' >"$C/content/fr/vaginismus.md"
rm "$C/content/vi/vaginismus.md"
for jobs in 1 2; do
  "$HANDOUT" build --config "$C/handout.yaml" --out "$C/j$jobs" --jobs "$jobs" >"$C/j$jobs.log" 2>"$C/j$jobs.err"
  echo $? >"$C/j$jobs.rc"
done
check "a run with failures exits 1" grep -qx 1 "$C/j1.rc"
check "--jobs 2 with failures: the same exit code" diff "$C/j1.rc" "$C/j2.rc"
check "--jobs 2 with failures: the same report, in the same order" diff <(report "$C/j1") <(report "$C/j2")
check "--jobs 2 with failures: the same diagnostics, in the same order" diff "$C/j1.err" "$C/j2.err"
check "--jobs 2 with failures: the same files" diff -r "$C/j1" "$C/j2"
check "the report counts the failures" grep -qx "16 handouts written, 2 failed" "$C/j2.log"

# --jobs is checked like every option.
"$HANDOUT" build --config "$REPO/handout.yaml" --jobs 0 >/dev/null 2>"$WORK/err"
check "--jobs 0 is refused (exit 2)" test $? -eq 2
check "--jobs 0 says what it accepts" grep -q "jobs" "$WORK/err"

finish
