#!/usr/bin/env python3
"""Command-line tests of `nnsim recognize` and `nnsim tm`: the JSON object of
cli.md, the exit codes 0/1/2/3, the machine's verdicts, its --trace lines,
and located errors from a broken machine file.

Usage: python3 tests/scripts/test_recognize_cli.py PATH_TO_nnsim

The networks and machines are written to a temporary directory and nnsim
runs there, so that file names in messages are short and stable.  Standard
library only.  Prints one line per failure and `N passed, M failed` at the
end; exits 1 when anything failed.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

# Accepts the words that start with 1: δ(ω) > 1/2 exactly for them
# (δ(ε) = 1/2), and y = sat(4x - 2) is > 0 exactly when x > 1/2.
FIRST_BIT = """\
network first_bit_one
input x
output y
y = sat(4 x - 2)
"""

# Never halts on any word: (a, b) runs through a cycle of period 4.
OSCILLATOR = """\
input x
output a
a = sat(1 - b)
b = sat(a)
"""

# c(t) = min(t δ(ω), 1): accepts every word after ceil(1/δ(ω)) steps.
COUNTER = """\
input x
output c
c = sat(c + x)
"""

# s approaches 3x/2 without reaching it; the denominators grow by 3 a step.
GROWING = """\
input x
output s
s = sat(1/3 s + x)
"""

TWO_INPUTS = """\
input x1, x2
output y
y = sat(x1 + x2)
"""

# 0^n 1^n, the machine of networks/machines/zeros_then_ones.tm.
ZEROS_THEN_ONES = """\
machine zeros_then_ones
tape 0 1 X Y _
blank _
start q0
accept yes

q0 0 -> q1 X R
q0 Y -> q3 Y R
q0 _ -> yes _ S
q1 0 -> q1 0 R
q1 Y -> q1 Y R
q1 1 -> q2 Y L
q2 0 -> q2 0 L
q2 Y -> q2 Y L
q2 X -> q0 X R
q3 Y -> q3 Y R
q3 _ -> yes _ S
"""

# Accepts the words that start with 1; rejects by a rejecting state.
FIRST_BIT_MACHINE = """\
machine first_bit
tape 0 1 _
blank _
start q
accept yes
reject no
q 1 -> yes 1 S
q 0 -> no 0 S
q _ -> no _ S
"""

# Bounces between two cells forever.
BOUNCER = """\
machine bounce
tape 0 1 _
blank _
start q
accept yes
q 0 -> p 0 R
q 1 -> p 1 R
q _ -> p _ R
p 0 -> q 0 L
p 1 -> q 1 L
p _ -> q _ L
"""

# Line 6, column 10: a symbol outside the tape alphabet.
BROKEN_MACHINE = """\
tape 0 1 _
blank _
start q
accept yes

