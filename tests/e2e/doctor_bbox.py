#!/usr/bin/python3
"""Spoils a `pdftotext -bbox-layout` file on purpose, so the e2e tests can show that each rule of
flow_oracle.py fails when the PDF breaks it.

  doctor_bbox.py IN OUT widen TEXT POINTS   the line holding TEXT ends POINTS further right
  doctor_bbox.py IN OUT cut-after TEXT      the lines below the one holding TEXT, in its column, go
"""
import sys
import xml.etree.ElementTree as ET

NS = 'http://www.w3.org/1999/xhtml'
ET.register_namespace('', NS)


def find_line(root, text):
    for page in root.iter(f'{{{NS}}}page'):
        for block in page.iter(f'{{{NS}}}block'):
            for line in block.findall(f'{{{NS}}}line'):
                if text in ' '.join(w.text or '' for w in line):
                    return page, line
    sys.exit(f'doctor_bbox: no line holds {text!r}')


def main(argv):
    src, dst, op, text = argv[1:5]
    tree = ET.parse(src)
    page, target = find_line(tree.getroot(), text)
    if op == 'widen':
        right = float(target.get('xMax')) + float(argv[5])
        target.set('xMax', f'{right:f}')
        target[-1].set('xMax', f'{right:f}')
    elif op == 'cut-after':
        x0, x1, y = (float(target.get(k)) for k in ('xMin', 'xMax', 'yMax'))
        for block in page.iter(f'{{{NS}}}block'):
            for line in block.findall(f'{{{NS}}}line'):
                below = float(line.get('yMin')) >= y - 1
                same_column = float(line.get('xMin')) < x1 and float(line.get('xMax')) > x0
                if below and same_column and line is not target:
                    block.remove(line)
    else:
        sys.exit(f'doctor_bbox: unknown operation {op!r}')
    tree.write(dst, encoding='utf-8', xml_declaration=False)


if __name__ == '__main__':
    main(sys.argv)
