#!/usr/bin/env python3
"""Draws the app's icon: the region's west (orange) and east (blue), the Okabe–Ito colours the
charts use, under a rising line that ends in the plan's target diamond.

Writes assets/icon/plan-explorer.png (256×256, the window and the Linux package) and
assets/icon/plan-explorer.ico (16 to 256 pixels, the Windows .exe). The design is drawn on a
256-unit grid; smaller sizes average 4×4 samples per pixel so their edges stay smooth.
Pure Python, no imaging library: rerun after changing the drawing."""
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


def png_bytes(size):
    """A size×size RGBA PNG of the design, each pixel the average of its samples."""
    samples = 1 if size == N else 4
    step = N / (size * samples)
    rows = []
    for py in range(size):
        row = bytearray(b"\x00")
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    x = int((px * samples + sx + 0.5) * step)
                    y = int((py * samples + sy + 0.5) * step)
                    r, g, b, a = pixel(x, y)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3] / (samples * samples)
            colour = [round(c / acc[3]) if acc[3] else 0 for c in acc[:3]]
            row += bytes(colour + [round(alpha)])
        rows.append(bytes(row))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def ico_bytes(images):
    """An .ico whose entries are PNG images (read by Windows since Vista)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory, data = b"", b""
    for size, png in images:
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + directory + data


folder = os.path.join(os.path.dirname(__file__), "..", "assets", "icon")
images = [(size, png_bytes(size)) for size in (16, 24, 32, 48, 64, 256)]
for name, content in (("plan-explorer.png", images[-1][1]), ("plan-explorer.ico", ico_bytes(images))):
    out = os.path.join(folder, name)
    with open(out, "wb") as fh:
        fh.write(content)
    print(out, len(content), "bytes")
