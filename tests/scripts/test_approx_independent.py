#!/usr/bin/env python3
"""`nnsim check approx` against an independent route: the network's
function evaluated by the Python reference parser (tests/reference) in exact
fractions (logistic in floating point), f by Python's math module, on a fine
grid of points.  Every sampled error must lie under the proven bound, the
error at the reported witness must reach the proven lower bound, and the bound
must be close to the largest sampled error (it is a tight bound, not just a
bound).  For sets, the misclassified fraction of a fine grid of cell centres
must lie in the proven interval, up to the cells that meet A's boundary.

Usage: python3 tests/scripts/test_approx_independent.py PATH_TO_nnsim
Run from the repository root (CTest does).  Standard library only.
"""

import math
import os
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "reference"))
import cli_tester  # noqa: E402
import nn_reference  # noqa: E402

ROOT = os.getcwd()


def network_function(text):
    """F as a Python function of a list of Fractions (the inputs in order)."""
    net = nn_reference.parse_network(text)
    layer = nn_reference.layers(net)
    order = sorted(net.equations, key=lambda name: layer[name])
    output = net.outputs[0]

    def activate(eq, x):
        if eq.act == "logistic":
            lam = eq.act_param if eq.act_param is not None else 1
            z = -float(lam) * float(x)
            return 0.0 if z > 700 else 1.0 / (1.0 + math.exp(z))
        if eq.act == "tanh":
            return math.tanh(float(x))
        return nn_reference._activate(eq.act, x)

    def evaluate(point):
        y = {name: Fraction(0) for name in net.neurons}
        y.update(net.inits)
        for name, value in zip(net.inputs, point):
            y[name] = value
        for name in order:
            if name in net.inputs:
                continue
            eq = net.equations[name]
            x = eq.bias
            for u, c in eq.coeffs.items():
                x += c * y[u]
            y[name] = activate(eq, x)
        return y[output]

    return evaluate


def python_function(expression, names):
    """f from the expression language, for Python: ^ is **, functions from math."""
    code = compile(expression.replace("^", "**"), "<f>", "eval")
    scope = {"sqrt": math.sqrt, "exp": math.exp, "log": math.log, "sin": math.sin, "cos": math.cos,
             "tanh": math.tanh, "abs": abs, "min": min, "max": max, "pi": math.pi, "e": math.e}

    def evaluate(point):
        values = dict(scope)
        values.update({name: float(v) for name, v in zip(names, point)})
        return eval(code, {"__builtins__": {}}, values)  # noqa: S307 - the test's own expressions

    return evaluate


def grid(dimension, per_side, low=0, high=1):
    if dimension == 1:
        return [[Fraction(low) + Fraction(high - low) * i / per_side] for i in range(per_side + 1)]
    return [[Fraction(i, per_side), Fraction(j, per_side)] for i in range(per_side + 1) for j in range(per_side + 1)]


def check_function(t, name, text, expression, epsilon, per_side, slack):
    path = t.write(name + ".nn", text)
    report = t.json_of(name, t.run("check", "approx", path, "--function", expression, "--epsilon", epsilon, "--json"))
    if not report:
        return
    big_f = network_function(text)
    dimension = len(nn_reference.parse_network(text).inputs)
    names = ["x"] if dimension == 1 else ["x1", "x2"]
    f = python_function(expression, names)
    largest = max(abs(f(p) - float(big_f(p))) for p in grid(dimension, per_side))
    bound, attained = Fraction(report["bound"]), Fraction(report["attained"])
    witness = [Fraction(c) for c in report["witness"]]
    at_witness = abs(f(witness) - float(big_f(witness)))
    t.check(f"{name}: every sampled error is under the bound", largest <= float(bound) * (1 + 1e-12) + 1e-15,
            (largest, float(bound)))
    t.check(f"{name}: the witness reaches the lower bound", at_witness >= float(attained) * (1 - 1e-12) - 1e-15,
            (at_witness, float(attained)))
    # The check stops within 1/256 (relative) or epsilon/64 of the error it found.
    room = max(largest * (1 / 256 + slack), float(Fraction(epsilon)) / 64) + 1e-12
    t.check(f"{name}: the bound is tight", float(bound) <= largest + room, (largest, float(bound)))


def relu_interpolant(expression, knots):
    """The ReLU network through (t, f(t)) at the knots, values rounded to multiples of 2^-20."""
    f = python_function(expression, ["x"])
    ts = [Fraction(i, knots) for i in range(knots + 1)]
    vs = [Fraction(round(f([t]) * 2**20), 2**20) for t in ts]
    lines = ["input x", "output y", "rule layered"]
    terms, previous = [], Fraction(0)
    for i in range(knots):
        slope = (vs[i + 1] - vs[i]) / (ts[i + 1] - ts[i])
        lines.append(f"h{i} = relu(x - {ts[i]})")
        change = slope - previous
        previous = slope
        terms.append(f"+ {change} h{i}" if change >= 0 else f"- {-change} h{i}")
    lines.append(f"y = id({vs[0]} " + " ".join(terms) + ")")
    return "\n".join(lines) + "\n"


def test_functions(t):
    check_function(t, "square", open(os.path.join(ROOT, "networks/approximation/square_by_hand.nn")).read(),
                   "x^2", "1/16", 4096, 1e-9)
    check_function(t, "sine", relu_interpolant("sin(3*x)^2", 64), "sin(3*x)^2", "1/100", 6000, 0.01)
    check_function(t, "root", relu_interpolant("sqrt(x)", 16), "sqrt(x)", "1/10", 6000, 0.01)
    check_function(t, "kink", relu_interpolant("abs(x - 1/3)", 8), "abs(x - 1/3)", "1/10", 6000, 0.01)
    steps = "input x\noutput y\nh1 = logistic[40](x - 1/4)\nh2 = logistic[40](x - 3/4)\ny = id(1/2 h1 + 1/2 h2)\n"
    check_function(t, "logistic", steps, "x", "1/2", 6000, 0.01)
    plane = "input x1, x2\noutput y\nh = relu(x1 - x2)\ny = id(x2 + h)\n"  # max(x1, x2)
    check_function(t, "plane", plane, "(x1 + x2)/2 + x1*x2/4", "1/2", 200, 0.02)


def test_sets(t):
    text = open(os.path.join(ROOT, "networks/lecture/xor.nn")).read()
    big_f = network_function(text)
    for name, predicate, inside in [
        ("disc", "x1^2 + x2^2 <= 1/4", lambda a, b: a * a + b * b <= 0.25),
        ("half", "x1 + x2 > 1", lambda a, b: a + b > 1),
    ]:
        report = t.json_of(name, t.run("check", "approx", os.path.join(ROOT, "networks/lecture/xor.nn"), "--set",
                                       predicate, "--epsilon", "1/200", "--json"))
        if not report:
            continue
        n = 200
        wrong = 0
        for i in range(n):
            for j in range(n):
                a, b = Fraction(2 * i + 1, 2 * n), Fraction(2 * j + 1, 2 * n)
                wrong += (big_f([a, b]) > 0) != inside(float(a), float(b))
        fraction = wrong / n**2
        # Cells that meet one of the three boundaries (the two lines and A's) may be counted wrongly either
        # way: at most about 3 * sqrt(2) * n cells of n^2.
        margin = 3 * 1.5 * n / n**2
        low, high = float(Fraction(report["misclassified"])), float(Fraction(report["bound"]))
        t.check(f"{name}: sampled fraction within the proven interval", low - margin <= fraction <= high + margin,
                (low, fraction, high))


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_functions, test_sets], "nnsim-approx-independent-"))
