#!/usr/bin/python3
"""Checks a PDF against the machine-checkable conditions of PDF/UA-1 (the Matterhorn Protocol's
failure conditions that need no human judgement), with pikepdf alone. veraPDF is not available
on Debian; this is the project's own, independent of the code that writes the PDFs.

  structure   MarkInfo /Marked true; a StructTreeRoot whose ParentTree agrees, MCID by MCID,
              with the marked content actually in every page's content stream
  content     every painting operator inside marked content with an MCID or inside an
              /Artifact sequence; no MCID used twice on a page
  headings    the first heading is H1, no level skipped
  figures     every Figure has /Alt
  links       every Link annotation has /Contents and a /StructParent whose Link element holds
              an OBJR to it
  lists       L holds LI (and Caption), LI holds Lbl and LBody
  tables      Table holds TR (and THead, TBody, TFoot, Caption), TR holds TH and TD, every TH
              has a /Scope in its attributes (Matterhorn 15-003)
  metadata    catalog /Lang and every element's /Lang well formed; Info /Title equal to the XMP dc:title; XMP
              pdfuaid:part 1; ViewerPreferences /DisplayDocTitle true; every page /Tabs /S
  fonts       every font embedded, with a ToUnicode map

  reading     (with --source ARTICLE.md) the structure tree's text, read in tree order (marked
              content by MCID, ActualText honoured, /ReversedChars runs turned round), holds
              every paragraph of the article in the article's order; (with --absent TEXT) it
              does not hold TEXT, e.g. a page label that belongs to the furniture

With --poppler, the reading check reads poppler's `pdfinfo -struct-text` instead of its own
extraction (poppler takes content in stream order and ignores /ReversedChars, so use it for
left-to-right languages). With --text, prints the text read, one element per line.

With --content ROOT --article NAME, each FILE.pdf in a folder named for its language LANG is
read against ROOT/LANG/NAME.md, and page 1's label from ROOT/LANG/strings.yaml must be absent.

Usage: pdfua_check.py [--text] [--source ARTICLE.md] [--absent TEXT]... FILE.pdf...
       pdfua_check.py --content ROOT --article NAME LANG/FILE.pdf...
Prints one line per failure and a summary per file; exits 1 on any failure.
"""
import os
import re
import subprocess
import sys

import pikepdf
import yaml
from pikepdf import Name

from text_letters import letters

SHOWING = {'Tj', 'TJ', "'", '"'}
PAINTING = {'Tj', 'TJ', "'", '"', 'Do', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'sh', 'BI', 'INLINE IMAGE'}
LANG = re.compile(r'^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$')


def key(obj):
    """A stable identity for an indirect object."""
    return obj.objgen if obj.is_indirect else id(obj)


class ToUnicode:
    """A font's ToUnicode CMap: codes (one or two bytes, as its code space says) to text."""

    def __init__(self, font):
        self.map = {}
        self.width = 2
        if '/ToUnicode' not in font:
            return
        data = font.ToUnicode.read_bytes().decode('latin-1')
        space = re.search(r'begincodespacerange\s*<([0-9A-Fa-f]+)>', data)
        if space:
            self.width = len(space.group(1)) // 2
        for block in re.findall(r'beginbfchar(.*?)endbfchar', data, re.S):
            for src, dst in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>', block):
                self.map[int(src, 16)] = utf16(dst)
        for block in re.findall(r'beginbfrange(.*?)endbfrange', data, re.S):
            for lo, hi, dst in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', block):
                base = utf16(dst)
                for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                    self.map[code] = base[:-1] + chr(ord(base[-1]) + i)

    def text(self, raw):
        w = self.width
        return ''.join(self.map.get(int.from_bytes(raw[i:i + w], 'big'), '') for i in range(0, len(raw) - w + 1, w))


def utf16(hexstr):
    return bytes.fromhex(hexstr).decode('utf-16-be') if hexstr else ''


