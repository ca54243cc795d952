#!/usr/bin/env python3
"""Command-line tests of `nnsim build oracle` and `nnsim check oracle` (the
super-Turing network, docs/reals.md): the committed example is what the
construction writes, each source of a language (a word list, a Turing
machine, a demonstration language) gives a network that `recognize`
confirms word by word, and the checks and errors of `check oracle`.

Usage: python3 tests/scripts/test_oracle_cli.py PATH_TO_nnsim
Run from the repository root (CTest does).  Standard library only.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

ROOT = os.getcwd()
EXAMPLE = os.path.join(ROOT, "networks/oracle/palindromes.nn")
MACHINES = os.path.join(ROOT, "networks/machines")


def test_committed_example(t):
    os.makedirs(os.path.join(t.directory, "networks/oracle"))
    built = t.expect("build the example", ["build", "oracle", "--demo", "palindromes", "--max-len", "4", "-o",
                                           "networks/oracle/palindromes.nn"], 0)
    t.check("build writes nothing on stdout", built.stdout == "", built.stdout)
    with open(EXAMPLE, encoding="utf-8") as f:
        committed = f.read()
    fresh = t.read("networks/oracle/palindromes.nn") if built.returncode == 0 else ""
    t.check("committed example is up to date", fresh == committed)


def test_shape(t):
    info = t.json_of("info", t.expect("info", ["info", EXAMPLE, "--json"], 0))
    t.check("neurons", info.get("neurons") == 125, info.get("neurons"))
    t.check("one input, one output", (info.get("inputs"), info.get("outputs")) == (["x"], ["y"]))
    t.check("only sat", list(info.get("activations", {}).keys()) == ["sat"], info.get("activations"))
    t.check("parallel", info.get("rule") == "parallel", info.get("rule"))
    # The one number that is not a literal: the constant and its one use.
    lines = [line for line in open(EXAMPLE, encoding="utf-8") if not line.startswith("#")]
    uses = [line for line in lines if "w_L" in line]
    t.check("w_L defined and used once", len(uses) == 2 and uses[0].startswith("const w_L = ")
            and uses[1] == "weight = sat(w_L)\n", uses)


def recognized(t, name, net, length, expectation):
    result = t.expect(name, ["recognize", net, "--all-words", str(length), *expectation, "--json"], 0)
    report = t.json_of(name, result)
    t.check(f"{name}: no mismatch, nothing undecided", (report.get("mismatches"), report.get("undecided")) == (0, 0),
            (report.get("mismatches"), report.get("undecided")))
    return report


def test_sources(t):
    # A word list: exactly those words; one length more is rejected too.
    t.expect("build --words", ["build", "oracle", "--words", "0,11,101", "-o", "words.nn"], 0)
    report = recognized(t, "words", "words.nn", 4, ["--expect-words", "0,11,101"])
    t.check("words: 3 accepted", report.get("counts", {}).get("accept") == 3, report.get("counts"))
    # A machine, run directly for the language.
    t.expect("build --machine", ["build", "oracle", "--machine", f"{MACHINES}/even_ones.tm", "--max-len", "3", "-o",
                                 "even.nn"], 0)
    recognized(t, "machine", "even.nn", 3, ["--expect-machine", f"{MACHINES}/even_ones.tm"])
    # A demonstration language, against a regular expression for it.
    t.expect("build --demo", ["build", "oracle", "--demo", "ones-mod-3", "--max-len", "3", "-o", "ones.nn"], 0)
    recognized(t, "demo", "ones.nn", 3, ["--expect-regex", "0*(10*10*10*)*"])
    # The default length of a word list is its longest word.
    words = t.expect("ε and 1", ["build", "oracle", "--words", "ε,1"], 0)
    t.check("ε and 1: the weight", "\nconst w_L = 55 / 4^3\n" in words.stdout, words.stdout[:1200])


CHECK_3 = """\
network: oracle (from {file}), 125 neurons
weight: w_L, 31 base-4 digits, deciding the words of length 0..4
numbers: rational (exact)

length  words  in L  accepted  correct  steps  precision
     0      1     1         1      all      7  exact
     1      2     2         2      all     92  exact
     2      4     2         2      all    221  exact
     3      8     4         4      all    453  exact

