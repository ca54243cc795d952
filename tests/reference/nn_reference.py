#!/usr/bin/env python3
"""Independent reference implementation of nnsim's semantics (exact, rational mode).

Written from the contract alone (shared spec: semantics.md, network-format.md,
cli.md), not from the C++ sources, so that the differential test
(tests/scripts/test_differential.py) compares two independent readings of the
spec.  Standard library only; every number is a fractions.Fraction.

Covers:
  * a parser for the `.nn` format: network / input / output / rule / init
    statements and equations; affine sums (`2 x`, `2*x`, `3/4 s`, `x/4`,
    signs, integer / fraction / decimal / exponent literals, repeated terms);
    distance potentials `dist1`, `distmax`, `sqdist` (and `dist`, which is
    rejected at computation start because it is not exact) with centres;
    `logistic[λ]` and `tanh` are parsed and rejected at computation start;
  * the rules parallel, sequential (default and explicit order), layered,
    random (SplitMix64, semantics §3) and schedule, plus the command line's
    rule override (`parallel`, `sequential`, `layered`, `random`,
    `random:SEED`);
  * halting time, divergence (first repetition of (y(t), t mod p)) and the
    step limit exactly as in semantics §4;
  * the δ-encoding of binary words (semantics §6).

Use as a module (`run_text`, `parse_network`, `simulate`, `delta_encode`,
`delta_decode`, `splitmix64`) or from the command line, which mirrors
`nnsim run FILE --json`:

    python3 nn_reference.py run FILE [--input V1,...] [--word W]
                                [--rule R] [--max-steps N]
    python3 nn_reference.py encode WORD
    python3 nn_reference.py decode VALUE
"""

from __future__ import annotations

import json
import sys
from fractions import Fraction

__all__ = [
    "NNError", "Network", "Equation", "Rule", "parse_network", "parse_value",
    "parse_rule_override", "simulate", "run_text", "delta_encode",
    "delta_decode", "splitmix64", "format_value", "RESERVED",
]

MASK64 = (1 << 64) - 1

RESERVED = frozenset(
    "network input output rule init parallel sequential layered random seed "
    "schedule step sign sat relu id logistic tanh dist dist1 distmax sqdist "
    "const pi e sqrt exp log sin cos abs min max".split())
ACTIVATIONS = frozenset("step sign sat relu id logistic tanh".split())
EXACT_ACTIVATIONS = frozenset("step sign sat relu id".split())
NORMS = frozenset("dist dist1 distmax sqdist".split())
EXACT_NORMS = frozenset("dist1 distmax sqdist".split())


class NNError(Exception):
    """A load error (bad file / bad option) or a computation that cannot start."""

    def __init__(self, message, line=None, col=None):
        self.line, self.col = line, col
        if line is not None:
            message = f"{line}:{col}: error: {message}"
        super().__init__(message)


# --------------------------------------------------------------------------
# Lexer
# --------------------------------------------------------------------------

class Tok:
    __slots__ = ("kind", "value", "line", "col")

    def __init__(self, kind, value, line, col):
        self.kind, self.value, self.line, self.col = kind, value, line, col

    def __repr__(self):
        return f"Tok({self.kind},{self.value!r},{self.line}:{self.col})"


def _is_letter(c):
    return ("a" <= c <= "z") or ("A" <= c <= "Z") or c == "_"


def _is_digit(c):
    return "0" <= c <= "9"


