#!/usr/bin/env bash
# End-to-end: the catalogue page (build --index). Every handout of the build (language x
# article x layout) is listed with a working PDF link, a PNG thumbnail of its first page 200 px
# wide and its title as the PDF's own /Title says, right-to-left titles marked; a second build
# draws no thumbnail again; and headless Chromium renders the page and finds every link.
# Usage: catalogue.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"

# The example clinic in two layouts; four languages: Latin, Arabic (right to left), Chinese
# and Persian (right to left, the fallback-free draft translations).
C=$WORK/clinic
mkdir -p "$C"
cp -r "$REPO/assets" "$C/"
sed 's/^layout: .*/layout: [letter, large-print]/' "$REPO/handout.yaml" >"$C/h.yaml"
LANGS=(--lang en --lang ar --lang zh-Hans --lang fa)
OUT=$C/out
build "$C" "${LANGS[@]}" --index
check "build --index: exit 0" test "$rc" -eq 0
check "build --index: out/index.html is written" test -s "$OUT/index.html"
check "build --index: 8 handouts listed, 8 thumbnails drawn" \
  grep -q "^wrote $OUT/index.html (8 handouts, 8 thumbnails drawn, [0-9]* ms each)$" "$WORK/out.log"
cp "$WORK/out.log" "$WORK/first.log"

# page_facts DIR FILE: what the page (FILE, as written or as Chromium's DOM) links to, checked
# against the files in DIR; prints one problem a line, nothing when all is well.
page_facts() {
  "$PYTHON" - "$1" "$2" <<'PY' || echo "cannot read the page $2"
import html.parser, os, struct, subprocess, sys
out, page = sys.argv[1], sys.argv[2]
class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.links, self.imgs, self.titles, self.h3 = [], [], [], None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "href" in a: self.links.append(a["href"])
        if tag == "img": self.imgs.append(a)
        if tag == "h3": self.h3 = [a, ""]
    def handle_data(self, data):
        if self.h3: self.h3[1] += data
    def handle_endtag(self, tag):
        if tag == "h3": self.titles.append(self.h3); self.h3 = None
p = Page(); p.feed(open(page, encoding="utf-8").read())
pdfs = sorted(os.path.relpath(os.path.join(d, f), out) for d, _, fs in os.walk(out) for f in fs if f.endswith(".pdf"))
listed = sorted({h for h in p.links if not h.startswith("#")})
if listed != pdfs: print("links", listed, "are not the PDFs", pdfs)
for h in p.links:
    if h.startswith("#"):
        if f'id="{h[1:]}"' not in open(page, encoding="utf-8").read(): print("no anchor", h)
    elif not os.path.isfile(os.path.join(out, h)): print("broken link", h)
def info(pdf, key):
    text = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return next((l.split(":", 1)[1].strip() for l in text.splitlines() if l.startswith(key + ":")), "")
for img in p.imgs:
    path = os.path.join(out, img["src"])
    head = open(path, "rb").read(24) if os.path.isfile(path) else b""
    if head[:8] != b"\x89PNG\r\n\x1a\n": print("not a PNG", img["src"]); continue
    w, h = struct.unpack(">II", head[16:24])
    pdf = os.path.join(out, img["src"][len("thumbnails/"):-4] + ".pdf")
    pw, ph = (float(x) for x in info(pdf, "Page size").split()[0:3:2])
    if (w, h) != (200, round(200 * ph / pw)) or (str(w), str(h)) != (img["width"], img["height"]):
        print("thumbnail", img["src"], w, h, "attributes", img["width"], img["height"])
    if img["alt"] != info(pdf, "Title"): print("alt", img["alt"], "is not the title", info(pdf, "Title"))
if len(p.imgs) != len(pdfs): print(len(p.imgs), "thumbnails for", len(pdfs), "PDFs")
for attrs, text in p.titles:
    lang = attrs.get("lang", "")
    rtl = lang in ("ar", "fa")
    if (attrs.get("dir") == "rtl") != rtl: print("dir of", lang, "title:", attrs.get("dir"))
    pdf = os.path.join(out, lang, "vaginismus.pdf")
    if text != info(pdf, "Title"): print("title", repr(text), "in", lang, "is not the PDF's", info(pdf, "Title"))
if sorted(a.get("lang") for a, _ in p.titles) != ["ar", "ar", "en", "en", "fa", "fa", "zh-Hans", "zh-Hans"]:
    print("titles' languages:", [a.get("lang") for a, _ in p.titles])
PY
}
problems=$(page_facts "$OUT" "$OUT/index.html")
check "the page: every link opens a PDF of the build, every thumbnail is a 200 px PNG of page 1, titles as the PDFs' \
/Title, ar and fa titles dir=rtl: $problems" \
  test -z "$problems"