every word of length 0..3 is classified as the weight says (steps: the most one word needed)
"""


def test_check(t):
    t.expect("check oracle", ["check", "oracle", EXAMPLE, "--max-len", "3"], 0,
             stdout=CHECK_3.format(file=EXAMPLE), stderr="")
    report = t.json_of("json", t.expect("check --json", ["check", "oracle", EXAMPLE, "--max-len", "1", "--json"], 0))
    t.check("json", report == {
        "network": "oracle", "neurons": 125, "weight": "w_L", "digits": 31, "decided_length": 4, "max_length": 1,
        "numbers": "rational",
        "lengths": [
            {"length": 0, "words": 1, "in_language": 1, "accepted": 1, "correct": 1, "undecided": 0,
             "largest_steps": 7, "largest_bits": 125, "precision": None},
            {"length": 1, "words": 2, "in_language": 2, "accepted": 2, "correct": 2, "undecided": 0,
             "largest_steps": 92, "largest_bits": 125, "precision": None}],
        "failures": [], "all_correct": True}, report)
    # Rounded to a double, the weight loses its digits from about the 27th on.
    rounded = t.expect("double", ["check", "oracle", EXAMPLE, "--numbers", "double"], 1)
    t.check("double: the wrong words", rounded.stdout.endswith(
        "wrong: 1100: network accept, expected reject (digit 1)\n"
        "wrong: 1101: network accept, expected reject (digit 1)\n"
        "wrong: 1110: network accept, expected reject (digit 1)\n"
        "3 of 31 words not classified as the weight says\n"), rounded.stdout)
    t.check("double: the precision", "     4     16     4         7  13 of 16    893  53 bits\n" in rounded.stdout,
            rounded.stdout)
    cut = t.expect("too few steps", ["check", "oracle", EXAMPLE, "--max-len", "2", "--max-steps", "100"], 1)
    t.check("too few steps: undecided", cut.stdout.endswith(
        "undecided: 4 words reached the step limit of 100 steps (raise --max-steps)\n"
        "4 of 7 words not classified as the weight says\n"), cut.stdout)


def test_errors(t):
    t.expect("no language", ["build", "oracle"], 2, stdout="",
             stderr="nnsim: error: build oracle needs a language: --words W1,W2,..., --machine FILE.tm or --demo NAME\n")
    t.expect("too long", ["build", "oracle", "--demo", "palindromes", "--max-len", "17"], 2,
             stderr_first_line="nnsim: error: --max-len: 17 is too large (at most 16: the weight of the words up to "
                               "length N has 2^(N+1) - 1 base-4 digits, and a number in a network file at most 100000 "
                               "decimal digits)")
    t.expect("a long word", ["build", "oracle", "--words", "0" * 17], 2,
             stderr="nnsim: error: the words of length up to 17 need a weight of 2^18 - 1 base-4 digits, whose "
                    "denominator has more than 100000 decimal digits, the most a number in a network file may have; "
                    "the length is at most 16\n")
    t.expect("not a word", ["build", "oracle", "--words", "0,12"], 2,
             stderr="nnsim: error: the word '12' has the character '2': words are over 0 and 1\n")
    t.expect("longer than --max-len", ["build", "oracle", "--words", "0,11", "--max-len", "1"], 2,
             stderr="nnsim: error: the word '11' is longer than the longest words the weight decides (length 1)\n")
    t.expect("unknown demo", ["build", "oracle", "--demo", "primes"], 2,
             stderr="nnsim: error: unknown demonstration language 'primes' (there are palindromes, ones-mod-3)\n")
    walk = t.write("walk.tm", "tape 0 1 _\nblank _\nstart q\naccept yes\nq 0 -> q 0 R\nq 1 -> q 1 R\nq _ -> q _ R\n")
    t.expect("machine still running", ["build", "oracle", "--machine", walk, "--max-len", "2", "--max-steps", "50"], 2,
             stderr="nnsim: error: the machine neither halts nor repeats a configuration within 50 steps on the word "
                    "'0': whether it accepts it is not known (raise --max-steps)\n")
    plain = t.write("plain.nn", "input x\noutput y\ny = sat(x)\n")
    t.expect("no weight", ["check", "oracle", plain], 2,
             stderr="nnsim: error: the network has no constant 'w_L': check oracle reads the language from the weight "
                    "that nnsim build oracle writes as `const w_L = …`\n")
    t.expect("beyond the prefix", ["check", "oracle", EXAMPLE, "--max-len", "5"], 2,
             stderr="nnsim: error: digit 32 of the weight is 0, not 1 or 3, so it does not say whether the word "
                    "'00000' is in the language; the weight decides the words of length 0..4 only\n")


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_committed_example, test_shape, test_sources, test_check, test_errors],
                             "nnsim-oracle-"))
