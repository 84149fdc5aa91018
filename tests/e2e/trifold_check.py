#!/usr/bin/env python3
"""Reads a tri-fold PDF back as a print shop would and prints one line per defect.

usage: trifold_check.py PDF TAGLINES [--rtl] [--spaced]

  PDF       a tri-fold handout (US Letter landscape, two sides)
  TAGLINES  how many language-assistance taglines the back panel must hold
  --spaced  the language separates words with spaces (the cover title's last line is checked
            for a word alone)

Everything is measured from the PDF, never taken from the layout that made it: characters,
fonts and sizes from `mutool draw -F stext`, the fold marks, fills and images from
`mutool trace`. The sheet is duplexed flipping on the short edge, so what lies behind x on one
side is at 792 - x on the other. Checks:

  folds      each side has two fold marks, short ticks within 0.25 in of the top and bottom
             edges only (outside the area any text may use), none touching text
  panels     on each side one panel is 1/16 to 1/8 in narrower than the other two, equal, ones;
             the folds of the two sides lie behind each other; the narrow (tuck-in) panel of the
             outside is at the end away from the cover and the narrow inside panel is behind it
  cover      the largest text (the title) is on the outside at one end, on a full-width panel;
             its last line is not one word alone; no title or heading line ends in a hyphen
  opening    the inside panel behind the cover opens with a heading (the article's start)
  flap       the tuck-in flap (outside) opens with a heading, and is at least 40% filled
  body       the flow panels (inside and flap) have no text under 9 pt; nothing under 6.5 pt
  back       the back (outside middle) holds the phone number at least TAGLINES + 1 times
             (each tagline and the contact block) and has no empty stretch over 20% of its height
  margins    no character (its ink: 0.95 em above its baseline, 0.3 em below), image or dark fill (QR code) within 0.25 in of an edge; no character
             across a fold
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

W, H = 792.0, 612.0
SAFE = 18.0  # 0.25 in
TICK_MAX = SAFE
NARROWER = (4.5, 9.0)  # 1/16 in to 1/8 in
BODY_MIN, SMALL_MIN = 9.0, 6.5


def run(*args):
    return subprocess.run(args, check=True, capture_output=True).stdout


# A glyph's ink, from its baseline: no script's letters (with their marks) reach higher or lower
# than this, in ems. The font's own box (mutool's quad) is far taller in CJK and Arabic fonts.
INK_ABOVE, INK_BELOW = 0.95, 0.3


class Char:
    __slots__ = ('x0', 'y0', 'x1', 'y1', 'c', 'font', 'size', 'line')

    def __init__(self, quad, baseline, c, font, size, line):
        q = [float(v) for v in quad.split()]
        xs = q[0::2]
        self.x0, self.x1 = min(xs), max(xs)
        self.y0, self.y1 = baseline - INK_ABOVE * size, baseline + INK_BELOW * size
        self.c, self.font, self.size, self.line = c, font, size, line


def read_chars(pdf):
    """Per page, the characters (top-down coordinates) with their font, size and line id."""
    root = ET.fromstring(run('mutool', 'draw', '-F', 'stext', '-o', '-', pdf))
    pages, line_id = [], 0
    for page in root.iter('page'):
        chars = []
        for line in page.iter('line'):
            line_id += 1
            for font in line.iter('font'):
                for ch in font.iter('char'):
                    if ch.get('c', ' ').strip():
                        chars.append(Char(ch.get('quad'), float(ch.get('y')), ch.get('c'), font.get('name'), float(font.get('size')),
                                          line_id))
        pages.append(chars)
    return pages


def transform(m, x, y):
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def read_drawing(pdf):
    """Per page: vertical strokes (x, y0, y1), dark fills' boxes and images' boxes."""
    out = []
    text = run('mutool', 'trace', pdf).decode('utf-8', 'replace')
    for chunk in text.split('<page ')[1:]:
        strokes, dark, images = [], [], []
        for kind, attrs, body in re.findall(r'<(stroke_path|fill_path)([^>]*)>(.*?)</\1>', chunk, re.S):
            m = [float(v) for v in re.search(r'transform="([^"]*)"', attrs).group(1).split()]
            pts = [transform(m, float(x), float(y)) for x, y in re.findall(r'x\d?="([-\d.]+)" y\d?="([-\d.]+)"', body)]
            if not pts:
                continue
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            if kind == 'stroke_path' and max(xs) - min(xs) < 0.01:
                strokes.append((xs[0], min(ys), max(ys)))
            colour = [float(v) for v in re.search(r'color="([^"]*)"', attrs).group(1).split()]
            if kind == 'fill_path' and max(colour) < 0.3:
                dark.append((min(xs), min(ys), max(xs), max(ys)))
        for attrs in re.findall(r'<fill_image([^>]*)/>', chunk):
            m = [float(v) for v in re.search(r'transform="([^"]*)"', attrs).group(1).split()]
            pts = [transform(m, x, y) for x in (0, 1) for y in (0, 1)]
            images.append((min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts),
                           max(p[1] for p in pts)))
        out.append((strokes, dark, images))
    return out


def lines_of(chars):
    """Characters grouped by line, lines top-down."""
    lines = {}
    for ch in chars:
        lines.setdefault(ch.line, []).append(ch)
    return sorted(lines.values(), key=lambda l: (min(c.y0 for c in l), min(c.x0 for c in l)))


def main():
    pdf, taglines = sys.argv[1], int(sys.argv[2])
    spaced = '--spaced' in sys.argv
    problems = []
    bad = problems.append
    pages = read_chars(pdf)
    drawing = read_drawing(pdf)
    if len(pages) != 2:
        print(f'pages: {len(pages)} pages, expected the two sides of one sheet')
        return 1

    # --- folds: the ticks, and nothing else drawn at them ------------------------------------
    folds = []
    for p, (strokes, dark, images) in enumerate(drawing):
        ticks = [s for s in strokes if s[1] < SAFE or s[2] > H - SAFE]
        xs = sorted({round(s[0], 1) for s in ticks})
        for x, y0, y1 in ticks:
            if y1 - y0 > TICK_MAX or not (y1 <= SAFE + 0.01 or y0 >= H - SAFE - 0.01):
                bad(f'folds: side {p + 1}: the mark at x={x:.1f} runs from y={y0:.1f} to {y1:.1f}, past the 0.25 in '
                    'edge zone')
            for ch in pages[p]:
                if ch.x0 - 1 <= x <= ch.x1 + 1 and ch.y0 - 1 <= y1 and ch.y1 + 1 >= y0:
                    bad(f'folds: side {p + 1}: the mark at x={x:.1f} touches the text {ch.c!r}')
                    break
        for x in xs:
            top = any(abs(s[0] - x) < 0.2 and s[1] < 1 for s in ticks)
            bottom = any(abs(s[0] - x) < 0.2 and s[2] > H - 1 for s in ticks)
            if not (top and bottom):
                bad(f'folds: side {p + 1}: the mark at x={x:.1f} is not at both the top and the bottom edge')
        if len(xs) != 2:
            bad(f'folds: side {p + 1}: {len(xs)} fold positions ({xs}), expected 2')
            xs = [W / 3, 2 * W / 3]
        folds.append(xs)

    # --- panels and imposition ------------------------------------------------------------------
    edges = [[0.0] + f + [W] for f in folds]
    widths = [[e[i + 1] - e[i] for i in range(3)] for e in edges]
    narrow = []
    for p in range(2):
        w = widths[p]
        i = min(range(3), key=lambda k: w[k])
        others = [w[k] for k in range(3) if k != i]
        narrower = min(others) - w[i]
        if abs(others[0] - others[1]) > 0.5 or not NARROWER[0] - 0.01 <= narrower <= NARROWER[1] + 0.01:
            bad(f'panels: side {p + 1}: panel widths {[round(v, 2) for v in w]} pt; the tuck-in panel must be '
                f'{NARROWER[0]}-{NARROWER[1]} pt narrower than the other two, which are equal')
        narrow.append(i)
    behind = sorted(round(W - x, 1) for x in folds[1])
    if any(abs(a - b) > 0.5 for a, b in zip(behind, folds[0])):
        bad(f'panels: the inside folds {folds[1]} do not lie behind the outside folds {folds[0]} '
            '(duplex flipping on the short edge)')
    if narrow[1] != 2 - narrow[0]:
        bad('panels: the narrow inside panel is not behind the narrow outside panel')

    def panel_of(p, ch):
        x = (ch.x0 + ch.x1) / 2
        return 0 if x < edges[p][1] else 1 if x < edges[p][2] else 2

    def chars_in(p, i):
        return [c for c in pages[p] if panel_of(p, c) == i]

    # --- the cover, the flap, the back ------------------------------------------------------
    title_size = max((c.size for c in pages[0]), default=0)
    cover_panels = {panel_of(0, c) for c in pages[0] if c.size == title_size}
    cover = next(iter(cover_panels)) if len(cover_panels) == 1 else -1
    if cover not in (0, 2):
        bad(f'cover: the title is not on one end panel of the outside (panels {sorted(cover_panels)})')
        cover = 2
    flap, back = 2 - cover, 1
    if narrow[0] != flap:
        bad('panels: the narrow outside panel is not the tuck-in flap at the end away from the cover')
    inside_first = 2 - cover  # the inside panel behind the cover, the first of the article
    body_sizes = {}
    for p, i in [(1, 0), (1, 1), (1, 2), (0, flap)]:
        for c in chars_in(p, i):
            body_sizes[c.size] = body_sizes.get(c.size, 0) + 1
    body = max(body_sizes, key=body_sizes.get) if body_sizes else 0

    def is_heading(line):
        return all('Bold' in c.font for c in line) and min(c.size for c in line) > body + 0.01

    def first_line_is_heading(p, i, what):
        lines = lines_of(chars_in(p, i))
        if not lines:
            bad(f'{what}: the panel is empty')
        elif not is_heading(lines[0]):
            bad(f'{what}: opens with "{"".join(c.c for c in lines[0])[:40]}", not a heading')

    first_line_is_heading(1, inside_first, 'opening (the inside panel behind the cover)')
    first_line_is_heading(0, flap, 'flap')
    flap_chars = chars_in(0, flap)
    fill = 0
    if flap_chars:
        fill = (max(c.y1 for c in flap_chars) - min(c.y0 for c in flap_chars)) / (H - 2 * 30)
        if fill < 0.4:
            bad(f'flap: text fills {fill:.0%} of its height, under 40%')
    title_lines = [l for l in lines_of(chars_in(0, cover)) if l[0].size == title_size]
    if spaced and title_lines:
        last = ''.join(c.c if c.x0 - prev.x1 < title_size * 0.15 else ' ' + c.c
                       for prev, c in zip([title_lines[-1][0]] + title_lines[-1], title_lines[-1]))
        if len(last.split()) < 2:
            bad(f'cover: the title\'s last line is one word alone ("{last.strip()}")')
    for p in range(2):
        for line in lines_of(pages[p]):
            if (line[0].size == title_size and p == 0) or is_heading(line):
                if line[-1].c in '-\u2010' or max(line, key=lambda c: c.x1).c in '-\u2010':
                    bad(f'cover/headings: a title or heading line ends in a hyphen: '
                        f'"{"".join(c.c for c in line)}"')

    # --- sizes ------------------------------------------------------------------------------
    if body < BODY_MIN:
        bad(f'body: set at {body} pt, under {BODY_MIN}')
    small = sorted({c.size for c in pages[1]} | {c.size for c in chars_in(0, flap)})
    if small and small[0] < BODY_MIN - 0.01:
        bad(f'body: text at {small[0]} pt on the inside or the flap, under {BODY_MIN}')
    smallest = min(c.size for p in pages for c in p)
    if smallest < SMALL_MIN - 0.01:
        bad(f'body: text at {smallest} pt, under {SMALL_MIN}')

    # --- the back panel: taglines and contact, no hole ---------------------------------------
    back_chars = chars_in(0, back)
    back_text = ''.join(c.c for c in sorted(back_chars, key=lambda c: (c.line, c.x0)))
    phones = back_text.count('0142')
    if phones < taglines + 1:
        bad(f'back: the phone number is there {phones} times; {taglines} taglines and the contact block need '
            f'{taglines + 1}')
    tops = sorted({round(min(c.y0 for c in l), 1) for l in lines_of(back_chars)} |
                  {round(max(c.y1 for c in l), 1) for l in lines_of(back_chars)})
    extent = [30.0] + tops + [H - 32.0]
    gap = max((b - a for a, b in zip(extent, extent[1:])), default=H)
    if gap > 0.2 * (H - 62):
        bad(f'back: an empty stretch of {gap:.0f} pt ({gap / (H - 62):.0%} of the panel)')

    # --- margins ----------------------------------------------------------------------------
    for p in range(2):
        for c in pages[p]:
            if min(c.x0, c.y0, W - c.x1, H - c.y1) < SAFE - 0.01:
                bad(f'margins: side {p + 1}: {c.c!r} at ({c.x0:.1f}, {c.y0:.1f}) is within 0.25 in of the edge')
                break
        for c in pages[p]:
            for x in folds[p]:
                if c.x0 < x - 0.5 and c.x1 > x + 0.5:
                    bad(f'margins: side {p + 1}: {c.c!r} lies across the fold at x={x:.1f}')
        strokes, dark, images = drawing[p]
        for what, boxes in (('image', images), ('dark fill (QR code)', dark)):
            for x0, y0, x1, y1 in boxes:
                if min(x0, y0, W - x1, H - y1) < SAFE - 0.01:
                    bad(f'margins: side {p + 1}: an {what} at ({x0:.1f}, {y0:.1f})-({x1:.1f}, {y1:.1f}) is within '
                        '0.25 in of the edge')
    for line in problems:
        print(line)
    print(f'# body {body} pt; flap {fill:.0%} filled; panel widths outside {[round(v, 2) for v in widths[0]]}, inside '
          f'{[round(v, 2) for v in widths[1]]}; phone on the back {phones} times', file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
