#!/usr/bin/env bash
# End-to-end: figures, hostile content, the command line, and bad input (messages word for word,
# exit codes, no PDF for what failed).
# Usage: errors.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"

# --- figures: placed whole, or a clear error ------------------------------------------------
stage_clinic "$WORK/fig"
rm "$WORK/fig/content/en/a.md"
cp "$REPO/assets/logo.png" "$WORK/fig/content/en/pelvis.png"
printf -- '%s\n' --- 'title: Figures' --- '' Before. '' '![The pelvic floor.](pelvis.png)' '' After. \
  >"$WORK/fig/content/en/f.md"
"$HANDOUT" build --config "$WORK/fig/h.yaml" >/dev/null 2>"$WORK/err"
check "a figure is placed in the PDF" verify --run pdfimages -list "$WORK/fig/out/en/f.pdf" -- --has ' 256   256 '
check "a figure's caption is printed" verify --pdf "$WORK/fig/out/en/f.pdf" --re 'The pelvic floor.'
printf -- '---\ntitle: Figures\n---\n\n![Gone.](gone.png)\n' >"$WORK/fig/content/en/g.md"
"$HANDOUT" build --config "$WORK/fig/h.yaml" --article g >/dev/null 2>"$WORK/err"
check "a missing figure fails the handout (exit 1)" test $? -eq 1
check "a missing figure names file, line and the path tried" \
  grep -qxF "$WORK/fig/content/en/g.md:5:1: error: image not found: 'gone.png' (tried \
'$WORK/fig/content/en/gone.png')" "$WORK/err"

# --- hostile input: never a crash or a hang ---------------------------------------------------
stage_clinic "$WORK/stress"
rm "$WORK/stress/content/en/a.md"
{
  printf -- '---\ntitle: Stress\n---\n\n'
  head -c 300000 /dev/zero | tr '\0' 'a'            # one 300,000-letter word
  printf '\n\n'
  for _ in $(seq 1 2000); do printf '阴道痉挛是指在尝试插入时，盆底肌肉不由自主地收紧。'; done
  printf '\n\n'
  for _ in $(seq 1 200); do printf '> '; done; printf 'deep quote\n\n'
  for _ in $(seq 1 200); do printf -- '- '; done; printf 'deep list\n'
} >"$WORK/stress/content/en/s.md"
printf 'limits:\n  pages: 1000\n' >>"$WORK/stress/h.yaml"
timeout 120 "$HANDOUT" build --config "$WORK/stress/h.yaml" >/dev/null 2>"$WORK/err"
rc=$?
check "hostile input builds without crash or hang (exit $rc)" test "$rc" -eq 0
check "hostile input gives a valid PDF" qpdf --check "$WORK/stress/out/en/s.pdf"

# --- the command line ---------------------------------------------------------------------
"$HANDOUT" --help >"$WORK/help" 2>&1
check "--help exits 0" test $? -eq 0
check "--help lists the build command" grep -q "build" "$WORK/help"
check "--version prints the version" verify --run "$HANDOUT" --version -- --re '^handout [0-9]+\.[0-9]+\.[0-9]+$'
"$HANDOUT" >/dev/null 2>&1
check "no command is a usage error (exit 2)" test $? -eq 2
"$HANDOUT" build --no-such-flag >/dev/null 2>&1
check "an unknown option is a usage error (exit 2)" test $? -eq 2

# --- bad input: clear messages, exit codes, no PDF --------------------------------------------
stage_clinic "$WORK/bad"
rm "$WORK/bad/content/en/a.md"
printf 'clinic:\n  name: Bad Clinic\nlangauges: [en]\n' >"$WORK/bad/typo.yaml"
"$HANDOUT" build --config "$WORK/bad/typo.yaml" >/dev/null 2>"$WORK/err"
check "config error exits 2" test $? -eq 2
check "config error names file:line:col and suggests" \
  grep -qxF "$WORK/bad/typo.yaml:3:1: error: unknown key 'langauges' in config (did you mean 'languages'?)" "$WORK/err"
printf 'clinic:\n  name: Bad Clinic\nlayout: leter\n' >"$WORK/bad/layout.yaml"
"$HANDOUT" build --config "$WORK/bad/layout.yaml" >/dev/null 2>"$WORK/err"
check "unknown layout exits 2" test $? -eq 2
check "unknown layout suggests 'letter'" \
  grep -q "^$WORK/bad/layout.yaml:3:9: error: unknown layout 'leter'.*(did you mean 'letter'?)$" "$WORK/err"
