#!/usr/bin/env python3
"""Command-line tests: the progress line of long work and Ctrl-C (cli.md,
"Progress and Ctrl-C").

A long computation shows one progress line on standard error when that is
a terminal (here a pseudo-terminal) or NNSIM_PROGRESS=always, and nothing
when standard error is a pipe, with --json or with NNSIM_PROGRESS=never.
SIGINT stops run, trace, recognize, check boolean and check machine: they
print what they reached and exit with 130.

No check depends on timing: a SIGINT is sent once nnsim has installed its
handler (read from /proc/PID/status) or once the progress line has
appeared, and whatever step the work had reached, the report must say it.
Where a test asserts that no line appears, it waits longer than the second
after which a line would appear.

Usage: python3 tests/scripts/test_progress_cli.py PATH_TO_nnsim

Standard library only.  Prints one line per failure and `N passed, M failed`
at the end.
"""

import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import tempfile
import time
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

GROW = os.path.join(os.getcwd(), "examples", "networks", "grow.nn")
PALINDROMES = os.path.join(os.getcwd(), "networks", "machines", "palindromes.tm")

# A computation that neither halts nor repeats and slows down as its values
# grow (s(t) has about 3t bits): minutes before any limit ends it.
ENDLESS_RUN = ["run", GROW, "--input", "1/2", "--max-steps", "1000000000000", "--max-bits", "1000000000"]
# 131,071 words of 3000 steps each: minutes of work.
LONG_RECOGNIZE = ["recognize", GROW, "--all-words", "16", "--max-steps", "3000", "--max-bits", "1000000000"]

# 100,000 inputs, most of them 3000 steps of growing values: minutes of work.
LONG_EVAL = ["eval", GROW, "--grid", "0:1:100000", "--max-steps", "3000", "--max-bits", "1000000000"]

# Generous: a loaded two-core machine under the sanitizers is slow.
WAIT = 120
# Longer than the second of work after which a progress line appears.
QUIET_WAIT = 2.5

# The progress line's redraws and its final clearing.
PROGRESS = re.compile(r"\r([^\r\n\x1b]*)\x1b\[K")


