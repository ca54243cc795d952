#!/usr/bin/env python3
"""Command-line tests of `nnsim build approx relu|sigmoid|cubes`: the network
on standard output (or in -o FILE) with its Built with / Check with lines,
the report on standard error, and the errors (exit 2, exact messages).

Usage: python3 tests/scripts/test_approx_build_cli.py PATH_TO_nnsim

The built networks are run with `nnsim eval --grid` and compared with the
function or set evaluated here in Python (math.sin, the predicate written
as a Python expression): at every grid point the error must be within the
epsilon asked for, and every point of the set must be covered by the cubes.
This observes the networks at points only; the proofs are tested in
tests/approximation_build_test.cpp.  Standard library only.
"""

import csv
import io
import math
import os
import shlex
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402


class Tester(cli_tester.Tester):
    shown_stdout = 2000

    def build(self, name, *args):
        """Runs `nnsim build approx ARGS`; the network text and the report,
        or (None, None) after a failed check."""
        result = self.run("build", "approx", *args)
        self.check(f"{name}: exit code 0", result.returncode == 0, result.stderr)
        if result.returncode != 0:
            return None, None
        self.check_with(name, result.stdout)
        return result.stdout, result.stderr

    def check_with(self, name, network_text):
        """Runs the network's `Check with:` line, FILE being the network:
        the check it suggests must run and prove the bound (exit code 0)."""
        lines = [line for line in comment_lines(network_text) if line.startswith("Check with: nnsim ")]
        self.check(f"{name}: one Check with line", len(lines) == 1, network_text[:2000])
        if len(lines) != 1:
            return
        self.write("built.nn", network_text)
        arguments = ["built.nn" if word == "FILE" else word for word in shlex.split(lines[0])[3:]]
        result = self.run(*arguments)
        self.check(f"{name}: the Check with line proves the bound", result.returncode == 0,
                   f"{lines[0]} -> {result.returncode}\n     {result.stdout}{result.stderr}")

    def evaluate(self, name, network_text, grid, numbers="rational"):
        """The rows of `nnsim eval - --grid GRID` on the network: a list of
        (inputs as Fractions, y as a Fraction or float)."""
        result = self.run("eval", "-", "--grid", grid, "--numbers", numbers, stdin=network_text)
        self.check(f"{name}: eval runs", result.returncode == 0, result.stderr)
        if result.returncode != 0:
            return []
        rows = []
        for row in csv.DictReader(io.StringIO(result.stdout)):
            inputs = [Fraction(row[key]) for key in row if key.startswith("x")]
            y = Fraction(row["y"]) if numbers == "rational" else float(row["y"])
            self.check(f"{name}: halted", row["status"] == "halted", str(row))
            rows.append((inputs, y))
        return rows


def comment_lines(network_text):
    return [line[2:] for line in network_text.splitlines() if line.startswith("# ")]


def test_relu_exact(t):
    # abs(x - 1/2) with epsilon 1/4: two cells [0, 1/2], [1/2, 1] on which f
    # is linear, so F = f exactly: F(x) = 1/2 - relu(x) + 2 relu(x - 1/2).
    text, report = t.build("relu abs", "relu", "--function", "abs(x - 1/2)", "--epsilon", "1/4")
    if text is None:
        return
    t.check("relu abs: the output neuron", "y = id(1/2 - h1 + 2 h2)" in text, text)
    t.check("relu abs: Built with", "Built with: nnsim build approx relu --function 'abs(x - 1/2)' --epsilon 1/4"
            in comment_lines(text), text)
    t.check("relu abs: Check with", "Check with: nnsim check approx FILE --function 'abs(x - 1/2)' --epsilon 1/4"
            in comment_lines(text), text)
    t.check("relu abs: report", report == (
        "relu: f(x) = abs(x - 1/2) on [0, 1], epsilon = 1/4\n"
        "hidden neurons: 2 (relu), 3 knots on an adaptive dyadic grid\n"
        "proven: |f - F| <= 0 on [0, 1] (largest on [0, 1/2])\n"
        "Lipschitz constant of f proven by interval arithmetic: <= 1\n"
        "textbook count ceil(L (b - a) / (2 epsilon)) with L = 1: 2 units\n"), report)
    for inputs, y in t.evaluate("relu abs", text, "0:1:17"):
        t.check(f"relu abs: F({inputs[0]}) = |x - 1/2|", y == abs(inputs[0] - Fraction(1, 2)), str(y))