def tokenize(text):
    """Token kinds: 'id', 'num' (unsigned literal, a Fraction), 'nl' (end of a
    statement), 'eof', and single-character punctuation = ( ) { } [ ] , + - * /.
    A newline inside ( ) or { } is plain white space."""
    toks = []
    i, n = 0, len(text)
    line, col0 = 1, 0  # col0 = index of the first character of the line
    depth = 0

    def err(msg, at):
        raise NNError(msg, line, at - col0 + 1)

    while i < n:
        c = text[i]
        if c == "\n":
            if depth == 0 and toks and toks[-1].kind != "nl":
                toks.append(Tok("nl", None, line, i - col0 + 1))
            line += 1
            i += 1
            col0 = i
            continue
        if c in " \t\r\f\v":
            i += 1
            continue
        if c == "#":
            while i < n and text[i] != "\n":
                i += 1
            continue
        start = i
        if _is_letter(c):
            while i < n and (_is_letter(text[i]) or _is_digit(text[i]) or text[i] == "."):
                i += 1
            name = text[start:i]
            if name.endswith("."):
                err(f"identifier '{name}' ends in '.'", start)
            toks.append(Tok("id", name, line, start - col0 + 1))
            continue
        if _is_digit(c):
            while i < n and _is_digit(text[i]):
                i += 1
            int_part = text[start:i]
            frac_part = ""
            exp = 0
            if i < n and text[i] == ".":
                i += 1
                fs = i
                while i < n and _is_digit(text[i]):
                    i += 1
                frac_part = text[fs:i]
                if not frac_part:
                    err("digits required after '.'", start)
            if i < n and text[i] in "eE":
                i += 1
                es = i
                if i < n and text[i] in "+-":
                    i += 1
                ds = i
                while i < n and _is_digit(text[i]):
                    i += 1
                if ds == i:
                    err("digits required in the exponent", start)
                exp = int(text[es:i])
            if i < n and (_is_letter(text[i]) or _is_digit(text[i]) or text[i] == "."):
                err("a number directly followed by a letter (write '2 x' or '2*x')", start)
            value = Fraction(int(int_part + frac_part), 10 ** len(frac_part))
            value *= Fraction(10) ** exp
            toks.append(Tok("num", value, line, start - col0 + 1))
            continue
        if c in "=,+-*/[]":
            toks.append(Tok(c, c, line, start - col0 + 1))
            i += 1
            continue
        if c in "({":
            depth += 1
            toks.append(Tok(c, c, line, start - col0 + 1))
            i += 1
            continue
        if c in ")}":
            depth = max(0, depth - 1)
            toks.append(Tok(c, c, line, start - col0 + 1))
            i += 1
            continue
        err(f"unexpected character {c!r}", start)
    if toks and toks[-1].kind != "nl":
        toks.append(Tok("nl", None, line, i - col0 + 1))
    toks.append(Tok("eof", None, line, i - col0 + 1))
    return toks


# --------------------------------------------------------------------------
# Network model
# --------------------------------------------------------------------------

class Equation:
    """y_name := act(ξ).  kind 'affine': bias + Σ coeff·y_u (coeffs merged per
    neuron, zero coefficients kept: the edge is still there).  kind 'norm':
    ξ = a + s·NORM((y_u − c_u)_u)."""

    def __init__(self, name, act, act_param, line, col):
        self.name, self.act, self.act_param = name, act, act_param
        self.line, self.col = line, col
        self.kind = "affine"
        self.bias = Fraction(0)
        self.coeffs = {}  # neuron -> Fraction, insertion order = first occurrence
        self.norm = None
        self.norm_a = Fraction(0)
        self.norm_s = Fraction(1)
        self.norm_args = []  # [(neuron, centre)]

    def preds(self):
        if self.kind == "affine":
            return list(self.coeffs)
        seen = []
        for u, _ in self.norm_args:
            if u not in seen:
                seen.append(u)
        return seen


class Rule:
    def __init__(self, kind, order=None, seed=0, sets=None):
        self.kind = kind          # parallel | sequential | layered | random | schedule
        self.order = order        # sequential: explicit list, or None (default order)
        self.seed = seed          # random
        self.sets = sets          # schedule: list of lists

    def describe(self):
        if self.kind == "sequential" and self.order is not None:
            return "sequential " + ", ".join(self.order)
        if self.kind == "random":
            return f"random seed {self.seed}"
        if self.kind == "schedule":
            return "schedule " + ", ".join("{" + ", ".join(s) + "}" for s in self.sets)
        return self.kind