printf 'clinic:\n  name: Bad Clinic\narticles: [missing]\n' >"$WORK/bad/article.yaml"
"$HANDOUT" build --config "$WORK/bad/article.yaml" >"$WORK/out.log" 2>"$WORK/err"
check "missing article exits 1" test $? -eq 1
check "missing article names the path tried" \
  grep -qxF "$WORK/bad/article.yaml:3:12: error: article 'missing' not found (tried \
'$WORK/bad/content/en/missing.md')" "$WORK/err"
check "summary counts the failure" grep -qx "0 handouts written, 1 failed" "$WORK/out.log"
printf -- '---\ntitle: Broken\nreviewed: yesterday\n---\n\nText.\n' >"$WORK/bad/content/en/broken.md"
printf 'clinic:\n  name: Bad Clinic\n' >"$WORK/bad/ok.yaml"
"$HANDOUT" build --config "$WORK/bad/ok.yaml" >/dev/null 2>"$WORK/err"
check "bad front matter exits 1" test $? -eq 1
check "bad front matter points at its line" \
  grep -qxF "$WORK/bad/content/en/broken.md:3:11: error: 'reviewed' must be a real date written YYYY-MM-DD (got \
'yesterday')" "$WORK/err"
check "no PDF written for a failed article" test ! -e "$WORK/bad/out/en/broken.pdf"
printf 'clinic:\n  name: Bad Clinic\nbrand:\n  fonts:\n    body: Comic Sans\n' >"$WORK/bad/font.yaml"
"$HANDOUT" build --config "$WORK/bad/font.yaml" >/dev/null 2>"$WORK/err"
check "missing font exits 2" test $? -eq 2
check "missing font names the paths tried" \
  verify --file "$WORK/err" --has "$WORK/bad/font.yaml:5:11: error: font 'Comic Sans' Regular not found (tried \
'$WORK/bad/fonts/ComicSans-Regular.ttf', '$REPO/fonts/ComicSans-Regular.ttf', \
'/usr/share/fonts/truetype/noto/ComicSans-Regular.ttf', '/usr/share/fonts/opentype/noto/ComicSans-Regular.ttf', \
and the installed fonts)"
# A language folder only handout has (the source tree's content/vi here; an install's
# share/handout/content/vi elsewhere): the clinic's own path comes first, and the fallback that
# would print the article is suggested, by build and check alike.
mkdir -p "$WORK/vi/content/en"
printf 'clinic:\n  name: VI\nlanguages: [en, vi]\n' >"$WORK/vi/h.yaml"
printf -- '---\ntitle: Heart\n---\n\nWords.\n' >"$WORK/vi/content/en/heart.md"
"$HANDOUT" build --config "$WORK/vi/h.yaml" --lang vi --article heart >/dev/null 2>"$WORK/err"
check "an article missing in a language exits 1" test $? -eq 1
check "... naming the clinic's path first, and suggesting fallback_language: en" \
  grep -qxF -- "--article: error: article 'heart' not found (tried '$WORK/vi/content/vi/heart.md', \
'$REPO/content/vi/heart.md'); 'en' has it: set 'fallback_language: en' in the config to print that version instead" \
"$WORK/err"
"$HANDOUT" check --config "$WORK/vi/h.yaml" --lang vi --article heart >"$WORK/out.log" 2>&1
check "... and check says the same" \
  grep -qxF "$WORK/vi/content/vi/heart.md: error: no 'vi' translation of 'heart': the build fails for this handout \
(set 'fallback_language: en' to print the 'en' version in 'vi')" "$WORK/out.log"
printf 'fallback_language: en\n' >>"$WORK/vi/h.yaml"
"$HANDOUT" build --config "$WORK/vi/h.yaml" --lang vi --article heart >/dev/null 2>"$WORK/err"
check "... which then builds (exit $?)" test -f "$WORK/vi/out/vi/heart.pdf"
# A language without labels anywhere: the clinic's path, and the command that writes it.
mkdir -p "$WORK/vi/content/xq" && cp "$WORK/vi/content/en/heart.md" "$WORK/vi/content/xq/"
"$HANDOUT" build --config "$WORK/vi/h.yaml" --lang xq >/dev/null 2>"$WORK/err"
check "no labels for a language: the fallback prints (exit $?)" grep -qF "warning: 'heart' is not available in 'xq' \
(missing '$WORK/vi/content/xq/strings.yaml')" "$WORK/err"
sed -i '/^fallback_language/d' "$WORK/vi/h.yaml"
"$HANDOUT" build --config "$WORK/vi/h.yaml" --lang xq >/dev/null 2>"$WORK/err"
check "... and without a fallback, the error says how to start them" \
  grep -qxF "$WORK/vi/content/xq/strings.yaml: error: cannot read strings file '$WORK/vi/content/xq/strings.yaml': No \
such file or directory (run 'handout new-language xq' to write it from the English labels)" "$WORK/err"

printf -- '\x00\xff\xfe garbage' >"$WORK/bad/binary.yaml"
"$HANDOUT" build --config "$WORK/bad/binary.yaml" >/dev/null 2>"$WORK/err"
rc=$?
check "binary garbage as config exits 2 without crashing (got $rc)" test "$rc" -eq 2
"$HANDOUT" build --config "$WORK/nope.yaml" >/dev/null 2>"$WORK/err"
check "missing config exits 2" test $? -eq 2
check "missing config is named, with the reason" \
  grep -qxF "$WORK/nope.yaml: error: cannot read config file '$WORK/nope.yaml': No such file or directory" "$WORK/err"

# YAML as people write it: a colour is a comment unless quoted, a ': ' in a value needs quotes.
printf 'clinic:\n  name: Bad Clinic\nbrand:\n  primary: #7A3E9D\n' >"$WORK/bad/colour.yaml"
"$HANDOUT" build --config "$WORK/bad/colour.yaml" >/dev/null 2>"$WORK/err"
check "an unquoted colour exits 2, never the default colour" test $? -eq 2
check "an unquoted colour is named at its key, quoted" grep -qxF \
  "$WORK/bad/colour.yaml:4:3: error: 'primary' has no value: '#' starts a comment in YAML; quote the colour: primary: \
\"#7A3E9D\"" "$WORK/err"
rm "$WORK/bad/content/en/broken.md"
printf -- '---\ntitle: Asthma: using a spacer\n---\n\nText.\n' >"$WORK/bad/content/en/spacer.md"
"$HANDOUT" build --config "$WORK/bad/ok.yaml" >/dev/null 2>"$WORK/err"
check "a ': ' in a title fails its handout (exit 1)" test $? -eq 1
check "a ': ' in a title: where, and how to quote it" grep -qxF \
  "$WORK/bad/content/en/spacer.md:2:14: error: invalid YAML: illegal map value: a value containing ': ' must be \
quoted, e.g. title: \"Asthma: using a spacer\"" "$WORK/err"
check "no PDF for it" test ! -e "$WORK/bad/out/en/spacer.pdf"

check_every_pdf "$WORK"
finish
