"""Ctrl-C stops a long computation with KeyboardInterrupt.

Each case starts a Python process that runs a computation of a billion
steps, two million words, 2^18 truth-table rows or 32,767 words of a
machine check and sends it SIGINT, as Ctrl-C or a notebook's
"interrupt kernel" does, once it has said it is about to start.  The child
must report KeyboardInterrupt; one that finishes, or is still running after
a minute, fails the test.

Run by CTest from the repository root with PYTHONPATH=build/python:
    PYTHONPATH=build/python python3 tests/python/test_interrupts.py
"""
import os
import signal
import subprocess
import sys
import time
import unittest

CHILD = """
import sys
import nnsim
counter = nnsim.load("networks/lecture/counter.nn")
words = nnsim.all_words(20)
print("ready", flush=True)
try:
    if sys.argv[1] == "run":
        counter.run(["1/1000000000"], max_steps=2000000000)
    elif sys.argv[1] == "trace":
        for step in counter.trace(["1/1000000000"], max_steps=2000000000):
            pass
    elif sys.argv[1] == "truth_table":
        # 2^18 rows of 1000 steps each: no single run is long.
        inputs = ", ".join(f"x{i}" for i in range(1, 19))
        nnsim.parse(f"input {inputs}\\noutput c\\nc = sat(c + 1/1000)\\n").truth_table()
    elif sys.argv[1] == "check_machine":
        # 32,767 words, each a short computation.
        nnsim.check_machine(nnsim.load_machine("networks/machines/palindromes.tm"), 14)
    else:
        nnsim.load("examples/networks/starts_with_1_or_cycles.nn").recognize(words, max_steps=1000)
    print("finished", flush=True)
except KeyboardInterrupt:
    print("interrupted", flush=True)
"""


class InterruptTest(unittest.TestCase):
    def interrupt(self, what):
        child = subprocess.Popen([sys.executable, "-c", CHILD, what], stdout=subprocess.PIPE, text=True,
                                 env=dict(os.environ))
        try:
            self.assertEqual(child.stdout.readline(), "ready\n")
            time.sleep(0.5)   # into the computation
            child.send_signal(signal.SIGINT)
            output, _ = child.communicate(timeout=60)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        self.assertEqual(output, "interrupted\n")
        self.assertEqual(child.returncode, 0)

    def test_run(self):
        self.interrupt("run")

    def test_trace(self):
        self.interrupt("trace")

    def test_recognize(self):
        self.interrupt("recognize")

    def test_truth_table(self):
        self.interrupt("truth_table")

    def test_check_machine(self):
        self.interrupt("check_machine")


if __name__ == "__main__":
    unittest.main()
