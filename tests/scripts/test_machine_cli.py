"""Command-line tests of `nnsim build machine` and `nnsim check machine`.

Run by CTest as `python3 tests/scripts/test_machine_cli.py PATH_TO_nnsim`
from the repository root.
"""
import json
import subprocess
import sys

NNSIM = sys.argv[1]
MACHINES = ["even_ones", "ends_01", "zeros_then_ones", "palindromes", "equal_count", "divisible_by_3", "abc"]
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


for machine in MACHINES:
    tm = f"networks/machines/{machine}.tm"
    built = run("build", "machine", tm)
    check(f"{machine}: build exits 0", built.returncode == 0, built.stderr)
    # The committed network is what the compiler writes today.
    fresh = run("fmt", "-", stdin=built.stdout)
    committed = run("fmt", f"networks/machines/{machine}.nn")
    check(f"{machine}: committed network is up to date", fresh.stdout == committed.stdout and fresh.returncode == 0)
    info = json.loads(run("info", f"networks/machines/{machine}.nn", "--json").stdout)
    check(f"{machine}: one input", info["inputs"] == ["x"], info["inputs"])
    check(f"{machine}: one output", info["outputs"] == ["y"], info["outputs"])
    check(f"{machine}: only sat", list(info["activations"].keys()) == ["sat"], info["activations"])
    check(f"{machine}: parallel rule", info["rule"] == "parallel", info["rule"])

report = run("check", "machine", "networks/machines/palindromes.tm", "--words", "5", "--json")
check("check machine exit 0", report.returncode == 0, report.stderr)
data = json.loads(report.stdout)
# 63 words of length <= 5; the palindromes among them: 1 + 2 + 2 + 4 + 4 + 8 = 21.
check("check machine counts", (data["words"], data["accept"], data["reject"], data["mismatches"]) == (63, 21, 42, 0), data)
check("check machine size", (data["states"], data["symbols"], data["neurons"]) == (8, 3, 240), data)

# A network that disagrees with the machine: the even_ones network checked
# against ends_01 is the same as recognizing it with that expectation.
wrong = run("recognize", "networks/machines/even_ones.nn", "--all-words", "2", "--expect-machine",
            "networks/machines/ends_01.tm", "--json")
check("mismatch exit 1", wrong.returncode == 1, wrong.stderr)

broken = run("build", "machine", "-", stdin="tape 0 1 _\nblank _\nstart q\naccept yes\nq 0 -> q 2 R\n")
check("broken machine exit 2", broken.returncode == 2)
check("broken machine located", broken.stderr.startswith("<stdin>:5:10: error: symbol '2' is not in the tape alphabet"),
      broken.stderr)
check("check machine --words too large", run("check", "machine", "networks/machines/even_ones.tm", "--words", "99").returncode == 2)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
