#!/usr/bin/env python3
"""Write a two-input feed-forward network (the input of the `eval`
benchmark, docs/performance.md) to stdout.

Inputs x1, x2; a layer a1 ... aW of `sat` neurons reading both inputs; a
layer b1 ... bW of `sat` neurons each reading every neuron of the first
layer (W^2 edges); an output y = step(...) reading the second layer.  The
weights follow a fixed formula, not a random generator, so that
bench/eval_bench.cpp builds the same network: the weight of source j in
neuron i of a layer is k/8 with k = (7 i + 13 j + layer) mod 17 - 8, and 1/8
where that is 0; the bias of neuron i is k/8 with j = 0.

    python3 bench/make_layered_network.py [--width W] > layered.nn
"""

import argparse


def coefficient(layer, i, j):
    k = (7 * i + 13 * j + layer) % 17 - 8
    return k if k != 0 else 1


def equation(name, activation, layer, i, sources):
    text = f"{name} = {activation}({coefficient(layer, i, 0)}/8"
    for j, source in enumerate(sources, start=1):
        k = coefficient(layer, i, j)
        text += f" {'-' if k < 0 else '+'} {abs(k)}/8 {source}"
    return text + ")"


def make_network(width=100):
    """The network's text."""
    first = [f"a{i}" for i in range(1, width + 1)]
    second = [f"b{i}" for i in range(1, width + 1)]
    lines = ["network layered", "input x1, x2", "output y", "rule parallel", ""]
    lines += [equation(name, "sat", 1, i, ["x1", "x2"]) for i, name in enumerate(first, start=1)]
    lines += [equation(name, "sat", 2, i, first) for i, name in enumerate(second, start=1)]
    lines.append(equation("y", "step", 3, 1, second))
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=100, help="neurons per layer (default 100)")
    print(make_network(parser.parse_args().width), end="")


if __name__ == "__main__":
    main()
