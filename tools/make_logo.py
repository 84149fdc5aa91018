#!/usr/bin/python3
"""Draws the fictional example clinic's logo (assets/logo.png) with only the standard library.

A teal disc with three willow leaves. Anti-aliased by 4x4 supersampling. Run once; the PNG is
committed, so builds never need this script.
"""
import math
import struct
import sys
import zlib

SIZE, SS = 256, 4
TEAL = (0x2F, 0x6B, 0x6F)
SAGE = (0xCF, 0xE3, 0xDA)
WHITE = (0xFF, 0xFF, 0xFF)


def leaf(px, py, cx, cy, angle, length, width):
    """True when (px, py) lies inside a pointed leaf (a lens) centred at (cx, cy)."""
    dx, dy = px - cx, py - cy
    c, s = math.cos(angle), math.sin(angle)
    u, v = dx * c + dy * s, -dx * s + dy * c
    if abs(u) > length / 2:
        return False
    half = width / 2 * (1 - (2 * u / length) ** 2)
    return abs(v) <= half


def colour_at(x, y):
    cx = cy = SIZE / 2
    r = math.hypot(x - cx, y - cy)
    if r > SIZE / 2 - 2:
        return None
    if leaf(x, y, cx, cy + 6, -math.pi / 2, 150, 58):
        return WHITE
    if leaf(x, y, cx - 38, cy + 30, -math.pi / 2 - 0.75, 110, 40):
        return SAGE
    if leaf(x, y, cx + 38, cy + 30, -math.pi / 2 + 0.75, 110, 40):
        return SAGE
    return TEAL


def main(path):
    rows = []
    for y in range(SIZE):
        row = bytearray([0])
        for x in range(SIZE):
            acc, hits = [0, 0, 0], 0
            for sy in range(SS):
                for sx in range(SS):
                    c = colour_at(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS)
                    if c:
                        hits += 1
                        for i in range(3):
                            acc[i] += c[i]
            if hits:
                row += bytes(int(a / hits + 0.5) for a in acc) + bytes([round(255 * hits / SS / SS)])
            else:
                row += bytes(4)
        rows.append(bytes(row))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "assets/logo.png")
