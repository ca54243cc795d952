#!/usr/bin/env python3
"""Command-line tests of the proving number modes, interval:P and certified
(reals.md, sections 2 and 3): the JSON of a run (precision, intervals as
bounds, exact points), `undecided (precision)` naming the step and the
neuron, a verdict that needs more than 1000 bits, and recognize and truth
giving the rational verdicts.

Usage: python3 tests/scripts/test_interval_cli.py PATH_TO_nnsim

Every expected verdict is worked out by hand in the comments, or is the one
rational mode gives; the bounds are checked against the exact value with
fractions (sqrt(2) by squaring, pi against 100 of its digits).  Standard
library only.
"""

import json
import os
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

# pi to 100 decimals (Machin's formula): PI_LOW < pi < PI_HIGH.
PI_DIGITS = ("3.14159265358979323846264338327950288419716939937510"
             "58209749445923078164062862089986280348253421170679")
PI_LOW = Fraction(PI_DIGITS)
PI_HIGH = PI_LOW + Fraction(1, 10 ** 100)

# y = step(sqrt(2) x - 7/5), h = id(sqrt(2) x), p = id(pi x).  On x = 1:
# sqrt(2) - 7/5 = 0.0142 > 0, so y(1) = 1; h(1) = sqrt(2), p(1) = pi; y(1)
# is a fixed point of y, h and p are recomputed from x, which never changes
# (proven unchanged): halted at T = 1, y exactly 1, h and p intervals.
NET = """\
input x
output y, h, p
const r = sqrt(2)
const q = pi
y = step(r*x - 7/5)
h = id(r x)
p = id(q x)
"""

# sqrt(2) sqrt(2) x - 2 x = 0 exactly: every enclosure holds 0 and both
# signs, so y's piece is never decided (exactly, y(2) = step(0) = 1).
ZERO = """\
input x
output y
const r = sqrt(2)
h = id(r x)
y = step(r h - 2 x)
"""

# d = 1 + 2^-1200 pi, y = step(x - d) from y(0) = 1, on x = 1: the potential
# is -2^-1200 pi < 0, so y(1) = 0 and then stays: halted at T = 1, output 0.
# With P <= 1024 bits, d lies within 2^-(P-1) of 1, so its enclosure is
# [1, 1 + 2^-(P-1)] and the potential's [-2^-(P-1), 0] holds 0: undecided at
# step 0, neuron y.  Separating 1 + 2^-1200 pi from 1 needs 1202 bits:
# certified tries 64, ..., 1024 and proves it at 2048.
TINY = """\
input x
output y
const d = 1 + 2^-1200 * pi
y = step(x - d)
init y = 1
"""

# 1 - a(t) doubles each step from d = 2^-1100 (sqrt(2) - 1) until it passes
# 1 (tests/interval_verdict_test.cpp derives it): halted at T = 1102 with
# a = 0, proven at 2048 bits.
DOUBLING = """\
output a
const d = 2^-1100 * (sqrt(2) - 1)
const a0 = 1 - d
a = sat(2 a - 1)
init a = a0
"""

# Recognizers whose output is exactly 0 through sqrt(2) sqrt(2) - 2 = 0:
# h = relu(w x) = 0 exactly (from h(0) = 1), so every word is rejected at
# T = 2.  With y = id(-h) the output's interval [-e, 0] proves <= 0:
# reject.  With y = id(h) it is [0, e]: > 0 is not decided at any precision.
PROVEN_REJECT = """\
input x
output y
const w = sqrt(2) * sqrt(2) - 2
h = relu(w x)
y = id(-h)
init h = 1
"""
UNKNOWN_SIGN = """\
input x
output y
const w = sqrt(2) * sqrt(2) - 2
h = relu(w x)
y = id(h)
init h = 1
init y = 1
"""


def holds_sqrt2(value):
    """Whether {"lo", "hi"} holds sqrt(2): 0 < lo, lo^2 < 2 < hi^2."""
    lo, hi = Fraction(value["lo"]), Fraction(value["hi"])
    return 0 < lo and lo * lo < 2 < hi * hi