class Network:
    def __init__(self):
        self.name = None
        self.inputs = []
        self.outputs = []
        self.inits = {}
        self.equations = {}  # name -> Equation, in file order
        self.rule = Rule("parallel")
        self.neurons = []  # every defined neuron, first-definition order

    def updatable(self):
        return list(self.equations)


# --------------------------------------------------------------------------
# Parser
# --------------------------------------------------------------------------

class _Parser:
    def __init__(self, text):
        self.toks = tokenize(text)
        self.pos = 0

    # token helpers
    def peek(self, k=0):
        return self.toks[min(self.pos + k, len(self.toks) - 1)]

    def next(self):
        t = self.toks[self.pos]
        if t.kind != "eof":
            self.pos += 1
        return t

    def err(self, msg, tok=None):
        tok = tok or self.peek()
        raise NNError(msg, tok.line, tok.col)

    def expect(self, kind, what=None):
        t = self.peek()
        if t.kind != kind:
            self.err(f"expected {what or repr(kind)}, found {self.describe(t)}")
        return self.next()

    @staticmethod
    def describe(t):
        if t.kind == "nl":
            return "end of line"
        if t.kind == "eof":
            return "end of file"
        if t.kind == "num":
            return f"number {t.value}"
        return repr(t.value)

    def ident(self, what="a neuron name"):
        t = self.peek()
        if t.kind != "id":
            self.err(f"expected {what}, found {self.describe(t)}")
        if t.value in RESERVED:
            self.err(f"'{t.value}' is a reserved word, not a neuron name")
        return self.next()

    def number(self):
        """An unsigned number of the format: a literal, or a fraction a/b."""
        t = self.expect("num", "a number")
        v = t.value
        if self.peek().kind == "/" and self.peek(1).kind == "num":
            self.next()
            d = self.next()
            if d.value == 0:
                self.err("a fraction with denominator 0", d)
            v = v / d.value
        return v

    def signed_number(self):
        sign = 1
        if self.peek().kind in "+-":
            sign = -1 if self.next().kind == "-" else 1
        return sign * self.number()

    def end_statement(self):
        t = self.peek()
        if t.kind not in ("nl", "eof"):
            self.err(f"unexpected {self.describe(t)} at the end of the statement")
        self.next()

    # statements
    def parse(self):
        net = Network()
        seen = set()
        refs = []  # (name, tok) that must be defined
        defined_order = []
        first_statement = True
        while self.peek().kind != "eof":
            if self.peek().kind == "nl":
                self.next()
                continue
            t = self.peek()
            if t.kind != "id":
                self.err(f"expected a statement, found {self.describe(t)}")
            kw = t.value
            if kw in ("network", "input", "output", "rule") and self.peek(1).kind != "=":
                self.next()
                if kw in seen:
                    self.err(f"a second '{kw}' statement", t)
                if kw == "network" and not first_statement:
                    self.err("'network' must come before any other statement", t)
                seen.add(kw)
                if kw == "network":
                    net.name = self.expect("id", "a network name").value
                elif kw == "input":
                    toks = self._name_toks()
                    for nt in toks:
                        if nt.value in net.inputs:
                            self.err(f"'{nt.value}' is listed twice in 'input'", nt)
                        net.inputs.append(nt.value)
                        defined_order.append(nt.value)
                elif kw == "output":
                    toks = self._name_toks()
                    for nt in toks:
                        if nt.value in net.outputs:
                            self.err(f"'{nt.value}' is listed twice in 'output'", nt)
                        net.outputs.append(nt.value)
                        refs.append((nt.value, nt, "output"))
                else:
                    net.rule = self.parse_rule(refs)
                self.end_statement()
            elif kw == "init" and self.peek(1).kind != "=":
                self.next()
                nt = self.ident()
                self.expect("=", "'='")
                v = self.signed_number()
                if nt.value in net.inits:
                    self.err(f"a second 'init' of '{nt.value}'", nt)
                net.inits[nt.value] = (v, nt)
                defined_order.append(nt.value)
                self.end_statement()
            else:
                nt = self.ident("a statement or a neuron name")
                self.expect("=", "'='")
                eq = self.parse_equation(nt, refs)
                if nt.value in net.equations:
                    self.err(f"a second equation of '{nt.value}'", nt)
                net.equations[nt.value] = eq
                defined_order.append(nt.value)
                self.end_statement()
            first_statement = False

        # validation
        for name, (v, nt) in net.inits.items():
            if name in net.inputs:
                raise NNError(f"input neuron '{name}' cannot have an init value", nt.line, nt.col)
        defined = set(defined_order)
        for name, tok, where in refs:
            if name not in defined:
                raise NNError(f"neuron '{name}' (used in {where}) is not defined", tok.line, tok.col)
            if where == "rule" and name not in net.equations:
                raise NNError(f"neuron '{name}' named in the rule has no equation", tok.line, tok.col)
        for name in defined_order:
            if name not in net.neurons:
                net.neurons.append(name)
        net.inits = {k: v for k, (v, _) in net.inits.items()}
        if net.rule.kind == "layered":
            layers(net)  # raises on a cycle
        return net

    def _name_toks(self):
        toks = [self.ident()]
        while self.peek().kind == ",":
            self.next()
            toks.append(self.ident())
        return toks

    def parse_rule(self, refs):
        t = self.expect("id", "a rule")
        kind = t.value
        if kind in ("parallel", "layered"):
            return Rule(kind)
        if kind == "sequential":
            if self.peek().kind in ("nl", "eof"):
                return Rule("sequential")
            toks = self._name_toks()
            order = []
            for nt in toks:
                if nt.value in order:
                    self.err(f"'{nt.value}' is named twice in the sequential order", nt)
                order.append(nt.value)
                refs.append((nt.value, nt, "rule"))
            return Rule("sequential", order=order)
        if kind == "random":
            seed = 0
            if self.peek().kind == "id" and self.peek().value == "seed":
                self.next()
                st = self.expect("num", "a seed")
                if st.value.denominator != 1 or not 0 <= st.value <= MASK64:
                    self.err("a seed is an integer in 0 .. 2^64-1", st)
                seed = int(st.value)
            return Rule("random", seed=seed)
        if kind == "schedule":
            sets = [self._set(refs)]
            while self.peek().kind == ",":
                self.next()
                sets.append(self._set(refs))
            return Rule("schedule", sets=sets)
        self.err(f"unknown rule '{kind}'", t)

    def _set(self, refs):
        self.expect("{", "'{'")
        names = []
        if self.peek().kind != "}":
            for nt in self._name_toks():
                refs.append((nt.value, nt, "rule"))
                if nt.value not in names:
                    names.append(nt.value)
        self.expect("}", "'}'")
        return names

    def parse_equation(self, nt, refs):
        at = self.expect("id", "an activation")
        act = at.value
        if act not in ACTIVATIONS:
            self.err(f"unknown activation '{act}'", at)
        param = None
        if act == "logistic" and self.peek().kind == "[":
            self.next()
            param = self.signed_number()
            self.expect("]", "']'")
        self.expect("(", "'('")
        eq = Equation(nt.value, act, param, nt.line, nt.col)
        # a list of signed terms: ('const', c) | ('neuron', name, c) | ('norm', NAME, args, c)
        terms = []
        first = True
        while True:
            t = self.peek()
            if t.kind == ")":
                if first:
                    self.err("an empty potential")
                break
            sign = 1
            if t.kind in "+-":
                self.next()
                sign = -1 if t.kind == "-" else 1
            elif not first:
                self.err(f"expected '+', '-' or ')', found {self.describe(t)}")
            terms.append(self.term(sign, refs))
            first = False
        self.expect(")", "')'")
        norms = [x for x in terms if x[0] == "norm"]
        neurons = [x for x in terms if x[0] == "neuron"]
        consts = [x for x in terms if x[0] == "const"]
        if norms:
            if len(norms) > 1 or neurons:
                self.err("a distance potential has one norm call and no other neuron terms", at)
            eq.kind = "norm"
            _, eq.norm, eq.norm_args, eq.norm_s = norms[0]
            eq.norm_a = sum((x[1] for x in consts), Fraction(0))
        else:
            eq.bias = sum((x[1] for x in consts), Fraction(0))
            for _, u, c in neurons:
                eq.coeffs[u] = eq.coeffs.get(u, Fraction(0)) + c
        return eq

    def term(self, sign, refs):
        t = self.peek()
        if t.kind == "num":
            c = sign * self.number()
            star = False
            if self.peek().kind == "*":
                self.next()
                star = True
            nx = self.peek()
            if nx.kind == "id" and nx.value in NORMS:
                return self.norm_call(c, refs)
            if nx.kind == "id":
                u = self.ident()
                refs.append((u.value, u, "an equation"))
                return ("neuron", u.value, c)
            if star:
                self.err(f"expected a neuron after '*', found {self.describe(nx)}")
            return ("const", c)
        if t.kind == "id":
            if t.value in NORMS:
                return self.norm_call(Fraction(sign), refs)
            u = self.ident()
            refs.append((u.value, u, "an equation"))
            c = Fraction(sign)
            if self.peek().kind == "/":
                self.next()
                d = self.number()
                if d == 0:
                    self.err("division by 0")
                c = c / d
            return ("neuron", u.value, c)
        self.err(f"expected a term, found {self.describe(t)}")

    def norm_call(self, s, refs):
        nt = self.next()
        self.expect("(", "'('")
        args = []
        while True:
            u = self.ident()
            refs.append((u.value, u, "an equation"))
            centre = Fraction(0)
            if self.peek().kind in "+-":
                sg = -1 if self.next().kind == "-" else 1
                centre = -sg * self.number()  # x - c  ->  centre c ; x + c -> centre -c
            args.append((u.value, centre))
            if self.peek().kind == ",":
                self.next()
                continue
            break
        self.expect(")", "')'")
        return ("norm", nt.value, args, s)


