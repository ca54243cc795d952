"""Renders SVG pictures in headless Chromium and reads the screenshot back.

Not a test itself (CMake runs only test_*.py).  The tests of the pictures
(tests/scripts/test_plot_render.py, and the commands that write `--plot
FILE.svg`) import it after putting its directory on sys.path:

    import svg_render
    chromium = svg_render.chromium_or_skip()   # prints SKIP and exits 0 without it
    picture = svg_render.render_svg("plot.svg", chromium=chromium)
    picture.width, picture.height, picture.non_background, picture.pixel(x, y)

Chromium is Debian's `chromium` (scripts/install-deps.sh installs it),
found as `chromium` or `chromium-browser` on PATH.  It opens the file as
`file://...` in a window of the picture's size and writes a PNG, which
`decode_png` reads with the standard library alone: zlib and the reversal of
PNG's five row filters, for 8-bit RGB and RGBA images without interlacing
(what Chromium writes).
"""

import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import zlib

# Seconds Chromium may take for one screenshot (it starts in about one).
TIMEOUT = 60
SKIP_MESSAGE = "SKIP: chromium not found; the picture was not rendered"
WHITE = (255, 255, 255)


def find_chromium():
    """The path of the Chromium binary on PATH, or None."""
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium_or_skip():
    """The Chromium binary; without one, says so visibly and ends the test
    script with exit code 0, so that the rest of the suite still runs where
    no browser can be installed."""
    path = find_chromium()
    if path is None:
        print(SKIP_MESSAGE)
        sys.exit(0)
    return path


class Picture:
    """A decoded image: width, height, channels (3 or 4), rows of bytes, and
    the count of pixels whose colour is not the background's."""

    def __init__(self, width, height, channels, rows, background=WHITE):
        self.width = width
        self.height = height
        self.channels = channels
        self.rows = rows
        self.non_background = self.count(lambda colour: colour != background)

    def pixel(self, x, y):
        """The (red, green, blue) of the pixel in column x, row y (from the top)."""
        start = x * self.channels
        return tuple(self.rows[y][start:start + 3])

    def count(self, accept, box=None):
        """How many pixels in `box` (left, top, right, bottom, right and
        bottom excluded; the whole picture when None) have a colour for
        which accept((r, g, b)) is true."""
        left, top, right, bottom = box if box else (0, 0, self.width, self.height)
        total = 0
        for y in range(max(top, 0), min(bottom, self.height)):
            row = self.rows[y]
            for x in range(max(left, 0), min(right, self.width)):
                start = x * self.channels
                if accept((row[start], row[start + 1], row[start + 2])):
                    total += 1
        return total


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode_png(data):
    """(width, height, channels, rows) of a PNG given as bytes: 8 bits per
    channel, colour type 2 (RGB) or 6 (RGBA), not interlaced.  Raises
    ValueError for anything else, or for a damaged file."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    position = 8
    header = None
    compressed = bytearray()
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if len(body) != length:
            raise ValueError("PNG chunk cut short")
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            compressed += body
        elif kind == b"IEND":
            break
        position += 12 + length
    if header is None:
        raise ValueError("PNG without IHDR")
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG: bit depth {depth}, colour type {colour_type}, interlace {interlace}")
    channels = 3 if colour_type == 2 else 4
    stride = width * channels
    raw = zlib.decompress(bytes(compressed))
    if len(raw) != height * (stride + 1):
        raise ValueError("PNG image data of the wrong size")
    rows = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        row = bytearray(raw[start + 1:start + 1 + stride])
        # The filters of the PNG specification, section 9.2: each byte was
        # stored minus a prediction from the byte of the pixel to its left
        # (a), the one above (b) and the one above-left (c).
        if kind == 1:
            for i in range(channels, stride):
                row[i] = (row[i] + row[i - channels]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                row[i] = (row[i] + previous[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = row[i - channels] if i >= channels else 0
                row[i] = (row[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                if i >= channels:
                    row[i] = (row[i] + _paeth(row[i - channels], previous[i], previous[i - channels])) & 0xFF
                else:
                    row[i] = (row[i] + previous[i]) & 0xFF  # Paeth of (0, b, 0) is b
        elif kind != 0:
            raise ValueError(f"unknown PNG filter type {kind} in row {y}")
        rows.append(row)
        previous = row
    return width, height, channels, rows


def screenshot(svg_path, png_path, chromium, width=800, height=600, timeout=TIMEOUT):
    """Has Chromium write a screenshot of the SVG file into png_path.  Raises
    RuntimeError when it fails or takes longer than `timeout` seconds."""
    url = "file://" + os.path.abspath(svg_path)
    with tempfile.TemporaryDirectory(prefix="nnsim-chromium-") as profile:
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                   "--no-first-run", "--user-data-dir=" + profile, "--screenshot=" + os.path.abspath(png_path),
                   f"--window-size={width},{height}", url]
        # A session of its own, so that its helper processes end with it on a timeout.
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True)
        try:
            _, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise RuntimeError(f"chromium took more than {timeout} s on {svg_path}")
    if process.returncode != 0 or not os.path.isfile(png_path):
        last_lines = "\n".join(errors.splitlines()[-5:])
        raise RuntimeError(f"chromium did not write {png_path} (exit code {process.returncode}):\n{last_lines}")


def render_svg(svg_path, png_path=None, chromium=None, width=800, height=600, timeout=TIMEOUT, background=WHITE):
    """Renders the SVG file in headless Chromium in a window of width ×
    height pixels and returns the decoded screenshot as a Picture.  The PNG
    is kept at png_path when one is given (to look at after a failure)."""
    chromium = chromium or find_chromium()
    if chromium is None:
        raise RuntimeError(SKIP_MESSAGE)
    with tempfile.TemporaryDirectory(prefix="nnsim-render-") as scratch:
        target = png_path or os.path.join(scratch, "screenshot.png")
        screenshot(svg_path, target, chromium, width, height, timeout)
        with open(target, "rb") as f:
            data = f.read()
    width, height, channels, rows = decode_png(data)
    return Picture(width, height, channels, rows, background)
