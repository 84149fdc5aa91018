#!/usr/bin/env bash
# End-to-end: the installed tool. `cmake --install` into a scratch prefix, which is then moved
# (the binary finds its data beside itself, never in the source tree), builds a clinic that has
# only its config and articles (2 languages x 2 layouts, the labels from the installed default
# strings); a copied binary sees no source tree either. Then the .deb (cpack): its fields,
# Depends and contents; unpacked into a scratch root (dpkg-deb -x) and run from there. Installing it
# into /usr with dpkg -i, using and removing it happens only with HANDOUT_TEST_DPKG=1 (.ci/run).
# Usage: install.sh path/to/build/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"
BUILD=$(dirname "$HANDOUT")
export SOURCE_DATE_EPOCH=1795564800

# A clinic with nothing but its config, two articles and a resource list: no layouts, no strings.
C=$WORK/clinic
mkdir -p "$C/content/en" "$C/content/es"
cat >"$C/handout.yaml" <<'EOF'
clinic:
  name: Installed Clinic
  phone: (555) 010-0100
languages: [en, es]
layout: [letter, large-print]
EOF
cat >"$C/content/en/floor.md" <<'EOF'
---
title: Pelvic Floor Basics
summary: What the pelvic floor does.
---

The pelvic floor holds the organs.
EOF
cat >"$C/content/en/floor.resources.yaml" <<'EOF'
resources:
  - name: Installed Society
    description: Help and answers
    website: https://www.example.org
EOF
cat >"$C/content/es/floor.md" <<'EOF'
---
title: El suelo pélvico
summary: Qué hace el suelo pélvico.
---

El suelo pélvico sostiene los órganos.
EOF
cp "$C/content/en/floor.resources.yaml" "$C/content/es/"

# run BIN [args...]: runs handout in the clinic's folder with a bare environment; output in
# $WORK/out.log and $WORK/err, exit code in $rc.
run() {
  local bin=$1
  shift
  (cd "$C" && env -i PATH=/usr/bin:/bin HOME="$WORK" timeout 120 "$bin" "$@") >"$WORK/out.log" 2>"$WORK/err"
  rc=$?
  if [ "$rc" -ge 124 ]; then fail "$bin crashed or hung (exit $rc): $(tail -3 "$WORK/err")"; fi
}

# built_four OUT: the four handouts, each a valid PDF.
built_four() {
  local f
  for f in en/floor.pdf en/floor.large-print.pdf es/floor.pdf es/floor.large-print.pdf; do
    qpdf --check "$1/$f" >/dev/null || return 1
  done
}

# --- cmake --install into a prefix, then moved ------------------------------------------------
cmake --install "$BUILD" --prefix "$WORK/prefix" >"$WORK/install.log" 2>&1
check "cmake --install succeeds" test $? -eq 0
P=$WORK/prefix
check "installs bin/handout" test -x "$P/bin/handout"
check "installs the thumbnail module in lib/handout" test -f "$P/lib/handout/handout-thumbnail.so"
check "poppler is not linked into the binary (loaded only for thumbnails)" \
  verify --run ldd "$P/bin/handout" -- --lacks poppler
check "installs the encryption module in lib/handout" test -f "$P/lib/handout/handout-encrypt.so"
check "qpdf and GnuTLS are not linked into the binary (loaded only to encrypt)" \
  verify --run ldd "$P/bin/handout" -- --no-re 'qpdf|gnutls'
# Every library is a shared one of Debian's, so security updates (apt) reach the binary.
ldd "$P/bin/handout" >"$WORK/ldd" 2>&1
for lib in libicuuc libyaml-cpp libcmark-gfm libfribidi libhyphen libjpeg libdeflate libxxhash libcsv libstdc++ \
  libharfbuzz libhpdf; do
  check "$lib is loaded as Debian's shared library" grep -q "$lib" "$WORK/ldd"
done
check "no copy of a library's licence is installed for a library linked in (none is)" \
  test ! -e "$P/share/doc/handout/linked"
check "installs the layouts" \
  test -f "$P/share/handout/layouts/letter.yaml" -a -f "$P/share/handout/layouts/trifold.yaml"
