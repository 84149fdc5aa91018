#!/usr/bin/python3
"""Hyphenation limits, read back from a handout PDF (issue 25).

Reads the PDF's lines in reading order with `pdftotext -bbox-layout` (each column's lines on
their own, which `-layout` would join across the page) and fails when:
  - more than 2 lines in a row end in a hyphen: one added by hyphenation (U+2010) or the
    word's own ("self-");
  - a hyphenated word is, or splits inside, a word of the article's title (at least 4 letters;
    inside longer words only those of 7 letters or more, the shortest word ever hyphenated);
  - a line of the title or of a heading ends in the added hyphen.
Prints "hyphenated=N longest_run=N" (N: lines ending in U+2010) and one line per problem.
Usage: hyphen_lines.py PDF ARTICLE.md
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ADDED = "\u2010"
NS = "{http://www.w3.org/1999/xhtml}"
MIN_WORD = 7


def pdf_lines(pdf):
    """Each line's text, in the order pdftotext reads them (page, flow, block, line)."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True, capture_output=True).stdout
    root = ET.fromstring(xml)
    lines = []
    for line in root.iter(NS + "line"):
        words = [w.text or "" for w in line.iter(NS + "word")]
        if words:
            lines.append(" ".join(words))
    return lines


def front_matter_title(md):
    text = open(md, encoding="utf-8").read()
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    title = ""
    if m:
        for line in m.group(1).splitlines():
            if line.startswith("title:"):
                title = line[len("title:"):].strip().strip("\"'")
    headings = [h.strip("# ").strip() for h in text.splitlines() if re.match(r"#{1,6} ", h)]
    return title, headings


def letters(s):
    return "".join(c for c in s if c.isalpha()).lower()


def ends_in_hyphen(line):
    last = line.split(" ")[-1]
    # A lone dash is a list marker or a dash between words, not a word broken at its hyphen.
    return len(last) > 1 and last[-1] in (ADDED, "-") and last[-2].isalpha()


def main():
    pdf, md = sys.argv[1], sys.argv[2]
    title, headings = front_matter_title(md)
    title_words = {letters(w) for w in re.split(r"[\s\-–—/]+", title) if len(letters(w)) >= 4}
    lines = pdf_lines(pdf)
    problems = []
    run = longest = hyphenated = 0
    for i, line in enumerate(lines):
        run = run + 1 if ends_in_hyphen(line) else 0
        longest = max(longest, run)
        if run == 3:
            problems.append("3 lines in a row end in a hyphen: " + " / ".join(lines[i - 2:i + 1]))
        if not line.endswith(ADDED) or i + 1 == len(lines):
            continue
        hyphenated += 1
        before = line.split(" ")[-1][:-1]
        after = lines[i + 1].split(" ")[0]
        word = letters(before) + letters(after)
        cut = len(letters(before))
        for t in title_words:
            if word == t or (len(t) >= MIN_WORD and any(p < cut < p + len(t) for p in
                                                        (m.start() for m in re.finditer(re.escape(t), word)))):
                problems.append(f"title word '{t}' split: {before}{ADDED} / {after}")
        joined = letters(line[:-1] + lines[i + 1])
        for h in [title] + headings:
            if len(joined) > 3 and joined in letters(h):
                problems.append(f"title or heading hyphenated: {line} / {lines[i + 1]}")
    print(f"hyphenated={hyphenated} longest_run={longest}")
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
