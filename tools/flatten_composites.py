#!/usr/bin/python3
"""Decomposes nested composite glyphs of TrueType fonts, in place.

libharu 2.3 subsets embedded TrueType fonts and keeps the components of a composite glyph
only one level deep: a composite whose components are themselves composites (Noto Sans
Arabic's isolated forms, Noto Sans's Vietnamese letters with two accents) loses its inner
parts and prints as a stray dot. This tool turns each such glyph into a simple outline, so
every glyph the PDF needs survives subsetting. Other glyphs and tables are left as they are.

It also reads glyph numbers of components as signed 16-bit values, so in a font with more
than 32767 glyphs (Droid Sans Fallback) components numbered above that are dropped too, and
some composites of Nanum Gothic's Hangul syllables lose parts. `--all` decomposes every
composite glyph, for such fonts.

Usage (development only; the fonts in fonts/ are already processed):
    apt-get install python3-fonttools
    tools/flatten_composites.py [--all] fonts/NotoSans-Regular.ttf ...
"""
import sys

from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont


def flatten(path, everything):
    font = TTFont(path)
    glyf = font["glyf"]
    glyph_set = font.getGlyphSet()
    changed = 0
    for name in font.getGlyphOrder():
        glyph = glyf[name]
        if not glyph.isComposite():
            continue
        if not everything and not any(glyf[c.glyphName].isComposite() for c in glyph.components):
            continue
        recording = DecomposingRecordingPen(glyph_set)
        glyph_set[name].draw(recording)
        pen = TTGlyphPen(None)
        recording.replay(pen)
        simple = pen.glyph()
        simple.recalcBounds(glyf)
        glyf[name] = simple
        changed += 1
    font.save(path)
    print(f"{path}: {changed} composite glyphs decomposed")


if __name__ == "__main__":
    everything = "--all" in sys.argv[1:]
    for p in sys.argv[1:]:
        if p != "--all":
            flatten(p, everything)
