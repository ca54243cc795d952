#!/usr/bin/env python3
"""Command-line tests: --max-memory bounds everything a computation keeps
(trace rows, the results of many words, the numbers themselves), and a number
that cannot be allocated ends with exit code 3 and a message, never with
GMP's abort().

Usage: python3 tests/scripts/test_memory_cli.py PATH_TO_nnsim

Standard library only.  Prints one line per failure and `N passed, M failed`
at the end.
"""

import json
import os
import resource
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

OSCILLATOR = os.path.join(os.getcwd(), "networks", "lecture", "oscillator.nn")
STARTS_WITH_1 = os.path.join(os.getcwd(), "examples", "networks", "starts_with_1.nn")

# 50 neurons, each multiplied by 10^20000 (8.3 KB of limbs) every step: the
# compiled network alone holds 50 copies of the weight, over 400 KB.
BIG_WEIGHTS = "output y\n" + "".join(
    f"init x{i} = 1\nx{i} = id(1{'0' * 20000} x{i})\n" for i in range(50)) + "y = id(x0)\n"

# s(t) = 2^(2^t): sqdist squares s every step, so s(t) has 2^t + 1 bits.
SQUARES = "output s\ninit s = 2\ns = id(sqdist(s))\n"

TRACE_LIMIT = ("nnsim: error: the trace table needs more than the memory limit of 100000 bytes after {} steps: "
               "a table keeps every row to align its columns (use --format csv or jsonl, which keep nothing, or "
               "raise --max-memory)")


def test_trace_table_rows_count(t):
    # Under the random rule the oscillator never halts and no table of seen
    # states is kept; before the budget, a trace of 10^6 steps kept every row.
    result = t.expect("trace table", ["trace", OSCILLATOR, "--rule", "random:1", "--max-steps", "1000000",
                                      "--max-memory", "100000"], 3)
    first = result.stderr.split("\n", 1)[0]
    prefix = TRACE_LIMIT.split("{}")[0]
    t.check("trace table: message", first.startswith(prefix) and first.endswith(TRACE_LIMIT.split("{}")[1]),
            first)
    steps = int(first[len(prefix):].split(" ", 1)[0]) if first.startswith(prefix) else -1
    # Every row costs well over 100 bytes and under 1000: the table stopped
    # between 100 and 1000 rows, and the rows before the limit were printed.
    t.check("trace table: stopped early", 100 < steps < 1000, first)
    lines = result.stdout.splitlines()
    t.check("trace table: rows printed", len(lines) == 2 + steps + 3 and lines[-1].startswith(f"{steps - 1}  "),
            result.stdout[-300:])
    # CSV keeps nothing: the same run goes to the step limit.
    result = t.expect("trace csv", ["trace", OSCILLATOR, "--rule", "random:1", "--max-steps", "200000",
                                    "--max-memory", "100000", "--format", "csv"], 0)
    t.check("trace csv: every row", len(result.stdout.splitlines()) == 1 + 200001, result.stderr)


def test_recognize_results_count(t):
    # --all-words 10 is 2047 words.  The results are kept in a vector that
    # grows 16, 32, ..., 1024, 2048 records; 1024 records of 56 bytes are
    # 57344 bytes and 2048 are 114688, past the limit of 100000: the 1025th
    # word is the first that cannot be kept.
    t.expect("recognize results", ["recognize", STARTS_WITH_1, "--all-words", "10", "--max-memory", "100000"], 3,
             stdout="",
             stderr="nnsim: error: keeping the results of 1025 words for the report needs more than the memory "
                    "limit of 100000 bytes (raise --max-memory)\n")
    t.expect("recognize results fit", ["recognize", STARTS_WITH_1, "--all-words", "9", "--max-memory", "100000"], 0)


def test_truth_table_rows_count(t):
    # 2^16 rows of 48 bytes (3 MB) are reserved before the first run.
    parity = t.run("build", "gate", "parity", "--arity", "16").stdout
    name = t.write("parity16.nn", parity)
    t.expect("truth rows", ["truth", name, "--max-memory", "1000000"], 3, stdout="",
             stderr="nnsim: error: keeping the truth table's 65536 rows needs more than the memory limit of 1000000 "
                    "bytes after 0 rows (raise --max-memory)\n")


