#!/usr/bin/env python3
"""Baseline for doubles: a network run as a sparse matrix with numpy and scipy.

Reads the same subset of the `.nn` format as build/bench/nnsim_gmp_floor
(`network`, `input`, `output`, `rule parallel`, `init`, equations
`N = sat(AFFINE SUM)`), turns the equations into a CSR matrix A (one row per
equation, one column per neuron) and a bias vector b, both in binary64, and
runs S parallel steps

    y[updated] = clip(A @ y + b, 0, 1)

from y(t) into y(t+1) (the neurons without an equation keep their value).
Loading and stepping are timed apart, in CPU time of the process; the steps
also in wall-clock time (scipy's product runs on one thread, so the two
differ only by what the machine took away, which bench/compare.py compares
with nnsim's wall-clock time on two cores).  With --repeat R the steps are
run R times from y(0) and the least time of each kind is kept.

    python3 bench/numpy_csr_sim.py FILE --steps S [--input V1,...] [--repeat R] [--state OUT]

numpy and scipy are Debian's python3-numpy and python3-scipy; without them the
script says so and exits with code 77 (skipped).
"""

import argparse
import re
import sys
import time
from fractions import Fraction

try:
    import numpy as np
    import scipy.sparse
except ImportError as error:  # a baseline, not a dependency of nnsim
    print(f"numpy_csr_sim: skipped: {error} (Debian: apt-get install python3-numpy python3-scipy)", file=sys.stderr)
    sys.exit(77)

TOKEN = re.compile(r"\s*(?:([A-Za-z_][A-Za-z0-9_.]*)|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([-+*/])|(\S))")
EQUATION = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*([A-Za-z_][A-Za-z0-9_.\[\]/]*)\s*\((.*)\)\s*$", re.S)


class ReadError(Exception):
    pass


def statements(text):
    """(line number, statement) with comments removed and lines inside ( ) joined."""
    pending, start = "", 0
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.split("#", 1)[0]
        if not pending:
            start = number
        pending += " " + line
        if pending.count("(") > pending.count(")"):
            continue
        if pending.strip():
            yield start, pending.strip()
        pending = ""
    if pending.strip():
        yield start, pending.strip()


def affine_sum(body, line, number_cache):
    """[(neuron, coefficient)], bias of `w1 n1 + ... + b` (coefficients as Fractions)."""
    tokens = []
    for name, num, op, other in TOKEN.findall(body):
        if other:
            raise ReadError(f"{line}: error: unexpected '{other}' (only affine sums are read)")
        tokens.append(("name", name) if name else ("num", num) if num else ("op", op))
    terms, bias, k = [], Fraction(0), 0

    def literal():
        nonlocal k
        text = tokens[k][1]
        k += 1
        if k + 1 < len(tokens) and tokens[k] == ("op", "/") and tokens[k + 1][0] == "num":
            text += "/" + tokens[k + 1][1]
            k += 2
        value = number_cache.get(text)
        if value is None:
            value = number_cache[text] = Fraction(text)
        return value

    first = True
    while k < len(tokens):
        sign = 1
        if tokens[k][0] == "op" and tokens[k][1] in "+-":
            sign = -1 if tokens[k][1] == "-" else 1
            k += 1
        elif not first:
            raise ReadError(f"{line}: error: expected '+' or '-'")
        first = False
        if k < len(tokens) and tokens[k][0] == "num":
            value = literal()
            if k < len(tokens) and tokens[k] == ("op", "*"):
                k += 1
            if k < len(tokens) and tokens[k][0] == "name":
                terms.append((tokens[k][1], sign * value))
                k += 1
            else:
                bias += sign * value
        elif k < len(tokens) and tokens[k][0] == "name":
            name = tokens[k][1]
            k += 1
            value = Fraction(1)
            if k < len(tokens) and tokens[k] == ("op", "/"):
                k += 1
                if k >= len(tokens) or tokens[k][0] != "num":
                    raise ReadError(f"{line}: error: expected a number after '/'")
                value = 1 / literal()
            terms.append((name, sign * value))
        else:
            raise ReadError(f"{line}: error: expected a number or a neuron name")
    return terms, bias


