#!/usr/bin/env python3
"""Random valid `.nn` networks for the differential test.

`generate_case(seed)` returns a Case: the network text, the command-line input
(`--input` values as strings, or a `--word`), an optional `--rule` override and
a step limit.  The same seed always gives the same case (random.Random with an
integer seed is stable across Python versions).

What the generator covers (network-format.md, semantics.md):
  * 1-8 neurons; acyclic and cyclic networks; self-loops;
  * every exactly computable activation: step, sign, sat, relu, id;
  * weights k/d with small k and d in {1, 2, 3, 4}, including zero weights,
    repeated terms (`x + x`), several constant terms, every written form of a
    term (`2 x`, `2*x`, `3/4 s`, `x/4`, `- x`, `+x`) and of a number (integer,
    fraction, unreduced fraction, decimal, exponent);
  * a few distance potentials (dist1, distmax, sqdist) with centres;
  * init values, constants (a neuron with an init and no equation, or with
    an equation that has only a bias), input neurons that also have an
    equation, neurons that are both input and output, no outputs at all;
  * every rule: parallel (written or implied), sequential (file order or an
    explicit order of some neurons), layered (acyclic networks only), random
    with and without a seed (up to 2^64-1), schedule with empty sets; and the
    command line's --rule override;
  * statements in varied order, comments, blank lines, equations and sets
    broken over lines inside ( ) and { }, identifiers close to reserved words.

Networks are biased towards a mix of halting, diverging (sign/step
oscillators) and step-limit (sat/id counters with small --max-steps) runs.

    python3 random_networks.py SEED      # prints one case
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from fractions import Fraction

ACTS = ["step", "sign", "sat", "relu", "id"]
PLAIN_NAMES = ["x1", "x2", "x3", "h1", "h2", "h3", "y", "z", "a", "b", "c", "d",
               "n0", "n1", "n2", "s", "t", "u", "v", "w", "out", "one", "k"]
# legal identifiers close to the lexer's edges (reserved words, '.', '_', exponents)
TRICKY_NAMES = ["Step", "sat1", "ids", "e1", "E2", "dist.a", "q.0", "_", "_t",
                "relu_", "a.b.c", "Input", "seed1", "x_1.y", "signs", "tm.q0.read",
                "layered2", "Random", "pi2", "E", "rule_", "id2"]
DENOMS = [1, 2, 3, 4]


@dataclass
class Case:
    seed: int
    text: str
    inputs: list = field(default_factory=list)   # strings, one per input neuron
    word: str | None = None                      # use --word instead of --input
    rule: str | None = None                      # --rule override
    max_steps: int = 100
    kind: str = ""

    def cli_args(self):
        """Arguments after `nnsim run FILE` (without --json)."""
        args = []
        if self.word is not None:
            args += ["--word", self.word]
        elif self.inputs:
            args.append("--input=" + ",".join(self.inputs))
        if self.rule is not None:
            args += ["--rule", self.rule]
        args += ["--max-steps", str(self.max_steps)]
        return args


# --------------------------------------------------------------------------
# number and term writing
# --------------------------------------------------------------------------

def _decimal_digits(q):
    """Number of decimal places that represent q >= 0 exactly, or None."""
    d = q.denominator
    for k in range(0, 6):
        if (10 ** k) % d == 0:
            return k
    return None


def fmt_unsigned(rng, q):
    """Write q >= 0 as a number of the file format (no sign), in a random form."""
    q = Fraction(q)
    assert q >= 0
    forms = ["frac"]
    k = _decimal_digits(q)
    if q.denominator == 1:
        forms += ["int"] * 6
    if k is not None:
        forms += ["dec", "dec", "exp"]
    form = rng.choice(forms)
    if form == "int":
        return str(q.numerator)
    if form == "frac":
        if q.denominator == 1 and rng.random() < 0.5:
            return str(q.numerator)
        m = rng.choice([1, 1, 1, 2, 3])  # sometimes unreduced: 2/4, 3/3
        return f"{q.numerator * m}/{q.denominator * m}"
    if form == "dec":
        if k == 0:
            return f"{q.numerator}.0" if rng.random() < 0.5 else f"{q.numerator}.{'0' * rng.randint(1, 2)}"
        scaled = q * 10 ** k
        s = str(scaled.numerator).rjust(k + 1, "0")
        return s[:-k] + "." + s[-k:]
    # exponent form: mantissa * 10^e, e.g. 25e-2, 2.5E-1, 0.025e+1
    k = k or 0
    scaled = int(q * 10 ** k)       # q = scaled / 10^k
    shift = rng.randint(0, 2)       # write scaled / 10^shift as mantissa, exponent shift - k
    mant = Fraction(scaled, 10 ** shift)
    mk = _decimal_digits(mant)
    if mk == 0:
        ms = str(mant.numerator)
    else:
        sc = str(int(mant * 10 ** mk)).rjust(mk + 1, "0")
        ms = sc[:-mk] + "." + sc[-mk:]
    e = shift - k
    mark = rng.choice("eE")
    if e < 0:
        es = f"-{-e}"
    else:
        es = rng.choice(["", "+"]) + str(e)
    return f"{ms}{mark}{es}"


def fmt_signed(rng, q):
    """A value standing alone (init, command line): optional leading sign."""
    q = Fraction(q)
    if q < 0:
        return "-" + fmt_unsigned(rng, -q)
    return rng.choice(["", "", "", "+"]) + fmt_unsigned(rng, q)


def rand_weight(rng, zero_p=0.08, kmax=4):
    if rng.random() < zero_p:
        return Fraction(0)
    d = rng.choice(DENOMS)
    k = rng.randint(1, kmax) * rng.choice([1, -1])
    return Fraction(k, d)


def write_terms(rng, terms):
    """terms: list of ('c', value) | ('n', name, coeff).  Returns the text of an
    affine sum; the first term may carry a sign."""
    out = []
    compact = rng.random() < 0.15
    for idx, term in enumerate(terms):
        if term[0] == "c":
            val = term[1]
            neg = val < 0
            body = fmt_unsigned(rng, abs(val))
        else:
            _, name, c = term
            neg = c < 0
            a = abs(c)
            choices = []
            if a == 1:
                choices += [name] * 4 + [f"1 {name}", f"1*{name}"]
            if a != 0 and a.numerator == 1 and a.denominator > 1:
                choices += [f"{name}/{a.denominator}"] * 3
            num = fmt_unsigned(rng, a)
            choices += [f"{num} {name}", f"{num} {name}", f"{num}*{name}", f"{num} * {name}"]
            body = rng.choice(choices)
        if idx == 0:
            if neg:
                out.append(rng.choice(["-", "- "]) + body)
            else:
                out.append(rng.choice(["", "", "", "+", "+ "]) + body)
        else:
            op = "-" if neg else "+"
            out.append((op if compact else f" {op} ") + body)
    return "".join(out)


# --------------------------------------------------------------------------
# networks
# --------------------------------------------------------------------------

class _Net:
    def __init__(self):
        self.inputs = []
        self.outputs = []
        self.inits = {}       # name -> Fraction
        self.eqs = {}         # name -> (act, potential text)  (dict order = equation order)
        self.preds = {}       # name -> set of neurons in its equation


def _names(rng, n):
    pool = list(PLAIN_NAMES)
    rng.shuffle(pool)
    names = []
    for _ in range(n):
        if rng.random() < 0.2:
            cand = rng.choice(TRICKY_NAMES)
            if cand not in names:
                names.append(cand)
                continue
        while pool and pool[-1] in names:
            pool.pop()
        names.append(pool.pop() if pool else f"n{len(names)}_{rng.randint(0, 999)}")
    return names


def _affine(rng, preds, bias_p=0.6, kmax=4, zero_p=0.08):
    """A random affine potential over the list preds (may repeat names)."""
    terms = []
    for u in preds:
        terms.append(("n", u, rand_weight(rng, zero_p, kmax)))
        if rng.random() < 0.1:  # repeated term: x + x
            terms.append(("n", u, rand_weight(rng, zero_p, kmax)))
    if not terms or rng.random() < bias_p:
        nconst = 1 if rng.random() < 0.85 else 2
        for _ in range(nconst):
            terms.append(("c", rand_weight(rng, 0.15, kmax)))
    rng.shuffle(terms)
    return write_terms(rng, terms)


def _distance(rng, preds):
    norm = rng.choice(["dist1", "distmax", "sqdist"])
    args = []
    for u in preds:
        r = rng.random()
        if r < 0.4:
            args.append(u)
        else:
            c = Fraction(rng.randint(0, 4), rng.choice(DENOMS))
            args.append(f"{u} {rng.choice('+-')} {fmt_unsigned(rng, c)}")
    call = f"{norm}({', '.join(args)})"
    s = rand_weight(rng, 0.0, 3)
    a = rand_weight(rng, 0.2, 3)
    parts = []
    if rng.random() < 0.7:
        parts.append(fmt_signed(rng, a).lstrip("+") if a >= 0 else "-" + fmt_unsigned(rng, -a))
    sign = "-" if s < 0 else "+"
    sbody = "" if abs(s) == 1 and rng.random() < 0.5 else fmt_unsigned(rng, abs(s)) + rng.choice([" ", "*", " * "])
    if parts:
        parts.append(f" {sign} {sbody}{call}")
    else:
        parts.append(("-" if s < 0 else "") + sbody + call)
    return "".join(parts)


def _build(rng, kind, n):
    """Choose neurons and equations for one of the network kinds."""
    net = _Net()
    names = _names(rng, n)
    if kind == "oscillator":
        # a sign/step ring (or a self-loop) that flips forever under parallel
        ring = names[:rng.randint(1, min(3, n))]
        act = rng.choice(["sign", "step"])
        for i, v in enumerate(ring):
            u = ring[(i - 1) % len(ring)]
            w = Fraction(rng.randint(1, 3), rng.choice(DENOMS))
            neg = (i == 0)
            terms = [("n", u, -w if neg else w)]
            if act == "step":
                # step(-u) flips 0 <-> 1; step(u - 1/2) copies a 0/1 value
                terms.append(("c", Fraction(0) if neg else Fraction(-1, 2)))
            if rng.random() < 0.2:
                terms.append(("n", u, Fraction(0)))
            rng.shuffle(terms)
            net.eqs[v] = (act, write_terms(rng, terms))
            net.preds[v] = {u}
            if rng.random() < 0.5:
                net.inits[v] = Fraction(rng.choice([1, 1, -1, 0]) if act == "sign" else rng.choice([0, 1]))
        rest = names[len(ring):]
        _fill(rng, net, rest, names[:len(ring)], cyclic=rng.random() < 0.3)
    elif kind == "counter":
        v = names[0]
        style = rng.choice(["sat", "sat", "id", "relu_down", "sat_down"])
        step = Fraction(1, rng.choice([2, 3, 4, 8, 16, 32]))
        if style == "sat":
            net.eqs[v] = ("sat", write_terms(rng, [("n", v, Fraction(1)), ("c", step)]))
        elif style == "id":
            net.eqs[v] = ("id", write_terms(rng, [("n", v, Fraction(1)), ("c", step)]))
        elif style == "relu_down":
            net.eqs[v] = ("relu", write_terms(rng, [("n", v, Fraction(1)), ("c", -step)]))
            net.inits[v] = Fraction(rng.randint(1, 3))
        else:
            net.eqs[v] = ("sat", write_terms(rng, [("c", -step), ("n", v, Fraction(1))]))
            net.inits[v] = Fraction(1)
        net.preds[v] = {v}
        _fill(rng, net, names[1:], [v], cyclic=False)
    elif kind == "acyclic":
        _fill(rng, net, names, [], cyclic=False)
    else:  # recurrent: half of them with step/sign only (finite-state: halt or cycle)
        acts = ["step", "sign"] if rng.random() < 0.5 else ACTS
        _fill(rng, net, names, [], cyclic=True, acts=acts)
    return net, names


def _fill(rng, net, names, existing, cyclic, acts=ACTS):
    """Give the neurons `names` roles: input, constant, or an equation over
    earlier neurons (acyclic) or any neurons (cyclic), with activations from acts."""
    avail = list(existing)
    exact_acts = acts
    for i, v in enumerate(names):
        r = rng.random()
        if r < 0.22 and len(net.inputs) < 3:
            net.inputs.append(v)
            if rng.random() < 0.1:
                # an input neuron with an equation: y(0) is the input, then it updates
                pool = avail + [v] if cyclic else avail
                preds = rng.sample(pool, min(len(pool), rng.randint(0, 2))) if pool else []
                net.eqs[v] = (rng.choice(exact_acts), _affine(rng, preds))
                net.preds[v] = set(preds)
            avail.append(v)
            continue
        if r < 0.32:
            # a constant: init and no equation (or an equation with a bias only)
            if rng.random() < 0.7:
                net.inits[v] = Fraction(rng.randint(-4, 4), rng.choice(DENOMS))
            else:
                net.eqs[v] = (rng.choice(["sat", "relu", "id", "step"]),
                              write_terms(rng, [("c", rand_weight(rng, 0.2))]))
                net.preds[v] = set()
            avail.append(v)
            continue
        if cyclic:
            pool = avail + names[i:]
        else:
            pool = avail
        k = rng.randint(0, min(4, len(pool))) if pool else 0
        if pool and k == 0 and rng.random() < 0.7:
            k = 1
        preds = rng.sample(pool, k) if k else []
        act = rng.choice(exact_acts)
        if preds and rng.random() < 0.08:
            pot = _distance(rng, preds)
            if cyclic and "sqdist" in pot and act not in ("step", "sign"):
                # sqdist squares values (and denominators) every step: keep it discrete
                act = rng.choice(["step", "sign"])
        else:
            kmax = 2 if act in ("relu", "id") and cyclic else 4
            pot = _affine(rng, preds, kmax=kmax)
        net.eqs[v] = (act, pot)
        net.preds[v] = set(preds)
        if rng.random() < 0.25:
            net.inits[v] = Fraction(rng.randint(-4, 4), rng.choice(DENOMS))
        avail.append(v)
    # every name of `names` is now defined except those given nothing: make them constants
    for v in names:
        if v not in net.inputs and v not in net.eqs and v not in net.inits:
            net.inits[v] = Fraction(rng.randint(-2, 2), rng.choice(DENOMS))


def _is_acyclic(net):
    state = {}

    def visit(v):
        state[v] = 1
        for u in net.preds.get(v, ()):
            if u not in net.eqs:
                continue
            if state.get(u) == 1:
                return False
            if state.get(u) is None and not visit(u):
                return False
        state[v] = 2
        return True

    return all(state.get(v) == 2 or visit(v) for v in net.eqs)


def _random_seed(rng):
    r = rng.random()
    if r < 0.4:
        return rng.randint(0, 100)
    if r < 0.8:
        return rng.randint(0, 2 ** 32)
    return rng.choice([2 ** 64 - 1, 2 ** 63, 2 ** 63 - 1, rng.randint(0, 2 ** 64 - 1)])


def _file_rule(rng, net, acyclic):
    U = list(net.eqs)
    choices = ["none", "parallel", "sequential", "random", "schedule"]
    if U:
        choices += ["order", "order"]
    if acyclic:
        choices += ["layered", "layered"]
    c = rng.choice(choices)
    if c == "none":
        return None
    if c in ("parallel", "sequential", "layered"):
        return c
    if c == "order":
        k = rng.randint(1, len(U))
        order = rng.sample(U, k)
        return "sequential " + ", ".join(order)
    if c == "random":
        if rng.random() < 0.3:
            return "random"
        return f"random seed {_random_seed(rng)}"
    # schedule: 1-4 sets, subsets of U, some empty
    sets = []
    for _ in range(rng.randint(1, 4)):
        if not U or rng.random() < 0.2:
            sets.append([])
        else:
            sets.append(rng.sample(U, rng.randint(1, len(U))))
    parts = []
    for s in sets:
        if len(s) > 1 and rng.random() < 0.1:
            parts.append("{" + s[0] + ",\n    " + ", ".join(s[1:]) + "}")
        else:
            parts.append("{" + ", ".join(s) + "}")
    return "schedule " + ", ".join(parts)


def _write(rng, net, name, rule):
    stmts_head = []
    if net.inputs:
        stmts_head.append("input " + ", ".join(net.inputs))
    if net.outputs:
        stmts_head.append("output " + ", ".join(net.outputs))
    if rule is not None:
        stmts_head.append("rule " + rule)
    eq_lines = []
    for v, (act, pot) in net.eqs.items():
        if rng.random() < 0.08 and (" + " in pot or " - " in pot):
            # break the potential over lines inside the parentheses
            cut = pot.find(" + ") if " + " in pot else pot.find(" - ")
            comment = "  # continued" if rng.random() < 0.5 else ""
            pot = pot[:cut] + comment + "\n        " + pot[cut + 1:]
        line = f"{v} = {act}({pot})"
        if rng.random() < 0.15:
            line += "   # " + rng.choice(["hidden unit", "xi = b + sum w y", "P1", "=(){},+-*/"])
        eq_lines.append(line)
    init_lines = [f"init {v} = {fmt_signed(rng, x)}" for v, x in net.inits.items()]
    body = []
    # statement order: head statements, inits and equations interleaved a bit
    r = rng.random()
    if r < 0.6:
        body = stmts_head + init_lines + eq_lines
    elif r < 0.8:
        body = eq_lines + init_lines + stmts_head
    else:
        body = stmts_head + eq_lines
        for ln in init_lines:
            body.insert(rng.randint(0, len(body)), ln)
    lines = []
    if rng.random() < 0.5:
        lines.append(f"# random network {name}")
    if rng.random() < 0.8:
        lines.append(f"network {name}")
    for ln in body:
        if rng.random() < 0.1:
            lines.append("")
        if rng.random() < 0.05:
            lines.append("   # a comment line")
        lines.append(ln)
    return "\n".join(lines) + ("\n" if rng.random() < 0.9 else "")


def _input_value(rng):
    r = rng.random()
    if r < 0.5:
        return Fraction(rng.choice([0, 1, 1, -1]))
    return Fraction(rng.randint(-6, 6), rng.choice(DENOMS))


def generate_case(seed, max_neurons=8):
    rng = random.Random(seed)
    kind = rng.choices(["acyclic", "oscillator", "counter", "recurrent"],
                       weights=[30, 25, 15, 30])[0]
    n = rng.randint(1, max_neurons)
    net, names = _build(rng, kind, n)
    acyclic = _is_acyclic(net)

    # outputs: any neurons, in any order, maybe none
    if rng.random() < 0.9:
        k = rng.randint(1, min(3, len(names)))
        net.outputs = rng.sample(names, k)

    rule = _file_rule(rng, net, acyclic)
    text = _write(rng, net, f"r{seed}", rule)

    case = Case(seed=seed, text=text, kind=kind)
    if len(net.inputs) == 1 and rng.random() < 0.2:
        case.word = "".join(rng.choice("01") for _ in range(rng.randint(0, 5)))
    else:
        case.inputs = [fmt_signed(rng, _input_value(rng)) for _ in net.inputs]

    # command-line rule override
    if rng.random() < 0.3:
        opts = ["parallel", "sequential", "random", f"random:{_random_seed(rng)}"]
        if acyclic:
            opts.append("layered")
        case.rule = rng.choice(opts)

    # step limit: mostly generous, sometimes tiny (to reach it)
    r = rng.random()
    if r < 0.25:
        case.max_steps = rng.randint(1, 12)
    elif r < 0.3:
        case.max_steps = 0
    else:
        case.max_steps = rng.choice([40, 60, 100, 150])
    return case


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    c = generate_case(seed, int(sys.argv[2]) if len(sys.argv) > 2 else 8)
    sys.stdout.write(c.text)
    print("# args:", " ".join(c.cli_args()), f"# kind: {c.kind}")
