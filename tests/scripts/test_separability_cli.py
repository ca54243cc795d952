#!/usr/bin/env python3
"""Command-line tests of `nnsim separable`, `nnsim check boolean` and
`nnsim learn perceptron`: JSON shapes, exit codes, exact error messages, and
the numbers checked by independent routes computed here (a brute force over
small integer weights for the separable counts, the construction's
definition for the hidden-neuron counts, a hand-computed perceptron run).

Usage: python3 tests/scripts/test_separability_cli.py PATH_TO_nnsim

Standard library only.  Prints one line per failure and `N passed, M failed`
at the end; exits 1 when anything failed.
"""

import itertools
import json
import os
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

# OEIS A000609: threshold functions of n variables, n = 0 .. 4.
A000609 = [2, 4, 14, 104, 1882]


class Tester(cli_tester.Tester):
    def json_of(self, name, args, code=0):
        """Runs nnsim, expecting the exit code, and returns the JSON value it
        printed ({} and a failed check when it is not JSON)."""
        result = self.expect(name, args, code)
        try:
            return json.loads(result.stdout)
        except ValueError:
            self.check(f"{name}: stdout is JSON", False, repr(result.stdout))
            return {}


def inputs(n):
    """The 0/1 vectors of n bits in binary counting order, x1 most significant."""
    return [tuple((v >> (n - 1 - i)) & 1 for i in range(n)) for v in range(2 ** n)]


def threshold_tables(n, max_weight, max_bias):
    """Every truth table step(b + w·x) computes with small integer w, b."""
    tables = set()
    points = inputs(n)
    for w in itertools.product(range(-max_weight, max_weight + 1), repeat=n):
        for b in range(-max_bias, max_bias + 1):
            tables.add("".join("1" if b + sum(wi * xi for wi, xi in zip(w, x)) >= 0 else "0" for x in points))
    return tables


def check_separable_answer(t, name, table, obj):
    """The answer proves itself: weights right on every input, or the two
    convex combinations equal (recomputed here with fractions)."""
    n = len(table).bit_length() - 1
    points = inputs(n)
    if obj.get("separable") is True:
        t.check(f"{name}: keys", list(obj) == ["separable", "weights", "bias"], obj)
        w = [int(v) for v in obj["weights"]]
        b = int(obj["bias"])
        t.check(f"{name}: weights right on every input",
                all((b + sum(wi * xi for wi, xi in zip(w, x)) >= 0) == (table[k] == "1")
                    for k, x in enumerate(points)), obj)
    elif obj.get("separable") is False:
        t.check(f"{name}: keys", list(obj) == ["separable", "certificate"], obj)
        c = obj["certificate"]
        t.check(f"{name}: certificate keys",
                list(c) == ["ones", "ones_coefficients", "zeros", "zeros_coefficients"], c)
        sides = []
        for key, value in (("ones", "1"), ("zeros", "0")):
            coefficients = [Fraction(q) for q in c[key + "_coefficients"]]
            t.check(f"{name}: {key} coefficients positive, sum 1",
                    all(q > 0 for q in coefficients) and sum(coefficients) == 1, c)
            t.check(f"{name}: {key} have F = {value}",
                    all(table[points.index(tuple(p))] == value for p in c[key]), c)
            sides.append([sum(q * p[d] for q, p in zip(coefficients, c[key])) for d in range(n)])
        t.check(f"{name}: both sides are the same point", sides[0] == sides[1], c)
    else:
        t.check(f"{name}: has 'separable'", False, obj)