check "installs each language's default strings" test -f "$P/share/handout/content/en/strings.yaml" \
  -a -f "$P/share/handout/content/zh-Hant/strings.yaml"
check "installs no example article" \
  test -z "$(find "$P" -name '*.md' -o -name '*.resources.yaml' -o -name handout.yaml)"
check "installs the licence and copyright" test -f "$P/share/doc/handout/LICENSE" -a -f "$P/share/doc/handout/copyright"
check "the licence is the GPL-3" grep -q 'GNU GENERAL PUBLIC LICENSE' "$P/share/doc/handout/LICENSE"
if [ -f "$REPO/man/handout.1" ]; then check "installs the man page" test -f "$P/share/man/man1/handout.1"; fi
if [ -d "$REPO/schema" ]; then check "installs the JSON schemas" test -d "$P/share/handout/schema"; fi
# The hyphenation patterns compiled by the build, one per pattern file Debian has here.
for dic in /usr/share/hyphen/hyph_*.dic; do
  name=$(basename "$(realpath "$dic")" .dic)
  check "installs the compiled hyphenation patterns $name.hyb" test -s "$P/share/handout/hyphen/$name.hyb"
  check "... made from this machine's $name.dic (content hash)" \
    "$BUILD/handout-hyphen-compile" --check "$P/share/handout/hyphen/$name.hyb" "$dic"
done
check "a compiled file is told apart from another pattern file" verify \
  --run "$BUILD/handout-hyphen-compile" --check "$P/share/handout/hyphen/hyph_es_ES.hyb" \
  /usr/share/hyphen/hyph_fr.dic -- --fails

mv "$P" "$WORK/moved"
M=$WORK/moved
run "$M/bin/handout" build --out out
check "the moved install builds the clinic (exit 0): $(head -3 "$WORK/err")" test "$rc" -eq 0
check "2 languages x 2 layouts, each a valid PDF" built_four "$C/out"
check "the Spanish labels come from the installed default strings" \
  verify --pdf "$C/out/es/floor.pdf" --has 'Recursos útiles'
# An article missing in a language whose folder only the install has (content/vi, its labels):
# the clinic's own path first, then the install's, and the fallback that would print it.
run "$M/bin/handout" build --out out --lang vi --article floor
check "a missing article names the clinic's path first: $(head -2 "$WORK/err")" \
  verify --file "$WORK/err" --line "--article: error: article 'floor' not found (tried 'content/vi/floor.md', \
'$M/share/handout/content/vi/floor.md'); 'en' has it: set 'fallback_language: en' in the config to print \
that version instead"
# A new language from the installed English labels, beside the config.
run "$M/bin/handout" new-language so
check "new-language works from the install: $(head -2 "$WORK/err")" \
  verify --rc "$rc" 0 --file "$C/content/so/strings.yaml" --line 'helpful_resources: "Helpful resources"'
rm -r "$C/content/so"
run "$M/bin/handout" build --out out --index
check "the moved install draws the catalogue's thumbnails with its module: $(head -2 "$WORK/err")" \
  verify --rc "$rc" 0 --run file "$C/out/thumbnails/en/floor.png" -- --has 'PNG image'
rm -rf "$C/out/thumbnails" "$C/out/index.html"
mv "$M/lib/handout/handout-thumbnail.so" "$WORK/module.so"
run "$M/bin/handout" build --out out --index
check "without its module, the page is written without pictures and a warning names the module" \
  verify --exists "$C/out/index.html" \
  --file "$WORK/err" --has 'warning: no thumbnail: thumbnails need handout-thumbnail.so, not found'
mv "$WORK/module.so" "$M/lib/handout/handout-thumbnail.so"
# A patient's copy with a password: encrypted by the installed module; without the module it is
# not written at all (never unencrypted) and the error names the module.
printf '%s\n' 'id,language,articles,name,password' 'p1,en,floor,Test Person,open-sesame' >"$C/visits.csv"
run "$M/bin/handout" build --patients visits.csv --patients-out personal
check "the moved install encrypts a patient's copy with its module: $(head -2 "$WORK/err")" verify --rc "$rc" 0 \
  --run qpdf --password=open-sesame --show-encryption "$C/personal/p1/en/floor.pdf" -- --line 'R = 6'