def read_network(path):
    """(names, inputs, initial values, equations [(target, terms, bias)])."""
    text = open(path, encoding="utf-8").read()
    inputs, inits, equations, number_cache = [], {}, [], {}
    for line, statement in statements(text):
        where = f"{path}:{line}"
        head = statement.split(None, 1)
        if head[0] == "network" or head[0] == "output":
            continue
        if head[0] == "input":
            inputs += [name.strip() for name in head[1].split(",")]
        elif head[0] == "rule":
            if head[1].strip() != "parallel":
                raise ReadError(f"{where}: error: only 'rule parallel' is read")
        elif head[0] == "init":
            name, value = head[1].split("=")
            inits[name.strip()] = Fraction(value.strip())
        else:
            match = EQUATION.match(statement)
            if not match:
                raise ReadError(f"{where}: error: not a statement this reader knows")
            if match.group(2) != "sat":
                raise ReadError(f"{where}: error: only 'sat' equations are read")
            terms, bias = affine_sum(match.group(3), where, number_cache)
            equations.append((match.group(1), terms, bias))
    return inputs, inits, equations


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--steps", type=int, required=True)
    ap.add_argument("--input", default="")
    ap.add_argument("--repeat", type=int, default=1, help="run the S steps this many times from y(0), keep the least time")
    ap.add_argument("--state", help="write the final state here, one 'NAME VALUE' a line")
    a = ap.parse_args()

    load_start = time.process_time()
    try:
        inputs, inits, equations = read_network(a.file)
    except (ReadError, ValueError, ZeroDivisionError) as error:
        print(error, file=sys.stderr)
        return 2
    # Columns: the equations' targets first (rows i = columns i), then the rest.
    index = {}
    for target, _, _ in equations:
        if target in index:
            print(f"{a.file}: error: second equation for '{target}'", file=sys.stderr)
            return 2
        index[target] = len(index)
    rows = len(index)
    for name in list(inputs) + list(inits):
        index.setdefault(name, len(index))
    indptr, indices, data = [0], [], []
    float_of = {}
    for _, terms, _ in equations:
        for name, coefficient in terms:
            column = index.get(name)
            if column is None:
                print(f"{a.file}: error: neuron '{name}' is not defined", file=sys.stderr)
                return 2
            indices.append(column)
            value = float_of.get(coefficient)
            if value is None:
                value = float_of[coefficient] = float(coefficient)  # correctly rounded
            data.append(value)
        indptr.append(len(indices))
    matrix = scipy.sparse.csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64),
                                      np.array(indptr, dtype=np.int64)), shape=(rows, len(index)))
    matrix.sum_duplicates()
    matrix.eliminate_zeros()
    bias = np.array([float(b) for _, _, b in equations], dtype=np.float64)
    y = np.zeros(len(index), dtype=np.float64)
    values = [Fraction(v) for v in a.input.split(",")] if a.input else []
    if len(values) != len(inputs):
        print(f"numpy_csr_sim: error: {len(inputs)} input values expected, {len(values)} given", file=sys.stderr)
        return 2
    for name, value in zip(inputs, values):
        y[index[name]] = float(value)
    for name, value in inits.items():
        y[index[name]] = float(value)
    load = time.process_time() - load_start

    start_state = y.copy()
    elapsed = wall = float("inf")
    for _ in range(a.repeat):
        y[:] = start_state
        step_start, wall_start = time.process_time(), time.perf_counter()
        for _ in range(a.steps):
            potential = matrix @ y
            potential += bias
            np.clip(potential, 0.0, 1.0, out=potential)
            y[:rows] = potential
        elapsed = min(elapsed, time.process_time() - step_start)
        wall = min(wall, time.perf_counter() - wall_start)
    edges = matrix.nnz
    per_edge = elapsed * 1e9 / (a.steps * edges) if a.steps and edges else 0.0
    print(f"numpy_csr_sim: neurons {len(index)} edges {edges} steps {a.steps} load_cpu_s {load:.6f} "
          f"step_cpu_s {elapsed:.6f} step_wall_s {wall:.6f} ns_per_edge_update {per_edge:.3f}")
    if a.state:
        with open(a.state, "w") as out:
            for name, column in index.items():
                out.write(f"{name} {float(y[column])!r}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
