#!/usr/bin/env python3
"""Command-line tests of nnsim: exit codes, exact error messages, JSON output.

Usage: python3 tests/scripts/test_cli.py PATH_TO_nnsim

The networks are written to a temporary directory and nnsim runs there, so
that file names in messages are short and stable.  Standard library only.
Prints one line per failure and `N passed, M failed` at the end; exits 1 when
anything failed.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

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

# Line 4, column 5 is the misspelt activation.
MISSPELT = """\
network bad
input x
output y
y = stpe(x)
"""

LOGISTIC = """\
network smooth
input x
output y
y = logistic(2 x)
"""

# s(t+1) = s(t)/3 + 1/7 from s(0) = 1/3: the denominators grow by a factor
# 3 every step, so any bit limit is eventually exceeded.
GROWING = """\
network growing
output s
init s = 1/3
s = id(1/3 s + 1/7)
"""

# x(t+1) = step(-x(t)): 0, 1, 0, ... from the start.
BLINKER = """\
network blinker
output x
x = step(-x)
"""

# The spec's recurrent example, written untidily for fmt.
UNTIDY = """\
network   untidy
output s
one  = sat(1)
s    = sat(1/4 s + 0.75*one + 0 one)   # a repeated neuron
init s = 2/4
"""


class Tester(cli_tester.Tester):
    timeout = 60


def test_errors(t):
    xor = t.write("xor.nn", XOR)
    t.write("bad.nn", MISSPELT)
    t.write("smooth.nn", LOGISTIC)
    t.write("growing.nn", GROWING)

    t.expect("missing file", ["run", "missing.nn"], 2,
             stdout="", stderr="nnsim: error: cannot read 'missing.nn': No such file or directory\n")
    t.expect("parse error", ["run", "bad.nn", "--input", "1"], 2, stdout="",
             stderr="bad.nn:4:5: error: unknown activation 'stpe'; did you mean 'step'?\n"
                    "  y = stpe(x)\n"
                    "      ^\n")
    t.expect("parse error from stdin", ["run", "-", "--input", "1"], 2, stdin=MISSPELT,
             stderr_first_line="<stdin>:4:5: error: unknown activation 'stpe'; did you mean 'step'?")
    t.expect("bad --numbers", ["run", xor, "--input", "1,0", "--numbers", "float"], 2, stdout="",
             stderr="nnsim: error: --numbers: unknown number mode 'float': expected rational, double, real:P, interval:P or certified\n"
                    "(see 'nnsim run --help')\n")
    t.expect("bad real precision", ["run", xor, "--input", "1,0", "--numbers", "real:1"], 2,
             stderr_first_line="nnsim: error: --numbers: invalid number mode 'real:1': "
                               "the precision of real:P must be an integer from 2 to 100000")
    t.expect("bad --rule", ["run", xor, "--input", "1,0", "--rule", "chaotic"], 2,
             stderr_first_line="nnsim: error: --rule: unknown rule 'chaotic': "
                               "expected parallel, sequential, layered, random or random:SEED")
    t.expect("bad --input value", ["run", xor, "--input", "1,x"], 2,
             stderr_first_line="nnsim: error: --input: invalid value 'x': expected a number")
    t.expect("negative --max-steps", ["run", xor, "--input", "1,0", "--max-steps", "-3"], 2,
             stderr_first_line="nnsim: error: --max-steps: '-3' is not a whole number")
    t.expect("unknown option", ["run", xor, "--bogus"], 2,
             stderr_first_line="nnsim: error: nnsim run has no option '--bogus'")
    t.expect("unknown command", ["frobnicate"], 2,
             stderr_first_line="nnsim: error: unknown command 'frobnicate' "
                               "(the commands are run, trace, view, step, eval, info, dot, fmt, encode, decode, recognize, tm, tag, truth, build, separable, check, learn, merge)")
    t.expect("no command", [], 2, stderr_first_line="nnsim: error: a command is required "
                                                   "(the commands are run, trace, view, step, eval, info, dot, fmt, encode, decode, recognize, tm, tag, truth, build, separable, check, learn, merge)")
    t.expect("--word on a two-input network", ["run", xor, "--word", "01"], 2, stdout="",
             stderr="nnsim: error: --word needs a network with one input neuron, but the network has "
                    "2 input neurons (x1, x2); use --input\n")
    t.expect("--word and --input", ["run", "smooth.nn", "--word", "0", "--input", "1"], 2,
             stderr_first_line="nnsim: error: only one of --input and --word may be given")
    t.expect("bad --word", ["run", "smooth.nn", "--word", "012", "--numbers", "double"], 2,
             stderr_first_line="nnsim: error: --word: invalid word '012': character '2' at position 3 is not 0 or 1")
    t.expect("too few inputs", ["run", xor, "--input", "1"], 2, stdout="",
             stderr="nnsim: error: --input gives 1 value, but the network has 2 input neurons (x1, x2)\n")
    t.expect("too many inputs", ["run", xor, "--input", "1,0,1"], 2,
             stderr="nnsim: error: --input gives 3 values, but the network has 2 input neurons (x1, x2)\n")
    t.expect("no inputs given", ["run", xor], 2,
             stderr="nnsim: error: the network has 2 input neurons (x1, x2); give their values with --input\n")
    t.expect("logistic in rational mode", ["run", "smooth.nn", "--input", "1"], 2, stdout="",
             stderr="smooth.nn:4:1: error: activation 'logistic' of neuron 'y' is not exact in rational mode; "
                    "run it with --numbers certified, interval:P, real:P or double\n"
                    "  y = logistic(2 x)\n"
                    "  ^\n")
    t.expect("--max-bits exceeded", ["run", "growing.nn", "--max-bits", "100"], 3, stdout="",
             stderr="nnsim: error: the value of neuron 's' at step 31 has 106 bits, more than the limit of 100 "
                    "(raise it with --max-bits)\n")
    t.expect("layered on a cyclic network", ["run", "growing.nn", "--rule", "layered"], 2,
             stderr_first_line="nnsim: error: rule 'layered' needs an acyclic network, but it has the cycle s -> s")

    # With --json, standard output holds only the error object.
    for name, args, code in [
        ("--json input error", ["run", xor, "--input", "1", "--json"], 2),
        ("--json located error", ["run", "smooth.nn", "--input", "1", "--json"], 2),
        ("--json limit error", ["run", "growing.nn", "--max-bits", "100", "--json"], 3),
        ("--json parse error", ["run", xor, "--json", "--numbers", "float"], 2),
        ("--json missing file", ["info", "missing.nn", "--json"], 2),
    ]:
        result = t.expect(name, args, code)
        try:
            obj = json.loads(result.stdout)
            t.check(f"{name}: error object", isinstance(obj, dict) and isinstance(obj.get("error"), str),
                    result.stdout)
            t.check(f"{name}: message also on stderr", obj["error"] in result.stderr, result.stderr)
        except ValueError:
            t.check(f"{name}: stdout is one JSON object", False, repr(result.stdout))
    located = json.loads(t.run("run", "smooth.nn", "--input", "1", "--json").stdout)
    t.check("--json located error: place", (located.get("file"), located.get("line"), located.get("column"))
            == ("smooth.nn", 4, 1), located)


def test_run(t):
    xor = t.write("xor.nn", XOR)
    for x1, x2, y in [(0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 0)]:
        result = t.expect(f"XOR({x1}, {x2})", ["run", xor, "--input", f"{x1},{x2}", "--json"], 0)
        obj = json.loads(result.stdout)
        t.check(f"XOR({x1}, {x2}) = {y}", obj["status"] == "halted" and obj["outputs"] == [str(y)], obj)
        t.check(f"XOR({x1}, {x2}): state in neuron order", list(obj["state"]) == ["x1", "x2", "y", "h1", "h2"],
                obj["state"])
        t.check(f"XOR({x1}, {x2}): rule and numbers", (obj["rule"], obj["numbers"]) == ("parallel", "rational"),
                obj)
        t.check(f"XOR({x1}, {x2}): no cycle field", "cycle" not in obj, obj)
    via_stdin = t.expect("XOR from stdin", ["run", "-", "--input", "1,0", "--json"], 0, stdin=XOR)
    t.check("XOR from stdin: output", json.loads(via_stdin.stdout)["outputs"] == ["1"], via_stdin.stdout)

    t.write("blinker.nn", BLINKER)
    blink = json.loads(t.expect("blinker", ["run", "blinker.nn", "--json"], 0).stdout)
    t.check("blinker diverges", (blink["status"], blink["steps"], blink["cycle"]) ==
            ("diverges", 2, {"start": 0, "period": 2}), blink)
    human = t.expect("blinker, human", ["run", "blinker.nn"], 0)
    t.check("blinker, human: verdict", "diverges: the state at step 0 repeats at step 2 (period 2)\n" in human.stdout,
            human.stdout)

    t.write("growing.nn", GROWING)
    undecided = json.loads(t.expect("undecided", ["run", "growing.nn", "--max-steps", "5", "--json"], 0).stdout)
    t.check("undecided after N steps", (undecided["status"], undecided["steps"]) == ("undecided", 5), undecided)
    human = t.expect("undecided, human", ["run", "growing.nn", "--max-steps", "5"], 0)
    t.check("undecided, human: verdict", "undecided: no fixed point or repetition in 5 steps\n" in human.stdout,
            human.stdout)

    human = t.expect("XOR, human", ["run", xor, "--input", "1,0"], 0)
    t.check("XOR, human: verdict and output", human.stdout.startswith(
        "input: x1 = 1, x2 = 0\nhalted after 2 steps\noutput: y = 1\n"), human.stdout)
    floating = t.expect("XOR, double", ["run", xor, "--input", "1,0", "--numbers", "double"], 0)
    t.check("XOR, double: says approximations", "approximations" in floating.stdout, floating.stdout)

    t.write("smooth.nn", LOGISTIC)
    smooth = json.loads(t.expect("logistic, double", ["run", "smooth.nn", "--input", "0", "--numbers", "double",
                                                      "--json"], 0).stdout)
    t.check("logistic(0) = 0.5", float(smooth["outputs"][0]) == 0.5 and smooth["numbers"] == "double", smooth)

    # --word feeds δ(W); the empty word must reach the program as a value.
    t.write("identity.nn", "network identity\ninput x\noutput y\ny = id(x)\n")
    for word, code in [("11001", "51/64"), ("", "1/2"), ("0", "1/4")]:
        result = json.loads(t.expect(f"--word '{word}'", ["run", "identity.nn", "--word", word, "--json"], 0).stdout)
        t.check(f"--word '{word}' gives {code}", result["outputs"] == [code], result)

    eq = json.loads(t.expect("--word= (empty)", ["run", "identity.nn", "--word=", "--json"], 0).stdout)
    t.check("--word= is the empty word", eq["outputs"] == ["1/2"], eq)
    human = t.expect("--word, human", ["run", "identity.nn", "--word", ""], 0)
    t.check("--word, human: names the word", human.stdout.startswith("input: x = 1/2 = δ(ε)\n"), human.stdout)

    seq = json.loads(t.expect("--rule sequential", ["run", xor, "--input", "1,0", "--rule", "sequential",
                                                    "--json"], 0).stdout)
    t.check("--rule sequential: rule reported", seq["rule"] == "sequential" and seq["outputs"] == ["1"], seq)


def test_encoding(t):
    t.expect("encode 11001", ["encode", "11001"], 0, stdout="51/64\n", stderr="")
    t.expect("encode ε", ["encode", ""], 0, stdout="1/2\n")
    t.expect("encode several", ["encode", "0", "1", "000"], 0, stdout="1/4\n3/4\n1/16\n")
    t.expect("encode a bad word", ["encode", "102"], 2, stdout="",
             stderr="nnsim: error: invalid word '102': character '2' at position 3 is not 0 or 1\n")
    t.expect("decode 51/64", ["decode", "51/64"], 0, stdout="11001\n", stderr="")
    t.expect("decode a decimal", ["decode", "0.796875"], 0, stdout="11001\n")
    t.expect("decode 1/2 is ε", ["decode", "2/4"], 0, stdout="\n")
    t.expect("decode 1/3", ["decode", "1/3"], 2, stdout="",
             stderr="nnsim: error: '1/3' is not a δ-code: its denominator is not a power of two\n")
    t.expect("decode 1", ["decode", "1"], 2,
             stderr="nnsim: error: '1' is not a δ-code: it is not less than 1; "
                    "a δ-code lies strictly between 0 and 1\n")
    t.expect("decode -1/4", ["decode", "-1/4"], 2,
             stderr="nnsim: error: '-1/4' is not a δ-code: it is negative; "
                    "a δ-code lies strictly between 0 and 1\n")
    t.expect("decode nonsense", ["decode", "abc"], 2,
             stderr="nnsim: error: invalid value 'abc': expected a number\n")
    t.expect("decode: nothing printed before an error", ["decode", "1/4", "1/3"], 2, stdout="")


def test_fmt_and_friends(t):
    t.write("untidy.nn", UNTIDY)
    first = t.expect("fmt", ["fmt", "untidy.nn"], 0)
    t.write("tidy.nn", first.stdout)
    t.expect("fmt is a fixed point", ["fmt", "tidy.nn"], 0, stdout=first.stdout)
    t.expect("fmt from stdin", ["fmt", "-"], 0, stdin=UNTIDY, stdout=first.stdout)
    t.expect("fmt -o", ["fmt", "untidy.nn", "-o", "out.nn"], 0, stdout="")
    with open(os.path.join(t.directory, "out.nn"), encoding="utf-8") as f:
        t.check("fmt -o: file content", f.read() == first.stdout)
    t.expect("fmt -o into a missing directory", ["fmt", "untidy.nn", "-o", "no/such/dir.nn"], 2,
             stderr="nnsim: error: cannot write 'no/such/dir.nn': No such file or directory\n")

    xor = t.write("xor.nn", XOR)
    dot = t.expect("dot", ["dot", xor], 0)
    t.check("dot: a digraph", "digraph" in dot.stdout and '"x1" -> "h1"' in dot.stdout, dot.stdout)

    info = json.loads(t.expect("info --json", ["info", xor, "--json"], 0).stdout)
    t.check("info: XOR layers", info["acyclic"] and info["layers"] == [["x1", "x2"], ["h1", "h2"], ["y"]], info)
    t.check("info: counts", (info["neurons"], info["updatable"], info["edges"]) == (5, 3, 6), info)
    t.write("blinker.nn", BLINKER)
    info = json.loads(t.expect("info on a recurrent network", ["info", "blinker.nn", "--json"], 0).stdout)
    t.check("info: cycle", not info["acyclic"] and info["cycle"] == ["x"] and info["components"] == [["x"]], info)
    t.write("smooth.nn", LOGISTIC)
    info = json.loads(t.expect("info on a logistic network", ["info", "smooth.nn", "--json"], 0).stdout)
    t.check("info: no rational mode", info["number_modes"] == ["double", "real:P", "interval:P", "certified"], info)


def test_trace(t):
    xor = t.write("xor.nn", XOR)
    result = t.expect("trace csv", ["trace", xor, "--input", "1,0", "--format", "csv"], 0)
    rows = result.stdout.splitlines()
    t.check("trace csv: header", rows[0] == "t,updated,x1,x2,h1,h2,y", rows)
    steps = json.loads(t.run("run", xor, "--input", "1,0", "--json").stdout)["steps"]
    t.check("trace csv: steps + 1 rows", len(rows) - 1 == steps + 1, f"{len(rows) - 1} rows, {steps} steps")
    t.check("trace csv: last row is the final state", rows[-1] == f"{steps},h1 h2 y,1,0,1,1,1", rows)
    t.check("trace csv: verdict on stderr", result.stderr.startswith("halted after 2 steps\n"), result.stderr)

    t.write("blinker.nn", BLINKER)
    result = t.expect("trace jsonl", ["trace", "blinker.nn", "--format", "jsonl"], 0)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    t.check("trace jsonl: states then the result", [line.get("t") for line in lines] == [0, 1, 2, None]
            and lines[-1]["status"] == "diverges", lines)
    t.check("trace jsonl: values", [line["state"]["x"] for line in lines[:3]] == ["0", "1", "0"], lines)

    result = t.expect("trace table", ["trace", xor, "--input", "1,0", "--neurons", "h1,y"], 0)
    t.check("trace table: columns", "t  updated  h1  y\n" in result.stdout, result.stdout)
    t.check("trace table: verdict", result.stdout.endswith("halted after 2 steps\noutput: y = 1\n"), result.stdout)
    t.expect("trace: unknown neuron", ["trace", xor, "--input", "1,0", "--neurons", "h1,zz"], 2, stdout="",
             stderr="nnsim: error: unknown neuron 'zz' in --neurons\n")
    t.expect("trace: bad format", ["trace", xor, "--input", "1,0", "--format", "xml"], 2,
             stderr_first_line="nnsim: error: --format: unknown format 'xml': expected table, csv or jsonl")


def test_help(t):
    t.expect("--help", ["--help"], 0, stderr="")
    version = t.expect("--version", ["--version"], 0)
    t.check("--version: names the program", version.stdout.startswith("nnsim "), version.stdout)
    for command in ["run", "trace", "info", "dot", "fmt", "encode", "decode"]:
        result = t.expect(f"{command} --help", [command, "--help"], 0, stderr="")
        t.check(f"{command} --help: an example", "Examples:\n" in result.stdout
                and f"  nnsim {command} " in result.stdout, result.stdout)


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_errors, test_run, test_encoding, test_fmt_and_friends, test_trace, test_help],
                             "nnsim-cli-", Tester))
