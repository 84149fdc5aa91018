"""Fills an exported XLIFF or PO file as a translator's tool would, for tests/e2e/translate.sh.

translate_fill.py MODE FILE [--final]
translate_fill.py show MODE TEXT   prints TEXT as MODE fills it (what the PDF should show)
  MODE upper:  each target is its source upper-cased outside the inline codes
  MODE arabic: each Latin letter of the source becomes an Arabic letter (a right-to-left text)
  --final:     XLIFF targets marked state="final" (signed off); PO entries are never fuzzy

XLIFF is read with Python's own ElementTree, PO with translate-toolkit's reader: neither is the
code that wrote the files.
"""
import re
import sys
import xml.etree.ElementTree as ET

from translate.storage import po

NS = "urn:oasis:names:tc:xliff:document:1.2"
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def transform(text, mode):
    if mode == "upper":
        return text.upper()
    return "".join(ARABIC[(ord(c.lower()) - 97) % len(ARABIC)] if c.isascii() and c.isalpha() else c for c in text)


KEEP = r"(</?\d+/?>|\{[a-z_]+\})"


def transform_tagged(text, mode):
    # codes (<1>, </1>, <2/>) and the labels' {placeholders} stay as they are
    return "".join(p if re.fullmatch(KEEP, p) else transform(p, mode) for p in re.split(KEEP, text))


def copy_transformed(src, dst, mode):
    dst.text = transform(src.text, mode) if src.text else src.text
    for child in src:
        c = ET.SubElement(dst, child.tag, dict(child.attrib))
        copy_transformed(child, c, mode)
        c.tail = transform(child.tail, mode) if child.tail else child.tail


def fill_xliff(path, mode, final):
    ET.register_namespace("", NS)
    tree = ET.parse(path)
    for tu in tree.iter(f"{{{NS}}}trans-unit"):
        src = tu.find(f"{{{NS}}}source")
        for old in tu.findall(f"{{{NS}}}target") + tu.findall(f"{{{NS}}}alt-trans"):
            tu.remove(old)
        tgt = ET.Element(f"{{{NS}}}target", {"state": "final" if final else "translated"})
        copy_transformed(src, tgt, mode)
        tu.insert(list(tu).index(src) + 1, tgt)
    tree.write(path, encoding="UTF-8", xml_declaration=True)


def fill_po(path, mode, final):
    store = po.pofile.parsefile(path)
    for unit in store.units:
        if unit.isheader():
            continue
        unit.target = transform_tagged(unit.source, mode)
        unit.markfuzzy(not final)
    with open(path, "wb") as f:
        f.write(bytes(store))


if __name__ == "__main__":
    if sys.argv[1] == "show":  # translate_fill.py show MODE TEXT: prints TEXT as MODE fills it
        print(transform(sys.argv[3], sys.argv[2]))
        sys.exit(0)
    mode, path = sys.argv[1], sys.argv[2]
    final = "--final" in sys.argv[3:]
    (fill_po if path.endswith(".po") else fill_xliff)(path, mode, final)
