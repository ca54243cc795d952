#!/usr/bin/env python3
"""Rendering test of the approximation pictures (approximation_plot.hpp):
the demo program tests/approximation_plot_demo.cpp writes one SVG of each
kind, headless Chromium shows each in an 800 × 600 window, and the
screenshot must be 800 × 600, not blank, and have its coloured regions
where the layout of approximation_plot.hpp puts them, computed here by hand
from the demo's data, which this script builds again by itself.

First the PNG decoder of svg_render.py is checked on images encoded here
with each of PNG's five filters; that needs no browser.  Without Chromium the
rest is skipped with a visible `SKIP: ...` line.

Usage: python3 tests/scripts/test_plot_render.py [PATH_TO_nnsim]
The demo program is taken from the environment variable NNSIM_PLOT_DEMO
(CTest sets it), else looked for beside nnsim as tests/approximation_plot_demo.
Set NNSIM_KEEP_PNG=FOLDER to keep the screenshots.  Standard library only.
Prints one line per failure and `N passed, M failed`; exits 1 when anything
failed.
"""

import math
import os
import random
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checks  # noqa: E402
import svg_render  # noqa: E402

# The layout of approximation_plot.hpp: the plot area in pixels.
AREA_LEFT, AREA_RIGHT, AREA_TOP, AREA_BOTTOM = 80, 760, 50, 450


def red(colour):
    r, g, b = colour
    return r > 180 and g < 90 and b < 90


def reddish(colour):
    """Red, or red blended with white by anti-aliasing (green and blue stay
    equal, unlike in orange)."""
    r, g, b = colour
    return r - max(g, b) > 60 and abs(g - b) < 30


# --- the PNG decoder, on images encoded here -------------------------------

def encode_png(width, height, channels, pixels, filters):
    """A PNG of the pixel bytes (rows of width × channels bytes), row y
    stored with filter filters[y % len(filters)], applied as the PNG
    specification (section 9.2) defines them."""
    stride = width * channels
    raw = bytearray()
    previous = bytes(stride)
    for y in range(height):
        row = pixels[y * stride:(y + 1) * stride]
        kind = filters[y % len(filters)]
        out = bytearray()
        for i in range(stride):
            a = row[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 0:
                prediction = 0
            elif kind == 1:
                prediction = a
            elif kind == 2:
                prediction = b
            elif kind == 3:
                prediction = (a + b) // 2
            else:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                prediction = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            out.append((row[i] - prediction) & 0xFF)
        raw.append(kind)
        raw += out
        previous = row

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    colour_type = 2 if channels == 3 else 6
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw)))
            + chunk(b"IEND", b""))


def test_decoder(t):
    generator = random.Random(11)
    for channels in (3, 4):
        width, height = 7, 10
        pixels = bytes(generator.randrange(256) for _ in range(width * height * channels))
        for filters in ([0], [1], [2], [3], [4], [4, 3, 2, 1, 0]):
            name = f"decode colour type {2 if channels == 3 else 6}, filters {filters}"
            data = encode_png(width, height, channels, pixels, filters)
            w, h, c, rows = svg_render.decode_png(data)
            t.check(f"{name}: size", (w, h, c) == (width, height, channels), f"got {(w, h, c)}")
            t.check(f"{name}: pixels", b"".join(rows) == pixels)
    # A picture's count of pixels that are not the background.
    pixels = bytearray(b"\xff" * (4 * 3 * 3))
    pixels[0:3] = b"\x00\x00\x00"
    pixels[2 * 12 + 3:2 * 12 + 6] = b"\xd6\x27\x28"  # row 2, column 1 (rows of 12 bytes)
    w, h, c, rows = svg_render.decode_png(encode_png(4, 3, 3, bytes(pixels), [0]))
    picture = svg_render.Picture(w, h, c, rows)
    t.check("non-background pixels", picture.non_background == 2, f"got {picture.non_background}")
    t.check("pixel (1, 2)", picture.pixel(1, 2) == (0xd6, 0x27, 0x28), f"got {picture.pixel(1, 2)}")
    for bad, reason in ((b"GIF89a", "not a PNG"), (encode_png(1, 1, 3, b"\0\0\0", [5])[:-12], "filter 5")):
        try:
            svg_render.decode_png(bad)
            t.check(f"decode refuses {reason}", False)
        except ValueError:
            t.check(f"decode refuses {reason}", True)


