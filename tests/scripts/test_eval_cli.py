#!/usr/bin/env python3
"""Command-line tests of `nnsim eval`: one computation per input, from a CSV
file, standard input or a grid; exact CSV and JSON-lines rows, each the
computation `nnsim run` does; rows streamed as they are made; located
errors in the inputs; limits; `-o FILE` written whole or not at all.

Usage: python3 tests/scripts/test_eval_cli.py PATH_TO_nnsim

The networks and inputs are written to a temporary directory and nnsim runs
there, so that file names in messages are short and stable.  Standard
library only.  Prints one line per failure and `N passed, M failed` at the
end; exits 1 when anything failed.
"""

import json
import os
import select
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

# CTest runs the script from the repository root.
REPOSITORY = os.getcwd()

# The lecture's XOR (networks/lecture/xor.nn).  By hand, under the parallel
# rule: on (0, 0) h2 = 1 and y stays 0, a fixed point after 1 step; on
# (0, 1) and (1, 0) h1 = h2 = 1 after step 1 and y = step(0) = 1 after
# step 2; on (1, 1) h1 = 1, h2 = 0 and y stays 0 (1 step).  On (1/2, 1/2) and
# every other mixed point of the grid 0:1:3, -1 + 2x1 + 2x2 >= 0 and
# 3 - 2x1 - 2x2 >= 0, so y = 1 after 2 steps.
XOR = """\
network xor
input x1, x2
output y
h1 = step(-1 + 2 x1 + 2 x2)
h2 = step(3 - 2 x1 - 2 x2)
y = step(-2 + h1 + h2)
"""

XOR_HEADER = "x1,x2,status,steps,cycle_start,cycle_period,y\n"

# examples/networks/starts_with_1_or_cycles.nn: for x < 1/2, g = 1 drives
# (a, b) through (0,0) (1,0) (1,1) (0,1) (0,0) from step 1, so y(5) = y(1):
# diverges, cycle start 1, period 4.  For x >= 1/2, g = 0 and y = sat(2x - 1)
# settles after one step (at once when 2x - 1 = 0).
CYCLES = """\
input x
output y
y = sat(2 x - 1)
g = sat(1 - 2 x)
a = sat(g - b)
b = sat(a)
"""

# c(t) = min(t x, 1): halts at step 1/x for x = 1/n.
COUNTER = """\
input x
output c
c = sat(c + x)
"""

# s(t) = x (1 + 1/3 + ... + 1/3^(t-1)): denominators 3^t, never halts exactly.
GROWING = """\
input x
output s
s = id(1/3 s + x)
"""

# Each of a and b silences the other; x decides whether a starts ahead, so
# the random rule's choices matter.
RACE = """\
input x
output a, b
a = step(x - b - 1/2)
b = step(1/2 - a)
c = sat(c + 1/4)
"""

NO_INPUTS = """\
output a
a = step(0)
"""


def rows(text):
    return [line.split(",") for line in text.splitlines()]


