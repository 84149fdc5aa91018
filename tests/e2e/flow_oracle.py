#!/usr/bin/python3
"""Checks a handout's break rules from the PDF alone, without trusting the layout code.

Reads the lines back with `pdftotext -bbox-layout` (poppler), cuts each page into the frames the
layout file describes (columns, or tri-fold panels), and reads every page or column break:

  orphan   a paragraph's first lines, fewer than min_lines, alone at the bottom of a frame
  widow    a paragraph's last lines, fewer than min_lines, alone at the top of the next frame
  heading  a heading that ends a frame, or keeps fewer than two lines of what follows
  turn     (tri-fold) a paragraph running from the inside panel F on to the flap A, which is on
           the other side of the sheet
  overfull a line wider than its column (or panel, or, above the columns, the text width)

Which lines form one paragraph is decided by the article's own source text (Markdown, resource
list, strings and clinic config): two lines belong together when their letters, joined, occur in
one source paragraph. A break whose lines cannot be found in the source fails too, so a change in
text extraction cannot turn the check into one that always passes.

Usage: flow_oracle.py LAYOUT.yaml CONFIG.yaml CONTENT_ROOT ARTICLE LANG/BBOX.html...
Each bbox file (`pdftotext -bbox-layout`) sits in a folder named for its language, whose source
is CONTENT_ROOT/LANG. Prints one line per problem and a summary per file; exits 1 on any problem.
"""
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

import yaml

from text_letters import letters

XHTML = '{http://www.w3.org/1999/xhtml}'
TUCK_IN = 6.75  # a tri-fold's tuck-in panel is this much narrower (the style's tuck_in_narrower)
TOL = 0.5  # points a line may reach past its column edge (rounding in the PDF's numbers)


def is_rtl(c):
    return unicodedata.bidirectional(c) in ('R', 'AL')


def logical(words, rtl=None):
    """poppler lists a right-to-left line's words and letters as drawn; undo that, keeping
    left-to-right runs (numbers, Latin names) in their own order. The line's direction is its
    majority script's unless `rtl` says."""
    n_rtl = sum(is_rtl(c) for w in words for c in w)
    n_ltr = sum(unicodedata.bidirectional(c) == 'L' for w in words for c in w)
    words = [w[::-1] if any(is_rtl(c) for c in w) else w for w in words]
    if rtl is False or (rtl is None and n_rtl <= n_ltr):
        return ''.join(words)
    runs, ltr_run = [], []
    for w in words:
        if any(is_rtl(c) for c in w):
            if ltr_run:
                runs.append(''.join(ltr_run))
                ltr_run = []
            runs.append(w)
        else:
            ltr_run.append(w)
    if ltr_run:
        runs.append(''.join(ltr_run))
    return ''.join(reversed(runs))


class Line:
    def __init__(self, x0, y0, x1, y1, words):
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1
        self.words = words

    @property
    def text(self):
        return letters(logical(self.strings))

    @property
    def readings(self):
        """The line's text read in either direction when it mixes scripts: an Arabic line that is
        mostly a web address has fewer Arabic letters than Latin ones, yet reads right to left."""
        return {letters(logical(self.strings, rtl)) for rtl in (False, True)}

    @property
    def strings(self):  # the words left to right
        return [w for _, w in sorted(self.words)]

    def show(self):
        return ' '.join(self.strings)[:60]

    def same_line(self, other):
        """Pieces of one printed line: their middles are closer than a third of a line apart (two
        lines of Arabic, whose boxes are taller than the line pitch, overlap but are further)."""
        middle = abs(self.y0 + self.y1 - other.y0 - other.y1) / 2
        return middle < 0.3 * min(self.y1 - self.y0, other.y1 - other.y0)


