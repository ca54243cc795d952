#!/usr/bin/env python3
"""Command-line tests: a floating computation (--numbers double or real:P)
that leaves the finite numbers stops with exit code 3 and one message naming
the step, the neuron and the value, the same in run, trace, recognize, truth
and their JSON output; nothing is reported as halted or diverging.

Usage: python3 tests/scripts/test_non_finite_cli.py PATH_TO_nnsim

The expected steps are worked out by hand in the comments.  Standard library
only.  Prints one line per failure and `N passed, M failed` at the end.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

# s(t) = 2^(2^t); in doubles s(9) = 2^512 and its square 2^1024 is +inf, so the
# step from y(9) stops.  d = s - s would be inf - inf = NaN one step later.
SQUARES = """\
output d
init s = 2
s = id(sqdist(s))
d = id(s - s)
"""

# h(1) = 10^300 (input 1); y's potential on y(1) is 10^300 * w * 10^300.
def two_layers(w):
    return f"input x\noutput y\nh = id(1e300 x)\ny = step({w} h)\n"

# h1 = 10^300 x, h2 = -10^300 x: y's potential is inf + (-inf) = NaN.
NAN = """\
input x
output y
h1 = id(1e300 x)
h2 = id(-1e300 x)
y = step(1e300 h1 + 1e300 h2)
"""

# h1 = 10^300 and h2 = -10^300 stay as they are; y's potential
# 10^300 h1 + 10^300 h2 is inf + (-inf) = NaN on every state.
NAN_EVERY_STEP = """\
output y
init h1 = 1e300
init h2 = -1e300
h1 = id(h1)
h2 = id(h2)
y = id(1e300 h1 + 1e300 h2)
"""

OVERFLOW_EXAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "networks",
                                "overflow.nn")

TAIL = ("the computation left the finite floating-point numbers, and nothing can be concluded from it "
        "(exact arithmetic, --numbers rational, has no such limit)")


def message(step, part, neuron, value):
    return f"step {step}: the {part} of neuron '{neuron}' evaluated on y({step}) is {value}: {TAIL}"


def test_run(t):
    squares = t.write("squares.nn", SQUARES)
    want = message(9, "potential", "s", "+inf")
    for rule in ["parallel", "sequential", "layered", "random", "random:7"]:
        if rule == "layered":
            continue  # s has a self-loop: layered is refused (exit 2), tested elsewhere
        result = t.expect(f"run {rule}", ["run", squares, "--numbers", "double", "--rule", rule], 3, stdout="")
        first = result.stderr.split("\n", 1)[0]
        if rule in ("parallel",):
            t.check(f"run {rule}: message", first == f"nnsim: error: {want}", result.stderr)
        else:
            # Sequentially s and d alternate, so s is squared every other step.
            t.check(f"run {rule}: message", "neuron 's'" in first and "is +inf" in first, result.stderr)
        t.check(f"run {rule}: no verdict", "halted" not in result.stdout + result.stderr
                and "diverges" not in result.stdout + result.stderr, result.stdout)
    # The sequential order s, d: s is evaluated at the even steps 0, 2, ...,
    # 16, and the one on y(18) squares 2^512.
    t.expect("run sequential step", ["run", squares, "--numbers", "double", "--rule", "sequential"], 3,
             stderr=f"nnsim: error: {message(18, 'potential', 's', '+inf')}\n")
    result = t.expect("run json", ["run", squares, "--numbers", "double", "--json"], 3)
    t.check("run json: one error object", t.json_of("run json", result) == {"error": want}, result.stdout)
    # MPFR's exponents reach 2^30 - 1: s(29)^2 = 2^(2^30) is the first overflow.
    t.expect("run real:24", ["run", squares, "--numbers", "real:24"], 3,
             stderr=f"nnsim: error: {message(29, 'potential', 's', '+inf')}\n")
    # Exactly, the same network runs on: undecided at a small limit.
    result = t.expect("run rational", ["run", squares, "--max-steps", "12"], 0)
    t.check("run rational: undecided", result.stdout.startswith("input: none") and "undecided" in result.stdout,
            result.stdout)

    for w, value in [("1e300", "+inf"), ("-1e300", "-inf")]:
        net = t.write("two.nn", two_layers(w))
        for rule in ["parallel", "sequential", "layered"]:
            t.expect(f"run {value} {rule}", ["run", net, "--input", "1", "--numbers", "double", "--rule", rule], 3,
                     stderr=f"nnsim: error: {message(1, 'potential', 'y', value)}\n")
        # The file's own rule: schedule {h}, {y} applies y at step 1 too.
        scheduled = t.write("scheduled.nn", two_layers(w).replace("output y\n", "output y\nrule schedule {h}, {y}\n"))
        t.expect(f"run {value} schedule", ["run", scheduled, "--input", "1", "--numbers", "double"], 3,
                 stderr=f"nnsim: error: {message(1, 'potential', 'y', value)}\n")
        # Input 0 keeps every value 0: an ordinary halt.
        t.expect(f"run {value} input 0", ["run", net, "--input", "0", "--numbers", "double", "--json"], 0)
    nan = t.write("nan.nn", NAN)
    for rule, step in [("parallel", 1), ("layered", 1), ("sequential", 2)]:
        t.expect(f"run NaN {rule}", ["run", nan, "--input", "1", "--numbers", "double", "--rule", rule], 3,
                 stderr=f"nnsim: error: {message(step, 'potential', 'y', 'NaN')}\n")
    result = t.expect("run NaN random", ["run", nan, "--input", "1", "--numbers", "double", "--rule", "random:1"], 3)
    t.check("run NaN random: names y", "neuron 'y'" in result.stderr, result.stderr)


def test_constants(t):
    net = t.write("big.nn", "input x\noutput y\ny = id(1e400 x)\n")
    t.expect("weight to inf", ["run", net, "--input", "1", "--numbers", "double"], 3, stdout="",
             stderr="nnsim: error: a number in the equation of neuron 'y' is +inf in this number mode: it is too "
                    "large to be a finite floating-point number\n")
    t.expect("weight exact", ["run", net, "--input", "1", "--json"], 0)
    net = t.write("id.nn", "input x\noutput y\ny = id(x)\n")
    t.expect("input to -inf", ["run", net, "--input", "-1e400", "--numbers", "double"], 3, stdout="",
             stderr="nnsim: error: the input value of neuron 'x' is -inf in this number mode: it is too large to "
                    "be a finite floating-point number\n")


def test_trace(t):
    squares = t.write("squares.nn", SQUARES)
    # The rows y(0) ... y(9) are shown, then the error.
    result = t.expect("trace table", ["trace", squares, "--numbers", "double"], 3,
                      stderr=f"nnsim: error: {message(9, 'potential', 's', '+inf')}\n")
    lines = result.stdout.splitlines()
    t.check("trace table: rows 0..9", [line.split()[0] for line in lines if line[:1].isdigit()]
            == [str(i) for i in range(10)], result.stdout)
    t.check("trace table: no verdict", "halted" not in result.stdout and "diverges" not in result.stdout,
            result.stdout)
    result = t.expect("trace csv", ["trace", squares, "--numbers", "double", "--format", "csv"], 3)
    t.check("trace csv: rows 0..9", len(result.stdout.splitlines()) == 11, result.stdout)
    result = t.expect("trace jsonl", ["trace", squares, "--numbers", "double", "--format", "jsonl"], 3)
    last = result.stdout.splitlines()[-1]
    t.check("trace jsonl: the error last", last == '{"error":"' + message(9, "potential", "s", "+inf") + '"}', last)


def test_recognize_and_truth(t):
    net = t.write("two.nn", two_layers("1e300"))
    # Every word has δ(ω) > 0, so h = 10^300 δ(ω) and y's potential overflows
    # on y(1) for the first word, ε (δ = 1/2).
    result = t.expect("recognize", ["recognize", net, "--all-words", "2", "--numbers", "double"], 3)
    t.check("recognize: message", result.stderr == f"nnsim: error: on word ε: {message(1, 'potential', 'y', '+inf')}\n",
            result.stderr)
    result = t.expect("recognize json", ["recognize", net, "0", "--numbers", "double", "--json"], 3)
    t.check("recognize json", t.json_of("recognize json", result)
            == {"error": f"on word '0': {message(1, 'potential', 'y', '+inf')}"}, result.stdout)

    table = t.write("table.nn", "input x1, x2\noutput y\nh = id(1e300 x1)\ny = step(1e300 h)\n")
    # Rows 0,0 and 0,1 halt; 1,0 overflows.
    t.expect("truth", ["truth", table, "--numbers", "double"], 3,
             stderr=f"nnsim: error: on input 1,0: {message(1, 'potential', 'y', '+inf')}\n")
    result = t.expect("truth json", ["truth", table, "--numbers", "double", "--json"], 3)
    t.check("truth json", t.json_of("truth json", result)
            == {"error": f"on input 1,0: {message(1, 'potential', 'y', '+inf')}"}, result.stdout)
    t.expect("truth exact", ["truth", table], 0)


def test_nan_every_step(t):
    """A value that would be NaN (or infinite) at every step stops the run at
    the first such step, whatever the step limit.  Let into the state, NaN
    makes no state equal to itself, so every later state hash-matched every
    earlier one and was replayed from a checkpoint: examples/networks/
    overflow.nn took 0.5 s at 1,000 steps, 3.9 s at 2,000, days at the
    default limit."""
    # overflow.nn: s(0) = 10^308 and s's potential 2 s is +inf at once; d =
    # id(s - s) would be inf - inf = NaN from then on.
    want = f"nnsim: error: {message(0, 'potential', 's', '+inf')}\n"
    for limit in ["100000", "10000000"]:
        for rule in ["parallel", "sequential"]:
            t.expect(f"overflow.nn {rule} {limit}", ["run", OVERFLOW_EXAMPLE, "--numbers", "double", "--rule", rule,
                                                     "--max-steps", limit], 3, stdout="", stderr=want)
    t.expect("overflow.nn default limit", ["run", OVERFLOW_EXAMPLE, "--numbers", "double"], 3, stdout="",
             stderr=want)
    result = t.expect("overflow.nn trace", ["trace", OVERFLOW_EXAMPLE, "--numbers", "double"], 3, stderr=want)
    t.check("overflow.nn trace: only y(0)", [line.split()[0] for line in result.stdout.splitlines()
                                             if line[:1].isdigit()] == ["0"], result.stdout)

    nan = t.write("nan_every_step.nn", NAN_EVERY_STEP)
    # Parallel: y is applied at step 0; sequentially (h1, h2, y) at step 2.
    for rule, step in [("parallel", 0), ("sequential", 2)]:
        t.expect(f"NaN every step {rule}", ["run", nan, "--numbers", "double", "--rule", rule], 3, stdout="",
                 stderr=f"nnsim: error: {message(step, 'potential', 'y', 'NaN')}\n")
    result = t.expect("NaN every step json", ["run", nan, "--numbers", "double", "--json"], 3)
    t.check("NaN every step json", t.json_of("NaN every step json", result)
            == {"error": message(0, "potential", "y", "NaN")}, result.stdout)
    result = t.expect("NaN every step random", ["run", nan, "--numbers", "double", "--rule", "random:5"], 3,
                      stdout="")
    t.check("NaN every step random: y, NaN", "of neuron 'y'" in result.stderr and " is NaN: " in result.stderr,
            result.stderr)
    t.expect("NaN every step trace", ["trace", nan, "--numbers", "double", "--rule", "sequential"], 3,
             stderr=f"nnsim: error: {message(2, 'potential', 'y', 'NaN')}\n")
    # Exactly, 10^600 - 10^600 = 0 = y(0): y(0) is a fixed point.
    result = t.expect("NaN every step exact", ["run", nan, "--json"], 0)
    data = t.json_of("NaN every step exact", result)
    t.check("NaN every step exact: halted at 0", (data.get("status"), data.get("steps")) == ("halted", 0), data)


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_run, test_constants, test_trace, test_recognize_and_truth, test_nan_every_step],
                             "nnsim-nonfinite-"))