def test_relu_functions(t):
    cases = [
        ("sin(3*x)^2", lambda x: math.sin(3 * x) ** 2, "1/20", []),
        ("sqrt(x)", math.sqrt, "1/20", []),
        ("sin(3*x)^2", lambda x: math.sin(3 * x) ** 2, "1/20", ["--lipschitz", "3"]),
        ("exp(-x^2)", lambda x: math.exp(-x * x), "1/50", ["--box", "-2:2"]),
    ]
    for text_f, f, epsilon, extra in cases:
        name = f"relu {text_f} {' '.join(extra)}"
        text, report = t.build(name, "relu", "--function", text_f, "--epsilon", epsilon, *extra)
        if text is None:
            continue
        grid = "-2:2:401" if "--box" in extra else "0:1:401"
        worst = max((abs(f(float(x[0])) - float(y)) for x, y in t.evaluate(name, text, grid)), default=1)
        t.check(f"{name}: error at the grid points <= epsilon", worst <= float(Fraction(epsilon)), str(worst))
        t.check(f"{name}: report", report.startswith("relu: f(x) = ") and "proven: |f - F| <= " in report, report)
    # The uniform grid: 31 cells (ceil(3 / (2 (1/20 - 1/1024)))), the textbook's count 30.
    text, report = t.build("relu lipschitz", "relu", "--function", "sin(3*x)^2", "--epsilon", "1/20",
                           "--lipschitz", "3")
    if text is not None:
        t.check("relu lipschitz: 31 cells", "hidden neurons: 31 (relu), 32 knots on a uniform grid" in report, report)
        t.check("relu lipschitz: assumption", "assuming Lipschitz constant 3: |f - F| <= " in report, report)
        t.check("relu lipschitz: textbook", "with L = 3: 30 units" in report, report)
    # sqrt has no Lipschitz constant on [0, 1].
    _, report = t.build("relu sqrt", "relu", "--function", "sqrt(x)", "--epsilon", "1/20")
    if report is not None:
        t.check("relu sqrt: unbounded", "Lipschitz constant of f proven by interval arithmetic: unbounded" in report,
                report)


def test_relu_set(t):
    # By hand (as in approximation_build_test.cpp): runs (0, 85/256) and (129/256, 1),
    # F(x) = relu(85/256 - x) + relu(x - 129/256).
    text, report = t.build("relu set", "relu", "--set", "x < 1/3 or x > 1/2", "--epsilon", "1/100")
    if text is None:
        return
    t.check("relu set: report", report == (
        "relu --set: x in the set iff F(x) > 0, on [0, 1], epsilon = 1/100\n"
        "runs where F > 0: (0, 85/256), (129/256, 1)\n"
        "hidden neurons: 2 (relu), from 16 cells: inside 53/64, outside 21/128, ambiguous 1/128\n"
        "proven: the misclassified points have measure <= 1/128\n"), report)
    t.check("relu set: Check with",
            "Check with: nnsim check approx FILE --set 'x < 1/3 or x > 1/2' --epsilon 1/100" in comment_lines(text),
            text)
    for inputs, y in t.evaluate("relu set", text, "0:1:257"):
        x = inputs[0]
        expected = max(Fraction(85, 256) - x, 0) + max(x - Fraction(129, 256), 0)
        t.check(f"relu set: F({x})", y == expected, str(y))


def test_sigmoid(t):
    for text_f, f, epsilon in [("sin(3*x)^2", lambda x: math.sin(3 * x) ** 2, "1/10"), ("x", lambda x: x, "1/4")]:
        name = f"sigmoid {text_f}"
        text, report = t.build(name, "sigmoid", "--function", text_f, "--epsilon", epsilon)
        if text is None:
            continue
        t.check(f"{name}: logistic neurons", "= logistic[" in text, text)
        worst = max((abs(f(float(x[0])) - y) for x, y in t.evaluate(name, text, "0:1:301", "double")), default=1)
        t.check(f"{name}: error at the grid points <= epsilon", worst <= float(Fraction(epsilon)), str(worst))
    # Two inputs of which f uses one: --inputs 2 builds them, and the check
    # reads them from the network (check approx has no --inputs).
    text, report = t.build("sigmoid x1, --inputs 2", "sigmoid", "--function", "x1", "--epsilon", "1/4",
                           "--inputs", "2")
    if text is not None:
        t.check("sigmoid x1, --inputs 2: two inputs", "input x1, x2" in text, text)
        t.check("sigmoid x1, --inputs 2: Built with", "Built with: nnsim build approx sigmoid --function 'x1' "
                "--epsilon 1/4 --inputs 2" in comment_lines(text), text)
    # f = x, epsilon 1/4: 3 steps of height 1/3 at 1/6, 1/2, 5/6, steepness 16 (worked out in
    # approximation_build_test.cpp).
    text, report = t.build("sigmoid x", "sigmoid", "--function", "x", "--epsilon", "1/4")
    if text is not None:
        t.check("sigmoid x: steps", "h2 = logistic[16](-1/2 + x)" in text and "y = id(1/3 h1 + 1/3 h2 + 1/3 h3)"
                in text, text)
        t.check("sigmoid x: report", report.startswith(
            "sigmoid: f = x on [0, 1], epsilon = 1/4\n"
            "hidden neurons: 3 (logistic[16]), 3 cells of width 1/3\n"
            "proven: |f - F| <= 0.213214 = 1/6 (interpolation) + 0.0465471 (tails of the steps)\n"), report)
    # Two inputs, inferred from the variables.
    text, report = t.build("sigmoid x1*x2", "sigmoid", "--function", "x1*x2", "--epsilon", "1/4")
    if text is not None:
        t.check("sigmoid x1*x2: inputs", "input x1, x2" in text, text)
        t.check("sigmoid x1*x2: degree 2", "of a polynomial of degree 2" in report, report)
        worst = max((abs(float(x[0] * x[1]) - y) for x, y in t.evaluate("sigmoid x1*x2", text, "0:1:21", "double")),
                    default=1)
        t.check("sigmoid x1*x2: error at the grid points <= epsilon", worst <= 0.25, str(worst))