def test_separable(t):
    obj = t.json_of("separable 0110 --json", ["separable", "0110", "--json"])
    t.check("XOR certificate", obj == {"separable": False, "certificate": {
        "ones": [[0, 1], [1, 0]], "ones_coefficients": ["1/2", "1/2"],
        "zeros": [[0, 0], [1, 1]], "zeros_coefficients": ["1/2", "1/2"]}}, obj)
    check_separable_answer(t, "separable 0110", "0110", obj)
    result = t.expect("separable 0110 JSON on one line", ["separable", "0110", "--json"], 0)
    t.check("separable 0110 --json: exact text", result.stdout ==
            '{"separable": false, "certificate": {"ones": [[0, 1], [1, 0]], "ones_coefficients": ["1/2", "1/2"], '
            '"zeros": [[0, 0], [1, 1]], "zeros_coefficients": ["1/2", "1/2"]}}\n', result.stdout)
    t.expect("separable 0001 --json", ["separable", "0001", "--json"], 0,
             stdout='{"separable": true, "weights": ["1", "1"], "bias": "-2"}\n', stderr="")

    # A sample of the functions of three inputs (every one is checked in
    # tests/linear_separability_test.cpp), and a few of four: the answers
    # prove themselves and agree with the brute force.
    separable3 = threshold_tables(3, 3, 4)
    for k in range(0, 256, 5):
        table = format(k, "08b")
        obj = t.json_of(f"separable {table}", ["separable", table, "--json"])
        check_separable_answer(t, f"separable {table}", table, obj)
        t.check(f"separable {table}: agrees with the brute force", obj.get("separable") == (table in separable3), obj)
    for table in ["0110100110010110", "0001000100011111", "1000000000000001", "0000000100010111"]:
        obj = t.json_of(f"separable {table}", ["separable", table, "--json"])
        check_separable_answer(t, f"separable {table}", table, obj)

    obj = t.json_of("separable --formula", ["separable", "--formula", "x1 ^ x2 ^ x3", "--json"])
    check_separable_answer(t, "separable --formula x1 ^ x2 ^ x3", "01101001", obj)
    obj = t.json_of("separable --formula --arity", ["separable", "--formula", "x1 & x2", "--arity", "3", "--json"])
    check_separable_answer(t, "separable --formula x1 & x2 --arity 3", "00000011", obj)

    result = t.expect("separable 0110 (text)", ["separable", "0110"], 0, stderr="")
    t.check("separable 0110: the certificate equation",
            "  1/2·(0,1) + 1/2·(1,0) = (1/2,1/2) = 1/2·(0,0) + 1/2·(1,1)\n" in result.stdout, result.stdout)
    result = t.expect("separable 0001 (text)", ["separable", "0001"], 0, stderr="")
    t.check("separable 0001: the neuron", "  y = step(-2 + x1 + x2)\n" in result.stdout, result.stdout)
    t.check("separable 0001: the network", result.stdout.endswith("y = step(-2 + x1 + x2)\n")
            and "\nnetwork separable\n" in result.stdout, result.stdout)

    t.expect("separable: bad table", ["separable", "0120"], 2, stdout="",
             stderr_first_line="nnsim: error: truth table: column 3: expected 0 or 1, found '2'")
    t.expect("separable: no function", ["separable"], 2, stdout="",
             stderr_first_line="nnsim: error: give the function as a truth table (e.g. 0110) or with --formula "
                               "(e.g. 'x1 ^ x2')")
    t.expect("separable: both", ["separable", "0110", "--formula", "x1"], 2,
             stderr_first_line="nnsim: error: give the function as a truth table or with --formula, not both")
    result = t.expect("separable: bad table --json", ["separable", "011", "--json"], 2)
    try:
        obj = json.loads(result.stdout)
        t.check("separable: bad table --json: an error object", list(obj) == ["error"], obj)
    except ValueError:
        t.check("separable: bad table --json: stdout is JSON", False, repr(result.stdout))


A000370 = [1, 2, 4, 14, 222, 616126]  # NPN classes of n inputs


