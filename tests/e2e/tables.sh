#!/usr/bin/env bash
# End-to-end: what a clinic writes reaches the page. The asthma-spacer article of
# tests/fixtures/asthma (headings, numbered and bulleted lists, a table, a task list, a call-out,
# links and a bare address, a figure, struck-out words, a resource list; the English pasted from
# Word: a byte-order mark, Word's bullets, curly quotes), in English and Arabic, in Letter, two
# columns, large print and a tri-fold: built without a warning; every PDF opened by five readers
# and the PDF/UA checker; one Table element per table, TH with /Scope; cells read in row order;
# the header row repeated (as an artifact) where the table breaks across pages; the grid mirrored
# in Arabic; stacked "label: value" rows where the grid cannot fit; boxes to tick.
# Usage: tables.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"
CHECK=$REPO/tests/e2e/table_check.py

C=$WORK/asthma
cp -r "$REPO/tests/fixtures/asthma" "$C"
for lang in en ar; do
  cp "$REPO/content/$lang/strings.yaml" "$C/content/$lang/"
  cp "$REPO/tests/fixtures/photo.jpg" "$C/content/$lang/spacer.jpg"
done
"$HANDOUT" build --config "$C/handout.yaml" >"$WORK/out.log" 2>"$WORK/err"
rc=$?
check "the article builds in English and Arabic, four layouts (exit $rc): $(head -3 "$WORK/err")" test "$rc" -eq 0
check "... with no warning or error: a pasted article needs no fixing" test -z "$(grep -v ': note: ' "$WORK/err")"
check "... and one note, that Word's bullets were read as a list" \
  test "$(grep -c "spacer.md:[0-9]*:1: note: lines starting with '•' are read as a bulleted list" "$WORK/err")" -eq 1
check "... eight handouts" test "$(find "$C/out" -name '*.pdf' | wc -l)" -eq 8

ua=$("$PYTHON" "$REPO/tests/e2e/pdfua_check.py" "$C"/out/*/*.pdf 2>&1)
check "the PDF/UA checker passes every handout (tables: Table, TR, TH with /Scope)
$(grep -v ' 0 failures' <<<"$ua" | head -5)" test "$(grep -c ' 0 failures$' <<<"$ua")" -eq 8

# Letter: both tables as grids. Large print, two columns, tri-fold: the inhalers' table (four
# columns, running text) is stacked; the diary (three short columns) stays a grid.
has() { grep -qx "$1" <<<"$s"; }
count() { grep -cx "$1" <<<"$s"; }
for pdf in "$C"/out/*/*.pdf; do
  s=$("$PYTHON" "$CHECK" structure "$pdf")
  name=${pdf#"$C"/out/}
  heads=3 rows=18
  case $name in */spacer.pdf) heads=7 rows=19 ;; esac
  check "$name: one Table element for each of the two tables" has 'Table 2'
  check "$name: $heads header cells (a header drawn again is no TH)" has "TH $heads"
  check "$name: ... each with /Scope /Column" has "TH-scope-column $heads"
  check "$name: $rows rows, 54 data cells" test "$(count "TR $rows")$(count 'TD 54')" = 11
  check "$name: three boxes to tick and one ticked, each Lbl saying so" \
    test "$(count 'Lbl-alt ☐')$(count 'Lbl-alt ☑')" = 31
done
# The diary across a page or column break: its header row drawn again above the rest.
for lang in en ar; do
  day=Day morning=Morning evening=Evening
  [ "$lang" = ar ] && day=اليوم morning=الصباح evening=المساء
  broken=0
  for pdf in "$C/out/$lang"/*.pdf; do
    "$PYTHON" "$CHECK" repeated-header "$pdf" "$day 1" "$day 14" "$morning" "$evening"
    case $? in
      0) broken=$((broken + 1)) ;;
      1) fail "$lang: ${pdf##*/}: the diary breaks across pages without its header row drawn again" ;;
    esac
  done
  check "$lang: the diary breaks across a page in at least one layout, each time with its header repeated ($broken)" \
    test "$broken" -ge 1
done

L=$C/out/en/spacer.pdf
check "English: the header row reads in order" "$PYTHON" "$CHECK" row-order "$L" Inhaler Colour "When to use it" Puffs
check "English: each row reads in order, cell by cell" \
  "$PYTHON" "$CHECK" row-order "$L" "Reliever (salbutamol)" Blue "When you cough" "2 to 4"
check "English: a wrapped cell continues in its own column" \
  verify --pdf-layout "$L" --re 'Reliever \(salbutamol\).*\n {30,}tight in the chest'
check "Arabic: the table is mirrored (the first column on the right)" \
  "$PYTHON" "$CHECK" columns "$C/out/ar/spacer.pdf" "اللون" "البخات"
check "Arabic: each row's cells on one line" \
  "$PYTHON" "$CHECK" same-line "$C/out/ar/spacer.pdf" "سالبوتامول" "أزرق" "ضيق الصدر"

for layout in trifold two-column large-print; do
  T=$C/out/en/spacer.$layout.pdf
  check "$layout: a column too narrow for the grid sets each row as 'label: value' lines" \
    verify --pdf "$T" --has 'Inhaler: Reliever (salbutamol)' --has 'Puffs: 2 to 4'
  check "$layout: still a Table element for each table" \
    verify --run "$PYTHON" "$CHECK" structure "$T" -- --line 'Table 2'
done

check "a bare address is a link, printed as the handout prints websites" \
  verify --run "$PYTHON" "$CHECK" links "$L" -- --line 'https://www.asthma.example/spacers' \
  --pdf "$L" --has 'www.asthma.example/spacers'
check "Word's bullets become a list (pasted from Word)" verify --pdf "$L" --re '^• Wash it once a month'
check "a byte-order mark is accepted: the title is read from the front matter" \
  verify --run pdfinfo "$L" -- --re 'Title: *Using Your Inhaler With a Spacer'
check "struck-out words keep their text" verify --pdf "$L" --joined --has 'Wait for your next visit'
check_every_pdf "$C/out"
finish
