#!/usr/bin/env python3
"""Command-line tests of `nnsim check approx` (docs/approximation.md): proven
bounds on hand-written networks whose errors are known by hand, the exit
codes (0 met, 1 not proven, 2 bad input) and the located errors.

Usage: python3 tests/scripts/test_approx_check_cli.py PATH_TO_nnsim
Run from the repository root (CTest does).  Standard library only.
"""

import os
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

ROOT = os.getcwd()
XOR = os.path.join(ROOT, "networks/lecture/xor.nn")
IDENTITY = "network identity\ninput x\noutput y\nh = relu(x)\ny = id(h)\n"


def test_function(t):
    net = t.write("identity.nn", IDENTITY)
    # |x^2 - x| is largest at x = 1/2, where it is 1/4.
    report = t.json_of("x^2", t.expect("x^2 met", ["check", "approx", net, "--function", "x^2", "--epsilon", "1/3",
                                                   "--json"], 0))
    bound, attained = Fraction(report.get("bound", "0")), Fraction(report.get("attained", "1"))
    t.check("bound at least 1/4 and tight", Fraction(1, 4) <= bound <= Fraction(1, 4) * Fraction(257, 256), bound)
    t.check("attained at most 1/4", Fraction(1, 4) * Fraction(255, 256) < attained <= Fraction(1, 4), attained)
    t.check("witness near 1/2", abs(Fraction(report.get("witness", ["0"])[0]) - Fraction(1, 2)) < Fraction(1, 16))
    t.check("verdict", report.get("verdict") == "met", report.get("verdict"))
    t.expect("x^2 not met", ["check", "approx", net, "--function", "x^2", "--epsilon", "1/5"], 1)
    text = t.expect("text report", ["check", "approx", net, "--function", "x^2", "--epsilon", "1/3"], 0).stdout
    t.check("text names the network and bound",
            text.startswith("network: identity (from ") and "proven:   |f - F| <= " in text
            and "epsilon:  1/3: met (proven)" in text, text)
    # On another domain: |x^2 - x| on [1, 2] is largest at 2, where it is 2.
    wide = t.json_of("box", t.expect("box", ["check", "approx", net, "--function", "x^2", "--epsilon", "3",
                                             "--box", "1:2", "--json"], 0))
    t.check("box bound", Fraction(2) <= Fraction(wide.get("bound", "0")) <= Fraction(2) * Fraction(257, 256), wide)


def test_set(t):
    strip = t.json_of("strip", t.expect("strip", ["check", "approx", XOR, "--set",
                                                  "x1 + x2 >= 1/2 and x1 + x2 <= 3/2", "--epsilon", "1/100",
                                                  "--json"], 0))
    t.check("nothing misclassified", strip.get("misclassified") == "0", strip)
    # Against x1 + x2 > 1 the strip misclassifies 1/2 <= s <= 1 (3/8) and s > 3/2 (1/8).
    half = t.json_of("half", t.expect("half", ["check", "approx", XOR, "--set", "x1 + x2 > 1", "--epsilon", "1/10",
                                               "--json"], 1))
    low, high = Fraction(half.get("misclassified", "1")), Fraction(half.get("bound", "0"))
    t.check("measure 1/2 enclosed", low <= Fraction(1, 2) <= high and high - low < Fraction(1, 500), (low, high))
    t.check("verdict not met", half.get("verdict") == "not met", half.get("verdict"))


def test_errors(t):
    net = t.write("identity.nn", IDENTITY)
    t.expect("unknown variable", ["check", "approx", net, "--function", "sin(3*y)", "--epsilon", "1/10"], 2,
             stderr="nnsim: error: invalid --function 'sin(3*y)': undefined name 'y' (the variables are x, x1, pi "
                    "and e) (at column 7)\n")
    t.expect("malformed set", ["check", "approx", XOR, "--set", "x1 + x2", "--epsilon", "1/10"], 2,
             stderr="nnsim: error: invalid --set 'x1 + x2': expected a comparison ('<', '<=', '>' or '>='), found "
                    "the end of the expression (at column 8)\n")
    t.expect("epsilon 0", ["check", "approx", net, "--function", "x", "--epsilon", "0"], 2,
             stderr="nnsim: error: invalid --epsilon '0': it must be positive\n")
    t.expect("neither", ["check", "approx", net, "--epsilon", "1"], 2,
             stderr="nnsim: error: give the function (--function) or the set (--set)\n")
    t.expect("undefined", ["check", "approx", net, "--function", "sqrt(x - 2)", "--epsilon", "1"], 2,
             stderr_first_line="nnsim: error: f is not defined at x = 1/2: sqrt of a negative number")
    cyclic = t.write("cyclic.nn", "input x\noutput y\ny = relu(x + y)\n")
    t.expect("cyclic", ["check", "approx", cyclic, "--function", "x", "--epsilon", "1"], 2,
             stderr="nnsim: error: the network has a cycle (y -> y); only an acyclic network computes a function "
                    "of its inputs\n")
    t.expect("bad box", ["check", "approx", net, "--function", "x", "--epsilon", "1", "--box", "1:0"], 2,
             stderr="nnsim: error: invalid --box '1:0': the lower bound must be less than the upper one in '1:0'\n")


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_function, test_set, test_errors], "nnsim-approx-check-"))
