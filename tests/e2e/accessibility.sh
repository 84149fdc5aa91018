#!/usr/bin/env bash
# End-to-end: tagged PDF/UA-1. Every shipped handout (all layouts x all languages) passes the
# project's checker (pdfua_check.py: structure, marked content, headings, figures, links, lists,
# metadata, fonts); the structure tree reads as the article, without page furniture; poppler
# sees a tagged document; the checker is shown to catch each fault on a spoilt copy.
# Usage: accessibility.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"

ua() { "$PYTHON" "$REPO/tests/e2e/pdfua_check.py" "$@" >"$WORK/ua.log" 2>&1; }

for layout in letter a4 large-print two-column trifold; do
  build_example "$WORK/$layout" --layout "$layout"
  pdfs=("$WORK/$layout"/*/vaginismus.pdf)
  least=17  # the tri-fold holds 11 of the 18 (trifold.sh checks which)
  [ "$layout" = trifold ] && least=11
  check "$layout: the example built in ${#pdfs[@]} languages" test "${#pdfs[@]}" -ge "$least"
  # Every check, and the reading order: the article's paragraphs in order, without page 1's label.
  ua --content "$REPO/content" --article vaginismus "${pdfs[@]}"
  ok=$?
  check "$layout: every handout passes the PDF/UA checker and reads as the article
$(grep -v ' 0 failures$' "$WORK/ua.log" | head -10)" test "$ok" -eq 0
  check "$layout: the checker read every handout" test "$(grep -c ' 0 failures$' "$WORK/ua.log")" -eq "${#pdfs[@]}"
done

# poppler's own reading of the structure tree (pdfinfo -struct-text) is the article too. Its
# reader ignores /ReversedChars and /ActualText, so Arabic and Persian show there in visual order,
# and Hindi, Bengali and Thai (clusters of several glyphs, e.g. conjuncts, carry ActualText) in
# pieces: those 5 are read by the checker's own extraction above, which honours both.
for layout in letter trifold; do
  ltr=()
  for pdf in "$WORK/$layout"/*/vaginismus.pdf; do
    case $(basename "$(dirname "$pdf")") in ar | fa | hi | bn | th) ;; *) ltr+=("$pdf") ;; esac
  done
  ua --poppler --content "$REPO/content" --article vaginismus "${ltr[@]}"
  ok=$?
  check "$layout: pdfinfo -struct-text reads as the article in ${#ltr[@]} languages
$(grep -v ' 0 failures$' "$WORK/ua.log" | head -10)" test "$ok" -eq 0
done

# poppler agrees: tagged, and its structure text starts with the logo and the title.
en=$WORK/letter/en/vaginismus.pdf
check "pdfinfo: tagged" verify --run pdfinfo "$en" -- --re '^Tagged: *yes'
check "pdfinfo: PDF 1.7" verify --run pdfinfo "$en" -- --re '^PDF version: *1.7'
pdfinfo -struct-text "$en" >"$WORK/struct.txt" 2>&1
check "pdfinfo -struct-text: Document, the logo Figure, then the title as H1" verify --file "$WORK/struct.txt" \
  --re '\ADocument\n  Figure\n    ""\n  H1 \(block\)\n    "Vaginismus Explained'
check "pdfinfo -struct-text: no running header or page label" verify --file "$WORK/struct.txt" --no-re 'Page [0-9] of'
check "pdfinfo -struct-text: the resources and contact sections" \
  verify --file "$WORK/struct.txt" --re '^  Sect' --has '"Contact us"'

# Languages inside a handout: resource names in Latin letters in a handout in another script
# are tagged English; in a Latin-script handout nothing is tagged apart.
"$PYTHON" "$REPO/tests/e2e/pdfua_check.py" --text "$WORK/letter/ar/vaginismus.pdf" >"$WORK/ar.txt" 2>&1
check "ar: the resource names are tagged English" \
  test "$(grep -c '^P\[en\]	' "$WORK/ar.txt")" -ge 4
check "ar: the Arabic text is not" grep -q '^P	يحدث التشنج المهبلي' "$WORK/ar.txt"
"$PYTHON" "$REPO/tests/e2e/pdfua_check.py" --text "$WORK/letter/es/vaginismus.pdf" >"$WORK/es.txt" 2>&1
# ... apart from the language-assistance notice: the 17 other languages' taglines, each tagged
# in its own language and opening with that language's own name.
check "es: only the other languages' taglines are tagged in another language" verify --file "$WORK/es.txt" \
  --lines '^[A-Za-z0-9]*\[' 17 --lines '^P\[[a-zA-Z-]*\]\t[^:]*: ' 17
check "es: the notice's Arabic tagline is tagged Arabic" grep -q '^P\[ar\]	العربية: ' "$WORK/es.txt"

# --- the checker fails on each fault ---------------------------------------------------------
faults=$("$PYTHON" "$REPO/tests/e2e/spoil_pdf.py" --list)
check "the spoiler knows 16 faults" test "$(echo "$faults" | wc -w)" -eq 16
# One spoilt copy per fault, all read by one run of the checker; its lines name their file.
mkdir -p "$WORK/spoilt"
"$PYTHON" "$REPO/tests/e2e/spoil_pdf.py" "$en" "$WORK/spoilt" --all
ua --source "$REPO/content/en/vaginismus.md" "$WORK"/spoilt/*.pdf
for fault in $faults; do
  check "the checker fails on a PDF with '$fault'" \
    verify --file "$WORK/ua.log" --re "^$WORK/spoilt/$fault\.pdf: [1-9][0-9]* failures$"
  check "the checker names the fault '$fault'" verify --file "$WORK/ua.log" --re "^$WORK/spoilt/$fault\.pdf: .*: "
done
mkdir -p "$WORK/wrong/es" && cp "$en" "$WORK/wrong/es/vaginismus.pdf"
ua --content "$REPO/content" --article vaginismus "$WORK/wrong/es/vaginismus.pdf"
check "the checker fails when the structure text is not the article (English read as Spanish)" \
  grep -q "reading: paragraph not found in reading order" "$WORK/ua.log"
ua --source "$REPO/content/en/vaginismus.md" --absent "What Is Vaginismus" "$en"
check "the checker fails when text said to be furniture is read as content" \
  grep -q "furniture in the structure text: 'What Is Vaginismus'" "$WORK/ua.log"

# --- an image without a description is decoration, with a warning -------------------------
stage_clinic "$WORK/deco"
cp "$REPO/assets/logo.png" "$WORK/deco/content/en/pic.png"
printf -- '---\ntitle: Decoration\n---\n\nBefore.\n\n![](pic.png)\n\nAfter.\n' >"$WORK/deco/content/en/a.md"
"$HANDOUT" build --config "$WORK/deco/h.yaml" >/dev/null 2>"$WORK/deco.err"
check "an undescribed image warns with file and line" \
  verify --file "$WORK/deco.err" \
  --has "$WORK/deco/content/en/a.md:7:1: warning: image 'pic.png' has no description; it is marked as decoration"
ua "$WORK/deco/out/en/a.pdf"
check "a handout with a decorative image passes the checker" test $? -eq 0
check "the decorative image is drawn" verify --run pdfimages -list "$WORK/deco/out/en/a.pdf" -- --has ' 256   256 '

finish