def test_number_ceiling(t):
    name = t.write("big_weights.nn", BIG_WEIGHTS)
    message = ("the numbers of the computation need more than the memory limit of 100000 bytes (raise "
               "--max-memory)")
    t.expect("number ceiling", ["run", name, "--max-memory", "100000"], 3, stdout="",
             stderr=f"nnsim: error: {message}\n")
    result = t.expect("number ceiling json", ["run", name, "--max-memory", "100000", "--json"], 3,
                      stderr=f"nnsim: error: {message}\n")
    t.check("number ceiling json: one object", t.json_of("number ceiling json", result) == {"error": message},
            result.stdout)


def test_brent_past_the_limit(t):
    # s(t) = 3^(2^t) never repeats: at --max-steps 10 the run is undecided
    # with s = 3^1024 (1,624 bits).  Brent's method goes on past the limit
    # looking for a repetition by step 10; the values it meets there grow
    # past what --max-memory lets numbers take by step 17, and a value
    # longer than every value up to the limit already proves there is none:
    # the verdict is the table's, not exit 3.
    name = t.write("cubes.nn", "init s = 3\ns = id(sqdist(s))\n")
    for method in ("table", "brent"):
        result = t.expect(f"3^(2^t), {method}", ["run", name, "--max-steps", "10", "--max-memory", "100000",
                                                  "--repetitions", method, "--json"], 0)
        report = t.json_of(f"3^(2^t), {method}", result) or {}
        t.check(f"3^(2^t), {method}: undecided at 10 with s = 3^1024",
                (report.get("status"), report.get("steps"), report.get("state")) == ("undecided", 10,
                                                                                     {"s": str(3 ** 1024)}),
                result.stdout[:300])


def sanitized(nnsim):
    with open(nnsim, "rb") as f:
        return b"__asan_init" in f.read()


def test_allocation_failure(t):
    # GMP cannot allocate: it would abort() (exit 134); nnsim exits with 3.
    # AddressSanitizer reserves terabytes of address space, so the limit on
    # it cannot be tested under the sanitizers.
    if sanitized(t.nnsim):
        return
    name = t.write("squares.nn", SQUARES)

    def limit_address_space():
        resource.setrlimit(resource.RLIMIT_AS, (250 << 20, 250 << 20))

    result = cli_tester.subprocess.run(
        [t.nnsim, "run", name, "--max-bits", "100000000000", "--max-memory", "100000000000"], cwd=t.directory,
        capture_output=True, text=True, timeout=t.timeout, preexec_fn=limit_address_space)
    t.check("allocation failure: exit 3", result.returncode == 3, f"{result.returncode} {result.stderr!r}")
    t.check("allocation failure: message", result.stderr.startswith("nnsim: error: out of memory"), result.stderr)


def test_machine_trace_streamed(t):
    # tm --trace --json writes each configuration as it comes: a machine that
    # writes rightwards for 10000 steps produces 10000 growing tapes (about
    # 100 MB of JSON), which once were all held in memory first.
    if sanitized(t.nnsim):
        return
    name = t.write("right.tm", "machine right\ntape 0 1 _\nblank _\nstart q\naccept yes\nreject no\n"
                               "q 0 -> q 1 R\nq 1 -> q 1 R\nq _ -> q 1 R\n")

    def limit_address_space():
        resource.setrlimit(resource.RLIMIT_AS, (150 << 20, 150 << 20))

    with open(os.devnull, "w") as sink:
        result = cli_tester.subprocess.run(
            [t.nnsim, "tm", name, "", "--max-steps", "10000", "--trace", "--json"], cwd=t.directory,
            stdout=sink, stderr=cli_tester.subprocess.PIPE, text=True, timeout=t.timeout,
            preexec_fn=limit_address_space)
    t.check("tm trace json in 150 MB", result.returncode == 0, f"{result.returncode} {result.stderr!r}")


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_trace_table_rows_count, test_recognize_results_count, test_truth_table_rows_count,
                              test_number_ceiling, test_brent_past_the_limit,
                              test_allocation_failure, test_machine_trace_streamed], "nnsim-memory-"))
