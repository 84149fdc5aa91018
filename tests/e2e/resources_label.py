#!/usr/bin/env python3
"""Does the resources box carry a label of its own? (e2e_layouts, e2e_languages)

Usage: resources_label.py absent|present STRINGS_YAML ARTICLE_MD PDF...

Counts the language's `helpful_resources` label in each PDF's text (pdftotext; white space,
bidi marks, brackets and added hyphens removed, case folded, so any script and any line break matches)
and in the article's Markdown. "absent": the box adds no label under the article's last section,
which introduces it: the article's own words are all there is, except on a page the box opens
(its intro there, the article's last words on the page before), which the label heads;
"present": the box adds exactly one. The "<label> (continued)" line of a box running on to
another page is not counted. The box's intro is read from the article's .resources.yaml. Exit 1
on a mismatch, with the counts.
"""
import re
import subprocess
import sys

import yaml

# White space, bidi marks, and brackets (which pdftotext may give mirrored in right-to-left text).
DROP = re.compile('[\\s\u200e\u200f\u202a-\u202e\u2066-\u2069()]')


def squeeze(text):
    return DROP.sub('', text.replace('\u2010\n', '')).casefold()


def plain(text):
    """Markdown's text without its markup, as squeeze() gives it."""
    return squeeze(re.sub('[*_`#]', '', text))


def letters(text):
    """Letters and digits alone: right-to-left text comes out with its punctuation moved."""
    return re.sub(r'[\W_]', '', squeeze(text))


def pages_opened(pages, intro, ending):
    """Pages on which the box's intro stands without the article's last words before it."""
    return sum(1 for page in pages if letters(intro) in letters(page) and letters(ending) not in letters(page))


def main(mode, strings_path, article_path, pdfs):
    with open(strings_path, encoding='utf-8') as f:
        strings = yaml.safe_load(f)
    label = squeeze(strings['helpful_resources'])
    continued = squeeze(strings.get('continued') or '{label}').replace(squeeze('{label}'), label)
    with open(article_path, encoding='utf-8') as f:
        markdown = f.read()
    in_article = squeeze(markdown).count(label)
    # The last few letters: a right-to-left line may come out in pieces, so no more.
    ending = letters(plain([line for line in markdown.splitlines() if line.strip()][-1]))[-8:]
    with open(re.sub(r'\.md$', '.resources.yaml', article_path), encoding='utf-8') as f:
        intro = plain(yaml.safe_load(f).get('intro') or '')[:16]  # its start: it may wrap
    bad = 0
    for pdf in pdfs:
        raw = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, check=True, text=True).stdout
        text = squeeze(raw)
        opened = pages_opened(raw.split('\f'), intro, ending) if mode == 'absent' and intro else 0
        want = in_article + (1 if mode == 'present' else opened)
        got = text.count(label) - (text.count(continued) if continued != label else 0)
        ok = got == want
        bad += not ok
        print(f'{"ok" if ok else "FAIL"}: {pdf}: label {strings["helpful_resources"]!r} {got} time(s), '
              f'want {want} ({in_article} in the article, box label {mode}, '
              f'{opened} page(s) the box opens)')
    return 1 if bad else 0


if __name__ == '__main__':
    if len(sys.argv) < 5 or sys.argv[1] not in ('absent', 'present'):
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