# --- the demo's data, built again -------------------------------------------

def misclassified_cells():
    """The cells the demo's set picture marks misclassified: the disc of
    radius 0.35 about (1/2, 1/2), cubes of side 1/5, each kept cube that is
    not inside the disc cut into 4 × 4 cells; a cell is misclassified when
    its nearest point to the centre is at least the radius away."""
    radius, cube, cell = 0.35, 0.2, 0.05

    def nearest(low, high):
        return min(max(0.5, low), high) - 0.5

    def farthest(low, high):
        return max(abs(low - 0.5), abs(high - 0.5))

    cells = []
    for i in range(5):
        for j in range(5):
            x0, y0 = i * cube, j * cube
            if math.hypot(nearest(x0, x0 + cube), nearest(y0, y0 + cube)) >= radius:
                continue  # not kept
            if math.hypot(farthest(x0, x0 + cube), farthest(y0, y0 + cube)) < radius:
                continue  # inside
            for a in range(4):
                for b in range(4):
                    cx, cy = x0 + a * cell, y0 + b * cell
                    if math.hypot(farthest(cx, cx + cell), farthest(cy, cy + cell)) < radius:
                        continue
                    if math.hypot(nearest(cx, cx + cell), nearest(cy, cy + cell)) < radius:
                        continue
                    cells.append((cx, cy))
    return cells


def worst_sample():
    """The demo's function picture: the sample of i/200 where sin(3x)² is
    farthest from its interpolation at the knots k/8."""
    def f(x):
        return math.sin(3 * x) ** 2

    def interpolation(x):
        k = min(math.floor(x * 8), 7)
        a, b = k / 8, (k + 1) / 8
        return f(a) + (f(b) - f(a)) * (x - a) / (b - a)

    return max((i / 200 for i in range(201)), key=lambda x: abs(f(x) - interpolation(x)))


# --- the rendered pictures --------------------------------------------------

def check_picture(t, name, picture):
    t.check(f"{name}: 800 x 600", (picture.width, picture.height) == (800, 600),
            f"got {picture.width} x {picture.height}")
    share = picture.non_background / (picture.width * picture.height)
    t.check(f"{name}: at least 2% not white", share >= 0.02, f"{share:.1%} not white")


def test_set_picture(t, picture):
    # Equal units: the unit square is a 400-pixel square centred in the plot
    # area, from x 80 + (680 - 400) / 2 = 220, y 50 to 450.
    left, bottom, size = 220, 450, 400
    cells = misclassified_cells()
    t.check("set: the demo has misclassified cells", len(cells) > 20, f"{len(cells)} cells")
    wrong = []
    for cx, cy in cells:
        x, y = round(left + (cx + 0.025) * size), round(bottom - (cy + 0.025) * size)
        if not red(picture.pixel(x, y)):
            wrong.append((cx, cy, x, y, picture.pixel(x, y)))
    t.check("set: every misclassified cell is red at its centre", not wrong, f"first of {len(wrong)}: {wrong[:1]}")
    # All red pixels belong to the cells: 20 × 20 pixels each, less what the
    # cubes' outlines (1 pixel wide along cube sides) cover.
    expected = 400 * len(cells)
    reds = picture.count(red)
    t.check("set: red area is the misclassified cells'", 0.9 * expected <= reds <= expected,
            f"{reds} red pixels, {expected} expected at most")
    # The centre cube [0.4, 0.6]² is inside the disc: filled light blue (#c6dbef).
    centre = picture.pixel(400, 250)
    t.check("set: the centre is proven inside", all(abs(p - q) <= 3 for p, q in zip(centre, (0xc6, 0xdb, 0xef))),
            f"got {centre}")


