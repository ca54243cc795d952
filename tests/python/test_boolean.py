"""Gates, two-layer networks and linear separability.

Run by CTest from the repository root with PYTHONPATH=build/python:
    PYTHONPATH=build/python python3 tests/python/test_boolean.py
"""
import unittest
from fractions import Fraction

import nnsim


class ConstructionTest(unittest.TestCase):
    def test_gates_compute_their_function(self):
        for name, arity, table in [("and", 2, "0001"), ("or", 2, "0111"), ("not", None, "10"),
                                   ("nand", 2, "1110"), ("xor", None, "0110"), ("majority", 3, "00010111"),
                                   ("atleast:2", 3, "00010111"), ("parity", 3, "01101001")]:
            with self.subTest(gate=name):
                self.assertEqual(nnsim.build_gate(name, arity).truth_table().function, table)

    def test_gate_text(self):
        gate = nnsim.build_gate("and", 3)
        self.assertEqual(gate.name, "and3")
        self.assertEqual(gate.inputs, ["x1", "x2", "x3"])
        self.assertEqual(gate.equations, {"y": "step(-3 + x1 + x2 + x3)"})
        self.assertEqual(gate, nnsim.build_gate("and", arity=3))

    def test_gate_errors(self):
        with self.assertRaises(nnsim.InputError) as caught:
            nnsim.build_gate("xor", 3)
        self.assertEqual(str(caught.exception), "xor is the lecture's network for two inputs, not 3; for n inputs "
                                                "use parity")
        with self.assertRaises(nnsim.InputError) as caught:
            nnsim.build_gate("bogus")
        self.assertEqual(str(caught.exception), "unknown gate 'bogus' (the gates are and, or, not, nand, nor, "
                                                "majority, atleast:K, xor, parity)")

    def test_two_layer_networks(self):
        xor = nnsim.build_boolean("0110")
        self.assertEqual(xor.truth_table().function, "0110")
        self.assertEqual(len(xor.neurons), 5)
        net = nnsim.build_boolean(formula="x1 & x2 | x3", minimize=True)
        self.assertEqual(net.equations, {"t1": "step(-1 + x3)", "t2": "step(-2 + x1 + x2)",
                                         "y": "step(-1 + t1 + t2)"})
        self.assertEqual(net.truth_table().function, "01010111")
        for options in (dict(cnf=True), dict(minimize=True), dict(cnf=True, minimize=True, layered=True)):
            with self.subTest(options=options):
                self.assertEqual(nnsim.build_boolean("10010110", **options).truth_table().function, "10010110")
        self.assertEqual(nnsim.build_boolean("0110", layered=True).rule, "layered")
        self.assertEqual(nnsim.build_boolean(formula="x2", arity=3).inputs, ["x1", "x2", "x3"])


class SeparabilityTest(unittest.TestCase):
    def test_and_is_separable(self):
        answer = nnsim.separable("0001")
        self.assertTrue(answer)
        self.assertTrue(answer.separable)
        self.assertEqual((answer.weights, answer.bias, answer.certificate), ([1, 1], -2, None))
        self.assertEqual(repr(answer), "Separability(separable=True, weights=[1, 1], bias=-2)")
        self.assertEqual(answer.network().equations, {"y": "step(-2 + x1 + x2)"})
        self.assertEqual(answer.network().truth_table().function, "0001")

    def test_xor_is_not(self):
        answer = nnsim.separable("0110")
        self.assertFalse(answer)
        self.assertEqual((answer.weights, answer.bias), (None, None))
        half = Fraction(1, 2)
        self.assertEqual(answer.certificate, ([(0, 1), (1, 0)], [half, half], [(0, 0), (1, 1)], [half, half],
                                              (half, half)))
        self.assertEqual(nnsim.separable(formula="x1 ^ x2").certificate, answer.certificate)
        with self.assertRaises(nnsim.InputError):
            answer.network()

    def test_points(self):
        answer = nnsim.separable(points=[(0, 0), ("1/2", 1), (1, 0.5)], labels=[0, 1, 1])
        self.assertEqual((answer.weights, answer.bias), ([2, 2], -3))
        answer = nnsim.separable(points=[(0, 0), (2, 2), (1, 1)], labels=[1, 1, 0])
        self.assertEqual(answer.certificate.ones, [(0, 0), (2, 2)])   # the points as given
        self.assertEqual(answer.certificate.zeros_coefficients, [1])
        self.assertEqual(answer.certificate.meeting_point, (1, 1))

    def test_errors(self):
        cases = [
            (dict(), "give the function as a truth table (e.g. '0110') or a formula (e.g. formula='x1 ^ x2')"),
            (dict(table="01", formula="x1"), "give the function as a truth table or a formula, not both"),
            (dict(table="011"), "truth table: 3 characters; a table has 2^n characters (1, 2, 4, 8, ...), one for "
                                "each input vector"),
            (dict(points=[(0,)]), "points go with labels, one label per point"),
            (dict(points=[(0,)], labels=[2]), "a label must be 0 or 1 (or False or True), not 2"),
        ]
        for arguments, message in cases:
            with self.subTest(arguments=arguments):
                with self.assertRaises(nnsim.InputError) as caught:
                    nnsim.separable(**arguments)
                self.assertEqual(str(caught.exception), message)


if __name__ == "__main__":
    unittest.main()
