#!/usr/bin/env bash
# Installs the Debian 12 packages handout needs. Run as root.
#   install-deps.sh --for run    what building and running handout needs (scripts/setup.sh)
#   install-deps.sh --for test   that, plus what the tests use (scripts/test.sh)
#   install-deps.sh --list run|test   prints the list and installs nothing (tests/deps_audit.py)
# Only asks apt when something is missing, so a prepared machine is not slowed down.
# Every program and Python module a test uses is declared in tests/needs.txt and checked
# against these lists by the e2e_test_deps suite: add a test's package here, not by hand.
set -euo pipefail

RUN_PACKAGES=(
  g++ cmake make pkg-config                      # toolchain
  libhpdf-dev libyaml-cpp-dev                    # PDF writer, YAML
  libcmark-gfm-dev libcmark-gfm-extensions-dev   # Markdown: GitHub's cmark with tables and task lists
  libpng-dev libjpeg62-turbo-dev                 # images: decoded and checked before embedding
  libcli11-dev libharfbuzz-dev libicu-dev        # command line, shaping and subsetting, UAX #14 line breaks
  libfribidi-dev                                 # right-to-left text: bidi levels and line order
  libfontconfig-dev libqpdf-dev                  # finding installed font families; AES-256 for patients' copies
  libqrencode-dev libcsv-dev                     # QR codes; patients' CSV files (quotes, embedded newlines)
  libdeflate-dev libxxhash-dev                   # stream compression; content hashes of inputs (XXH3)
  libpoppler-cpp-dev                             # catalogue page: first-page thumbnails (a module)
  libxml2-dev libgettextpo-dev                   # handout translate: XLIFF 1.2 and gettext PO (a module)
  libgmime-3.0-dev libcurl4-openssl-dev          # messages to patients: MIME and SMTP (a module) ...
  ca-certificates                                # ... and the certificate authorities --send trusts
  scdoc                                          # the man page handout(1) is built with scdoc
  fonts-noto-core fonts-noto-cjk fonts-nanum fonts-droid-fallback fonts-ipafont-gothic  # fonts for every script
  libhyphen-dev hyphen-en-us hyphen-en-gb        # hyphenation (LibreOffice patterns) ...
  hyphen-es hyphen-fr hyphen-de hyphen-pt-br     # ... for the languages clinics need most
  hyphen-pt-pt hyphen-ru hyphen-it hyphen-nl
)

TEST_PACKAGES=(
  doctest-dev                                    # unit tests
  poppler-utils qpdf strace                      # pdftotext/pdfinfo/pdffonts/pdftoppm, qpdf --check, files a run opens
  mupdf-tools ghostscript                        # every PDF is also opened by MuPDF and Ghostscript
  zbar-tools                                     # every QR code is decoded from the rendered page
  chromium                                       # the catalogue page drawn in a browser
  python3 python3-minimal                        # Debian's Python (/usr/bin/python3) for the checks in tests/e2e
  python3-yaml python3-jsonschema                # YAML files against schema/*.json
  python3-pikepdf                                # the structure tree and metadata read back (PDF/UA checks)
  clang libclang-rt-dev                          # sanitizer build and libFuzzer (scripts/fuzz.sh)
  dpkg-dev file                                  # packaging: cpack's .deb (dpkg-shlibdeps finds its Depends)
  man-db                                         # the man page is checked with man
  fontconfig                                     # fc-match: which font the system gives a family
  shfmt                                          # tests/deps_audit.py reads the test scripts with shfmt's parser
  translate-toolkit python3-translate            # translate: xliff2po/pocount and the toolkit's Python readers
  libxml2-utils gettext                          # translate: xmllint, msgfmt read our exports
  python3-aiosmtpd openssl                       # a real SMTP server on 127.0.0.1 with its own certificates
)

usage() { echo "usage: $0 --for run|test | --list run|test" >&2; exit 2; }
[ $# -eq 2 ] || usage
case "$2" in
  run) PACKAGES=("${RUN_PACKAGES[@]}") ;;
  test) PACKAGES=("${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}") ;;
  *) usage ;;
esac
case "$1" in
  --list) printf '%s\n' "${PACKAGES[@]}"; exit 0 ;;
  --for) ;;
  *) usage ;;
esac

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