rm -rf "$C/personal"
mv "$M/lib/handout/handout-encrypt.so" "$WORK/module.so"
run "$M/bin/handout" build --patients visits.csv --patients-out personal
check "without its module, no copy is written, exit 1, the error names the module: $(head -2 "$WORK/err")" \
  verify --rc "$rc" 1 --absent "$C/personal/p1/en/floor.pdf" \
  --file "$WORK/err" --has 'encrypted copies need handout-encrypt.so, not found'
mv "$WORK/module.so" "$M/lib/handout/handout-encrypt.so"
# Hyphenated Spanish (two columns): the patterns come from the compiled copy beside the moved
# binary; without it, from the pattern file (slower, same result), and a note says so.
run "$M/bin/handout" build --out out3 --layout two-column --lang es
check "two-column Spanish builds from the install: $(head -2 "$WORK/err")" \
  test "$rc" -eq 0 -a -n "$(ls "$C"/out3/es/floor*.pdf 2>/dev/null)"
check "... with the installed compiled patterns (no note about the pattern file)" \
  verify --file "$WORK/err" --lacks 'hyphenation patterns loaded'
es_hyb=$M/share/handout/hyphen/hyph_es_ES.hyb
mv "$es_hyb" "$WORK/es.hyb"
run "$M/bin/handout" build --out out3 --layout two-column --lang es --force
check "without the compiled copy, the same build says it loaded the pattern file" \
  verify --rc "$rc" 0 --file "$WORK/err" --has 'note: hyphenation patterns loaded from the pattern file'
mv "$WORK/es.hyb" "$es_hyb"
rm -rf "$C/out3"

# Which folders a binary searches: an unknown layout's error lists every path tried.
run "$M/bin/handout" build --layout nosuch --out out2
check "unknown layout: exit 2" test "$rc" -eq 2
check "the moved binary looks beside itself" grep -qF "'$M/share/handout/layouts/nosuch.yaml'" "$WORK/err"
check "... and never in the source tree" verify --file "$WORK/err" --lacks "$REPO/"
mkdir -p "$WORK/copy"
cp "$HANDOUT" "$WORK/copy/handout"
run "$WORK/copy/handout" build --layout nosuch --out out2
check "a copied binary never looks in the source tree" verify --file "$WORK/err" --lacks "$REPO/"
run "$HANDOUT" build --layout nosuch --out out2
check "the build-tree binary does" grep -qF "'$REPO/layouts/nosuch.yaml'" "$WORK/err"

# --- the .deb ---------------------------------------------------------------------------------
cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$WORK/pkg" >"$WORK/cpack.log" 2>&1
rc=$?
check "cpack -G DEB succeeds: $(grep -m1 -i error "$WORK/cpack.log")" test "$rc" -eq 0
DEB=$(find "$WORK/pkg" -maxdepth 1 -name 'handout_*.deb' | head -1)
check "one .deb named handout_<version>_<arch>.deb" test -n "$DEB"
DEB=${DEB:-/nonexistent}
depends=$(dpkg-deb -f "$DEB" Depends 2>/dev/null)
for dep in libhpdf libharfbuzz0b libharfbuzz-subset0 libpng16 libfontconfig1 libqpdf29 libqrencode4 libstdc++6 \
  libc6 libpoppler-cpp0v5 fonts-noto-core fonts-noto-cjk fonts-nanum fonts-droid-fallback fonts-ipafont-gothic \
  hyphen-en-us hyphen-nl; do
  check "Depends names $dep" grep -q "\b$dep" <<<"$depends"
done
for dep in libcmark-gfm0 libcmark-gfm-extensions0 libyaml-cpp libicu72 libfribidi0 libhyphen0 libjpeg62-turbo \
  libdeflate0 libxxhash0 libcsv3; do
  check "Depends names $dep" grep -q "\b$dep" <<<"$depends"
done
check "Package, Version, Maintainer, Description" verify \
  --run dpkg-deb -f "$DEB" Package Version Maintainer Description -- --re '^Package: handout' \
  --run dpkg-deb -f "$DEB" Version -- --re '\A[0-9.]*\n?\Z' --run dpkg-deb -f "$DEB" Maintainer -- --has '<'
