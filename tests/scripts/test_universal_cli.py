"""Command-line tests of the universal network: `nnsim build universal`,
`encode universal`, `decode universal`, `check universal`, and `encode
--code` / `decode --code`.  Expected values are Rogozhin's published facts
(the tape and the word left after 517 transitions) or computed here
independently (the block code and δ with Python's Fractions).

Run by CTest as `python3 tests/scripts/test_universal_cli.py PATH_TO_nnsim`
from the repository root.
"""
import json
import os
import subprocess
import sys
import tempfile
from fractions import Fraction

NNSIM = sys.argv[1]
passed = failed = 0


def run(*args, stdin=None):
    return subprocess.run([NNSIM, *args], input=stdin, capture_output=True, text=True)


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def delta(binary):
    """δ(w) = 0.w1 in binary, as a Fraction."""
    return Fraction(int(binary + "1", 2), 2 ** (len(binary) + 1))


# The committed network is what `build universal` writes today.
built = run("build", "universal")
check("build universal exits 0", built.returncode == 0, built.stderr)
fresh = run("fmt", "-", stdin=built.stdout)
committed = run("fmt", "networks/universal/universal.nn")
check("committed universal network is up to date", fresh.stdout == committed.stdout and fresh.returncode == 0)
info = json.loads(run("info", "networks/universal/universal.nn", "--json").stdout)
check("universal network: 311 neurons, under 886", info["neurons"] == 311 < 886, info["neurons"])
check("universal network: only sat", list(info["activations"].keys()) == ["sat"], info["activations"])

# Rogozhin's example: the tape is the paper's, the input its block code.
TAG = "networks/universal/rogozhin-517.tag"
encoded = run("encode", "universal", "--tag", TAG, "--word", "a1 a1 a2", "--json")
check("encode universal exits 0", encoded.returncode == 0, encoded.stderr)
data = json.loads(encoded.stdout)
check("the published tape", data["tape"] == "<bb1b1bbb1c1c11111", data["tape"])
code = {"<": "00", "b": "01", "1": "10", "c": "11"}
binary = "".join(code[c] for c in data["tape"])
check("the block code", data["binary_word"] == binary, data["binary_word"])
check("the input is δ of the code", Fraction(data["input"]) == delta(binary), data["input"])
check("in Rogozhin's form, not normalised", data["normalised"] is False)

# Run the network and read the result back: the paper's 1c11111 is a1 a2.
with tempfile.TemporaryDirectory() as work:
    run_json = os.path.join(work, "run.json")
    result = run("run", "networks/universal/universal.nn", "--input", data["input"], "--json")
    check("the network halts", json.loads(result.stdout)["status"] == "halted", result.stdout[:200])
    with open(run_json, "w") as f:
        f.write(result.stdout)
    decoded = run("decode", "universal", run_json, "--tag", TAG, "--json")
    check("decode universal exits 0", decoded.returncode == 0, decoded.stderr)
    check("decode universal reads a1 a2", json.loads(decoded.stdout)["word"] == "a1 a2", decoded.stdout)
    # A run that did not halt has no result.
    short = run("run", "networks/universal/universal.nn", "--input", data["input"], "--max-steps", "100", "--json")
    with open(run_json, "w") as f:
        f.write(short.stdout)
    unfinished = run("decode", "universal", run_json, "--tag", TAG)
    check("decode universal of an unfinished run: exit 2", unfinished.returncode == 2, unfinished.stderr)
    check("decode universal says why", "did not halt" in unfinished.stderr, unfinished.stderr)
    # A stack value whose base-12 expansion never ends (1/11 = 0.111... in
    # base 12, every digit odd) is refused, not decoded for ever.
    halted = json.loads(result.stdout)
    halted["state"]["tm.A.L"] = "1/11"
    with open(run_json, "w") as f:
        json.dump(halted, f)
    endless = subprocess.run([NNSIM, "decode", "universal", run_json, "--tag", TAG], capture_output=True, text=True,
                             timeout=30)
    check("an endless stack code: exit 2", endless.returncode == 2, endless.stderr)
    check("an endless stack code: says why", "does not end" in endless.stderr, endless.stderr)

# check universal: the example through every level, and random systems.
report = run("check", "universal", "--tag", TAG, "--word", "a1 a1 a2", "--json")
check("check universal exits 0", report.returncode == 0, report.stderr)
levels = json.loads(report.stdout)["cases"][0]["levels"]
check("three levels agree", [l["verdict"] for l in levels] == ["agrees"] * 3, levels)
check("531 transitions: the paper's 517, the prelude's 13, the halting one", levels[1]["steps"] == 531, levels[1])
random_report = run("check", "universal", "--random", "6", "--seed", "40", "--no-network", "--json")
check("random systems agree", random_report.returncode == 0 and json.loads(random_report.stdout)["mismatches"] == 0,
      random_report.stdout[-300:])

# Errors and limits.
check("encode universal without a system: exit 2",
      run("encode", "universal", "--word", "a1").returncode == 2)
one_letter = run("encode", "universal", "--tag", TAG, "--word", "a1")
check("a one-letter word: exit 2", one_letter.returncode == 2, one_letter.stderr)
check("a one-letter word: says why", "at least 2" in one_letter.stderr, one_letter.stderr)
too_big = run("encode", "universal", "--machine", "networks/machines/even_ones.tm", "--word", "1", "--max-tape", "1000")
check("a tape beyond --max-tape: exit 3", too_big.returncode == 3, too_big.stderr)
not_input = run("encode", "universal", "--machine", "networks/universal/reject_at_once.tm", "--word", "0")
check("a machine's word over its input symbols only: exit 2", not_input.returncode == 2, not_input.stderr)
built_in = json.loads(run("check", "universal", "--random", "0", "--no-network", "--json").stdout)
check("--random 0: the three built-in cases only", len(built_in["cases"]) == 3, len(built_in["cases"]))
machine = json.loads(run("encode", "universal", "--machine", "networks/universal/reject_at_once.tm", "--word", "1",
                         "--json").stdout)
check("a machine's input: a tape of <, b, 1, c", set(machine["tape"]) <= set("<b1c"), machine["tape"][:40])

# The block code of a machine over a b c: a = 00, b = 01, c = 10.
ABC = "networks/machines/abc.tm"
encoded = run("encode", "--code", ABC, "abc", "cab")
check("encode --code", encoded.stdout == f"000110 {delta('000110')}\n100001 {delta('100001')}\n", encoded.stdout)
decoded = run("decode", "--code", ABC, str(delta("000110")), str(delta("1101")))
check("decode --code", decoded.stdout == "000110 abc\n1101 ?b\n", decoded.stdout)
bad = run("encode", "--code", ABC, "abd")
check("encode --code of a non-input symbol: exit 2", bad.returncode == 2, bad.stderr)
tm = run("tm", ABC, "aabbcc")
check("tm on a word over a b c", "accept" in tm.stdout, tm.stdout)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