q 0 -> q 2 R
"""

WORD_KEYS = {"word", "verdict", "steps", "expected"}
VERDICTS = {"accept", "reject", "reject-diverges", "undecided"}
EXPECTED = {"accept", "reject", "unknown"}


def shortlex(n):
    words = [""]
    for length in range(1, n + 1):
        words += [format(i, f"0{length}b") for i in range(2 ** length)]
    return words


def test_recognize_json(t):
    net = t.write("first.nn", FIRST_BIT)
    result = t.expect("json", ["recognize", net, "--all-words", "4", "--expect-regex", "1[01]*", "--json"], 0)
    data = t.json_of("json", result)
    words = data.get("words", [])
    t.check("json: shortlex order", [w.get("word") for w in words] == shortlex(4), words)
    t.check("json: word keys", all(WORD_KEYS <= set(w) for w in words), words[:2])
    t.check("json: verdict names", all(w["verdict"] in VERDICTS for w in words), words)
    t.check("json: expected names", all(w["expected"] in EXPECTED for w in words), words)
    t.check("json: steps are integers", all(isinstance(w["steps"], int) for w in words), words)
    t.check("json: mismatches", data.get("mismatches") == 0, data)
    t.check("json: verdicts", all(w["verdict"] == ("accept" if w["word"].startswith("1") else "reject")
                                  for w in words), words)
    t.check("json: delta", words[0].get("delta") == "1/2" and words[3].get("delta") == "1/8", words[:4])
    t.check("json: empty word", words[0]["word"] == "", words[0])

    # Positional words, the empty one included, in the order given.
    result = t.expect("positional", ["recognize", net, "0110", "", "1", "--json"], 0)
    data = t.json_of("positional", result)
    t.check("positional: words", [w["word"] for w in data.get("words", [])] == ["0110", "", "1"], data)
    t.check("positional: no expectation", all(w["expected"] == "unknown" for w in data.get("words", [])), data)

    # A mismatch: exit code 1, counted, marked.
    result = t.expect("mismatch", ["recognize", net, "--all-words", "2", "--expect-regex", "0[01]*", "--json"], 1)
    data = t.json_of("mismatch", result)
    t.check("mismatch: count", data.get("mismatches") == 6, data)
    t.check("mismatch: the word's fields", data["words"][1]["expected"] == "accept"
            and data["words"][1]["verdict"] == "reject", data["words"][1])

    # reject-diverges and undecided; neither is a mismatch here.
    osc = t.write("osc.nn", OSCILLATOR)
    result = t.expect("diverges", ["recognize", osc, "01", "--expect-words", "0", "--json"], 0)
    data = t.json_of("diverges", result)
    t.check("diverges: verdict", data["words"][0]["verdict"] == "reject-diverges", data)
    result = t.expect("diverges is a rejection", ["recognize", osc, "0", "--expect-words", "0", "--json"], 1)
    counter = t.write("counter.nn", COUNTER)
    result = t.expect("undecided", ["recognize", counter, "0000000", "00", "--max-steps", "10", "--expect-words",
                                    ",00", "--json"], 0)
    data = t.json_of("undecided", result)
    t.check("undecided: verdicts", [w["verdict"] for w in data["words"]] == ["undecided", "accept"], data)
    t.check("undecided: counted, not a mismatch", data.get("mismatches") == 0 and data.get("undecided") == 1,
            data)

    # Expectations from a machine, run directly.
    machine = t.write("first_bit.tm", FIRST_BIT_MACHINE)
    result = t.expect("machine", ["recognize", net, "--all-words", "5", "--expect-machine", machine, "--json"], 0)
    data = t.json_of("machine", result)
    t.check("machine: expectations", all(w["expected"] == ("accept" if w["word"].startswith("1") else "reject")
                                         for w in data.get("words", [])), data)
    zeros = t.write("zeros.tm", ZEROS_THEN_ONES)
    result = t.expect("machine mismatch", ["recognize", net, "--all-words", "2", "--expect-machine", zeros,
                                           "--json"], 1)
    data = t.json_of("machine mismatch", result)
    # 0^n 1^n up to length 2: ε and 01 are accepted, the network accepts 1, 10, 11.
    t.check("machine mismatch: count", data.get("mismatches") == 5, data)


def test_recognize_text(t):
    net = t.write("first.nn", FIRST_BIT)
    result = t.expect("table", ["recognize", net, "", "1011", "--expect-words", "1011,0"], 0)
    lines = result.stdout.splitlines()
    t.check("table: header", "word  δ(ω)   verdict  steps  bits  expected" in lines, result.stdout)
    t.check("table: ε", any(line.startswith("ε     1/2    reject ") for line in lines), result.stdout)
    t.check("table: no mark on a match", any(line.startswith("1011  23/32  accept") and "mismatch" not in line
                                              for line in lines), result.stdout)
    t.check("table: summary", "2 words: 1 accept, 1 reject, 0 reject (diverges), 0 undecided" in lines,
            result.stdout)
    t.check("table: mismatches", "mismatches: 0" in lines, result.stdout)

    result = t.expect("table mismatch", ["recognize", net, "0", "--expect-words", "0"], 1)
    t.check("table mismatch: marked", any(line.startswith("0 ") and line.endswith("<- mismatch")
                                          for line in result.stdout.splitlines()), result.stdout)
    t.check("table mismatch: listed", "mismatches: 1 (0)\n" in result.stdout, result.stdout)


def test_recognize_errors(t):
    net = t.write("first.nn", FIRST_BIT)
    two = t.write("two.nn", TWO_INPUTS)
    grow = t.write("grow.nn", GROWING)
    broken = t.write("broken.tm", BROKEN_MACHINE)

    t.expect("bad word", ["recognize", net, "012"], 2, stdout="",
             stderr="nnsim: error: invalid word '012': character '2' at position 3 is not 0 or 1\n")
    t.expect("no words", ["recognize", net], 2, stdout="",
             stderr="nnsim: error: no words to classify: give WORD arguments or --all-words N\n")
    t.expect("shape", ["recognize", two, "0"], 2, stdout="",
             stderr="nnsim: error: a recognizer needs exactly one input neuron and one output neuron, but the "
                    "network has 2 input neurons (x1, x2) and 1 output neuron (y)\n")
    result = t.expect("shape json", ["recognize", two, "0", "--json"], 2)
    t.check("shape json: only an error object", set(t.json_of("shape json", result)) == {"error"}, result.stdout)
    t.expect("bad regex", ["recognize", net, "1", "--expect-regex", "(01"], 2, stdout="",
             stderr="nnsim: error: regular expression: column 1: '(' is not closed\n")
    t.expect("regex backreference", ["recognize", net, "1", "--expect-regex", "(0|1)\\1"], 2, stdout="",
             stderr="nnsim: error: regular expression: column 6: the backreference '\\1' is not supported (only "
                    "regular constructs are)\n")
    t.expect("regex lookahead", ["recognize", net, "1", "--expect-regex", "(?=1)[01]*"], 2, stdout="",
             stderr="nnsim: error: regular expression: column 1: lookahead '(?=' is not supported (only regular "
                    "constructs are)\n")
    result = t.expect("regex too large", ["recognize", net, "1", "--expect-regex", "((0|1){1000}){1000}", "--json"], 2)
    t.check("regex too large: error object",
            t.json_of("regex too large", result) == {"error": "regular expression: column 14: the quantifier "
                                                              "'{1000}' makes the automaton larger than 1000000 "
                                                              "states"}, result.stdout)
    t.expect("regex too long", ["recognize", net, "1", "--expect-regex", "0" * 100_001], 2, stdout="",
             stderr="nnsim: error: regular expression: the pattern has 100001 characters, more than the limit of "
                    "100000\n")
    t.expect("bad expected word", ["recognize", net, "1", "--expect-words", "1,2"], 2, stdout="",
             stderr="nnsim: error: invalid word '2': character '2' at position 1 is not 0 or 1\n")
    t.expect("two expectations", ["recognize", net, "1", "--expect-words", "1", "--expect-regex", "1"], 2,
             stdout="", stderr_first_line="nnsim: error: only one of --expect-regex and --expect-words may be given")
    t.expect("too many words", ["recognize", net, "--all-words", "25"], 2, stdout="",
             stderr_first_line="nnsim: error: --all-words: 25 is too large (at most 24: 2^25 - 1 words)")
    t.expect("broken machine", ["recognize", net, "1", "--expect-machine", broken], 2, stdout="",
             stderr="broken.tm:6:10: error: symbol '2' is not in the tape alphabet\n  q 0 -> q 2 R\n           ^\n")
    t.expect("missing machine", ["recognize", net, "1", "--expect-machine", "missing.tm"], 2, stdout="",
             stderr="nnsim: error: cannot read 'missing.tm': No such file or directory\n")
    t.expect("bit limit", ["recognize", grow, "", "--max-bits", "40"], 3, stdout="",
             stderr="nnsim: error: on word ε: the value of neuron 's' at step 13 has 41 bits, more than the limit "
                    "of 40 (raise it with --max-bits)\n")
    t.expect("network from stdin", ["recognize", "-", "1", "--json"], 0, stdin=FIRST_BIT)


def test_recognize_long_words(t):
    """--expect-regex matches in time linear in the word: (0|1)* on a word of
    20,000 characters and (1|11)*0 on one of 100,000 are decided at once (a
    backtracking matcher overflows its stack on the first and backtracks
    exponentially on the second)."""
    net = t.write("first.nn", FIRST_BIT)

    def verdicts(name, word, pattern, code):
        result = t.expect(name, ["recognize", net, word, "--expect-regex", pattern, "--json"], code)
        data = t.json_of(name, result)
        words = data.get("words", [{}])
        return words[0].get("verdict"), words[0].get("expected"), data.get("mismatches")

    word = "1" + "0" * 19_999
    t.check("(0|1)* on 20,000", verdicts("(0|1)* on 20,000", word, "(0|1)*", 0) == ("accept", "accept", 0))
    ones = "1" * 100_000
    t.check("(1|11)*0 on 100,000", verdicts("(1|11)*0 on 100,000", ones, "(1|11)*0", 1) == ("accept", "reject", 1))
    t.check("(1|11)*0 on 100,001", verdicts("(1|11)*0 on 100,001", ones + "0", "(1|11)*0", 0)
            == ("accept", "accept", 0))


def test_tm(t):
    zeros = t.write("zeros.tm", ZEROS_THEN_ONES)
    bounce = t.write("bounce.tm", BOUNCER)
    first = t.write("first_bit.tm", FIRST_BIT_MACHINE)
    broken = t.write("broken.tm", BROKEN_MACHINE)

    t.expect("tm accept", ["tm", zeros, "01"], 0,
             stdout="machine: zeros_then_ones, word 01\n"
                    "accept: halted in accepting state yes after 5 steps\n"
                    "steps: 5\n"
                    "final configuration: yes  X Y [_]\n")
    # Every configuration; the head's cell is bracketed even on a cell the
    # machine has only just moved onto (step 4).
    t.expect("tm trace", ["tm", zeros, "01", "--trace"], 0,
             stdout="machine: zeros_then_ones, word 01\n"
                    "  0  q0   [0] 1\n"
                    "  1  q1   X [1]\n"
                    "  2  q2   [X] Y\n"
                    "  3  q0   X [Y]\n"
                    "  4  q3   X Y [_]\n"
                    "  5  yes  X Y [_]\n"
                    "accept: halted in accepting state yes after 5 steps\n"
                    "steps: 5\n"
                    "final configuration: yes  X Y [_]\n")
    t.expect("tm no transition", ["tm", zeros, "10"], 0,
             stdout="machine: zeros_then_ones, word 10\n"
                    "reject: no transition for (q0, 1) after 0 steps\n"
                    "steps: 0\n"
                    "final configuration: q0  [1] 0\n")
    result = t.expect("tm rejecting state", ["tm", first, "0"], 0)
    t.check("tm rejecting state: verdict", "reject: halted in rejecting state no after 1 step\n" in result.stdout,
            result.stdout)
    result = t.expect("tm runs forever", ["tm", bounce, "1"], 0)
    t.check("tm runs forever: verdict", "runs forever: the configuration at step 0 repeats with period 2"
            in result.stdout, result.stdout)
    result = t.expect("tm undecided", ["tm", zeros, "0011", "--max-steps", "3"], 0)
    t.check("tm undecided: verdict", "undecided: still running after 3 steps" in result.stdout, result.stdout)
    result = t.expect("tm empty word", ["tm", zeros, ""], 0)
    t.check("tm empty word: shown as ε", result.stdout.startswith("machine: zeros_then_ones, word ε\naccept"),
            result.stdout)

    result = t.expect("tm json", ["tm", zeros, "0011", "--json"], 0)
    data = t.json_of("tm json", result)
    t.check("tm json: keys", {"verdict", "steps", "state", "tape", "head"} <= set(data), data)
    t.check("tm json: values", data.get("verdict") == "accept" and data.get("state") == "yes"
            and data.get("tape", "")[data.get("head", 0) - data.get("first_cell", 0)] == "_", data)
    result = t.expect("tm json trace", ["tm", zeros, "01", "--json", "--trace"], 0)
    data = t.json_of("tm json trace", result)
    trace = data.get("trace", [])
    t.check("tm json trace: one per configuration", [c.get("step") for c in trace] == list(range(6)), trace)
    t.check("tm json trace: symbols", "".join(c.get("symbol", "?") for c in trace) == "01XY__", trace)
    result = t.expect("tm json forever", ["tm", bounce, "1", "--json"], 0)
    data = t.json_of("tm json forever", result)
    t.check("tm json forever", data.get("verdict") == "runs-forever" and data.get("cycle") == {"start": 0,
                                                                                              "period": 2}, data)

    t.expect("tm broken", ["tm", broken, "0"], 2, stdout="",
             stderr="broken.tm:6:10: error: symbol '2' is not in the tape alphabet\n  q 0 -> q 2 R\n           ^\n")
    result = t.expect("tm broken json", ["tm", broken, "0", "--json"], 2)
    data = t.json_of("tm broken json", result)
    t.check("tm broken json: located", data == {"error": "symbol '2' is not in the tape alphabet",
                                                "file": "broken.tm", "line": 6, "column": 10}, data)
    t.expect("tm bad word", ["tm", zeros, "0a1"], 2, stdout="",
             stderr="nnsim: error: invalid word '0a1': character 'a' at position 2 is not 0 or 1\n")
    t.expect("tm no word", ["tm", zeros], 2, stdout="", stderr_first_line="nnsim: error: nnsim tm needs a WORD argument")
    t.expect("tm machine from stdin", ["tm", "-", "01"], 0, stdin=ZEROS_THEN_ONES)


def test_help(t):
    for command in ["recognize", "tm"]:
        result = t.expect(f"{command} --help", [command, "--help"], 0, stderr="")
        t.check(f"{command} --help: an example", "Examples:\n" in result.stdout
                and f"  nnsim {command} " in result.stdout, result.stdout)


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_recognize_json, test_recognize_text, test_recognize_errors,
                              test_recognize_long_words, test_tm, test_help],
                             "nnsim-recognize-"))