def parse_network(text):
    """Parse `.nn` text into a Network; raises NNError on any violation."""
    return _Parser(text).parse()


def parse_value(s):
    """A command-line / init value: a number of the file format with an optional sign."""
    p = _Parser(s)
    try:
        v = p.signed_number()
    except NNError as e:
        raise NNError(f"bad value {s!r}: {e}") from None
    if p.peek().kind not in ("nl", "eof"):
        raise NNError(f"bad value {s!r}")
    return v


def parse_rule_override(s):
    """The command line's --rule: parallel, sequential, layered, random, random:SEED."""
    if s in ("parallel", "sequential", "layered", "random"):
        return Rule(s)
    if s.startswith("random:"):
        digits = s[len("random:"):]
        if digits.isdigit() and digits.isascii() and int(digits) <= MASK64:
            return Rule("random", seed=int(digits))
    raise NNError(f"bad rule {s!r}")


# --------------------------------------------------------------------------
# Layers, SplitMix64, δ-encoding
# --------------------------------------------------------------------------

def layers(net):
    """layer(v) per semantics §3; raises NNError naming a cycle if the
    equations are not acyclic (a self-loop is a cycle)."""
    layer = {}
    state = {}  # 1 = on stack, 2 = done
    for root in net.equations:
        if root in layer:
            continue
        stack = [(root, iter(net.equations[root].preds()))]
        path = [root]
        state[root] = 1
        while stack:
            v, it = stack[-1]
            advanced = False
            for u in it:
                if u not in net.equations:
                    continue
                if state.get(u) == 1:
                    cyc = path[path.index(u):] + [u]
                    eq = net.equations[root]
                    raise NNError("rule layered needs an acyclic network; cycle: "
                                  + " -> ".join(cyc), eq.line, eq.col)
                if state.get(u) != 2:
                    state[u] = 1
                    stack.append((u, iter(net.equations[u].preds())))
                    path.append(u)
                    advanced = True
                    break
            if not advanced:
                stack.pop()
                path.pop()
                state[v] = 2
                layer[v] = 1 + max((layer.get(u, 0) for u in net.equations[v].preds()
                                    if u in net.equations), default=0)
    return layer