def text_string(obj):
    return str(obj) if obj is not None else ''


class Checker:
    def __init__(self, path):
        self.path = path
        self.failures = []
        self.pdf = pikepdf.open(path)
        self.pages = list(self.pdf.pages)
        self.page_index = {key(p.obj): i for i, p in enumerate(self.pages)}
        self.marked = []   # per page: {mcid: text}
        self.artifact_text = []  # per page: text drawn as artifacts

    def fail(self, what, message):
        self.failures.append(f'{self.path}: {what}: {message}')

    # --- content streams ---------------------------------------------------------------
    def read_content(self):
        for n, page in enumerate(self.pages):
            fonts = {}
            resources = page.obj.get('/Resources', {})
            for name, font in resources.get('/Font', {}).items():
                fonts[name] = ToUnicode(font)
            self.marked.append({})
            self.artifact_text.append([])
            self.read_page(n, page, fonts)

    def read_page(self, n, page, fonts):
        stack = []  # (kind, mcid, reversed, actual_text, collected text) per open sequence
        inside = 0  # open sequences that are marked content (with an MCID) or artifacts
        font = None
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in PAINTING:  # the commonest, tested first
                if not inside:
                    self.fail('content', f'page {n + 1}: "{op}" outside marked content and artifacts')
                if stack and op in SHOWING:
                    stack[-1]['text'] += self.shown(font, operands, op)
            elif op == 'Tf':
                font = fonts.get(str(operands[0]))
            elif op in ('BDC', 'BMC'):
                tag = str(operands[0])
                props = operands[1] if op == 'BDC' else None
                is_dict = props is not None and isinstance(props, pikepdf.Dictionary)
                mcid = int(props.MCID) if is_dict and '/MCID' in props else None
                actual = str(props.ActualText) if is_dict and '/ActualText' in props else None
                if mcid is not None and mcid in self.marked[n]:
                    self.fail('content', f'page {n + 1}: MCID {mcid} used twice')
                counts = mcid is not None or tag == '/Artifact'
                inside += counts
                stack.append({'tag': tag, 'mcid': mcid, 'reversed': tag == '/ReversedChars', 'actual': actual,
                              'text': '', 'counts': counts})
            elif op == 'EMC':
                if not stack:
                    self.fail('content', f'page {n + 1}: EMC without a sequence to close')
                    continue
                inside -= stack[-1]['counts']
                self.close(n, stack)
        if stack:
            self.fail('content', f'page {n + 1}: {len(stack)} marked-content sequence(s) left open')

    @staticmethod
    def shown(font, operands, op):
        if font is None:
            return ''
        if op == 'TJ':
            return ''.join(font.text(bytes(x)) for x in operands[0] if isinstance(x, pikepdf.String))
        return font.text(bytes(operands[-1]))

    def close(self, n, stack):
        s = stack.pop()
        text = s['actual'] if s['actual'] is not None else s['text']
        if s['reversed']:
            text = text[::-1]
        if s['mcid'] is not None:
            self.marked[n][s['mcid']] = text
        elif s['tag'] == '/Artifact':
            self.artifact_text[n].append(text)
        if stack:
            stack[-1]['text'] += text

    # --- structure ---------------------------------------------------------------------
    def check_structure(self):
        root = self.pdf.Root
        if root.get('/MarkInfo', {}).get('/Marked') is not True:
            self.fail('structure', 'catalog /MarkInfo /Marked is not true')
        tree = root.get('/StructTreeRoot')
        if tree is None:
            self.fail('structure', 'no /StructTreeRoot')
            return None
        self.parent_tree = self.number_tree(tree.get('/ParentTree'))
        self.referenced = {}  # (page, mcid) -> element
        self.order = []       # (element, text) in reading order
        kids = tree.get('/K')
        for k in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if k is not None:
                self.walk(k, tree, None, 0)
        self.check_parent_tree()
        return tree

    def number_tree(self, node):
        out = {}
        if node is None:
            self.fail('structure', 'no /ParentTree')
            return out
        nums = node.get('/Nums', [])
        for i in range(0, len(nums) - 1, 2):
            out[int(nums[i])] = nums[i + 1]
        for kid in node.get('/Kids', []):
            out.update(self.number_tree(kid))
        return out

    def walk(self, elem, parent, page, depth):
        if depth > 200:
            self.fail('structure', 'structure tree deeper than 200 levels')
            return
        role = str(elem.get('/S', ''))
        page = elem.get('/Pg', page)
        lang = text_string(elem.get('/Lang'))
        if '/Lang' in elem and not LANG.match(lang):
            self.fail('metadata', f'{role} element has a malformed /Lang ({lang!r})')
        shown = role + (f'[{lang}]' if lang else '')
        if elem.get('/P') is not None and key(elem.P) != key(parent):
            self.fail('structure', f'{role} element\'s /P is not its parent')
        self.check_element(elem, role)
        kids = elem.get('/K')
        kids = kids if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
        text = ''
        for k in kids:
            if isinstance(k, int) or (isinstance(k, pikepdf.Object) and k._type_name == 'integer'):
                text += self.content(elem, page, int(k))
            elif isinstance(k, pikepdf.Dictionary) and k.get('/Type') == Name.MCR:
                text += self.content(elem, k.get('/Pg', page), int(k.MCID))
            elif isinstance(k, pikepdf.Dictionary) and k.get('/Type') == Name.OBJR:
                self.link_targets.setdefault(key(k.Obj), []).append(elem)
            elif isinstance(k, pikepdf.Dictionary):
                if text:
                    self.order.append((shown, text))
                    text = ''
                self.walk(k, elem, page, depth + 1)
        if text:
            self.order.append((shown, text))

    def content(self, elem, page, mcid):
        if page is None:
            self.fail('structure', f'MCID {mcid} without a page')
            return ''
        n = self.page_index.get(key(page))
        if n is None:
            self.fail('structure', f'MCID {mcid} refers to a page not in the document')
            return ''
        if (n, mcid) in self.referenced:
            self.fail('structure', f'page {n + 1}: MCID {mcid} belongs to two elements')
        self.referenced[(n, mcid)] = elem
        if mcid not in self.marked[n]:
            self.fail('structure', f'page {n + 1}: the tree names MCID {mcid}, which the content does not have')
            return ''
        return self.marked[n][mcid]

    def check_parent_tree(self):
        for n, page in enumerate(self.pages):
            sp = page.obj.get('/StructParents')
            if sp is None:
                if self.marked[n]:
                    self.fail('structure', f'page {n + 1} has marked content but no /StructParents')
                continue
            entry = self.parent_tree.get(int(sp))
            if entry is None:
                self.fail('structure', f'page {n + 1}: /StructParents {int(sp)} is not in the ParentTree')
                continue
            for mcid in self.marked[n]:
                owner = self.referenced.get((n, mcid))
                if owner is None:
                    self.fail('structure', f'page {n + 1}: MCID {mcid} is in the content but in no element')
                elif mcid >= len(entry) or key(entry[mcid]) != key(owner):
                    self.fail('structure', f'page {n + 1}: ParentTree entry for MCID {mcid} is not its element')

    def check_element(self, elem, role):
        kids = elem.get('/K')
        kids = kids if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
        kid_roles = [str(k.get('/S')) for k in kids if isinstance(k, pikepdf.Dictionary) and '/S' in k]
        if role == '/Figure' and not text_string(elem.get('/Alt')).strip():
            self.fail('figures', 'a Figure without /Alt')
        if role == '/L' and any(r not in ('/LI', '/Caption') for r in kid_roles):
            self.fail('lists', f'L holds {", ".join(r for r in kid_roles if r not in ("/LI", "/Caption"))}')
        if role == '/LI' and any(r not in ('/Lbl', '/LBody') for r in kid_roles):
            self.fail('lists', f'LI holds {", ".join(r for r in kid_roles if r not in ("/Lbl", "/LBody"))}')
        if role in ('/Table', '/THead', '/TBody', '/TFoot') and any(
                r not in ('/TR', '/THead', '/TBody', '/TFoot', '/Caption') for r in kid_roles):
            self.fail('tables', f'{role[1:]} holds {", ".join(r for r in kid_roles if r not in ("/TR", "/THead", "/TBody", "/TFoot", "/Caption"))}')
        if role == '/TR' and any(r not in ('/TH', '/TD') for r in kid_roles):
            self.fail('tables', f'TR holds {", ".join(r for r in kid_roles if r not in ("/TH", "/TD"))}')
        if role == '/TH':
            attributes = elem.get('/A')
            attributes = attributes if isinstance(attributes, pikepdf.Array) else [attributes]
            if not any(isinstance(a, pikepdf.Dictionary) and '/Scope' in a for a in attributes):
                self.fail('tables', 'a TH without /Scope')
        if re.fullmatch(r'/H[1-6]', role):
            level = int(role[2])
            if level > self.last_heading + 1:
                self.fail('headings', f'H{level} after H{self.last_heading} skips a level')
            self.last_heading = level

    # --- annotations, metadata, fonts --------------------------------------------------
    def check_links(self):
        for n, page in enumerate(self.pages):
            if page.obj.get('/Tabs') != Name.S:
                self.fail('metadata', f'page {n + 1}: /Tabs is not /S')
            for annot in page.obj.get('/Annots', []):
                if annot.get('/Subtype') != Name.Link:
                    continue
                if not text_string(annot.get('/Contents')).strip():
                    self.fail('links', f'page {n + 1}: a link without /Contents')
                sp = annot.get('/StructParent')
                owner = self.parent_tree.get(int(sp)) if sp is not None else None
                holders = self.link_targets.get(key(annot), [])
                if owner is None or owner.get('/S') != Name.Link or key(owner) not in {key(h) for h in holders}:
                    self.fail('links', f'page {n + 1}: a link annotation not held by its Link element')

    def check_metadata(self):
        root, info = self.pdf.Root, self.pdf.trailer.get('/Info', {})
        lang = text_string(root.get('/Lang'))
        if not LANG.match(lang):
            self.fail('metadata', f'catalog /Lang is missing or malformed ({lang!r})')
        if root.get('/ViewerPreferences', {}).get('/DisplayDocTitle') is not True:
            self.fail('metadata', 'ViewerPreferences /DisplayDocTitle is not true')
        title = text_string(info.get('/Title'))
        if not title.strip():
            self.fail('metadata', 'no Info /Title')
        try:
            meta = self.pdf.open_metadata()
            xmp_title = meta.get('dc:title', '')
            part = meta.get('{http://www.aiim.org/pdfua/ns/id/}part', '')
        except Exception as e:  # pikepdf raises on malformed XMP
            self.fail('metadata', f'XMP metadata unreadable: {e}')
            return
        if xmp_title != title:
            self.fail('metadata', f'XMP dc:title {xmp_title!r} differs from Info /Title {title!r}')
        if str(part) != '1':
            self.fail('metadata', f'XMP pdfuaid:part is {part!r}, not 1')

    def check_fonts(self):
        seen = set()
        for page in self.pages:
            for name, font in page.obj.get('/Resources', {}).get('/Font', {}).items():
                if key(font) in seen:
                    continue
                seen.add(key(font))
                fonts = [font] + list(font.get('/DescendantFonts', []))
                embedded = any('/FontFile' in f.get('/FontDescriptor', {}) or '/FontFile2' in f.get('/FontDescriptor', {})
                               or '/FontFile3' in f.get('/FontDescriptor', {}) for f in fonts)
                if not embedded:
                    self.fail('fonts', f'{font.get("/BaseFont")} is not embedded')
                if '/ToUnicode' not in font:
                    self.fail('fonts', f'{font.get("/BaseFont")} has no ToUnicode map')

    def run(self):
        self.last_heading = 0
        self.link_targets = {}
        self.parent_tree = {}
        self.referenced = {}
        self.order = []
        self.read_content()
        if self.check_structure() is not None:
            self.check_links()
        self.check_metadata()
        self.check_fonts()
        return self.failures


