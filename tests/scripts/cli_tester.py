"""Shared harness of the command-line test scripts tests/scripts/test_*.py.

Not a test itself (CMake runs only test_*.py).  A script imports it after
putting its own directory on sys.path, writes its tests as functions of a
Tester, and ends with `sys.exit(cli_tester.main(tests, prefix))`.  Standard
library only.
"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checks  # noqa: E402


class Tester(checks.Checks):
    """Runs nnsim in a scratch directory and counts passed and failed checks."""

    # Seconds one nnsim run may take.
    timeout = 120
    # Characters of standard output shown when a check fails; None shows all.
    shown_stdout = None

    def __init__(self, nnsim, directory):
        super().__init__()
        self.nnsim = nnsim
        self.directory = directory

    def write(self, name, text):
        with open(os.path.join(self.directory, name), "w", encoding="utf-8") as f:
            f.write(text)
        return name

    def read(self, name):
        with open(os.path.join(self.directory, name), encoding="utf-8") as f:
            return f.read()

    def run(self, *args, stdin=None):
        return subprocess.run([self.nnsim, *args], cwd=self.directory, input=stdin, capture_output=True,
                              text=True, timeout=self.timeout)

    def expect(self, name, args, code, stdout=None, stderr=None, stderr_first_line=None, stdin=None):
        """Runs nnsim and compares the exit code and, when given, the exact
        standard output, the exact standard error or its first line."""
        result = self.run(*args, stdin=stdin)
        out = result.stdout if self.shown_stdout is None else result.stdout[:self.shown_stdout]
        shown = f"nnsim {' '.join(args)} -> {result.returncode}\n     stdout: {out!r}\n" \
                f"     stderr: {result.stderr!r}"
        self.check(f"{name}: exit code {code}", result.returncode == code, shown)
        if stdout is not None:
            self.check(f"{name}: stdout", result.stdout == stdout, f"expected {stdout!r}\n     {shown}")
        if stderr is not None:
            self.check(f"{name}: stderr", result.stderr == stderr, f"expected {stderr!r}\n     {shown}")
        if stderr_first_line is not None:
            first = result.stderr.split("\n", 1)[0]
            self.check(f"{name}: stderr", first == stderr_first_line, f"expected {stderr_first_line!r}\n     {shown}")
        return result

    def json_of(self, name, result):
        """The JSON value on the result's standard output; {} and a failed
        check when it is not JSON."""
        try:
            return json.loads(result.stdout)
        except ValueError:
            self.check(f"{name}: JSON", False, result.stdout)
            return {}


def main(tests, prefix, tester=Tester):
    """Runs the test functions on one Tester in a fresh temporary directory
    with nnsim taken from argv[1]; prints `N passed, M failed` and returns the
    exit code: 0 when everything passed, 1 when something failed, 2 on bad
    usage."""
    if len(sys.argv) != 2:
        print(f"usage: {os.path.basename(sys.argv[0])} PATH_TO_nnsim", file=sys.stderr)
        return 2
    nnsim = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix=prefix) as directory:
        t = tester(nnsim, directory)
        for test in tests:
            test(t)
    return t.report()
