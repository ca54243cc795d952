#!/usr/bin/env python3
"""Command-line tests of the Boolean-function commands: `nnsim build gate`,
`nnsim build boolean` and `nnsim truth`: exit codes 0/1/2, exact messages,
the JSON shape, and every built network checked on every input.

Usage: python3 tests/scripts/test_boolean_cli.py PATH_TO_nnsim

The expected functions are computed here in Python (popcounts, truth tables),
independently of the C++ code; the networks are run by `nnsim truth --json`.
Standard library only.  Prints one line per failure and `N passed, M failed`
at the end; exits 1 when anything failed.
"""

import json
import os
import random
import shlex
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

XOR_TEXT = """\
# XOR of two bits: the lecture's two-layer network of unit-step neurons (no single neuron
# computes XOR: its ones (1,0), (0,1) and zeros (0,0), (1,1) are not linearly separable).
# Built with: nnsim build gate xor
# Check with: nnsim truth FILE --expect 0110
network xor
input x1, x2
output y
rule parallel

# P1: -1 + 2 x1 + 2 x2 >= 0, at least one input is 1 (OR)
h1 = step(-1 + 2 x1 + 2 x2)

# P2: 3 - 2 x1 - 2 x2 >= 0, not both inputs are 1 (NAND)
h2 = step(3 - 2 x1 - 2 x2)

# AND of the two half-planes
y = step(-2 + h1 + h2)
"""

# y alternates on input 1 (y = step(1 - 2 y)), stays 0 on input 0.
BLINKER = """\
input x
output y
y = step(-1 + 2 x - 2 y)
"""

TWO_OUTPUTS = """\
input a, b
output p, q
p = step(-2 + a + b)
q = step(-1 + a + b)
"""


class Tester(cli_tester.Tester):
    shown_stdout = 2000

    def truth_of(self, name, network_text):
        """The output column of `nnsim truth - --json` for the network, or
        None when a row did not halt."""
        result = self.run("truth", "-", "--json", stdin=network_text)
        if result.returncode != 0:
            self.check(f"{name}: truth runs", False, result.stderr)
            return None
        data = json.loads(result.stdout)
        if any(status != "halted" for status in data["status"]):
            return None
        return "".join(row[0] for row in data["outputs"])


def table_of(n, function):
    """The truth table of `function` (of a tuple of n bits, x1 first) in
    binary counting order with x1 the most significant bit."""
    rows = []
    for v in range(2 ** n):
        bits = tuple((v >> (n - i)) & 1 for i in range(1, n + 1))
        rows.append("1" if function(bits) else "0")
    return "".join(rows)


def hidden_neurons(network_text):
    """Equations other than y's."""
    return sum(1 for line in network_text.splitlines()
               if " = step(" in line and not line.startswith("y = ") and not line.startswith("#"))


