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
check "--jobs 2: the same files, byte for byte (PDFs and layout dumps)" \
  diff -r -x .handout-manifest "$WORK/j1" "$WORK/j2"
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
check "--jobs 2 with failures: the same files" diff -r -x .handout-manifest "$C/j1" "$C/j2"
check "the report counts the failures" grep -qx "16 handouts written, 2 failed" "$C/j2.log"

# --- shards: N machines, each a deterministic share; together exactly the whole build ----------
for k in 1 2 3; do
  "$HANDOUT" build --config "$REPO/handout.yaml" --out "$WORK/s$k" --shard "$k/3" >"$WORK/s$k.log" 2>&1
  echo $? >>"$WORK/shards.rc"
done
check "every shard exits 0" test "$(sort -u "$WORK/shards.rc")" = 0
(cd "$WORK/j1" && find . -name '*.pdf' | sort) >"$WORK/all.list"
for k in 1 2 3; do (cd "$WORK/s$k" && find . -name '*.pdf' | sort) >"$WORK/s$k.list"; done
check "each shard builds some handouts" \
  verify --nonempty "$WORK/s1.list" --nonempty "$WORK/s2.list" --nonempty "$WORK/s3.list"
check "the shards overlap nowhere" test -z "$(sort "$WORK"/s[123].list | uniq -d)"
check "the shards' union is exactly the whole build" diff "$WORK/all.list" <(sort "$WORK"/s[123].list)
same=0
for k in 1 2 3; do
  while read -r f; do cmp -s "$WORK/j1/$f" "$WORK/s$k/$f" && same=$((same + 1)); done <"$WORK/s$k.list"
done
check "every shard's PDF is byte-identical to the whole build's ($same of 18)" test "$same" -eq 18
"$HANDOUT" build --config "$REPO/handout.yaml" --out "$WORK/s2b" --shard 2/3 >/dev/null 2>&1
check "a shard is the same share every time" diff "$WORK/s2.list" <(cd "$WORK/s2b" && find . -name '*.pdf' | sort)
"$HANDOUT" build --config "$REPO/handout.yaml" --out "$WORK/sx" --shard 4/3 >/dev/null 2>"$WORK/err"
check "--shard 4/3 is refused (exit 2)" test $? -eq 2
check "--shard 4/3 says what it expects" \
  grep -qF "invalid --shard '4/3' (expected K/N with 1 <= K <= N, e.g. 2/4)" "$WORK/err"
check "a refused shard writes nothing" test ! -e "$WORK/sx"

# --- the JSON report, --quiet and the status line -------------------------------------------
"$HANDOUT" build --config "$C/handout.yaml" --out "$C/r" --report "$C/report.json" >/dev/null 2>&1
cat >"$WORK/report_check.py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
fields = {"language", "article", "layout", "path", "pages", "bytes", "milliseconds", "status", "warnings"}
hs = d["handouts"]
assert len(hs) == 18, len(hs)
assert all(set(h) == fields for h in hs), [sorted(h) for h in hs if set(h) != fields]
ok = [h for h in hs if h["status"] == "written"]
bad = {h["language"]: h for h in hs if h["status"] == "failed"}
assert sorted(bad) == ["fr", "vi"], sorted(bad)
assert all(h["pages"] >= 4 and h["bytes"] > 20000 and h["milliseconds"] > 0 and h["layout"] == "letter" for h in ok)
assert all(h["path"].endswith("/" + h["language"] + "/vaginismus.pdf") for h in ok + [bad["fr"]])
assert "fr/vaginismus.md:3:1: error: invalid YAML" in bad["fr"]["warnings"][0], bad["fr"]["warnings"]
assert bad["vi"]["article"] == "" and "no articles for language 'vi'" in bad["vi"]["warnings"][0], bad["vi"]
t = d["totals"]
assert (t["handouts"], t["written"], t["failed"]) == (18, 16, 2), t
assert t["pages"] == sum(h["pages"] for h in hs) and t["bytes"] == sum(h["bytes"] for h in hs), t
assert t["seconds"] > 0 and t["handouts_per_second"] > 0, t
PY
check "--report: a record per handout with every field, failures with their messages, and totals" \
  "$PYTHON" "$WORK/report_check.py" "$C/report.json"
# One language is enough to show nothing is printed (the 18 are built, counted, above).
"$HANDOUT" build --config "$REPO/handout.yaml" --out "$WORK/q" --lang en --quiet >"$WORK/q.log" 2>"$WORK/q.err"
check "--quiet: nothing on stdout when all is well (exit 0)" verify --rc $? 0 --file "$WORK/q.log" --empty
"$HANDOUT" build --config "$C/handout.yaml" --out "$C/q" --quiet >"$C/q.log" 2>"$C/q.err"
check "--quiet with failures: only the count on stdout" \
  verify --file "$C/q.log" --equals '16 handouts written, 2 failed'
check "--quiet with failures: the errors on stderr" grep -q "fr/vaginismus.md:3:1: error" "$C/q.err"
HANDOUT=$HANDOUT CONFIG=$REPO/handout.yaml OUT=$WORK/tty \
  script -q -c '"$HANDOUT" build --config "$CONFIG" --out "$OUT"' /dev/null >"$WORK/tty.log" 2>&1
check "on a terminal: one status line counting up, no line per handout" \
  verify --file "$WORK/tty.log" --has '18/18 handouts' --no-re '^wrote '
check "on a terminal: the summary at the end" grep -q "18 handouts written, 0 failed" "$WORK/tty.log"

# --jobs is checked like every option.
"$HANDOUT" build --config "$REPO/handout.yaml" --jobs 0 >/dev/null 2>"$WORK/err"
check "--jobs 0 is refused (exit 2)" test $? -eq 2
check "--jobs 0 says what it accepts" grep -q "jobs" "$WORK/err"

finish
