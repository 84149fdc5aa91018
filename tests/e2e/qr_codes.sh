#!/usr/bin/env bash
# End-to-end: QR codes read back from the rendered pages. Every code zbarimg finds on a page
# holds an address the handout should link (its online copy, its resources' websites), each
# expected code is found, the address is printed on the same page, and right-to-left pages
# (mirrored) still carry codes that scan.
# Usage: qr_codes.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"

# The addresses a handout's codes should hold: its online copy and each resource's website
# (a bare host name means https), from the resource list and the config's extra resources.
expected_urls() {  # expected_urls LANG [online]
  "$PYTHON" - "$REPO" "$1" "${2:-}" <<'PY'
import sys, yaml
repo, lang, online = sys.argv[1:4]
urls = set()
config = yaml.safe_load(open(f"{repo}/handout.yaml"))
lists = [yaml.safe_load(open(f"{repo}/content/{lang}/vaginismus.resources.yaml")).get("resources", [])]
lists.append(config.get("extra_resources", []))
for entries in lists:
    for r in entries:
        w = r.get("website")
        if w:
            urls.add(w if "://" in w else "https://" + w)
if online:
    urls.add(config["online_url"].replace("{lang}", lang).replace("{article}", "vaginismus"))
print("\n".join(sorted(urls)))
PY
}

# scan PDF: rasterises each page once at 180 dpi (1.6 pt modules are 4 whole pixels) and decodes its
# codes into $WORK/scan/N.codes, its text into $WORK/scan/N.txt.
scan() {
  local pdf=$1 n page
  rm -rf "$WORK/scan" && mkdir -p "$WORK/scan"
  pdftoppm -r 180 -png "$pdf" "$WORK/scan/p"
  for page in "$WORK"/scan/p-*.png; do
    n=$(basename "$page" .png)
    n=$((10#${n#p-}))
    zbarimg -q --raw "$page" 2>/dev/null | sort >"$WORK/scan/$n.codes"
    pdftotext -f "$n" -l "$n" "$pdf" "$WORK/scan/$n.txt" 2>/dev/null
  done
}

# Every code of the last scan, once each.
decoded() { cat "$WORK"/scan/*.codes | sort -u; }

# Each code's address is printed on its own page: every part of it between slashes is in the
# page's text (a wrapped address in a right-to-left line comes out of pdftotext reordered).
printed_beside() {
  local codes url part
  for codes in "$WORK"/scan/*.codes; do
    while IFS= read -r url; do
      url=${url#https://}
      for part in ${url//\// }; do
        grep -qF "$part" "${codes%.codes}.txt" || { echo "$url: '$part' not printed on its page"; return 1; }
      done
    done <"$codes"
  done
}

# The example clinic with one more layout: Letter with both kinds of code.
E=$WORK/example
mkdir -p "$E/layouts"
cp -r "$REPO/handout.yaml" "$REPO/assets" "$E/"
sed 's/^qr_codes: .*/qr_codes: [resources, online]/' "$REPO/layouts/letter.yaml" >"$E/layouts/letter-codes.yaml"

for layout in letter-codes large-print; do
  for lang in en ar zh-Hans; do
    timeout 120 "$HANDOUT" build --config "$E/handout.yaml" --out "$WORK/$layout-$lang" --layout "$layout" \
      --lang "$lang" >/dev/null 2>&1
    pdf=$WORK/$layout-$lang/$lang/vaginismus.pdf
    check "$layout/$lang: written" test -s "$pdf"
    scan "$pdf"
    check "$layout/$lang: every code decodes to the online copy or a resource's website, and none is missing" \
      diff <(expected_urls "$lang" online) <(decoded)
    check "$layout/$lang: each code's address is printed on its page" printed_beside
  done
done

# The tri-fold carries only the online copy's code, on the back panel (the first side's middle).
for lang in en fa; do
  build_example "$WORK/tri-$lang" --layout trifold --lang "$lang"
  pdf=$WORK/tri-$lang/$lang/vaginismus.pdf
  scan "$pdf"
  check "trifold/$lang: one code, the online copy" \
    diff <(printf 'https://willowcreek.example/handouts/%s/vaginismus.pdf\n' "$lang") <(decoded)
  # The back panel is the middle third of side 1: 792 pt are 1980 pixels at 180 dpi.
  pdftoppm -r 180 -png -f 1 -l 1 -x 660 -y 0 -W 660 -H 1530 "$pdf" "$WORK/back"
  check "trifold/$lang: the code is on the back panel" test -n "$(zbarimg -q --raw "$WORK"/back-1.png 2>/dev/null)"
done

# No online_url: no online code; a layout without qr_codes: no codes at all.
C=$WORK/plain
stage_clinic "$C"
printf 'layout: two-column\n' >>"$C/h.yaml"
timeout 60 "$HANDOUT" build --config "$C/h.yaml" --out "$C/out" >/dev/null 2>&1
scan "$C/out/en/a.pdf"
check "two-column without online_url: no code" test -z "$(decoded)"

finish
