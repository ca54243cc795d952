#!/usr/bin/env python3
"""Command-line tests of real constants (docs/reals.md): `const` statements
in run, fmt, info, dot and the number modes, and constant expressions,
rational or irrational, as values of --input.

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

# Every place a constant may stand: a bias, a coefficient, a divisor, an
# init value, a distance's scale and centre.
NET_ALL = """\
input x
output y, z, d
const r = sqrt(2)/2
const h = sqrt(9/4) - 1
init s = -r
y = id(r + x / r - 2 s)
z = id(h - x / h)
d = id(1 + r dist(x - r))
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


def test_irrational_input(t):
    net = t.write("two.nn", "input a, b\noutput y\ny = id(a + b)\n")
    t.expect("irrational input: rational refuses", ["run", net, "--input", "sqrt(2)/2, 1"], 2, stdout="",
             stderr="nnsim: error: input a = sqrt(2) / 2 is irrational; use --numbers interval:P, certified or "
                    "real:P\n")
    # mpmath: sqrt(2)/2 to nearest double is 0x1.6a09e667f3bcdp-1, and at
    # 20 bits 0xB504F / 2^20 (printed with the digits of real:20).
    result = t.expect("irrational input: double", ["run", net, "--input", "sqrt(2)/2, 0", "--numbers", "double",
                                                   "--json"], 0)
    state = t.json_of("double", result).get("state", {})
    t.check("double: sqrt(2)/2 rounded once", float(state.get("a", "nan")).hex() == "0x1.6a09e667f3bcdp-1", state)
    t.expect("irrational input: real:20", ["run", net, "--input", "sqrt(2)/2, 1/4", "--numbers", "real:20"], 0,
             stdout="input: a = sqrt(2) / 2, b = 1/4\nhalted after 1 step\noutput: y = 0.95710659\nstate y(1):\n"
                    "  a = 0.70710659  (input)\n  b = 0.25        (input)\n  y = 0.95710659  (output)\nrule: parallel\n"
                    "numbers: real:20 (the values are floating-point approximations of the exact ones)\n")
    # The interval modes enclose it: mpmath gives sqrt(2)/2 between these
    # 64-bit bounds, 0xB504F333F9DE6484 / 2^64 and the next.
    result = t.expect("irrational input: interval:64", ["run", net, "--input", "sqrt(2)/2, 0", "--numbers",
                                                        "interval:64", "--json"], 0)
    a = t.json_of("interval:64", result).get("state", {}).get("a")
    t.check("interval:64: sqrt(2)/2 enclosed", a == {"lo": "0.707106781186547524381", "hi": "0.707106781186547524437"},
            a)
    result = t.expect("irrational input: certified", ["run", net, "--input", "sqrt(2)/2, 1", "--numbers",
                                                      "certified", "--json"], 0)
    obj = t.json_of("certified", result)
    t.check("certified: proven at 64 bits", (obj.get("status"), obj.get("precision")) == ("halted", 64), obj)
    t.expect("irrational input: trace", ["trace", net, "--input", "-pi, 1", "--numbers", "double", "--format", "csv"],
             0, stdout="t,updated,a,b,y\n0,,-3.141592653589793,1,0\n1,y,-3.141592653589793,1,-2.141592653589793\n")
    t.expect("irrational input: no enclosure decides it", ["run", net, "--input", "sin(pi), 0", "--numbers", "real:30"],
             2, stdout="", stderr="nnsim: error: input a = sin(pi): cannot enclose the value closely enough to round "
                                  "it to 30 bits (tried up to 65536 bits)\n")
    t.expect("irrational input: a proven domain error", ["run", net, "--input", "log(sin(pi) - 1), 0"], 2, stdout="",
             stderr="nnsim: error: --input: invalid value 'log(sin(pi) - 1)': log of a number that is not positive\n"
                    "(see 'nnsim run --help')\n")
    # A δ-code and a grid bound are rational by definition: refused.
    t.expect("decode refuses an irrational value", ["decode", "sqrt(2)/2"], 2, stdout="",
             stderr="nnsim: error: invalid value 'sqrt(2)/2': it is irrational, and only rational values can be "
                    "given here\n")
    t.expect("a grid bound is rational", ["eval", net, "--grid", "0:pi:3"], 2, stdout="",
             stderr="nnsim: error: --grid: invalid HI 'pi': it is irrational, and only rational values can be given "
                    "here\n(see 'nnsim eval --help')\n")


def test_info(t):
    net = t.write("c.nn", NET_ALL)
    t.expect("info names the constants", ["info", net], 0, stdout=f"""\
network: (unnamed) (from {net})
neurons: 5
  inputs: 1 (x)
  outputs: 3 (y, z, d)
  with an equation (updatable): 3
  constant (an init value, no equation): 1
edges: 4
rule: parallel (the default: the file has no rule statement)
architecture: acyclic (feed-forward), 1 layer
  layer 0: x, s
  layer 1: y, z, d
weights: real (8 coefficients: 3 integer, 1 dyadic, 4 irrational)
constants: 2
  r = sqrt(2) / 2 ≈ 0.7071067811865476 (irrational)
  h = sqrt(9/4) - 1 = 1/2
activations: id (3 neurons)
distance norms: dist (1 neuron)
number modes: double, real:P, interval:P, certified
  not rational: constant 'r' (line 3) is irrational, used on line 5
  not rational: d uses dist (line 8), which is not exact on rationals
""")
    result = t.expect("info --json", ["info", net, "--json"], 0)
    obj = t.json_of("info --json", result)
    t.check("info --json: weights", obj.get("weights") == {"integer": 3, "dyadic": 1, "rational": 0, "irrational": 4,
                                                           "widest": "real"}, obj.get("weights"))
    t.check("info --json: constants", obj.get("constants") == [
        {"name": "r", "expression": "sqrt(2) / 2", "rational": False, "approximation": "0.7071067811865476"},
        {"name": "h", "expression": "sqrt(9/4) - 1", "rational": True, "value": "1/2"}], obj.get("constants"))
    t.check("info --json: number modes", obj.get("number_modes") == ["double", "real:P", "interval:P", "certified"], obj.get("number_modes"))


def test_dot(t):
    net = t.write("c.nn", NET_ALL)
    t.expect("dot names the constants", ["dot", net], 0, stdout="""\
// unnamed network
// const r = sqrt(2) / 2
// const h = sqrt(9/4) - 1
digraph {
  rankdir=LR;
  "x" [label="x", shape=invtriangle];
  "y" [label="y\\nid\\nb=r", shape=doublecircle];
  "z" [label="z\\nid\\nb=h", shape=doublecircle];
  "d" [label="d\\nid\\ndist a=1 s=r", shape=doublecircle];
  "s" [label="s\\ninit=-r"];
  "x" -> "y" [label="1/r"];
  "s" -> "y" [label="-2"];
  "x" -> "z" [label="-1/h"];
  "x" -> "d" [label="c=r"];
  {rank=same; "x"; "s";}
  {rank=same; "y"; "z"; "d";}
}
""")


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_modes, test_fmt, test_input_expressions, test_irrational_input, test_info, test_dot],
                             "nnsim-constants-"))
