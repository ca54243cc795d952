#!/usr/bin/env python3
"""Write a large random recurrent network (the simulation benchmark's input) to stdout.

Defaults: 2000 neurons (one input `x` and 1999 neurons with an equation), each
equation with 8 distinct random predecessors (~16000 edges, self-loops and the
input allowed), activation `sat`, weights and biases k/d with k in -8..8
nonzero and d in {1, 2, 4, 8}, one output, rule parallel, a fixed seed.

    python3 bench/make_random_network.py [--neurons N] [--fanin K] [--seed S] > big.nn
"""

import argparse
import random
from fractions import Fraction


def weight(rng):
    return Fraction(rng.choice([k for k in range(-8, 9) if k]), rng.choice([1, 2, 4, 8]))


def term(c, name):
    a = abs(c)
    body = name if a == 1 else f"{a} {name}"
    return ("- " if c < 0 else "+ ") + body


def make_network(neurons=2000, fanin=8, seed=20240601):
    """The network's text."""
    rng = random.Random(seed)
    names = ["x"] + [f"n{i}" for i in range(1, neurons)]
    out = [f"# random recurrent sat network: {neurons} neurons, fan-in {fanin}, seed {seed}",
           "network bench_random", "input x", f"output {names[-1]}", "rule parallel", ""]
    for v in names[1:]:
        preds = rng.sample(names, min(fanin, len(names)))
        parts = [term(weight(rng), u) for u in preds]
        b = weight(rng)
        parts.append(("- " if b < 0 else "+ ") + str(abs(b)))
        pot = " ".join(parts)
        pot = pot[2:] if pot.startswith("+ ") else "-" + pot[2:]
        out.append(f"{v} = sat({pot})")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--neurons", type=int, default=2000)
    ap.add_argument("--fanin", type=int, default=8)
    ap.add_argument("--seed", type=int, default=20240601)
    a = ap.parse_args()
    print(make_network(a.neurons, a.fanin, a.seed), end="")


if __name__ == "__main__":
    main()
