#!/usr/bin/env python3
"""Differential test: nnsim against the independent Python reference.

    python3 tests/scripts/test_differential.py PATH_TO_nnsim [--count N] [--seed S]
                                               [--jobs J] [--show K] [--selftest-only]

1. Checks the reference itself (SplitMix64's first outputs, the δ-encoding,
   value literals) and runs hand-worked examples through it: the spec's XOR on
   all four inputs, the `one`/`s` example, oscillators, step-limit boundaries,
   every rule.  The expected values below were worked out by hand from
   semantics.md, not produced by either implementation.
2. Runs the same hand-worked examples through nnsim (and a few command-line
   checks: encode / decode / --word / a layered rule on a cyclic network).
3. For N random networks (tests/reference/random_networks.py, seeds S, S+1, ...)
   runs `nnsim run FILE --json --input=... [--rule R] --max-steps M` and the
   reference and compares status, steps, cycle, outputs and the full state
   exactly.
4. Runs every random network again in the proving modes, `--numbers
   interval:64`, `interval:200` and `certified` (reals.md, section 3), with
   the same rule and limit: each verdict must be the reference's (status,
   steps, cycle; a value that is a point equal to the exact one, an interval
   around it otherwise), or `undecided` -- with a precision shortfall, or at
   the step limit once a state is not made of points -- and never another
   proven verdict.  Prints how many runs of each mode got the reference's
   verdict.

Prints every difference (network text, command, both results) and a summary
`N passed, M failed`; exits 0 when everything agrees, 1 otherwise.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "reference"))

import nn_reference as ref  # noqa: E402
import random_networks as gen  # noqa: E402

TIMEOUT = 60  # seconds for one nnsim run
# The bounds of a certified run can have tens of thousands of digits.
if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)


# --------------------------------------------------------------------------
# hand-worked examples (semantics.md); expected values worked out by hand
# --------------------------------------------------------------------------

XOR = """\
# XOR of two bits with unit-step neurons (lines P1 and P2 of the lecture)
network xor
input x1, x2
output y
rule parallel