def source_paragraphs(path):
    """The article's paragraphs (front matter dropped; link targets and image paths removed),
    as letters."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if text.startswith('---'):
        text = text.split('\n---', 1)[1].split('\n', 1)[1]
    text = re.sub(r'\]\([^)]*\)', ']', text)
    return [p for p in (letters(b) for b in re.split(r'\n\s*\n', text)) if p]


def poppler_order(path):
    """(role, text) per line of `pdfinfo -struct-text`: each quoted string under its element."""
    out, role = [], ''
    listing = subprocess.run(['pdfinfo', '-struct-text', path], capture_output=True, text=True).stdout
    for line in listing.splitlines():
        stripped = line.strip()
        if stripped.startswith('"') and stripped.endswith('"'):
            out.append((role, stripped[1:-1]))
        elif stripped:
            role = '/' + stripped.split(' ')[0]
    return out


def check_reading(checker, paragraphs, absent):
    """Every source paragraph in the structure text, in order (a link's printed address may sit
    inside a paragraph: then its letters are found in order within a little more room)."""
    text = letters(''.join(t for _, t in checker.order))
    at = 0
    for p in paragraphs:
        found = text.find(p, at)
        if found < 0:
            found = subsequence(text, p, at)
        if found < 0:
            checker.fail('reading', f'paragraph not found in reading order: {p[:60]}...')
        else:
            at = found + 1
    for a in absent:
        if letters(a) and letters(a) in text:
            checker.fail('reading', f'furniture in the structure text: {a!r}')


def page_label(strings_path, pages):
    """Page 1's label in the strings file's language, e.g. "Page 1 of 4"."""
    with open(strings_path, encoding='utf-8') as f:
        template = yaml.safe_load(f)['page_of']
    return template.replace('{n}', '1').replace('{total}', str(pages))


def subsequence(text, p, start):
    begin = text.find(p[:12], start)
    while begin >= 0:
        i, limit = begin, begin + int(len(p) * 1.6) + 30
        for c in p:
            i = text.find(c, i, limit)
            if i < 0:
                break
            i += 1
        else:
            return begin
        begin = text.find(p[:12], begin + 1)
    return -1


def main(argv):
    args = argv[1:]
    show_text = '--text' in args
    source, absent, paths, content, article = None, [], [], None, None
    while args:
        a = args.pop(0)
        if a in ('--text', '--poppler'):
            continue
        if a == '--source':
            source = args.pop(0)
        elif a == '--absent':
            absent.append(args.pop(0))
        elif a == '--content':
            content = args.pop(0)
        elif a == '--article':
            article = args.pop(0)
        else:
            paths.append(a)
    if not paths:
        sys.exit(__doc__)
    failed = 0
    for path in paths:
        checker = Checker(path)
        failures = checker.run()
        if '--poppler' in argv:
            checker.order = poppler_order(path)
        if content and article:
            lang = os.path.basename(os.path.dirname(os.path.abspath(path)))
            label = page_label(f'{content}/{lang}/strings.yaml', len(checker.pages))
            check_reading(checker, source_paragraphs(f'{content}/{lang}/{article}.md'), absent + [label])
        elif source:
            check_reading(checker, source_paragraphs(source), absent)
        for f in failures:
            print(f)
        if show_text:
            for role, text in checker.order:
                print(f'{role[1:]}\t{text}')
        print(f'{path}: {len(failures)} failures')
        failed += bool(failures)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
