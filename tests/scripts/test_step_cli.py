#!/usr/bin/env python3
"""Command-line tests of `nnsim step` (docs/stepping.md).

The stepper is driven in two ways:
- through standard input (a pipe): every value it prints is checked against
  `nnsim trace --format jsonl` and `nnsim run --json` (another route through
  the program, which keeps no history and takes no commands), breakpoints
  stop where they were computed by hand, and bad commands are located
  errors with exit code 2;
- in tmux, as a person types at a terminal: the prompt, an error that does
  not end the session, Ctrl-C during a long `continue`.  Without tmux that
  part prints a SKIP line.

Usage: python3 tests/scripts/test_step_cli.py PATH_TO_nnsim

Standard library only.  Prints one line per failure and `N passed, M failed`
at the end.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import time
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

ROOT = os.getcwd()
XOR = os.path.join(ROOT, "networks", "lecture", "xor.nn")
COUNTER = os.path.join(ROOT, "networks", "lecture", "counter.nn")
GROW = os.path.join(ROOT, "examples", "networks", "grow.nn")
PALINDROMES = os.path.join(ROOT, "networks", "machines", "palindromes.nn")


def step(t, args, commands):
    return t.run("step", *args, stdin="".join(c + "\n" for c in commands))


def trace_states(t, args):
    """The states of `nnsim trace --format jsonl` and the result object."""
    result = t.run("trace", *args, "--format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    return lines[:-1], lines[-1]


def answers(output):
    """The transcript cut at the echoed commands: {index: text after it}."""
    parts = re.split(r"^\(step\) .*\n", output, flags=re.M)
    return parts


def printed_values(text):
    """`name = value` lines (aligned, maybe indented) as a dict."""
    values = {}
    for line in text.splitlines():
        match = re.match(r"^\s*(\S+)\s+= (.+)$", line)
        if match:
            values[match.group(1)] = match.group(2)
    return values


def test_xor_transcript(t):
    # XOR(1, 0) by hand: y(1) has h1 = step(-1 + 2) = 1, h2 = step(3 - 2) = 1,
    # y = step(-2) = 0; y(2) has y = step(-2 + 1 + 1) = 1, and y(3) = y(2).
    t.expect("xor transcript", ["step", XOR, "--input", "1,0"], 0, stdin="next\nprint h1 h2 y\nchanged\nnext\nnext\nprev 5\n", stdout=(
        "input: x1 = 1, x2 = 0\n"
        "rule: parallel\n"
        "t = 0\n"
        "  y = 0\n"
        "(step) next\n"
        "t = 1  updated: all\n"
        "  y = 0\n"
        "(step) print h1 h2 y\n"
        "h1 = 1\n"
        "h2 = 1\n"
        "y  = 0\n"
        "(step) changed\n"
        "y(0) → y(1): 2 neurons changed\n"
        "  h1: 0 → 1\n"
        "  h2: 0 → 1\n"
        "(step) next\n"
        "t = 2  updated: all\n"
        "  y = 1\n"
        "halted after 2 steps\n"
        "output: y = 1\n"
        "(step) next\n"
        "the last state is y(2)\n"
        "t = 2  updated: all\n"
        "  y = 1\n"
        "halted after 2 steps\n"
        "output: y = 1\n"
        "(step) prev 5\n"
        "t = 0\n"
        "  y = 0\n"))


def check_against_trace(t, name, args, times):
    """`goto T` then `state` for each T, against the JSON-lines trace."""
    states, result = trace_states(t, args)
    commands = []
    for time_ in times:
        commands += [f"goto {time_}", "state"]
    commands.append("end")
    out = step(t, args, commands)
    t.check(f"{name}: exit code", out.returncode == 0, out.stderr)
    parts = answers(out.stdout)
    for k, time_ in enumerate(times):
        expected = states[min(time_, len(states) - 1)]
        shown = parts[2 * k + 2]
        t.check(f"{name}: state y({time_}) heading", shown.startswith(f"state y({expected['t']}):"), shown[:80])
        t.check(f"{name}: state y({time_})", printed_values(shown) == expected["state"],
                f"{printed_values(shown)} != {expected['state']}")
    # The verdict at the end, as run --json has it.
    run = json.loads(t.run("run", *args, "--json").stdout)
    final = parts[-1]
    t.check(f"{name}: end at the last state", final.startswith(f"t = {run['steps']}"), final[:80])
    t.check(f"{name}: verdict", f"{run['status']}" in final and f"{run['steps']} steps" in final, final)
    t.check(f"{name}: result of the trace", result["steps"] == run["steps"])


def test_states_against_trace(t):
    check_against_trace(t, "xor sequential", [XOR, "--input", "0,1", "--rule", "sequential"], [3, 0, 2, 1, 5])
    check_against_trace(t, "counter", [COUNTER, "--input", "1/7"], [7, 3, 0, 9, 4])
    # A compiled Turing machine: 269 neurons, hundreds of steps, back and forth.
    states, _ = trace_states(t, [PALINDROMES, "--word", "0110"])
    last = len(states) - 1
    check_against_trace(t, "palindromes 0110", [PALINDROMES, "--word", "0110"],
                        [last // 2, 3, last, 1, last - 1, last // 3])


def test_machine_breakpoints(t):
    args = [PALINDROMES, "--word", "0110"]
    states, result = trace_states(t, args)
    # The first state whose step changed the output y, and the first where
    # y == 1, read off the trace.
    first_change = next(s["t"] for k, s in enumerate(states) if k > 0 and s["state"]["y"] != states[k - 1]["state"]["y"])
    first_one = next(s["t"] for s in states if s["state"]["y"] == "1")
    out = step(t, args, ["break changed y", "continue", "start", "delete", "break y == 1", "continue", "end"])
    parts = answers(out.stdout)
    t.check("machine: break changed y", parts[2].startswith(f"breakpoint 1: changed y\nt = {first_change} "), parts[2])
    t.check("machine: break y == 1", parts[6].startswith(f"breakpoint 2: y == 1\nt = {first_one} "), parts[6])
    t.check("machine: accepted", "halted after" in parts[7] and "output: y = 1" in parts[7], parts[7])
    t.check("machine: verdict of run", result["status"] == "halted" and result["outputs"] == ["1"])


def test_breakpoints_by_hand(t):
    # counter with x = 1/10: c(t) = t/10 up to the fixed point 1 at t = 10.
    args = [COUNTER, "--input", "1/10"]
    out = step(t, args, ["break c >= 1/2", "continue", "continue", "breaks", "delete 1", "break step 8",
                         "break changed c", "continue", "delete", "continue"])
    parts = answers(out.stdout)
    t.check("c >= 1/2 first holds at 5", parts[2] == "breakpoint 1: c >= 1/2\nt = 5  updated: c\n  c = 1/2\n", parts[2])
    t.check("and still at 6", parts[3].startswith("breakpoint 1: c >= 1/2\nt = 6"), parts[3])
    t.check("breaks", parts[4] == "  1  c >= 1/2\n", parts[4])
    t.check("changed c stops at the next state", parts[8].startswith("breakpoint 3: changed c\nt = 7"), parts[8])
    t.check("no breakpoints: to the end", parts[10].startswith("t = 10") and "halted after 10 steps" in parts[10],
            parts[10])
    # Exact comparisons: 3/10 > 3/10 is false, so t = 4 in rationals; in
    # doubles c(3) = 0.1 + 0.1 + 0.1 = 0.30000000000000004 > 3/10.
    for numbers, expected in (("rational", "t = 4"), ("double", "t = 3")):
        out = step(t, args + ["--numbers", numbers], ["break c > 3/10", "continue"])
        t.check(f"c > 3/10 in {numbers}", answers(out.stdout)[2].startswith(f"breakpoint 1: c > 3/10\n{expected}"),
                out.stdout)
    # An enclosure of 3/10 has numbers on both sides: reported, not guessed.
    out = step(t, args + ["--numbers", "interval:53"], ["break c > 3/10", "continue"])
    t.check("interval undecided", re.search(r"^breakpoint 1: c > 3/10 is not decided: c = \[.*\] holds numbers on "
                                            r"both sides\nt = 3", out.stdout, re.M) is not None, out.stdout)


def test_keywords_as_names(t):
    # A neuron may be named `changed` (`step` is an activation, reserved).
    # changed(t) = t/4 up to the fixed point 1 at t = 4; later(t) =
    # changed(t - 1) for t >= 1.
    path = t.write("keywords.nn", "input x\noutput later\nchanged = sat(changed + x)\nlater = sat(changed)\n")
    out = step(t, [path, "--input", "1/4"], ["break changed later", "continue", "delete", "break changed >= 1/2",
                                             "continue", "delete", "break changed changed", "continue"])
    parts = answers(out.stdout)
    t.check("keywords: exit code 0", out.returncode == 0, out.stderr)
    t.check("keywords: 8 answers", len(parts) == 9, out.stdout)
    if len(parts) != 9:
        return
    t.check("break changed later: later changes first at t = 2", parts[1] == "breakpoint 1: changed later\n"
            and parts[2].startswith("breakpoint 1: changed later\nt = 2"), out.stdout)
    t.check("break changed >= 1/2 compares the neuron changed: 3/4 at t = 3",
            parts[4] == "breakpoint 2: changed >= 1/2\n" and parts[5].startswith("breakpoint 2: changed >= 1/2\nt = 3"),
            out.stdout)
    t.check("break changed changed: it changes again at t = 4", parts[7] == "breakpoint 3: changed changed\n"
            and parts[8].startswith("breakpoint 3: changed changed\nt = 4"), out.stdout)


def test_verdict_at_the_start(t):
    # a = sat(a) from a = 0 is a fixed point at once: the first screen says so.
    path = t.write("fixed.nn", "input x\noutput a\na = sat(a)\n")
    t.expect("y(0) is the last state", ["step", path, "--input", "0"], 0, stdin="quit\n", stdout=(
        "input: x = 0\nrule: parallel\nt = 0\n  a = 0\nhalted after 0 steps\noutput: a = 0\n(step) quit\n"))
    out = step(t, [XOR, "--input", "1,0", "--max-steps", "0"], [])
    t.check("--max-steps 0: the verdict at once", out.stdout.startswith(
        "input: x1 = 1, x2 = 0\nrule: parallel\nt = 0\n  y = 0\nundecided: no fixed point or repetition in 0 steps\n"),
        out.stdout)


def test_errors(t):
    cases = [
        (["next", "print yy"], "<stdin>:2:7: error: unknown neuron 'yy'; did you mean 'y'?"),
        (["nxet"], "<stdin>:1:1: error: unknown command 'nxet'; did you mean 'next'?"),
        (["next x"], "<stdin>:1:6: error: 'x' is not a whole number"),
        (["  goto"], "<stdin>:1:7: error: goto needs one time T"),
        (["break y >> 0"], "<stdin>:1:9: error: unknown comparison '>>': use >, >=, <, <=, == or !="),
        (["break y > 1/0"], None),
        (["break", "next"], "<stdin>:1:6: error: break needs a condition: step T, changed NAME or NAME OP VALUE"),
        (["delete 3"], "<stdin>:1:8: error: there is no breakpoint 3 (breaks lists them)"),
        (["unwatch h1"], "<stdin>:1:9: error: 'h1' is not watched"),
        (["state now"], "<stdin>:1:7: error: state takes no arguments"),
    ]
    for commands, message in cases:
        out = step(t, [XOR, "--input", "1,0"], commands)
        t.check(f"{commands}: exit code 2", out.returncode == 2, out.stderr)
        first = out.stderr.split("\n")[0]
        if message is None:
            t.check(f"{commands}: located", first.startswith("<stdin>:1:11: error: "), out.stderr)
        else:
            t.check(f"{commands}: message", first == message, out.stderr)
        # The source line and a caret follow.
        t.check(f"{commands}: caret", out.stderr.count("^") == 1, out.stderr)
    t.expect("network from standard input", ["step", "-"], 2, stdin="",
             stderr="nnsim: error: step reads its commands from standard input, so the network must come from a "
                    "file, not '-'\n")
    t.expect("no input", ["step", XOR], 2, stdin="",
             stderr="nnsim: error: the network has 2 input neurons (x1, x2); give their values with --input\n")
    # Comments and blank lines (a blank line is `next`).
    out = step(t, [XOR, "--input", "1,0"], ["# a comment", "", "quit", "next"])
    t.check("comment and blank line", answers(out.stdout)[2].startswith("t = 1") and len(answers(out.stdout)) == 4,
            out.stdout)


def test_limit(t):
    # grow.nn with δ(ε) = 1/2: s(13) = 3/4 (1 - 3^-13) has 41 bits > 40.
    out = step(t, [GROW, "--word", "", "--max-bits", "40"], ["end", "prev", "print s", "next", "next"])
    parts = answers(out.stdout)
    t.check("limit: exit code 3", out.returncode == 3, out.stderr)
    # s(t) = 3/4 (1 - 3^-t): s(t + 1) = 1/3 s(t) + 1/2 and s(0) = 0.
    def s(time_):
        return Fraction(3, 4) * (1 - Fraction(1, 3 ** time_))
    t.check("limit: stops at 12", parts[1].startswith(f"t = 12  updated: s\n  s = {s(12)}\nstopped: the value "
                                                      "of neuron 's' at step 13 has 41 bits"), parts[1])
    t.check("limit: still usable", parts[3] == f"s = {s(11)}\n", parts[3])
    t.check("limit: cannot go past", parts[5].startswith("the computation cannot go past y(12)\n"), parts[5])


def test_help(t):
    out = step(t, [XOR, "--input", "1,0"], ["help"])
    for command in ("next [K]", "prev [K]", "goto T", "start", "end", "continue", "break step T",
                    "break NAME OP VALUE", "break changed NAME", "breaks", "delete [N]", "watch NAME...",
                    "unwatch NAME...", "changed", "print NAME...", "state", "help", "quit"):
        t.check(f"help lists {command}", command in out.stdout, out.stdout)
    out = t.run("step", "--help")
    t.check("--help", "Step back and forth through one computation" in out.stdout, out.stdout)
    out = t.run("--help")
    t.check("listed among the commands", re.search(r"^\s+step\s", out.stdout, re.M) is not None, out.stdout)


# ---- in tmux, as a person types ------------------------------------------------------------------

class Terminal:
    """One tmux session on a private server running a command."""

    def __init__(self, command, directory):
        self.server = f"nnsim-step-{os.getpid()}"
        self.directory = directory
        subprocess.run(["tmux", "-L", self.server, "-f", "/dev/null", "new-session", "-d", "-x", "150", "-y", "50",
                        "-s", "main", "-c", directory, command + "; echo exit=$?; sleep 60"], check=True)

    def screen(self):
        return subprocess.run(["tmux", "-L", self.server, "capture-pane", "-p", "-t", "main"], capture_output=True,
                              text=True).stdout

    def wait_for(self, pattern, timeout=60):
        """Waits until the screen matches; returns the screen."""
        end = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if re.search(pattern, screen, re.M):
                return screen
            if time.monotonic() > end:
                return None
            time.sleep(0.1)

    def type(self, text):
        subprocess.run(["tmux", "-L", self.server, "send-keys", "-t", "main", "-l", text], check=True)
        subprocess.run(["tmux", "-L", self.server, "send-keys", "-t", "main", "Enter"], check=True)

    def interrupt(self):
        subprocess.run(["tmux", "-L", self.server, "send-keys", "-t", "main", "C-c"], check=True)

    def close(self):
        subprocess.run(["tmux", "-L", self.server, "kill-server"], capture_output=True)


def prompts(screen):
    return len(re.findall(r"^\(step\)", screen, re.M))


def test_terminal(t):
    if shutil.which("tmux") is None:
        print("SKIP: tmux not found; nnsim step was not driven at a terminal (scripts/install-deps.sh installs it)")
        return
    # A counter of a billion steps: continue runs until Ctrl-C.
    command = f"'{t.nnsim}' step '{COUNTER}' --input 1/1000000000 --max-steps 2000000000"
    terminal = Terminal(command, t.directory)
    try:
        screen = terminal.wait_for(r"^\(step\)\s*$")
        t.check("terminal: first prompt", screen is not None and "Type help for the commands." in screen, screen)
        terminal.type("next 3")
        screen = terminal.wait_for(r"^t = 3  updated: c\n  c = 3/1000000000\n\(step\)\s*$")
        t.check("terminal: next 3", screen is not None, terminal.screen())
        terminal.type("print d")
        screen = terminal.wait_for(r"^error: unknown neuron 'd'\n\(step\)\s*$")
        t.check("terminal: an error keeps the session", screen is not None, terminal.screen())
        terminal.type("continue")
        time.sleep(1.5)
        t.check("terminal: continue is running", prompts(terminal.screen()) == 3, terminal.screen())
        terminal.interrupt()
        screen = terminal.wait_for(r"^(?:\^C)?\ninterrupted at t = (\d+)\nt = \1  updated: c\n  c = \d+/\d+\n\(step\)\s*$")
        t.check("terminal: Ctrl-C stops continue", screen is not None, terminal.screen())
        if screen is not None:
            reached = int(re.search(r"^interrupted at t = (\d+)", screen, re.M).group(1))
            t.check("terminal: the value at the interruption",
                    f"  c = {Fraction(reached, 1000000000)}\n" in screen, screen)
            terminal.type("prev 2")
            shown = str(Fraction(reached - 2, 1000000000))
            screen = terminal.wait_for(rf"^t = {reached - 2}  updated: c\n  c = {re.escape(shown)}\n\(step\)\s*$")
            t.check("terminal: back after Ctrl-C", screen is not None, terminal.screen())
        terminal.type("quit")
        screen = terminal.wait_for(r"^exit=0$")
        t.check("terminal: quit", screen is not None, terminal.screen())
    finally:
        terminal.close()


TESTS = [test_xor_transcript, test_states_against_trace, test_machine_breakpoints, test_breakpoints_by_hand,
         test_keywords_as_names, test_verdict_at_the_start, test_errors, test_limit, test_help, test_terminal]

if __name__ == "__main__":
    sys.exit(cli_tester.main(TESTS, "nnsim-step-test-"))
