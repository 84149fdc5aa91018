#!/usr/bin/python3
"""Puts the pages of a PDF side by side in one PNG, to review a whole handout at a glance.

Usage: tools/contact_sheet.py file.pdf out.png [dpi] [pages per row]
Needs only pdftoppm (poppler-utils) and the Python standard library.
"""
import glob
import os
import struct
import subprocess
import sys
import tempfile
import zlib


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    parts, pos = [], 0
    while len(parts) < 4:  # magic, width, height, maxval
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        parts.append(data[start:pos])
    pos += 1
    w, h = int(parts[1]), int(parts[2])
    return w, h, data[pos:pos + w * h * 3]


def write_png(path, w, h, rows):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + r for r in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def main():
    pdf, out = sys.argv[1], sys.argv[2]
    dpi = sys.argv[3] if len(sys.argv) > 3 else "30"
    per_row = int(sys.argv[4]) if len(sys.argv) > 4 else 4
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", dpi, pdf, os.path.join(tmp, "p")], check=True, stderr=subprocess.DEVNULL)
        pages = [read_ppm(p) for p in sorted(glob.glob(os.path.join(tmp, "p-*.ppm")))]
    gap = 8
    pw = max(p[0] for p in pages)
    ph = max(p[1] for p in pages)
    cols = min(per_row, len(pages))
    nrows = (len(pages) + cols - 1) // cols
    W, H = cols * pw + (cols + 1) * gap, nrows * ph + (nrows + 1) * gap
    grey = b"\x80\x80\x80"
    canvas = [bytearray(grey * W) for _ in range(H)]
    for i, (w, h, px) in enumerate(pages):
        x0 = gap + (i % cols) * (pw + gap)
        y0 = gap + (i // cols) * (ph + gap)
        for y in range(h):
            canvas[y0 + y][x0 * 3:(x0 + w) * 3] = px[y * w * 3:(y + 1) * w * 3]
    write_png(out, W, H, [bytes(r) for r in canvas])


if __name__ == "__main__":
    main()
