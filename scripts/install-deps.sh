#!/usr/bin/env bash
# Installs the Debian 12 packages handout needs to build, run and test. Run as root.
# Only asks apt when something is missing, so a prepared machine is not slowed down.
set -euo pipefail
PACKAGES=(
  g++ cmake make pkg-config                      # toolchain
  libhpdf-dev libcmark-dev libyaml-cpp-dev       # PDF writer, Markdown, YAML
  libpng-dev libjpeg62-turbo-dev                 # images: decoded and checked before embedding
  libcli11-dev libharfbuzz-dev libicu-dev        # command line, shaping and subsetting, UAX #14 line breaks
  libfribidi-dev                                 # right-to-left text: bidi levels and line order
  libfontconfig-dev libqpdf-dev                  # finding installed font families; compact PDFs, tagging, AES-256
  libqrencode-dev libcsv-dev                     # QR codes; patients' CSV files (quotes, embedded newlines)
  libdeflate-dev libxxhash-dev                   # stream compression; content hashes of inputs (XXH3)
  fonts-noto-core fonts-noto-cjk fonts-nanum fonts-droid-fallback fonts-ipafont-gothic  # fonts for every script
  libhyphen-dev hyphen-en-us hyphen-en-gb        # hyphenation (LibreOffice patterns) ...
  hyphen-es hyphen-fr hyphen-de hyphen-pt-br     # ... for the languages clinics need most
  hyphen-pt-pt hyphen-ru hyphen-it hyphen-nl
  doctest-dev poppler-utils qpdf strace          # tests: unit tests, pdftotext/pdfinfo/pdffonts, qpdf --check, files a run opens
  mupdf-tools ghostscript                        # tests: every PDF is also opened by MuPDF and Ghostscript
  zbar-tools                                     # tests: every QR code is decoded from the rendered page
  libpoppler-cpp-dev chromium                    # catalogue page: thumbnails (poppler); tests: the page in a browser
  python3-jsonschema python3-yaml                # tests: YAML files against schema/*.json (e2e_schema, e2e_init)
  clang libclang-rt-dev                          # tests: sanitizer build and libFuzzer (scripts/fuzz.sh)
  dpkg-dev file                                  # packaging: cpack's .deb (dpkg-shlibdeps finds its Depends)
  scdoc man-db                                   # the man page handout(1): built with scdoc, checked with man
)
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
