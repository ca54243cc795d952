#!/usr/bin/env python3
"""Command-line tests of real constants (docs/reals.md): `const` statements
in run, fmt and the number modes, and constant expressions as values of
--input.

Usage: python3 tests/scripts/test_constants_cli.py PATH_TO_nnsim

The expected doubles come from mpmath (300 bits, rounded to nearest), not
from nnsim.  Standard library only.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

# y = r x with r = sqrt(2)/2; h = 1/2 folds exactly.
NET = """\
input x
output y, z
const r = sqrt(2)/2
const h = sqrt(9/4) - 1
y = id(r x)
z = id(x / h)
"""


def test_modes(t):
    net = t.write("r.nn", NET)
    t.expect("rational refuses", ["run", net, "--input", "1"], 2, stdout="",
             stderr=f"{net}:5:1: error: constant 'r' (line 3) is irrational; use --numbers interval:P, "
                    "certified or real:P\n  y = id(r x)\n  ^\n")
    # mpmath: sqrt(2)/2 to nearest double is 0x1.6a09e667f3bcdp-1 (real:53
    # prints it with the digits of its mode).
    for mode in ["double", "real:53"]:
        result = t.expect(f"{mode} rounds", ["run", net, "--input", "1", "--numbers", mode, "--json"], 0)
        outputs = t.json_of(mode, result).get("outputs", [])
        t.check(f"{mode}: sqrt(2)/2", len(outputs) == 2 and float(outputs[0]).hex() == "0x1.6a09e667f3bcdp-1"
                and outputs[1] == "2", outputs)


def test_fmt(t):
    net = t.write("r.nn", NET)
    want = ("input x\noutput y, z\nrule parallel\nconst r = sqrt(2) / 2\nconst h = sqrt(9/4) - 1\n\n"
            "y = id(r x)\nz = id(x / h)\n")
    t.expect("fmt keeps constants", ["fmt", net], 0, stdout=want)
    again = t.write("again.nn", want)
    t.expect("fmt is a fixed point", ["fmt", again], 0, stdout=want)


def test_input_expressions(t):
    net = t.write("two.nn", "input a, b\noutput y\ny = id(a + b)\n")
    result = t.expect("expressions", ["run", net, "--input", "max(1/2, 1/3), 2^-2", "--json"], 0)
    t.check("expressions: 3/4", t.json_of("expressions", result).get("outputs") == ["3/4"], result.stdout)
    t.expect("irrational input", ["run", net, "--input", "sqrt(2)/2, 1"], 2, stdout="",
             stderr="nnsim: error: --input: invalid value 'sqrt(2)/2': it is irrational, and only rational values "
                    "can be given here\n(see 'nnsim run --help')\n")


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_modes, test_fmt, test_input_expressions], "nnsim-constants-"))
