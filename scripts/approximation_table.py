#!/usr/bin/env python3
"""Prints the table of docs/approximation.md, "Sizes and errors": for a few
functions and sets, the hidden neurons `nnsim build approx` uses, the bound
the construction guarantees, and the bound `nnsim check approx` proves.

Usage: python3 scripts/approximation_table.py [PATH_TO_nnsim] [--sets]
(default build/nnsim; --sets: only the sets' table)
"""

import decimal
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from fractions import Fraction

ARGUMENTS = [a for a in sys.argv[1:] if not a.startswith("--")]
NNSIM = ARGUMENTS[0] if ARGUMENTS else "build/nnsim"


def build(kind, arguments, path):
    result = subprocess.run([NNSIM, "build", "approx", kind, *arguments, "-o", path], capture_output=True, text=True,
                            check=True)
    return result.stderr


def check(path, arguments):
    result = subprocess.run([NNSIM, "check", "approx", path, *arguments, "--json"], capture_output=True, text=True)
    return json.loads(result.stdout)


def first(pattern, text):
    found = re.search(pattern, text)
    return found.group(1) if found else "?"


def functions(folder):
    print("| construction | f | ε | hidden neurons | textbook ⌈L/(2ε)⌉ | construction's bound | proven by check |")
    print("|---|---|---|---|---|---|---|")
    for kind, f in [("relu", "sin(3*x)^2"), ("relu", "sqrt(x)"), ("relu", "abs(x - 1/3)"), ("sigmoid", "sin(3*x)^2"),
                    ("sigmoid", "abs(x - 1/3)")]:
        # A sigmoid staircase within 1/1000 has thousands of steep steps: its check takes minutes.
        for epsilon in ["1/10", "1/100", "1/1000"] if kind == "relu" else ["1/10", "1/100"]:
            path = os.path.join(folder, "net.nn")
            report = build(kind, ["--function", f, "--epsilon", epsilon], path)
            hidden = first(r"hidden neurons: (\d+)", report)
            bound = first(r"proven: \|f - F\| <= ([0-9.e/+-]+)", report)
            textbook = "–"
            lipschitz = first(r"Lipschitz constant of f proven by interval arithmetic: <= ([0-9.e+-]+)", report)
            if kind == "relu" and lipschitz != "?":
                num, den = (int(p) for p in epsilon.split("/"))
                textbook = str(math.ceil(float(lipschitz) * den / (2 * num)))
            elif kind == "relu":
                textbook = "∞ (L unbounded)"
            proven = check(path, ["--function", f, "--epsilon", epsilon]).get("bound_decimal", "?")
            print(f"| {kind} | `{f}` | {epsilon} | {hidden} | {textbook} | {bound} | {proven} |", flush=True)


def interval(report):
    """[lower, upper] of a set check, as decimals."""
    low = Fraction(report.get("misclassified", "0"))
    # Six significant digits rounded down: still a proven lower bound.
    context = decimal.Context(prec=6, rounding=decimal.ROUND_FLOOR)
    shown = context.divide(decimal.Decimal(low.numerator), decimal.Decimal(low.denominator))
    return f"[{shown:f}, {report.get('bound_decimal', '?')}]"


def sets(folder):
    print()
    print("| construction | A | size | hidden neurons | construction's bound | misclassified measure proven by check |")
    print("|---|---|---|---|---|---|")
    disc = "x1^2 + x2^2 <= 1/4"
    for side in ["1/4", "1/8", "1/16", "1/32"]:
        path = os.path.join(folder, "cubes.nn")
        report = build("cubes", ["--set", disc, "--cube-size", side], path)
        layers = re.search(r"neurons: (\d+) half-spaces \(layer 1\), (\d+) cubes", report)
        hidden = int(layers.group(1)) + int(layers.group(2)) if layers else "?"
        bound = first(r"measure <= ([0-9.e/+-]+)", report)
        proven = check(path, ["--set", disc, "--epsilon", "1/1000"])
        print(f"| cubes | `{disc}` | h = {side} | {hidden} | {bound} | {interval(proven)} |")
    interval_set = "x < 1/3 or 1/2 < x < 3/4"
    for epsilon in ["1/10", "1/100", "1/1000"]:
        path = os.path.join(folder, "set.nn")
        report = build("relu", ["--set", interval_set, "--epsilon", epsilon], path)
        hidden = first(r"hidden neurons: (\d+)", report)
        bound = first(r"measure <= ([0-9.e/+-]+)", report)
        proven = check(path, ["--set", interval_set, "--epsilon", epsilon])
        print(f"| relu --set | `{interval_set}` | ε = {epsilon} | {hidden} | {bound} | {interval(proven)} |")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="nnsim-table-") as folder:
        if "--sets" not in sys.argv:
            functions(folder)
        sets(folder)
