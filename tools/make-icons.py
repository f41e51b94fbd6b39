#!/usr/bin/env python3
"""Draws RigDirectory's icons (favicon.ico, PNG app icons, SVG) into src/RigDirectory.Web/wwwroot.

The mark: a white ring and dot (a lens, a map marker) on the directory's navy, rounded square. Pure Python
(zlib only), so it runs anywhere: python3 tools/make-icons.py
"""
import math
import os
import struct
import zlib

NAVY = (18, 50, 91)
WHITE = (255, 255, 255)
OUT = os.path.join(os.path.dirname(__file__), "..", "src", "RigDirectory.Web", "wwwroot")


def coverage(x, y, size):
    """(navy alpha, white alpha) of one sample point in a unit square."""
    corner = 0.18
    dx = max(abs(x - 0.5) - (0.5 - corner), 0)
    dy = max(abs(y - 0.5) - (0.5 - corner), 0)
    inside = math.hypot(dx, dy) <= corner
    r = math.hypot(x - 0.5, y - 0.5)
    ring = 0.24 <= r <= 0.34
    dot = r <= 0.11
    return inside, inside and (ring or dot)


def pixels(size, samples=4):
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            bg = fg = 0
            for sy in range(samples):
                for sx in range(samples):
                    x = (px + (sx + 0.5) / samples) / size
                    y = (py + (sy + 0.5) / samples) / size
                    inside, white = coverage(x, y, size)
                    bg += inside
                    fg += white
            n = samples * samples
            alpha = bg / n
            white = fg / bg if bg else 0
            colour = [round(NAVY[i] * (1 - white) + WHITE[i] * white) for i in range(3)]
            row += bytes(colour + [round(alpha * 255)])
        rows.append(bytes(row))
    return rows


def png(size):
    raw = b"".join(b"\x00" + row for row in pixels(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def ico(sizes):
    images = [png(s) for s in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries = b""
    for size, image in zip(sizes, images):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    return header + entries + b"".join(images)


SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="11.5" fill="#12325b"/><circle cx="32" cy="32" r="18.5" fill="none" stroke="#fff" stroke-width="6.4"/><circle cx="32" cy="32" r="7" fill="#fff"/></svg>
"""

if __name__ == "__main__":
    with open(os.path.join(OUT, "favicon.ico"), "wb") as f:
        f.write(ico([16, 32, 48]))
    for name, size in [("apple-touch-icon.png", 180), ("icon-192.png", 192), ("icon-512.png", 512)]:
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(png(size))
    with open(os.path.join(OUT, "favicon.svg"), "w") as f:
        f.write(SVG)