def start(t, args, env_progress=None, stderr=subprocess.PIPE, stdout=subprocess.PIPE):
    """Starts nnsim with SIGINT at its default (a background shell may have
    ignored it, which nnsim respects)."""
    env = dict(os.environ)
    env.pop("NNSIM_PROGRESS", None)
    if env_progress is not None:
        env["NNSIM_PROGRESS"] = env_progress
    return subprocess.Popen([t.nnsim, *args], cwd=t.directory, env=env, stdout=stdout, stderr=stderr,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def catches_sigint(pid):
    """Whether the process has a handler for SIGINT (bit 2 of SigCgt)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("SigCgt:"):
                    return int(line.split()[1], 16) & (1 << (signal.SIGINT - 1)) != 0
    except OSError:
        pass
    return False


def wait_for_handler(process):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline and process.poll() is None:
        if catches_sigint(process.pid):
            return True
        time.sleep(0.02)
    return False


def read_until(fd, pattern, seen=b""):
    """Reads from `fd` until `pattern` (bytes regex) matches what was read;
    returns (matched, everything read)."""
    deadline = time.monotonic() + WAIT
    while not re.search(pattern, seen):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False, seen
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # a pseudo-terminal whose other side is closed
            return False, seen
        if not chunk:
            return False, seen
        seen += chunk
    return True, seen


def read_all(fd, seen=b""):
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return seen
        if not chunk:
            return seen
        seen += chunk


def interrupt(process):
    """SIGINT, then the rest of standard output and the exit code."""
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=WAIT)
    return process.returncode, out.decode()


def interrupt_with_stderr(process, seen):
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=WAIT)
    return process.returncode, out.decode(), (seen + err).decode()


def only_progress(text):
    """Whether standard error held nothing but progress lines, cleared at the end."""
    return PROGRESS.sub("", text) == "" and text.endswith("\r\x1b[K")


def test_run_interrupted(t):
    # The line appears on a pipe with NNSIM_PROGRESS=always; then Ctrl-C.
    process = start(t, ENDLESS_RUN, env_progress="always")
    found, seen = read_until(process.stderr.fileno(), rb"\rrun: \d+ steps, largest value \d+ bits, ")
    t.check("run: progress line with NNSIM_PROGRESS=always", found, repr(seen[-300:]))
    code, out, err = interrupt_with_stderr(process, seen)
    t.check("run: exit code 130", code == 130, f"{code}")
    lines = out.split("\n")
    match = re.fullmatch(r"undecided: interrupted at step (\d+) \(no fixed point or repetition up to there\)",
                         lines[1] if len(lines) > 1 else "")
    t.check("run: interrupted at step N", lines[0] == "input: x = 1/2" and match is not None, out[:300])
    if match:
        steps = match.group(1)
        t.check("run: output and state of y(N)",
                lines[2].startswith(f"output neurons in y({steps}): s = ")
                and lines[2].endswith("(not a network output: the computation has not stopped)")
                and lines[3] == f"state y({steps}):" and lines[-3] == "rule: parallel"
                and lines[-2] == "numbers: rational (exact)", out[:300])
        shown = [int(n) for n in re.findall(rb"run: (\d+) steps", seen)]
        t.check("run: at least the steps the progress line showed", shown and int(steps) >= max(shown))
    t.check("run: standard error holds only the cleared progress line", only_progress(err), repr(err[-300:]))


def test_run_json_interrupted(t):
    process = start(t, ENDLESS_RUN + ["--json"], env_progress="always")
    t.check("run --json: handler installed", wait_for_handler(process))
    code, out, err = interrupt_with_stderr(process, b"")
    t.check("run --json: exit code 130", code == 130, f"{code} {err!r}")
    t.check("run --json: no progress line even with NNSIM_PROGRESS=always", err == "", repr(err[-300:]))
    try:
        result = json.loads(out)
    except ValueError:
        t.check("run --json: JSON", False, out[:300])
        return
    t.check("run --json: undecided and interrupted",
            list(result)[:3] == ["status", "interrupted", "steps"] and result["status"] == "undecided"
            and result["interrupted"] is True and isinstance(result["steps"], int), out[:300])
    t.check("run --json: the state reached",
            set(result["state"]) == {"x", "s"} and result["state"]["x"] == "1/2"
            and result["outputs"] == [result["state"]["s"]] and "cycle" not in result, out[:300])


def test_run_without_interrupt_has_no_member(t):
    # A run that is not interrupted keeps the object of cli.md exactly.
    result = t.expect("run --json", ["run", GROW, "--input", "1/2", "--max-steps", "3", "--json"], 0)
    t.check("run --json: no interrupted member", "interrupted" not in t.json_of("run --json", result))


def test_trace_interrupted(t):
    process = start(t, ["trace", GROW, "--input", "1/2", "--neurons", "x"] + ENDLESS_RUN[4:], env_progress="always")
    found, seen = read_until(process.stderr.fileno(), rb"\rtrace: \d+ steps")
    t.check("trace: progress line", found, repr(seen[-300:]))
    code, out, err = interrupt_with_stderr(process, seen)
    t.check("trace: exit code 130", code == 130, f"{code}")
    match = re.search(r"\n(\d+) +s +1/2\n\nundecided: interrupted at step (\d+) \(no fixed point or repetition "
                      r"up to there\)\noutput neurons in y\(\d+\): s = ", out)
    t.check("trace: the rows up to step N, then the verdict", match is not None and match.group(1) == match.group(2),
            out[-500:])
    t.check("trace: the table starts at y(0)", out.startswith("input: x = 1/2\nrule: parallel\n\n"), out[:300])
    t.check("trace: standard error holds only the cleared progress line", only_progress(err), repr(err[-300:]))


def test_trace_jsonl_interrupted(t):
    process = start(t, ["trace", GROW, "--input", "1/2", "--neurons", "x", "--format", "jsonl"] + ENDLESS_RUN[4:])
    t.check("trace jsonl: handler installed", wait_for_handler(process))
    # Rows stream to the pipe while it runs; communicate() reads them.
    code, out = interrupt(process)
    t.check("trace jsonl: exit code 130", code == 130, f"{code}")
    lines = out.strip("\n").split("\n")
    try:
        last = json.loads(lines[-1])
        rows = [json.loads(line) for line in lines[:-1]]
    except ValueError:
        t.check("trace jsonl: JSON lines", False, out[-300:])
        return
    t.check("trace jsonl: one row per state, then the result",
            last.get("interrupted") is True and last.get("status") == "undecided"
            and [row["t"] for row in rows] == list(range(last["steps"] + 1)), out[-300:])


def test_recognize_interrupted(t):
    process = start(t, LONG_RECOGNIZE, env_progress="always")
    found, seen = read_until(process.stderr.fileno(), rb"\rrecognize: [1-9]\d*/131071 words, ")
    t.check("recognize: progress line", found, repr(seen[-300:]))
    code, out, err = interrupt_with_stderr(process, seen)
    t.check("recognize: exit code 130", code == 130, f"{code}")
    match = re.search(r"\n\n(\d+) words?: (\d+) accept, 0 reject, 0 reject \(diverges\), (\d+) undecided\n"
                      r"interrupted: (\d+) of 131071 words classified \(Ctrl-C\); the counts are over these\n", out)
    t.check("recognize: the counts so far and how far it got", match is not None, out[-500:])
    if match:
        classified, accepted, undecided, reported = (int(group) for group in match.groups())
        rows = re.findall(r"^(\S+) +\S+ +(?:accept|undecided) +\d+ +\d+$", out, re.M)
        t.check("recognize: one row per word classified",
                classified >= 1 and reported == classified == accepted + undecided
                and len(rows) == classified and rows[:3] == ["ε", "0", "1"][:classified], out[:500])
    t.check("recognize: standard error holds only the cleared progress line", only_progress(err), repr(err[-300:]))


def test_recognize_json_interrupted(t):
    process = start(t, LONG_RECOGNIZE + ["--json"])
    t.check("recognize --json: handler installed", wait_for_handler(process))
    time.sleep(0.5)  # some words, usually; none is a correct answer too
    code, out, err = interrupt_with_stderr(process, b"")
    t.check("recognize --json: exit code 130", code == 130, f"{code} {err!r}")
    try:
        result = json.loads(out)
    except ValueError:
        t.check("recognize --json: JSON", False, out[:300])
        return
    t.check("recognize --json: the words so far",
            result.get("interrupted") is True and result.get("total_words") == 131071
            and result.get("classified") == len(result["words"]) == sum(result["counts"].values()), out[:300])


def eval_interrupted(t, extra, wait):
    """Starts LONG_EVAL with standard output into a file (its rows are long:
    a pipe nobody reads would stop it), interrupts it once `wait` says so and
    returns the exit code, the rows and standard error."""
    with tempfile.TemporaryFile() as rows:
        process = start(t, LONG_EVAL + extra, env_progress="always", stdout=rows)
        found, seen = wait(process)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=WAIT)
        rows.seek(0)
        return found, process.returncode, rows.read().decode(), (seen + err).decode()


def test_eval_interrupted(t):
    found, code, out, err = eval_interrupted(
        t, [], lambda process: read_until(process.stderr.fileno(), rb"\reval: [1-9]\d*/100000 inputs, "))
    t.check("eval: progress line", found, repr(err[-300:]))
    t.check("eval: exit code 130", code == 130, f"{code}")
    lines = out.splitlines()
    t.check("eval: the header", lines[:1] == ["x,status,steps,cycle_start,cycle_period,s"], out[:200])
    rows = lines[1:]
    # Row i is the input i/99999; the first halts at once, the others run out of steps.
    expected = ["0,halted,0,,,0"] + [f"{Fraction(i, 99999)},undecided,3000,,," for i in range(1, len(rows))]
    t.check("eval: the rows before the interrupted one, complete",
            len(rows) >= 1 and [row if row.startswith("0,") else row[:row.rindex(",") + 1] for row in rows] == expected,
            out[:300])
    t.check("eval: how far it got", PROGRESS.sub("", err) == f"nnsim: interrupted: {len(rows)} "
            f"input{'s' if len(rows) != 1 else ''} evaluated (Ctrl-C); the rows written are theirs\n", repr(err[-300:]))


def test_eval_json_interrupted(t):
    def wait(process):
        installed = wait_for_handler(process)
        time.sleep(0.5)
        return installed, b""
    installed, code, out, err = eval_interrupted(t, ["--json"], wait)
    t.check("eval --json: handler installed", installed)
    t.check("eval --json: exit code 130", code == 130, f"{code} {err!r}")
    t.check("eval --json: no progress line, the message", re.fullmatch(
        r"nnsim: interrupted: \d+ inputs? evaluated \(Ctrl-C\); the rows written are theirs\n", err), repr(err))
    try:
        rows = [json.loads(line) for line in out.splitlines()]
    except ValueError:
        t.check("eval --json: JSON lines", False, out[:300])
        return
    t.check("eval --json: the rows before the interrupted one",
            all(row["status"] in ("halted", "undecided") and "interrupted" not in row for row in rows)
            and [row["input"] for row in rows[:1]] in ([], [["0"]]), out[:300])


def test_eval_interrupted_while_reading(t):
    # Ctrl-C while eval waits for its next input line: the input is cut
    # short, so eval must say it was interrupted, not end as if complete.
    xor = os.path.join(os.getcwd(), "networks", "lecture", "xor.nn")
    process = subprocess.Popen([t.nnsim, "eval", xor, "--inputs", "-"], cwd=t.directory, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    process.stdin.write(b"0,1\n")
    process.stdin.flush()
    found, seen = read_until(process.stdout.fileno(), rb"0,1,halted,2,,,1\n")
    t.check("eval reading: the first row", found, repr(seen))
    t.check("eval reading: handler installed", wait_for_handler(process))
    process.send_signal(signal.SIGINT)
    time.sleep(0.2)
    process.stdin.close()  # what the writer does when the same Ctrl-C ends it
    process.stdin = None
    out, err = process.communicate(timeout=WAIT)
    t.check("eval reading: exit code 130", process.returncode == 130, f"{process.returncode} {err!r}")
    t.check("eval reading: the rows", (seen + out) == b"x1,x2,status,steps,cycle_start,cycle_period,y\n0,1,halted,2,,,1\n",
            repr(seen + out))
    t.check("eval reading: the message",
            err == b"nnsim: interrupted: 1 input evaluated (Ctrl-C); the rows written are theirs\n", repr(err))


def test_check_boolean_interrupted(t):
    process = start(t, ["check", "boolean", "--arity", "4", "--full-simulation", "--threads", "1"],
                    env_progress="always")
    found, seen = read_until(process.stderr.fileno(), rb"\rcheck boolean: \d+/65536 functions, ")
    t.check("check boolean: progress line", found, repr(seen[-300:]))
    code, out, err = interrupt_with_stderr(process, seen)
    t.check("check boolean: exit code 130", code == 130, f"{code}")
    match = re.search(r"  interrupted: (\d+) of 65536 functions checked \(Ctrl-C\); the counts are over these\n"
                      r"  two-layer networks verified:  (\d+) of (\d+) \(each on all 16 inputs\)\n", out)
    t.check("check boolean: the counts over the functions checked", match is not None
            and match.group(1) == match.group(2) == match.group(3) and int(match.group(1)) < 65536, out)
    t.check("check boolean: standard error holds only the cleared progress line", only_progress(err),
            repr(err[-300:]))


def test_check_machine_interrupted(t):
    process = start(t, ["check", "machine", PALINDROMES, "--words", "16", "--json"])
    t.check("check machine: handler installed", wait_for_handler(process))
    code, out, err = interrupt_with_stderr(process, b"")
    t.check("check machine: exit code 130", code == 130, f"{code} {err!r}")
    try:
        result = json.loads(out)
    except ValueError:
        t.check("check machine: JSON", False, out[:300])
        return
    t.check("check machine: the words so far",
            result.get("interrupted") is True and result["words"] == 131071
            and result["classified"] == result["accept"] + result["reject"] + result["reject-diverges"]
            + result["undecided"] and result["mismatches"] == 0, out)


def run_on_pty(t, args, env_progress=None):
    """Starts nnsim with standard error on a pseudo-terminal; returns the
    process and the terminal's master side."""
    master, slave = pty.openpty()
    process = start(t, args, env_progress=env_progress, stderr=slave)
    os.close(slave)
    return process, master


def test_progress_on_terminal(t):
    process, master = run_on_pty(t, ENDLESS_RUN)
    found, seen = read_until(master, rb"\rrun: \d+ steps, largest value \d+ bits, \d+\.\d s, \d+ steps/s\x1b\[K")
    t.check("terminal: progress line", found, repr(seen[-300:]))
    code, out = interrupt(process)
    seen = read_all(master, seen)
    os.close(master)
    t.check("terminal: exit code 130", code == 130, f"{code}")
    t.check("terminal: interrupted", "\nundecided: interrupted at step " in out, out[:300])
    t.check("terminal: only the progress line, cleared at the end", only_progress(seen.decode()),
            repr(seen[-300:]))


def quiet_check(t, name, process, master=None):
    """Waits past the second after which a line would appear, interrupts, and
    checks that standard error stayed empty."""
    t.check(f"{name}: handler installed", wait_for_handler(process))
    time.sleep(QUIET_WAIT)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=WAIT)
    if master is not None:
        err = read_all(master)
        os.close(master)
    t.check(f"{name}: exit code 130", process.returncode == 130, f"{process.returncode}")
    t.check(f"{name}: nothing on standard error", err == b"", repr(err[-300:]))
    return out.decode()


