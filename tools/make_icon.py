#!/usr/bin/env python3
"""Draws the app's icon, assets/icon/plan-explorer.png (256×256): the region's west (orange)
and east (blue), the Okabe–Ito colours the charts use, under a rising line that ends in the
plan's target diamond. Pure Python, no imaging library: rerun after changing the drawing."""
import os
import struct
import zlib

N = 256
WEST, EAST = (230, 159, 0), (0, 114, 178)
WHITE = (255, 255, 255)


def inside_rounded(x, y, r=44):
    cx = min(max(x, r), N - 1 - r)
    cy = min(max(y, r), N - 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def near_segment(x, y, a, b, width):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / float(dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= (width / 2.0) ** 2


LINE = [(44, 196), (100, 160), (150, 172), (196, 96)]
TARGET = (206, 72)


def pixel(x, y):
    if not inside_rounded(x, y):
        return (0, 0, 0, 0)
    colour = WEST if x < N // 2 else EAST
    if any(near_segment(x, y, LINE[k], LINE[k + 1], 18) for k in range(len(LINE) - 1)):
        colour = WHITE
    if abs(x - TARGET[0]) + abs(y - TARGET[1]) <= 26:
        colour = WHITE
    if y >= 214 and y <= 222 and 36 <= x <= 220:
        colour = WHITE
    return colour + (255,)


rows = b"".join(b"\x00" + bytes(c for x in range(N) for c in pixel(x, y)) for y in range(N))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
out = os.path.join(os.path.dirname(__file__), "..", "assets", "icon", "plan-explorer.png")
with open(out, "wb") as fh:
    fh.write(png)
print(out, len(png), "bytes")
