# Shared helpers for the end-to-end scripts: counters, checks and staging a small clinic.
# Source it after setting HANDOUT, REPO and WORK.
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() {  # check "description" command...
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then pass; else fail "$what"; fi
}
# Prints the closing line ctest shows and exits non-zero on any failure.
finish() {
  echo "$(basename "$0" .sh): $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# stage_clinic DIR: a clinic with English strings, config h.yaml (name only) and one short
# article content/en/a.md; callers append to the files they need.
stage_clinic() {
  local dir=$1
  mkdir -p "$dir/content/en"
  cp "$REPO/content/en/strings.yaml" "$dir/content/en/"
  printf 'clinic:\n  name: Test Clinic\n' >"$dir/h.yaml"
  printf -- '---\ntitle: A Test\nsummary: Short.\n---\n\nSome words for the test.\n' >"$dir/content/en/a.md"
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
