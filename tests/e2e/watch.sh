#!/usr/bin/env bash
# End-to-end: `handout watch` on a staged clinic (the example in English and Spanish). It builds
# once; an article changed rebuilds only its handout; a strings file replaced by a rename (as
# editors save) rebuilds only its language; a language folder replaced by a new one is
# watched again; SIGINT stops it with exit code 0.
# Usage: watch.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"

C=$WORK/clinic
mkdir -p "$C/content"
cp -r "$REPO/content/en" "$REPO/content/es" "$C/content/"
cp -r "$REPO/assets" "$REPO/handout.yaml" "$C/"
# Two languages, without the language-assistance notice (which quotes every language's strings).
sed -i 's/^languages: .*/languages: [en, es]/; /^notices:/d' "$C/handout.yaml"
LOG=$WORK/watch.log

# wait_for SECONDS COMMAND...: polls COMMAND every 0.1 s until it succeeds; false on timeout.
wait_for() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}
summaries() { grep -cE '^[0-9]+ handouts? written' "$LOG"; }
sum_of() { md5sum "$C/out/$1/vaginismus.pdf" 2>/dev/null | cut -d' ' -f1; }
# Predicates for wait_for, evaluated afresh on each poll.
pdf_changed() { test "$(sum_of "$1")" != "$2"; }
more_summaries() { test "$(summaries)" -gt "$1"; }
# since N: the log after its first N summary lines (what the next rebuild printed).
since() { awk -v n="$1" 'seen >= n; /^[0-9]+ handouts? written/ {seen++}' "$LOG"; }
# rebuilt_after N: waits for summary N+1 and prints the languages written since summary N.
rebuilt_after() {
  wait_for 10 more_summaries "$1" || { echo "timeout"; return; }
  since "$1" | sed -n 's#^wrote .*out/\([^/]*\)/vaginismus.pdf .*#\1#p' | sort | tr '\n' ' ' | sed 's/ $//'
}

# -k: a watch still running 20 s after the SIGINT below (or the SIGTERM at 60 s) is stuck with
# those signals blocked, inside a build or at exit: it is killed and the test fails within a
# minute and a half instead of holding CI until ctest's timeout.
(cd "$C" && exec timeout -k 20 60 "$HANDOUT" watch --config handout.yaml --jobs 2 >"$LOG" 2>"$WORK/err") &
pid=$!
check "the first build and the watches are ready" wait_for 15 grep -q '^watching [0-9]* folders' "$LOG"
check "the first build wrote both handouts" grep -qx '2 handouts written, 0 failed' "$LOG"

n=$(summaries)
en=$(sum_of en)
printf '\nOne more sentence, written while watching.\n' >>"$C/content/en/vaginismus.md"
check "the English PDF changes after its article changed" wait_for 10 pdf_changed en "$en"
out=$(rebuilt_after "$n")
check "... only the English handout was rebuilt (got: $out)" test "$out" = "en"
check "... the change was named" grep -qx 'changed: content/en/vaginismus.md' <(since "$n")
check "... the summary says 1 written, 1 up to date" grep -qx '1 handout written, 1 up to date, 0 failed' <(since "$n")

n=$(summaries)
es=$(sum_of es)
sed 's/^contact_us: .*/contact_us: "Contáctenos hoy"/' "$C/content/es/strings.yaml" >"$C/content/es/strings.yaml.new"
mv "$C/content/es/strings.yaml.new" "$C/content/es/strings.yaml"  # saved by rename, as editors do
check "the Spanish PDF changes after strings.yaml was replaced" wait_for 10 pdf_changed es "$es"
out=$(rebuilt_after "$n")
check "... only the Spanish handout was rebuilt (got: $out)" test "$out" = "es"
check "... the new label is in it" verify --pdf "$C/out/es/vaginismus.pdf" --has 'Contáctenos hoy'

# The Spanish folder replaced by a new one (removed, and a copy renamed into its place): the
# watch on the old folder is gone, the new one must be watched. (Each step is atomic, so no
# build sees the clinic without Spanish: it would fall back to the source tree's.)
cp -r "$C/content/es" "$C/content/es.new"
n=$(summaries)
mv "$C/content/es" "$WORK/es-old" && mv "$C/content/es.new" "$C/content/es"
wait_for 10 more_summaries "$n"
check "... the folder swap alone rebuilt nothing (same files)" \
  grep -qx '0 handouts written, 2 up to date, 0 failed' <(since "$n")
n=$(summaries)
printf '\nUna frase más.\n' >>"$C/content/es/vaginismus.md"
out=$(rebuilt_after "$n")
check "a change inside the new Spanish folder: Spanish rebuilt (got: $out)" test "$out" = "es"
check "... its new sentence is in the PDF" verify --pdf "$C/out/es/vaginismus.pdf" --has 'Una frase más'

n=$(summaries)
touch "$C/content/en/.vaginismus.md.swp" "$C/content/en/notes~"
sleep 1
check "editors' swap and backup files start no build" test "$(summaries)" -eq "$n"

# stopped PID: true once PID has exited (reaped by `wait`); false while it runs.
stopped() { ! kill -0 "$1" 2>/dev/null; }
watcher=$(cut -d' ' -f1 "/proc/$pid/task/$pid/children")  # what timeout started
kill -INT "$pid"
if ! wait_for 15 stopped "$watcher"; then
  # Where it is stuck, for whoever reads the CI log: each thread's state and kernel wait.
  echo "the watch did not stop within 15 s of SIGINT (timeout kills it 20 s after); its processes and threads:"
  for p in /proc/[0-9]*; do  # the process group timeout leads: pid, state, wait channel, command
    read -r -a st <"$p/stat" 2>/dev/null || continue
    [ "${st[4]}" = "$pid" ] && echo "${p#/proc/} ${st[2]} $(cat "$p/wchan" 2>/dev/null) $(tr '\0' ' ' <"$p/cmdline")"
  done
  for t in /proc/"$watcher"/task/*; do echo "thread ${t##*/}: $(cut -d' ' -f3 "$t/stat") $(cat "$t/wchan")"; done
  tail -n 5 "$LOG" "$WORK/err"
fi
wait "$pid"
rc=$?
check "SIGINT stops the watch with exit code 0 (got $rc)" test "$rc" -eq 0
check "... saying so" grep -qx 'stopped watching' "$LOG"
# The English grew a sentence after the Spanish was translated: each build says so, nothing else.
check "nothing on stderr but the Spanish's outdated warning" verify --file "$WORK/err" \
  --re 'content/es/vaginismus.md:.*warning: translated from an earlier version' \
  --all-lines 'warning: translated from an earlier version'
[ -s "$WORK/err" ] && head -5 "$WORK/err"
check "no temporary files left" test -z "$(find "$C" -name '*.handout-tmp-*')"
check_every_pdf "$C/out"
finish