def test_gates(t):
    t.expect("build gate xor", ["build", "gate", "xor"], 0, stdout=XOR_TEXT, stderr="")
    gates = {
        "and": lambda b, n: sum(b) == n,
        "or": lambda b, n: sum(b) >= 1,
        "nand": lambda b, n: sum(b) < n,
        "nor": lambda b, n: sum(b) == 0,
        "majority": lambda b, n: 2 * sum(b) > n,
        "parity": lambda b, n: sum(b) % 2 == 1,
    }
    for n in range(1, 6):
        for name, function in gates.items():
            built = t.expect(f"build gate {name} --arity {n}", ["build", "gate", name, "--arity", str(n)], 0)
            expected = table_of(n, lambda b: function(b, n))
            t.check(f"gate {name} of {n}: truth table", t.truth_of(name, built.stdout) == expected)
            t.check(f"gate {name} of {n}: neurons", hidden_neurons(built.stdout) == (n if name == "parity" else 0))
        for k in range(1, n + 1):
            built = t.expect(f"build gate atleast:{k} --arity {n}", ["build", "gate", f"atleast:{k}", "--arity", str(n)], 0)
            t.check(f"gate atleast:{k} of {n}: truth table",
                    t.truth_of("atleast", built.stdout) == table_of(n, lambda b: sum(b) >= k))
    built = t.expect("build gate not", ["build", "gate", "not"], 0)
    t.check("gate not: truth table", t.truth_of("not", built.stdout) == "10")

    # The "Check with" line of a file written with -o is a command that passes.
    t.expect("build gate majority -o", ["build", "gate", "majority", "--arity", "5", "-o", "maj5.nn"], 0, stdout="")
    text = t.read("maj5.nn")
    check_lines = [line for line in text.splitlines() if line.startswith("# Check with: ")]
    t.check("majority: a check line", len(check_lines) == 1, text)
    if check_lines:
        args = shlex.split(check_lines[0][len("# Check with: "):])
        t.check("majority: the check line names the file", args[:3] == ["nnsim", "truth", "maj5.nn"], args)
        t.expect("majority: the check line passes", args[1:], 0)
    t.check("majority: built-with line", "# Built with: nnsim build gate majority --arity 5 -o maj5.nn\n" in text)

    t.expect("unknown gate", ["build", "gate", "andd"], 2, stdout="",
             stderr="nnsim: error: unknown gate 'andd'; did you mean 'and'?\n")
    t.expect("unknown gate, nothing close", ["build", "gate", "frobnicator"], 2, stdout="",
             stderr="nnsim: error: unknown gate 'frobnicator' (the gates are and, or, not, nand, nor, majority, "
                    "atleast:K, xor, parity)\n")
    t.expect("xor of 3", ["build", "gate", "xor", "--arity", "3"], 2,
             stderr="nnsim: error: xor is the lecture's network for two inputs, not 3; for n inputs use parity\n")
    t.expect("atleast too large", ["build", "gate", "atleast:4", "--arity", "3"], 2,
             stderr="nnsim: error: atleast:4 needs at least 4 inputs, not 3\n")
    t.expect("bad arity", ["build", "gate", "and", "--arity", "-2"], 2,
             stderr="nnsim: error: --arity: '-2' is not a whole number\n")
    t.expect("missing gate name", ["build", "gate"], 2,
             stderr="nnsim: error: nnsim build gate needs a NAME argument\n(see 'nnsim build gate --help')\n")


def test_build_group(t):
    t.expect("build alone", ["build"], 2,
             stderr="nnsim: error: nnsim build needs one of its commands: gate, boolean, machine, oracle, approx, universal\n"
                    "(see 'nnsim build --help')\n")
    t.expect("build unknown", ["build", "machinery"], 2,
             stderr="nnsim: error: unknown build command 'machinery'; did you mean 'machine'?\n"
                    "(see 'nnsim build --help')\n")
    t.expect("build unknown, nothing close", ["build", "frobnicate"], 2,
             stderr="nnsim: error: unknown build command 'frobnicate' (they are gate, boolean, machine, oracle, approx, universal)\n"
                    "(see 'nnsim build --help')\n")
    t.expect("build gate bad option", ["build", "gate", "and", "--bogus"], 2,
             stderr="nnsim: error: nnsim build gate has no option '--bogus'\n"
                    "(see 'nnsim build gate --help')\n")


