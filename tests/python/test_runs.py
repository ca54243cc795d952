"""Network.run, its Result, the values of each number mode, the limits and
Network.truth_table.

Run by CTest from the repository root with PYTHONPATH=build/python:
    PYTHONPATH=build/python python3 tests/python/test_runs.py
"""
import unittest
from decimal import Decimal
from fractions import Fraction

import nnsim


def load(path):
    return nnsim.load(path)


class XorTest(unittest.TestCase):
    def test_truth_table_by_runs(self):
        xor = load("networks/lecture/xor.nn")
        rows = [(x1, x2, xor.run([x1, x2])) for x1 in (0, 1) for x2 in (0, 1)]
        self.assertEqual([(r.status, r.steps, r.outputs) for _, _, r in rows],
                         [("halted", 1, [0]), ("halted", 2, [1]), ("halted", 2, [1]), ("halted", 1, [0])])
        for _, _, r in rows:
            self.assertIsNone(r.cycle)
            self.assertIsInstance(r.outputs[0], Fraction)

    def test_state_of_one_run(self):
        r = load("networks/lecture/xor.nn").run([1, 1])
        self.assertEqual(r.state, {"x1": 1, "x2": 1, "y": 0, "h1": 1, "h2": 0})
        self.assertEqual(list(r.state), ["x1", "x2", "y", "h1", "h2"])
        self.assertEqual(r.rule, "parallel")
        self.assertEqual(r.numbers, "rational")
        self.assertEqual(repr(r), "Result(status='halted', steps=1, cycle=None, outputs=[Fraction(0, 1)])")

    def test_truth_table(self):
        table = load("networks/lecture/xor.nn").truth_table()
        self.assertEqual(table.function, "0110")
        self.assertEqual(len(table), 4)
        self.assertEqual([tuple(row) for row in table],
                         [((0, 0), "halted", 1, [0]), ((0, 1), "halted", 2, [1]),
                          ((1, 0), "halted", 2, [1]), ((1, 1), "halted", 1, [0])])
        self.assertEqual(repr(table), "<nnsim.TruthTable of 4 rows, function '0110'>")

    def test_rule_argument(self):
        xor = load("networks/lecture/xor.nn")
        r = xor.run([1, 0], rule="sequential")
        self.assertEqual((r.status, r.steps, r.outputs, r.rule), ("halted", 3, [1], "sequential"))


class VerdictTest(unittest.TestCase):
    def test_oscillator_diverges_from_step_0_with_period_4(self):
        r = load("networks/lecture/oscillator.nn").run()
        self.assertEqual((r.status, r.steps, r.cycle), ("diverges", 4, (0, 4)))
        self.assertEqual(r.state, {"a": 0, "b": 0})

    def test_late_cycle_starts_at_step_3_with_period_2(self):
        r = load("examples/networks/late_cycle.nn").run()
        self.assertEqual((r.status, r.steps, r.cycle), ("diverges", 5, (3, 2)))
        self.assertEqual(r.state, {"c": 1, "f": 0})

    def test_undecided_at_max_steps(self):
        # s(t+1) = s(t)/3 + 1 from 0: s = 1, 4/3, 13/9, 40/27 (by hand).
        r = load("examples/networks/thirds.nn").run(max_steps=4)
        self.assertEqual((r.status, r.steps, r.cycle), ("undecided", 4, None))
        self.assertEqual(r.state, {"s": Fraction(40, 27)})
        self.assertEqual(r.largest_bits, 6 + 5)   # 40/27: 6 + 5 bits