def read_pages(path):
    """[(width, height, [Line])] with poppler's pieces of one printed line joined."""
    pages = []
    for page in ET.parse(path).getroot().iter(XHTML + 'page'):
        lines = []
        for el in page.iter(XHTML + 'line'):
            box = [float(el.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax')]
            lines.append(Line(*box, [(float(w.get('xMin')), w.text or '') for w in el.iter(XHTML + 'word')]))
        pages.append((float(page.get('width')), float(page.get('height')), lines))
    return pages


def join_pieces(lines):
    """One Line per printed line of one frame (poppler may cut a line at a wide space)."""
    out = []
    for ln in sorted(lines, key=lambda l: (l.y0 + l.y1) / 2):
        if out and out[-1].same_line(ln):
            prev = out[-1]
            prev.x0, prev.x1 = min(prev.x0, ln.x0), max(prev.x1, ln.x1)
            prev.y0, prev.y1 = min(prev.y0, ln.y0), max(prev.y1, ln.y1)
            prev.words = prev.words + ln.words
        else:
            out.append(ln)
    return out


# --- the source text -------------------------------------------------------------------------

def strings_in(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from strings_in(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings_in(v)


def markdown_units(md):
    """(paragraphs, headings) of an article: blocks split at blank lines, list items apart."""
    front, body = {}, md
    m = re.match(r'---\n(.*?)\n---\n', md, re.S)
    if m:
        front, body = yaml.safe_load(m.group(1)) or {}, md[m.end():]
    paras, heads = list(strings_in(front)), []
    body = re.sub(r'\]\([^)]*\)', ']', body)  # a link prints its text
    for block in re.split(r'\n\s*\n', body):
        item = []
        for raw in block.split('\n'):
            line = raw.strip()
            if line.startswith('#'):
                heads.append(line.lstrip('#'))
            elif re.match(r'([-*+]|\d+[.)])\s', line):
                paras.append(' '.join(item))
                item = [re.sub(r'^([-*+]|\d+[.)])\s', '', line)]
            else:
                item.append(line.lstrip('> '))
        paras.append(' '.join(item))
    return paras, heads


def localized(value, lang):
    """A text given once, or per language (a language missing from the map uses 'default', else 'en')."""
    if isinstance(value, dict):
        return value.get(lang, value.get(lang.split('-')[0], value.get('default', value.get('en', ''))))
    return value or ''


def resource_units(resources, strings, lang):
    """A resource prints as one run of lines: name, description, website (without its scheme),
    then the phone after its label."""
    for r in resources or []:
        web = re.sub(r'^[a-z]+://', '', r.get('website', '') or '')
        phone = f"{strings.get('phone', '')} {r['phone']}" if r.get('phone') else ''
        yield ' '.join([r.get('name', ''), localized(r.get('description'), lang), web, phone])


def read_yaml(path):
    try:
        with open(path, encoding='utf-8') as f:
            return yaml.safe_load(f) or {}
    except FileNotFoundError:
        return {}


def assistance_taglines(content_dir, config):
    """The language-assistance notice's lines ("<own name>: <tagline>") when the config asks for it."""
    notices = config.get('notices') or []
    listed = config.get('languages', ['en'])
    if isinstance(notices, dict):
        if not notices.get('language_assistance'):
            return []
        listed = notices.get('language_assistance_languages', listed)
    elif 'language_assistance' not in notices:
        return []
    root = content_dir.rstrip('/').rsplit('/', 1)[0]
    phone = config.get('clinic', {}).get('phone', '')
    out = []
    for code in listed:
        s = read_yaml(f'{root}/{code}/strings.yaml')
        out.append(s.get('language_name_own', '') + ': ' + s.get('language_assistance', '').replace('{phone}', phone))
    return out


def load_source(content_dir, article, config_path):
    """(paragraphs, headings) as letters: every run of text the handout may print."""
    lang = content_dir.rstrip('/').split('/')[-1]
    with open(f'{content_dir}/{article}.md', encoding='utf-8') as f:
        paras, heads = markdown_units(f.read())
    strings = read_yaml(f'{content_dir}/strings.yaml')
    listing = read_yaml(f'{content_dir}/{article}.resources.yaml')
    config = read_yaml(config_path)
    paras += list(strings_in(strings)) + [listing.get('intro', '')]
    paras += resource_units(listing.get('resources'), strings, lang)
    paras += resource_units(config.get('extra_resources'), strings, lang)
    paras += list(strings_in(config))
    heads += [strings.get('helpful_resources', ''), strings.get('contact_us', '')]
    paras += assistance_taglines(content_dir, config)
    hours = config.get('clinic', {}).get('hours')
    if isinstance(hours, dict):
        hours = hours.get(lang, hours.get('default', hours.get('en')))
    if hours:  # the contact block's last line: "<label>: <hours>; <hours>"
        paras.append(strings.get('hours', '') + ': ' + '; '.join([hours] if isinstance(hours, str) else hours))
    heads += [strings.get('language_assistance_title', '')]
    # A box or notice run on to a new page repeats its label there: "<label> (continued)".
    continued = strings.get('continued', '{label}')
    heads += [continued.replace('{label}', strings.get(k, '')) for k in ('helpful_resources', 'language_assistance_title')]
    paras = [p for p in map(letters, paras) if p]
    heads = [h for h in map(letters, heads) if h]
    return paras, heads


# --- frames ----------------------------------------------------------------------------------

def frame_ranges(layout, width, rtl, page):
    """The x range of each frame of a page in reading order, and which of them carry the flow
    (a tri-fold's cover panel does not; None: all)."""
    if layout.get('format') == 'trifold':
        # The tuck-in panel (A outside, left; F inside, right) is TUCK_IN narrower than the others.
        full = (width + TUCK_IN) / 3
        sides = [[(0, full - TUCK_IN), (full - TUCK_IN, full), (2 * full - TUCK_IN, full)],
                 [(0, full), (full, full), (2 * full, full - TUCK_IN)]]
        out = []
        for side in sides:
            xs = [(x + layout['margin_left'], x + w - layout['margin_right']) for x, w in side]
            if rtl:
                xs = [(width - b, width - a) for a, b in reversed(xs)]
            out.append(xs)
        # page 1: the flap A carries the flow, then the back B (the notice and the contact
        # details); C is the cover
        return out[page], out[page][:2] if page == 0 else out[page]
    left, right = layout['margin_left'], width - layout['margin_right']
    n, gap = layout['columns'], layout['column_gap']
    w = (right - left - gap * (n - 1)) / n
    xs = [(left + i * (w + gap), left + i * (w + gap) + w) for i in range(n)]
    if rtl:
        xs.reverse()
    return xs, None


def fits(line, x0, x1):
    return line.x0 >= x0 - TOL and line.x1 <= x1 + TOL


def furniture_key(line):
    # Page numbers aside; a line of digits alone (the footer's phone number) is its own key.
    return re.sub(r'\d', '', line.text) or line.text


def repeated_lines(pages):
    """Running header and footer: the same words (page numbers aside) at the same height on more
    than one page. Body text never repeats like that; a section's label drawn again at the top
    of a page does, and is told apart by the caller (its words are a heading's)."""
    seen = {}
    for p, (_, _, lines) in enumerate(pages):
        for l in lines:
            seen.setdefault((round(l.y0), furniture_key(l)), set()).add(p)
    return {k for k, ps in seen.items() if len(ps) > 1 and k[1]}


class Oracle:
    def __init__(self, layout, paras, heads):
        self.layout, self.paras, self.heads = layout, paras, heads
        self.problems = []
        self.breaks = self.splits = 0

    def in_para(self, s):
        return bool(s) and any(s in p for p in self.paras)

    def is_heading(self, line):
        s = line.text
        return bool(s) and any(s in h for h in self.heads) and not self.in_para(s)

    def frames(self, pages, rtl):
        """Every flow frame in reading order: (name, [Line]); overfull lines reported on the way."""
        trifold = self.layout.get('format') == 'trifold'
        furniture = repeated_lines(pages)
        out, flow_pages = [], []
        for p, (width, height, raw) in enumerate(pages):
            xs, flow = frame_ranges(self.layout, width, rtl, p)
            raw = [l for l in raw if (round(l.y0), furniture_key(l)) not in furniture or l.text in self.heads]
            if p == 0 and not trifold:  # the header band comes before the flow
                raw = [l for l in raw if (l.y0 + l.y1) / 2 > self.layout['header_band']]
            cols = self.columns(p, raw, xs, rtl, spanning_ok=not trifold and len(xs) > 1)
            if trifold:
                names = 'ABC' if p == 0 else 'DEF'
                flow_pages.append([(f'panel {names[i]}', cols[i]) for i in range(3) if xs[i] in flow])
            else:
                out += [(f'page {p + 1} column {i + 1}', c) for i, c in enumerate(cols)]
        if trifold:  # the inside D E F (page 2), then the flap A and the back B (page 1)
            out = flow_pages[1] + flow_pages[0]
        return out

    def columns(self, p, raw, xs, rtl, spanning_ok):
        """The page's lines sorted into its frames, top to bottom; a line wider than its frame is
        reported (above the columns of a multi-column page, a line may span the text width)."""
        cols, spanning = [[] for _ in xs], []
        left, right = min(a for a, _ in xs), max(b for _, b in xs)
        for ln in raw:
            home = [i for i, (a, b) in enumerate(xs) if fits(ln, a, b)]
            anchor = ln.x1 if rtl else ln.x0  # where a line starts
            near = home or [i for i, (a, b) in enumerate(xs) if a - TOL <= anchor <= b + TOL]
            if not home:
                if spanning_ok and fits(ln, left, right):
                    spanning.append(ln)
                else:
                    self.problem(f'page {p + 1}: overfull line ({ln.x0:.1f} to {ln.x1:.1f}, '
                                 f'frame {xs[near[0]] if near else "none"}): {ln.show()}')
            if near:
                cols[near[0]].append(ln)
        cols = [join_pieces(c) for c in cols]
        second = [l.y0 for c in cols[1:] for l in c]
        for ln in spanning:
            if p > 0 or not second or ln.y0 > min(second):
                self.problem(f'page {p + 1}: overfull line crosses the column gap: {ln.show()}')
        return cols

    def problem(self, msg):
        self.problems.append(msg)

    def check_break(self, name_a, a, name_b, b):
        if not a or not b:
            return
        self.breaks += 1
        last, first = a[-1], b[0]
        if self.heading_like(last, a):
            self.problem(f'{name_a}: heading at the bottom: {last.show()}')
        heads = [i for i, ln in enumerate(a) if self.heading_like(ln, a)]
        if heads and 0 < len(a) - 1 - heads[-1] < 2:
            self.problem(f'{name_a}: heading keeps only one line of what follows: {a[heads[-1]].show()}')
        if self.in_para(last.text + first.text):
            self.splits += 1
            if (name_a, name_b) == ('panel F', 'panel A'):
                self.problem(f'{name_a} -> {name_b}: a paragraph runs on to the other side of the sheet: '
                             f'{last.show()!r} / {first.show()!r}')
            before = max(n for n in range(1, len(a) + 1)
                         if self.in_para(''.join(l.text for l in a[-n:]) + first.text))
            after = max(n for n in range(1, len(b) + 1)
                        if self.in_para(last.text + ''.join(l.text for l in b[:n])))
            mn = self.layout['min_lines']
            if before < mn:
                self.problem(f'{name_a}: orphan: {before} line(s) of a paragraph alone at the bottom: '
                             f'{last.show()}')
            if after < mn:
                self.problem(f'{name_b}: widow: {after} line(s) of a paragraph alone at the top: '
                             f'{first.show()}')
            return
        ends = any(p.endswith(''.join(l.text for l in a[-n:])) for n in (1, 2, 3) for p in self.paras + self.heads)
        ends |= any(p.endswith(t) for t in last.readings for p in self.paras + self.heads)
        starts = any(p.startswith(''.join(l.text for l in b[:n])) for n in (1, 2, 3) for p in self.paras + self.heads)
        starts |= any(p.startswith(t) for t in first.readings for p in self.paras + self.heads)
        if starts and self.is_heading(first):
            return  # a break before a heading splits nothing (page 1's title block may end there)
        if not (ends and starts):
            self.problem(f'{name_a} -> {name_b}: lines not found in the source, cannot read the break: '
                         f'{last.show()!r} / {first.show()!r}')

    def heading_like(self, line, frame):
        """A heading's words, or a line set larger than the frame's body text whose words are in
        no paragraph (line boxes of Arabic vary with its marks, so size alone is not enough)."""
        heights = sorted(l.y1 - l.y0 for l in frame)
        taller = line.y1 - line.y0 > 1.15 * heights[len(heights) // 2]
        return self.is_heading(line) or (taller and not self.in_para(line.text))


def check_file(layout, source, bbox_path):
    """The problems found in one handout's bbox file, and a one-line summary."""
    oracle = Oracle(layout, *source)
    pages = read_pages(bbox_path)
    all_text = ''.join(w for _, _, lines in pages for l in lines for w in l.strings)
    rtl = sum(map(is_rtl, all_text)) > sum(unicodedata.bidirectional(c) == 'L' for c in all_text)
    frames = oracle.frames(pages, rtl)
    for i in range(len(frames) - 1):
        oracle.check_break(*frames[i], *frames[i + 1])
    return oracle.problems, (f'{len(frames)} frames, {oracle.breaks} breaks read, '
                             f'{oracle.splits} paragraphs split, {len(oracle.problems)} problems')


def main(argv):
    if len(argv) < 5:
        sys.exit(__doc__)
    layout_path, config_path, content_root, article = argv[1:5]
    with open(layout_path, encoding='utf-8') as f:
        layout = {'margin_top': 48, 'margin_bottom': 50, 'margin_left': 64, 'margin_right': 64,
                  'columns': 1, 'column_gap': 24, 'min_lines': 2, 'header_band': 84,
                  **(yaml.safe_load(f) or {})}
    failed = 0
    for bbox_path in argv[5:]:
        lang = bbox_path.rstrip('/').split('/')[-2]
        problems, summary = check_file(layout, load_source(f'{content_root}/{lang}', article, config_path), bbox_path)
        for p in problems:
            print(f'{bbox_path}: {p}')
        print(f'{bbox_path}: {summary}')
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
