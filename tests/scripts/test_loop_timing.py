"""The timing of the compiled machines' two-phase loop, for every graded hold.

Run by CTest as `python3 tests/scripts/test_loop_timing.py PATH_TO_nnsim` from the
repository root (the nnsim path is not used: the loop is read from the committed networks).

docs/languages.md ("The loop's timing") states what the loop tm.loop.* must guarantee: a
phase is open for two consecutive full steps (1) before it can count as written; phase 2
(G2, A := B) opens only once B is final, two steps after the first of phase 1's two full
steps; phase 1 (G1, B := step(A)) opens only once A has been final for three steps (the
transition circuit is three neurons deep), A being final two steps after the first of
phase 2's two full steps; and phase 1 closes before A starts to change.  The reader's hold
in.e.1 falls with a value g in [0, 1] for one step (fact 1 of the docs), and the loop carries
that fractional timing on.

This script reads the loop's equations from every committed network, replaces the hold by
the waveform 1, ..., 1, g, 0, 0, ... and A's "running" states by 1, and checks the
conditions for EVERY g: each loop neuron is a piecewise linear function of g, so the script
computes the pieces exactly (fractions) over many turns of the loop, and checks the
conditions at every breakpoint and at a point between each two (between breakpoints every
`sat` is either 0, 1 or strictly between, so nothing else can happen there).  An
independent route: the loop is simulated here from its written equations, not by nnsim.
"""
import pathlib
import re
import sys
from fractions import Fraction as F

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import checks  # noqa: E402  (tests/scripts/checks.py)

MACHINES = ["even_ones", "ends_01", "zeros_then_ones", "palindromes", "equal_count", "divisible_by_3", "abc"]
HOLD = "in.e.1"
STEPS = 200  # about 16 turns of the loop
checks_done = checks.Checks()
check = checks_done.check


def parse_loop(path):
    """The tm.loop.* equations: name -> (bias, {source: weight}); A's states become 'running'."""
    loop = {}
    for line in pathlib.Path(path).read_text().splitlines():
        m = re.fullmatch(r"(tm\.loop\.\S+) = sat\((.*)\)", line)
        if not m:
            continue
        bias, terms = F(0), {}
        for sign, coefficient, source in re.findall(r"([+-]?)\s*(\d+(?:/\d+)?)?\s*([A-Za-z][\w.]*)?", m.group(2)):
            if not coefficient and not source:
                continue
            value = F(coefficient) if coefficient else F(1)
            if sign == "-":
                value = -value
            if source.startswith("tm.A.s."):  # one term per running state: their sum is 0 or 1
                assert value == 1, line
                terms["running"] = F(1)
            elif source:
                terms[source] = terms.get(source, 0) + value
            else:
                bias += value
        loop[m.group(1)] = (bias, terms)
    return loop


class PL:
    """A piecewise linear function of g on [0, 1]: its knots (x, y), exact."""

    def __init__(self, knots):
        self.knots = knots

    @staticmethod
    def const(c):
        return PL([(F(0), F(c)), (F(1), F(c))])

    def at(self, x):
        for (x0, y0), (x1, y1) in zip(self.knots, self.knots[1:]):
            if x0 <= x <= x1:
                return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        raise ValueError(x)

    @staticmethod
    def combine(bias, pairs):
        xs = sorted({x for _, f in pairs for x, _ in f.knots} | {F(0), F(1)})
        return PL([(x, bias + sum(w * f.at(x) for w, f in pairs)) for x in xs])

    def sat(self):
        out = []
        for (x0, y0), (x1, y1) in zip(self.knots, self.knots[1:]):
            out.append((x0, y0))
            for level in (F(0), F(1)):
                if (y0 - level) * (y1 - level) < 0:
                    out.append((x0 + (level - y0) * (x1 - x0) / (y1 - y0), level))
        out.append(self.knots[-1])
        out = sorted((x, min(F(1), max(F(0), y))) for x, y in out)
        kept = [out[0]]
        for i in range(1, len(out) - 1):
            (xa, ya), (xb, yb), (xc, yc) = kept[-1], out[i], out[i + 1]
            if (yb - ya) * (xc - xa) != (yc - ya) * (xb - xa):
                kept.append(out[i])
        kept.append(out[-1])
        return PL(kept)


def step(loop, state, inputs, combine, sat):
    values = dict(state, **inputs)
    return {name: sat(combine(bias, [(w, values[s]) for s, w in terms.items()])) for name, (bias, terms) in loop.items()}


def breakpoints(loop):
    zero, one = PL.const(0), PL.const(1)
    identity = PL([(F(0), F(0)), (F(1), F(1))])
    state = {name: zero for name in loop}
    xs = set()
    for t in range(STEPS):
        for f in state.values():
            xs |= {x for x, _ in f.knots}
        hold = identity if t == 0 else zero
        state = step(loop, state, {HOLD: hold, "running": one}, PL.combine, PL.sat)
    return sorted(xs)


def exact_run(loop, g, start=None, hold_before=0):
    """G1 and G2 at t = 0 .. STEPS-1, the hold being g at t = 0 and 0 after."""
    state = start or {name: F(0) for name in loop}
    combine = lambda bias, pairs: bias + sum(w * v for w, v in pairs)
    sat = lambda v: min(F(1), max(F(0), v))
    for _ in range(hold_before):
        state = step(loop, state, {HOLD: F(1), "running": F(1)}, combine, sat)
    g1, g2 = [], []
    for t in range(STEPS):
        g1.append(state["tm.loop.G1"])
        g2.append(state["tm.loop.G2"])
        state = step(loop, state, {HOLD: g if t == 0 else F(0), "running": F(1)}, combine, sat)
    return g1, g2, state


