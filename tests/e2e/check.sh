#!/usr/bin/env bash
# End-to-end: `handout check` on the shipped example (English and Spanish: the table, the JSON,
# --strict and --target-grade), on a staged clinic with one of each problem (each finding at its
# file:line:col), a config error, and `build --check`'s summary lines.
# Usage: check.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"
export SOURCE_DATE_EPOCH=1795564800  # 2026-11-25: review dates do not age with the calendar

# --- the example: English and Spanish -----------------------------------------------------------
cd "$REPO" || exit 1
"$HANDOUT" check --lang en --lang es >"$WORK/text" 2>"$WORK/err"
check "check exits 0 without --strict" test $? -eq 0
check "nothing on stderr for the example" test ! -s "$WORK/err"
check "a head line per handout: language/article and file" \
  grep -qx 'en/vaginismus  content/en/vaginismus.md' "$WORK/text"
check "... Spanish too" grep -qx 'es/vaginismus  content/es/vaginismus.md' "$WORK/text"
check "English: Flesch-Kincaid row with the target" \
  grep -qE '^  Flesch-Kincaid grade +[0-9]+\.[0-9]{2} +grade [0-9.]+ +high school +over target 6$' "$WORK/text"
check "English: SMOG row" grep -qE '^  SMOG +[0-9]+\.[0-9]{2} +grade ' "$WORK/text"
check "Spanish: Fernandez Huerta and INFLESZ rows" verify --file "$WORK/text" \
  --re '^  Fernandez Huerta +[0-9.]+ +grade' --re '^  Szigriszt-Pazos \(INFLESZ\) +[0-9.]+'
check "counts line" \
  verify --file "$WORK/text" --re "^  [0-9]+ sentences, [0-9]+ words, [0-9]+ syllables \\([0-9]+ words of 3\\+\\); \
[0-9]+ over 20 words; [0-9]+ words of 4\\+ syllables$"
check "long sentences listed as file:line" grep -qE '^    content/en/vaginismus\.md:[0-9]+: 2[1-9] words: ' "$WORK/text"
check "at most 10 long sentences, then 'and N more' (Spanish has 12)" \
  verify --file "$WORK/text" --re '^es/(.*\n)*    and 2 more$'
check "hard words with their syllables" grep -qx '    content/en/vaginismus.md:13: involuntarily (6)' "$WORK/text"
check "the Spanish draft is reported at its line" \
  grep -qxF "content/es/vaginismus.md:8:14: warning: draft translation from 'en': have a clinician fluent in the \
language review it, then set 'translation: reviewed'" "$WORK/text"
check "English fails its target grade" \
  grep -qE '^  failed: grade [0-9.]+ over target 6 \(0 errors, 0 warnings\)$' "$WORK/text"

"$HANDOUT" check --lang en --lang es --format json >"$WORK/json"
check "JSON: one record per handout with every field" verify --check-json "$WORK/json"
"$HANDOUT" check --lang en --strict >/dev/null
check "--strict: exit 1 when a handout is over its target grade" test $? -eq 1
"$HANDOUT" check --lang en --strict --target-grade 12 >"$WORK/t12"
check "--strict --target-grade 12: the English passes (exit 0)" test $? -eq 0
check "... and says so" grep -qE '^  Flesch-Kincaid grade .* within target 12$' "$WORK/t12"

# --- a staged clinic with one of each problem -------------------------------------------------
C=$WORK/clinic
stage_clinic "$C"
mkdir -p "$C/content/es"
cp "$REPO/content/es/strings.yaml" "$C/content/es/"
cp "$REPO/assets/logo.png" "$C/content/en/pelvis.png"
cat >>"$C/h.yaml" <<'EOF'
languages: [en, es]
check:
  target_grade: 8
  review_after_months: 12
  plain_words:
    dyspareunia: pain during sex
    pelvic floor: the muscles at the base of your pelvis