def test_json(t):
    net = t.write("net.nn", NET)
    for mode, precision in [("interval:64", 64), ("interval:200", 200), ("certified", 64)]:
        result = t.expect(f"{mode} run", ["run", net, "--input", "1", "--numbers", mode, "--json"], 0)
        obj = t.json_of(mode, result)
        t.check(f"{mode}: halted at 1", (obj.get("status"), obj.get("steps")) == ("halted", 1), obj)
        t.check(f"{mode}: precision", obj.get("precision") == precision, obj)
        t.check(f"{mode}: numbers", obj.get("numbers") == mode, obj)
        t.check(f"{mode}: no undecided object", "undecided" not in obj, obj)
        outputs = obj.get("outputs", [None, None, None])
        state = obj.get("state", {})
        # Points are the exact values, as text.
        t.check(f"{mode}: y and x are points", outputs[0] == "1" and state.get("y") == "1" and state.get("x") == "1",
                obj)
        h, p = outputs[1], outputs[2]
        t.check(f"{mode}: h holds sqrt(2)", isinstance(h, dict) and holds_sqrt2(h) and state.get("h") == h, obj)
        # P <= 200 bits are about 60 decimals, well short of the 100 known.
        t.check(f"{mode}: p holds pi", isinstance(p, dict) and Fraction(p["lo"]) < PI_LOW
                and PI_HIGH < Fraction(p["hi"]), obj)
        if isinstance(h, dict):
            # The bounds are P-bit numbers: about 2^-P apart (more through
            # the rounding of the decimal text outward).
            width = Fraction(h["hi"]) - Fraction(h["lo"])
            t.check(f"{mode}: h is narrow", 0 < width < Fraction(1, 2 ** (precision - 4)), width)
    # A rational input that is not a dyadic number is an interval too; a
    # dyadic one is a point: 1/3 and 3/4.
    two = t.write("two.nn", "input a, b\noutput y\ny = id(a + b)\n")
    result = t.expect("1/3 input", ["run", two, "--input", "1/3, 3/4", "--numbers", "interval:64", "--json"], 0)
    obj = t.json_of("1/3 input", result)
    a = obj.get("state", {}).get("a")
    y = obj.get("outputs", [None])[0]
    t.check("1/3 is an interval around it", isinstance(a, dict)
            and Fraction(a["lo"]) < Fraction(1, 3) < Fraction(a["hi"]), obj)
    t.check("3/4 is a point", obj.get("state", {}).get("b") == "3/4", obj)
    t.check("y holds 13/12", isinstance(y, dict) and Fraction(y["lo"]) < Fraction(13, 12) < Fraction(y["hi"]), obj)


def test_undecided(t):
    net = t.write("zero.nn", ZERO)
    for mode in ["interval:64", "interval:1000", "certified"]:
        args = ["run", net, "--input", "1", "--numbers", mode]
        result = t.expect(f"{mode}: exactly 0", args + ["--json"], 0)
        obj = t.json_of(mode, result)
        undecided = obj.get("undecided", {})
        t.check(f"{mode}: undecided at step 1", (obj.get("status"), obj.get("steps")) == ("undecided", 1), obj)
        t.check(f"{mode}: the decision", undecided.get("reason") == "precision"
                and undecided.get("decision") == "the piece of an activation"
                and undecided.get("step") == 1 and undecided.get("neuron") == "y", obj)
        interval = undecided.get("interval", "")
        if interval.startswith("[") and ", " in interval:
            lo, hi = interval[1:-1].split(", ")
            t.check(f"{mode}: the potential holds 0 and negative numbers", Fraction(lo) < 0 <= Fraction(hi),
                    interval)
        else:
            t.check(f"{mode}: the potential is an interval", False, interval)
        bits = 65536 if mode == "certified" else int(mode.split(":")[1])
        t.check(f"{mode}: precision", obj.get("precision") == bits, obj)
        text = t.expect(f"{mode}: text", args, 0).stdout.splitlines()
        t.check(f"{mode}: the status line", len(text) > 1 and text[1].startswith(
            f"undecided (precision) at {bits} bits: step 1, neuron 'y': the potential [") and text[1].endswith(
            "] contains 0 and negative numbers, so the piece of the activation is not known"), text)
    # certified with --max-precision: the last precision tried, and the
    # numbers line says so.
    text = t.expect("certified, capped", ["run", net, "--input", "1", "--numbers", "certified", "--max-precision",
                                          "256"], 0).stdout.splitlines()
    t.check("certified, capped: 256 bits", text[-1] == "numbers: certified: intervals of up to 256 bits "
            "(--max-precision) did not prove the verdict", text)