def test_xor_rows(t):
    xor = t.write("xor.nn", XOR)
    t.write("four.csv", "0,0\n0,1\n1,0\n1,1\n")
    four = XOR_HEADER + "0,0,halted,1,,,0\n0,1,halted,2,,,1\n1,0,halted,2,,,1\n1,1,halted,1,,,0\n"
    t.expect("csv file", ["eval", xor, "--inputs", "four.csv"], 0, stdout=four, stderr="")
    t.expect("grid 0:1:2", ["eval", xor, "--grid", "0:1:2"], 0, stdout=four, stderr="")
    t.expect("grid per input", ["eval", xor, "--grid", "0:1:2", "--grid", "0:1:2"], 0, stdout=four)
    t.expect("standard input", ["eval", xor, "--inputs", "-"], 0, stdout=four, stdin="0,0\n0,1\n1,0\n1,1\n")
    t.expect("network from standard input", ["eval", "-", "--inputs", "four.csv"], 0, stdout=four, stdin=XOR)
    # Nine points, x1 slowest, values exact.
    nine = XOR_HEADER + "".join(
        f"{a},{b},halted,{1 if (a, b) in [('0', '0'), ('1', '1')] else 2},,,{0 if (a, b) in [('0', '0'), ('1', '1')] else 1}\n"
        for a in ["0", "1/2", "1"] for b in ["0", "1/2", "1"])
    t.expect("grid 0:1:3", ["eval", xor, "--grid", "0:1:3"], 0, stdout=nine)
    # One --grid per input: x1 from 0 to 1 in 2 points, x2 from 1 down to 0 in 3.
    t.expect("grid per input, descending", ["eval", xor, "--grid", "0:1:2", "--grid", "1:0:3"], 0,
             stdout=XOR_HEADER + "0,1,halted,2,,,1\n0,1/2,halted,2,,,1\n0,0,halted,1,,,0\n"
                                 "1,1,halted,1,,,0\n1,1/2,halted,2,,,1\n1,0,halted,2,,,1\n")
    t.expect("one point", ["eval", xor, "--grid", "1/3:7:1"], 0, stdout=XOR_HEADER + "1/3,1/3,halted,2,,,1\n")
    # Values as on the command line, printed exactly.
    t.write("values.csv", "-1/3, 0.25\n+2e-3,1.5E1\n")
    t.expect("values", ["eval", xor, "--inputs", "values.csv"], 0,
             stdout=XOR_HEADER + "-1/3,1/4,halted,1,,,0\n1/500,15,halted,1,,,0\n")
    # A 101 x 101 grid: 0, 1/100, ..., 1 on each axis.
    result = t.run("eval", xor, "--grid", "0:1:101")
    lines = result.stdout.splitlines()
    t.check("grid 0:1:101: rows", len(lines) == 1 + 101 * 101, len(lines))
    t.check("grid 0:1:101: second row", lines[2].startswith("0,1/100,"), lines[2])
    t.check("grid 0:1:101: last row", lines[-1] == "1,1,halted,1,,,0", lines[-1])