def test_boolean(t):
    forms = [[], ["--cnf"], ["--minimize"], ["--cnf", "--minimize"]]
    # All 16 functions of two inputs, and many random ones of 3 and 4, in all forms.
    tables = [format(code, "04b") for code in range(16)]
    rng = random.Random(4)
    tables += ["".join(rng.choice("01") for _ in range(8)) for _ in range(12)]
    tables += ["".join(rng.choice("01") for _ in range(16)) for _ in range(12)]
    for table in tables:
        for form in forms:
            built = t.expect(f"build boolean {table} {' '.join(form)}", ["build", "boolean", table, *form], 0)
            t.check(f"boolean {table} {form}: truth table", t.truth_of(table, built.stdout) == table, built.stdout)
            ones = table.count("1")
            constant = ones in (0, len(table))
            if not form:
                t.check(f"boolean {table}: one hidden neuron per one",
                        hidden_neurons(built.stdout) == (0 if constant else ones))
            if form == ["--cnf"]:
                t.check(f"boolean {table} --cnf: one hidden neuron per zero",
                        hidden_neurons(built.stdout) == (0 if constant else len(table) - ones))

    # Known minimum sums of products.
    for formula, count in [("x1 ^ x2", 2), ("x1 ^ x2 ^ x3", 4), ("x1&x2 | x1&x3 | x2&x3", 3),
                           ("x1 & x2 | !x1 & x3", 2), ("x1 ^ x2 ^ x3 ^ x4", 8)]:
        built = t.expect(f"minimize {formula}", ["build", "boolean", "--formula", formula, "--minimize"], 0)
        t.check(f"minimize {formula}: {count} hidden neurons", hidden_neurons(built.stdout) == count, built.stdout)
        t.check(f"minimize {formula}: comments name implicants", "# prime implicant " in built.stdout)

    # Comments name the vectors; --layered sets the rule; a formula with --arity.
    built = t.expect("build boolean 0110", ["build", "boolean", "0110"], 0)
    t.check("0110: N_v comment", "# N_v for v = (0,1): fires exactly on v\nn_01 = step(-1 - x1 + x2)\n" in built.stdout,
            built.stdout)
    t.check("0110: rule parallel", "\nrule parallel\n" in built.stdout)
    built = t.expect("--layered", ["build", "boolean", "0110", "--layered"], 0)
    t.check("--layered: rule layered", "\nrule layered\n" in built.stdout)
    built = t.expect("--formula --arity", ["build", "boolean", "--formula", "x1", "--arity", "3"], 0)
    t.check("--formula --arity: three inputs", "\ninput x1, x2, x3\n" in built.stdout)
    t.check("--formula: check line", "# Check with: nnsim truth FILE --expect-formula 'x1'\n" in built.stdout)

    t.expect("no function", ["build", "boolean"], 2,
             stderr="nnsim: error: give the function as a truth table (e.g. 0110) or with --formula (e.g. 'x1 ^ x2')\n")
    t.expect("both", ["build", "boolean", "0110", "--formula", "x1"], 2,
             stderr="nnsim: error: give the function as a truth table or with --formula, not both\n")
    t.expect("bad table", ["build", "boolean", "01x0"], 2, stdout="",
             stderr="nnsim: error: truth table: column 3: expected 0 or 1, found 'x'\n")
    t.expect("table length", ["build", "boolean", "011"], 2,
             stderr="nnsim: error: truth table: 3 characters; a table has 2^n characters (1, 2, 4, 8, ...), "
                    "one for each input vector\n")
    t.expect("bad formula", ["build", "boolean", "--formula", "(x1 & )"], 2,
             stderr="nnsim: error: formula: column 7: expected a variable, '(' or a constant, found ')'\n")
    t.expect("minimize too large", ["build", "boolean", "--formula", "x8", "--minimize"], 2,
             stderr="nnsim: error: minimizing a function of 8 inputs: the exact minimization handles at most 7 "
                    "inputs (the number of prime implicants grows like 3^n / n)\n")


