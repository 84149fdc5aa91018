#!/usr/bin/python3
"""Print-ready checks on handout PDFs, read back with MuPDF's `mutool trace` (every glyph with
its font, position and tagged layer; every stroke and image):

  fill      a handout of several pages never ends on a page holding under a quarter of its body
  rules     no two rules one under the other with nothing between (a section rule under the
            running header's)
  gaps      no page ends more than an inch above its footer rule when the next page starts
            with an article heading that would have fitted there with its first two lines
  edges     no text or image within 0.25 in of the sheet's edge
  slant     no word set partly in italic and partly upright, and no line whose only italic
            glyphs are digits and punctuation in a script set upright
  numbers   no line that starts or ends inside a number range ("–8:00", "8:00–")
  labels    no label ("Phone:") ends a line with its number at the start of the next
  title     the title's last line is not a lone word (in a title of several words)

Usage: print_ready.py FILE.pdf[=ARTICLE.md]... ; with the article, the gaps check knows its
headings. Prints one line per problem, exits 1 when there is any.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

SAFE_EDGE = 18.0  # 0.25 in
INCH = 72.0
DASHES = "\u2013\u2012-\u2014"


def apply(t, x, y):
    a, b, c, d, e, f = t
    return a * x + c * y + e, b * x + d * y + f


def parse_matrix(text):
    return [float(v) for v in text.split()]


class Page:
    def __init__(self, number, width, height):
        self.number, self.width, self.height = number, width, height
        self.glyphs = []  # (x, y, size, char, font, layer, layer_id)
        self.rules = []  # (x0, x1, y, layer)
        self.images = []  # (x0, y0, x1, y1)


def read_pages(pdf):
    out = subprocess.run(["mutool", "trace", pdf], capture_output=True, text=True, check=True).stdout
    root = ET.fromstring(out)
    pages = []
    for p in root.iter("page"):
        box = [float(v) for v in p.get("mediabox").split()]
        page = Page(int(p.get("number")), box[2] - box[0], box[3] - box[1])
        # mutool writes a marked-content layer's start and end before the text it holds: text
        # belongs to the layer begun last.
        layer, lid = "", 0
        for el in p.iter():
            if el.tag == "layer":
                layer, lid = el.get("name"), lid + 1
            elif el.tag == "fill_text":
                t = parse_matrix(el.get("transform"))
                for span in el.iter("span"):
                    size = abs(parse_matrix(span.get("trm"))[0])
                    font = span.get("font").split("+")[-1]
                    for g in span.iter("g"):
                        x, y = apply(t, float(g.get("x")), float(g.get("y")))
                        adv = float(g.get("adv")) * size
                        page.glyphs.append((x, y, size, g.get("unicode"), font, layer, lid, adv))
            elif el.tag == "stroke_path":
                t = parse_matrix(el.get("transform"))
                pts = [apply(t, float(m.get("x")), float(m.get("y"))) for m in el if m.tag in ("moveto", "lineto")]
                if len(pts) == 2 and abs(pts[0][1] - pts[1][1]) < 0.5 and abs(pts[0][0] - pts[1][0]) > 100:
                    page.rules.append((min(pts[0][0], pts[1][0]), max(pts[0][0], pts[1][0]), pts[0][1], layer))
            elif el.tag == "fill_image":
                t = parse_matrix(el.get("transform"))
                corners = [apply(t, x, y) for x in (0, 1) for y in (0, 1)]
                xs, ys = [c[0] for c in corners], [c[1] for c in corners]
                page.images.append((min(xs), min(ys), max(xs), max(ys)))
        pages.append(page)
    return pages


def lines_of(glyphs):
    """Glyphs grouped into lines: same baseline, no horizontal gap wider than two ems."""
    lines = []
    for g in sorted(glyphs, key=lambda g: (round(g[1], 0), g[0])):
        if lines:
            last = lines[-1][-1]
            if abs(last[1] - g[1]) < 1 and g[0] - (last[0] + last[7]) < 2 * g[2]:
                lines[-1].append(g)
                continue
        lines.append([g])
    return lines


def body_limits(page):
    """The running header's rule (or the page-1 band's) and the footer's rule."""
    furniture = [r for r in page.rules if r[3] == "Artifact"]
    top = [r[2] for r in furniture if r[2] < page.height / 3]
    bottom = [r[2] for r in furniture if r[2] > page.height * 2 / 3]
    return (max(top) if top else 0), (min(bottom) if bottom else page.height)


def content(page):
    """The body's glyphs: between the header's rule and the footer's."""
    top, bottom = body_limits(page)
    return [g for g in page.glyphs if top < g[1] < bottom and g[3] not in (" ", "\u00a0")]


