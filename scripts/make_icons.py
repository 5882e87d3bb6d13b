#!/usr/bin/env python3
"""Draws the engine plugins' icon (a gift box on a dark rounded square) as PNG files.

Pure Python (zlib + struct), so the committed icons can be rebuilt anywhere and
``--check`` (tests/test_packaging.py) proves they are current:

    python scripts/make_icons.py            # writes the icons
    python scripts/make_icons.py --check    # exit 1 if a committed icon differs
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# path -> size in pixels
ICONS = {
    ROOT / "unreal_plugin" / "TikTokBridge" / "Resources" / "Icon128.png": 128,
    ROOT / "godot_addon" / "icon.png": 256,
}
SUPERSAMPLE = 4

Color = tuple[int, int, int]
BACKGROUND: Color = (18, 24, 38)
CYAN: Color = (37, 244, 238)
PINK: Color = (254, 44, 85)
WHITE: Color = (245, 247, 250)


def _in_rounded_square(u: float, v: float, radius: float) -> bool:
    cu = min(max(u, radius), 1.0 - radius)
    cv = min(max(v, radius), 1.0 - radius)
    return (u - cu) ** 2 + (v - cv) ** 2 <= radius**2


def _paint(u: float, v: float) -> tuple[Color, float]:
    """The colour and coverage (0 or 1) at a point of the unit square, v downwards."""
    if not _in_rounded_square(u, v, 0.2):
        return BACKGROUND, 0.0
    ribbon = 0.455 <= u <= 0.545
    if 0.41 <= v <= 0.5 and 0.17 <= u <= 0.83:  # lid
        return (WHITE if ribbon else PINK), 1.0
    if 0.5 < v <= 0.82 and 0.22 <= u <= 0.78:  # box
        return (WHITE if ribbon else CYAN), 1.0
    for cu in (0.4, 0.6):  # the bow: two rings
        d2 = (u - cu) ** 2 + (v - 0.33) ** 2
        if 0.045**2 <= d2 <= 0.085**2:
            return WHITE, 1.0
    return BACKGROUND, 1.0


def render(size: int) -> bytes:
    """RGBA rows of the icon at size x size pixels, anti-aliased by supersampling."""
    rows = bytearray()
    n = SUPERSAMPLE
    for y in range(size):
        rows.append(0)  # PNG filter type: none
        for x in range(size):
            r = g = b = a = 0.0
            for sy in range(n):
                for sx in range(n):
                    color, cover = _paint((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size)
                    r += color[0] * cover
                    g += color[1] * cover
                    b += color[2] * cover
                    a += cover
            k = n * n
            rows += bytes((round(r / a) if a else 0, round(g / a) if a else 0, round(b / a) if a else 0))
            rows.append(round(255 * a / k))
    return bytes(rows)


def png(size: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(render(size), 9))
        + chunk(b"IEND", b"")
    )


def main(argv: list[str]) -> int:
    stale = []
    for path, size in ICONS.items():
        data = png(size)
        if "--check" in argv:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({size}x{size})")
    for path in stale:
        print(f"{path.relative_to(ROOT)} is stale: run python scripts/make_icons.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
