#!/usr/bin/env python3
"""Write a large random recurrent network (the simulation benchmark's input) to stdout.

Defaults: 2000 neurons (one input `x` and 1999 neurons with an equation), each
equation with 8 distinct random predecessors (~16000 edges, self-loops and the
input allowed), activation `sat`, weights and biases k/d with k in -8..8
nonzero and d in {1, 2, 4, 8}, one output, rule parallel, a fixed seed.

`--denominators 3,5,7` draws d from another set (general rational weights:
values grow to thousands of bits within a few hundred steps).

`--kind counters` writes a network in which every neuron changes in every
step and no state ever repeats: no input, N neurons c0 ... c(N-1), each with
an `init` value a_i (a multiple of 2^-10 in [0, 1/4]) and an equation
c_i = sat(w_1 c_j1 + ... + w_K c_jK + b_i) whose random weights add up to 1
and whose bias is b_i = a_i + 2^-20 - (w_1 a_j1 + ... + w_K a_jK).  By
induction c_i(t) = a_i + t 2^-20 for every i, as long as that is at most 1
(t < 786,432): each step adds 2^-20 to every value, and `sat` never clips.
With dyadic weights every value, product and sum is exact in binary64 too.

    python3 bench/make_random_network.py [--neurons N] [--fanin K] [--seed S]
        [--denominators D1,D2,...] [--kind random|counters] > big.nn
"""

import argparse
import random
from fractions import Fraction

COUNTER_INCREMENT = Fraction(1, 2 ** 20)


def weight(rng, denominators=(1, 2, 4, 8)):
    return Fraction(rng.choice([k for k in range(-8, 9) if k]), rng.choice(denominators))


def term(c, name):
    a = abs(c)
    body = name if a == 1 else f"{a} {name}"
    return ("- " if c < 0 else "+ ") + body


def affine_sum(terms, bias):
    """`w1 n1 + w2 n2 ... + b` as the format writes it (signs outside the numbers)."""
    parts = [term(c, name) for name, c in terms]
    if bias:
        parts.append(("- " if bias < 0 else "+ ") + str(abs(bias)))
    pot = " ".join(parts)
    return pot[2:] if pot.startswith("+ ") else "-" + pot[2:]


def make_network(neurons=2000, fanin=8, seed=20240601, denominators=(1, 2, 4, 8)):
    """The random network's text."""
    rng = random.Random(seed)
    names = ["x"] + [f"n{i}" for i in range(1, neurons)]
    out = [f"# random recurrent sat network: {neurons} neurons, fan-in {fanin}, seed {seed}"
           + ("" if tuple(denominators) == (1, 2, 4, 8) else f", denominators {','.join(map(str, denominators))}"),
           "network bench_random", "input x", f"output {names[-1]}", "rule parallel", ""]
    for v in names[1:]:
        preds = rng.sample(names, min(fanin, len(names)))
        terms = [(u, weight(rng, denominators)) for u in preds]
        b = weight(rng, denominators)
        if b < 0:   # the bias written last, always (even where the draws cancel)
            out.append(f"{v} = sat({affine_sum(terms, 0)} - {-b})")
        else:
            out.append(f"{v} = sat({affine_sum(terms, 0)} + {b})")
    return "\n".join(out) + "\n"


def make_counters(neurons=2000, fanin=8, seed=20240601, denominators=(1, 2, 4, 8)):
    """The counters network's text (see the module's docstring)."""
    rng = random.Random(seed)
    names = [f"c{i}" for i in range(neurons)]
    start = [Fraction(rng.randrange(0, 2 ** 8 + 1), 2 ** 10) for _ in names]
    out = [f"# every neuron changes in every step: c_i(t) = c_i(0) + t/2^20 while that is at most 1;"
           f" {neurons} neurons, fan-in {fanin}, seed {seed}",
           "network bench_counters", f"output {names[-1]}", "rule parallel", ""]
    out += [f"init {name} = {a}" for name, a in zip(names, start) if a]
    out.append("")
    for i, v in enumerate(names):
        preds = rng.sample(range(neurons), min(fanin, neurons))
        while True:
            weights = [weight(rng, denominators) for _ in preds[:-1]]
            last = 1 - sum(weights)
            if last:
                break
        weights.append(last)
        bias = start[i] + COUNTER_INCREMENT - sum(w * start[j] for w, j in zip(weights, preds))
        out.append(f"{v} = sat({affine_sum([(names[j], w) for j, w in zip(preds, weights)], bias)})")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--neurons", type=int, default=2000)
    ap.add_argument("--fanin", type=int, default=8)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--denominators", default="1,2,4,8",
                    help="the denominators of the weights, e.g. 3,5,7 (default 1,2,4,8)")
    ap.add_argument("--kind", choices=["random", "counters"], default="random")
    a = ap.parse_args()
    denominators = tuple(int(d) for d in a.denominators.split(","))
    make = make_counters if a.kind == "counters" else make_network
    print(make(a.neurons, a.fanin, a.seed, denominators), end="")


if __name__ == "__main__":
    main()
