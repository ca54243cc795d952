#!/usr/bin/env python3
"""Network steps per machine step and per input bit of the compiled Turing machines.

For every committed binary machine (networks/machines/*.tm, the block-coded abc left out)
and every word of length 0..N, compiles the machine with the given nnsim
(`nnsim build machine`), runs the network (`nnsim recognize --all-words N --json`) and the
machine itself (`nnsim tm --json`), and
fits the network's steps T to  T = a * (machine steps) + b * (word length) + c  by least
squares over the words: a is the network steps per machine step, b per input bit.  Where
a machine's steps are an affine function of the word's length (even_ones, ends_01,
divisible_by_3 make one step a bit), a and b cannot be told apart; there a is fixed at
the period P of the machine's loop (one machine step is one turn of the loop, 12 steps;
26 before the loop was shortened) and only b and c are fitted.

    python3 bench/machine_step_overhead.py build/nnsim [N] [P]
"""
import json
import pathlib
import subprocess
import sys
import tempfile


def solve3(rows, values):
    """Least squares for three unknowns (normal equations, Gaussian elimination)."""
    m = [[sum(r[i] * r[j] for r in rows) for j in range(3)] + [sum(r[i] * v for r, v in zip(rows, values))]
         for i in range(3)]
    for i in range(3):
        p = max(range(i, 3), key=lambda k: abs(m[k][i]))
        m[i], m[p] = m[p], m[i]
        for k in range(3):
            if k != i:
                f = m[k][i] / m[i][i]
                m[k] = [a - f * b for a, b in zip(m[k], m[i])]
    return [m[i][3] / m[i][i] for i in range(3)]


def main():
    nnsim = sys.argv[1]
    length = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    period = float(sys.argv[3]) if len(sys.argv) > 3 else 12
    root = pathlib.Path(__file__).resolve().parent.parent / "networks" / "machines"
    print(f"words of length 0..{length}; T = a * machine steps + b * word length + c")
    print(f"{'machine':<16} {'words':>5} {'a (per step)':>12} {'b (per bit)':>11} {'c':>7} {'max |error|':>11}")
    for tm in sorted(root.glob("*.tm")):
        if tm.stem == "abc":
            continue
        with tempfile.TemporaryDirectory() as scratch:
            compiled = pathlib.Path(scratch) / "machine.nn"
            subprocess.run([nnsim, "build", "machine", str(tm), "-o", str(compiled)], check=True)
            out = subprocess.run([nnsim, "recognize", str(compiled), "--all-words", str(length), "--json"],
                                 capture_output=True, text=True, check=True)
        rows, values = [], []
        for w in json.loads(out.stdout)["words"]:
            run = json.loads(subprocess.run([nnsim, "tm", str(tm), w["word"], "--json"], capture_output=True,
                                            text=True, check=True).stdout)
            rows.append((run["steps"], len(w["word"]), 1))
            values.append(w["steps"])
        (n0, s0), (n1, s1) = min((n, s) for s, n, _ in rows), max((n, s) for s, n, _ in rows)
        if any((s - s0) * (n1 - n0) != (s1 - s0) * (n - n0) for s, n, _ in rows):
            a, b, c = solve3(rows, values)
            fixed = ""
        else:  # machine steps affine in the length: fix a = P
            a = period
            _, b, c = solve3([(0, n, 1) for _, n, _ in rows] + [(1, 0, 0)], [v - a * s for (s, _, _), v in
                                                                           zip(rows, values)] + [0])
            fixed = " (a fixed)"
        error = max(abs(a * s + b * n + c - v) for (s, n, _), v in zip(rows, values))
        print(f"{tm.stem:<16} {len(values):>5} {a:>12.2f} {b:>11.2f} {c:>7.1f} {error:>11.1f}{fixed}")


if __name__ == "__main__":
    main()
