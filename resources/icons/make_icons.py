#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# Berth's icon, drawn from a few shapes: berth.svg, and PNGs at the sizes desktops ask for (rendered here with
# 4x4 supersampling, no library needed), and the same PNGs packed as Windows' berth.ico and macOS' berth.icns for
# the installers (installer/windows, installer/macos). Run it here after changing the shapes; the outputs are
# committed.
import struct
import zlib

# Shapes on a 256 grid, painted in order: (kind, x0, y0, x1, y1, radius, colour).
SHAPES = [
    ("rect", 8, 8, 248, 248, 48, (0x1d, 0x4e, 0x89)),      # the tile: deep water
    ("rect", 40, 184, 216, 200, 4, (0xe8, 0xee, 0xf5)),     # the quay
    ("rect", 56, 128, 124, 176, 6, (0xf2, 0x8c, 0x28)),     # containers, stacked on it
    ("rect", 132, 128, 200, 176, 6, (0x2a, 0xb7, 0xa9)),
    ("rect", 94, 72, 162, 120, 6, (0xf5, 0xf7, 0xfa)),
    ("rect", 40, 208, 216, 216, 4, (0x7f, 0xa7, 0xd6)),     # a line of water under the quay
]
SIZES = [16, 24, 32, 48, 64, 128, 256]


def inside(kind, x0, y0, x1, y1, r, x, y):
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def render(size):
    ss = 4
    rows = []
    for py in range(size):
        row = bytearray([0])  # PNG filter: none
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(ss):
                for sx in range(ss):
                    x = (px + (sx + 0.5) / ss) * 256 / size
                    y = (py + (sy + 0.5) / ss) * 256 / size
                    colour = None
                    for kind, x0, y0, x1, y1, r, c in SHAPES:
                        if inside(kind, x0, y0, x1, y1, r, x, y):
                            colour = c
                    if colour:
                        acc[0] += colour[0]
                        acc[1] += colour[1]
                        acc[2] += colour[2]
                        acc[3] += 255
            n = ss * ss
            alpha = acc[3] / n
            if alpha > 0:
                row += bytes([round(acc[0] * 255 / acc[3]), round(acc[1] * 255 / acc[3]),
                              round(acc[2] * 255 / acc[3]), round(alpha)])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def svg():
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">']
    for kind, x0, y0, x1, y1, r, c in SHAPES:
        parts.append('  <rect x="%d" y="%d" width="%d" height="%d" rx="%d" fill="#%02x%02x%02x"/>' %
                     (x0, y0, x1 - x0, y1 - y0, r, *c))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def ico(pngs):
    """A Windows icon holding PNG images (Vista and later read them): {size: png bytes}."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, data = b"", b""
    for s in sizes:
        png = pngs[s]
        entries += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


def icns(pngs):
    """A macOS icon family holding PNG images, by the types Apple gives each size."""
    types = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08"}
    body = b"".join(types[s] + struct.pack(">I", 8 + len(pngs[s])) + pngs[s] for s in sorted(pngs) if s in types)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


if __name__ == "__main__":
    with open("berth.svg", "w") as f:
        f.write(svg())
    for s in SIZES:
        with open("berth-%d.png" % s, "wb") as f:
            f.write(render(s))
    pngs = {s: open("berth-%d.png" % s, "rb").read() for s in SIZES}
    with open("../../installer/windows/berth.ico", "wb") as f:
        f.write(ico(pngs))
    with open("../../installer/macos/berth.icns", "wb") as f:
        f.write(icns(pngs))
