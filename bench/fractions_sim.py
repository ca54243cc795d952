#!/usr/bin/env python3
"""Baseline for the simulation benchmark: a straightforward exact simulation
with Python's fractions.Fraction.

Loads a `.nn` file with the reference parser (tests/reference/nn_reference.py),
runs S steps of the parallel rule (every neuron with an equation is evaluated
on the old state, every step, whether or not the state still changes) and
prints the time per step (CPU time of the process, load apart).  --state
writes the final state y(S), one `NAME VALUE` a line, for bench/compare.py.

    python3 bench/fractions_sim.py FILE [--steps S] [--input V1,...] [--state OUT]

Inputs default to 1/2 for every input neuron.
"""

import argparse
import sys
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "reference"))
import nn_reference as ref  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--input", default=None)
    ap.add_argument("--state", default=None)
    a = ap.parse_args()

    t0 = time.process_time()
    net = ref.parse_network(Path(a.file).read_text(encoding="utf-8"))
    ref._check_exact(net)
    load = time.process_time() - t0
    names = net.neurons
    index = {v: i for i, v in enumerate(names)}
    y = [Fraction(0)] * len(names)
    inputs = ([ref.parse_value(v) for v in a.input.split(",")] if a.input
              else [Fraction(1, 2)] * len(net.inputs))
    if len(inputs) != len(net.inputs):
        sys.exit(f"fractions_sim: {len(net.inputs)} inputs expected")
    for v, x in zip(net.inputs, inputs):
        y[index[v]] = x
    for v, x in net.inits.items():
        y[index[v]] = x
    funcs = [(index[v], f) for v, f in ref._compile(net, index).items()]
    edges = sum(len(eq.preds()) for eq in net.equations.values())

    t0 = time.process_time()
    for _ in range(a.steps):
        new = list(y)
        for i, f in funcs:
            new[i] = f(y)
        y = new
    elapsed = time.process_time() - t0
    bits = max((v.numerator.bit_length() + v.denominator.bit_length() for v in y), default=0)
    per_step = elapsed / a.steps if a.steps else 0.0
    print(f"fractions_sim: {len(names)} neurons, {edges} edges, {a.steps} steps, "
          f"load {load:.3f} s, {elapsed:.3f} s total, {per_step * 1e3:.3f} ms/step, "
          f"largest value {bits} bits")
    if a.state:
        with open(a.state, "w", encoding="utf-8") as out:
            out.writelines(f"{v} {y[i]}\n" for i, v in enumerate(names))


if __name__ == "__main__":
    main()