def splitmix64(seed):
    """Generator of SplitMix64 outputs r_0, r_1, ... for the seed (semantics §3)."""
    state = seed & MASK64
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        yield z ^ (z >> 31)


def delta_encode(word):
    """δ(ω) = Σ ω_i / 2^i + 1 / 2^(n+1)  (semantics §6)."""
    if any(c not in "01" for c in word):
        raise NNError(f"not a binary word: {word!r}")
    n = len(word)
    return Fraction(int(word + "1", 2), 2 ** (n + 1))


def delta_decode(q):
    q = Fraction(q)
    d = q.denominator
    if not (0 < q < 1) or d & (d - 1) or d < 2:
        raise NNError(f"{q} is not a δ-code")
    m = d.bit_length() - 1          # q = a / 2^m, a odd (Fraction is reduced)
    bits = format(q.numerator, "b").zfill(m)
    return bits[:-1]


def format_value(v):
    return str(Fraction(v))


# --------------------------------------------------------------------------
# Simulation
# --------------------------------------------------------------------------

def _activate(act, x):
    if act == "step":
        return Fraction(1) if x >= 0 else Fraction(0)
    if act == "sign":
        return Fraction(1) if x >= 0 else Fraction(-1)
    if act == "sat":
        if x < 0:
            return Fraction(0)
        return x if x <= 1 else Fraction(1)
    if act == "relu":
        return x if x > 0 else Fraction(0)
    if act == "id":
        return x
    raise AssertionError(act)