def test_truth(t):
    xor = t.write("xor.nn", XOR_TEXT)
    table = ("x1 x2 | y | status\n"
             " 0  0 | 0 | halted\n"
             " 0  1 | 1 | halted\n"
             " 1  0 | 1 | halted\n"
             " 1  1 | 0 | halted\n"
             "4 rows: 4 halted; rule parallel; numbers rational (exact)\n")
    t.expect("truth", ["truth", xor], 0, stdout=table, stderr="")
    t.expect("truth --expect match", ["truth", xor, "--expect", "0110"], 0,
             stdout=table + "all 4 rows match the expected table 0110\n")
    t.expect("truth --expect-formula match", ["truth", xor, "--expect-formula", "x1^x2"], 0,
             stdout=table + "all 4 rows match the expected formula 'x1^x2'\n")
    t.expect("truth --expect mismatch", ["truth", xor, "--expect", "0111"], 1,
             stdout=table + "1 of 4 rows differ from the expected table 0111:\n"
                            "x1 x2 | y | expected | status\n"
                            " 1  1 | 0 |        1 | halted\n")
    t.expect("truth --expect-formula mismatch", ["truth", xor, "--expect-formula", "x1 | x2", "--rule", "layered"], 1)

    result = t.expect("truth --json", ["truth", xor, "--json"], 0)
    data = json.loads(result.stdout)
    t.check("truth --json: exactly the keys", list(data) == ["inputs", "outputs", "status"], result.stdout)
    t.check("truth --json: values", data == {"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]],
                                             "outputs": [["0"], ["1"], ["1"], ["0"]],
                                             "status": ["halted"] * 4}, result.stdout)
    result = t.expect("truth --json --expect", ["truth", xor, "--json", "--expect", "0001"], 1)
    data = json.loads(result.stdout)
    t.check("truth --json --expect: keys", list(data) == ["inputs", "outputs", "status", "mismatches"])
    t.check("truth --json --expect: mismatches", data.get("mismatches") == 3, result.stdout)

    blinker = t.write("blinker.nn", BLINKER)
    result = t.expect("truth diverges", ["truth", blinker, "--json"], 0)
    t.check("truth diverges: status", json.loads(result.stdout)["status"] == ["halted", "diverges"], result.stdout)
    t.expect("truth diverges --expect", ["truth", blinker, "--expect", "01"], 1)
    result = t.expect("truth undecided", ["truth", blinker, "--json", "--rule", "random", "--max-steps", "3"], 0)
    t.check("truth undecided: status", json.loads(result.stdout)["status"] == ["halted", "undecided"], result.stdout)

    two = t.write("two.nn", TWO_OUTPUTS)
    result = t.expect("truth two outputs", ["truth", two, "--json"], 0)
    t.check("truth two outputs: values", json.loads(result.stdout)["outputs"] == [["0", "0"], ["0", "1"], ["0", "1"],
                                                                                 ["1", "1"]], result.stdout)
    t.expect("truth two outputs --expect", ["truth", two, "--expect", "0001"], 2,
             stderr="nnsim: error: comparing with a Boolean function needs a network with one output neuron; "
                    "this one has 2\n")

    t.expect("truth --expect wrong length", ["truth", xor, "--expect", "01"], 2,
             stderr="nnsim: error: --expect: the table has 2 characters, for 1 input; the network has 2 inputs "
                    "(4 characters)\n")
    t.expect("truth --expect-formula too many variables", ["truth", xor, "--expect-formula", "x1 ^ x3"], 2,
             stderr="nnsim: error: --expect-formula uses x3, but the network has 2 inputs\n")
    t.expect("truth both expectations", ["truth", xor, "--expect", "0110", "--expect-formula", "x1"], 2)
    result = t.expect("truth --json error", ["truth", xor, "--json", "--expect-formula", "x1 ^"], 2)
    t.check("truth --json error: an error object",
            json.loads(result.stdout) == {"error": "formula: column 5: expected a variable, '(' or a constant, "
                                                   "found end of formula"}, result.stdout)
    wide = t.write("wide.nn", "input " + ", ".join(f"x{i}" for i in range(1, 22)) + "\noutput x1\n")
    t.expect("truth 21 inputs", ["truth", wide], 2,
             stderr="nnsim: error: a truth table runs the network on all 2^k inputs; the network has 21 input "
                    "neurons, at most 20 are allowed\n")
    t.expect("truth missing file", ["truth", "missing.nn"], 2,
             stderr="nnsim: error: cannot read 'missing.nn': No such file or directory\n")

    # A pipeline: build, then check from standard input, under every rule.
    built = t.run("build", "gate", "parity", "--arity", "4").stdout
    for rule in ["parallel", "sequential", "layered", "random:3"]:
        t.expect(f"parity 4 under {rule}",
                 ["truth", "-", "--rule", rule, "--expect-formula", "x1 ^ x2 ^ x3 ^ x4"], 0, stdin=built)
    t.expect("parity 4 in double", ["truth", "-", "--numbers", "double", "--expect", "0110100110010110"], 0,
             stdin=built)


def test_examples(t):
    """Each file in networks/boolean/ says how to check it; the check passes."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    folder = os.path.join(root, "networks", "boolean")
    names = sorted(name for name in os.listdir(folder) if name.endswith(".nn"))
    t.check("examples: there are some", len(names) >= 4, names)
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        t.check(f"example {name}: starts with a comment", text.startswith("# Example: "))
        lines = [line for line in text.splitlines() if line.startswith("# Check with: nnsim ")]
        t.check(f"example {name}: a check line", len(lines) == 1, text[:500])
        if lines:
            args = shlex.split(lines[0][len("# Check with: nnsim "):])
            result = subprocess.run([t.nnsim, *args], cwd=root, capture_output=True, text=True, timeout=120)
            t.check(f"example {name}: the check passes", result.returncode == 0, result.stdout + result.stderr)


def test_help(t):
    for command in [["build"], ["build", "gate"], ["build", "boolean"], ["truth"]]:
        result = t.expect(f"{' '.join(command)} --help", [*command, "--help"], 0, stderr="")
        t.check(f"{' '.join(command)} --help: an example",
                "Examples:\n" in result.stdout and f"  nnsim {' '.join(command)} " in result.stdout, result.stdout)


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_gates, test_build_group, test_boolean, test_truth, test_examples, test_help],
                             "nnsim-boolean-", Tester))