def test_check_boolean(t):
    for n in range(5):
        obj = t.json_of(f"check boolean --arity {n}", ["check", "boolean", "--arity", str(n), "--json"])
        functions = 2 ** (2 ** n)
        t.check(f"check boolean {n}: keys", list(obj) == ["arity", "functions", "verified", "separable",
                                                          "hidden_neurons_total", "hidden_neurons_max"], obj)
        t.check(f"check boolean {n}: arity and functions", (obj.get("arity"), obj.get("functions")) == (n, functions),
                obj)
        t.check(f"check boolean {n}: all verified", obj.get("verified") == functions, obj)
        # One hidden neuron per input with F = 1, none for the constant 1.
        t.check(f"check boolean {n}: hidden neurons",
                (obj.get("hidden_neurons_total"), obj.get("hidden_neurons_max"))
                == (2 ** n * functions // 2 - 2 ** n, 2 ** n - 1), obj)
        t.check(f"check boolean {n}: the published count", obj.get("separable") == A000609[n], obj)
    # The same counts by brute force here (weights up to 3 suffice for n <= 4).
    for n in range(5):
        count = len(threshold_tables(n, 3, 7))
        t.check(f"brute force {n}: the published count", count == A000609[n], count)

    result = t.expect("check boolean --arity 3 (text)", ["check", "boolean", "--arity", "3"], 0, stderr="")
    t.check("check boolean 3: summary", "two-layer networks verified:  256 of 256" in result.stdout
            and "linearly separable:           104 of 256" in result.stdout, result.stdout)
    obj = t.json_of("check boolean --full-simulation", ["check", "boolean", "--arity", "2", "--full-simulation",
                                                         "--json"])
    t.check("check boolean --full-simulation", obj.get("verified") == 16 and obj.get("separable") == 14, obj)
    t.expect("check boolean --arity 6", ["check", "boolean", "--arity", "6"], 2, stdout="",
             stderr="nnsim: error: check boolean: arity 6 is too large: there are 2^(2^n) functions of n inputs, "
                    "and at most n = 5 is checked\n")
    minimize_refused = ("nnsim: error: check boolean: the minimized construction is checked function by function, "
                        "for at most 4 inputs (its choice among minimum covers need not follow the permutations and "
                        "negations of the inputs, so NPN classes prove nothing for it)\n")
    t.expect("check boolean --arity 5 --minimize", ["check", "boolean", "--arity", "5", "--minimize"], 2,
             stdout="", stderr=minimize_refused)
    t.expect("check boolean --npn-classes --minimize",
             ["check", "boolean", "--arity", "3", "--npn-classes", "--minimize"], 2, stdout="",
             stderr=minimize_refused)
    # Through NPN classes: every field of the function-by-function report,
    # and the number of classes, OEIS A000370.
    for construction in ([], ["--cnf"]):
        for n in range(5):
            command = ["check", "boolean", "--arity", str(n), "--json"] + construction
            one_by_one = t.json_of(" ".join(command), command)
            by_class = t.json_of(" ".join(command + ["--npn-classes"]), command + ["--npn-classes"])
            t.check(f"{' '.join(command)} --npn-classes: keys",
                    list(by_class) == ["arity", "functions", "npn_classes"] + list(one_by_one)[2:], by_class)
            t.check(f"{' '.join(command)} --npn-classes: classes", by_class.get("npn_classes") == A000370[n],
                    by_class)
            t.check(f"{' '.join(command)} --npn-classes: the same report",
                    {k: v for k, v in by_class.items() if k != "npn_classes"} == one_by_one, (by_class, one_by_one))
    t.expect("check boolean without --arity", ["check", "boolean"], 2,
             stderr_first_line="nnsim: error: nnsim check boolean needs --arity N")
    t.expect("check boolean --arity x", ["check", "boolean", "--arity", "x"], 2,
             stderr_first_line="nnsim: error: --arity: 'x' is not a whole number")
    t.expect("check without a check", ["check"], 2)


AND = "x1,x2,y\n0,0,0\n0,1,0\n1,0,0\n1,1,1\n"
XOR = "# XOR\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n"


def test_learn_perceptron(t):
    t.write("and.csv", AND)
    t.write("xor.csv", XOR)
    t.write("bad.csv", "a,b,t\n0,0,0\n0,x1,1\n")

    obj = t.json_of("learn perceptron and.csv", ["learn", "perceptron", "and.csv", "--json"])
    t.check("AND: keys", list(obj) == ["examples", "inputs", "target", "rate", "epochs", "converged", "weights",
                                       "bias", "separability", "network"], list(obj))
    # The run computed by hand in tests/perceptron_test.cpp.
    t.check("AND: errors per epoch", [e["errors"] for e in obj.get("epochs", [])] == [2, 3, 3, 2, 1, 0], obj)
    t.check("AND: converged to 2, 1; -3", (obj.get("converged"), obj.get("weights"), obj.get("bias"))
            == (True, ["2", "1"], "-3"), obj)
    t.check("AND: separable", obj.get("separability", {}).get("separable") is True, obj)

    obj = t.json_of("learn perceptron xor.csv", ["learn", "perceptron", "xor.csv", "--json"])
    t.check("XOR: not converged, a cycle", obj.get("converged") is False
            and obj.get("cycle") == {"start": 2, "period": 1}, obj)
    separability = obj.get("separability", {})
    t.check("XOR: not separable", separability.get("separable") is False
            and separability["certificate"]["ones_coefficients"] == ["1/2", "1/2"], separability)

    result = t.expect("learn perceptron xor.csv (text)", ["learn", "perceptron", "xor.csv"], 0, stderr="")
    t.check("XOR: explains", "The data is not linearly separable (decided exactly)" in result.stdout
            and "1/2·(0,1) + 1/2·(1,0) = (1/2,1/2) = 1/2·(0,0) + 1/2·(1,1)" in result.stdout, result.stdout)

    t.expect("learn perceptron -o", ["learn", "perceptron", "and.csv", "-o", "and.nn"], 0, stderr="")
    t.expect("the learned network computes AND", ["truth", "and.nn", "--expect", "0001"], 0)
    t.expect("learn perceptron --rate 1/2", ["learn", "perceptron", "and.csv", "--rate", "1/2", "--json"], 0)

    t.expect("learn perceptron: bad CSV", ["learn", "perceptron", "bad.csv"], 2, stdout="",
             stderr="bad.csv:3:3: error: invalid number 'x1'\n  0,x1,1\n    ^\n")
    t.expect("learn perceptron: missing file", ["learn", "perceptron", "missing.csv"], 2,
             stderr="nnsim: error: cannot read 'missing.csv': No such file or directory\n")
    t.expect("learn perceptron: --rate 0", ["learn", "perceptron", "and.csv", "--rate", "0"], 2,
             stderr="nnsim: error: --rate: the learning rate must be positive, not 0\n")
    t.expect("learn perceptron: --initial-weights", ["learn", "perceptron", "and.csv", "--initial-weights", "1"], 2,
             stderr="nnsim: error: --initial-weights gives 1 value, but the data has 2 inputs\n")


def test_help(t):
    for command in [["separable"], ["check", "boolean"], ["learn", "perceptron"], ["check"], ["learn"]]:
        name = " ".join(command)
        result = t.expect(f"{name} --help", [*command, "--help"], 0, stderr="")
        t.check(f"{name} --help: an example", "Examples:\n" in result.stdout
                and f"  nnsim {name} " in result.stdout, result.stdout)


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_separable, test_check_boolean, test_learn_perceptron, test_help],
                             "nnsim-separability-", Tester))