h1 = step(-1 + 2 x1 + 2 x2)      # P1: -1 + 2x1 + 2x2 = 0
h2 = step(3 - 2 x1 - 2 x2)       # P2:  3 - 2x1 - 2x2 = 0
y  = step(-2 + h1 + h2)          # AND of the two half-planes
"""

ONE_S = """\
network one_s
output s
one  = sat(1)                    # becomes 1 at its first update
s    = sat(1/4 s + 3/4 one)      # s(t+1) = σ(s(t)/4 + 3/4)
init s = 1/2
"""

SIGN_OSC = """\
network flip
output a
a = sign(-a)
init a = 1
"""

SEQ_OSC = """\
network seqflip
output a
rule sequential a, b
a = sign(-a)
b = id(b)
"""

SCHED_OSC = """\
network schedflip
output a
rule schedule {a}, {}
a = sign(-a)
"""

RANDOM_TWO = """\
network rnd
output b
rule random
a = step(1)
b = step(a - 1/2)
"""

IDENTITY = """\
network ident
input x
output y
y = id(x)
"""

CYCLIC = """\
network cyc
input x
output a
a = sat(x + b)
b = sat(a)
"""


def hand_cases():
    """(name, network text, run arguments, expected subset of the JSON)."""
    cases = []
    # XOR, parallel: h1 = [x1 or x2], h2 = [not (x1 and x2)], y = h1 and h2.
    # (0,0): y(1) = (h1,h2,y) = (0,1,0), a fixed point: T = 1.
    # (0,1): y(1) = (1,1,0), y(2) = (1,1,1): T = 2.   (1,1): y(1) = (1,0,0): T = 1.
    xor_par = {
        (0, 0): (1, "0", ("0", "1", "0")), (0, 1): (2, "1", ("1", "1", "1")),
        (1, 0): (2, "1", ("1", "1", "1")), (1, 1): (1, "0", ("1", "0", "0")),
    }
    # sequential h1, h2, y (file order), one neuron per step:
    # (0,0): h1 stays 0, h2 -> 1 at t=1: y(2) = (0,1,0) fixed: T = 2.
    # (0,1): h1 -> 1, h2 -> 1, y -> 1: T = 3.   (1,1): h1 -> 1: y(1) = (1,0,0) fixed: T = 1.
    xor_seq = {(0, 0): 2, (0, 1): 3, (1, 0): 3, (1, 1): 1}
    for (a, b), (T, out, (h1, h2, y)) in xor_par.items():
        state = {"x1": str(a), "x2": str(b), "h1": h1, "h2": h2, "y": y}
        cases.append((f"xor {a},{b} parallel", XOR, ["--input", f"{a},{b}"],
                      {"status": "halted", "steps": T, "outputs": [out], "state": state}))
        # layered: layers h1, h2 = 1, y = 2; the same states as parallel here
        cases.append((f"xor {a},{b} layered", XOR, ["--input", f"{a},{b}", "--rule", "layered"],
                      {"status": "halted", "steps": T, "outputs": [out], "state": state}))
        cases.append((f"xor {a},{b} sequential", XOR, ["--input", f"{a},{b}", "--rule", "sequential"],
                      {"status": "halted", "steps": xor_seq[(a, b)], "outputs": [out], "state": state}))
    # the step limit at the halting time: T = 2 <= N = 2 halts; N = 1 does not
    cases.append(("xor 0,1 max-steps 2", XOR, ["--input", "0,1", "--max-steps", "2"],
                  {"status": "halted", "steps": 2, "outputs": ["1"]}))
    cases.append(("xor 0,1 max-steps 1", XOR, ["--input", "0,1", "--max-steps", "1"],
                  {"status": "undecided", "steps": 1, "outputs": ["0"],
                   "state": {"x1": "0", "x2": "1", "h1": "1", "h2": "1", "y": "0"}}))
    # one/s: s(0) = 1/2, one(0) = 0; s(1) = 1/8 (one was still 0), then
    # 1 - s(t) = (7/8) / 4^(t-1): s(10) = 1 - 7/2^21; never reaches 1.
    cases.append(("one/s max-steps 10", ONE_S, ["--max-steps", "10"],
                  {"status": "undecided", "steps": 10, "outputs": ["2097145/2097152"],
                   "state": {"one": "1", "s": "2097145/2097152"}}))
    cases.append(("one/s max-steps 0", ONE_S, ["--max-steps", "0"],
                  {"status": "undecided", "steps": 0, "outputs": ["1/2"],
                   "state": {"one": "0", "s": "1/2"}}))
    cases.append(("one/s max-steps 1", ONE_S, ["--max-steps", "1"],
                  {"status": "undecided", "steps": 1, "outputs": ["1/8"],
                   "state": {"one": "1", "s": "1/8"}}))
    # a = sign(-a), a(0) = 1: 1, -1, 1: the first repetition is y(2) = y(0)
    cases.append(("sign oscillator", SIGN_OSC, ["--max-steps", "100"],
                  {"status": "diverges", "steps": 2, "cycle": {"start": 0, "period": 2},
                   "outputs": ["1"], "state": {"a": "1"}}))
    cases.append(("sign oscillator max-steps 2", SIGN_OSC, ["--max-steps", "2"],
                  {"status": "diverges", "steps": 2, "cycle": {"start": 0, "period": 2}}))
    cases.append(("sign oscillator max-steps 1", SIGN_OSC, ["--max-steps", "1"],
                  {"status": "undecided", "steps": 1, "outputs": ["-1"], "state": {"a": "-1"}}))
    # random with U = (a): it always selects a: 1, -1, 1, -1, ... never proven
    cases.append(("sign oscillator random", SIGN_OSC, ["--rule", "random", "--max-steps", "5"],
                  {"status": "undecided", "steps": 5, "outputs": ["-1"], "state": {"a": "-1"}}))
    # sequential a, b (p = 2): (a,b) = (0,0) (1,0) (1,0) (-1,0) (-1,0) (1,0):
    # y(2) = y(1) but t mod 2 differs; y(5) = y(1) with 5 = 1 mod 2.
    cases.append(("sequential oscillator", SEQ_OSC, [],
                  {"status": "diverges", "steps": 5, "cycle": {"start": 1, "period": 4},
                   "outputs": ["1"], "state": {"a": "1", "b": "0"}}))
    # schedule {a}, {} (p = 2): a = 0, 1, 1, -1, -1, 1: y(5) = y(1), 5 = 1 mod 2
    cases.append(("schedule oscillator", SCHED_OSC, [],
                  {"status": "diverges", "steps": 5, "cycle": {"start": 1, "period": 4},
                   "outputs": ["1"], "state": {"a": "1"}}))
    # random seed 0 over U = (a, b): r_0 = ...AF (odd) -> b, r_1 = ...F4 (even) -> a,
    # r_2 = ...4F (odd) -> b.  b stays 0, a -> 1, b -> 1: T = 3 (parallel: T = 2).
    cases.append(("random seed 0", RANDOM_TWO, [],
                  {"status": "halted", "steps": 3, "outputs": ["1"], "state": {"a": "1", "b": "1"}}))
    cases.append(("random seed 0 override", RANDOM_TWO, ["--rule", "random:0"],
                  {"status": "halted", "steps": 3, "outputs": ["1"]}))
    cases.append(("random -> parallel", RANDOM_TWO, ["--rule", "parallel"],
                  {"status": "halted", "steps": 2, "outputs": ["1"]}))
    # --word and a negative input given as a separate argument
    cases.append(("word 11001", IDENTITY, ["--word", "11001"],
                  {"status": "halted", "steps": 1, "outputs": ["51/64"],
                   "state": {"x": "51/64", "y": "51/64"}}))
    cases.append(("empty word", IDENTITY, ["--word", ""],
                  {"status": "halted", "steps": 1, "outputs": ["1/2"]}))
    cases.append(("negative input", IDENTITY, ["--input", "-3/6"],
                  {"status": "halted", "steps": 1, "outputs": ["-1/2"],
                   "state": {"x": "-1/2", "y": "-1/2"}}))
    return cases


def error_cases():
    """(name, network text, run arguments): nnsim must exit 2 (bad input)."""
    return [
        ("layered on a cycle", CYCLIC, ["--input", "1", "--rule", "layered"]),
        ("wrong input count", XOR, ["--input", "1"]),
    ]


# Edge cases of the format and the command line, beyond what the generator
# writes.  (name, network text, run arguments, valid?, line of the error or None)
# A valid case compares nnsim with the reference field by field; an invalid
# one must be rejected by both (nnsim: exit code 2, `FILE:LINE:` when a line
# is given, and no stdout but a JSON error object).
EDGE_CASES = [
    # -- valid --------------------------------------------------------------
    ("empty file", "", [], True, None),
    ("comments only", "# nothing\n\n   # at all\n\t\n", [], True, None),
    ("network statement only", "network empty\n", [], True, None),
    ("no trailing newline", "output c\nc = sat(1)", [], True, None),
    ("constant by bias only", "output c\nc = sat(3/2)\n", [], True, None),
    ("constant by init only", "output c\ninit c = -0.5\n", [], True, None),
    ("init signs and forms", "output a, b, c\ninit a = -0.5e-1\ninit b = +3/4\ninit c = 2.5E+2\n"
     "d = id(a + b + c)\n", [], True, None),
    ("neuron divided by decimals", "input x\noutput y\ny = id(x/0.5 + x/2 + x/1e1)\n",
     ["--input", "3"], True, None),
    ("exponent literals", "input x\noutput y\ny = id(1e-3 x + 2.5E+2 + 0.125e1*x - 3E0 * x)\n",
     ["--input", "-2/5"], True, None),
    ("unreduced fractions", "input x\noutput y\ny = id(2/4 x + 6/3 - 0/5 x)\n",
     ["--input", "1"], True, None),
    ("repeated terms cancel, the edge stays", "input x\noutput y\ny = step(x - x)\n",
     ["--input", "-7"], True, None),
    ("first term signs", "input x\noutput y, z, w\ny = id(-x)\nz = id(+ 1)\nw = id(- 3/4 x + x)\n",
     ["--input", "4"], True, None),
    ("compact sums", "input x, u\noutput y\ny = relu(1-2*x+u/4-x/3+3/4*u)\n",
     ["--input", "1/2,-2"], True, None),
    ("equation across lines with comments",
     "input x\noutput y\ny = sat(  # start\n  1/4 x   # middle\n\n  + 1/8\n)\n", ["--input", "1"], True, None),
    ("schedule across lines", "output a\nrule schedule {a,\n b}, {},\t{b}\na = sign(-a)\nb = id(a)\n",
     [], True, None),
    ("names near reserved words", "input Step, e1\noutput sat1, dist.a, _\n"
     "sat1 = sat(Step + 2 e1)\ndist.a = id(2*e1 - sat1)\n_ = relu(e1/2)\n", ["--input", "1/3,1"], True, None),
    ("dotted names", "input tm.q0.read\noutput tm.q1\ntm.q1 = step(tm.q0.read - 1/2)\n",
     ["--input", "1"], True, None),
    ("statement order", "y = step(x - 1/2)\noutput y\ninit z = 1\nrule sequential y\ninput x\n",
     ["--input", "1"], True, None),
    ("input with an equation", "input x\noutput x\nx = id(x/2)\n", ["--input", "1", "--max-steps", "9"], True, None),
    ("input that is also output", "input x\noutput x\n", ["--input", "-5/10"], True, None),
    ("dist1 with centres and a repeated argument", "input x, z\noutput y\n"
     "y = sat(1 - 2 dist1(x - 1/2, x + 3, z))\n", ["--input", "1/4,-1"], True, None),
    ("distmax with constant and scale", "input x, z\noutput y\n"
     "y = id(1/2 + 3/4 * distmax(x - 1/2, z + 1))\n", ["--input", "2,-3"], True, None),
    ("sqdist without constant", "input x, z\noutput y, w\ny = id(2 sqdist(x - 1, z))\n"
     "w = id(- distmax(x))\n", ["--input", "1/2,-1/3"], True, None),
    ("random with the largest seed", "output a, b\nrule random seed 18446744073709551615\n"
     "a = step(b - 1/2)\nb = step(1)\nc = sat(a + b)\n", [], True, None),
    ("random override with the largest seed", "output a\na = step(b - 1/2)\nb = step(1)\n",
     ["--rule", "random:18446744073709551615"], True, None),
    ("sequential order of a subset", "output a, b\nrule sequential b\na = step(1)\nb = step(a - 1/2)\n",
     [], True, None),
    ("sequential override replaces an explicit order",
     "output a, b\nrule sequential b\na = step(1)\nb = step(a - 1/2)\n", ["--rule", "sequential"], True, None),
    ("layered with a bias-only layer", "input x\noutput y\nrule layered\nc = sat(1)\nh = relu(x + c)\n"
     "y = id(h - c)\n", ["--input", "2"], True, None),
    ("layered that changes nothing at first", "output y\nrule layered\nh = id(0)\ny = id(h)\n",
     [], True, None),
    ("schedule of empty sets", "output a\nrule schedule {}, {}\na = sign(-a)\n", [], True, None),
    ("default step limit", "output c\nc = id(c + 1)\n", [], True, None),
    ("halting just at the default limit", "output c\nc = sat(c + 1/100000)\n", [], True, None),
    ("negative input as a separate argument", "input x, z\noutput y\ny = id(x + z)\n",
     ["--input", "-1/2,-0.25"], True, None),
    ("empty word", "input x\noutput x\n", ["--word", ""], True, None),
    # -- invalid: the file --------------------------------------------------
    ("number followed by a letter", "input x\noutput y\ny = id(2x)\n", ["--input", "1"], False, 3),
    ("digits required after '.'", "output y\ny = id(1.)\n", [], False, 2),
    ("digits required in an exponent", "output y\ny = id(1e)\n", [], False, 2),
    ("leading digit required", "output y\ny = id(.5)\n", [], False, 2),
    ("denominator 0", "output y\ny = id(3/0)\n", [], False, 2),
    ("identifier ending in '.'", "output a.\na. = id(1)\n", [], False, 1),
    ("undefined neuron in an equation", "output y\ny = id(q)\n", [], False, 2),
    ("undefined neuron in output", "output q\ny = id(1)\n", [], False, 1),
    ("undefined neuron in the rule", "rule sequential q\ny = id(1)\n", [], False, 1),
    ("two equations", "y = id(1)\ny = id(2)\n", [], False, 2),
    ("two inits", "init y = 1\ninit y = 2\n", [], False, 2),
    ("init of an input", "input x\ninit x = 1\n", ["--input", "0"], False, 2),
    ("input listed twice", "input x, x\n", ["--input", "0,0"], False, 1),
    ("output listed twice", "output y, y\ny = id(1)\n", [], False, 1),
    ("rule names a neuron without equation", "input x\nrule sequential x\n", ["--input", "0"], False, 2),
    ("rule names a constant", "init c = 1\nrule schedule {c}\n", [], False, 2),
    ("sequential order repeats a neuron", "rule sequential y, y\ny = id(1)\n", [], False, 1),
    ("layered on a cycle", "rule layered\na = id(b)\nb = id(a)\n", [], False, None),
    ("layered on a self-loop", "rule layered\na = sat(a + 1)\n", [], False, None),
    ("unknown activation", "y = sigmoid(1)\n", [], False, 1),
    ("unknown norm", "input x\ny = step(1 - dist2(x))\n", ["--input", "0"], False, 2),
    ("unknown statement", "inputs x\n", [], False, 1),
    ("network not first", "output y\nnetwork n\ny = id(1)\n", [], False, 2),
    ("second network statement", "network a\nnetwork b\n", [], False, 2),
    ("second rule statement", "rule parallel\nrule layered\n", [], False, 2),
    ("reserved word as a neuron", "step = id(1)\n", [], False, 1),
    ("reserved word as an input", "input seed\n", [], False, 1),
    ("line break outside parentheses", "input x\ny = id(1)\n + x\n", ["--input", "0"], False, 3),
    ("empty potential", "y = id()\n", [], False, 1),
    ("two neurons in one term", "input x, z\ny = id(x z)\n", ["--input", "0,0"], False, 2),
    ("double sign", "input x\ny = id(+ - x)\n", ["--input", "0"], False, 2),
    # -- invalid: not exact in rational mode (semantics §5) -----------------
    ("dist is not exact", "input x1, x2\noutput r\nr = step(1 - 2 dist(x1 - 1/2, x2 - 1/2))\n",
     ["--input", "0,0"], False, 3),
    ("logistic is not exact", "input x\noutput y\ny = logistic[4](x)\n", ["--input", "0"], False, 3),
    ("tanh is not exact", "input x\noutput y\ny = tanh(x)\n", ["--input", "0"], False, 3),
    # -- invalid: the command line ------------------------------------------
    ("layered override on a cycle", "input x\noutput a\na = sat(x + b)\nb = sat(a)\n",
     ["--input", "1", "--rule", "layered"], False, None),
    ("unknown rule override", "output y\ny = id(1)\n", ["--rule", "bogus"], False, None),
    ("bad random seed", "output y\ny = id(1)\n", ["--rule", "random:abc"], False, None),
    ("inputs omitted", "input x\n", [], False, None),
    ("too few inputs", "input x, z\n", ["--input", "1"], False, None),
    ("too many inputs", "input x\n", ["--input", "1,2"], False, None),
    ("input denominator 0", "input x\n", ["--input", "1/0"], False, None),
    ("input not a number", "input x\n", ["--input", "x"], False, None),
    ("word not binary", "input x\n", ["--word", "012"], False, None),
    ("word for two inputs", "input x, z\n", ["--word", "01"], False, None),
]


# --------------------------------------------------------------------------
# the reference's own unit checks
# --------------------------------------------------------------------------

def reference_selftest():
    failures = []

    def check(what, got, want):
        if got != want:
            failures.append(f"reference self-test: {what}: got {got!r}, want {want!r}")

    g = ref.splitmix64(0)
    check("SplitMix64(0) first outputs", [next(g) for _ in range(3)],
          [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F])
    for w, q in [("", "1/2"), ("0", "1/4"), ("1", "3/4"), ("11001", "51/64")]:
        check(f"δ({w!r})", ref.delta_encode(w), Fraction(q))
        check(f"decode {q}", ref.delta_decode(Fraction(q)), w)
    for bad in ["1/3", "1", "0", "3/2", "-1/4"]:
        try:
            ref.delta_decode(ref.parse_value(bad))
            failures.append(f"reference self-test: decode {bad} should be an error")
        except ref.NNError:
            pass
    for s, q in [("1", 1), ("-1/3", Fraction(-1, 3)), ("0.25", Fraction(1, 4)),
                 ("2e-3", Fraction(1, 500)), ("+2.5E+2", 250), ("6/4", Fraction(3, 2))]:
        check(f"value {s}", ref.parse_value(s), Fraction(q))
    for bad in ["1.", "1e", ".5", "2x", "3/0"]:
        try:
            ref.parse_value(bad)
            failures.append(f"reference self-test: value {bad!r} should be an error")
        except ref.NNError:
            pass
    # the affine-sum forms of the format
    net = ref.parse_network("input x, s\noutput y\n"
                            "y = id(2 x + 2*x + 3/4 s + x/4 - s + 0.5*s + 1e-1 - 1 + x + x)\n")
    eq = net.equations["y"]
    check("affine coefficients", dict(eq.coeffs), {"x": Fraction(25, 4), "s": Fraction(1, 4)})
    check("affine bias", eq.bias, Fraction(-9, 10))
    # every hand-worked example
    for name, text, args, want in hand_cases():
        try:
            got = run_reference(text, args)
        except ref.NNError as e:
            failures.append(f"reference self-test: {name}: error {e}")
            continue
        bad = [k for k in want if normalize(got).get(k) != want[k]]
        if bad:
            failures.append(f"reference self-test: {name}: {bad} differ:\n"
                            f"  expected {json.dumps(want)}\n  reference {json.dumps(got)}")
    for name, text, args, valid, _line in EDGE_CASES:
        try:
            run_reference(text, args)
            if not valid:
                failures.append(f"reference self-test: edge case '{name}' should be an error")
        except ref.NNError as e:
            if valid:
                failures.append(f"reference self-test: edge case '{name}': {e}")
    for name, text, args in error_cases():
        try:
            run_reference(text, args)
            failures.append(f"reference self-test: {name}: should be an error")
        except ref.NNError:
            pass
    return failures


# --------------------------------------------------------------------------
# running both
# --------------------------------------------------------------------------

def run_reference(text, args):
    """Run the reference with nnsim-style run arguments."""
    opts = {"--input": None, "--word": None, "--rule": None, "--max-steps": "100000"}
    i = 0
    while i < len(args):  # `--opt VALUE` or `--opt=VALUE`; VALUE may start with '-'
        key, eq, val = args[i].partition("=")
        if key not in opts:
            raise ref.NNError(f"unknown option {args[i]!r}")
        if not eq:
            i += 1
            val = args[i]
        opts[key] = val
        i += 1
    inputs = [] if opts["--input"] is None else opts["--input"].split(",")
    return ref.run_text(text, inputs, opts["--rule"], int(opts["--max-steps"]), opts["--word"])


# With NNSIM_TEST_COLLIDING_HASH=1 every state nnsim sees has the same hash, so
# each step compares the state exactly with every earlier one (a replay of up
# to t steps): the verdicts must not change, only the time.  A run that does
# not finish within COLLIDING_TIMEOUT that way (tens of thousands of steps)
# is run again with the ordinary hash; such runs are counted and reported.
COLLIDING = os.environ.get("NNSIM_TEST_COLLIDING_HASH") == "1"
COLLIDING_TIMEOUT = 20
ordinary_hash_runs = []


def run_nnsim(nnsim, path, args):
    """Returns (returncode, parsed JSON or None, stdout, stderr)."""
    cmd = [nnsim, "run", str(path), "--json"] + args
    try:
        if COLLIDING:
            try:
                p = subprocess.run(cmd, capture_output=True, text=True, timeout=COLLIDING_TIMEOUT)
            except subprocess.TimeoutExpired:
                ordinary_hash_runs.append(str(path))
                env = {k: v for k, v in os.environ.items() if k != "NNSIM_TEST_COLLIDING_HASH"}
                p = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, env=env)
        else:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, None, "", f"timed out after {TIMEOUT} s"
    try:
        obj = json.loads(p.stdout)
    except ValueError:
        obj = None
    return p.returncode, obj, p.stdout, p.stderr


def normalize(res):
    """The compared fields; a missing or null cycle is no cycle."""
    if not isinstance(res, dict):
        return {}
    out = {k: res.get(k) for k in ("status", "steps", "outputs", "state")}
    cyc = res.get("cycle")
    if isinstance(cyc, dict):
        out["cycle"] = {"start": cyc.get("start"), "period": cyc.get("period")}
    else:
        out["cycle"] = None
    return out


PROVING_MODES = ["interval:64", "interval:200", "certified"]


def encloses(value, exact):
    """Whether a value of nnsim's JSON (an exact string, or {"lo", "hi"} of
    decimal strings rounded outward) holds the exact rational `exact`."""
    if isinstance(value, dict):
        return Fraction(value["lo"]) <= exact <= Fraction(value["hi"])
    return isinstance(value, str) and Fraction(value) == exact


def is_point(value):
    return isinstance(value, str)


def interval_problems(mode, case, want, obj):
    """What is wrong with nnsim's result `obj` in a proving mode, against the
    reference's `want` for the same case: [] when it is the reference's
    verdict or an allowed `undecided`.  Returns (problems, proven)."""
    problems = []
    precision = obj.get("precision")
    if mode.startswith("interval:"):
        if precision != int(mode.split(":")[1]):
            problems.append(f"precision {precision!r}, expected {mode.split(':')[1]}")
    elif precision not in [64 << k for k in range(11)]:  # 64, 128, ..., 65536
        problems.append(f"precision {precision!r} is not one that certified mode tries")
    if obj.get("numbers") != mode:
        problems.append(f"numbers {obj.get('numbers')!r}")
    status = obj.get("status")
    shortfall = obj.get("undecided")
    if status == "undecided" and shortfall is not None:
        # A decision the enclosures could not make: allowed.  The run stopped
        # at y(steps); when the reference reaches that state too, the state
        # must enclose it.
        if shortfall.get("reason") != "precision" or shortfall.get("step") != obj.get("steps"):
            problems.append(f"undecided object {shortfall!r}")
        steps = obj.get("steps")
        if isinstance(steps, int) and steps <= case.max_steps:
            at = ref.run_text(case.text, case.inputs, case.rule, steps, case.word)
            if at["steps"] == steps and at["status"] in ("halted", "undecided"):
                problems += [f"state {v}: {obj['state'].get(v)!r} does not hold {x}"
                             for v, x in at["state"].items() if not encloses(obj["state"].get(v), Fraction(x))]
        return problems, False
    if status == "undecided":
        # Without a shortfall only the step limit ends a run undecided;
        # repetitions are not looked for once a state is not made of points,
        # so a diverging network may end here too.
        if want["status"] == "halted" or obj.get("steps") != case.max_steps:
            problems.append(f"undecided at step {obj.get('steps')} without a precision shortfall, "
                            f"the reference {want['status']} at step {want['steps']}")
        return problems, want["status"] == "undecided"
    # A proven verdict: exactly the reference's.
    got = normalize(obj)
    ref_norm = normalize(want)
    for key in ("status", "steps", "cycle"):
        if got.get(key) != ref_norm.get(key):
            problems.append(f"{key} {got.get(key)!r}, the reference's {ref_norm.get(key)!r}")
    if not problems:
        outputs = obj.get("outputs") or []
        if len(outputs) != len(want["outputs"]):
            problems.append("outputs differ in number")
        problems += [f"output {i}: {v!r} does not hold {x}" for i, (v, x) in enumerate(zip(outputs, want["outputs"]))
                     if not encloses(v, Fraction(x))]
        problems += [f"state {v}: {obj['state'].get(v)!r} does not hold {x}"
                     for v, x in want["state"].items() if not encloses(obj["state"].get(v), Fraction(x))]
    return problems, True


def shell_quote(args):
    import shlex
    return " ".join(shlex.quote(str(a)) for a in args)


class Report:
    def __init__(self, show):
        self.passed = 0
        self.failed = 0
        self.show = show

    def ok(self):
        self.passed += 1

    def fail(self, title, text=None, cmd=None, expected=None, actual=None, extra=None,
             label="expected"):
        self.failed += 1
        if self.failed > self.show:
            print(f"FAIL {title} (details suppressed)")
            return
        print("=" * 72)
        print(f"FAIL {title}")
        if cmd:
            print("command:  " + shell_quote(cmd))
        if text is not None:
            print("network:")
            print("    " + text.rstrip("\n").replace("\n", "\n    "))
        if expected is not None:
            print(f"{label + ':':<11}" + (json.dumps(expected) if not isinstance(expected, str) else expected))
        if actual is not None:
            print("nnsim:     " + (json.dumps(actual) if not isinstance(actual, str) else actual))
        if extra:
            print(extra.rstrip())
        sys.stdout.flush()


def check_result(report, title, text, cmd, want, rc, obj, stdout, stderr, subset=False, extra=None):
    """Compare nnsim's JSON with `want`: the reference's result (every field),
    or, with subset=True, the hand-worked fields."""
    label = "expected" if subset else "reference"
    if rc != 0 or obj is None:
        report.fail(title, text, cmd, want, stdout.strip() or "(no JSON)",
                    f"exit code {rc}; stderr: {stderr.strip()}" + (f"\n{extra}" if extra else ""),
                    label=label)
        return
    got = normalize(obj)
    keys = list(want) if subset else ["status", "steps", "cycle", "outputs", "state"]
    w = normalize(want) if not subset else want
    diff = [k for k in keys if got.get(k) != w.get(k)]
    if obj.get("numbers", "rational") != "rational":
        diff.append("numbers")
    if diff:
        report.fail(f"{title}: {', '.join(diff)} differ", text, cmd, want, obj, extra, label=label)
    else:
        report.ok()


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("nnsim", nargs="?", help="path to the nnsim executable")
    ap.add_argument("--count", type=int, default=400, help="random networks (default 400)")
    ap.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    ap.add_argument("--max-neurons", type=int, default=8,
                    help="neurons per random network: 1 .. this (default 8)")
    ap.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    ap.add_argument("--show", type=int, default=10, help="failures shown in full")
    ap.add_argument("--selftest-only", action="store_true",
                    help="only check the reference (no nnsim needed)")
    a = ap.parse_args(argv)
    start = time.time()
    report = Report(a.show)

    # 1. the reference itself
    fails = reference_selftest()
    for f in fails:
        report.fail(f)
    if fails:
        print(f"{report.passed} passed, {report.failed} failed (the reference's self-test failed)")
        return 1
    if a.selftest_only:
        print("reference self-test passed")
        return 0
    if not a.nnsim or not os.access(a.nnsim, os.X_OK):
        print(f"nnsim executable not found: {a.nnsim!r}", file=sys.stderr)
        return 1
    nnsim = a.nnsim

    with tempfile.TemporaryDirectory(prefix="nnsim-diff-") as tmp:
        tmp = Path(tmp)

        def write(name, text):
            path = tmp / name
            path.write_text(text, encoding="utf-8")
            return path

        # 2. hand-worked examples and command-line checks
        for i, (name, text, args, want) in enumerate(hand_cases()):
            path = write(f"hand{i}.nn", text)
            rc, obj, out, err = run_nnsim(nnsim, path, args)
            check_result(report, f"hand example '{name}'", text,
                         [nnsim, "run", path, "--json"] + args, want, rc, obj, out, err, subset=True)
        for i, (name, text, args) in enumerate(error_cases()):
            path = write(f"err{i}.nn", text)
            rc, obj, out, err = run_nnsim(nnsim, path, args)
            cmd = [nnsim, "run", path, "--json"] + args
            if rc != 2:
                report.fail(f"'{name}': exit code {rc}, expected 2", text, cmd, "exit code 2",
                            out.strip(), f"stderr: {err.strip()}")
            elif out.strip() and not (isinstance(obj, dict) and "error" in obj):
                report.fail(f"'{name}': stdout on failure is not a JSON error object", text, cmd,
                            '{"error": ...} or nothing', out.strip())
            else:
                report.ok()
        for i, (name, text, args, valid, line) in enumerate(EDGE_CASES):
            path = write(f"edge{i}.nn", text)
            rc, obj, out, err = run_nnsim(nnsim, path, args)
            cmd = [nnsim, "run", path, "--json"] + args
            title = f"edge case '{name}'"
            if valid:
                check_result(report, title, text, cmd, run_reference(text, args), rc, obj, out, err)
            elif rc != 2:
                report.fail(f"{title}: exit code {rc}, expected 2 (invalid)", text, cmd, "exit code 2",
                            out.strip(), f"stderr: {err.strip()}")
            elif out.strip() and not (isinstance(obj, dict) and "error" in obj):
                report.fail(f"{title}: stdout on failure is not a JSON error object", text, cmd,
                            '{"error": ...} or nothing', out.strip())
            elif line is not None and f"{path}:{line}:" not in err + out:
                report.fail(f"{title}: the error does not name {path.name}:{line}:", text, cmd,
                            f"{path}:{line}:COL: error: ...", err.strip() or out.strip())
            else:
                report.ok()
        # the network from standard input (cli.md: `-` reads standard input)
        args = ["--input", "1,0", "--rule", "sequential"]
        cmd = [nnsim, "run", "-", "--json"] + args
        p = subprocess.run(cmd, input=XOR, capture_output=True, text=True, timeout=TIMEOUT)
        try:
            obj = json.loads(p.stdout)
        except ValueError:
            obj = None
        check_result(report, "XOR from standard input", XOR, cmd + ["<", "xor.nn"],
                     run_reference(XOR, args), p.returncode, obj, p.stdout, p.stderr)
        for args, want_rc, want_out in [(["encode", "11001"], 0, "51/64"), (["encode", ""], 0, "1/2"),
                                        (["decode", "51/64"], 0, "11001"), (["decode", "1/2"], 0, ""),
                                        (["decode", "1/3"], 2, None)]:
            p = subprocess.run([nnsim] + args, capture_output=True, text=True, timeout=TIMEOUT)
            if p.returncode != want_rc or (want_out is not None and p.stdout.strip() != want_out):
                report.fail(f"nnsim {shell_quote(args)}", None, [nnsim] + args,
                            f"exit {want_rc}, stdout {want_out!r}",
                            f"exit {p.returncode}, stdout {p.stdout.strip()!r}",
                            f"stderr: {p.stderr.strip()}")
            else:
                report.ok()

        # a large recurrent sat network (the benchmark's), 2000 neurons, and a
        # smaller one run until the step limit under every override
        sys.path.insert(0, str(HERE.parent.parent / "bench"))
        import make_random_network as big  # noqa: E402
        for neurons, steps, rules in [(2000, 12, [None]),
                                      (60, 40, [None, "sequential", "random:5"])]:
            text = big.make_network(neurons=neurons, fanin=8, seed=neurons)
            path = write(f"big{neurons}.nn", text)
            for r in rules:
                args = ["--input", "1/2", "--max-steps", str(steps)] + (["--rule", r] if r else [])
                rc, obj, out, err = run_nnsim(nnsim, path, args)
                check_result(report, f"large network ({neurons} neurons, {args})",
                             f"(bench/make_random_network.py --neurons {neurons} --seed {neurons})",
                             [nnsim, "run", path, "--json"] + args, run_reference(text, args),
                             rc, obj, out, err)

        # 3. random networks
        cases = [gen.generate_case(seed, a.max_neurons) for seed in range(a.seed, a.seed + a.count)]
        paths = [write(f"random{c.seed}.nn", c.text) for c in cases]
        with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
            futures = [pool.submit(run_nnsim, nnsim, p, c.cli_args()) for c, p in zip(cases, paths)]
            for c, p, fut in zip(cases, paths, futures):
                cmd = [nnsim, "run", p, "--json"] + c.cli_args()
                title = f"random network seed {c.seed} ({c.kind})"
                try:
                    want = ref.run_text(c.text, c.inputs, c.rule, c.max_steps, c.word)
                except ref.NNError as e:
                    want = None
                    ref_err = str(e)
                rc, obj, out, err = fut.result()
                if want is None:
                    # the generator should only write valid cases; nnsim must reject it too
                    if rc == 2:
                        report.ok()
                    else:
                        report.fail(f"{title}: the reference rejects it ({ref_err}), nnsim does not",
                                    c.text, cmd, "exit code 2", out.strip())
                    continue
                check_result(report, title, c.text, cmd, want, rc, obj, out, err,
                             extra=f"reproduce: python3 tests/reference/random_networks.py {c.seed}"
                                   + (f" (max-neurons {a.max_neurons})" if a.max_neurons != 8 else ""))

        # 4. the same random networks in the proving modes
        proven = {mode: 0 for mode in PROVING_MODES}
        valid = []
        for c, p in zip(cases, paths):
            try:
                valid.append((c, p, ref.run_text(c.text, c.inputs, c.rule, c.max_steps, c.word)))
            except ref.NNError:
                pass
        with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
            runs = [(c, p, want, mode, pool.submit(run_nnsim, nnsim, p, c.cli_args() + ["--numbers", mode]))
                    for c, p, want in valid for mode in PROVING_MODES]
            for c, p, want, mode, fut in runs:
                cmd = [nnsim, "run", p, "--json"] + c.cli_args() + ["--numbers", mode]
                title = f"random network seed {c.seed} ({c.kind}) in {mode}"
                rc, obj, out, err = fut.result()
                if rc != 0 or not isinstance(obj, dict):
                    report.fail(title, c.text, cmd, want, out.strip() or "(no JSON)",
                                f"exit code {rc}; stderr: {err.strip()}", label="reference")
                    continue
                problems, was_proven = interval_problems(mode, c, want, obj)
                if problems:
                    report.fail(f"{title}: {'; '.join(problems)}", c.text, cmd, want, obj, label="reference")
                else:
                    report.ok()
                    proven[mode] += was_proven
        print("the reference's verdict in the proving modes: " +
              ", ".join(f"{mode} {proven[mode]} of {len(valid)}" for mode in PROVING_MODES) +
              " (the others undecided: a decision needed more precision, or a repetition was not proven)")

    if COLLIDING:
        print(f"every state hash collides (NNSIM_TEST_COLLIDING_HASH=1); {len(ordinary_hash_runs)} runs took more "
              f"than {COLLIDING_TIMEOUT} s that way and ran again with the ordinary hash: {ordinary_hash_runs}")
    print(f"{report.passed} passed, {report.failed} failed "
          f"({time.time() - start:.1f} s; random seeds {a.seed}..{a.seed + a.count - 1})")
    return 0 if report.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