def test_cubes(t):
    text, report = t.build("cubes disc", "cubes", "--set", "x1^2 + x2^2 <= 1/4", "--cube-size", "1/4", "--box",
                           "-1:1")
    if text is None:
        return
    t.check("cubes disc: Built with", "Built with: nnsim build approx cubes --set 'x1^2 + x2^2 <= 1/4' --cube-size "
            "1/4 --box -1:1" in comment_lines(text), text)
    t.check("cubes disc: report first line",
            report.startswith("cubes: side 1/4 on [-1, 1] x [-1, 1]: 64 cubes: "), report)
    # Every point of the disc is in a kept cube (y = 1); every point farther than a cube's
    # diagonal from the disc is in none (y = 0).
    for inputs, y in t.evaluate("cubes disc", text, "-1:1:41"):
        x1, x2 = (float(v) for v in inputs)
        r = math.hypot(x1, x2)
        if r <= 0.5:
            t.check(f"cubes disc: ({x1}, {x2}) in the disc is covered", y == 1, str(y))
        if r > 0.5 + math.sqrt(2) / 4:
            t.check(f"cubes disc: ({x1}, {x2}) far from the disc is not", y == 0, str(y))
    text, report = t.build("cubes x1 < 1/2, --inputs 2", "cubes", "--set", "x1 < 1/2", "--cube-size", "1/4",
                           "--inputs", "2")
    if text is not None:
        t.check("cubes x1 < 1/2, --inputs 2: Built with", "Built with: nnsim build approx cubes --set 'x1 < 1/2' "
                "--cube-size 1/4 --inputs 2" in comment_lines(text), text)
    # One dimension, by hand: [0, 1/4] inside, [1/4, 1/2] meets x < 1/3, bound 3/16.
    text, report = t.build("cubes 1-D", "cubes", "--set", "x < 1/3", "--cube-size", "1/4")
    if text is not None:
        t.check("cubes 1-D: report", report == (
            "cubes: side 1/4 on [0, 1]: 4 cubes: 1 inside the set, 1 meeting it, 0 ambiguous (kept), 2 dropped\n"
            "neurons: 4 half-spaces (layer 1), 2 cubes (layer 2, AND), 1 OR (layer 3)\n"
            "proven: the misclassified points have measure <= 3/16 (of 1), and >= 5/32\n"), report)
        # The check's epsilon: 3/16 with room for the check's own slack (3/16 * 33/32 + 2^-20,
        # 0.1933…), rounded up to two digits.
        t.check("cubes 1-D: Check with", "Check with: nnsim check approx FILE --set 'x < 1/3' --epsilon 0.2"
                in comment_lines(text), text)


def test_output_file(t):
    result = t.run("build", "approx", "relu", "--function", "x^2", "--epsilon", "1/10", "-o", "square.nn")
    t.check("-o: exit code 0", result.returncode == 0, result.stderr)
    t.check("-o: nothing on standard output", result.stdout == "", result.stdout)
    t.check("-o: the report on standard error", result.stderr.startswith("relu: f(x) = x^2 on [0, 1]"), result.stderr)
    text = t.read("square.nn")
    t.check("-o: Built with", "Built with: nnsim build approx relu --function 'x^2' --epsilon 1/10 -o square.nn"
            in comment_lines(text), text)
    t.check("-o: Check with", "Check with: nnsim check approx square.nn --function 'x^2' --epsilon 1/10"
            in comment_lines(text), text)
    info = t.run("info", "square.nn")
    t.check("-o: the file loads", info.returncode == 0 and "architecture: acyclic" in info.stdout, info.stdout)