class ValuesTest(unittest.TestCase):
    def test_fraction_states(self):
        # c(t) = min(t x, 1): on 1/5 the fixed point c = 1 comes at step 5.
        r = load("networks/lecture/counter.nn").run(["1/5"])
        self.assertEqual((r.status, r.steps), ("halted", 5))
        self.assertEqual(r.state, {"x": Fraction(1, 5), "c": Fraction(1)})
        self.assertEqual(r.outputs, [Fraction(1)])
        # By hand: s = sat(s/3 + 1/2) gives 1/2, 2/3, 13/18, 20/27.
        grow = load("examples/networks/grow.nn")
        self.assertEqual(grow.run([Fraction(1, 2)], max_steps=4).state, {"x": Fraction(1, 2), "s": Fraction(20, 27)})

    def test_input_types(self):
        counter = load("networks/lecture/counter.nn")
        for value in (Fraction(1, 4), "1/4", "0.25", 0.25, Decimal("0.25"), "25e-2"):
            self.assertEqual(counter.run([value]).state["x"], Fraction(1, 4), value)
        self.assertEqual(counter.run([2]).state["x"], 2)
        self.assertEqual(counter.run((True,)).state["x"], 1)
        # A float is its exact binary value.
        self.assertEqual(counter.run([0.1]).state["x"], Fraction(3602879701896397, 36028797018963968))
        big = 3 ** 5000   # more decimal digits than int() converts by default
        self.assertEqual(counter.run([Fraction(1, big)], max_steps=0).state["x"], Fraction(1, big))

    def test_word_input(self):
        counter = load("networks/lecture/counter.nn")
        self.assertEqual(counter.run(word="11001", max_steps=0).state["x"], Fraction(51, 64))
        self.assertEqual(counter.run(word="", max_steps=0).state["x"], Fraction(1, 2))

    def test_double_values_are_floats(self):
        r = load("networks/lecture/counter.nn").run(["1/3"], numbers="double")
        self.assertEqual((r.status, r.steps, r.numbers), ("halted", 3, "double"))
        self.assertEqual(r.state, {"x": 1 / 3, "c": 1.0})
        self.assertIsInstance(r.state["x"], float)
        self.assertEqual(r.exact_state["x"], Fraction(1 / 3))

    def test_real_values_are_the_text_nnsim_prints(self):
        r = load("networks/lecture/counter.nn").run(["1/3"], numbers="real:20")
        self.assertEqual(r.state, {"x": "0.33333349", "c": "1"})
        self.assertEqual(r.numbers, "real:20")
        # 1/3 = 0.010101...: rounded to 20 significant bits, 0xAAAAB / 2^21.
        self.assertEqual(r.exact_state, {"x": Fraction(0xAAAAB, 2 ** 21), "c": 1})


class ExpressionInputTest(unittest.TestCase):
    """Input values written as constant expressions (docs/reals.md)."""

    def test_rational_expressions_are_exact(self):
        counter = load("networks/lecture/counter.nn")
        self.assertEqual(counter.run(["1/3 + 2^-10"], max_steps=0).state["x"], Fraction(1027, 3072))
        self.assertEqual(counter.run(["sqrt(9/4) - 1"], max_steps=0).state["x"], Fraction(1, 2))

    def test_irrational_inputs_round_once(self):
        counter = load("networks/lecture/counter.nn")
        # mpmath: sqrt(2)/2 to nearest double is 0x1.6a09e667f3bcdp-1, and
        # to 20 bits 0xB504F / 2^20.
        r = counter.run(["sqrt(2)/2"], numbers="double", max_steps=0)
        self.assertEqual(r.state["x"].hex(), "0x1.6a09e667f3bcdp-1")
        r = counter.run(["sqrt(2)/2"], numbers="real:20", max_steps=0)
        self.assertEqual(r.exact_state["x"], Fraction(0xB504F, 2 ** 20))
        r = counter.run(["sqrt(2)/2"], numbers="certified", max_steps=0)
        # The 64-bit bounds around it (mpmath), as Fractions.
        self.assertEqual(r.state["x"], (Fraction(0xB504F333F9DE6484, 2 ** 64), Fraction(0xB504F333F9DE6485, 2 ** 64)))
        xor = load("networks/lecture/xor.nn")
        self.assertEqual(xor.run([Fraction(1, 2), "pi/4"], numbers="double").exact_state["x2"],
                         Fraction(0x1921FB54442D18, 2 ** 53))
        steps = list(counter.trace(["pi/8"], numbers="double", max_steps=1))
        self.assertEqual(steps[0].state["x"], 0.39269908169872414)

    def test_rational_mode_refuses_an_irrational_input(self):
        with self.assertRaises(nnsim.InputError) as caught:
            load("networks/lecture/counter.nn").run(["sqrt(2)/2"])
        self.assertEqual(str(caught.exception),
                         "input x = sqrt(2) / 2 is irrational; use --numbers interval:P, certified or real:P")

    def test_a_delta_code_is_rational(self):
        self.assertEqual(nnsim.decode("1/2 + 1/4"), "1")
        with self.assertRaises(nnsim.InputError) as caught:
            nnsim.decode("sqrt(2)/2")
        self.assertEqual(str(caught.exception),
                         "invalid δ-code 'sqrt(2)/2': it is irrational, and only rational values can be given here")