def test_header(t):
    xor = t.write("xor.nn", XOR)
    expected = XOR_HEADER + "1,0,halted,2,,,1\n1/4,1/2,halted,2,,,1\n"
    # The header's order, comments, blank lines, blanks around fields.
    t.write("swapped.csv", "# points\nx2 , x1\n\n0,1   # first\n1/2,0.25\n")
    t.expect("header in another order", ["eval", xor, "--inputs", "swapped.csv"], 0, stdout=expected)
    t.write("plain.csv", "x1,x2\n1,0\n1/4,1/2\n")
    t.expect("header in input order", ["eval", xor, "--inputs", "plain.csv"], 0, stdout=expected)
    # Line ends and a byte order mark, as every loader reads them.
    with open(os.path.join(t.directory, "windows.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbfx2,x1\r\n0,1\r1/2,1/4")
    t.expect("CRLF, CR, byte order mark", ["eval", xor, "--inputs", "windows.csv"], 0, stdout=expected)
    t.write("header_only.csv", "x1,x2\n")
    t.expect("no rows", ["eval", xor, "--inputs", "header_only.csv"], 0, stdout=XOR_HEADER)
    t.expect("no rows, JSON", ["eval", xor, "--inputs", "header_only.csv", "--json"], 0, stdout="")
    t.expect("empty input", ["eval", xor, "--inputs", "-"], 0, stdout=XOR_HEADER, stdin="")


def test_input_errors(t):
    xor = t.write("xor.nn", XOR)
    cases = [
        ("too many values", "0,1\n1,2,3\n",
         "in.csv:2:5: error: expected 2 values (x1, x2), found 3\n  1,2,3\n      ^\n"),
        ("too few values", "0,1\n1   \n",
         "in.csv:2:2: error: expected 2 values (x1, x2), found 1\n  1   \n   ^\n"),
        ("bad value", "0,1\n1, 1/0\n",
         "in.csv:2:6: error: division by zero in number '1/0'\n  1, 1/0\n       ^\n"),
        ("not a number", "0,1\n1,a\n", "in.csv:2:3: error: invalid number 'a'\n  1,a\n    ^\n"),
        ("empty field", "0,1\n1,\n", "in.csv:2:3: error: empty field: expected a number\n  1,\n    ^\n"),
        ("unknown header name", "x1,y\n",
         "in.csv:1:4: error: 'y' in the header is not an input neuron; the network's inputs are x1, x2\n"
         "  x1,y\n     ^\n"),
        ("header name twice", "x1,x1\n", "in.csv:1:4: error: input neuron 'x1' is named twice in the header\n"
                                         "  x1,x1\n     ^\n"),
        ("header without an input", "x2\n",
         "in.csv:1:3: error: the header does not name input neuron 'x1'\n  x2\n    ^\n"),
        ("empty header name", "x1,,x2\n",
         "in.csv:1:4: error: empty column name in the header\n  x1,,x2\n     ^\n"),
        ("count with a header", "x2,x1\n1,0,1\n",
         "in.csv:2:5: error: expected 2 values in the order of the header (x2, x1), found 3\n  1,0,1\n      ^\n"),
        # A first line that is not all names is values, with a value's message.
        ("look-alike minus on the first line", "\u22121,0\n",
         "in.csv:1:1: error: '\u2212' (U+2212 MINUS SIGN) is not ASCII '-'; use ASCII '-'\n  \u22121,0\n  ^\n"),
        ("semicolons on the first line", "1;0\n",
         "in.csv:1:4: error: expected 2 values (x1, x2), found 1\n  1;0\n     ^\n"),
        # The column counts the mark's three bytes; the line is shown without it.
        ("byte order mark counted", "\ufeff1,x\n", "in.csv:1:6: error: invalid number 'x'\n  1,x\n    ^\n"),
    ]
    for name, text, message in cases:
        t.write("in.csv", text)
        result = t.expect(name, ["eval", xor, "--inputs", "in.csv"], 2, stderr=message)
        # The rows before the bad line are out already; a bad first line
        # leaves the output empty, header included.
        first_ok = text.startswith("0,1\n")
        t.check(f"{name}: rows before", result.stdout == (XOR_HEADER + "0,1,halted,2,,,1\n" if first_ok else ""),
                result.stdout)
    # Standard input is called <stdin>; with --json the error is the last line.
    result = t.expect("JSON error line", ["eval", xor, "--inputs", "-", "--json"], 2, stdin="0,1\n1,1x\n")
    lines = result.stdout.splitlines()
    t.check("JSON error line: rows", len(lines) == 2, result.stdout)
    if len(lines) == 2:
        t.check("JSON error line: row", json.loads(lines[0])["outputs"] == ["1"], lines[0])
        error = json.loads(lines[1])
        t.check("JSON error line: place", (error.get("file"), error.get("line"), error.get("column")) ==
                ("<stdin>", 2, 4), lines[1])
    t.expect("missing file", ["eval", xor, "--inputs", "nothing.csv"], 2,
             stderr="nnsim: error: cannot read 'nothing.csv': No such file or directory\n")
    t.expect("folder", ["eval", xor, "--inputs", "."], 2, stderr="nnsim: error: cannot read '.': Is a directory\n")


def test_option_errors(t):
    xor = t.write("xor.nn", XOR)
    none = t.write("none.nn", NO_INPUTS)
    t.expect("no inputs given", ["eval", xor], 2, stdout="",
             stderr="nnsim: error: eval needs its inputs: --inputs FILE.csv (one input per line) or "
                    "--grid LO:HI:COUNT\n")
    t.expect("both from standard input", ["eval", "-", "--inputs", "-"], 2, stdin=XOR,
             stderr="nnsim: error: the network and --inputs cannot both come from standard input\n")
    t.expect("grid and inputs", ["eval", xor, "--grid", "0:1:2", "--inputs", "-"], 2,
             stderr_first_line="nnsim: error: only one of --inputs and --grid may be given")
    t.expect("grid three times", ["eval", xor, "--grid", "0:1:2", "--grid", "0:1:2", "--grid", "0:1:2"], 2,
             stdout="",
             stderr="nnsim: error: --grid is given 3 times, but the network has 2 input neurons (x1, x2): give "
                    "it once, for every input, or once per input in input order\n")
    t.expect("grid too large", ["eval", xor, "--grid", "0:1:4294967296", "--grid", "0:1:4294967296"], 2, stdout="",
             stderr="nnsim: error: the grid has too many points: 4294967296 x 4294967296 is more than "
                    "18446744073709551615\n")
    t.expect("grid once for 2 inputs, too large", ["eval", xor, "--grid", "0:1:4294967296"], 2,
             stderr="nnsim: error: the grid has too many points: 4294967296 x 4294967296 is more than "
                    "18446744073709551615\n")
    t.expect("grid not LO:HI:COUNT", ["eval", xor, "--grid", "0:1"], 2,
             stderr="nnsim: error: --grid: '0:1' is not LO:HI:COUNT (e.g. 0:1:101)\n(see 'nnsim eval --help')\n")
    t.expect("grid COUNT 0", ["eval", xor, "--grid", "0:1:0"], 2,
             stderr_first_line="nnsim: error: --grid: invalid COUNT '0': an axis has at least 1 point")
    t.expect("grid bad LO", ["eval", xor, "--grid", "x:1:3"], 2,
             stderr_first_line="nnsim: error: --grid: invalid LO 'x': expected a number")
    # One value per --grid: the file name after it is not a second axis.
    t.expect("grid then the file", ["eval", "--grid", "0:1:2", xor], 0, stdout=XOR_HEADER + "0,0,halted,1,,,0\n"
             "0,1,halted,2,,,1\n1,0,halted,2,,,1\n1,1,halted,1,,,0\n")
    t.expect("no input neurons", ["eval", none, "--inputs", "-"], 2, stdin="",
             stderr="nnsim: error: the network has no input neurons, so there is nothing to vary: run it with "
                    "nnsim run\n")
    t.expect("bad rule", ["eval", xor, "--grid", "0:1:2", "--rule", "foo"], 2,
             stderr_first_line="nnsim: error: --rule: unknown rule 'foo': expected parallel, sequential, layered, "
                               "random or random:SEED")
    cyclic = t.write("cycles.nn", CYCLES)
    # The rule is checked once, before any row (the message is run's).
    result = t.expect("rule that does not fit, before any row",
                      ["eval", cyclic, "--grid", "0:1:2", "--rule", "layered"], 2, stdout="")
    t.check("rule that does not fit: message", "layered" in result.stderr, result.stderr)


def test_verdicts(t):
    cycles = t.write("cycles.nn", CYCLES)
    t.expect("diverges with its cycle", ["eval", cycles, "--grid", "0:1:5"], 0,
             stdout="x,status,steps,cycle_start,cycle_period,y\n0,diverges,5,1,4,0\n1/4,diverges,5,1,4,0\n"
                    "1/2,halted,0,,,0\n3/4,halted,1,,,1/2\n1,halted,1,,,1\n")
    counter = t.write("counter.nn", COUNTER)
    t.expect("undecided", ["eval", counter, "--grid", "0:1/2:5", "--max-steps", "3"], 0,
             stdout="x,status,steps,cycle_start,cycle_period,c\n0,halted,0,,,0\n1/8,undecided,3,,,3/8\n"
                    "1/4,undecided,3,,,3/4\n3/8,halted,3,,,1\n1/2,halted,2,,,1\n")
    result = t.expect("JSON lines", ["eval", cycles, "--grid", "0:1:3", "--json"], 0)
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    t.check("JSON lines: objects", objects == [
        {"input": ["0"], "status": "diverges", "steps": 5, "cycle": {"start": 1, "period": 4}, "outputs": ["0"]},
        {"input": ["1/2"], "status": "halted", "steps": 0, "outputs": ["0"]},
        {"input": ["1"], "status": "halted", "steps": 1, "outputs": ["1"]},
    ], result.stdout)
    t.check("JSON lines: member order", result.stdout.splitlines()[0] ==
            '{"input":["0"],"status":"diverges","steps":5,"cycle":{"start":1,"period":4},"outputs":["0"]}',
            result.stdout)
    growing = t.write("growing.nn", GROWING)
    t.expect("double", ["eval", growing, "--grid", "0:1:3", "--numbers", "double", "--max-steps", "2000"], 0,
             stdout="x,status,steps,cycle_start,cycle_period,s\n0,halted,0,,,0\n1/2,halted,35,,,0.75\n"
                    "1,halted,35,,,1.5\n")
    t.expect("real:20, JSON", ["eval", growing, "--grid", "1/3:1/3:1", "--numbers", "real:20", "--json"], 0,
             stdout='{"input":["1/3"],"status":"halted","steps":13,"outputs":["0.5"]}\n')


def test_same_as_run(t):
    """Every row is the computation `nnsim run` does for that input."""
    networks = {"xor.nn": XOR, "cycles.nn": CYCLES, "counter.nn": COUNTER, "race.nn": RACE}
    for name, text in networks.items():
        t.write(name, text)
    cases = [
        ("xor.nn", ["--grid", "-1:1:5"], []),
        ("xor.nn", ["--grid", "0:1:3", "--grid", "1:0:2"], ["--rule", "sequential"]),
        ("cycles.nn", ["--grid", "0:1:9"], []),
        ("cycles.nn", ["--grid", "0:1:9"], ["--rule", "random:5", "--max-steps", "50"]),
        ("counter.nn", ["--grid", "0:1:7"], ["--max-steps", "4", "--numbers", "double"]),
        ("race.nn", ["--grid", "0:2:9"], ["--rule", "random"]),
        ("race.nn", ["--grid", "0:2:9"], ["--rule", "random:11", "--numbers", "real:30"]),
        ("race.nn", ["--grid", "0:2:9"], ["--rule", "sequential"]),
    ]
    for network, grid, options in cases:
        name = f"{network} {' '.join(grid + options)}"
        result = t.expect(name, ["eval", network, *grid, *options, "--json"], 0)
        for line in result.stdout.splitlines():
            row = json.loads(line)
            single = t.run("run", network, "--input", ",".join(row["input"]), *options, "--json")
            expected = json.loads(single.stdout)
            for key in ["state", "rule", "numbers"]:
                expected.pop(key)
            row.pop("input")
            t.check(f"{name}: input {line}", row == expected, f"run: {single.stdout}")


def test_limits(t):
    growing = t.write("growing.nn", GROWING)
    message = ("nnsim: error: on input 1/6 (row 2 of 3): the value of neuron 's' at step 13 has 42 bits, more than "
               "the limit of 40 (raise it with --max-bits)\n")
    t.expect("limit on a grid row", ["eval", growing, "--grid", "0:1/3:3", "--max-bits", "40", "--max-steps", "30"],
             3, stdout="x,status,steps,cycle_start,cycle_period,s\n0,halted,0,,,0\n", stderr=message)
    t.write("in.csv", "# x\n0\n\n1/3\n1\n")
    t.expect("limit on a CSV line", ["eval", growing, "--inputs", "in.csv", "--max-bits", "40"], 3,
             stdout="x,status,steps,cycle_start,cycle_period,s\n0,halted,0,,,0\n",
             stderr="nnsim: error: on input 1/3 (line 4 of in.csv): the value of neuron 's' at step 13 has 41 bits, "
                    "more than the limit of 40 (raise it with --max-bits)\n")
    result = t.expect("limit, JSON", ["eval", growing, "--inputs", "-", "--max-bits", "40", "--json"], 3,
                      stdin="0\n1/3\n")
    t.check("limit, JSON: lines", result.stdout.splitlines() == [
        '{"input":["0"],"status":"halted","steps":0,"outputs":["0"]}',
        json.dumps({"error": "on input 1/3 (line 2 of <stdin>): the value of neuron 's' at step 13 has 41 bits, "
                             "more than the limit of 40 (raise it with --max-bits)"}, separators=(",", ":"))],
            result.stdout)
    # Floating values that leave the finite numbers stop the same way.
    t.write("blowup.nn", "input x\noutput s\ns = id(1e300 s + x)\n")
    result = t.expect("not finite", ["eval", "blowup.nn", "--grid", "0:1:2", "--numbers", "double"], 3,
                      stdout="x,status,steps,cycle_start,cycle_period,s\n0,halted,0,,,0\n")
    t.check("not finite: the row named", result.stderr.startswith("nnsim: error: on input 1 (row 2 of 2): step 2: "),
            result.stderr)


def test_output_file(t):
    xor = t.write("xor.nn", XOR)
    four = XOR_HEADER + "0,0,halted,1,,,0\n0,1,halted,2,,,1\n1,0,halted,2,,,1\n1,1,halted,1,,,0\n"
    t.expect("-o", ["eval", xor, "--grid", "0:1:2", "-o", "out.csv"], 0, stdout="", stderr="")
    t.check("-o: content", t.read("out.csv") == four, t.read("out.csv"))
    t.expect("-o JSON", ["eval", xor, "--grid", "0:1:2", "--json", "-o", "out.jsonl"], 0, stdout="")
    t.check("-o JSON: lines", len(t.read("out.jsonl").splitlines()) == 4, t.read("out.jsonl"))
    # A failure leaves the file as it was, and no temporary file behind.
    before = sorted(os.listdir(t.directory))
    t.expect("-o, bad line", ["eval", xor, "--inputs", "-", "-o", "out.csv"], 2, stdout="", stdin="1,1\n1,x\n")
    t.check("-o, bad line: file kept", t.read("out.csv") == four, t.read("out.csv"))
    t.check("-o, bad line: no temporary file", sorted(os.listdir(t.directory)) == before,
            sorted(os.listdir(t.directory)))
    t.expect("-o, missing folder", ["eval", xor, "--grid", "0:1:2", "-o", "no/out.csv"], 2,
             stderr="nnsim: error: cannot write 'no/out.csv': No such file or directory\n")
    t.expect("-o /dev/null", ["eval", xor, "--grid", "0:1:2", "-o", "/dev/null"], 0, stdout="", stderr="")
    with open("/dev/full", "wb") as full:
        result = subprocess.run([t.nnsim, "eval", xor, "--grid", "0:1:2"], cwd=t.directory, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=t.timeout)
    t.check("full device", (result.returncode, result.stderr) ==
            (3, "nnsim: error: cannot write standard output: No space left on device\n"), result)


def test_streaming(t):
    """A row is out as soon as its computation ends, before the next input
    line has arrived."""
    xor = t.write("xor.nn", XOR)
    process = subprocess.Popen([t.nnsim, "eval", xor, "--inputs", "-", "--json"], cwd=t.directory,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    got = []
    try:
        for values in ["0,1", "1,1", "1/2,0"]:
            process.stdin.write((values + "\n").encode())
            process.stdin.flush()
            # A guard against waiting for ever, not a measurement.
            ready, _, _ = select.select([process.stdout], [], [], 60)
            got.append(process.stdout.readline().decode() if ready else "(no row while the input was open)")
    finally:
        process.stdin.close()
        rest = process.stdout.read().decode()
        process.wait(timeout=t.timeout)
    t.check("streaming: a row per line, at once", [json.loads(line)["outputs"] if line.startswith("{") else line
                                                  for line in got] == [["1"], ["0"], ["1"]], got)
    t.check("streaming: nothing more", rest == "" and process.returncode == 0, (rest, process.returncode))


def test_rows_count_their_own_memory(t):
    # One compiled network serves every row, and each row has the memory
    # budget a `run` of it alone would have: a row with a 300,000-digit
    # value before a small one leaves that one its whole budget.  By hand:
    # on (0, 1), y = 0 and z counts up, never repeating, so the run ends
    # undecided at the step limit; on the big row z stays 0 and y copies x.
    t.write("copy.nn", "network m\ninput x, g\noutput y, z\nrule parallel\ny = id(x)\nz = id(z + g)\n")
    big = "1" + "7" * 300000
    t.write("rows.csv", f"0,1\n{big},0\n0,1\n")
    limits = ["--max-memory", "6500000", "--max-steps", "100000", "--max-bits", "100000000"]
    small_row = "0,1,undecided,100000,,,0,100000\n"
    result = t.expect("a small row after a big one", ["eval", "copy.nn", "--inputs", "rows.csv", *limits], 0)
    t.check("a small row after a big one: rows", result.stdout == "x,g,status,steps,cycle_start,cycle_period,y,z\n"
            + small_row + f"{big},0,halted,1,,,{big},0\n" + small_row, result.stdout[:300])
    alone = t.expect("the small row alone", ["run", "copy.nn", "--input", "0,1", *limits, "--json"], 0)
    t.check("the small row alone: undecided", t.json_of("alone", alone).get("status") == "undecided", alone.stdout)
    # Reading a row's big value is not the row's computation: a grid of one
    # point runs as `run` does.
    # y = step(-x) stays 0 and z stays 0: y(0) is a fixed point.
    t.write("sign.nn", "input x, g\noutput y\ny = step(-x)\nz = id(z + g)\n")
    value = "1" + "7" * 30000
    limits = ["--max-memory", "100000", "--max-bits", "1000000"]
    t.expect("a big value alone", ["run", "sign.nn", "--input", f"{value},0", *limits, "--json"], 0)
    t.expect("a big value on a grid", ["eval", "sign.nn", "--grid", f"{value}:{value}:1", "--grid", "0:0:1", *limits],
             0, stdout=f"x,g,status,steps,cycle_start,cycle_period,y\n{value},0,halted,0,,,0\n")


def test_unique_columns(t):
    # Every neuron of the Hopfield network is an input and an output; an
    # input named like a verdict column leaves that column a prefix.
    t.expect("input and output", ["eval", os.path.join(REPOSITORY, "examples", "networks", "hopfield.nn"),
                                  "--grid", "1:1:1"], 0,
             stdout="y1,y2,y3,status,steps,cycle_start,cycle_period,output:y1,output:y2,output:y3\n"
                    "1,1,1,halted,3,,,1,1,-1\n")
    t.write("named.nn", "input status, steps\noutput steps\n")
    t.expect("inputs named like the verdict", ["eval", "named.nn", "--grid", "0:0:1"], 0,
             stdout="status,steps,run:status,run:steps,cycle_start,cycle_period,output:steps\n"
                    "0,0,halted,0,,,0\n")


def test_help(t):
    result = t.expect("help", ["eval", "--help"], 0)
    t.check("help: examples", "nnsim eval xor.nn --grid 0:1:2" in result.stdout, result.stdout)


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_xor_rows, test_header, test_input_errors, test_option_errors, test_verdicts,
                              test_same_as_run, test_limits, test_rows_count_their_own_memory,
                              test_unique_columns, test_output_file, test_streaming, test_help],
                             "nnsim_eval_test_"))
