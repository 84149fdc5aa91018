#!/usr/bin/python3
"""Writes a copy of a good tagged handout with one accessibility fault, so the end-to-end tests
can show that pdfua_check.py catches each fault it claims to.

Usage: spoil_pdf.py IN.pdf OUT.pdf FAULT     (FAULT: one of the names in FAULTS)
       spoil_pdf.py IN.pdf OUTDIR --all      (OUTDIR/FAULT.pdf for every fault)
       spoil_pdf.py --list                   (the faults' names, one a line)
"""
import sys

import pikepdf
from pikepdf import Name


def elements(pdf):
    """Every structure element, depth first."""
    out, todo = [], [pdf.Root.StructTreeRoot.K]
    while todo:
        e = todo.pop(0)
        if isinstance(e, pikepdf.Array):
            todo[:0] = list(e)
            continue
        if not isinstance(e, pikepdf.Dictionary) or '/S' not in e:
            continue
        out.append(e)
        kids = e.get('/K')
        if kids is not None:
            todo[:0] = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    return out


def first(pdf, role):
    return next(e for e in elements(pdf) if e.S == Name(role))


def first_link(pdf):
    for page in pdf.pages:
        for a in page.obj.get('/Annots', []):
            if a.get('/Subtype') == Name.Link:
                return a
    raise SystemExit('no link annotation')


def unmarked(pdf):
    pdf.pages[0].contents_add(pikepdf.Stream(pdf, b'q 0 0 1 RG 10 10 m 100 10 l S Q\n'))


def mcid_missing(pdf):
    p = first(pdf, '/P')
    kids = p.K
    for i, k in enumerate(kids):
        if isinstance(k, pikepdf.Dictionary) and '/MCID' in k:
            k.MCID = 999
            return
        if isinstance(k, int):
            kids[i] = 999
            return
    raise SystemExit('no marked content in the first P')


def parent_tree(pdf):
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    entry = nums[1]
    entry[0], entry[1] = entry[1], entry[0]


def reading_order(pdf):
    doc = pdf.Root.StructTreeRoot.K
    kids = doc.K
    paragraphs = [i for i, k in enumerate(kids) if k.get('/S') == Name.P]
    a, b = paragraphs[2], paragraphs[5]
    ka, kb = kids[a], kids[b]
    kids[a], kids[b] = kb, ka


def xmp_without_pdfua(pdf):
    data = pdf.Root.Metadata.read_bytes().replace(b'<pdfuaid:part>1</pdfuaid:part>\n', b'')
    pdf.Root.Metadata = pikepdf.Stream(pdf, data)
    pdf.Root.Metadata.Type, pdf.Root.Metadata.Subtype = Name.Metadata, Name.XML


def no_tounicode(pdf):
    fonts = pdf.pages[0].obj.Resources.Font
    font = fonts[list(fonts.keys())[0]]
    del font['/ToUnicode']


FAULTS = {
    'no-markinfo': lambda pdf: pdf.Root.__delitem__('/MarkInfo'),
    'unmarked-content': unmarked,
    'mcid-missing': mcid_missing,
    'parent-tree': parent_tree,
    'skipped-heading': lambda pdf: setattr(first(pdf, '/H2'), 'S', Name.H3),
    'figure-without-alt': lambda pdf: first(pdf, '/Figure').__delitem__('/Alt'),
    'link-without-contents': lambda pdf: first_link(pdf).__delitem__('/Contents'),
    'link-not-in-structure': lambda pdf: first_link(pdf).__delitem__('/StructParent'),
    'list-item-as-paragraph': lambda pdf: setattr(first(pdf, '/LI'), 'S', Name.P),
    'bad-lang': lambda pdf: setattr(pdf.Root, 'Lang', pikepdf.String('english!')),
    'title-mismatch': lambda pdf: setattr(pdf.trailer.Info, 'Title', pikepdf.String('Another title')),
    'no-pdfua-id': xmp_without_pdfua,
    'no-display-title': lambda pdf: setattr(pdf.Root.ViewerPreferences, 'DisplayDocTitle', False),
    'no-tabs': lambda pdf: pdf.pages[0].obj.__delitem__('/Tabs'),
    'no-tounicode': no_tounicode,
    'reading-order': reading_order,
}


def main(argv):
    if argv[1:] == ['--list']:
        print('\n'.join(FAULTS))
        return 0
    if len(argv) != 4 or (argv[3] not in FAULTS and argv[3] != '--all'):
        sys.exit(__doc__ + '\nFaults: ' + ', '.join(FAULTS))
    todo = FAULTS if argv[3] == '--all' else [argv[3]]
    for fault in todo:
        pdf = pikepdf.open(argv[1])
        FAULTS[fault](pdf)
        pdf.save(f'{argv[2]}/{fault}.pdf' if argv[3] == '--all' else argv[2])
        pdf.close()
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