EOF
cat >"$C/content/en/a.md" <<'EOF'
---
title: A Test
summary: Short.
reviewed: 2025-06-30
---

## About dyspareunia

Some people feel **Dyspareunia**. The
pelvic floor can tighten. See [our page](http://clinic.example/a) or [notes](notes.html).

![](pelvis.png)

- An item about dyspareunia, with [mail](mailto:care@clinic.example).

```
dyspareunia in a code block is not reported
```
EOF
"$HANDOUT" check --config "$C/h.yaml" >"$WORK/staged" 2>"$WORK/staged.err"
check "the staged clinic checks (exit 0)" test $? -eq 0
A="$C/content/en/a.md"
expect() { check "$1" grep -qxF "$2" "$WORK/staged"; }
expect "an old review date at its line" "$A:4:11: warning: reviewed 2025-06-30, 16 months ago: due for review after \
12 months (check.review_after_months)"
expect "jargon in a heading" "$A:7:10: warning: 'dyspareunia': say 'pain during sex'"
expect "jargon in bold, as written" "$A:9:20: warning: 'Dyspareunia': say 'pain during sex'"
expect "a two-word term" "$A:10:1: warning: 'pelvic floor': say 'the muscles at the base of your pelvis'"
expect "jargon in a list item" "$A:14:17: warning: 'dyspareunia': say 'pain during sex'"
expect "an http: link" "$A:10:31: warning: link 'http://clinic.example/a' is not encrypted (http:); use https: if the \
site has it"
expect "a relative link" "$A:10:70: error: link 'notes.html' has no scheme: a relative path opens nothing from a PDF; \
use https:, mailto: or tel:"
expect "an image without a description" "$A:12:1: warning: image 'pelvis.png' has no description: say what it shows, \
![like this](pelvis.png), or a screen reader skips it"
# Spanish has no article at all: the build fails for it, and check says so as the build does
# (a record without an article); the English article's record says that Spanish lacks it.
expect "a language without any article" "$C/h.yaml: error: no articles for language 'es' (looked in '$C/content/es')"
expect "a language without the article" "$C/content/es/a.md: warning: no 'es' translation of 'a', so the build makes \
no 'es' handout of it: write this file, or set 'fallback_language: en' to print the 'en' version in 'es'"
check "nothing in the code block" verify --file "$WORK/staged" --no-re 'a.md:1[6-8]:'
check "each problem once (8 findings for English)" test "$(grep -c "^$A:" "$WORK/staged")" -eq 8
check "the English handout fails on its error" grep -qx '  failed (1 error, 8 warnings)' "$WORK/staged"
"$HANDOUT" check --config "$C/h.yaml" --strict >/dev/null 2>&1
check "--strict: exit 1 for an error finding" test $? -eq 1
sed -i 's/^reviewed: .*/reviewed: 2026-01-10/' "$A"
"$HANDOUT" check --config "$C/h.yaml" --lang en >"$WORK/recent"
check "a recent review date is not reported" verify --file "$WORK/recent" --lacks 'reviewed 2026'
# "After today" compares days (SOURCE_DATE_EPOCH is today): the previous month with a later day
# number is in the past, tomorrow is not.
sed -i 's/^reviewed: .*/reviewed: 2026-11-20/' "$A"
SOURCE_DATE_EPOCH=1796428800 "$HANDOUT" check --config "$C/h.yaml" --lang en >"$WORK/dec5"  # 2026-12-05
check "a review date in the previous month, later day number, is not 'after today'" \
  verify --file "$WORK/dec5" --lacks 'after today'
sed -i 's/^reviewed: .*/reviewed: 2026-12-06/' "$A"
SOURCE_DATE_EPOCH=1796428800 "$HANDOUT" check --config "$C/h.yaml" --lang en >"$WORK/dec5"
check "tomorrow's review date is after today" \
  grep -qxF "$A:4:11: warning: 'reviewed' 2026-12-06 is after today (2026-12-05)" "$WORK/dec5"
sed -i '/^reviewed: /d' "$A"
"$HANDOUT" check --config "$C/h.yaml" --lang en >"$WORK/none"
check "a missing review date is reported" \
  grep -qxF "$A:2:1: warning: no 'reviewed' date: add the day a clinician last reviewed it (reviewed: \
YYYY-MM-DD)" "$WORK/none"

# A character no font covers: the build's own warning and error, found by laying the handout out.
printf -- '---\ntitle: Glyphs\nreviewed: 2026-11-01\n---\n\nAn old letter: \xf0\x90\x8e\xa0 here.\n' \
  >"$C/content/en/g.md"
"$HANDOUT" check --config "$C/h.yaml" --lang en --article g >"$WORK/glyphs"
check "an uncovered character: a warning at its line" \
  grep -qxF "$C/content/en/g.md:6: warning: no font covers character U+103A0 '𐎠'" "$WORK/glyphs"
check "... and the build's error" \
  grep -qF "$C/content/en/g.md: error: 1 character would print as empty boxes" "$WORK/glyphs"

# --- build and check name the same handouts (one rule: run_handouts) --------------------------------
# English has 'a', Spanish has 'b', no fallback: the build makes en/a and es/b and succeeds, so
# check checks those two, exits 0 and says what each language lacks without calling it a failure.
P=$WORK/pairs
stage_clinic "$P"
mkdir -p "$P/content/es" && cp "$REPO/content/es/strings.yaml" "$P/content/es/"
printf -- '---\ntitle: B\nreviewed: 2026-11-01\n---\n\nUnas palabras.\n' >"$P/content/es/b.md"
printf 'languages: [en, es]\n' >>"$P/h.yaml"
"$HANDOUT" build --config "$P/h.yaml" --report "$WORK/pairs.report.json" >/dev/null 2>"$WORK/pairs.err"
check "the build of one-language articles exits 0" test $? -eq 0
"$HANDOUT" check --config "$P/h.yaml" --format json >"$WORK/pairs.check.json" 2>>"$WORK/pairs.err"
check "... and so does check" test $? -eq 0
check "build and check name the same (language, article) pairs" \
  verify --pairs "$WORK/pairs.report.json" --equals "$(printf 'en a\nes b')" \
  --pairs "$WORK/pairs.check.json" --equals "$(printf 'en a\nes b')"
check "check never says the build fails" verify --file "$WORK/pairs.check.json" --lacks 'the build fails'

# --- a config error: exit 2, as build ----------------------------------------------------------
printf 'check:\n  target_grade: 30\n' >"$WORK/bad.yaml"
printf 'clinic:\n  name: X\n' >>"$WORK/bad.yaml"
"$HANDOUT" check --config "$WORK/bad.yaml" >/dev/null 2>"$WORK/bad.err"
check "a bad check value is a config error (exit 2)" test $? -eq 2
check "... named at its line" grep -q "^$WORK/bad.yaml:2:17: error: 'target_grade'" "$WORK/bad.err"

# --- build --check: a summary line per handout ---------------------------------------------------
"$HANDOUT" build --check --lang en --lang es --out "$WORK/out" >"$WORK/build" 2>&1
check "build --check builds (exit 0)" test $? -eq 0
check "build --check: the English summary line" \
  grep -qE '^check: en/vaginismus: grade [0-9.]+ \(FK\) over target 6; [0-9]+ long sentences; 0 problems$' "$WORK/build"
check "build --check: the Spanish summary line" \
  verify --file "$WORK/build" \
  --re '^check: es/vaginismus: grade [0-9.]+ \(Fernandez Huerta\) (over|within) target 6; 12 long sentences; '\
'2 problems$'
"$HANDOUT" build --lang en --out "$WORK/out2" >"$WORK/plain" 2>&1
check "no summary lines without --check" verify --file "$WORK/plain" --no-re '^check:'

finish
