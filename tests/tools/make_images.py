#!/usr/bin/python3
"""Writes test images, good and hostile, into a folder (standard library only).

usage: make_images.py DIR [--big N]
  interlaced.png   a valid 64x48 Adam7-interlaced RGBA PNG
  truncated.png    a valid PNG cut off inside its IDAT data
  bomb.png         a few hundred bytes whose header declares 60000 x 60000 pixels
  truncated.jpg    tests/fixtures/photo.jpg cut in half
  big.png          with --big N: an N x N greyscale PNG (for benchmarks)
"""
import os
import struct
import sys
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, colour_type, rows, interlace=0):
    """rows: the filtered scanline bytes (already in pass order when interlaced)."""
    bit_depth = 8
    head = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, interlace)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(rows, 9))
            + chunk(b"IEND", b""))


def pixel(x, y):
    return bytes([(x * 4) % 256, (y * 5) % 256, 128, 255 if (x + y) % 7 else 0])


def adam7(width, height):
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
    out = b""
    for x0, y0, dx, dy in passes:
        xs = range(x0, width, dx)
        for y in range(y0, height, dy):
            if len(xs):
                out += b"\x00" + b"".join(pixel(x, y) for x in xs)
    return out


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(out, "interlaced.png"), "wb") as f:
        f.write(png(64, 48, 6, adam7(64, 48), interlace=1))
    plain = png(64, 48, 6, b"".join(b"\x00" + b"".join(pixel(x, y) for x in range(64)) for y in range(48)))
    idat = plain.index(b"IDAT")
    with open(os.path.join(out, "truncated.png"), "wb") as f:
        f.write(plain[: idat + 60])  # inside the compressed data, no IEND
    head = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    with open(os.path.join(out, "bomb.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(b"\x00" * 4000))
                + chunk(b"IEND", b""))
    photo = open(os.path.join(here, "..", "fixtures", "photo.jpg"), "rb").read()
    with open(os.path.join(out, "truncated.jpg"), "wb") as f:
        f.write(photo[: len(photo) // 2])
    if "--big" in sys.argv:
        n = int(sys.argv[sys.argv.index("--big") + 1])
        row = b"\x00" + bytes((x // 16) % 256 for x in range(n))
        comp = zlib.compressobj(6)
        data = b"".join(comp.compress(row) for _ in range(n)) + comp.flush()
        head = struct.pack(">IIBBBBB", n, n, 8, 0, 0, 0, 0)
        with open(os.path.join(out, "big.png"), "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", data) + chunk(b"IEND", b""))


main()