check "the Arabic title carries lang=\"ar\" dir=\"rtl\"" \
  grep -q '<h3 lang="ar" dir="rtl"><a href="ar/vaginismus.pdf">' "$OUT/index.html"
own=$(sed -n 's/^language_name_own: *"*\([^"]*\)"*$/\1/p' "$REPO/content/zh-Hans/strings.yaml")
check "each language's heading is its own name (العربية, 中文)" verify --file "$OUT/index.html" \
  --has '<h2 id="lang-ar"><span lang="ar" dir="rtl">العربية</span>' \
  --has "<h2 id=\"lang-zh-Hans\"><span lang=\"zh-Hans\">$own</span>"
check "the draft translations are marked" test "$(grep -c 'Draft translation' "$OUT/index.html")" -eq 6
check "each card has its reading grade from handout check" \
  verify --file "$OUT/index.html" \
  --lines '<dt>Reading grade</dt><dd>[0-9.]* <span class="note">\((above|within) target 6\)' 8
check "no script on the page" verify --nonempty "$OUT/index.html" --file "$OUT/index.html" --no-re '(?i)<script'

# --- a second build: nothing changed, no thumbnail drawn again; a missing one is ---------------
stamps() { stat -c '%n %y' "$OUT"/thumbnails/*/*.png; }
before=$(stamps)
build "$C" "${LANGS[@]}" --index
check "second build: 0 thumbnails drawn" \
  grep -q "^wrote $OUT/index.html (8 handouts, 0 thumbnails drawn)$" "$WORK/out.log"
check "second build: no thumbnail file touched" verify --text "$before" --lines . 8 --equals "$(stamps)"
rm "$OUT/thumbnails/zh-Hans/vaginismus.large-print.png"
build "$C" "${LANGS[@]}" --index
check "a missing thumbnail is drawn again, alone" \
  verify --file "$WORK/out.log" --has '(8 handouts, 1 thumbnails drawn, ' \
  --nonempty "$OUT/thumbnails/zh-Hans/vaginismus.large-print.png"
"$HANDOUT" build --config "$C/h.yaml" --index --patients "$C/none.csv" >/dev/null 2>"$WORK/err"
rc=$?
check "--index with --patients is refused: exit 2, a usage error (personal copies are never listed)" \
  verify --rc "$rc" 2 --file "$WORK/err" --has '--patients excludes --index'

# --- the page in a browser: one screenshot, and the links of the rendered DOM ------------------
browse() {
  timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$WORK/chrome" \
    "$@" 2>/dev/null
}
browse --hide-scrollbars --window-size=1200,1600 --screenshot="$WORK/shot.png" "file://$OUT/index.html" >/dev/null
check "Chromium draws the page (a 1200 x 1600 PNG with more than a background)" "$PYTHON" -c "
import struct, zlib, sys
data = open('$WORK/shot.png', 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n' and struct.unpack('>II', data[16:24]) == (1200, 1600)
idat, i = b'', 8
while i < len(data):
    n, kind = struct.unpack('>I4s', data[i:i + 8]); i += 8
    if kind == b'IDAT': idat += data[i:i + n]
    i += n + 4
assert len(data) > 40000 and len(set(zlib.decompress(idat))) > 100, len(data)"
browse --dump-dom "file://$OUT/index.html" >"$WORK/dom.html"
problems=$(page_facts "$OUT" "$WORK/dom.html")
check "Chromium dumps the page's DOM" grep -q '<h3 lang="ar" dir="rtl">' "$WORK/dom.html"
check "Chromium's DOM: every href and thumbnail resolves: $problems" test -z "$problems"
# A language dropped from a whole build: its PDFs and thumbnails are stale; --prune removes both.
S=$WORK/stale
mkdir -p "$S"
cp -r "$REPO/assets" "$S/"
sed 's/^languages: .*/languages: [en, fa]/' "$REPO/handout.yaml" >"$S/h.yaml"
"$HANDOUT" build --config "$S/h.yaml" --out "$S/out" --index >/dev/null 2>&1
sed -i 's/^languages: .*/languages: [en]/' "$S/h.yaml"
"$HANDOUT" build --config "$S/h.yaml" --out "$S/out" --index >/dev/null 2>"$S/err"
check "a dropped language's thumbnail is reported stale" \
  grep -q "thumbnails/fa/vaginismus.png: warning: stale" "$S/err"
"$HANDOUT" build --config "$S/h.yaml" --out "$S/out" --index --prune >/dev/null 2>&1
check "--prune removes the stale thumbnail and keeps the others" \
  verify --absent "$S/out/thumbnails/fa/vaginismus.png" --nonempty "$S/out/thumbnails/en/vaginismus.png"

# KEEP_SHOT=path keeps the screenshot, to look at.
if [ -n "${KEEP_SHOT:-}" ]; then cp "$WORK/shot.png" "$KEEP_SHOT"; fi
finish