def _compile(net, index):
    """One evaluation function per equation, on a state list."""
    funcs = {}
    for name, eq in net.equations.items():
        act = eq.act
        if eq.kind == "affine":
            terms = [(index[u], c) for u, c in eq.coeffs.items()]
            bias = eq.bias

            def f(y, terms=terms, bias=bias, act=act):
                x = bias
                for i, c in terms:
                    x += c * y[i]
                return _activate(act, x)
        else:
            args = [(index[u], c) for u, c in eq.norm_args]
            norm, a, s = eq.norm, eq.norm_a, eq.norm_s

            def f(y, args=args, norm=norm, a=a, s=s, act=act):
                diffs = [y[i] - c for i, c in args]
                if norm == "dist1":
                    r = sum((abs(d) for d in diffs), Fraction(0))
                elif norm == "distmax":
                    r = max(abs(d) for d in diffs)
                else:  # sqdist
                    r = sum((d * d for d in diffs), Fraction(0))
                return _activate(act, a + s * r)
        funcs[name] = f
    return funcs


def _check_exact(net):
    for name, eq in net.equations.items():
        if eq.act not in EXACT_ACTIVATIONS:
            raise NNError(f"neuron '{name}': activation '{eq.act}' is not exact in "
                          "rational mode", eq.line, eq.col)
        if eq.kind == "norm" and eq.norm not in EXACT_NORMS:
            raise NNError(f"neuron '{name}': norm '{eq.norm}' is not exact in "
                          "rational mode", eq.line, eq.col)


