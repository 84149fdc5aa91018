#!/usr/bin/python3
"""Reads a handout back to check its tables and task lists (for tests/e2e/tables.sh).

  table_check.py structure FILE.pdf
      prints the counts of Table, TR, TH (and TH with /Scope /Column), TD elements, and the
      /Alt of every Lbl, as "key value" lines
  table_check.py row-order FILE.pdf WORD...
      exit 0 when `pdftotext -layout` has a line holding every WORD, in reading order within the
      line for left-to-right text
  table_check.py same-line FILE.pdf WORD...
      exit 0 when `pdftotext -layout` has a line holding every WORD, in any order (a
      right-to-left line comes out in visual order)
  table_check.py columns FILE.pdf RIGHT LEFT
      exit 0 when the word RIGHT is drawn right of the word LEFT, on the first page that has
      both (pdftotext -bbox)
  table_check.py links FILE.pdf
      prints the URI of every link annotation, one a line
  table_check.py repeated-header FILE.pdf FIRST LAST HEADER...
      when the rows holding FIRST and LAST are on different pages: exit 0 if LAST's page has a
      line holding every HEADER word (the header row drawn again), else 1; 3 when they share a page
"""
import re
import subprocess
import sys
from collections import Counter

import pikepdf


def structure(path):
    pdf = pikepdf.open(path)
    counts = Counter()
    alts = []

    def walk(elem):
        if not isinstance(elem, pikepdf.Dictionary):
            return
        role = str(elem.get('/S', ''))
        counts[role] += 1
        if role == '/TH':
            attributes = elem.get('/A')
            attributes = attributes if isinstance(attributes, pikepdf.Array) else [attributes]
            if any(isinstance(a, pikepdf.Dictionary) and a.get('/Scope') == pikepdf.Name.Column for a in attributes):
                counts['TH-scope-column'] += 1
        if role == '/Lbl' and '/Alt' in elem:
            alts.append(str(elem.Alt))
        kids = elem.get('/K')
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            walk(kid)

    walk(pdf.Root.StructTreeRoot)
    for role in ('/Table', '/TR', '/TH', 'TH-scope-column', '/TD'):
        print(f"{role.lstrip('/')} {counts[role]}")
    for alt in alts:
        print(f"Lbl-alt {alt}")


def row_order(path, words):
    for line in '\n'.join(pages_text(path)).splitlines():
        at = [line.find(w) for w in words]
        if all(a >= 0 for a in at) and at == sorted(at):
            return 0
    return 1


def same_line(path, words):
    return 0 if any(all(w in line for w in words) for line in '\n'.join(pages_text(path)).splitlines()) else 1


def columns(path, right, left):
    xml = subprocess.run(['pdftotext', '-bbox', path, '-'], capture_output=True, text=True).stdout
    for page in xml.split('<page ')[1:]:
        x = {}
        for m in re.finditer(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', page):
            # poppler gives a right-to-left word's characters in visual order: either way round
            x.setdefault(m.group(2), float(m.group(1)))
            x.setdefault(m.group(2)[::-1], float(m.group(1)))
        if right in x and left in x:
            return 0 if x[right] > x[left] else 1
    return 1


BIDI_CONTROLS = re.compile('[\u200e\u200f\u202a-\u202e\u2066-\u2069]')


def pages_text(path):
    """Each page's `pdftotext -layout` text, without the bidi controls poppler adds around
    right-to-left runs."""
    text = subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True, text=True).stdout
    return BIDI_CONTROLS.sub('', text).split('\f')


def repeated_header(path, first, last, header):
    pages = pages_text(path)
    where = lambda word: next((n for n, page in enumerate(pages) if re.search(rf'{re.escape(word)}(?!\d)', page)), None)
    a, b = where(first), where(last)
    if a is None or b is None or a == b:
        return 3
    for line in pages[b].splitlines():
        if all(h in line for h in header):
            return 0
    return 1


def links(path):
    pdf = pikepdf.open(path)
    for page in pdf.pages:
        for annot in page.obj.get('/Annots', []):
            if annot.get('/Subtype') == pikepdf.Name.Link and '/A' in annot:
                print(str(annot.A.get('/URI', '')))


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    command, path, rest = argv[0], argv[1], argv[2:]
    if command == 'structure':
        structure(path)
    elif command == 'row-order':
        return row_order(path, rest)
    elif command == 'same-line':
        return same_line(path, rest)
    elif command == 'columns':
        return columns(path, rest[0], rest[1])
    elif command == 'links':
        links(path)
    elif command == 'repeated-header':
        return repeated_header(path, rest[0], rest[1], rest[2:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