def test_no_progress_on_pipe(t):
    out = quiet_check(t, "pipe", start(t, ENDLESS_RUN))
    t.check("pipe: the report", "\nundecided: interrupted at step " in out, out[:300])
    quiet_check(t, "pipe recognize", start(t, LONG_RECOGNIZE))


def test_no_progress_with_json_on_terminal(t):
    process, master = run_on_pty(t, ENDLESS_RUN + ["--json"])
    quiet_check(t, "terminal --json", process, master)
    process, master = run_on_pty(t, LONG_RECOGNIZE + ["--json"])
    quiet_check(t, "terminal recognize --json", process, master)


def test_no_progress_when_never(t):
    process, master = run_on_pty(t, ENDLESS_RUN, env_progress="never")
    quiet_check(t, "terminal NNSIM_PROGRESS=never", process, master)


def test_short_work_unchanged(t):
    # Work shorter than a second shows nothing, even on a terminal.
    process, master = run_on_pty(t, ["run", GROW, "--input", "1/2", "--max-steps", "5"])
    out, _ = process.communicate(timeout=WAIT)
    err = read_all(master)
    os.close(master)
    t.check("short run: exit code 0", process.returncode == 0, f"{process.returncode}")
    t.check("short run: nothing on the terminal", err == b"", repr(err))
    t.check("short run: the report", b"undecided: no fixed point or repetition in 5 steps\n" in out, repr(out[:300]))


TESTS = [
    test_run_interrupted,
    test_run_json_interrupted,
    test_run_without_interrupt_has_no_member,
    test_trace_interrupted,
    test_trace_jsonl_interrupted,
    test_recognize_interrupted,
    test_recognize_json_interrupted,
    test_eval_interrupted,
    test_eval_json_interrupted,
    test_eval_interrupted_while_reading,
    test_check_boolean_interrupted,
    test_check_machine_interrupted,
    test_progress_on_terminal,
    test_no_progress_on_pipe,
    test_no_progress_with_json_on_terminal,
    test_no_progress_when_never,
    test_short_work_unchanged,
]

if __name__ == "__main__":
    sys.exit(cli_tester.main(TESTS, "nnsim-progress-"))