def article_headings(md):
    """The article's headings, as printed (Markdown emphasis and links dropped)."""
    out = []
    for line in open(md, encoding="utf-8"):
        m = re.match(r"^#{2,6}\s+(.*?)\s*#*\s*$", line)
        if m:
            out.append(re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", m.group(1)).strip())
    return out


def check(pdf, headings):
    problems = []
    pages = read_pages(pdf)
    name = pdf

    def bad(page, kind, text):
        problems.append(f"{name}: page {page.number}: {kind}: {text}")

    # fill: the last page of a handout of several pages.
    if len(pages) > 1:
        last = pages[-1]
        top, bottom = body_limits(last)
        glyphs = content(last)
        low = max((g[1] + 0.25 * g[2] for g in glyphs), default=top)
        fill = (low - top) / (bottom - top)
        if fill < 0.25:
            bad(last, "fill", f"the last page holds {fill:.0%} of its body height")
    for i, page in enumerate(pages):
        top, bottom = body_limits(page)
        glyphs = content(page)
        # rules: two rules with nothing between them.
        rules = sorted(page.rules, key=lambda r: r[2])
        for r0, r1 in zip(rules, rules[1:]):
            if r1[2] - r0[2] > 40 or r1[2] - r0[2] < 1:
                continue
            between = [g for g in page.glyphs if r0[2] < g[1] - 0.3 * g[2] and g[1] < r1[2]]
            if not between:
                bad(page, "rules", f"a rule at {r1[2]:.0f} pt right under another at {r0[2]:.0f} pt")
        # gaps: the page before one that starts with one of the article's headings ends no
        # lower than it had to: the heading and the two lines under it would not have fitted.
        following = content(pages[i + 1]) if i + 1 < len(pages) else []
        if headings and following and glyphs:
            next_lines = [l for l in lines_of(following)]
            next_lines.sort(key=lambda l: l[0][1])
            first = "".join(g[3] for g in next_lines[0]).strip()
            heading = next((h for h in headings if h.startswith(first) or first.startswith(h)), None)
            if heading:
                k = 0  # the heading's lines, then two more
                text = ""
                while k < len(next_lines) and len(text) < len(heading):
                    text += "".join(g[3] for g in next_lines[k]).strip() + " "
                    k += 1
                unit = next_lines[min(k + 1, len(next_lines) - 1)]
                needed = (unit[0][1] + 0.25 * unit[0][2]) - (next_lines[0][0][1] - 0.8 * next_lines[0][0][2])
                low = max(g[1] + 0.25 * g[2] for g in glyphs)
                if bottom - low > INCH and bottom - low > needed + 0.5 * next_lines[0][0][2]:
                    bad(page, "gaps", f"{(bottom - low) / INCH:.2f} in empty above the footer, though "
                        f"'{heading}' and its first lines take {needed / INCH:.2f} in")
        # edges: text and images inside the safe area.
        for g in page.glyphs:
            if g[3] in (" ", "\u00a0"):
                continue
            x0, x1, y0, y1 = g[0], g[0] + g[7], g[1] - 0.72 * g[2], g[1] + 0.22 * g[2]
            if min(x0, y0, page.width - x1, page.height - y1) < SAFE_EDGE - 0.5:
                bad(page, "edges", f"'{g[3]}' at {x0:.0f},{y0:.0f} lies within 0.25 in of the edge")
                break
        for x0, y0, x1, y1 in page.images:
            if min(x0, y0, page.width - x1, page.height - y1) < SAFE_EDGE - 0.5:
                bad(page, "edges", f"an image at {x0:.0f},{y0:.0f} lies within 0.25 in of the edge")
        # slant and numbers, line by line.
        for line in lines_of(page.glyphs):
            text = "".join(g[3] for g in line)
            italic = ["Italic" in g[4] for g in line]
            word, words = [], []
            for g, it in zip(line, italic):
                if g[3] in (" ", "\u00a0"):
                    if word:
                        words.append(word)
                    word = []
                else:
                    word.append((g, it))
            if word:
                words.append(word)
            for w in words:
                if len({it for _, it in w}) > 1:
                    bad(page, "slant", f"'{''.join(g[3] for g, _ in w)}' is partly italic")
                    break
            if any(italic) and not all(italic):
                slanted = [g[3] for g, it in zip(line, italic) if it and g[3].strip()]
                upright_letters = [g[3] for g, it in zip(line, italic) if not it and g[3].isalpha()]
                if slanted and all(not c.isalpha() for c in slanted) and upright_letters:
                    bad(page, "slant", f"only the digits of '{text.strip()}' are italic")
            stripped = text.strip()
            if re.match(f"^[{DASHES}]\\d", stripped) or re.search(f"\\d[{DASHES}]$", stripped):
                bad(page, "numbers", f"a line breaks a range: '{stripped}'")
        # labels: "Phone:" never ends a line with its number on the next.
        lines = lines_of(page.glyphs)
        for a in lines:
            ta = "".join(g[3] for g in a).strip()
            if not re.search("[:\uff1a]$", ta):
                continue
            below = [b for b in lines if abs(b[0][0] - a[0][0]) < 3 and 0 < b[0][1] - a[0][1] < 2.5 * a[0][2]]
            if below and re.match(r"^[(+\d]", "".join(g[3] for g in below[0]).strip()):
                bad(page, "labels", f"'{ta}' ends a line and its number starts the next")
        # title: page 1's H1 does not end with a lone word.
        if page.number == 1:
            title = lines_of([g for g in page.glyphs if g[5] == "H1"])
            title_text = " ".join("".join(g[3] for g in l).strip() for l in title)
            if len(title) > 1 and len(title_text.split()) > 3 and len(
                    "".join(g[3] for g in title[-1]).strip().split()) == 1:
                bad(page, "title", f"the title ends with a lone word: '{title_text}'")
    return problems


def main():
    problems = []
    for arg in sys.argv[1:]:
        pdf, _, md = arg.partition("=")
        problems += check(pdf, article_headings(md) if md else [])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