class ErrorTest(unittest.TestCase):
    def assert_input_error(self, message, **arguments):
        with self.assertRaises(nnsim.InputError) as caught:
            load("networks/lecture/xor.nn").run(**arguments)
        self.assertEqual(str(caught.exception), message)
        self.assertIsNone(caught.exception.line)

    def test_bad_inputs(self):
        self.assert_input_error("the network has 2 input neurons (x1, x2) but 1 input value was given", input=[1])
        self.assert_input_error("the network has 2 input neurons (x1, x2) but 0 input values were given")
        self.assert_input_error("invalid input value 'x': expected a number", input=[1, "x"])
        self.assert_input_error("invalid input value inf: not a finite number", input=[1, float("inf")])
        self.assert_input_error("word needs a network with one input neuron, but the network has 2 (x1, x2); "
                                "use input", word="01")
        self.assert_input_error("give the input or a word, not both", input=[1, 0], word="1")
        with self.assertRaises(TypeError):
            load("networks/lecture/xor.nn").run("1,0")
        with self.assertRaises(TypeError):
            load("networks/lecture/xor.nn").run([1, None])

    def test_bad_options(self):
        self.assert_input_error("unknown rule 'bogus': expected parallel, sequential, layered, random or random:SEED",
                                input=[1, 0], rule="bogus")
        self.assert_input_error("number mode 'real' needs a precision in bits: real:P, from 2 to 100000 (e.g. real:128)",
                                input=[1, 0], numbers="real")
        self.assert_input_error("max_steps: -1 is too small (at least 0)", input=[1, 0], max_steps=-1)
        self.assert_input_error("max_bits: 0 is too small (at least 1)", input=[1, 0], max_bits=0)
        self.assert_input_error("max_memory: 18446744073709551616 is too large (at most 18446744073709551615)",
                                input=[1, 0], max_memory=2 ** 64)
        with self.assertRaises(TypeError):
            load("networks/lecture/xor.nn").run([1, 0], max_steps=1.5)

    def test_located_error_of_a_run(self):
        net = nnsim.parse("network n\noutput y\ny = logistic(y)\n", name="n.nn")
        with self.assertRaises(nnsim.InputError) as caught:
            net.run()
        e = caught.exception
        self.assertEqual((e.file, e.line, e.column), ("n.nn", 3, 1))
        self.assertTrue(e.message.startswith("activation 'logistic' of neuron 'y' is not exact in rational mode"))

    def test_limit_error(self):
        grow = load("examples/networks/grow.nn")
        with self.assertRaises(nnsim.LimitError) as caught:
            grow.run(word="", max_bits=40)
        self.assertEqual(str(caught.exception), "the value of neuron 's' at step 13 has 41 bits, more than the limit "
                                                "of 40 (raise it with max_bits)")
        self.assertEqual(caught.exception.message, str(caught.exception))

    def test_non_finite_error(self):
        with self.assertRaises(nnsim.NonFiniteError) as caught:
            load("examples/networks/overflow.nn").run(numbers="double", max_steps=5)
        e = caught.exception
        self.assertIsInstance(e, nnsim.LimitError)
        self.assertEqual((e.neuron, e.time), ("s", 0))



class IntervalTest(unittest.TestCase):
    """numbers='interval:P' and 'certified' (docs/reals.md)."""

    def test_proven_and_undecided(self):
        # sqrt(2) x - 1 < 0 for x = 0.7071067811865475244 < 1/sqrt(2)
        # (1/sqrt(2) = 0.70710678118654752440...): step gives 0 at y(0), a
        # fixed point; 64-bit intervals cannot tell the sign (the potential
        # is about -1.3e-20), 128-bit ones can.
        threshold = load("examples/networks/sqrt2_threshold.nn")
        x = "7071067811865475244/10000000000000000000"
        proven = threshold.run([x], numbers="certified")
        self.assertEqual((proven.status, proven.steps, proven.precision), ("halted", 0, 128))
        self.assertIsNone(proven.shortfall)
        low = threshold.run([x], numbers="certified", max_precision=64)
        self.assertEqual((low.status, low.precision), ("undecided", 64))
        self.assertTrue(low.shortfall.startswith("step 0, neuron 'y': the potential ["), low.shortfall)
        # sqrt(2) sqrt(2) x - 2x is exactly 0: never proven.
        squared = load("examples/networks/sqrt2_squared.nn")
        never = squared.run([1], numbers="certified", max_precision=512)
        self.assertEqual((never.status, never.precision), ("undecided", 512))
        lo, hi = never.state["h"]
        self.assertTrue(lo * lo < 2 < hi * hi)
        self.assertEqual(never.numbers, "certified")

    def test_max_precision_is_checked(self):
        threshold = load("examples/networks/sqrt2_threshold.nn")
        with self.assertRaises(nnsim.InputError):
            threshold.run([1], numbers="certified", max_precision=1)
        with self.assertRaises(TypeError):
            threshold.run([1], numbers="certified", max_precision="64")

if __name__ == "__main__":
    unittest.main()