def simulate(net, inputs=(), rule=None, max_steps=100000):
    """Run one computation (rational mode).  Returns a dict with the fields of
    `nnsim run --json`: status, steps, [cycle], outputs, state, rule, numbers."""
    rule = rule or net.rule
    inputs = [Fraction(x) for x in inputs]
    if len(inputs) != len(net.inputs):
        raise NNError(f"the network has {len(net.inputs)} inputs, {len(inputs)} given")
    if max_steps < 0:
        raise NNError("--max-steps must be >= 0")
    _check_exact(net)

    names = list(net.neurons)
    index = {v: i for i, v in enumerate(names)}
    y = [Fraction(0)] * len(names)
    for v, x in zip(net.inputs, inputs):
        y[index[v]] = x
    for v, x in net.inits.items():
        y[index[v]] = x
    funcs = _compile(net, index)
    U = net.updatable()

    # selection S_t, universe W, period p (None: no divergence proof)
    if rule.kind == "parallel":
        W, period = list(U), 1
        select = lambda t: U
    elif rule.kind == "sequential":
        order = list(rule.order) if rule.order is not None else list(U)
        W, period = order, len(order)
        select = lambda t: (order[t % len(order)],)
    elif rule.kind == "layered":
        layer = layers(net)  # raises on a cycle
        L = max(layer.values(), default=0)
        by_layer = [[v for v in U if layer[v] == i] for i in range(L + 1)]
        W, period = list(U), None
        select = lambda t: by_layer[t + 1] if t < L else ()
    elif rule.kind == "random":
        W, period = list(U), None
        gen = splitmix64(rule.seed)
        select = lambda t: (U[next(gen) % len(U)],)
    elif rule.kind == "schedule":
        sets = rule.sets
        W = []
        for s in sets:
            for v in s:
                if v not in W:
                    W.append(v)
        period = len(sets)
        select = lambda t: sets[t % len(sets)]
    else:
        raise AssertionError(rule.kind)
    for v in W:
        if v not in net.equations:
            raise NNError(f"neuron '{v}' named in the rule has no equation")

    Widx = [(index[v], funcs[v]) for v in W]
    seen = {}
    result = None
    t = 0
    while True:
        # σ_v(ξ_v(y(t))) for every v in W; every selection S_t is a subset of W
        vals = {i: f(y) for i, f in Widx}
        if all(vals[i] == y[i] for i in vals):
            result = {"status": "halted", "steps": t}
            break
        if period is not None:
            key = (tuple(y), t % period)
            t1 = seen.get(key)
            if t1 is not None:
                result = {"status": "diverges", "steps": t,
                          "cycle": {"start": t1, "period": t - t1}}
                break
            seen[key] = t
        if t == max_steps:
            result = {"status": "undecided", "steps": t}
            break
        y = list(y)  # every selected neuron is evaluated on the old state y(t)
        for v in select(t):
            i = index[v]
            y[i] = vals[i]
        t += 1

    result["outputs"] = [format_value(y[index[o]]) for o in net.outputs]
    result["state"] = {v: format_value(y[index[v]]) for v in names}
    result["rule"] = rule.kind
    result["numbers"] = "rational"
    return result


def run_text(text, inputs=(), rule=None, max_steps=100000, word=None):
    """Parse and run; `rule` is a command-line rule string or None; `inputs` a
    sequence of values (Fractions or value strings)."""
    net = parse_network(text)
    r = parse_rule_override(rule) if rule is not None else None
    if word is not None:
        if len(net.inputs) != 1:
            raise NNError("--word needs a network with exactly one input")
        vals = [delta_encode(word)]
    else:
        vals = [parse_value(x) if isinstance(x, str) else Fraction(x) for x in inputs]
    return simulate(net, vals, r, max_steps)


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------

def _main(argv):
    import argparse
    ap = argparse.ArgumentParser(prog="nn_reference.py", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("file")
    r.add_argument("--input", default=None)
    r.add_argument("--word", default=None)
    r.add_argument("--rule", default=None)
    r.add_argument("--max-steps", type=int, default=100000)
    r.add_argument("--numbers", default="rational")
    r.add_argument("--json", action="store_true")
    e = sub.add_parser("encode")
    e.add_argument("word")
    d = sub.add_parser("decode")
    d.add_argument("value")
    a = ap.parse_args(argv)
    try:
        if a.cmd == "encode":
            print(delta_encode(a.word))
        elif a.cmd == "decode":
            print(delta_decode(parse_value(a.value)))
        else:
            if a.numbers != "rational":
                raise NNError("the reference implements only --numbers rational")
            text = sys.stdin.read() if a.file == "-" else open(a.file, encoding="utf-8").read()
            inputs = [] if a.input in (None, "") else a.input.split(",")
            res = run_text(text, inputs, a.rule, a.max_steps, a.word)
            print(json.dumps(res))
    except NNError as ex:
        print(f"nn_reference: error: {ex}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
