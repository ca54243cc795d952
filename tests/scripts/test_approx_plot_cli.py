#!/usr/bin/env python3
"""`nnsim check approx --plot` pictures rendered in headless Chromium
(tests/scripts/svg_render.py): each is an 800 x 600 picture with content,
and its colours are where the mathematics puts them.  Skips visibly where
Chromium is missing.

Usage: python3 tests/scripts/test_approx_plot_cli.py PATH_TO_nnsim
Run from the repository root (CTest does).  Standard library only.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402
import svg_render  # noqa: E402

ROOT = os.getcwd()
CHROMIUM = svg_render.chromium_or_skip()


def is_red(colour):
    r, g, b = colour
    return r > 180 and g < 110 and b < 110 and r - g > 100


def is_white(colour):
    return min(colour) > 235


def mostly(picture, x, y, accept):
    """Whether most of the 5 x 5 pixels around (x, y) pass."""
    return picture.count(accept, (x - 2, y - 2, x + 3, y + 3)) >= 13


def test_function_picture(t):
    svg = os.path.join(t.directory, "square.svg")
    t.expect("check with --plot", ["check", "approx", os.path.join(ROOT, "networks/approximation/square_by_hand.nn"),
                                   "--function", "x^2", "--epsilon", "1/16", "--plot", svg], 0)
    text = t.read("square.svg")
    t.check("an SVG of 800 x 600", text.startswith("<svg") and 'width="800"' in text and 'height="600"' in text)
    picture = svg_render.render_svg(svg, chromium=CHROMIUM)
    t.check("rendered 800 x 600", (picture.width, picture.height) == (800, 600), (picture.width, picture.height))
    t.check("the picture has content", picture.non_background > 0.02 * 800 * 600, picture.non_background)
    # The marker where the bound is attained: x = 1/4 of the plot area 80 .. 760.
    column = round(80 + 680 * 0.25)
    t.check("the marker at x = 1/4 is red", picture.count(is_red, (column - 2, 60, column + 3, 440)) > 100)


def test_set_picture(t):
    svg = os.path.join(t.directory, "disc.svg")
    t.expect("check with --plot", ["check", "approx", os.path.join(ROOT, "networks/lecture/xor.nn"), "--set",
                                   "x1^2 + x2^2 <= 1/4", "--epsilon", "1/10", "--plot", svg], 1)
    picture = svg_render.render_svg(svg, chromium=CHROMIUM)
    t.check("rendered 800 x 600", (picture.width, picture.height) == (800, 600), (picture.width, picture.height))
    # The unit square is drawn 400 x 400 pixels from (220, 50) to (620, 450), one unit as long across as up.
    def at(x1, x2):
        return round(220 + 400 * x1), round(450 - 400 * x2)
    # In A but below the XOR strip (x1 + x2 < 1/2): misclassified.
    t.check("(0.1, 0.1) misclassified, red", mostly(picture, *at(0.1, 0.1), is_red), picture.pixel(*at(0.1, 0.1)))
    # In the strip, outside A: misclassified.
    t.check("(0.7, 0.6) misclassified, red", mostly(picture, *at(0.7, 0.6), is_red), picture.pixel(*at(0.7, 0.6)))
    # Above the strip (x1 + x2 > 3/2) and outside A: correct and empty.
    t.check("(0.9, 0.9) correct, white", mostly(picture, *at(0.9, 0.9), is_white), picture.pixel(*at(0.9, 0.9)))
    # In A and in the strip: correct, A's light colour, neither red nor white.
    colour = picture.pixel(*at(0.33, 0.3))
    t.check("(0.33, 0.3) correct inside A", not is_red(colour) and not is_white(colour), colour)


def test_build_pictures(t):
    svg = os.path.join(t.directory, "cubes.svg")
    t.expect("build cubes with --plot", ["build", "approx", "cubes", "--set", "x1^2 + x2^2 <= 1/4", "--cube-size",
                                         "1/16", "-o", os.path.join(t.directory, "cubes.nn"), "--plot", svg], 0)
    picture = svg_render.render_svg(svg, chromium=CHROMIUM)
    t.check("rendered 800 x 600", (picture.width, picture.height) == (800, 600), (picture.width, picture.height))

    def at(x1, x2):
        return round(220 + 400 * x1), round(450 - 400 * x2)
    colour = picture.pixel(*at(0.1, 0.1))
    t.check("(0.1, 0.1) inside A and its cubes", not is_red(colour) and not is_white(colour), colour)
    t.check("(0.8, 0.8) outside everything, white", mostly(picture, *at(0.8, 0.8), is_white))
    # The cube [7/16, 1/2] x [3/16, 1/4] meets the disc; its corner (1/2, 1/4) is outside it: red there.
    t.check("a kept cube's part outside A is red", picture.count(is_red, (*at(0.47, 0.25), *at(0.5, 0.2))) > 4)
    svg = os.path.join(t.directory, "function.svg")
    t.expect("build relu with --plot", ["build", "approx", "relu", "--function", "sin(3*x)^2", "--epsilon", "1/10",
                                        "-o", os.path.join(t.directory, "sin.nn"), "--plot", svg], 0)
    picture = svg_render.render_svg(svg, chromium=CHROMIUM)
    t.check("the function picture has content", picture.non_background > 0.02 * 800 * 600, picture.non_background)
    t.expect("a function of two inputs is not drawn",
             ["build", "approx", "sigmoid", "--function", "x1*x2", "--epsilon", "1/4", "--plot", svg], 2,
             stderr="nnsim: error: --plot draws a function of at most 1 input; this one has 2\n")


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_function_picture, test_set_picture, test_build_pictures], "nnsim-approx-plot-"))