def test_errors(t):
    cases = [
        (["relu", "--epsilon", "1/10"],
         "build approx relu needs either --function (a function of x) or --set (a set of x)"),
        (["relu", "--function", "sin(3*x", "--epsilon", "1/10"],
         "invalid --function 'sin(3*x': missing ')' to close this '(' (at column 4)"),
        (["relu", "--function", "x2 + 1", "--epsilon", "1/10"],
         "invalid --function 'x2 + 1': undefined name 'x2'; did you mean 'x'? (at column 1)"),
        (["sigmoid", "--function", "x1 + x3", "--epsilon", "1/4", "--inputs", "2"],
         "invalid --function 'x1 + x3': undefined name 'x3'; did you mean 'x1'? (at column 6)"),
        (["relu", "--set", "x << 1/2", "--epsilon", "1/10"],
         "invalid --set 'x << 1/2': expected a number, a name or '(', found '<' (at column 4)"),
        (["relu", "--function", "x", "--epsilon", "0"], "invalid --epsilon '0': it must be positive"),
        (["relu", "--function", "x", "--epsilon", "-1/2"], "invalid --epsilon '-1/2': it must be positive"),
        (["relu", "--function", "sqrt(x - 1/2)", "--epsilon", "1/10"],
         "f is not defined at x = 0: sqrt of a negative number"),
        (["relu", "--function", "1/x", "--epsilon", "1/10", "--box", "-1:1"],
         "f is not defined at x = 0: division by zero"),
        (["relu", "--function", "sin(100*x)", "--epsilon", "1/1000", "--max-neurons", "100"],
         "the approximation needs more than 100 cells (raise --max-neurons, or give a larger epsilon)"),
        (["relu", "--function", "x", "--epsilon", "1/10", "--cube-size", "1/2"],
         "--cube-size is not an option of build approx relu (it is for cubes)"),
        (["cubes", "--set", "x1 < 1/2", "--cube-size", "2"],
         "the cube size 2 is larger than the box's side 1 (coordinate 1)"),
        (["cubes", "--set", "x1 < 1/2", "--cube-size", "0"], "invalid --cube-size '0': it must be positive"),
        (["cubes", "--set", "x1 < 1/2"], "build approx cubes needs --cube-size"),
        (["cubes", "--set", "x1^2 + x2^2 < 1", "--cube-size", "1/1000", "--max-neurons", "1000"],
         "more than 1000 cubes meet the set, so the network would have more than 1000 neurons "
         "(raise --max-neurons, or give a larger --cube-size)"),
        (["sigmoid", "--function", "x1 + x2 + x3", "--epsilon", "1/4"],
         "build approx sigmoid is built for one or two inputs, not 3"),
        (["sigmoid", "--set", "x < 1", "--epsilon", "1/4"],
         "--set is not an option of build approx sigmoid (it approximates a function: give --function)"),
        (["spline", "--function", "x"], "unknown construction 'spline' (relu, sigmoid or cubes)"),
    ]
    for args, message in cases:
        t.expect(f"error {' '.join(args)}", ["build", "approx", *args], 2, stdout="",
                 stderr_first_line=f"nnsim: error: {message}")


def test_extremes(t):
    t.expect("values beyond a double", ["build", "approx", "sigmoid", "--inputs", "2", "--function", "exp(1000*x1)",
                                        "--epsilon", "1/10"], 2,
             stderr="nnsim: error: f's values are too large for the polynomial fit (they overflow a double)\n")
    t.expect("too many cubes", ["build", "approx", "cubes", "--set", "x1 < 1/2", "--cube-size", "2^-40",
                                "--inputs", "2"], 2,
             stderr="nnsim: error: a grid of cubes of side 1/1099511627776 on [0, 1] x [0, 1] has more than 10000000 "
                    "cubes (give a larger --cube-size)\n")
    # A comparison undefined everywhere is false, in either order of `or`: only (1/2, 1] is in the set.
    for text in ["sqrt(x - 2) < 1 or x > 1/2", "x > 1/2 or sqrt(x - 2) < 1"]:
        result = t.expect(f"undefined comparison: {text}", ["build", "approx", "relu", "--set", text, "--epsilon",
                                                           "1/100"], 0)
        # The cell [1/2, 65/128] is ambiguous (x > 1/2 fails at its left end), the rest decided.
        t.check(f"one run: {text}", "runs where F > 0: (65/128, 1)\n" in result.stderr, result.stderr)


def test_help(t):
    result = t.run("build", "approx", "--help")
    t.check("help: exit 0", result.returncode == 0, result.stderr)
    for option in ("--function", "--set", "--epsilon", "--lipschitz", "--inputs", "--cube-size", "--box",
                   "--max-neurons", "-o,--output"):
        t.check(f"help: {option}", option in result.stdout, result.stdout)


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_extremes, test_relu_exact, test_relu_functions, test_relu_set, test_sigmoid, test_cubes,
                              test_output_file, test_errors, test_help], "nnsim-approx-build-", Tester))