def test_more_than_1000_bits(t):
    tiny = t.write("tiny.nn", TINY)
    result = t.expect("tiny: certified", ["run", tiny, "--input", "1", "--numbers", "certified", "--json"], 0)
    obj = t.json_of("tiny", result)
    t.check("tiny: halted at 1 with 0 at 2048 bits",
            (obj.get("status"), obj.get("steps"), obj.get("outputs"), obj.get("precision"))
            == ("halted", 1, ["0"], 2048), obj)
    result = t.expect("tiny: 1024 bits", ["run", tiny, "--input", "1", "--numbers", "interval:1024", "--json"], 0)
    undecided = t.json_of("tiny 1024", result).get("undecided", {})
    t.check("tiny: undecided at 1024 bits, step 0, y", (undecided.get("step"), undecided.get("neuron"))
            == (0, "y"), undecided)
    doubling = t.write("doubling.nn", DOUBLING)
    result = t.expect("doubling: certified", ["run", doubling, "--numbers", "certified", "--json"], 0)
    obj = t.json_of("doubling", result)
    t.check("doubling: halted at 1102 with 0 at 2048 bits",
            (obj.get("status"), obj.get("steps"), obj.get("outputs"), obj.get("precision"))
            == ("halted", 1102, ["0"], 2048), obj)
    text = t.expect("doubling: text", ["run", doubling, "--numbers", "certified"], 0).stdout.splitlines()
    t.check("doubling: the numbers line", text[-1] == "numbers: certified: proven with intervals of 2048 bits "
            "(tried from 64 bits, doubling)", text)


def verdicts(obj):
    return [(w.get("word"), w.get("verdict"), w.get("steps")) for w in obj.get("words", [])]


def test_recognize(t):
    root = os.getcwd()
    for name in ["examples/networks/starts_with_1.nn", "examples/networks/starts_with_1_or_cycles.nn"]:
        path = os.path.join(root, name)
        exact = t.json_of(name, t.expect(f"{name} rational", ["recognize", path, "--all-words", "4", "--json"], 0))
        t.check(f"{name}: 31 words", len(verdicts(exact)) == 31, exact)
        for mode in ["interval:64", "certified"]:
            result = t.expect(f"{name} {mode}", ["recognize", path, "--all-words", "4", "--numbers", mode, "--json"], 0)
            obj = t.json_of(name, result)
            t.check(f"{name} {mode}: the rational verdicts", verdicts(obj) == verdicts(exact),
                    f"{verdicts(obj)} != {verdicts(exact)}")
            t.check(f"{name} {mode}: counts", obj.get("counts") == exact.get("counts"), obj.get("counts"))
    # Regression: an output interval holding 0 stopped recognize with an
    # internal error (exit code 4).
    reject = t.write("reject.nn", PROVEN_REJECT)
    unknown = t.write("unknown.nn", UNKNOWN_SIGN)
    for mode in ["interval:64", "certified"]:
        obj = t.json_of("reject", t.expect(f"reject {mode}", ["recognize", reject, "", "0", "1", "--numbers", mode,
                                                              "--max-precision", "512", "--json"], 0))
        t.check(f"reject {mode}: every word rejected at T = 2",
                verdicts(obj) == [("", "reject", 2), ("0", "reject", 2), ("1", "reject", 2)], obj)
        obj = t.json_of("unknown", t.expect(f"unknown {mode}", ["recognize", unknown, "", "1", "--numbers", mode,
                                                                "--max-precision", "512", "--json"], 0))
        t.check(f"unknown {mode}: undecided", [v for _, v, _ in verdicts(obj)] == ["undecided", "undecided"], obj)
    text = t.expect("unknown: text", ["recognize", unknown, "1", "--numbers", "interval:64", "--expect-words", "1"],
                    0).stdout.splitlines()
    t.check("unknown: the undecided line", "undecided (precision): 1 word not decided by the enclosures of 64 bits; "
            "neither confirmed nor counted as a mismatch (use a higher P or --numbers certified)" in text, text)
    t.check("unknown: no step-limit line", not any(line.startswith("undecided: ") for line in text), text)


def test_truth(t):
    root = os.getcwd()
    for name in ["networks/boolean/xor.nn", "networks/boolean/majority3.nn", "networks/boolean/parity4.nn"]:
        path = os.path.join(root, name)
        exact = t.json_of(name, t.expect(f"{name} rational", ["truth", path, "--json"], 0))
        for mode in ["interval:64", "certified"]:
            obj = t.json_of(name, t.expect(f"{name} {mode}", ["truth", path, "--numbers", mode, "--json"], 0))
            t.check(f"{name} {mode}: the rational table",
                    (obj.get("outputs"), obj.get("status")) == (exact.get("outputs"), exact.get("status")), obj)


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_json, test_undecided, test_more_than_1000_bits, test_recognize, test_truth],
                             "nnsim-interval-"))