def windows(values):
    found, t = [], 0
    while t < len(values):
        if values[t] > 0:
            start = t
            while t < len(values) and values[t] > 0:
                t += 1
            found.append((start, t - 1))
        else:
            t += 1
    return found


def violations(loop, g):
    """The conditions of the docs, for one g; the list of what fails."""
    g1, g2, _ = exact_run(loop, g)
    phases = sorted([(a, b, 1) for a, b in windows(g1)] + [(a, b, 2) for a, b in windows(g2)])
    bad = []
    for i, (a, b, p) in enumerate(phases):
        if p != 1 + i % 2:
            return [f"phases out of order at t = {a}"]
    for i, (a, b, p) in enumerate(phases[:-1]):
        values = g1 if p == 1 else g2
        first_full = next((u for u in range(a, b) if values[u] == 1 and values[u + 1] == 1), None)
        if first_full is None:
            bad.append(f"phase {p} at t = {a}..{b} has no two consecutive full steps")
            continue
        final = first_full + 2  # the register written is final from here on
        following = phases[i + 1][0]
        if p == 1 and following < final:
            bad.append(f"phase 2 opens at t = {following}, B final at t = {final}")
        if p == 1 and b > following + 2:
            bad.append(f"phase 1 still open at t = {b}, A changes from t = {following + 3}")
        if p == 2 and following < final + 3:
            bad.append(f"phase 1 opens at t = {following}, A final for three steps at t = {final + 3}")
    if len(phases) < 10:
        bad.append(f"only {len(phases)} phases in {STEPS} steps")
    return bad


def check_every_hold(name, loop):
    xs = breakpoints(loop)
    points = sorted(set(xs) | {(a + b) / 2 for a, b in zip(xs, xs[1:])})
    failing = [g for g in points if violations(loop, g)]
    return points, failing


loops = {machine: parse_loop(f"networks/machines/{machine}.nn") for machine in MACHINES}
reference = loops["even_ones"]
check("the loop is read from the network", sorted(reference) == [
    "tm.loop.G1", "tm.loop.G2", "tm.loop.Q", "tm.loop.d1.1", "tm.loop.d2.1", "tm.loop.q.1", "tm.loop.q.2",
    "tm.loop.q.3"], sorted(reference))
for machine, loop in loops.items():
    check(f"{machine}: the same loop as even_ones", loop == reference)

# A held loop empties whatever its state: every restart starts it from zero.
names = sorted(reference)
not_emptied = []
for pattern in range(2 ** len(names)):
    held = {name: F((pattern >> i) & 1) for i, name in enumerate(names)}
    for _ in range(8):
        held = step(reference, held, {HOLD: F(1), "running": F(1)}, lambda b, p: b + sum(w * v for w, v in p),
                    lambda v: min(F(1), max(F(0), v)))
    if any(v != 0 for v in held.values()):
        not_emptied.append(pattern)
check("eight steps of hold empty the loop from every state of 0s and 1s", not not_emptied, not_emptied[:3])

# Exact holds: one turn of the loop is 12 steps; phase 1 opens at once.
for g in (F(0), F(1)):
    g1, g2, _ = exact_run(reference, g)
    w1, w2 = windows(g1), windows(g2)
    check(f"g = {g}: a phase is open three steps", all(b - a == 2 for a, b in w1 + w2 if b < STEPS - 1), (w1, w2))
    check(f"g = {g}: a turn of the loop takes 12 steps", all(b[0] - a[0] == 12 for a, b in zip(w1, w1[1:])), w1)
    check(f"g = {g}: phase 1 opens {1 + int(g)} step(s) after the hold falls", w1[0][0] == 1 + int(g), w1[0])
    check(f"g = {g}: phase 2 opens 6 steps after phase 1", all(b[0] - a[0] == 6 for a, b in zip(w1, w2)), (w1, w2))

# Every graded hold.
points, failing = check_every_hold("committed", reference)
check("every graded hold: the conditions hold", not failing, failing[:3])
check("the breakpoints are many (the analysis saw graded values)", len(points) > 20, len(points))

# The check can fail: with one step of guard less (m = 2: q.3 removed, G2 needs 3 latch
# values), a graded hold below 1/16 lets phase 1 open before A has been final three steps.
shorter = {name: (bias, dict(terms)) for name, (bias, terms) in reference.items() if name != "tm.loop.q.3"}
del shorter["tm.loop.G1"][1]["tm.loop.q.3"]
del shorter["tm.loop.G2"][1]["tm.loop.q.3"]
shorter["tm.loop.G2"] = (shorter["tm.loop.G2"][0] + 1, shorter["tm.loop.G2"][1])
check("m = 2: exact holds still work", not violations(shorter, F(0)) and not violations(shorter, F(1)))
check("m = 2: a hold of 1/32 breaks it", violations(shorter, F(1, 32)), violations(shorter, F(1, 32)))
_, failing_shorter = check_every_hold("m = 2", shorter)
check("m = 2: the complete check finds it", failing_shorter, len(failing_shorter))

sys.exit(checks_done.report())