def test_function_picture(t, picture):
    # The dashed red line at the worst sample, from the top of the plot area
    # to its bottom: dashes of 4 pixels and gaps of 3 cover 4/7 of it.
    x = AREA_LEFT + (AREA_RIGHT - AREA_LEFT) * worst_sample()
    column = math.floor(x)
    near = picture.count(reddish, (column - 1, AREA_TOP, column + 3, AREA_BOTTOM))
    t.check("function: the worst point's dashed line", near >= 150, f"{near} red pixels about x = {x}")
    elsewhere = picture.count(reddish, (AREA_LEFT, AREA_TOP, column - 2, AREA_BOTTOM)) + \
        picture.count(reddish, (column + 4, AREA_TOP, AREA_RIGHT, AREA_BOTTOM))
    t.check("function: no red elsewhere in the plot area", elsewhere == 0, f"{elsewhere} red pixels")
    # f in blue (#1f77b4) and F in orange (#ff7f0e) are drawn.
    blue = picture.count(lambda c: c[2] - c[0] > 100, (AREA_LEFT, AREA_TOP, AREA_RIGHT, AREA_BOTTOM))
    orange = picture.count(lambda c: c[0] > 200 and 90 < c[1] < 160 and c[2] < 60,
                           (AREA_LEFT, AREA_TOP, AREA_RIGHT, AREA_BOTTOM))
    t.check("function: the curve of f", blue >= 500, f"{blue} blue pixels")
    t.check("function: the curve of F", orange >= 300, f"{orange} orange pixels")


def test_interval_picture(t, picture):
    # With a curve, the four tracks share y 300 .. 450: slices of 37.5
    # pixels, bars of 0.6 × 37.5 = 22.5 centred in them; the third
    # (misclassified) from 300 + 2 × 37.5 + 7.5 = 382.5 to 405.  The
    # interval (0.55, 0.6) is x 80 + 680 × 0.55 = 454 to 80 + 680 × 0.6 = 488.
    t.check("interval: the misclassified bar is red", red(picture.pixel(471, 394)), f"got {picture.pixel(471, 394)}")
    inside = picture.count(red, (454, 383, 488, 405))
    t.check("interval: the whole bar is red", inside == 34 * 22, f"{inside} red pixels of {34 * 22}")
    elsewhere = picture.count(red, (0, 0, 800, 470)) - inside
    t.check("interval: red nowhere else", elsewhere <= 2 * 34, f"{elsewhere} red pixels outside the bar")


def main():
    t = checks.Checks()
    test_decoder(t)

    demo = os.environ.get("NNSIM_PLOT_DEMO")
    if not demo and len(sys.argv) > 1:
        demo = os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), "tests", "approximation_plot_demo")
    if not demo or not os.path.isfile(demo):
        print(f"FAIL the demo program was not found (NNSIM_PLOT_DEMO={demo!r})")
        return 1
    keep = os.environ.get("NNSIM_KEEP_PNG")
    if keep:
        os.makedirs(keep, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nnsim-plot-") as folder:
        result = subprocess.run([demo, folder], capture_output=True, text=True, timeout=60)
        t.check("the demo writes its pictures", result.returncode == 0, result.stderr)
        names = ["function", "set", "interval"]
        for name in names:
            path = os.path.join(folder, name + ".svg")
            exists = os.path.isfile(path)
            t.check(f"{name}.svg written", exists)
            if exists:
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                t.check(f"{name}.svg: an svg element", text.startswith("<svg xmlns=\"http://www.w3.org/2000/svg\""))
                t.check(f"{name}.svg: small", len(text) < 100_000, f"{len(text)} bytes")
        if t.failed:
            return t.report()
        chromium = svg_render.find_chromium()
        if chromium is None:
            t.report()
            svg_render.chromium_or_skip()
        picture_tests = {"function": test_function_picture, "set": test_set_picture, "interval": test_interval_picture}
        for name in names:
            png = os.path.join(keep, name + ".png") if keep else None
            try:
                picture = svg_render.render_svg(os.path.join(folder, name + ".svg"), png, chromium)
            except (RuntimeError, ValueError) as error:
                t.check(f"{name}: rendered", False, str(error))
                continue
            check_picture(t, name, picture)
            picture_tests[name](t, picture)
    return t.report()


if __name__ == "__main__":
    sys.exit(main())