dpkg-deb --contents "$DEB" 2>/dev/null | awk '{print $NF}' >"$WORK/contents"
for f in ./usr/bin/handout ./usr/lib/handout/handout-thumbnail.so ./usr/lib/handout/handout-encrypt.so \
  ./usr/share/handout/layouts/letter.yaml ./usr/share/handout/content/es/strings.yaml \
  ./usr/share/doc/handout/copyright ./usr/share/doc/handout/LICENSE \
  "./usr/share/handout/hyphen/$(basename "$(realpath /usr/share/hyphen/hyph_de.dic)" .dic).hyb"; do
  check "the .deb holds $f" grep -qx "$f" "$WORK/contents"
done
check "the .deb holds no example article" verify --file "$WORK/contents" --no-re '\.md$'

# --- the .deb unpacked into a scratch root: its binary, data and modules work from there --------
R=$WORK/root
dpkg-deb -x "$DEB" "$R" 2>"$WORK/dpkg.log"
check "dpkg-deb -x unpacks the .deb: $(tail -2 "$WORK/dpkg.log")" test -x "$R/usr/bin/handout"
run "$R/usr/bin/handout" --version
check "the unpacked binary runs: $(head -2 "$WORK/err")" grep -qx 'handout [0-9.]*' "$WORK/out.log"
rm -rf "$C/out"
run "$R/usr/bin/handout" build --out out
check "the unpacked package builds the clinic (exit 0): $(head -3 "$WORK/err")" test "$rc" -eq 0
check "... 2 languages x 2 layouts" built_four "$C/out"
run "$R/usr/bin/handout" build --out out --index
check "... and its catalogue page with thumbnails (the module in usr/lib/handout)" \
  verify --rc "$rc" 0 --run file "$C/out/thumbnails/es/floor.png" -- --has 'PNG image'
run "$R/usr/bin/handout" build --layout nosuch --out out2
check "the package's binary looks in its own usr/share/handout" \
  grep -qF "'$R/usr/share/handout/layouts/nosuch.yaml'" "$WORK/err"

# --- dpkg -i, use, dpkg -r: only where asked (HANDOUT_TEST_DPKG=1, .ci/run), as root ----------
# Installing into the machine's /usr is for a machine made for it, never a default.
if [ "${HANDOUT_TEST_DPKG:-0}" != 1 ]; then
  echo "SKIPPED (not passed): dpkg -i into /usr; set HANDOUT_TEST_DPKG=1 on a throwaway machine"
elif [ "$(id -u)" != 0 ]; then
  echo "SKIPPED (not passed): dpkg -i needs root"
elif dpkg-query -W -f='${Status}' handout 2>/dev/null | grep -q installed || [ -e /usr/bin/handout ]; then
  echo "SKIPPED (not passed): dpkg -i, a handout package or /usr/bin/handout is already installed"
else
  trap 'dpkg -r handout >/dev/null 2>&1; rm -rf "$WORK"' EXIT
  # Another apt or dpkg run may hold dpkg's lock for a while: wait for it (2 minutes) rather than fail.
  for _ in $(seq 1 60); do
    dpkg -i "$DEB" >"$WORK/dpkg.log" 2>&1
    rc=$?
    grep -q 'lock' "$WORK/dpkg.log" && [ "$rc" -ne 0 ] || break
    sleep 2
  done
  check "dpkg -i installs the .deb: $(tail -2 "$WORK/dpkg.log")" test "$rc" -eq 0
  check "/usr/bin/handout --version" verify --run /usr/bin/handout --version -- --re '^handout [0-9.]*$'
  rm -rf "$C/out"
  run /usr/bin/handout build --out out
  check "the installed package builds the clinic (exit 0): $(head -3 "$WORK/err")" test "$rc" -eq 0
  check "... 2 languages x 2 layouts" built_four "$C/out"
  run /usr/bin/handout build --layout nosuch --out out2
  check "the package's binary looks in /usr/share/handout" \
    grep -qF "'/usr/share/handout/layouts/nosuch.yaml'" "$WORK/err"
  dpkg -r handout >"$WORK/dpkg.log" 2>&1
  check "dpkg -r removes it" verify --absent /usr/bin/handout --absent /usr/share/handout
  trap 'rm -rf "$WORK"' EXIT
fi

check_every_pdf "$C"
finish
