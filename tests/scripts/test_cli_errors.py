#!/usr/bin/env python3
"""Command-line tests of the messages for mistakes: a misspelt command,
subcommand or option gets the closest correct one suggested; CLI11's own
messages are replaced by sentences that name the option; characters copied
from slides (a minus sign U+2212, a multiplication sign) are named with the
ASCII they stand for, in files and in option values alike.

Usage: python3 tests/scripts/test_cli_errors.py PATH_TO_nnsim

Every check compares the whole standard error (and that nothing went to
standard output).  Standard library only.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

XOR = """\
network xor
input x1, x2
output y
h1 = step(-1 + 2 x1 + 2 x2)
h2 = step(3 - 2 x1 - 2 x2)
y  = step(-2 + h1 + h2)
"""

ONE_INPUT = """\
input x
output y
y = step(x - 1/2)
"""

MACHINE = """\
tape 0 1 _
blank _
start q
accept yes
q _ -> yes _ S
"""

COMMANDS = "run, trace, view, step, eval, info, dot, fmt, encode, decode, recognize, tm, tag, truth, build, separable, check, learn, merge"


def error(message, help_command=None):
    """The standard error of a refused command line."""
    text = f"nnsim: error: {message}\n"
    return text + (f"(see '{help_command}')\n" if help_command else "")


def test_commands(t):
    unknown = error(f"unknown command 'frobnicate' (the commands are {COMMANDS})", "nnsim --help")
    t.expect("unknown command", ["frobnicate"], 2, stdout="", stderr=unknown)
    # With --help it is still an error, not the main help.
    t.expect("unknown command with --help", ["frobnicate", "--help"], 2, stdout="", stderr=unknown)
    t.expect("unknown command with --version", ["frobnicate", "--version"], 2, stdout="", stderr=unknown)
    t.expect("misspelt command", ["rnu", "xor.nn"], 2, stdout="",
             stderr=error("unknown command 'rnu'; did you mean 'run'?", "nnsim --help"))
    t.expect("swapped letters", ["tarce", "xor.nn"], 2, stdout="",
             stderr=error("unknown command 'tarce'; did you mean 'trace'?", "nnsim --help"))
    t.expect("abbreviated command", ["recog", "xor.nn"], 2, stdout="",
             stderr=error("unknown command 'recog'; did you mean 'recognize'?", "nnsim --help"))
    t.expect("misspelt subcommand with --help", ["build", "gat", "--help"], 2, stdout="",
             stderr=error("unknown build command 'gat'; did you mean 'gate'?", "nnsim build --help"))
    t.expect("misspelt check subcommand", ["check", "mahcine", "m.tm"], 2, stdout="",
             stderr=error("unknown check command 'mahcine'; did you mean 'machine'?", "nnsim check --help"))
    t.expect("abbreviated learn subcommand", ["learn", "perc", "d.csv"], 2, stdout="",
             stderr=error("unknown learn command 'perc'; did you mean 'perceptron'?", "nnsim learn --help"))
    t.expect("unknown subcommand", ["check", "everything"], 2, stdout="",
             stderr=error("unknown check command 'everything' (they are boolean, machine, oracle, approx, universal)", "nnsim check --help"))
    t.expect("group without subcommand", ["learn"], 2, stdout="",
             stderr=error("nnsim learn needs one of its commands: perceptron", "nnsim learn --help"))
    t.expect("misspelt program option", ["--verison"], 2, stdout="",
             stderr=error("unknown option '--verison'; did you mean '--version'?", "nnsim --help"))
    t.expect("unknown program option", ["--frob"], 2, stdout="",
             stderr=error(f"unknown option '--frob' before a command (the commands are {COMMANDS})",
                          "nnsim --help"))
    t.write("xor.nn", XOR)
    t.expect("command option before the command", ["--json", "run", "xor.nn", "--input", "1,0"], 2,
             stdout='{"error":"\'--json\' is an option of \'nnsim run\'; give it after \'run\'"}\n',
             stderr=error("'--json' is an option of 'nnsim run'; give it after 'run'", "nnsim run --help"))
    t.expect("--version with a word", ["--version", "extra"], 2, stdout="",
             stderr=error(f"unknown command 'extra' (the commands are {COMMANDS})", "nnsim --help"))


def test_options(t):
    t.write("xor.nn", XOR)
    t.write("m.tm", MACHINE)
    t.write("d.csv", "1,1\n0,0\n")
    run = ["run", "xor.nn", "--input", "1,0"]
    help_run = "nnsim run --help"
    t.expect("misspelt option", ["run", "xor.nn", "--max-step", "10"], 2, stdout="",
             stderr=error("nnsim run has no option '--max-step'; did you mean '--max-steps'?", help_run))
    t.expect("misspelt option with =", ["run", "xor.nn", "--max-step=10"], 2, stdout="",
             stderr=error("nnsim run has no option '--max-step'; did you mean '--max-steps'?", help_run))
    t.expect("option in capitals", ["run", "xor.nn", "--Input", "1,0"], 2, stdout="",
             stderr=error("nnsim run has no option '--Input'; did you mean '--input'?", help_run))
    t.expect("unknown short option", ["run", "-x", "xor.nn"], 2, stdout="",
             stderr=error("nnsim run has no option '-x'", help_run))
    t.expect("unknown option before a missing argument", ["info", "--jsn"], 2, stdout="",
             stderr=error("nnsim info has no option '--jsn'; did you mean '--json'?", "nnsim info --help"))
    t.expect("unknown option with --json", ["run", "xor.nn", "--bogus", "--json"], 2,
             stdout='{"error":"nnsim run has no option \'--bogus\'"}\n',
             stderr=error("nnsim run has no option '--bogus'", help_run))
    t.expect("an argument too many", ["run", "xor.nn", "b.nn"], 2, stdout="",
             stderr=error("unexpected argument 'b.nn' (nnsim run takes only FILE)", help_run))
    t.expect("an argument too many after --", run + ["--", "extra"], 2, stdout="",
             stderr=error("unexpected argument 'extra' (nnsim run takes only FILE)", help_run))
    t.expect("an argument too many, two arguments", ["tm", "m.tm", "0", "1"], 2, stdout="",
             stderr=error("unexpected argument '1' (nnsim tm takes only FILE and WORD)", "nnsim tm --help"))
    t.expect("an argument to a command without arguments", ["check", "boolean", "--arity", "2", "x"], 2,
             stdout="", stderr=error("unexpected argument 'x' (nnsim check boolean takes no arguments, only options)",
                                     "nnsim check boolean --help"))
    t.expect("two exclusive options", ["run", "xor.nn", "--input", "1,0", "--word", "1"], 2, stdout="",
             stderr=error("only one of --input and --word may be given", help_run))
    t.expect("two exclusive expectations", ["truth", "xor.nn", "--expect", "0110", "--expect-formula", "x1"], 2,
             stdout="", stderr=error("only one of --expect and --expect-formula may be given", "nnsim truth --help"))
    t.expect("an option twice", ["run", "xor.nn", "--input", "1,0", "--input", "0,1"], 2, stdout="",
             stderr=error("--input may be given only once", help_run))
    t.expect("an option without its value", ["run", "xor.nn", "--input"], 2, stdout="",
             stderr=error("--input needs a value (V1,...,Vk)", help_run))
    t.expect("-o without its value", ["fmt", "xor.nn", "-o"], 2, stdout="",
             stderr=error("--output needs a value (FILE)", "nnsim fmt --help"))
    t.expect("missing argument", ["run"], 2, stdout="", stderr=error("nnsim run needs a FILE argument", help_run))
    t.expect("missing arguments", ["encode"], 2, stdout="",
             stderr=error("nnsim encode needs at least one WORD argument", "nnsim encode --help"))
    t.expect("missing second argument", ["tm", "m.tm"], 2, stdout="",
             stderr=error("nnsim tm needs a WORD argument", "nnsim tm --help"))
    t.expect("missing required option", ["check", "boolean"], 2, stdout="",
             stderr=error("nnsim check boolean needs --arity N", "nnsim check boolean --help"))
    t.expect("--threads 0", ["check", "boolean", "--arity", "2", "--threads", "0"], 2, stdout="",
             stderr=error("--threads: 0 is too small (at least 1)", "nnsim check boolean --help"))
    t.expect("--threads x", ["check", "boolean", "--arity", "2", "--threads", "x"], 2, stdout="",
             stderr=error("--threads: 'x' is not a whole number", "nnsim check boolean --help"))
    t.expect("--max-epochs 0", ["learn", "perceptron", "d.csv", "--max-epochs", "0"], 2, stdout="",
             stderr=error("--max-epochs: 0 is too small (at least 1)", "nnsim learn perceptron --help"))
    t.expect("--words too large", ["check", "machine", "m.tm", "--words", "99"], 2, stdout="",
             stderr=error("--words: 99 is too large (at most 24)", "nnsim check machine --help"))


def test_values(t):
    t.write("xor.nn", XOR)
    t.write("one.nn", ONE_INPUT)
    help_run = "nnsim run --help"
    t.expect("minus sign in --input", ["run", "xor.nn", "--input", "\u22121,0"], 2, stdout="",
             stderr=error("--input: invalid value '\u22121': '\u2212' (U+2212 MINUS SIGN) is not ASCII '-'; "
                          "use ASCII '-'", help_run))
    t.expect("en dash in --input", ["run", "xor.nn", "--input", "1,\u20131/2"], 2, stdout="",
             stderr=error("--input: invalid value '\u20131/2': '\u2013' (U+2013 EN DASH) is not ASCII '-'; "
                          "use ASCII '-'", help_run))
    t.expect("fullwidth comma in --input", ["run", "xor.nn", "--input", "1\uff0c0"], 2, stdout="",
             stderr=error("--input: invalid value '1\uff0c0': '\uff0c' (U+FF0C FULLWIDTH COMMA) is not ASCII ','; "
                          "use ASCII ','", help_run))
    t.expect("curly quotes around --word", ["run", "one.nn", "--word", "\u201801\u2019"], 2, stdout="",
             stderr=error("--word: invalid word '\u201801\u2019': '\u2018' (U+2018 LEFT SINGLE QUOTATION MARK) "
                          "at position 1 is not 0 or 1", help_run))
    t.expect("misspelt rule", ["run", "xor.nn", "--input", "1,0", "--rule", "paralel"], 2, stdout="",
             stderr=error("--rule: unknown rule 'paralel'; did you mean 'parallel'?", help_run))
    t.expect("misspelt number mode", ["run", "xor.nn", "--input", "1,0", "--numbers", "rationl"], 2, stdout="",
             stderr=error("--numbers: unknown number mode 'rationl'; did you mean 'rational'?", help_run))
    t.expect("real without precision", ["run", "xor.nn", "--input", "1,0", "--numbers", "real"], 2, stdout="",
             stderr=error("--numbers: number mode 'real' needs a precision in bits: real:P, from 2 to 100000 (e.g. real:128)", help_run))
    t.expect("misspelt trace format", ["trace", "xor.nn", "--input", "1,0", "--format", "tabel"], 2, stdout="",
             stderr=error("--format: unknown format 'tabel'; did you mean 'table'?", "nnsim trace --help"))
    t.expect("multiplication sign in a formula", ["separable", "--formula", "x1 \u00d7 x2"], 2, stdout="",
             stderr=error("formula: column 4: unexpected character '\u00d7' (U+00D7 MULTIPLICATION SIGN); "
                          "and is written '&'"))
    t.expect("logical and in a formula", ["separable", "--formula", "x1 \u2227 x2"], 2, stdout="",
             stderr=error("formula: column 4: unexpected character '\u2227' (and is written '&')"))


def test_files(t):
    t.write("sigmoid.nn", "input x\noutput y\ny = sigmoid(x)\n")
    t.expect("sigmoid", ["fmt", "sigmoid.nn"], 2, stdout="",
             stderr="sigmoid.nn:3:5: error: unknown activation 'sigmoid'; did you mean 'logistic'? "
                    "(the lecture's sigmoid is logistic)\n  y = sigmoid(x)\n      ^\n")
    t.write("max.nn", "input x\noutput y\ny = max(x, 0)\n")
    t.expect("max(x, 0)", ["fmt", "max.nn"], 2, stdout="",
             stderr="max.nn:3:5: error: unknown activation 'max'; did you mean 'relu'? "
                    "(max(\u03be, 0) is written relu(\u03be))\n  y = max(x, 0)\n      ^\n")
    t.write("minus.nn", "input x\noutput y\ny = step(\u22121 + 2 x)\n")
    t.expect("minus sign in a network", ["fmt", "minus.nn"], 2, stdout="",
             stderr="minus.nn:3:10: error: '\u2212' (U+2212 MINUS SIGN) is not ASCII '-'; use ASCII '-'\n"
                    "  y = step(\u22121 + 2 x)\n           ^\n")
    t.write("arrow.tm", MACHINE.replace("q _ -> yes _ S", "q _ \u2192 yes _ S"))
    t.expect("arrow in a machine", ["tm", "arrow.tm", "0"], 2, stdout="",
             stderr="arrow.tm:5:5: error: '\u2192' (U+2192 RIGHTWARDS ARROW) is not ASCII '->'; use ASCII '->'\n"
                    "  q _ \u2192 yes _ S\n      ^\n")
    t.write("minus.csv", "x1,x2,d\n1,\u22121,1\n")
    t.expect("minus sign in training data", ["learn", "perceptron", "minus.csv"], 2, stdout="",
             stderr="minus.csv:2:3: error: '\u2212' (U+2212 MINUS SIGN) is not ASCII '-'; use ASCII '-'\n"
                    "  1,\u22121,1\n    ^\n")


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_commands, test_options, test_values, test_files], "nnsim-cli-errors-"))
